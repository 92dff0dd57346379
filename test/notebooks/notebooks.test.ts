/**
 * The notebooks in a real browser: build them (`npm run notebooks:build`), serve the static site
 * on 127.0.0.1, open each notebook in headless Chromium (playwright-core with Debian's
 * `chromium`) and check that the charts render, that moving the insatskostnad slider changes the
 * payback figure shown, that there are no console errors, and that no request leaves 127.0.0.1.
 * Also takes the screenshot of the payback notebook used in the README: written to
 * docs/img/notebook-aterbetalningstid.png when UPDATE_SCREENSHOTS=1, else to a temporary file.
 *
 * Skipped when /usr/bin/chromium is missing (set SAMNYTTA_REQUIRE_BROWSER=1 to fail instead).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { run } from '../../cli/main.js';
import { CHROMIUM_ARGS } from '../../lib/report/pdf.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'notebooks', '.observable', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.SAMNYTTA_REQUIRE_BROWSER) throw new Error(`notebooks test: ${CHROMIUM} not found (install chromium)`);

const NOTEBOOKS = ['aterbetalningstid', 'kostnadsforskjutningar', 'kanslighet', 'katalogen', 'kalkylator', 'portfoljen'] as const;
const examples = join(root, 'data', 'examples');

/** Runs the CLI in-process (cwd-relative paths as a user types them); returns exit code and output. */
async function cli(args: string[], cwd = root): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const here = process.cwd();
  process.chdir(cwd);
  try {
    const code = await run(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
    return { code, out, err };
  } finally {
    process.chdir(here);
  }
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png',
};
/** Elements drawn by Plot marks (not axes or frames). */
const MARKS = ['bar', 'line', 'dot', 'area', 'rect', 'cell', 'tick'].map((m) => `svg [aria-label="${m}"] > *`).join(', ');

let server: Server;
let base: string;
let context: BrowserContext;
let userDataDir: string;

function serve(dir: string): Promise<Server> {
  const s = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(s)));
}

interface Watched { page: Page; errors: string[]; outside: string[] }

async function open(name: string): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [], outside: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(`${base}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url()); });
  await page.goto(`${base}/${name}.html`, { waitUntil: 'load' });
  if (name !== 'kalkylator' && name !== 'portfoljen') await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, MARKS, { timeout: 30_000 });
  else await page.locator('#projektval').waitFor({ timeout: 30_000 });
  // Cells that errored render an inspector error; give the runtime a moment to settle.
  await page.waitForTimeout(500);
  return { page, errors, outside };
}

async function cellErrors(page: Page): Promise<string[]> {
  return page.$$eval('.observablehq--error', (els) => els.map((e) => e.textContent ?? ''));
}

describe.skipIf(!haveBrowser)('notebooks (headless Chromium)', () => {
  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'notebooks:build'], { cwd: root, stdio: 'pipe', env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: 'true' } });
    expect(existsSync(join(dist, 'aterbetalningstid.html'))).toBe(true);
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'samnytta-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 },
      args: CHROMIUM_ARGS, acceptDownloads: true,
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  for (const name of NOTEBOOKS) {
    it(`${name}.html renders its charts offline without errors`, async () => {
      const { page, errors, outside } = await open(name);
      if (name !== 'kalkylator' && name !== 'portfoljen') expect(await page.locator(MARKS).count()).toBeGreaterThan(0);
      expect(await cellErrors(page)).toEqual([]);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    }, 90_000);
  }

  it('aterbetalningstid.html: moving the insatskostnad slider changes the payback figure', async () => {
    const { page, errors, outside } = await open('aterbetalningstid');
    const figure = page.locator('#payback-samhallet');
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).toMatch(/\d/);
    const before = await figure.textContent();
    const chartBefore = await page.locator('#diagram-aterbetalningstid svg').innerHTML();
    const slider = page.locator('#reglage-insatskostnad input[type=range]');
    const max = Number(await slider.getAttribute('max'));
    await slider.evaluate((el: HTMLInputElement, v: number) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, Math.round(max * 0.9));
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).not.toBe(before);
    expect(await page.locator('#diagram-aterbetalningstid svg').innerHTML()).not.toBe(chartBefore);
    // Dödvikt moves it too (the engine is re-run, not a scaled copy).
    const after = await figure.textContent();
    await page.locator('#reglage-dodvikt input[type=range]').evaluate((el: HTMLInputElement) => {
      el.value = '50';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).not.toBe(after);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);

  it('aterbetalningstid.html: screenshot for the README (docs/img/notebook-aterbetalningstid.png)', async () => {
    const { page, errors } = await open('aterbetalningstid');
    await page.locator('#payback-samhallet').waitFor();
    const out = process.env.UPDATE_SCREENSHOTS ? join(root, 'docs', 'img') : userDataDir;
    mkdirSync(out, { recursive: true });
    // From the project heading to the cumulative chart: the interactive part of the notebook.
    const top = await page.locator('#cell-4').boundingBox();
    const bottom = await page.locator('#diagram-kumulativt').boundingBox();
    if (!top || !bottom) throw new Error('notebook layout not found');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(out, 'notebook-aterbetalningstid.png'), fullPage: true, clip: { x: 0, y: Math.max(0, top.y - 12), width: 1280, height: bottom.y + bottom.height - top.y + 28 } });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  /** Downloads what a button gives, as text or bytes. */
  async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(button).click()]);
    const path = await d.path();
    return { name: d.suggestedFilename(), bytes: readFileSync(path) };
  }

  it('kalkylator.html: the Excel example uploaded gives exactly the results JSON of samnytta calc, and every report format downloads', async () => {
    const { page, errors, outside } = await open('kalkylator');
    const dir = join(examples, 'excel-exempel');
    await page.locator('#valj-filer').setInputFiles([join(dir, 'projekt.yaml'), join(dir, 'deltagare.xlsx')]);
    await page.locator('#sammanfattning').waitFor({ timeout: 60_000 });
    const calc = await cli(['calc', 'data/examples/excel-exempel', '--format', 'json']);
    expect(calc.code).toBe(0);
    // The summary is the CLI's table; the JSON is byte for byte the CLI's (every amount equal).
    expect(await page.locator('#sammanfattning').textContent()).toBe((await cli(['calc', 'data/examples/excel-exempel'])).out);
    const json = await downloaded(page, '#ladda-resultat-json');
    expect(json.name).toBe('resultat.json');
    expect(json.bytes.toString('utf8')).toBe(calc.out);
    const html = (await downloaded(page, '#ladda-html')).bytes.toString('utf8');
    expect(html).toContain('Excel-exempel: samverkansteam för 24 deltagare');
    expect(html).toMatch(/<svg[^>]+id="chart-aterbetalningstid"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await downloaded(page, '#ladda-xlsx')).bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Resultat');
    const zip = (await downloaded(page, '#ladda-md')).bytes;
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    for (const f of ['rapport.md', 'diagram/aterbetalningstid.png']) expect(zip.includes(Buffer.from(f))).toBe(true);
    const report = JSON.parse((await downloaded(page, '#ladda-rapport-json')).bytes.toString('utf8'));
    expect(report.schema).toBe('samnytta/report@1');
    expect(await page.locator('.rapportdiagram > svg').count()).toBe(4);
    expect(await cellErrors(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 240_000);

  it('kalkylator.html: a picked folder with aggregated transitions (CSV) calculates as samnytta calc', async () => {
    const { page, errors, outside } = await open('kalkylator');
    await page.locator('#valj-mapp').setInputFiles(join(examples, 'aggregerad-overgangar'));
    await page.locator('#sammanfattning').waitFor({ timeout: 60_000 });
    const json = await downloaded(page, '#ladda-resultat-json');
    expect(json.bytes.toString('utf8')).toBe((await cli(['calc', 'data/examples/aggregerad-overgangar', '--format', 'json'])).out);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 180_000);

  it('kalkylator.html: an invalid project lists the same errors as samnytta validate', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'samnytta-kalk-'));
    const dir = join(tmp, 'mitt-projekt');
    cpSync(join(examples, 'excel-exempel'), dir, { recursive: true });
    writeFileSync(join(dir, 'projekt.yaml'), readFileSync(join(dir, 'projekt.yaml'), 'utf8').replace('participantsFile: deltagare.xlsx', 'participantsFile: situationer.csv'));
    writeFileSync(join(dir, 'situationer.csv'), 'deltagare;lage;post;manader\nD001;fore;kommun.forsorjningsstd;12\nD001;efter;kommun.forsorjningsstod;tolv\n');
    const validate = await cli(['validate', 'mitt-projekt'], tmp);
    expect(validate.code).toBe(1);
    const cliLines = validate.err.split('\n').filter((l) => !l.startsWith('info:') && !l.startsWith('varning:') && l.trim());
    const { page, errors, outside } = await open('kalkylator');
    await page.locator('#valj-mapp').setInputFiles(dir);
    await page.locator('#indata-fel').waitFor({ timeout: 60_000 });
    const shown = [await page.locator('#indata-fel').textContent(), ...(await page.locator('#indata-meddelanden li.fel').allTextContents()).map((t) => `  ${t}`)];
    expect(shown).toEqual(cliLines);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
    rmSync(tmp, { recursive: true, force: true });
  }, 180_000);

  it('kalkylator.html: a filled Excel template dropped alone calculates with the project details typed in', async () => {
    const { page, errors } = await open('kalkylator');
    await page.locator('#valj-filer').setInputFiles([join(examples, 'excel-exempel', 'deltagare.xlsx')]);
    const form = page.locator('#projektuppgifter');
    await form.waitFor({ timeout: 60_000 });
    const field = (label: string) => form.getByLabel(label);
    await field('Projektets namn').fill('Excel-exempel: samverkansteam för 24 deltagare');
    await field('Prisår').fill('2025');
    await field('Insatskostnad (kr)').fill('1800000');
    await field('Insatskostnad (kr)').press('Enter');
    await page.locator('#sammanfattning').waitFor({ timeout: 60_000 });
    // Same participants, cost and defaults as the example's projekt.yaml: the same results.
    const calc = JSON.parse((await cli(['calc', 'data/examples/excel-exempel', '--format', 'json'])).out);
    const json = JSON.parse((await downloaded(page, '#ladda-resultat-json')).bytes.toString('utf8'));
    expect(json.actors).toEqual(calc.actors);
    expect(json.groups).toEqual(calc.groups);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('aterbetalningstid.html: a cost typed above the slider maximum widens the range and is used', async () => {
    const { page, errors } = await open('aterbetalningstid');
    const figure = page.locator('#payback-samhallet');
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).toMatch(/\d/);
    const before = await figure.textContent();
    const box = page.locator('#reglage-insatskostnad input[type=number]');
    const max = Number(await page.locator('#reglage-insatskostnad input[type=range]').getAttribute('max'));
    await box.fill(String(max * 3));
    await box.press('Enter');
    await expect.poll(async () => Number(await page.locator('#reglage-insatskostnad input[type=range]').getAttribute('max')), { timeout: 15_000 }).toBeGreaterThanOrEqual(max * 3);
    await expect.poll(() => figure.textContent(), { timeout: 15_000 }).not.toBe(before);
    expect(await page.locator('#reglage-insatskostnad .reglage-not').textContent()).toMatch(/^Intervallet utökat/);
    // A dödvikt above 100 % is refused visibly, not silently.
    const dw = page.locator('#reglage-dodvikt input[type=number]');
    await dw.fill('150');
    await expect.poll(() => page.locator('#reglage-dodvikt .reglage-not').textContent()).toMatch(/används inte/);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('every notebook loads the aggregated example and the Excel example (participants from files)', async () => {
    for (const name of ['aterbetalningstid', 'kostnadsforskjutningar', 'kanslighet']) {
      const { page, errors } = await open(name);
      for (const id of ['aggregerad-overgangar', 'excel-exempel']) {
        await page.locator('#cell-5 select').selectOption({ label: JSON.parse(readFileSync(join(root, 'notebooks', 'data', 'examples.json'), 'utf8')).find((e: { id: string }) => e.id === id).name });
        await expect.poll(() => page.locator('#indata-status').textContent(), { timeout: 30_000 }).toMatch(/^Visar/);
      }
      expect(await cellErrors(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it('katalogen.html: Swedish widget text and no blank values', async () => {
    const { page, errors } = await open('katalogen');
    expect(await page.locator('#cell-7 output').textContent()).toMatch(/^\d[\d\s]* träffar$/);
    const values = await page.locator('#cell-8 tbody tr td:nth-child(5)').allTextContents();
    expect(values.length).toBeGreaterThan(10);
    expect(values.filter((v) => v.trim() === '')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('portfoljen.html: the bundled examples as a portfolio, filtered by class, and the reference set', async () => {
    const { page, errors, outside } = await open('portfoljen');
    const examplesCount = JSON.parse(readFileSync(join(root, 'notebooks', 'data', 'examples.json'), 'utf8')).length;
    await expect.poll(() => page.locator('#portfolj-status').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${examplesCount} projekt lästa`));
    const rows = () => page.locator('#cell-11 tbody tr').count();
    await expect.poll(rows, { timeout: 30_000 }).toBe(examplesCount);
    expect(await page.locator('#cell-14 tbody tr').count()).toBeGreaterThan(0);
    // Unticking one class leaves fewer projects.
    await page.locator('#cell-7 input[type=checkbox]').first().uncheck();
    await expect.poll(rows, { timeout: 30_000 }).toBeLessThan(examplesCount);
    expect(await cellErrors(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);
});

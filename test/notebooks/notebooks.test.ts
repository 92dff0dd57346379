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
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'notebooks', '.observable', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.SAMNYTTA_REQUIRE_BROWSER) throw new Error(`notebooks test: ${CHROMIUM} not found (install chromium)`);

const NOTEBOOKS = ['aterbetalningstid', 'kostnadsforskjutningar', 'kanslighet', 'katalogen'] as const;
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
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, MARKS, { timeout: 30_000 });
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
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
      expect(await page.locator(MARKS).count()).toBeGreaterThan(0);
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
});

/**
 * `npm run reports`: regenerates reports/<example>/ for every bundled example in data/examples
 * (html, md with PNG charts, json, xlsx; pdf too when Chromium is installed) with the default
 * printed date (31 December of the price year), so the committed reports are reproducible.
 * test/report/reports-fresh.test.ts fails when they are out of date.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadCatalog, defaultDataDir } from '../lib/catalog/load.js';
import type { ReportFormat } from '../lib/report/build-report.js';
import { CHROMIUM_ARGS, chromiumPath, reportFiles } from '../cli/commands/report.js';
import { loadProject } from '../cli/commands/load-project.js';
import { writeFilesAtomically, type Io } from '../cli/io.js';

/** The bundled examples: folders of data/examples with a projekt.yaml, sorted. */
export function bundledExamples(dataDir = defaultDataDir()): { name: string; project: string }[] {
  const dir = join(dataDir, 'examples');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'projekt.yaml')))
    .map((e) => ({ name: e.name, project: join(dir, e.name, 'projekt.yaml') }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

const quiet: Io = { out: () => {}, err: () => {}, isTTY: false };

async function main(): Promise<void> {
  const root = join(defaultDataDir(), '..');
  const catalog = loadCatalog();
  const formats: ReportFormat[] = ['html', 'md', 'json', 'xlsx'];
  if (existsSync(chromiumPath())) formats.push('pdf');
  else process.stderr.write(`Chromium saknas (${chromiumPath()}): rapport.pdf skrivs inte\n`);
  for (const ex of bundledExamples()) {
    const t0 = performance.now();
    const project = await loadProject(ex.project, catalog, { lang: 'sv' }, quiet);
    const files = await reportFiles(project, catalog, { formats, lang: 'sv' });
    const out = join(root, 'reports', ex.name);
    writeFilesAtomically(files.map((f) => ({ path: join(out, f.path), data: f.data })));
    process.stdout.write(`reports/${ex.name}: ${files.length} filer på ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    if (ex.name === MAIN_EXAMPLE && formats.includes('pdf')) {
      await screenshot(join(out, 'rapport.html'), join(root, 'docs', 'img', 'rapport.png'));
      process.stdout.write('docs/img/rapport.png\n');
    }
  }
}

/** The example whose HTML report the README shows. */
export const MAIN_EXAMPLE = 'unga-vuxna-coachning';

/** A PNG screenshot of the top of an HTML report (for the README). */
async function screenshot(htmlFile: string, png: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-shot-'));
  try {
    const ctx = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(), headless: true, viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1,
      args: CHROMIUM_ARGS,
    });
    const page = await ctx.newPage();
    await page.goto(`file://${resolve(htmlFile)}`, { waitUntil: 'load' });
    mkdirSync(dirname(png), { recursive: true });
    await page.screenshot({ path: png, fullPage: false });
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /reports\.(js|ts)$/.test(process.argv[1])) {
  main().catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
}

/**
 * `npm run reports`: regenerates reports/<example>/ for every bundled example in data/examples
 * (and the forecast report with its one-page summary for every bundled plan, prognos.yaml)
 * (html, md with PNG charts, json, xlsx; pdf too when Chromium is installed) with the default
 * printed date (31 December of the price year), so the committed reports are reproducible.
 * test/report/reports-fresh.test.ts fails when they are out of date.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadCatalog, defaultDataDir } from '../lib/catalog/load.js';
import type { Catalog } from '../lib/catalog/types.js';
import { readProject } from '../lib/model/read-project.js';
import type { Project } from '../lib/model/types.js';
import type { ReportFile, ReportFormat } from '../lib/report/build-report.js';
import { readPlan } from '../lib/forecast/plan.js';
import { forecastReport } from '../lib/report/forecast.js';
import { forecastReportFiles } from '../lib/report/forecast-report-files.js';
import { CHROMIUM_ARGS } from '../lib/report/pdf.js';
import { findBrowser } from '../lib/report/find-browser.js';
import { reportFiles } from '../lib/report/report-files.js';
import { InputError } from '../lib/util/errors.js';

/** The bundled examples: folders of data/examples with a projekt.yaml, sorted. */
export function bundledExamples(dataDir = defaultDataDir()): { name: string; project: string }[] {
  const dir = join(dataDir, 'examples');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'projekt.yaml')))
    .map((e) => ({ name: e.name, project: join(dir, e.name, 'projekt.yaml') }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A bundled example's project, validated. @throws InputError when it has errors (a broken example) */
export async function loadExample(path: string, catalog: Catalog): Promise<Project> {
  const { project, problems } = await readProject(path, catalog);
  if (!project || problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  return project;
}
/** The bundled forecast plans (docs/prognos.md): folders of data/examples with a prognos.yaml, sorted. */
export function bundledPlans(dataDir = defaultDataDir()): { name: string; plan: string }[] {
  const dir = join(dataDir, 'examples');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'prognos.yaml')))
    .map((e) => ({ name: e.name, plan: join(dir, e.name, 'prognos.yaml') }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The forecast report and one-page summary of a bundled plan (default draws and seed), in memory. */
export async function planReportFiles(plan: string, formats: ReportFormat[], chromium?: string): Promise<ReportFile[]> {
  const catalog = loadCatalog();
  const read = await readPlan(plan, catalog);
  if (!read.plan) throw new InputError(read.problems);
  return forecastReportFiles(forecastReport(read.plan, catalog), { formats, lang: 'sv', datum: REPORTS_DATUM, ...(chromium ? { chromium } : {}) });
}

async function main(): Promise<void> {
  const root = join(defaultDataDir(), '..');
  const catalog = loadCatalog();
  const found = findBrowser();
  const chromium = found.found ? found.path : '';
  const formats: ReportFormat[] = ['html', 'md', 'json', 'xlsx'];
  if (existsSync(chromium)) formats.push('pdf');
  else process.stderr.write(`Chromium saknas (${chromium}): rapport.pdf skrivs inte\n`);
  for (const ex of bundledExamples()) {
    const t0 = performance.now();
    const project = await loadExample(ex.project, catalog);
    const files = await reportFiles(project, catalog, { formats, lang: 'sv', chromium, datum: REPORTS_DATUM });
    const out = join(root, 'reports', ex.name);
    for (const f of files) {
      mkdirSync(dirname(join(out, f.path)), { recursive: true });
      writeFileSync(join(out, f.path), f.data);
    }
    process.stdout.write(`reports/${ex.name}: ${files.length} filer på ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    if (ex.name === MAIN_EXAMPLE && formats.includes('pdf')) {
      await screenshot(join(out, 'rapport.html'), join(root, 'docs', 'img', 'rapport.png'), chromium);
      process.stdout.write('docs/img/rapport.png\n');
    }
  }
  for (const pl of bundledPlans()) {
    const t0 = performance.now();
    const files = await planReportFiles(pl.plan, formats, chromium);
    for (const f of files) {
      mkdirSync(dirname(join(root, 'reports', pl.name, f.path)), { recursive: true });
      writeFileSync(join(root, 'reports', pl.name, f.path), f.data);
    }
    process.stdout.write(`reports/${pl.name}: ${files.length} filer på ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
}

/** The date printed in the committed reports (they must not change with the day they are rebuilt). */
export const REPORTS_DATUM = '2025-12-31';

/** The example whose HTML report the README shows. */
export const MAIN_EXAMPLE = 'unga-vuxna-coachning';

/** A PNG screenshot of the top of an HTML report (for the README). */
async function screenshot(htmlFile: string, png: string, executablePath: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-shot-'));
  try {
    const ctx = await chromium.launchPersistentContext(dir, {
      executablePath, headless: true, viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1,
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

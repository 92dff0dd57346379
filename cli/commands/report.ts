/**
 * `samnytta report PROJECT --out DIR [--format html,pdf,xlsx,md,json] [--lang sv|en] [--datum D]`:
 * writes the report files atomically (all or nothing). The files are built in memory by
 * lib/report; the PDF is the HTML printed by headless Chromium (playwright-core).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Catalog } from '../../lib/catalog/types.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { evaluate } from '../../lib/engine/evaluate.js';
import { priceProject } from '../../lib/engine/price.js';
import type { Project } from '../../lib/model/types.js';
import { buildReport, REPORT_FILES, REPORT_FORMATS, type ReportFile, type ReportFormat } from '../../lib/report/build-report.js';
import { checkDatum, defaultDatum } from '../../lib/report/model.js';
import { subgroupTables } from '../../lib/report/subgroups.js';
import type { Lang } from '../../lib/util/errors.js';
import { ExitError, writeFilesAtomically, type GlobalOptions, type Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface ReportOptions extends GlobalOptions {
  project: string;
  out: string;
  formats: string[];
  datum?: string;
  pseudonymisera?: boolean;
  nyckelfil?: string;
}

/** Where Chromium is looked for (override with SAMNYTTA_CHROMIUM). */
export const chromiumPath = (): string => process.env.SAMNYTTA_CHROMIUM || '/usr/bin/chromium';

/** Flags for headless Chromium on a closed network (no background connections, no sandbox as root). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function noChromium(lang: Lang, path: string): ExitError {
  return new ExitError(1, lang === 'sv'
    ? `PDF kräver Chromium, som inte finns på ${path}. Installera det (Debian/Ubuntu: sudo apt-get install chromium), ange sökvägen i SAMNYTTA_CHROMIUM, eller välj bort pdf: --format html,xlsx,md,json`
    : `PDF needs Chromium, which was not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium), set its path in SAMNYTTA_CHROMIUM, or leave out pdf: --format html,xlsx,md,json`);
}

/**
 * Prints HTML to an A4 PDF with page numbers in the footer. Network requests are blocked; the
 * PDF's creation dates and document id are fixed so the same HTML gives the same bytes.
 */
export async function htmlToPdf(html: string, o: { lang: Lang; datum: string; executablePath?: string }): Promise<Buffer> {
  const executablePath = o.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) throw noChromium(o.lang, executablePath);
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-pdf-'));
  try {
    const ctx = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await ctx.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; width: 100%; text-align: center; color: #333;">${o.lang === 'sv' ? 'Sida' : 'Page'} <span class="pageNumber"></span> ${o.lang === 'sv' ? 'av' : 'of'} <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      });
      return fixPdfDates(pdf, o.datum);
    } finally {
      await ctx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the PDF's creation/modification dates and document id in place (same lengths, so offsets hold). */
export function fixPdfDates(pdf: Buffer, datum: string): Buffer {
  let s = pdf.toString('latin1');
  const d = datum.replace(/-/g, '');
  s = s.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_, k: string, ts: string, rest: string) => `/${k} (D:${(d + '000000').slice(0, ts.length)}${rest.replace(/[0-9]/g, '0')})`);
  const id = createHash('sha256').update(s.replace(/\/ID \[[^\]]*\]/g, '')).digest('hex');
  s = s.replace(/\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/g, (_, a: string, b: string) => `/ID [<${id.slice(0, a.length).toUpperCase().padEnd(a.length, '0')}> <${id.slice(0, b.length).toUpperCase().padEnd(b.length, '0')}>]`);
  return Buffer.from(s, 'latin1');
}

/** Checks `--format`: a comma list of html, pdf, xlsx, md, json (usage error, exit 2, otherwise). */
export function parseFormats(formats: string[], lang: Lang): ReportFormat[] {
  const bad = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || formats.length === 0) {
    throw new ExitError(2, lang === 'sv'
      ? `--format: okänt format ${bad.map((b) => JSON.stringify(b)).join(', ') || '(tomt)'}; tillåtna: ${REPORT_FORMATS.join(', ')}`
      : `--format: unknown format ${bad.map((b) => JSON.stringify(b)).join(', ') || '(empty)'}; allowed: ${REPORT_FORMATS.join(', ')}`);
  }
  return REPORT_FORMATS.filter((f) => formats.includes(f));
}

/** Builds every requested file (PDF included) for a loaded project, in memory. */
export async function reportFiles(project: Project, catalog: Catalog, o: { formats: ReportFormat[]; lang: Lang; datum?: string }): Promise<ReportFile[]> {
  const datum = o.datum ? checkDatum(o.datum, o.lang) : defaultDatum(project.priceYear);
  if (o.formats.includes('pdf') && !existsSync(chromiumPath())) throw noChromium(o.lang, chromiumPath());
  const ledger = priceProject(project, catalog);
  const result = evaluate(ledger, project, catalog);
  const subgroups = await subgroupTables(ledger, result, project);
  const { files, html } = await buildReport({ project, catalog, ledger, result, lang: o.lang, datum, subgroups }, o.formats);
  if (o.formats.includes('pdf')) files.push({ path: REPORT_FILES.pdf, data: await htmlToPdf(html, { lang: o.lang, datum }) });
  return files;
}

export async function report(o: ReportOptions, io: Io): Promise<{ files: string[]; ms: number }> {
  const t0 = performance.now();
  const formats = parseFormats(o.formats, o.lang);
  if (o.datum) {
    try { checkDatum(o.datum, o.lang); } catch (e) { throw new ExitError(2, (e as Error).message); } // a malformed flag is a usage error
  }
  const catalog = loadCatalog();
  // The pseudonymisation key must never land in the output folder.
  const project = await loadProject(o.project, catalog, { ...o, outputDirs: [o.out] }, io);
  const files = await reportFiles(project, catalog, { formats, lang: o.lang, datum: o.datum });
  const paths = files.map((f) => join(o.out, f.path));
  writeFilesAtomically(files.map((f, i) => ({ path: paths[i], data: f.data })));
  const ms = performance.now() - t0;
  io.out(paths.map((p) => `${p}\n`).join(''));
  io.err(o.lang === 'sv' ? `${files.length} filer skrivna till ${o.out} på ${(ms / 1000).toFixed(1)} s\n` : `${files.length} files written to ${o.out} in ${(ms / 1000).toFixed(1)} s\n`);
  return { files: paths, ms };
}

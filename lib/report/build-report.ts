/**
 * Builds every report file in memory (pure: no disk, no clock, browser-safe): HTML, Markdown with
 * PNG charts, JSON and XLSX. The PDF is printed from the HTML by the CLI (or by the browser's
 * print in the notebooks), which also writes the files.
 */
import type { Catalog } from '../catalog/types.js';
import { priceProject } from '../engine/price.js';
import type { Project } from '../model/types.js';
import { evaluate } from '../results/evaluate.js';
import type { Result } from '../results/result.js';
import type { Lang } from '../util/errors.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { reportModel, type ReportInput } from './model.js';
import { reportJson } from './report-json.js';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string;
  data: string | Uint8Array;
}

/** File names in the output folder. */
export const REPORT_FILES = { html: 'rapport.html', pdf: 'rapport.pdf', xlsx: 'rapport.xlsx', md: 'rapport.md', json: 'rapport.json', charts: 'diagram' } as const;

// Both are resolved against this module's URL, not given as specifiers: the bin's bundle
// (scripts/bundle-cli.ts) gives each module its own file's URL, but a bare import() there would
// resolve from the bundle's folder.
const PNG_MODULE = './png.js';
/** The charts module with Plot in one file (scripts/bundle-charts.ts), seen from dist/lib/report. */
const CHARTS_BUILD = '../../vendor/charts.js';

/**
 * The charts module: in Node from dist/, its one-file build (Plot's ~110 modules load about twice
 * as fast as one), else — in a browser, from source, or when the build is missing — ./charts.js.
 */
async function chartsModule(): Promise<typeof import('./charts.js')> {
  if (typeof process !== 'undefined' && process.versions?.node) {
    try {
      return (await import(/* @vite-ignore */ new URL(CHARTS_BUILD, import.meta.url).href)) as typeof import('./charts.js');
    } catch { /* not built: the module itself */ }
  }
  return import('./charts.js');
}

/** How chart PNGs are made: resvg in Node (`svgToPng`, png.ts, the default), a canvas in the browser. */
export type SvgToPng = (svg: string) => Uint8Array | Promise<Uint8Array>;

/**
 * Builds the report files for the requested formats (PDF excluded; see the CLI).
 * The charts (Plot, into linkedom in Node) are rendered once and shared: SVG in the HTML, PNG beside
 * the Markdown. They, resvg and exceljs are loaded only for the formats that use them.
 * @param png rasterises the charts (default: resvg, Node only; the notebooks pass a canvas)
 * @returns files in a fixed order, plus the HTML (built when html, md or pdf is asked for, else '')
 */
export async function buildReport(input: ReportInput, formats: readonly ReportFormat[], png?: SvgToPng): Promise<{ files: ReportFile[]; html: string }> {
  const files: ReportFile[] = [];
  let html = '';
  // resvg is native (Node only): its module is named in a variable so bundlers leave it out.
  const toPng = formats.includes('html') || formats.includes('md')
    ? png ?? ((await import(/* @vite-ignore */ new URL(PNG_MODULE, import.meta.url).href)) as typeof import('./png.js')).svgToPngAsync
    : undefined;
  // Each PNG is started as soon as its chart is drawn: in Node resvg renders them on the thread
  // pool, side by side and while the other charts, the model, HTML, Markdown and JSON are built here.
  const pngs = new Map<string, Promise<Uint8Array>>();
  const charts = formats.includes('html') || formats.includes('md') || formats.includes('pdf')
    ? (await chartsModule()).reportCharts(input.result, input.lang, { onChart: toPng && ((c) => {
      const p = (async () => toPng(c.pngSvg ?? c.svg))(); // called now (an async function runs to its first await)
      p.catch(() => {}); // awaited below; a failure must not be reported as unhandled meanwhile
      pngs.set(c.id, p);
    }) })
    : undefined;
  const model = reportModel(input);
  if (charts) {
    html = renderHtml(model, charts);
    if (formats.includes('html')) files.push({ path: REPORT_FILES.html, data: html });
    if (formats.includes('md')) files.push({ path: REPORT_FILES.md, data: renderMarkdown(model, charts, REPORT_FILES.charts) });
  }
  const json = formats.includes('json') ? JSON.stringify(reportJson(model, input.result), null, 2) + '\n' : undefined;
  if (charts && toPng) for (const c of charts) files.push({ path: `${REPORT_FILES.charts}/${c.id}.png`, data: await pngs.get(c.id)! });
  if (json !== undefined) files.push({ path: REPORT_FILES.json, data: json });
  if (formats.includes('xlsx')) {
    files.push({ path: REPORT_FILES.xlsx, data: await (await import('./xlsx.js')).buildWorkbook({ ...input, datum: model.datum }) });
  }
  return { files, html };
}

/**
 * A loaded project's report files in memory, PDF excluded: priced, evaluated (as `samnytta calc`)
 * and built. `reportFiles` (report-files.ts) adds the PDF for the CLI; the notebooks call this.
 * @param datum the date printed in the report (`YYYY-MM-DD`, checked by the caller)
 */
export async function projectReport(project: Project, catalog: Catalog, o: { formats: readonly ReportFormat[]; lang: Lang; datum: string; references?: ReportInput['references']; participantRows?: boolean; perKommun?: boolean }, png?: SvgToPng): Promise<{ files: ReportFile[]; html: string; result: Result }> {
  const ledger = priceProject(project, catalog);
  const result = evaluate(ledger, project, catalog);
  const built = await buildReport({ project, catalog, ledger, result, lang: o.lang, datum: o.datum, references: o.references, participantRows: o.participantRows, perKommun: o.perKommun }, o.formats, png);
  return { ...built, result };
}

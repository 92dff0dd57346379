/**
 * Builds every report file in memory (pure: no disk, no clock): HTML, Markdown with PNG charts,
 * JSON and XLSX. The PDF is printed from the HTML by the CLI, which also writes the files.
 */
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

/**
 * Builds the report files for the requested formats (PDF excluded; see the CLI).
 * The charts (Plot + jsdom) are rendered once and shared: SVG in the HTML, PNG beside the
 * Markdown. They, resvg and exceljs are loaded only for the formats that use them.
 * @returns files in a fixed order, plus the HTML (built when html, md or pdf is asked for, else '')
 */
export async function buildReport(input: ReportInput, formats: readonly ReportFormat[]): Promise<{ files: ReportFile[]; html: string }> {
  const model = reportModel(input);
  const files: ReportFile[] = [];
  let html = '';
  if (formats.includes('html') || formats.includes('md') || formats.includes('pdf')) {
    const charts = (await import('./charts.js')).reportCharts(input.result, input.lang);
    html = renderHtml(model, charts);
    if (formats.includes('html')) files.push({ path: REPORT_FILES.html, data: html });
    if (formats.includes('md')) files.push({ path: REPORT_FILES.md, data: renderMarkdown(model, charts, REPORT_FILES.charts) });
    if (formats.includes('html') || formats.includes('md')) {
      const { svgToPng } = await import('./png.js');
      for (const c of charts) files.push({ path: `${REPORT_FILES.charts}/${c.id}.png`, data: svgToPng(c.svg) });
    }
  }
  if (formats.includes('json')) files.push({ path: REPORT_FILES.json, data: JSON.stringify(reportJson(model, input.result), null, 2) + '\n' });
  if (formats.includes('xlsx')) {
    files.push({ path: REPORT_FILES.xlsx, data: await (await import('./xlsx.js')).buildWorkbook({ ...input, datum: model.datum }) });
  }
  return { files, html };
}

/**
 * Builds every report file in memory (pure: no disk, no clock): HTML, Markdown with PNG charts,
 * JSON and XLSX. The PDF is printed from the HTML by the CLI, which also writes the files.
 */
import { reportCharts } from './charts.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { reportModel, type ReportInput } from './model.js';
import { svgToPng } from './png.js';
import { reportJson } from './report-json.js';
import { buildWorkbook } from './xlsx.js';

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
 * @returns files in a fixed order, plus the HTML (always built, for the PDF)
 */
export async function buildReport(input: ReportInput, formats: readonly ReportFormat[]): Promise<{ files: ReportFile[]; html: string }> {
  const model = reportModel(input);
  const charts = reportCharts(input.result, input.lang);
  const html = renderHtml(model, charts);
  const files: ReportFile[] = [];
  if (formats.includes('html')) files.push({ path: REPORT_FILES.html, data: html });
  if (formats.includes('md')) files.push({ path: REPORT_FILES.md, data: renderMarkdown(model, charts, REPORT_FILES.charts) });
  if (formats.includes('html') || formats.includes('md')) {
    for (const c of charts) files.push({ path: `${REPORT_FILES.charts}/${c.id}.png`, data: svgToPng(c.svg) });
  }
  if (formats.includes('json')) files.push({ path: REPORT_FILES.json, data: JSON.stringify(reportJson(model, input.result), null, 2) + '\n' });
  if (formats.includes('xlsx')) {
    files.push({ path: REPORT_FILES.xlsx, data: await buildWorkbook({ ...input, datum: model.datum }) });
  }
  return { files, html };
}

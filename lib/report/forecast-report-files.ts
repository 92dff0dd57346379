/**
 * Forecast report orchestration: from a plan to every requested file in memory — the Prognos
 * report and the one-page application summary, PDFs printed by Chromium. The CLI (`samnytta
 * prognos --out`) and `npm run reports` both call it; writing the files is theirs.
 */
import { existsSync } from 'node:fs';
import type { Lang } from '../util/errors.js';
import { REPORT_FILES, type ReportFile, type ReportFormat } from './build-report.js';
import { buildForecastReport, SUMMARY_FILES } from './forecast-report.js';
import type { ForecastReport } from './forecast.js';
import { checkDatum, defaultDatum } from './model.js';
import { ChromiumMissingError, DEFAULT_CHROMIUM, htmlToPdf } from './pdf.js';

/**
 * Builds every requested file (PDFs included) for a forecast, in memory.
 * @throws ChromiumMissingError before any work when a PDF is asked for and Chromium is missing
 */
export async function forecastReportFiles(rep: ForecastReport, o: { formats: readonly ReportFormat[]; lang: Lang; datum?: string; chromium?: string }): Promise<ReportFile[]> {
  const datum = o.datum ? checkDatum(o.datum, o.lang) : defaultDatum(rep.forecast.plan.project.priceYear);
  const chromium = o.chromium ?? DEFAULT_CHROMIUM;
  if (o.formats.includes('pdf') && !existsSync(chromium)) throw new ChromiumMissingError(chromium);
  const { files, html, summary } = await buildForecastReport(rep, o.formats, o.lang, datum);
  if (o.formats.includes('pdf')) {
    files.push({ path: REPORT_FILES.pdf, data: await htmlToPdf(html, { lang: o.lang, datum, executablePath: chromium }) });
    files.push({ path: SUMMARY_FILES.pdf, data: await htmlToPdf(summary, { lang: o.lang, datum, executablePath: chromium }) });
  }
  return files;
}

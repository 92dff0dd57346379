/**
 * Writes a forecast's report files and its one-page application summary (all or nothing):
 * rapport.{html,md,json,xlsx,pdf} and sammanfattning.{html,md,pdf}. Used by `samnytta prognos
 * --out DIR`.
 */
import { join } from 'node:path';
import { forecastReportFiles } from '../../lib/report/forecast-report-files.js';
import type { ForecastReport } from '../../lib/report/forecast.js';
import { checkDatum } from '../../lib/report/model.js';
import { ChromiumFailedError, ChromiumMissingError } from '../../lib/report/pdf.js';
import type { Lang } from '../../lib/util/errors.js';
import { ExitError, writeFilesAtomically, type Io } from '../io.js';
import { browserFailedMessage, defaultReportDatum, noBrowserMessage, parseFormats, pdfBrowser } from './report.js';

export async function writeForecastReport(rep: ForecastReport, o: { out: string; formats: string[]; lang: Lang; datum?: string }, io: Io): Promise<string[]> {
  const formats = parseFormats(o.formats, o.lang);
  if (o.datum) {
    try { checkDatum(o.datum, o.lang); } catch (e) { throw new ExitError(2, (e as Error).message); }
  }
  const { use, chromium, notices } = pdfBrowser(formats, o.lang);
  const datum = o.datum ?? defaultReportDatum(o.lang);
  let files;
  try {
    files = await forecastReportFiles(rep, { formats: use, lang: o.lang, datum, chromium });
  } catch (e) {
    if (e instanceof ChromiumMissingError) throw new ExitError(1, noBrowserMessage(o.lang, e.path));
    if (e instanceof ChromiumFailedError) throw new ExitError(1, browserFailedMessage(o.lang, e.detail));
    throw e;
  }
  const paths = files.map((f) => join(o.out, f.path));
  writeFilesAtomically(files.map((f, i) => ({ path: paths[i], data: f.data })), o.lang);
  io.out(paths.map((p) => `${p}\n`).join(''));
  for (const n of notices) io.err(`${n}\n`);
  io.err(o.lang === 'sv' ? `${files.length} filer skrivna till ${o.out}\n` : `${files.length} files written to ${o.out}\n`);
  return paths;
}

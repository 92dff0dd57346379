/**
 * Writes a forecast's report files and its one-page application summary (all or nothing):
 * rapport.{html,md,json,xlsx,pdf} and sammanfattning.{html,md,pdf}. Used by `samnytta prognos
 * --out DIR`.
 */
import { join } from 'node:path';
import { forecastReportFiles } from '../../lib/report/forecast-report-files.js';
import type { ForecastReport } from '../../lib/report/forecast.js';
import { checkDatum } from '../../lib/report/model.js';
import { ChromiumMissingError, chromiumPath } from '../../lib/report/pdf.js';
import type { Lang } from '../../lib/util/errors.js';
import { ExitError, writeFilesAtomically, type Io } from '../io.js';
import { parseFormats } from './report.js';

export async function writeForecastReport(rep: ForecastReport, o: { out: string; formats: string[]; lang: Lang; datum?: string }, io: Io): Promise<string[]> {
  const formats = parseFormats(o.formats, o.lang);
  if (o.datum) {
    try { checkDatum(o.datum, o.lang); } catch (e) { throw new ExitError(2, (e as Error).message); }
  }
  let files;
  try {
    files = await forecastReportFiles(rep, { formats, lang: o.lang, datum: o.datum, chromium: chromiumPath(process.env) });
  } catch (e) {
    if (e instanceof ChromiumMissingError) {
      throw new ExitError(1, o.lang === 'sv' ? `PDF kräver Chromium, som inte finns på ${e.path}; ange sökvägen i SAMNYTTA_CHROMIUM eller välj bort pdf: --format html,md,json` : `PDF needs Chromium, not found at ${e.path}; set SAMNYTTA_CHROMIUM or leave out pdf: --format html,md,json`);
    }
    throw e;
  }
  const paths = files.map((f) => join(o.out, f.path));
  writeFilesAtomically(files.map((f, i) => ({ path: paths[i], data: f.data })));
  io.out(paths.map((p) => `${p}\n`).join(''));
  io.err(o.lang === 'sv' ? `${files.length} filer skrivna till ${o.out}\n` : `${files.length} files written to ${o.out}\n`);
  return paths;
}

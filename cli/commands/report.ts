/**
 * `samnytta report PROJECT --out DIR [--format html,pdf,xlsx,md,json] [--lang sv|en] [--datum D]`:
 * writes the report files atomically (all or nothing). The files, the PDF included, are built in
 * memory by lib/report (`reportFiles`).
 */
import { join } from 'node:path';
import { loadCatalog } from '../../lib/catalog/load.js';
import { REPORT_FORMATS, type ReportFile, type ReportFormat } from '../../lib/report/build-report.js';
import { checkDatum } from '../../lib/report/model.js';
import { ChromiumMissingError, chromiumPath } from '../../lib/report/pdf.js';
import { reportFiles } from '../../lib/report/report-files.js';
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
  /** Participant-level rows in the workbook, every sheet marked internal (`--deltagarrader`). */
  deltagarrader?: boolean;
}

function noChromium(lang: Lang, path: string): ExitError {
  return new ExitError(1, lang === 'sv'
    ? `PDF kräver Chromium, som inte finns på ${path}. Installera det (Debian/Ubuntu: sudo apt-get install chromium), ange sökvägen i SAMNYTTA_CHROMIUM, eller välj bort pdf: --format html,xlsx,md,json`
    : `PDF needs Chromium, which was not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium), set its path in SAMNYTTA_CHROMIUM, or leave out pdf: --format html,xlsx,md,json`);
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

export async function report(o: ReportOptions, io: Io): Promise<{ files: string[]; ms: number }> {
  const t0 = performance.now();
  const formats = parseFormats(o.formats, o.lang);
  if (o.datum) {
    try { checkDatum(o.datum, o.lang); } catch (e) { throw new ExitError(2, (e as Error).message); } // a malformed flag is a usage error
  }
  const catalog = loadCatalog();
  // The pseudonymisation key must never land in the output folder.
  const project = await loadProject(o.project, catalog, { ...o, outputDirs: [o.out] }, io);
  let files: ReportFile[];
  try {
    files = await reportFiles(project, catalog, { formats, lang: o.lang, datum: o.datum, chromium: chromiumPath(process.env), participantRows: o.deltagarrader });
  } catch (e) {
    if (e instanceof ChromiumMissingError) throw noChromium(o.lang, e.path);
    throw e;
  }
  const paths = files.map((f) => join(o.out, f.path));
  writeFilesAtomically(files.map((f, i) => ({ path: paths[i], data: f.data })), o.lang);
  const ms = performance.now() - t0;
  io.out(paths.map((p) => `${p}\n`).join(''));
  io.err(o.lang === 'sv' ? `${files.length} filer skrivna till ${o.out} på ${(ms / 1000).toFixed(1)} s\n` : `${files.length} files written to ${o.out} in ${(ms / 1000).toFixed(1)} s\n`);
  return { files: paths, ms };
}

/**
 * `samnytta report PROJECT --out DIR [--format html,pdf,xlsx,md,json] [--lang sv|en] [--datum D]`:
 * writes the report files atomically (all or nothing). The files, the PDF included, are built in
 * memory by lib/report (`reportFiles`).
 */
import { join } from 'node:path';
import { loadCatalog } from '../../lib/catalog/load.js';
import { REPORT_FORMATS, type ReportFile, type ReportFormat } from '../../lib/report/build-report.js';
import { checkDatum } from '../../lib/report/model.js';
import { ChromiumFailedError, ChromiumMissingError, launchPdfPrinter } from '../../lib/report/pdf.js';
import { findBrowser } from '../../lib/report/find-browser.js';
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
  /** The member kommuner table (method §5.2) even when the project has none to show unasked. */
  perKommun?: boolean;
}

/** Why there is no PDF and how to get one, in one line. */
/** Chromium was found but could not print (it would not start, crashed or hung). */
export function browserFailedMessage(lang: Lang, detail: string): string {
  return lang === 'sv'
    ? `PDF skrevs inte: webbläsaren kunde inte skriva ut (${detail}); inga filer skrevs. Prova en annan webbläsare med SAMNYTTA_CHROMIUM, skriv rapporten utan pdf (--format html,md,json,xlsx), eller öppna rapport.html i en webbläsare och skriv ut till PDF.`
    : `PDF not written: the browser could not print (${detail}); no files were written. Try another browser with SAMNYTTA_CHROMIUM, write the report without pdf (--format html,md,json,xlsx), or open rapport.html in a browser and print it to PDF.`;
}

export function noBrowserMessage(lang: Lang, envPath?: string): string {
  const where = envPath
    ? (lang === 'sv' ? `SAMNYTTA_CHROMIUM pekar på ${envPath}, som inte finns` : `SAMNYTTA_CHROMIUM points to ${envPath}, which does not exist`)
    : (lang === 'sv' ? 'ingen Chrome, Edge eller Chromium hittades' : 'no Chrome, Edge or Chromium was found');
  return lang === 'sv'
    ? `PDF skrevs inte: ${where}. Installera Chrome, Edge eller Chromium (eller ange sökvägen i SAMNYTTA_CHROMIUM), eller öppna rapport.html i en webbläsare och skriv ut till PDF.`
    : `PDF not written: ${where}. Install Chrome, Edge or Chromium (or set its path in SAMNYTTA_CHROMIUM), or open rapport.html in a browser and print it to PDF.`;
}

/**
 * The printed date when `--datum` is not given: SOURCE_DATE_EPOCH (seconds since 1970, as in
 * reproducible builds; its UTC date) when set, else today on this machine's calendar.
 */
export function defaultReportDatum(lang: Lang, env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) {
      throw new ExitError(2, lang === 'sv' ? `SOURCE_DATE_EPOCH: ska vara sekunder sedan 1970-01-01 (fick ${JSON.stringify(epoch)})` : `SOURCE_DATE_EPOCH: must be seconds since 1970-01-01 (got ${JSON.stringify(epoch)})`);
    }
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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

/**
 * The formats to write and the browser for the PDF. Without a browser the other formats are still
 * written and one notice says how to get the PDF; a PDF-only request fails (nothing is written).
 */
export function pdfBrowser(formats: ReportFormat[], lang: Lang): { use: ReportFormat[]; chromium?: string; notices: string[] } {
  const browser = formats.includes('pdf') ? findBrowser() : undefined;
  if (!browser) return { use: formats, notices: [] };
  if (browser.found) return { use: formats, chromium: browser.path, notices: [] };
  const msg = noBrowserMessage(lang, browser.envPath);
  if (formats.length === 1) throw new ExitError(1, msg);
  return { use: formats.filter((f) => f !== 'pdf'), notices: [msg] };
}

export async function report(o: ReportOptions, io: Io): Promise<{ files: string[]; ms: number }> {
  const t0 = performance.now();
  const formats = parseFormats(o.formats, o.lang);
  if (o.datum) {
    try { checkDatum(o.datum, o.lang); } catch (e) { throw new ExitError(2, (e as Error).message); } // a malformed flag is a usage error
  }
  // Chromium, the longest step of a PDF, starts before the project is read (reportFiles closes it).
  const browser = formats.includes('pdf') ? findBrowser() : undefined;
  let printer = browser?.found ? launchPdfPrinter(browser.path) : undefined;
  printer?.catch(() => {}); // handed to reportFiles, which awaits it
  let files: ReportFile[];
  let notices: string[];
  try {
    const catalog = loadCatalog();
    // The pseudonymisation key must never land in the output folder.
    const project = await loadProject(o.project, catalog, { ...o, outputDirs: [o.out] }, io);
    const chosen = pdfBrowser(formats, o.lang);
    notices = chosen.notices;
    const datum = o.datum ?? defaultReportDatum(o.lang);
    const handed = printer;
    printer = undefined;
    files = await reportFiles(project, catalog, { formats: chosen.use, lang: o.lang, datum, chromium: chosen.chromium, printer: handed, participantRows: o.deltagarrader, perKommun: o.perKommun });
  } catch (e) {
    if (e instanceof ChromiumMissingError) throw new ExitError(1, noBrowserMessage(o.lang, e.path));
    if (e instanceof ChromiumFailedError) throw new ExitError(1, browserFailedMessage(o.lang, e.detail));
    throw e;
  } finally {
    // Not handed over (the project was invalid, say): Chromium is closed here.
    await printer?.then((p) => p.close(), () => {});
  }
  const paths = files.map((f) => join(o.out, f.path));
  writeFilesAtomically(files.map((f, i) => ({ path: paths[i], data: f.data })), o.lang);
  const ms = performance.now() - t0;
  io.out(paths.map((p) => `${p}\n`).join(''));
  for (const n of notices) io.err(`${n}\n`);
  io.err(o.lang === 'sv' ? `${files.length} filer skrivna till ${o.out} på ${(ms / 1000).toFixed(1)} s\n` : `${files.length} files written to ${o.out} in ${(ms / 1000).toFixed(1)} s\n`);
  return { files: paths, ms };
}

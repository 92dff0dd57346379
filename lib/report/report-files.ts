/**
 * Report orchestration: from a validated project to every requested file in memory (price,
 * evaluate, build, and print the PDF). The CLI and `npm run reports` both call it; writing the
 * files is theirs.
 */
import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/types.js';
import type { Project } from '../model/types.js';
import type { Lang } from '../util/errors.js';
import { projectReport, REPORT_FILES, type ReportFile, type ReportFormat } from './build-report.js';
import { checkDatum, defaultDatum } from './model.js';
import { ChromiumMissingError, DEFAULT_CHROMIUM, launchPdfPrinter, type PdfPrinter } from './pdf.js';
import type { BenchmarkEntry } from '../portfolio/benchmarks.js';
import { loadBenchmarks } from '../portfolio/benchmarks-load.js';
import { InputError } from '../util/errors.js';

/** The bundled reference set; a broken entry stops the report with its file and problem. */
function bundledReferences(catalog: Catalog): readonly BenchmarkEntry[] {
  const { entries, problems } = loadBenchmarks(catalog);
  if (problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  return entries;
}

export interface ReportFilesOptions {
  formats: readonly ReportFormat[];
  lang: Lang;
  /** Date printed in the report, `YYYY-MM-DD` (default: 31 December of the price year). */
  datum?: string;
  /** Chromium for the PDF (default /usr/bin/chromium). */
  chromium?: string;
  /** Reference entries for the Jämförande värden section (default: the bundled data/benchmarks/). */
  references?: readonly BenchmarkEntry[];
  /** Participant-level rows in the workbook, every sheet marked internal (`--deltagarrader`). */
  participantRows?: boolean;
  /** The member kommuner table even when the project has no members to show unasked (`--per-kommun`). */
  perKommun?: boolean;
  /**
   * A printer the caller started earlier (`launchPdfPrinter`), used for the PDF instead of starting
   * one; it is closed here either way.
   */
  printer?: Promise<PdfPrinter>;
}

/**
 * Builds every requested file (PDF included) for a loaded project, in memory.
 * @throws ChromiumMissingError before any work when a PDF is asked for and Chromium is missing
 */
export async function reportFiles(project: Project, catalog: Catalog, o: ReportFilesOptions): Promise<ReportFile[]> {
  const datum = o.datum ? checkDatum(o.datum, o.lang) : defaultDatum(project.priceYear);
  const chromium = o.chromium ?? DEFAULT_CHROMIUM;
  if (o.formats.includes('pdf') && !o.printer && !existsSync(chromium)) throw new ChromiumMissingError(chromium);
  // Chromium starts first: its start-up (a process of its own) overlaps building the report.
  const printer: Promise<PdfPrinter> | undefined = o.formats.includes('pdf') ? o.printer ?? launchPdfPrinter(chromium) : undefined;
  printer?.catch(() => {}); // awaited below; a failed start must not be reported as unhandled meanwhile
  if (!printer) o.printer?.then((p) => p.close(), () => {});
  try {
    const references = o.references ?? bundledReferences(catalog);
    const { files, html } = await projectReport(project, catalog, { formats: o.formats, lang: o.lang, datum, references, participantRows: o.participantRows, perKommun: o.perKommun });
    if (printer) files.push({ path: REPORT_FILES.pdf, data: await (await printer).print(html, { lang: o.lang, datum }) });
    return files;
  } finally {
    if (printer) await printer.then((p) => p.close(), () => {});
  }
}

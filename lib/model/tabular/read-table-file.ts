/**
 * Reads a tabular file by its extension: `.xlsx` via exceljs, `.csv`/`.txt`/`.tsv` via papaparse.
 * A missing, unreadable or oversized file, or a folder, becomes a problem, never an exception. The bytes come from a
 * `FileSource` (disk or memory), so the browser reads tables the same way.
 */
import { extensionOf, MAX_TABLE_BYTES, type FileSource } from '../file-source.js';
import { readCsv } from './read-csv.js';
import type { ReadTables } from './table.js';

export interface TableFileOptions {
  /** Keys that identify the header row (title rows above it are skipped). */
  headerKeys?: string[];
  /** File name shown in problems (default: the path). */
  display?: string;
  /** Where the file is read from. */
  files: FileSource;
  /** CSV tables to leave to be read row by row, by header keys (see `CsvOptions.stream`). */
  stream?: (keys: string[]) => boolean;
}

/**
 * Reads every table in a CSV or XLSX file.
 * @example (await readTableFile('deltagare.xlsx', { files: nodeFiles })).tables.length // => number of non-empty sheets
 */
export async function readTableFile(path: string, options: TableFileOptions): Promise<ReadTables> {
  const file = options.display ?? path;
  const ext = extensionOf(path);
  const refused = options.files.refuse?.(path, MAX_TABLE_BYTES);
  if (refused) return { tables: [], problems: [{ severity: 'error', file, path: '', ...refused }] };
  const bytes = options.files.read(path);
  if (!bytes) {
    return { tables: [], problems: [{ severity: 'error', file, path: '', sv: 'filen finns inte; kontrollera namnet i projektfilen', en: 'file not found; check the name in the project file' }] };
  }
  // exceljs (and its zip libraries) load only for workbooks: a CSV reader has no use for them.
  if (ext === '.xlsx' || ext === '.xlsm') return (await import('./read-xlsx.js')).readXlsx(bytes, file, options);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const r = readCsv(bytes, file, options);
    return { tables: r.tables, problems: r.problems, ...(r.streams ? { streams: r.streams } : {}) };
  }
  if (ext === '.xls' || ext === '.ods' || ext === '.numbers') {
    return { tables: [], problems: [{ severity: 'error', file, path: '', sv: `filtypen ${ext} stöds inte; spara som Excel-arbetsbok (.xlsx) eller CSV (semikolonavgränsad)`, en: `file type ${ext} is not supported; save as Excel workbook (.xlsx) or CSV (semicolon-separated)` }] };
  }
  return { tables: [], problems: [{ severity: 'error', file, path: '', sv: 'okänd filtyp; använd .xlsx eller .csv', en: 'unknown file type; use .xlsx or .csv', value: ext || path }] };
}

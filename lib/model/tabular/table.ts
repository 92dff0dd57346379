/**
 * The shape every tabular reader returns: one sheet (or CSV file) as a header and rows of
 * cells, with the 1-based row numbers a user sees in Excel or a text editor. Readers only
 * decode; meaning (participants, transitions) is given by the callers.
 */
import type { Problem } from '../../util/errors.js';

/** A decoded cell: text is trimmed; dates from Excel become `Date`; formulas give their result. */
export type Cell = string | number | boolean | Date | null;

/** One data row: its row number as shown in Excel (1-based, header rows counted). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

/** A sheet or CSV file. */
export interface Table {
  file: string;
  /** Sheet name for XLSX; undefined for CSV. */
  sheet?: string;
  /** Header texts as written (trimmed). */
  headers: string[];
  /** Normalised header keys (see `normalizeHeader`), same order as `headers`. */
  keys: string[];
  /** Row number of the (last) header row. */
  headerRow: number;
  /** Non-empty data rows in order; empty rows are dropped but row numbers keep counting. */
  rows: TableRow[];
}

/** A table read row by row: its `rows` stay empty and the rows come from `next` instead. */
export interface CsvRowStream {
  /** True when the table has at least one data row. */
  hasRows: boolean;
  /** The next data row (blank cells null), or undefined after the last; a row of the wrong width adds its problem to `problems`. */
  next(problems: Problem[]): TableRow | undefined;
}

/** The result of reading a file: its tables and any problems found while decoding. */
export interface ReadTables {
  tables: Table[];
  problems: Problem[];
  /** Tables left to be read row by row (`CsvOptions.stream`), with their row streams. */
  streams?: Map<Table, CsvRowStream>;
}

/** Column letter for a 0-based column index (0 → A, 26 → AA), as Excel shows it. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** True when a cell holds nothing (null or blank text). */
export function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/**
 * A CSV row whose cell count differs from its header's: a shifted column (an unquoted decimal
 * comma in a comma-separated file, a stray separator) that would otherwise be read silently into
 * the wrong fields. Called per row, so a streaming reader can use it too.
 */
export function csvWidthProblem(file: string, row: number, cells: number, headerCells: number, delimiter: string): Problem | undefined {
  if (cells === headerCells) return undefined;
  const d = delimiter === '\t' ? 'tab' : delimiter;
  return {
    severity: 'error', file, row, column: columnLetter(Math.min(cells, headerCells)), path: `${columnLetter(Math.min(cells, headerCells))}${row}`,
    sv: `raden har ${cells} fält men rubrikraden ${headerCells} (avgränsare ${d}); kontrollera avgränsarna${delimiter === ',' ? ' och sätt tal med decimalkomma inom citattecken ("0,5")' : ''}`,
    en: `the row has ${cells} fields but the header row ${headerCells} (separator ${d}); check the separators${delimiter === ',' ? ' and quote numbers with a decimal comma ("0,5")' : ''}`,
  };
}

/** A sheet row with a value to the right of the last header: it would not be read. */
export function extraCellProblem(file: string, sheet: string | undefined, row: number, col: number): Problem {
  return {
    severity: 'error', file, sheet, row, column: columnLetter(col), path: `${columnLetter(col)}${row}`,
    sv: 'cellen har ett värde men kolumnen saknar rubrik; lägg till en rubrik eller ta bort värdet',
    en: 'the cell has a value but its column has no header; add a header or remove the value',
  };
}

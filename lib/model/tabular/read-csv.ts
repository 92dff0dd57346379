/**
 * CSV files as case systems and Swedish Excel write them: `;` or `,` (or tab) detected from the
 * header line, UTF-8 with or without BOM or Windows-1252, quoted fields. Split by split-csv.ts
 * (papaparse for quoted text) on the decoded text (danfo's own readCSV does not work in Node). Cells stay text, trimmed;
 * numbers are parsed later with `parseNumber` so decimal commas survive.
 */
import type { Problem } from '../../util/errors.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import { normalizeHeader } from './normalize-header.js';
import { directSplitter, splitCsv, type RawRow } from './split-csv.js';
import { csvWidthProblem, isBlank, type Cell, type CsvRowStream, type ReadTables, type Table, type TableRow } from './table.js';

export interface CsvOptions {
  /** Rows to look at for the header: the first row holding one of these keys (default: first non-empty row). */
  headerKeys?: string[];
  /**
   * Which tables to leave unread, to be read row by row (`ReadTables.streams`), by their header
   * keys. Only text the direct split takes (no quotes, one kind of line break) is streamed.
   */
  stream?: (keys: string[]) => boolean;
}

const nonBlank = (cells: string[]): boolean => {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return true;
  return false;
};

/**
 * A split row as a table row, in place (the split row becomes the table row: a national file has
 * millions of rows, and a copy of each would double the garbage): its width checked against the
 * header's, blank cells as null. Whole tables and streamed ones alike.
 */
function toTableRow(r: RawRow, width: number, file: string, delimiter: string, problems: Problem[]): TableRow {
  const wrong = csvWidthProblem(file, r.row, r.cells.length, width, delimiter);
  if (wrong) problems.push(wrong);
  const cells: Cell[] = r.cells;
  for (let i = 0; i < cells.length; i++) if (isBlank(cells[i])) cells[i] = null;
  return r;
}

const keysOf = (cells: string[]): string[] => cells.map((c) => normalizeHeader(c));

/** The header among the first non-empty rows: the first holding one of `headerKeys`, else the first. */
function headerIndexOf(nonEmpty: RawRow[], headerKeys: string[] | undefined): number {
  if (!headerKeys) return 0;
  const i = nonEmpty.slice(0, 10).findIndex((r) => r.cells.some((c) => headerKeys.includes(normalizeHeader(c))));
  return i >= 0 ? i : 0;
}

/**
 * The table of direct-split text as a header and a row stream (rows left empty), when
 * `options.stream` takes its header; undefined otherwise. The stream gives the rows `readCsv`
 * would have put in `rows`, in order, each with its width problem.
 */
function streamTable(text: string, delimiter: string, file: string, options: CsvOptions): { table: Table; rows: CsvRowStream } | undefined {
  const splitter = options.stream && directSplitter(text, delimiter);
  if (!splitter) return undefined;
  const first: RawRow[] = [];
  let ended = false;
  while (first.length < 10) {
    const cells = splitter.next();
    if (!cells) { ended = true; break; }
    if (nonBlank(cells)) first.push({ row: splitter.row, cells });
  }
  if (first.length === 0) return undefined; // empty: readCsv says so
  const headerIndex = headerIndexOf(first, options.headerKeys);
  const header = first[headerIndex];
  const keys = keysOf(header.cells);
  if (!options.stream!(keys)) return undefined;
  const pending = first.slice(headerIndex + 1);
  while (pending.length === 0 && !ended) {
    const cells = splitter.next();
    if (!cells) ended = true;
    else if (nonBlank(cells)) pending.push({ row: splitter.row, cells });
  }
  const width = header.cells.length;
  let k = 0;
  const rows: CsvRowStream = {
    hasRows: pending.length > 0,
    next(problems) {
      let r: RawRow | undefined;
      if (k < pending.length) r = pending[k++];
      else {
        for (let cells = splitter.next(); cells; cells = splitter.next()) {
          if (nonBlank(cells)) { r = { row: splitter.row, cells }; break; }
        }
        if (!r) return undefined;
      }
      return toTableRow(r, width, file, delimiter, problems);
    },
  };
  return { table: { file, headers: header.cells, keys, headerRow: header.row, rows: [] }, rows };
}

/** Splits a line at a delimiter outside quotes. */
function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let quoted = false, cur = '';
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Guesses the delimiter: `;`, tab or `,`. With header keys, from the first of the top 10
 * non-empty lines that splits into a known header (title lines above the header are skipped);
 * otherwise from the line among them with the most delimiters outside quotes.
 */
export function detectDelimiter(text: string, headerKeys?: string[]): ';' | ',' | '\t' {
  const lines: string[] = [];
  for (const l of text.split(/\r\n|\n|\r/, 200)) {
    if (l.trim() !== '') lines.push(l);
    if (lines.length === 10) break;
  }
  const delims = [';', '\t', ','] as const;
  if (headerKeys) {
    for (const line of lines) {
      let best: (typeof delims)[number] | undefined, bestHits = 0;
      for (const d of delims) {
        const hits = splitLine(line, d).filter((c) => headerKeys.includes(normalizeHeader(c.replace(/"/g, '')))).length;
        if (hits > bestHits) { best = d; bestHits = hits; }
      }
      if (best) return best;
    }
  }
  let best: (typeof delims)[number] = ',', bestCount = 0;
  for (const line of lines) {
    for (const d of delims) {
      const n = splitLine(line, d).length - 1;
      if (n > bestCount) { best = d; bestCount = n; }
    }
  }
  return best;
}

/**
 * Reads CSV bytes into one table.
 * @param file the name used in problems
 * @example readCsv(bytes, 'deltagare.csv').tables[0].keys // => ['deltagare', 'lage', …]
 */
export function readCsv(bytes: Uint8Array, file: string, options: CsvOptions = {}): ReadTables & { encoding: TextEncoding; delimiter: string } {
  const { text, encoding, refused } = decodeText(bytes);
  const problems: Problem[] = [];
  if (refused) return { tables: [], problems: [{ severity: 'error', file, path: '', ...refused }], encoding, delimiter: '' };
  const delimiter = detectDelimiter(text, options.headerKeys);
  const streamed = streamTable(text, delimiter, file, options);
  if (streamed) return { tables: [streamed.table], problems, streams: new Map([[streamed.table, streamed.rows]]), encoding, delimiter };
  const raw = splitCsv(text, delimiter, file, problems);
  const nonEmpty = raw.filter((r) => nonBlank(r.cells));
  if (nonEmpty.length === 0) {
    problems.push({ severity: 'error', file, path: '', sv: 'filen är tom; en rubrikrad och minst en datarad krävs', en: 'the file is empty; a header row and at least one data row are required' });
    return { tables: [], problems, encoding, delimiter };
  }
  const headerIndex = headerIndexOf(nonEmpty, options.headerKeys);
  const header = nonEmpty[headerIndex];
  const rows: TableRow[] = [];
  for (let k = headerIndex + 1; k < nonEmpty.length; k++) rows.push(toTableRow(nonEmpty[k], header.cells.length, file, delimiter, problems));
  const table: Table = { file, headers: header.cells, keys: keysOf(header.cells), headerRow: header.row, rows };
  return { tables: [table], problems, encoding, delimiter };
}

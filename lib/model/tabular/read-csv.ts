/**
 * CSV files as case systems and Swedish Excel write them: `;` or `,` (or tab) detected from the
 * header line, UTF-8 with or without BOM or Windows-1252, quoted fields. Split by split-csv.ts
 * (papaparse for quoted text) on the decoded text (danfo's own readCSV does not work in Node). Cells stay text, trimmed;
 * numbers are parsed later with `parseNumber` so decimal commas survive.
 */
import type { Problem } from '../../util/errors.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import { normalizeHeader } from './normalize-header.js';
import { splitCsv } from './split-csv.js';
import { isBlank, type ReadTables, type Table, type TableRow } from './table.js';

export interface CsvOptions {
  /** Rows to look at for the header: the first row holding one of these keys (default: first non-empty row). */
  headerKeys?: string[];
}

/** Guesses the delimiter from the first non-empty line: `;`, tab or `,`, counted outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  if (counts[';'] > 0 && counts[';'] >= counts[',']) return ';';
  if (counts['\t'] > 0 && counts['\t'] >= counts[',']) return '\t';
  return ',';
}

/**
 * Reads CSV bytes into one table.
 * @param file the name used in problems
 * @example readCsv(bytes, 'deltagare.csv').tables[0].keys // => ['deltagare', 'lage', …]
 */
export function readCsv(bytes: Uint8Array, file: string, options: CsvOptions = {}): ReadTables & { encoding: TextEncoding; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const problems: Problem[] = [];
  const raw = splitCsv(text, delimiter, file, problems);
  const nonEmpty = raw.filter((r) => r.cells.some((c) => c !== ''));
  if (nonEmpty.length === 0) {
    problems.push({ severity: 'error', file, path: '', sv: 'filen är tom; en rubrikrad och minst en datarad krävs', en: 'the file is empty; a header row and at least one data row are required' });
    return { tables: [], problems, encoding, delimiter };
  }
  const keysOf = (cells: string[]) => cells.map((c) => normalizeHeader(c));
  let headerIndex = 0;
  if (options.headerKeys) {
    const i = nonEmpty.slice(0, 10).findIndex((r) => keysOf(r.cells).some((k) => options.headerKeys!.includes(k)));
    if (i >= 0) headerIndex = i;
  }
  const header = nonEmpty[headerIndex];
  const rows: TableRow[] = nonEmpty
    .slice(headerIndex + 1)
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => (isBlank(c) ? null : c)) }));
  const table: Table = { file, headers: header.cells, keys: keysOf(header.cells), headerRow: header.row, rows };
  return { tables: [table], problems, encoding, delimiter };
}

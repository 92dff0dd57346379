/**
 * Splits decoded CSV text into rows of trimmed cells with their 1-based line numbers. Text
 * without quotes and with one kind of line break (a register extract, typically) is split
 * directly, several times faster than papaparse and without its per-row objects; anything else
 * goes through papaparse, which handles quoting and reports broken quotes. Both give the same
 * rows for the text the direct route takes (test/model/split-csv.test.ts).
 */
import Papa from 'papaparse';
import type { Problem } from '../../util/errors.js';
import { columnLetter } from './table.js';

export interface RawRow {
  row: number;
  cells: string[];
}

/** The line break of text the direct route can split: '\n' or '\r\n' used throughout, or undefined. */
function uniformBreak(text: string): '\n' | '\r\n' | undefined {
  if (text.includes('"')) return undefined;
  let cr = 0, lf = 0, crlf = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    cr++;
    if (text.charCodeAt(i + 1) === 10) crlf++;
  }
  if (cr === 0) return '\n';
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  return cr === crlf && lf === crlf ? '\r\n' : undefined;
}

/** Printable ASCII other than space: never trimmed, so a cell bounded by it needs no trim(). */
const solid = (c: number) => c > 32 && c < 127;

/** A column with more distinct values than this (ids, wages) is no longer interned. */
const MAX_INTERNED = 4096;

/** Per column: the previous row's string, and the strings seen so far while there are few (item ids, months). */
interface ColumnStrings { previous: (string | undefined)[]; seen: (Map<string, string> | null | undefined)[] }

/** The trimmed text of text[from, to): the previous row's string of the column, or one seen before, when equal. */
function cellText(text: string, from: number, to: number, c: ColumnStrings, col: number): string {
  if (from === to) return '';
  if (!solid(text.charCodeAt(from)) || !solid(text.charCodeAt(to - 1))) return text.slice(from, to).trim();
  const prev = c.previous[col];
  if (prev !== undefined && prev.length === to - from && text.startsWith(prev, from)) return prev;
  let value = text.slice(from, to);
  let seen = c.seen[col];
  if (seen === undefined) seen = c.seen[col] = new Map();
  if (seen !== null) {
    const known = seen.get(value);
    if (known !== undefined) value = known;
    else if (seen.size < MAX_INTERNED) seen.set(value, value);
    else c.seen[col] = null;
  }
  return (c.previous[col] = value);
}

/**
 * The direct route, one line at a time (so a large file can be read without holding every row):
 * `next()` gives the next line's trimmed cells and sets `row` to its 1-based line number.
 */
export class DirectSplitter {
  /** Line number of the line `next()` gave last. */
  row = 0;
  private start = 0;
  // A register extract repeats a column's value on consecutive rows (the participant's id on
  // each of its rows) and across rows (fore/efter, item ids, months): the previous row's string,
  // or one seen before in a column of few values, is reused when the text matches, so a million
  // rows hold a few hundred thousand strings, not millions.
  private readonly strings: ColumnStrings = { previous: [], seen: [] };
  constructor(readonly text: string, readonly delimiter: string, readonly br: '\n' | '\r\n') {}

  next(): string[] | undefined {
    const { text, delimiter, br } = this;
    const start = this.start;
    if (start > text.length) return undefined;
    let end = text.indexOf(br, start);
    if (end < 0) end = text.length;
    // Sized first: an array grown by push keeps spare room, on every row.
    let n = 1;
    for (let i = text.indexOf(delimiter, start); i >= 0 && i < end; i = text.indexOf(delimiter, i + 1)) n++;
    const cells: string[] = new Array<string>(n);
    for (let from = start, col = 0; col < n; col++) {
      let to = text.indexOf(delimiter, from);
      if (to < 0 || to > end) to = end;
      cells[col] = cellText(text, from, to, this.strings, col);
      from = to + delimiter.length;
    }
    this.row++;
    this.start = end + br.length;
    return cells;
  }
}

/** A splitter for the direct route, or undefined when the text needs papaparse (quotes, mixed line breaks). */
export function directSplitter(text: string, delimiter: string): DirectSplitter | undefined {
  const br = uniformBreak(text);
  return br ? new DirectSplitter(text, delimiter, br) : undefined;
}

/**
 * Rows of `text` split at `delimiter`; CSV syntax errors (broken quotes) are added to `problems`.
 * @param direct false forces papaparse (for tests)
 */
export function splitCsv(text: string, delimiter: string, file: string, problems: Problem[], direct = true): RawRow[] {
  const splitter = direct ? directSplitter(text, delimiter) : undefined;
  if (splitter) {
    const raw: RawRow[] = [];
    for (let cells = splitter.next(); cells; cells = splitter.next()) raw.push({ row: splitter.row, cells });
    return raw;
  }
  const raw: RawRow[] = [];
  // Row numbers: count line breaks consumed so far, so quoted multi-line fields keep numbering right.
  let line = 1;
  let lastCursor = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (res) => {
      const cursor = res.meta.cursor;
      const consumed = text.slice(lastCursor, cursor);
      const startLine = line;
      line += (consumed.match(/\r\n|\n|\r/g) ?? []).length;
      lastCursor = cursor;
      for (const e of res.errors) {
        // The column where the broken field starts: delimiters between the row start and the error.
        const at = typeof e.index === 'number' ? Math.max(0, e.index - (cursor - consumed.length)) : 0;
        const col = columnLetter((consumed.slice(0, at).match(new RegExp(delimiter === '\t' ? '\t' : delimiter, 'g')) ?? []).length);
        problems.push({
          severity: 'error', file, path: `${col}${startLine}`, row: startLine, column: col,
          sv: `CSV-raden kunde inte tolkas (${e.code}); kontrollera citattecken`, en: `the CSV row could not be parsed (${e.code}); check the quotes`,
        });
      }
      raw.push({ row: startLine, cells: (res.data as string[]).map((c) => String(c ?? '').trim()) });
    },
  });
  return raw;
}

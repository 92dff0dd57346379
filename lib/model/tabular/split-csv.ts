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

/**
 * Rows of `text` split at `delimiter`; CSV syntax errors (broken quotes) are added to `problems`.
 * @param direct false forces papaparse (for tests)
 */
export function splitCsv(text: string, delimiter: string, file: string, problems: Problem[], direct = true): RawRow[] {
  const br = direct ? uniformBreak(text) : undefined;
  if (br) {
    const raw: RawRow[] = [];
    let row = 1;
    for (let start = 0; start <= text.length; row++) {
      let end = text.indexOf(br, start);
      if (end < 0) end = text.length;
      const cells = text.slice(start, end).split(delimiter);
      for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
      raw.push({ row, cells });
      start = end + br.length;
    }
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

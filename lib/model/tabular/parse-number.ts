/**
 * Numbers as Swedish spreadsheets and case systems write them: decimal comma or point, spaces
 * (also non-breaking) as thousands separators, an optional trailing `kr` or `%`.
 */
import type { Cell } from './table.js';

/**
 * The common cells of a register extract, read without a regex: `12`, `-3`, `0,75`, `1.5`
 * (optional minus, 1–15 digits, optionally one decimal comma or point and 1–15 digits). Gives
 * exactly what the general route below gives for them (test/model/parse-number.test.ts), or
 * undefined for anything else.
 */
function plainNumber(s: string): number | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const start = i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const whole = i - start;
  if (whole === 0 || whole > 15) return undefined;
  if (i === n) return Number(s);
  const sep = s.charCodeAt(i);
  if (sep !== 44 && sep !== 46) return undefined; // ',' or '.'
  const frac = ++i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    i++;
  }
  if (i === frac || i - frac > 15) return undefined;
  return Number(sep === 44 ? `${s.slice(0, frac - 1)}.${s.slice(frac)}` : s);
}

/** A parsed number, or why not. `percent` is true when the text ended in `%` (value already / 100). */
export type ParsedNumber = { ok: true; value: number; percent: boolean } | { ok: false };

/**
 * Parses a cell as a number.
 * @example parseNumber('1 234,5') // => { ok: true, value: 1234.5, percent: false }
 * @example parseNumber('75 %') // => { ok: true, value: 0.75, percent: true }
 */
export function parseNumber(cell: Cell): ParsedNumber {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell, percent: false } : { ok: false };
  if (typeof cell !== 'string') return { ok: false };
  const plain = plainNumber(cell);
  if (plain !== undefined) return { ok: true, value: plain, percent: false }; // the common case, without the rewrites below
  let s = cell.replace(/[\s\u00a0\u202f]/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else s = s.replace(/(kr|kronor|sek)$/i, '');
  s = s.replace(/^\u2212/, '-');
  if (s === '') return { ok: false };
  const comma = s.includes(','), point = s.includes('.');
  if (comma && point) {
    // 1.234,5 (Swedish thousands point) or 1,234.5 (English thousands comma)
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma) {
    if ((s.match(/,/g) ?? []).length > 1) return { ok: false };
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false };
  return { ok: true, value: percent ? value / 100 : value, percent };
}

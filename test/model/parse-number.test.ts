/**
 * parseNumber's regex-free fast route (plain `12`, `-3`, `0,75`, `1.5`) against the general
 * route it short-cuts: the implementation before the fast route, kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, type ParsedNumber } from '../../lib/model/tabular/parse-number.js';

/** parseNumber as it was before the fast route (only the `^\d{1,15}$` short cut). */
function reference(cell: unknown): ParsedNumber {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell, percent: false } : { ok: false };
  if (typeof cell !== 'string') return { ok: false };
  if (/^\d{1,15}$/.test(cell)) return { ok: true, value: Number(cell), percent: false };
  let s = cell.replace(/[\s\u00a0\u202f]/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else s = s.replace(/(kr|kronor|sek)$/i, '');
  s = s.replace(/^\u2212/, '-');
  if (s === '') return { ok: false };
  const comma = s.includes(','), point = s.includes('.');
  if (comma && point) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma) {
    if ((s.match(/,/g) ?? []).length > 1) return { ok: false };
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false };
  return { ok: true, value: percent ? value / 100 : value, percent };
}

const same = (cell: string) => expect(parseNumber(cell), JSON.stringify(cell)).toEqual(reference(cell));

describe('parseNumber fast route', () => {
  it('agrees with the general route on number-like text (property)', () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));
    const numberish = fc.tuple(fc.constantFrom('', '-', '+', '\u2212', ' '), digits(18), fc.constantFrom('', ',', '.', ',,', '.,', ' '), digits(18), fc.constantFrom('', ' ', '%', 'kr', 'e5', ','))
      .map((parts) => parts.join(''));
    fc.assert(fc.property(numberish, (s) => { same(s); }), { numRuns: 5000 });
    fc.assert(fc.property(fc.stringMatching(/^[-0-9.,\s%a-z]{0,12}$/), (s) => { same(s); }), { numRuns: 5000 });
  });

  it('agrees on the edge cases', () => {
    for (const s of ['0', '-0', '007', '12', '-3', '0,75', '1.5', ',5', '5,', '5.', '.5', '-', '', '123456789012345', '1234567890123456', '1,123456789012345', '1,1234567890123456', '-1234567890,25', '1 234,5', '75 %', '1e3']) same(s);
  });
});

/**
 * Presentation formatting, the one place money is rounded for display. Hand-written rather than
 * Intl so output is byte-identical across Node builds and ICU versions.
 */
import type { Lang } from '../util/errors.js';

/** Whole kronor with thin grouping: 1234567.6 → "1 234 568" (sv) / "1,234,568" (en); minus as "−". */
export function kr(x: number, lang: Lang = 'sv'): string {
  const r = Math.round(x);
  const sign = r < 0 ? '−' : '';
  const digits = String(Math.abs(r));
  const sep = lang === 'sv' ? ' ' : ',';
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number with fixed decimals and the language's decimal mark: 12.34 → "12,3" (sv). */
export function decimal(x: number, digits = 1, lang: Lang = 'sv'): string {
  const s = Math.abs(x).toFixed(digits);
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? ' ' : ',');
  const out = frac ? `${grouped}${lang === 'sv' ? ',' : '.'}${frac}` : grouped;
  return (x < 0 && Number(s) !== 0 ? '−' : '') + out;
}

/** A share as percent: 0.253 → "25,3 %" (sv) / "25.3%" (en). */
export function percent(x: number | null, digits = 1, lang: Lang = 'sv'): string {
  if (x === null) return '–';
  return lang === 'sv' ? `${decimal(x * 100, digits, lang)} %` : `${decimal(x * 100, digits, lang)}%`;
}

/** Rounds to `digits` decimals for JSON output (half away from zero, no negative zero). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.sign(x) * Math.round(Math.abs(x) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * A `tabell` parameter's fields as one line: "takLon 20 000 · bidragsandel 0,6"; a nested or long
 * table (per kommun, per age band) as its size, "tabell, 290 rader".
 */
export function fieldsText(fields: Record<string, unknown> | unknown[], lang: Lang = 'sv'): string {
  const entries = Array.isArray(fields) ? [] : Object.entries(fields);
  const flat = entries.length > 0 && entries.length <= 12 && entries.every(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean');
  if (!flat) {
    const n = Array.isArray(fields) ? fields.length : entries.length;
    return lang === 'sv' ? `tabell, ${n} rader` : `table, ${n} rows`;
  }
  const num = (x: number) => (Number.isInteger(x) ? kr(x, lang) : decimal(x, Math.min(6, String(x).split('.')[1]?.length ?? 0), lang));
  return entries.map(([k, v]) => `${k} ${typeof v === 'number' ? num(v) : String(v)}`).join(' · ');
}

/**
 * Rounds parts to `digits` decimals so that they sum exactly to `roundTo(total, digits)`
 * (largest remainder; ties to the earlier part). `total` is the parts' sum as the caller holds it
 * (default: their sum), so a breakdown printed beside its total adds up, e.g. an actor's annual
 * effect by category.
 * @example roundParts([0.004, 0.004, 0.004], 2) // => [0.01, 0, 0] (sum 0.012 rounds to 0.01)
 */
export function roundParts(parts: readonly number[], digits: number, total = parts.reduce((s, x) => s + x, 0)): number[] {
  const f = 10 ** digits;
  const target = Math.round(roundTo(total, digits) * f);
  const scaled = parts.map((x) => x * f);
  const floors = scaled.map(Math.floor);
  let remainder = target - floors.reduce((s, x) => s + x, 0);
  const order = scaled.map((x, i) => ({ i, frac: x - floors[i] })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  // remainder lies in [0, n] when Σ parts is the exact total; the guards keep it there anyway.
  for (const { i } of order) {
    if (remainder <= 0) break;
    floors[i] += 1;
    remainder -= 1;
  }
  for (let k = order.length - 1; k >= 0 && remainder < 0; k--) {
    floors[order[k].i] -= 1;
    remainder += 1;
  }
  return floors.map((x) => { const r = x / f; return Object.is(r, -0) ? 0 : r; });
}

/** A signed amount in thousands for prose: 43 210 → "+43 tkr" (sv) / "+SEK 43k" (en); under 10 000 in kronor. */
export function signedTkr(x: number, lang: Lang = 'sv'): string {
  const sign = Math.round(x) > 0 ? '+' : '';
  if (Math.abs(x) < 10_000) return lang === 'sv' ? `${sign}${kr(x, lang)} kr` : `${sign}SEK ${kr(x, lang)}`;
  const k = kr(x / 1000, lang);
  return lang === 'sv' ? `${sign}${k} tkr` : `${sign}SEK ${k}k`;
}

/**
 * Kommun names as the catalogue's per-kommun tax table gives them (Skatteverket, in capitals):
 * folding for matching, display names, "did you mean" and the list for the Excel template.
 */
import type { Catalog } from './types.js';
import { series } from './value-at.js';
import { foldKommun, PER_KOMMUN } from './kommun.js';
import { editDistance } from '../util/closest.js';

/** "ÖSTERSUND" → "Östersund", "MALUNG-SÄLEN" → "Malung-Sälen" (the table is in capitals). */
export const kommunDisplayName = (name: string): string => name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());

/**
 * The kommun a misspelt name most likely means ("Östersunds" → "Östersund", "Upplandsväsby" →
 * "Upplands Väsby"): the nearest name within two edits, or one the name starts with.
 * @returns the display name, or undefined when nothing is close
 */
export function suggestKommun(catalog: Catalog, name: string): string | undefined {
  const s = series(catalog, PER_KOMMUN);
  const v = [...s.values].reverse().find((x) => x.value !== null);
  if (!v) return undefined;
  const f = foldKommun(name).replace(/ /g, '');
  let best: { name: string; d: number } | undefined;
  for (const raw of Object.keys(v.value as Record<string, unknown>)) {
    const k = foldKommun(raw).replace(/ /g, '');
    const d = f.startsWith(k) && k.length >= 4 ? 1 : editDistance(f, k);
    if (d <= 2 && (!best || d < best.d)) best = { name: raw, d };
  }
  return best && kommunDisplayName(best.name);
}

/** Every kommun name in the latest per-kommun table, for the template's drop-down list. */
export function kommunNames(catalog: Catalog): string[] {
  const s = catalog.series.get(PER_KOMMUN);
  const v = s && [...s.values].reverse().find((x) => x.value !== null);
  return v ? Object.keys(v.value as Record<string, unknown>).map(kommunDisplayName) : [];
}


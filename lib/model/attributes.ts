/**
 * Attribute values, checked the same wherever they come from (YAML, JSON, CSV, XLSX, transition
 * tables): one spelling table for kön.
 */
import { normalizeHeader } from './tabular/normalize-header.js';

/** Accepted spellings of kön (normalised) → K, M or X. */
export const KON: Record<string, 'K' | 'M' | 'X'> = {
  k: 'K', kvinna: 'K', kvinnor: 'K', f: 'K', female: 'K', woman: 'K',
  m: 'M', man: 'M', male: 'M', men: 'M',
  x: 'X', annat: 'X', annan: 'X', okand: 'X', okant: 'X', ickebinar: 'X', other: 'X', unknown: 'X',
};

/**
 * Kön as K, M or X, or undefined when the value is not an accepted spelling.
 * @example parseKon('Kvinna') // => 'K'
 */
export function parseKon(v: unknown): 'K' | 'M' | 'X' | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const key = normalizeHeader(String(v));
  return Object.hasOwn(KON, key) ? KON[key] : undefined; // own keys only: not `constructor` from Object.prototype
}

/** The message for a kön that is not K, M or X. */
export const KON_EXPECTED = { sv: 'kön anges som K, M eller X (annat/okänt)', en: 'sex is given as K, M or X (other/unknown)' };

/**
 * "Did you mean …?" for a misspelt catalogue id: the id whose last segment equals the given one
 * (after folding case and å/ä/ö), else one sharing its first six letters.
 */
import { normalizeHeader } from './tabular/normalize-header.js';

export function suggestItem(id: string, ids: readonly string[]): string | undefined {
  const tail = normalizeHeader(id.split('.').pop() ?? id);
  if (!tail) return undefined;
  return ids.find((x) => x.endsWith(`.${tail}`)) ?? ids.find((x) => tail.length >= 5 && x.includes(tail.slice(0, 6)));
}

/**
 * The participants section: weighted counts and society's annual effect per participant by kön
 * and åldersgrupp, with small-cell suppression — a cell below the project's disclosure threshold
 * is shown as "< N", and when a table would reveal a suppressed cell through its total, the next
 * smallest cell is suppressed too (secondary suppression).
 */
import type { Ledger } from '../engine/ledger.js';
import type { Lang } from '../util/errors.js';

export interface SubgroupRow {
  key: string;
  label: string;
  /** Weighted count; null when suppressed. */
  count: number | null;
  /** Society's annual effect per participant (kr); null when suppressed. */
  effectPerParticipant: number | null;
}

export interface SubgroupTable {
  id: 'kon' | 'alder';
  rows: SubgroupRow[];
  total: number;
}

const AGE_BANDS: [number, number, string][] = [[0, 24, '–24'], [25, 29, '25–29'], [30, 39, '30–39'], [40, 49, '40–49'], [50, 200, '50–']];

/**
 * Builds the kön and åldersgrupp tables.
 * @param threshold smallest group shown (project.disclosureThreshold)
 */
export function participantTables(ledger: Ledger, priceYear: number, threshold: number, lang: Lang): SubgroupTable[] {
  const r = ledger.rows;
  const nA = ledger.actors.length;
  const unknown = lang === 'sv' ? 'uppgift saknas' : 'not stated';
  const konLabel: Record<string, string> = lang === 'sv' ? { K: 'Kvinnor', M: 'Män', X: 'Annat/okänt' } : { K: 'Women', M: 'Men', X: 'Other/unknown' };
  const effect = (i: number): number => {
    let s = 0;
    for (let a = 0; a < nA; a++) s += r.actorEfter[i * nA + a] - r.actorFore[i * nA + a];
    return s;
  };
  const groupBy = (keyOf: (i: number) => [string, string], order: string[]): SubgroupRow[] => {
    const acc = new Map<string, { label: string; w: number; e: number }>();
    for (let i = 0; i < r.ids.length; i++) {
      const [key, label] = keyOf(i);
      const g = acc.get(key) ?? { label, w: 0, e: 0 };
      g.w += r.weights[i];
      g.e += r.weights[i] * effect(i);
      acc.set(key, g);
    }
    const keys = [...acc.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return suppress(keys.map((key) => {
      const g = acc.get(key)!;
      return { key, label: g.label, count: g.w, effectPerParticipant: g.w > 0 ? g.e / g.w : 0 };
    }), threshold);
  };
  const total = r.weights.reduce((s, w) => s + w, 0);
  const kon = groupBy((i) => {
    const k = r.attributes[i].kon;
    return k && konLabel[k] ? [k, konLabel[k]] : ['?', unknown];
  }, ['K', 'M', 'X', '?']);
  const alder = groupBy((i) => {
    const at = r.attributes[i];
    const age = at.fodelsear !== undefined ? priceYear - at.fodelsear : at.alder;
    if (age === undefined) return ['?', unknown];
    const band = AGE_BANDS.find(([lo, hi]) => age >= lo && age <= hi)!;
    return [band[2], band[2]];
  }, [...AGE_BANDS.map((b) => b[2]), '?']);
  return [{ id: 'kon', rows: kon, total }, { id: 'alder', rows: alder, total }];
}

/** Primary suppression below the threshold, then secondary suppression of the next smallest cell. */
export function suppress(rows: SubgroupRow[], threshold: number): SubgroupRow[] {
  const small = (x: SubgroupRow) => x.count !== null && x.count > 0 && x.count < threshold;
  const out = rows.map((x) => (small(x) ? { ...x, count: null, effectPerParticipant: null } : { ...x }));
  const hidden = out.filter((x) => x.count === null).length;
  if (hidden === 1) {
    const next = out.filter((x) => x.count !== null && x.count > 0).sort((a, b) => a.count! - b.count! || (a.key < b.key ? -1 : 1))[0];
    if (next) { next.count = null; next.effectPerParticipant = null; }
  }
  return out;
}

/**
 * Results by subgroup (issue 3; NyttoSam reports kön, ålder, utbildning and hushållstyp): the
 * per-participant annual effects of the ledger summed per group over plain arrays, with the same
 * comparison-group, dödvikt and horizon arithmetic as the whole project (lib/results/horizon.ts). Any group with fewer
 * weighted participants than the disclosure threshold (default 5, never below 3) is suppressed —
 * all its numbers are null — and when exactly one group of a table is suppressed, the next smallest
 * is suppressed too, so it cannot be recovered from the published total. Each table states what
 * was suppressed. The one subgroup path: the report, the workbook and the JSON all read it.
 */
import type { Ledger } from '../engine/ledger.js';
import { adjustedEffect, benefitOver, horizonFactor, yearlyStream } from './horizon.js';
import type { Result } from './result.js';
import type { Attributes, Project } from '../model/types.js';

/** What subgroups read of a project: price year (ages), the horizon arithmetic and the disclosure threshold. */
export type SubgroupProject = Pick<Project, 'priceYear' | 'horizonYears' | 'discountRate' | 'deadweight' | 'dropOff' | 'disclosureThreshold'>;
import { byCodePoint } from '../util/compare.js';

/** The subgroup dimensions, in report order. */
export const SUBGROUP_DIMENSIONS = ['kon', 'aldersgrupp', 'utbildning', 'hushallstyp'] as const;
export type SubgroupDimension = (typeof SUBGROUP_DIMENSIONS)[number];

/** Age groups (inclusive bounds) for `aldersgrupp`. */
export const AGE_GROUPS: readonly { key: string; low: number; high: number }[] = [
  { key: '16–24', low: 16, high: 24 },
  { key: '25–29', low: 25, high: 29 },
  { key: '30–49', low: 30, high: 49 },
  { key: '50–66', low: 50, high: 66 },
];

/** Smallest disclosure threshold ever applied. */
export const MIN_DISCLOSURE_THRESHOLD = 3;

/** One subgroup's results. Every number is null when the group is suppressed. */
export interface SubgroupRow {
  /** Group value: `K`, `M`, `X`, `16–24`, a free-text utbildning/hushållstyp, `annan` (age outside the groups) or `okand` (missing). */
  key: string;
  label: string;
  labelEn: string;
  /** True when the group is not shown (too few participants, or to protect another suppressed group). */
  suppressed: boolean;
  /** Σ weights (participants represented). */
  participants: number | null;
  /** Annual effect Δ (kronor/year, after comparison group and dödvikt) by actor id and group id (staten, samhallet, …). */
  annualEffect: Record<string, number> | null;
  /** annualEffect / participants. */
  annualEffectPerParticipant: Record<string, number> | null;
  /** The intervention cost attributed to the group (share of participants), by actor and group id. */
  cost: Record<string, number> | null;
  /** Net (benefit − cost) by horizon (`"1"`, `"<H>"`) for each actor and group id. */
  net: Record<string, Record<string, number>> | null;
}

/** One subgroup table: a dimension, its rows, and what was suppressed. */
export interface SubgroupTable {
  dimension: SubgroupDimension;
  label: string;
  labelEn: string;
  /** Disclosure threshold applied (weighted participants). */
  threshold: number;
  /** Actor and group ids in the records, actors first (catalogue order), then groups. */
  columns: string[];
  rows: SubgroupRow[];
  /** Keys of suppressed rows. */
  suppressed: string[];
  /** Statement about suppression or missing data (null when everything is shown). */
  note: { sv: string; en: string } | null;
}

const DIMENSION_LABEL: Record<SubgroupDimension, [string, string]> = {
  kon: ['Kön', 'Sex'],
  aldersgrupp: ['Åldersgrupp', 'Age group'],
  utbildning: ['Utbildningsnivå', 'Education'],
  hushallstyp: ['Hushållstyp', 'Household type'],
};

const KEY_LABEL: Record<string, [string, string]> = {
  K: ['Kvinnor', 'Women'], M: ['Män', 'Men'], X: ['Annat/okänt kön', 'Other/unknown sex'],
  okand: ['Uppgift saknas', 'Not stated'], annan: ['Annan ålder', 'Other age'],
};

/** The group key of a participant in a dimension. */
export function subgroupKey(dimension: SubgroupDimension, a: Attributes, priceYear: number): string {
  if (dimension === 'kon') return a.kon === 'K' || a.kon === 'M' || a.kon === 'X' ? a.kon : 'okand';
  if (dimension === 'aldersgrupp') {
    const age = a.fodelsear !== undefined ? priceYear - a.fodelsear : a.alder;
    if (age === undefined) return 'okand';
    return AGE_GROUPS.find((g) => age >= g.low && age <= g.high)?.key ?? 'annan';
  }
  const v = a[dimension];
  return v === undefined || String(v).trim() === '' ? 'okand' : String(v).trim();
}

/**
 * Subgroup tables for kön, åldersgrupp, utbildningsnivå and hushållstyp.
 * @param ledger from `priceProject` (per-participant rows, weights, attributes)
 * @param result from `evaluate` (actor and group ids, costs, membership)
 * @param project for price year, dödvikt, horizon, discounting and the disclosure threshold
 * @returns one table per dimension, rows in a stable order (K, M, X; age groups ascending; other values
 *   alphabetically; `annan` and `okand` last)
 * @example subgroupTables(ledger, result, project)[0].rows.map((r) => [r.key, r.participants])
 */
export function subgroupTables(ledger: Ledger, result: Result, project: SubgroupProject): SubgroupTable[] {
  const threshold = Math.max(MIN_DISCLOSURE_THRESHOLD, project.disclosureThreshold ?? 5);
  const actors = ledger.actors;
  const nA = actors.length;
  const rows = ledger.rows;
  const n = rows.ids.length;
  const groups = Object.values(result.groups);
  const columns = [...actors, ...groups.map((g) => g.id)];
  const H = project.horizonYears;
  const horizons = [...new Set(['1', String(H)])];
  const factors = Object.fromEntries(horizons.map((h) => [h, horizonFactor(Number(h), project)]));

  // The comparison group's average change per person and actor (difference-in-differences).
  const cmpChange = new Float64Array(nA);
  const c = ledger.comparison;
  if (c && c.weight > 0) {
    const nC = ledger.categories.length;
    for (let i = 0; i < c.fore.length; i++) cmpChange[Math.floor(i / nC) % nA] += (c.efter[i] - c.fore[i]) / c.weight;
  }
  const totalWeight = rows.weights.reduce((s, w) => s + w, 0);

  // Per participant: weighted annual change per actor; per dimension: the sums by group key, in participant order.
  const change = new Float64Array(n * nA);
  for (let p = 0; p < n; p++) {
    for (let a = 0; a < nA; a++) change[p * nA + a] = rows.weights[p] * (rows.actorEfter[p * nA + a] - rows.actorFore[p * nA + a]);
  }

  // Follow-up years (method §5.1): what a participant's observed years add to its benefit over h
  // beyond year 1's effect × the horizon factor, per actor.
  const laterExtra = followUpExtra(rows, cmpChange, project, horizons, factors);

  const tables: SubgroupTable[] = [];
  for (const dim of SUBGROUP_DIMENSIONS) {
    const sums = new Map<string, number[]>();
    const extras = new Map<string, Record<string, Float64Array>>();
    for (let p = 0; p < n; p++) {
      const key = subgroupKey(dim, rows.attributes[p], project.priceYear);
      let acc = sums.get(key);
      if (!acc) sums.set(key, (acc = new Array<number>(nA + 1).fill(0)));
      acc[0] += rows.weights[p];
      for (let a = 0; a < nA; a++) acc[a + 1] += change[p * nA + a];
      const x = laterExtra.get(p);
      if (x) {
        if (!extras.has(key)) extras.set(key, Object.fromEntries(horizons.map((h) => [h, new Float64Array(nA)])));
        for (const h of horizons) for (let a = 0; a < nA; a++) extras.get(key)![h][a] += x[h][a];
      }
    }
    const keys = orderKeys(dim, [...sums.keys()]);
    const built: SubgroupRow[] = keys.map((key) => {
      const [weight, ...d] = sums.get(key)!;
      const effect: Record<string, number> = {};
      actors.forEach((id, a) => { effect[id] = adjustedEffect(d[a], weight * cmpChange[a], project.deadweight); });
      for (const g of groups) effect[g.id] = g.members.reduce((s, m) => s + (effect[m] ?? 0), 0);
      const share = totalWeight > 0 ? weight / totalWeight : 0;
      const cost: Record<string, number> = {};
      for (const id of columns) cost[id] = ((result.actors[id] ?? result.groups[id])?.cost ?? 0) * share;
      const net: Record<string, Record<string, number>> = {};
      const extra = extras.get(key);
      const extraOf = (h: string, id: string): number => {
        if (!extra) return 0;
        const a = actors.indexOf(id);
        return a >= 0 ? extra[h][a] : (groups.find((g) => g.id === id)?.members ?? []).reduce((s, m) => s + extra[h][actors.indexOf(m)], 0);
      };
      for (const h of horizons) net[h] = Object.fromEntries(columns.map((id) => [id, effect[id] * factors[h] + extraOf(h, id) - cost[id]]));
      const [label, labelEn] = labelOf(key);
      return {
        key, label, labelEn, suppressed: false, participants: weight, annualEffect: effect,
        annualEffectPerParticipant: Object.fromEntries(columns.map((id) => [id, weight > 0 ? effect[id] / weight : 0])),
        cost, net,
      };
    });
    const suppressed = suppress(built, threshold);
    const [label, labelEn] = DIMENSION_LABEL[dim];
    tables.push({ dimension: dim, label, labelEn, threshold, columns, rows: built, suppressed, note: noteFor(built, suppressed, threshold) });
  }
  return tables;
}

/**
 * Per participant observed after year 1: per horizon h and actor, the benefit of its own stream
 * (observed years carried forward, method §5.1) minus year 1's effect × the horizon factor.
 */
function followUpExtra(rows: Ledger['rows'], cmpChange: Float64Array, project: SubgroupProject, horizons: string[], factors: Record<string, number>): Map<number, Record<string, Float64Array>> {
  const out = new Map<number, Record<string, Float64Array>>();
  const nA = cmpChange.length;
  const o = { years: project.horizonYears, dropOff: project.dropOff, discountRate: project.discountRate };
  for (const f of rows.followUps ?? []) {
    const p = f.participant, w = rows.weights[p];
    const x: Record<string, Float64Array> = Object.fromEntries(horizons.map((h) => [h, new Float64Array(nA)]));
    for (let a = 0; a < nA; a++) {
      const path = f.efter.map((e) => adjustedEffect(w * (e[a] - rows.actorFore[p * nA + a]), w * cmpChange[a], project.deadweight));
      const stream = yearlyStream(path, o);
      for (const h of horizons) x[h][a] = benefitOver(stream, Number(h)) - path[0] * factors[h];
    }
    out.set(p, x);
  }
  return out;
}

/** Primary suppression below the threshold, then secondary suppression of the next smallest group when only one is hidden. */
function suppress(rows: SubgroupRow[], threshold: number): string[] {
  const small = rows.filter((r) => (r.participants ?? 0) < threshold);
  for (const r of small) hide(r);
  if (small.length === 1 && rows.length >= 2) {
    const next = rows.filter((r) => !r.suppressed).sort((a, b) => (a.participants! - b.participants!) || byCodePoint(a.key, b.key))[0];
    if (next) hide(next);
  }
  return rows.filter((r) => r.suppressed).map((r) => r.key);
}

function hide(r: SubgroupRow): void {
  r.suppressed = true;
  r.participants = null;
  r.annualEffect = r.annualEffectPerParticipant = r.cost = r.net = null;
}

function noteFor(rows: SubgroupRow[], suppressed: string[], threshold: number): SubgroupTable['note'] {
  if (rows.length === 0) return { sv: 'inga deltagare', en: 'no participants' };
  if (rows.length === 1 && rows[0].key === 'okand') return { sv: 'uppgiften saknas för alla deltagare', en: 'not stated for any participant' };
  if (suppressed.length === 0) return null;
  const list = suppressed.map((k) => labelOf(k));
  return {
    sv: `${suppressed.length === 1 ? 'gruppen' : 'grupperna'} ${list.map((l) => l[0]).join(', ')} visas inte: grupper med färre än ${threshold} deltagare döljs (röjandeskydd), och när bara en grupp skulle döljas döljs även den näst minsta så att den inte kan räknas fram ur totalen`,
    en: `${suppressed.length === 1 ? 'group' : 'groups'} ${list.map((l) => l[1]).join(', ')} not shown: groups with fewer than ${threshold} participants are suppressed (disclosure control), and when only one group would be hidden the next smallest is hidden too so it cannot be derived from the total`,
  };
}

function labelOf(key: string): [string, string] {
  return KEY_LABEL[key] ?? [key, key];
}

function orderKeys(dim: SubgroupDimension, keys: string[]): string[] {
  const tail = (k: string) => (k === 'annan' ? 1 : k === 'okand' ? 2 : 0);
  const rank = (k: string) => {
    if (dim === 'kon') return ['K', 'M', 'X'].indexOf(k);
    if (dim === 'aldersgrupp') return AGE_GROUPS.findIndex((g) => g.key === k);
    return -1;
  };
  return keys.sort((a, b) => tail(a) - tail(b) || rank(a) - rank(b) || a.localeCompare(b, 'sv'));
}

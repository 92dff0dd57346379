/**
 * The results JSON, a stable contract (method §9): exactly these keys, amounts in kronor of the
 * price year rounded to öre, months with one decimal.
 */
import type { ActorResult, HorizonResult, Result } from '../results/result.js';
import type { Lang } from '../util/errors.js';
import { formatProblem } from '../util/errors.js';
import { CATEGORIES, type Category } from '../vocabulary.js';
import { roundParts, roundTo } from './format.js';
import type { MemberJson } from './members.js';

/** Schema id of the results JSON (method §9). */
export const RESULT_SCHEMA = 'samnytta/result@1';

/** The results JSON document (method §9). */
export interface ResultJson {
  schema: typeof RESULT_SCHEMA;
  project: { name: string; priceYear: number; horizonYears: number; discountRate: number; deadweight: number; dropOff: number };
  participants: number;
  /** Weighted participants observed per follow-up year (method §5.1); only when a year after the first was observed. */
  followUpYears?: Record<string, number>;
  actors: Record<string, ActorJson>;
  groups: Record<string, ActorJson>;
  potential: { fore: number; efter: number; verkningsgrad: number | null };
  warnings: string[];
  /** Member kommuner (method §5.2), when asked or when the project has members. */
  members?: MemberJson[];
}

export interface ActorJson {
  annualEffect: number;
  /** The annual effect by category (method §7); the parts sum to `annualEffect` to the öre. */
  byCategory: Record<Category, number>;
  horizons: Record<string, { benefit: number; cost: number; net: number; roi: number | null }>;
  payback: { status: string; months: number | null; simpleMonths: number | null };
  /** The effect of follow-up years 1..K before discounting (method §5.1); only with follow-up years. */
  effectByYear?: number[];
}

export const money = (x: number): number => roundTo(x, 2);

/** Horizons rounded as the contract says: kronor to öre, roi to four decimals. */
export function horizonsJson(hs: Record<string, HorizonResult>): ActorJson['horizons'] {
  const horizons: ActorJson['horizons'] = {};
  for (const [h, r] of Object.entries(hs)) {
    horizons[h] = { benefit: money(r.benefit), cost: money(r.cost), net: money(r.net), roi: r.roi === null ? null : roundTo(r.roi, 4) };
  }
  return horizons;
}

function actorJson(a: ActorResult): ActorJson {
  const horizons = horizonsJson(a.horizons);
  const parts = roundParts(CATEGORIES.map((c) => a.byCategory[c].delta), 2, a.annualEffect);
  const byCategory = Object.fromEntries(CATEGORIES.map((c, i) => [c, parts[i]])) as Record<Category, number>;
  return { annualEffect: money(a.annualEffect), byCategory, horizons, payback: { ...a.payback }, ...(a.effectByYear ? { effectByYear: a.effectByYear.map(money) } : {}) };
}

/** Warnings for the result: validation warnings, the design's evidence grade, estimates relied on. */
export function resultWarnings(r: Result, lang: Lang = 'sv', o: { upperBound?: boolean } = {}): string[] {
  const out = r.warnings.map((w) => formatProblem(w, lang));
  // A forecast has no before/after data: it states what it rests on instead (lib/report/forecast.ts).
  if (r.project.evidence === 'foreEfter' && o.upperBound !== false) {
    out.push(lang === 'sv'
      ? 'Före/efter-jämförelse utan jämförelsegrupp: resultatet är en övre gräns för insatsens effekt'
      : 'Before/after comparison without a comparison group: the result is an upper bound on the effect');
  }
  if (r.estimates.length > 0) {
    // Labels, not ids: a board reads "Lönebidrag", not "params.af.lonebidrag".
    const labels = r.estimates.map((e) => e.label).join(', ');
    out.push(lang === 'sv' ? `Resultatet vilar på uppskattade katalogvärden (status uppskattning): ${labels}` : `The result rests on estimated catalogue values (status estimate): ${labels}`);
  }
  return out;
}

/** Builds the §9 document. */
export function toResultJson(r: Result, lang: Lang = 'sv', members?: MemberJson[]): ResultJson {
  const { name, priceYear, horizonYears, discountRate, deadweight, dropOff } = r.project;
  const map = (xs: Record<string, ActorResult>) => Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, actorJson(v)]));
  return {
    schema: RESULT_SCHEMA,
    project: { name, priceYear, horizonYears, discountRate, deadweight, dropOff },
    participants: roundTo(r.participants, 4),
    ...(r.followUpYears ? { followUpYears: Object.fromEntries(Object.entries(r.followUpYears).map(([y, w]) => [y, roundTo(w, 4)])) } : {}),
    actors: map(r.actors),
    groups: map(r.groups),
    potential: {
      fore: money(r.potential.fore), efter: money(r.potential.efter),
      verkningsgrad: r.potential.verkningsgrad === null ? null : roundTo(r.potential.verkningsgrad, 4),
    },
    warnings: resultWarnings(r, lang),
    ...(members ? { members } : {}),
  };
}

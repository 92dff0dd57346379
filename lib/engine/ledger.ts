/**
 * The ledger: weighted annual postings of a project, aggregated over participants into flat
 * arrays indexed by (item, actor, category). Produced by `priceProject`, read by `evaluate`.
 * Keeping the aggregate over numbers (not one object per posting) lets the engine price a
 * national cohort in seconds and lets sensitivity analyses re-evaluate without re-pricing.
 */
import type { Attributes } from '../model/types.js';
import type { Category } from '../vocabulary.js';
import type { UsedValue } from '../catalog/types.js';
import type { Problem } from '../util/errors.js';

/** Annual postings of one group of people (participants or comparison group), before and after. */
export interface LedgerSide {
  /** Σ weights. */
  weight: number;
  /** Weighted annual kronor, cell = (item × nActors + actor) × nCategories + category. */
  fore: Float64Array;
  efter: Float64Array;
  /** Weighted annual production value and real resource use (positive numbers). */
  productionFore: number;
  productionEfter: number;
  realFore: number;
  realEfter: number;
  /**
   * Lagged postings, same cell layout: the kommunalekonomisk utjämning, which follows a change in
   * taxable income `Ledger.lagYears` later. Always priced; counted only when the project asks
   * (`utjamning`), so the sensitivity analysis can show it without re-pricing.
   */
  laggedFore?: Float64Array;
  laggedEfter?: Float64Array;
  /**
   * Follow-up years (method §5.1): the participants observed after year 1, grouped by their last
   * observed year. Their year-1 postings are also in `efter`; absent when no one has a later year.
   */
  followUps?: FollowUpGroup[];
}

/** Participants whose last observed follow-up year is `lastYear` (≥ 2), priced year by year. */
export interface FollowUpGroup {
  lastYear: number;
  weight: number;
  /** Same cell layout as `LedgerSide.fore`; `efter[t − 1]` is year t's situation (carried forward). */
  fore: Float64Array;
  efter: Float64Array[];
  laggedFore: Float64Array;
  laggedEfter: Float64Array[];
}

/** Per-participant annual figures (unweighted), for potential and subgroups. */
export interface ParticipantRows {
  ids: string[];
  weights: Float64Array;
  attributes: Attributes[];
  /** Annual net per actor, row-major [participant × actor]. */
  actorFore: Float64Array;
  actorEfter: Float64Array;
  productionFore: Float64Array;
  productionEfter: Float64Array;
  realFore: Float64Array;
  realEfter: Float64Array;
  /** Annual lagged (utjämning) net per actor, row-major [participant × actor]. */
  laggedFore?: Float64Array;
  laggedEfter?: Float64Array;
  /** Participants observed after year 1 (method §5.1): annual net per actor in years 1..k (carried forward). */
  followUps?: { participant: number; efter: Float64Array[] }[];
}

/** A priced project: weighted annual postings and per-participant rows (from `priceProject`). */
export interface Ledger {
  priceYear: number;
  actors: string[];
  /** Item ids in cell order; user lines appear as `egen:<label>`. */
  items: string[];
  categories: readonly Category[];
  participants: LedgerSide;
  comparison?: LedgerSide;
  rows: ParticipantRows;
  /** Weighted participants observed in each follow-up year ("1", "2", "3"); absent when only year 1 is used. */
  followUpYears?: Record<string, number>;
  /** Years between a change in taxable income and the utjämning it moves (0 when not priced). */
  lagYears?: number;
  /** Annual production value of a full-time job at the reference wage (method §6). */
  referenceProduction: number;
  /** Catalogue values the result rests on, sorted by id. */
  used: UsedValue[];
  warnings: Problem[];
}

/** Index of a cell in a ledger array. */
export function cell(ledger: Pick<Ledger, 'actors' | 'categories'>, item: number, actor: number, category: number): number {
  return (item * ledger.actors.length + actor) * ledger.categories.length + category;
}

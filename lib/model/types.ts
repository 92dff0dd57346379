/**
 * The project model: what a user describes (participants, situations, lines, the intervention's
 * cost) after reading and validation. Method §4 and §10. Amounts are kronor in the project's
 * price year; rates and shares are fractions (0.25 = 25 %) unless a name says `percent`.
 */

import type { Problem } from '../util/errors.js';
import type { Category, PostingKind } from '../vocabulary.js';

/** A user-defined posting on an `egen` line. */
export interface EgenPosting {
  actor: string;
  kind: PostingKind;
  /** Signed kronor per month: positive = the actor gains, negative = the actor pays. */
  amountPerMonth: number;
  category?: Category;
}

/** One line of a situation: an item over a number of months (method §4). */
export interface Line {
  /** Catalogue item id (e.g. `kommun.forsorjningsstod`) or `egen`. */
  item: string;
  /** Months the line runs within the situation (≤ the situation's months). */
  months: number;
  /** Quantity per month in the item's unit (visits, days, hours); default from the item. */
  perMonth?: number;
  /** Explicit kronor per month; overrides the catalogue amount (still split by the item's rules). */
  amountPerMonth?: number;
  /** Omfattning, 0–1 (default 1): share of full time for wages and benefits. */
  extent?: number;
  /** Monthly full-time wage (wage items) or income basis (SGI, antagandeinkomst, a-kassa). */
  wage?: number;
  /** Rule options, e.g. `{ regim: "2025-10" }`, `{ niva: "lag" }`, `{ bidragsandel: 0.8 }`. */
  options?: Record<string, string | number>;
  /** Label for `egen` lines. */
  label?: string;
  /** Postings for `egen` lines. */
  postings?: EgenPosting[];
}

/** A situation (före or efter): observation length and its lines. */
export interface Situation {
  /** Observation length in months (default 12). */
  months: number;
  lines: Line[];
}

/** Optional participant attributes (all optional; used for rules and subgroups). */
export interface Attributes {
  /** `K`, `M` or `X` (annat/okänt). */
  kon?: string;
  /** Birth year; age in the price year = priceYear − fodelsear. */
  fodelsear?: number;
  /** Age in the price year, when no birth year is given. */
  alder?: number;
  utbildning?: string;
  hushallstyp?: string;
  /** Kommun name (as in Skatteverket's table, any case) selecting that kommun's tax rates. */
  kommun?: string;
}

/** An efter situation observed in a given follow-up year (method §5.1). */
export interface FollowUp {
  /** Follow-up year, 1–3 (year 1 is `efter`). */
  year: number;
  situation: Situation;
}

/** A participant or a typfall (weight = number of participants it represents). */
export interface Participant {
  id: string;
  weight: number;
  attributes: Attributes;
  fore: Situation;
  /** The efter situation of follow-up year 1 (the före situation when year 1 was not observed). */
  efter: Situation;
  /**
   * Every observed follow-up year in order (method §5.1), present only when a year after the
   * first was observed (`efter2`, `efter3`, or `uppfoljningsar` 2–3 in a table). Year t's
   * situation is the latest observation at or before t (före before the first).
   */
  followUps?: FollowUp[];
}

/** One year's share of the intervention cost, optionally with its own financing key. */
export interface CostYear {
  /** Project year, 1-based. */
  year: number;
  amount: number;
  financing?: Financing;
}

/** A financing key id from the catalogue (e.g. `finsam`) or explicit shares per actor. */
export type Financing = string | Record<string, number>;

/** The intervention's cost: a total or amounts by project year, split by a financing key. */
export interface InterventionCost {
  total?: number;
  byYear?: CostYear[];
  financing: Financing;
  /** Calendar year of project year 1, for dated financing keys (default: the price year). */
  startYear?: number;
}

/** Evidence grade of the evaluation design (method §8). */
export type EvidenceGrade = 'foreEfter' | 'jamforelsegrupp' | 'randomiserad';

/**
 * A project's own price for a catalogue item (the `prices:` block, issue 10): kronor per unit of
 * the item in `priceYear` (default: the project's), with the source the förbund vouches for.
 */
export interface PriceOverride {
  /** Kronor per unit of the item (per visit, day, month … as the catalogue's unit). */
  amount: number;
  /** Price year of `amount`; uprated to the project's price year with the item's index. */
  priceYear: number;
  /** Where the figure comes from (mandatory): a price list, an agreement, the region's KPP … */
  source: string;
}

/** A validated, normalised project, ready for the engine. */
export interface Project {
  name: string;
  priceYear: number;
  horizonYears: number;
  discountRate: number;
  deadweight: number;
  dropOff: number;
  cost: InterventionCost;
  participants: Participant[];
  comparison?: { participants: Participant[] };
  /** Project-wide kommunal tax rates in percent, overriding the catalogue average. */
  taxRates?: { kommun: number; region: number };
  /** Monthly reference wage for potential (default: catalogue `params.referenslon`). */
  referenceWage?: number;
  evidence: EvidenceGrade;
  /** Smallest group shown in subgroup outputs (default 5, never below 3). */
  disclosureThreshold: number;
  /** Free-text description shown in reports. */
  description?: string;
  /** Validation warnings about the input, carried into every output (method §9 `warnings`). */
  warnings?: Problem[];
  /** Evaluation of observed outcomes (`utvardering`, default) or a forecast of expected ones (`prognos`). */
  kind?: 'utvardering' | 'prognos';
  /** Insatsklass `målgrupp/insatstyp` from data/insatsklasser.yaml (issue 15), choosing the comparison group. */
  insatsklass?: string;
  /**
   * Kommunalekonomisk utjämning (method §2.3): when set, a change in taxable income moves the
   * kommun's and region's inkomstutjämning two years later. `skattekraft` gives a kommun's own
   * skattekraft index (riket = 100) where the catalogue's is missing or old. Off (undefined) by default.
   */
  utjamning?: { skattekraft: Record<string, number> };
  /** The project's own prices by catalogue item id, overriding the catalogue's values (issue 10). */
  prices?: Record<string, PriceOverride>;
  /** User-set uncertainty ranges for Monte Carlo (issue 6), by parameter id. */
  uncertainty?: Record<string, { low: number; high: number }>;
}

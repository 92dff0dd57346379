/**
 * The engine's result: per actor and group, the annual effect, the yearly stream over the
 * horizon, benefit/cost/net/roi for 1 and H years, payback, and the decomposition by category
 * and item (the cost shifts). `toResultJson` turns it into the stable contract (method §9).
 */
import type { UsedValue } from '../catalog/types.js';
import type { Project } from '../model/types.js';
import type { Category } from '../vocabulary.js';
import type { Problem } from '../util/errors.js';
import type { Payback } from './horizon.js';

/** Benefit, cost, net and roi over a horizon of 1 or H years (method §5). */
export interface HorizonResult {
  benefit: number;
  cost: number;
  net: number;
  /** net / cost; null when cost = 0. */
  roi: number | null;
}

/** One category's share of an actor's position before, after and in the effect (method §7). */
export interface CategoryChange {
  /** Weighted annual level before and after (participants, before comparison and deadweight). */
  fore: number;
  efter: number;
  /** Annual effect attributed to the category (after comparison group and deadweight). */
  delta: number;
}

/** The result for one actor or group: annual effect, yearly stream, horizons, payback, decomposition. */
export interface ActorResult {
  id: string;
  label: string;
  labelEn: string;
  /** Member actors (a single id for an actor). */
  members: string[];
  /** Δ, the annual effect after comparison group and deadweight (method §5). */
  annualEffect: number;
  /** Weighted annual net position before and after. */
  fore: number;
  efter: number;
  /** Δ_t for t = 1..H, after avklingning and discounting. */
  yearly: number[];
  /** Cumulative Σ Δ_t − C at the end of year t = 0..H. */
  cumulativeNet: number[];
  /** Discounted intervention cost borne. */
  cost: number;
  horizons: Record<string, HorizonResult>;
  payback: Payback;
  byCategory: Record<Category, CategoryChange>;
  /** A cost shift: this actor loses while society gains (method §7). */
  shiftFlag: boolean;
  /**
   * Follow-up years (method §5.1): the effect of years 1..K before discounting, K = the last
   * observed year; present only when a participant was observed after year 1.
   */
  effectByYear?: number[];
}

/** One item's postings for one actor (the rows behind waterfalls and flows). */
export interface ItemRow {
  item: string;
  label: string;
  actor: string;
  category: Category;
  fore: number;
  efter: number;
  delta: number;
}

/** Socio-economic potential before and after, and verkningsgrad (method §6). */
export interface PotentialResult {
  fore: number;
  efter: number;
  /** (fore − efter) / fore; null when fore = 0. */
  verkningsgrad: number | null;
  /** Annual production of a full-time job at the reference wage. */
  referenceProduction: number;
  perParticipant: {
    potentialFore: number;
    potentialEfter: number;
    cost: number;
    /** Society's annual effect per participant. */
    annualEffect: number;
    /** Society's 1-year net (annual effect − cost) per participant. */
    netYear1: number;
    /** Cost per percentage point of verkningsgrad; null when verkningsgrad ≤ 0. */
    costPerPercentagePoint: number | null;
  };
}

/** Everything the engine computes for a project; `toResultJson` gives the stable §9 subset. */
export interface Result {
  project: Pick<Project, 'name' | 'priceYear' | 'horizonYears' | 'discountRate' | 'deadweight' | 'dropOff' | 'evidence'> & {
    /** Total (undiscounted) intervention cost. */
    costTotal: number;
    /** The financing key(s) named in the cost. */
    financing: string;
  };
  participants: number;
  comparisonParticipants: number | null;
  /** Weighted participants observed per follow-up year ("1".."3"); only when a year after the first was observed (method §5.1). */
  followUpYears?: Record<string, number>;
  actors: Record<string, ActorResult>;
  groups: Record<string, ActorResult>;
  /** The usual funders (catalogue `funders`, e.g. fk, af, kommun, region), in presentation order. */
  funders: string[];
  items: ItemRow[];
  potential: PotentialResult;
  /** Catalogue values the result rests on, and the subset that are estimates. */
  used: UsedValue[];
  estimates: UsedValue[];
  warnings: Problem[];
}

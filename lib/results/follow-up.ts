/**
 * Follow-up years (method §5.1). A participant observed in years 1..k contributes its own observed
 * changes for years 1..k and carries year k forward, with avklingning only after year k:
 *   Δ_p,t = Δ_p,min(t,k) × (1 − avklingning)^max(0, t − k).
 * Participants are grouped by their last observed year k (the ledger's `followUps`); everyone
 * else (k = 1) is the rest of the year-1 effect. The stream is the sum of the groups' streams.
 */
import type { Ledger } from '../engine/ledger.js';
import { adjustedEffect, comparisonScale, delayedStream, yearlyStream, type HorizonOptions } from './horizon.js';

/** Per group of the ledger's `followUps`: per year t = 1..k, per cell, the adjusted annual effect. */
export interface FollowUpEffects {
  nActors: number;
  nCategories: number;
  nItems: number;
  groups: { lastYear: number; effects: Float64Array[]; lagged: Float64Array[] }[];
}

/** The adjusted (comparison group, dödvikt) per-cell effects of each follow-up group and year. */
export function followUpEffects(ledger: Ledger, deadweight: number, withLag: boolean): FollowUpEffects {
  const c = ledger.comparison;
  const groups = (ledger.participants.followUps ?? []).map((g) => {
    const k = comparisonScale(g.weight, c?.weight);
    const adjust = (efter: Float64Array, fore: Float64Array, cEfter?: Float64Array, cFore?: Float64Array): Float64Array => {
      const out = new Float64Array(fore.length);
      for (let i = 0; i < out.length; i++) out[i] = adjustedEffect(efter[i] - fore[i], k && cEfter && cFore ? k * (cEfter[i] - cFore[i]) : 0, deadweight);
      return out;
    };
    return {
      lastYear: g.lastYear,
      effects: g.efter.map((e) => adjust(e, g.fore, c?.efter, c?.fore)),
      lagged: withLag ? g.laggedEfter.map((e) => adjust(e, g.laggedFore, c?.laggedEfter, c?.laggedFore)) : [],
    };
  });
  return { nActors: ledger.actors.length, nCategories: ledger.categories.length, nItems: ledger.items.length, groups };
}

/** Σ of a per-cell array over the cells of the given actors. */
function actorSum(f: FollowUpEffects, cells: Float64Array, actors: number[]): number {
  const { nActors: nA, nCategories: nC, nItems } = f;
  let s = 0;
  for (let i = 0; i < nItems; i++) for (const a of actors) for (let ci = 0; ci < nC; ci++) s += cells[(i * nA + a) * nC + ci];
  return s;
}

/** An actor's (or group's) stream with follow-up years. */
export interface FollowUpStream {
  /** Δ_t for t = 1..H after avklingning and discounting. */
  yearly: number[];
  /** The effect of years 1..K (K = the last observed year) before discounting. */
  byYear: number[];
  /** The level carried forward after the last observation (before avklingning), deciding payback `never`. */
  lastLevel: number;
}

/**
 * The stream of one actor or group: the year-1-only participants' effect (the year-1 total less the
 * groups' year 1) on the NyttoSam path, plus each group's observed years carried forward.
 * @param actors indices of the member actors
 * @param effect1 year-1 annual effect without the utjämning
 * @param lagEffect1 year-1 utjämning effect (0 without)
 * @param lag years of delay of the utjämning (0 when not counted)
 */
export function followUpStream(f: FollowUpEffects, actors: number[], effect1: number, lagEffect1: number, o: HorizonOptions, lag: number): FollowUpStream {
  const K = Math.max(1, ...f.groups.map((g) => g.lastYear));
  const plain: HorizonOptions = { years: K, dropOff: o.dropOff, discountRate: 0 };
  let rest = effect1, lagRest = lagEffect1, lastLevel = 0;
  const parts: { path: number[]; lagPath: number[] }[] = [];
  for (const g of f.groups) {
    const path = g.effects.map((e) => actorSum(f, e, actors));
    const lagPath = lag > 0 ? g.lagged.map((e) => actorSum(f, e, actors)) : [];
    rest -= path[0];
    if (lag > 0) lagRest -= lagPath[0];
    lastLevel += path[path.length - 1] + (lag > 0 ? lagPath[lagPath.length - 1] : 0);
    parts.push({ path, lagPath });
  }
  lastLevel += rest + (lag > 0 ? lagRest : 0);
  const add = (into: number[], xs: number[]) => xs.forEach((x, t) => { into[t] += x; });
  const stream = (opts: HorizonOptions): number[] => {
    const out = yearlyStream(rest, opts);
    if (lag > 0 && lagRest !== 0) add(out, delayedStream(lagRest, opts, lag));
    for (const p of parts) {
      add(out, yearlyStream(p.path, opts));
      if (lag > 0) add(out, delayedStream(p.lagPath, opts, lag));
    }
    return out;
  };
  return { yearly: stream(o), byYear: stream(plain), lastLevel };
}

/**
 * The forecast (prognos, docs/prognos.md): the plan's typfall priced by the engine at the stated
 * shares and at the optimism-adjusted shares, with the yearly stream spread over the planned
 * intake (participants entering per project year start their effect that year). Pricing is
 * additive over weighted typfall, so every typfall is priced once at weight 1 and any set of
 * shares is a weighted sum of those ledgers (`shareLedger`), which Monte Carlo, break-even and
 * the comparison with the outcome use without re-pricing.
 */
import type { Catalog } from '../catalog/types.js';
import { evaluate, type Assumptions } from '../results/evaluate.js';
import { payback, yearlyStream } from '../results/horizon.js';
import type { Ledger, LedgerSide } from '../engine/ledger.js';
import { priceProject } from '../engine/price.js';
import type { ActorResult, Result } from '../results/result.js';
import type { Project } from '../model/types.js';
import { adjustedShares, planProject, planWeights, statedShares, type ForecastPlan } from './plan.js';
import { SOCIETY } from '../catalog/groups.js';

/** Shares of the participants entering in each project year (sum 1). */
export function cohortShares(plan: Pick<ForecastPlan, 'byYear' | 'total'>): number[] {
  return plan.total > 0 ? plan.byYear.map((n) => n / plan.total) : [1];
}

/**
 * The yearly stream with a staggered intake: year t = Σ_{y ≤ t} c_y · s_{t−y+1} / (1 + r)^(y−1),
 * where s is the engine's stream (avklingning and discounting from the cohort's own start) and
 * c_y the share entering in year y. With everyone in year 1 it is the engine's stream.
 */
export function rampedStream(annualEffect: number, cohorts: readonly number[], years: number, dropOff: number, discountRate: number): number[] {
  const s = yearlyStream(annualEffect, { years, dropOff, discountRate });
  const out = new Array<number>(years).fill(0);
  cohorts.forEach((c, y) => {
    if (c === 0) return;
    for (let t = y; t < years; t++) out[t] += (c * s[t - y]) / (1 + discountRate) ** y;
  });
  return out;
}

/** M_h: the h-year benefit per krona of annual effect under the intake (Σ of the ramped stream for Δ = 1). */
export function horizonFactor(cohorts: readonly number[], h: number, dropOff: number, discountRate: number): number {
  return rampedStream(1, cohorts, h, dropOff, discountRate).reduce((a, b) => a + b, 0);
}

function rampActor(a: ActorResult, cohorts: readonly number[], H: number, dropOff: number, discountRate: number): ActorResult {
  const yearly = rampedStream(a.annualEffect, cohorts, H, dropOff, discountRate);
  const cumulativeNet = [-a.cost];
  for (const d of yearly) cumulativeNet.push(cumulativeNet[cumulativeNet.length - 1] + d);
  const horizon = (h: number) => {
    const benefit = yearly.slice(0, h).reduce((s, x) => s + x, 0);
    return { benefit, cost: a.cost, net: benefit - a.cost, roi: a.cost === 0 ? null : (benefit - a.cost) / a.cost };
  };
  return { ...a, yearly, cumulativeNet, horizons: { '1': horizon(1), [String(H)]: horizon(H) }, payback: payback(a.cost, a.annualEffect, yearly) };
}

/** The engine's result with every actor's and group's stream spread over the intake. */
export function rampResult(r: Result, cohorts: readonly number[], a: Pick<Assumptions, 'horizonYears' | 'dropOff' | 'discountRate'>): Result {
  if (cohorts.length === 1) return r;
  const map = (xs: Record<string, ActorResult>) => Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, rampActor(v, cohorts, a.horizonYears, a.dropOff, a.discountRate)]));
  const actors = map(r.actors);
  const groups = map(r.groups);
  const society = groups[SOCIETY];
  for (const x of Object.values(actors)) x.shiftFlag = x.annualEffect < 0 && (society?.annualEffect ?? 0) > 0;
  return { ...r, actors, groups };
}

/** Prices and evaluates a plan at the given shares (the real engine, no shortcuts). */
export function evaluatePlan(plan: ForecastPlan, shares: ArrayLike<number>, catalog: Catalog, assumptions: Assumptions = plan.project): { project: Project; ledger: Ledger; result: Result } {
  const project = planProject(plan, shares);
  const ledger = priceProject(project, catalog);
  const result = rampResult(evaluate(ledger, assumptions, catalog), cohortShares(plan), assumptions);
  return { project, ledger, result };
}

/** The forecast: stated and optimism-adjusted, each priced by the engine. */
export interface Forecast {
  plan: ForecastPlan;
  stated: { shares: number[]; project: Project; ledger: Ledger; result: Result };
  adjusted: { shares: number[]; project: Project; ledger: Ledger; result: Result };
}

/** Computes the forecast of a plan. */
export function forecast(plan: ForecastPlan, catalog: Catalog): Forecast {
  const s = statedShares(plan);
  const a = adjustedShares(plan);
  return { plan, stated: { shares: s, ...evaluatePlan(plan, s, catalog) }, adjusted: { shares: a, ...evaluatePlan(plan, a, catalog) } };
}

/**
 * Every typfall priced alone at weight 1, on one item axis (the others present at weight 0, so
 * the engine numbers the items alike). `combine(weights)` is then the project's ledger.
 */
export interface UnitLedgers {
  base: Ledger;
  units: LedgerSide[];
  combine(weights: ArrayLike<number>): Ledger;
}

export function unitLedgers(plan: ForecastPlan, catalog: Catalog): UnitLedgers {
  const ps = plan.project.participants;
  const units = ps.map((_, k) => priceProject({ ...plan.project, participants: ps.map((p, j) => ({ ...p, weight: j === k ? 1 : 0 })) }, catalog).participants);
  const base = priceProject({ ...plan.project, participants: ps.map((p) => ({ ...p, weight: 0 })) }, catalog);
  const combine = (w: ArrayLike<number>): Ledger => {
    const n = base.participants.fore.length;
    const side: LedgerSide = { weight: 0, fore: new Float64Array(n), efter: new Float64Array(n), productionFore: 0, productionEfter: 0, realFore: 0, realEfter: 0 };
    units.forEach((u, k) => {
      const x = w[k];
      if (x === 0) return;
      side.weight += x * u.weight;
      for (let i = 0; i < n; i++) {
        side.fore[i] += x * u.fore[i];
        side.efter[i] += x * u.efter[i];
      }
      side.productionFore += x * u.productionFore;
      side.productionEfter += x * u.productionEfter;
      side.realFore += x * u.realFore;
      side.realEfter += x * u.realEfter;
    });
    return { ...base, participants: side };
  };
  return { base, units, combine };
}

/** The ledger of a plan at given outcome shares, from its unit ledgers. */
export function shareLedger(plan: ForecastPlan, u: UnitLedgers, shares: ArrayLike<number>): Ledger {
  return u.combine(planWeights(plan, shares));
}

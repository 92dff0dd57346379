/**
 * The forecast's analyses (docs/prognos.md): break-even per funder ("the insats pays back for
 * the kommun if at least 3 of 40 participants reach work without support"), Monte Carlo over the
 * outcome shares and the uncertain prices with P(net > 0) and P(repaid within the horizon) per
 * funder, and återföring — the savings per funder and year that could be returned to a
 * social-investment fund, cumulated, and the year the funder's share is repaid.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { Catalog } from '../catalog/types.js';
import { SOCIETY } from '../catalog/groups.js';
import type { BreakEvenFinding } from '../sensitivity/break-even.js';
import { fundersOf } from '../results/cost.js';
import { evaluate } from '../results/evaluate.js';
import { priceProject } from '../engine/price.js';
import type { ActorResult, Result } from '../results/result.js';
import type { Participant, Project } from '../model/types.js';
import { summarise, triangular, type Summary } from '../sensitivity/monte-carlo.js';
import { applyInput, rangeDefaults, uncertainInputs, type UncertainInput } from '../sensitivity/ranges.js';
import { baseScenario, copyScenario, headlineIds, netsBuffer, scenarioNets, sensitivityModel } from '../sensitivity/scenario.js';
import { cohortShares, horizonFactor, rampResult, shareLedger, type Forecast, type UnitLedgers } from './forecast.js';
import type { ForecastPlan } from './plan.js';

const pick = (r: Result, id: string): ActorResult | undefined => r.groups[id] ?? r.actors[id];

/** Society, the usual funders and every actor in the plan's financing keys (ESF: Övrig stat). */
export function forecastTargets(plan: ForecastPlan, catalog: Catalog): string[] {
  return headlineIds(catalog, plan.project.cost).filter((id) => id === SOCIETY || catalog.actors.some((a) => a.id === id) || catalog.groups.some((g) => g.id === id));
}

/** A funder's break-even in a forecast: the evaluation's finding fields, plus cost and effect. */
export interface ForecastBreakEven extends Pick<BreakEvenFinding, 'target' | 'label' | 'labelEn' | 'status' | 'share'> {
  /** Participants who must reach the situation, rounded up to whole people. */
  participants: number | null;
  /** The target's cost and its annual effect if every participant moved. */
  cost: number;
  effectIfAll: number;
  /** H-year net of the split project priced afresh at `share` (≈ 0 for an interior share). */
  verifiedNet: number | null;
}

export interface ForecastBreakEvenResult {
  category: string;
  label: string;
  labelEn: string;
  participants: number;
  horizonYears: number;
  /** The forecast share reaching the situation (stated and adjusted), for comparison. */
  forecastShare: { stated: number; adjusted: number };
  findings: ForecastBreakEven[];
}

/**
 * The split project at share s: in every target group a share s moves from its före situation
 * to the break-even situation; everyone else stays as before (the ex-ante counterfactual).
 */
export function breakEvenProject(plan: ForecastPlan, s: number): Project {
  const participants: Participant[] = [];
  for (const g of plan.groups) {
    const u = plan.project.participants[g.unchanged];
    participants.push({ ...u, id: `${g.fore} → oförändrad`, weight: g.n * (1 - s) });
    participants.push({ ...u, id: `${g.fore} → ${plan.breakEven.category}`, weight: g.n * s, efter: { months: plan.months, lines: plan.breakEven.lines.map((l) => ({ ...l })) } });
  }
  return { ...plan.project, participants };
}

/**
 * Break-even share per target. Net is affine in s with net(0) = −C (no one moves, no effect),
 * so s* = C / (Δ_all · M_H), with Δ_all the annual effect if everyone moved and M_H the
 * horizon factor of the intake. Verified by pricing the split project at s* with the engine.
 */
export function forecastBreakEven(f: Forecast, catalog: Catalog, o: { verify?: boolean } = {}): ForecastBreakEvenResult {
  const plan = f.plan;
  const a = plan.project;
  const H = a.horizonYears;
  const cohorts = cohortShares(plan);
  const M = horizonFactor(cohorts, H, a.dropOff, a.discountRate);
  const all = evaluate(priceProject(breakEvenProject(plan, 1), catalog), a, catalog);
  const reach = (shares: number[]) => plan.outcomes.reduce((s, x, k) => s + (x.efter === plan.breakEven.category ? plan.groups.find((g) => g.fore === x.fore)!.n * shares[k] : 0), 0) / (plan.total || 1);
  const findings = forecastTargets(plan, catalog).map((id): ForecastBreakEven => {
    const t = pick(all, id)!;
    const common = { target: id, label: t.label, labelEn: t.labelEn, cost: t.cost, effectIfAll: t.annualEffect };
    if (t.cost <= 0) return { ...common, status: 'already', share: 0, participants: 0, verifiedNet: 0 };
    const s = t.annualEffect > 0 ? t.cost / (t.annualEffect * M) : Infinity;
    if (!(s <= 1)) return { ...common, status: 'never', share: null, participants: null, verifiedNet: null };
    let verifiedNet: number | null = null;
    if (o.verify !== false) {
      const r = rampResult(evaluate(priceProject(breakEvenProject(plan, s), catalog), a, catalog), cohorts, a);
      verifiedNet = pick(r, id)!.horizons[String(H)].net;
    }
    // Whole participants, rounded up: 2.1 needed means 3 must succeed (the tolerance absorbs float noise).
    return { ...common, status: 'share', share: s, participants: Math.ceil(s * plan.total - 1e-9), verifiedNet };
  });
  return {
    category: plan.breakEven.category, label: plan.breakEven.label, labelEn: plan.breakEven.labelEn, participants: plan.total, horizonYears: H,
    forecastShare: { stated: reach(f.stated.shares), adjusted: reach(f.adjusted.shares) }, findings,
  };
}

export interface ForecastDistribution {
  id: string;
  label: string;
  labelEn: string;
  isGroup: boolean;
  /** Carries a share of the intervention cost. */
  funder: boolean;
  net1: Summary;
  netH: Summary;
  /** Share of draws with H-year net above half a krona. */
  pPositive: number;
  /** Share of draws repaid within H years; null when the target bears no cost. */
  pPayback: number | null;
}

export interface ForecastMonteCarlo {
  draws: number;
  seed: number;
  horizonYears: number;
  /** Whether the drawn shares were optimism-adjusted. */
  adjusted: boolean;
  /** Price inputs drawn (catalogue items and the intervention cost). */
  inputs: UncertainInput[];
  targets: ForecastDistribution[];
}

/**
 * Monte Carlo over the outcome shares and the uncertain prices. Per draw: each outcome share from
 * a triangular distribution (low, stated, high) — a group whose drawn shares exceed 1 is scaled
 * back to 1 — then the optimism adjustment; each price input (catalogue items, intervention cost)
 * from its triangular range (params.osakerhet.intervall). Dödvikt, avklingning and discounting
 * stay as planned. Seeded xoroshiro128+: the same seed gives the same numbers.
 */
export function forecastMonteCarlo(f: Forecast, u: UnitLedgers, catalog: Catalog, o: { draws: number; seed: number; adjusted?: boolean }): ForecastMonteCarlo {
  const plan = f.plan;
  const a = plan.project;
  const H = a.horizonYears;
  const adjusted = o.adjusted !== false;
  const draws = Math.max(1, Math.floor(o.draws));
  // Inputs from the ledger at the high shares, so an item that moves only above the stated share is still drawn.
  const model = sensitivityModel(shareLedger(plan, u, plan.outcomes.map((x) => x.high)), a, catalog);
  const inputs = uncertainInputs(model, rangeDefaults(catalog, a.priceYear), a.uncertainty).inputs.filter((x) => x.kind === 'item' || x.kind === 'cost');
  const L = model.ledger;
  const nA = L.actors.length, nI = L.items.length, nC = L.categories.length;
  // Per outcome: the annual change per item × actor of one participant.
  const d = plan.outcomes.map((x) => {
    const side = u.units[x.participant];
    const out = new Float64Array(nI * nA);
    for (let i = 0; i < nI; i++) for (let ac = 0; ac < nA; ac++) {
      let s = 0;
      for (let c = 0; c < nC; c++) {
        const idx = (i * nA + ac) * nC + c;
        s += side.efter[idx] - side.fore[idx];
      }
      out[i * nA + ac] = s;
    }
    return out;
  });
  const n = plan.outcomes.map((x) => plan.groups.find((g) => g.fore === x.fore)!.n);
  const cohorts = cohortShares(plan);
  const M1 = horizonFactor(cohorts, 1, a.dropOff, a.discountRate);
  const MH = horizonFactor(cohorts, H, a.dropOff, a.discountRate);
  const funders = new Set(fundersOf(catalog, a.cost));
  const nT = model.targets.length;
  const net1 = model.targets.map(() => new Float64Array(draws));
  const netH = model.targets.map(() => new Float64Array(draws));
  const positive = new Float64Array(nT), pays = new Float64Array(nT), costs = new Float64Array(nT);
  const rng = xoroshiro128plus(o.seed);
  const s = copyScenario(baseScenario(model));
  const buf = netsBuffer(model);
  const scratch = new Float64Array(nA);
  const costCache = new Map<number, Float64Array>();
  const x = new Float64Array(plan.outcomes.length);
  for (let dr = 0; dr < draws; dr++) {
    plan.outcomes.forEach((out, k) => { x[k] = triangular(uniformFloat64(rng), out.low, out.share, out.high); });
    for (const g of plan.groups) {
      let sum = 0;
      plan.outcomes.forEach((out, k) => { if (out.fore === g.fore) sum += x[k]; });
      if (sum > 1) plan.outcomes.forEach((out, k) => { if (out.fore === g.fore) x[k] /= sum; });
    }
    const dP = model.dParticipants;
    dP.fill(0);
    plan.outcomes.forEach((out, k) => {
      const w = n[k] * x[k] * (adjusted ? 1 - plan.optimism.levels[out.evidence] : 1);
      if (w === 0) return;
      const dk = d[k];
      for (let j = 0; j < dP.length; j++) dP[j] += w * dk[j];
    });
    for (const input of inputs) applyInput(s, input, triangular(uniformFloat64(rng), input.low, input.base, input.high));
    scenarioNets(model, s, buf, scratch, costCache);
    for (let t = 0; t < nT; t++) {
      const D = buf.annualEffect[t], C = buf.cost[t];
      net1[t][dr] = D * M1 - C;
      netH[t][dr] = D * MH - C;
      if (netH[t][dr] > 0.5) positive[t]++;
      if (C <= 0 || (D > 0 && D * MH >= C * (1 - 1e-12))) pays[t]++;
      if (dr === 0) costs[t] = C;
    }
  }
  return {
    draws, seed: o.seed, horizonYears: H, adjusted, inputs,
    targets: model.targets.map((t, i) => ({
      id: t.id, label: t.label, labelEn: t.labelEn, isGroup: t.isGroup, funder: !t.isGroup && funders.has(t.id),
      net1: summarise(net1[i]), netH: summarise(netH[i]), pPositive: positive[i] / draws,
      pPayback: costs[i] > 0 ? pays[i] / draws : null,
    })),
  };
}

export interface AterforingYear {
  year: number;
  /** Savings (the funder's effect) in the year, cumulated, and cumulated minus the funder's cost. */
  savings: number;
  cumulative: number;
  balance: number;
}

export interface AterforingFunder {
  id: string;
  label: string;
  labelEn: string;
  cost: number;
  years: AterforingYear[];
  /** First project year whose cumulative savings reach the cost; null when not within the horizon. */
  repaidYear: number | null;
}

/** Återföring per funder and year from a (ramped) forecast result. */
export function aterforing(r: Result, funders: readonly string[]): AterforingFunder[] {
  return funders.map((id) => {
    const a = pick(r, id)!;
    let cum = 0;
    let repaidYear: number | null = a.cost <= 0 ? 0 : null;
    const years = a.yearly.map((d, t) => {
      cum += d;
      if (repaidYear === null && cum >= a.cost * (1 - 1e-12)) repaidYear = t + 1;
      return { year: t + 1, savings: d, cumulative: cum, balance: cum - a.cost };
    });
    return { id, label: a.label, labelEn: a.labelEn, cost: a.cost, years, repaidYear };
  });
}

/**
 * Scenarios: a priced project re-evaluated under changed inputs without re-pricing (method §8,
 * docs/sensitivity.md). A scenario scales the ledger's cells — item i's cells by a factor f_i
 * (unit values), every participant's change efter − före by an effect factor — and changes the
 * assumptions (dödvikt, avklingning, discount rate, intervention cost). Two equivalent paths:
 * `scenarioLedger` builds the scaled ledger for the real `evaluate`; `scenarioNets` is the fast
 * path for Monte Carlo, using per item × actor changes precomputed once in `sensitivityModel`.
 */
import { SOCIETY, societyGroup } from '../catalog/groups.js';
import type { Catalog } from '../catalog/types.js';
import { costByActor, fundersOf } from '../results/cost.js';
import { evaluate, type Assumptions } from '../results/evaluate.js';
import type { Ledger, LedgerSide } from '../engine/ledger.js';
import { benefitOver, comparisonScale, delayedStream, horizonFactor, paysBack, yearlyStream, type HorizonOptions } from '../results/horizon.js';
import type { Result } from '../results/result.js';
import type { InterventionCost } from '../model/types.js';

/** An actor or group whose result the analyses report. */
export interface Target {
  id: string;
  label: string;
  labelEn: string;
  /** Actor indices in the ledger's actor axis. */
  members: number[];
  isGroup: boolean;
}

/** The values a scenario changes; `baseScenario` reproduces the project as given. */
export interface Scenario {
  /** Factor per ledger item on its cells (1 = the catalogue/line value). */
  itemFactors: Float64Array;
  /** Factor on every change efter − före (effect size), 1 = as observed. */
  effect: number;
  deadweight: number;
  dropOff: number;
  discountRate: number;
  /** Factor on the intervention cost (every year), 1 = as budgeted. */
  costFactor: number;
  /** Factor on the comparison group's change (observation assumption), 1 = as observed. */
  comparison: number;
  /** Whether the kommunalekonomisk utjämning (the ledger's lagged postings) counts (method §2.3). */
  utjamning: boolean;
}

/** A priced project prepared for fast re-evaluation. */
export interface SensitivityModel {
  ledger: Ledger;
  assumptions: Assumptions;
  catalog: Catalog;
  /** Every actor and group (catalogue order: actors, then groups; `samhallet` always present). */
  targets: Target[];
  /** Participants' annual change per item × actor, Σ over categories (efter − före). */
  dParticipants: Float64Array;
  /** Comparison group's change scaled to the participants' weight, per item × actor (zeros without one). */
  dComparison: Float64Array;
  /** Whether the item has any non-zero change (an input worth varying). */
  itemMoves: boolean[];
  /** As dParticipants and dComparison for the lagged (utjämning) postings. */
  dLaggedParticipants: Float64Array;
  dLaggedComparison: Float64Array;
  /**
   * Follow-up groups (method §5.1), as the ledger's: per observed year the participants' change per
   * item × actor, and the comparison group's change scaled to the group's weight; lagged alike.
   */
  followUps: FollowUpChanges[];
}

/** One follow-up group's changes per item × actor (see `SensitivityModel.followUps`). */
export interface FollowUpChanges {
  lastYear: number;
  d: Float64Array[];
  dComparison: Float64Array;
  dLagged: Float64Array[];
  dLaggedComparison: Float64Array;
}

/** Prepares a ledger for scenarios: targets and per item × actor changes. */
export function sensitivityModel(ledger: Ledger, assumptions: Assumptions, catalog: Catalog): SensitivityModel {
  const nA = ledger.actors.length, nC = ledger.categories.length, nI = ledger.items.length;
  const P = ledger.participants, C = ledger.comparison;
  const k = comparisonScale(P.weight, C?.weight);
  const dP = new Float64Array(nI * nA), dC = new Float64Array(nI * nA), dLP = new Float64Array(nI * nA), dLC = new Float64Array(nI * nA);
  const itemMoves: boolean[] = new Array(nI).fill(false);
  for (let i = 0; i < nI; i++) {
    for (let a = 0; a < nA; a++) {
      let p = 0, c = 0, lp = 0, lc = 0;
      for (let ci = 0; ci < nC; ci++) {
        const idx = (i * nA + a) * nC + ci;
        p += P.efter[idx] - P.fore[idx];
        if (P.laggedFore && P.laggedEfter) lp += P.laggedEfter[idx] - P.laggedFore[idx];
        if (C && k) c += k * (C.efter[idx] - C.fore[idx]);
        if (C && k && C.laggedFore && C.laggedEfter) lc += k * (C.laggedEfter[idx] - C.laggedFore[idx]);
        if (P.efter[idx] !== P.fore[idx] || (C && C.efter[idx] !== C.fore[idx])) itemMoves[i] = true;
      }
      dP[i * nA + a] = p;
      dC[i * nA + a] = c;
      dLP[i * nA + a] = lp;
      dLC[i * nA + a] = lc;
    }
  }
  const index = (id: string): number => ledger.actors.indexOf(id);
  const targets: Target[] = catalog.actors.map((a) => ({ id: a.id, label: a.label, labelEn: a.labelEn, members: [index(a.id)], isGroup: false }));
  for (const g of catalog.groups) targets.push({ id: g.id, label: g.label, labelEn: g.labelEn, members: g.members.map(index), isGroup: true });
  const society = societyGroup(catalog);
  if (!targets.some((t) => t.id === society.id)) targets.push({ id: society.id, label: society.label, labelEn: society.labelEn, members: society.members.map(index), isGroup: true });
  const followUps = (P.followUps ?? []).map((g): FollowUpChanges => {
    const kg = comparisonScale(g.weight, C?.weight);
    const change = (efter: Float64Array, fore: Float64Array, scale = 1): Float64Array => {
      const out = new Float64Array(nI * nA);
      for (let idx = 0; idx < fore.length; idx++) out[Math.floor(idx / nC)] += scale * (efter[idx] - fore[idx]);
      return out;
    };
    const none = new Float64Array(nI * nA);
    return {
      lastYear: g.lastYear,
      d: g.efter.map((e) => change(e, g.fore)), dComparison: C && kg ? change(C.efter, C.fore, kg) : none,
      dLagged: g.laggedEfter.map((e) => change(e, g.laggedFore)),
      dLaggedComparison: C && kg && C.laggedEfter && C.laggedFore ? change(C.laggedEfter, C.laggedFore, kg) : none,
    };
  });
  return { ledger, assumptions, catalog, targets, dParticipants: dP, dComparison: dC, itemMoves, dLaggedParticipants: dLP, dLaggedComparison: dLC, followUps };
}

/**
 * Benefit over H of a unit effect in observed year s of a group observed in years 1..k (the
 * weights that turn a group's yearly changes into its benefit), delayed by `lag` for the utjämning.
 */
function followUpWeights(k: number, o: HorizonOptions, lag: number): number[] {
  return Array.from({ length: k }, (_, s) => {
    const unit = Array.from({ length: k }, (_, j) => (j === s ? 1 : 0));
    return benefitOver(lag > 0 ? delayedStream(unit, o, lag) : yearlyStream(unit, o), o.years);
  });
}

/** Per follow-up group and observed year, the scenario's change per actor (item factors and comparison applied). */
function followUpActorDeltas(model: SensitivityModel, s: Scenario, lagged: boolean): Float64Array[][] {
  const nA = model.ledger.actors.length, nI = model.ledger.items.length;
  return model.followUps.map((g) => (lagged ? g.dLagged : g.d).map((d) => {
    const dc = lagged ? g.dLaggedComparison : g.dComparison;
    const out = new Float64Array(nA);
    for (let i = 0; i < nI; i++) {
      const f = s.itemFactors[i];
      if (f === 0) continue;
      for (let a = 0; a < nA; a++) out[a] += f * (d[i * nA + a] - s.comparison * dc[i * nA + a]);
    }
    return out;
  }));
}

/** The scenario that reproduces the project's own result. */
export function baseScenario(model: SensitivityModel): Scenario {
  const a = model.assumptions;
  return {
    itemFactors: new Float64Array(model.ledger.items.length).fill(1), effect: 1, deadweight: a.deadweight, dropOff: a.dropOff,
    discountRate: a.discountRate, costFactor: 1, comparison: 1, utjamning: a.utjamning !== undefined,
  };
}

/** A copy of a scenario (item factors copied). */
export function copyScenario(s: Scenario): Scenario {
  return { ...s, itemFactors: Float64Array.from(s.itemFactors) };
}

/** The intervention cost scaled by a factor (every year). */
export function scaleCost(cost: InterventionCost, factor: number): InterventionCost {
  if (factor === 1) return cost;
  return {
    ...cost,
    total: cost.total === undefined ? undefined : cost.total * factor,
    byYear: cost.byYear?.map((y) => ({ ...y, amount: y.amount * factor })),
  };
}

function scaleSide(side: LedgerSide, s: Scenario, nPerItem: number, changeFactor: number): LedgerSide {
  const scale = (f0: Float64Array, e0: Float64Array): [Float64Array, Float64Array] => {
    const fore = new Float64Array(f0.length), efter = new Float64Array(e0.length);
    for (let idx = 0; idx < fore.length; idx++) {
      const f = s.itemFactors[Math.floor(idx / nPerItem)];
      fore[idx] = f * f0[idx];
      efter[idx] = f * (f0[idx] + changeFactor * (e0[idx] - f0[idx]));
    }
    return [fore, efter];
  };
  const [fore, efter] = scale(side.fore, side.efter);
  // Follow-up groups (method §5.1): each observed year scaled like efter.
  const followUps = side.followUps?.map((g) => ({
    ...g, fore: scale(g.fore, g.fore)[0], efter: g.efter.map((e) => scale(g.fore, e)[1]),
    laggedFore: scale(g.laggedFore, g.laggedFore)[0], laggedEfter: g.laggedEfter.map((e) => scale(g.laggedFore, e)[1]),
  }));
  const later = followUps ? { followUps } : {};
  if (!side.laggedFore || !side.laggedEfter) return { ...side, fore, efter, ...later };
  const [laggedFore, laggedEfter] = scale(side.laggedFore, side.laggedEfter);
  return { ...side, fore, efter, laggedFore, laggedEfter, ...later };
}

/**
 * The scaled ledger and assumptions of a scenario, for the real `evaluate`. Cells of item i are
 * multiplied by f_i (fore and efter); each change efter − före by the effect factor (and the
 * comparison group's by effect × comparison factor, so the difference-in-differences scales by
 * the effect factor). Production and real-use totals (potential) are left as priced.
 */
export function scenarioLedger(model: SensitivityModel, s: Scenario): { ledger: Ledger; assumptions: Assumptions } {
  const L = model.ledger;
  const nPerItem = L.actors.length * L.categories.length;
  const ledger: Ledger = {
    ...L,
    participants: scaleSide(L.participants, s, nPerItem, s.effect),
    comparison: L.comparison ? scaleSide(L.comparison, s, nPerItem, s.effect * s.comparison) : undefined,
  };
  const a = model.assumptions;
  const assumptions: Assumptions = {
    name: a.name, priceYear: a.priceYear, horizonYears: a.horizonYears, evidence: a.evidence,
    discountRate: s.discountRate, deadweight: s.deadweight, dropOff: s.dropOff, cost: scaleCost(a.cost, s.costFactor),
    ...(s.utjamning ? { utjamning: a.utjamning ?? { skattekraft: {} } } : {}),
  };
  return { ledger, assumptions };
}

/** The full engine result of a scenario (`evaluate` on the scaled ledger). */
export function evaluateScenario(model: SensitivityModel, s: Scenario): Result {
  const { ledger, assumptions } = scenarioLedger(model, s);
  return evaluate(ledger, assumptions, model.catalog);
}

/** Per target (in `model.targets` order): the figures a scenario yields. */
export interface ScenarioNets {
  annualEffect: Float64Array;
  cost: Float64Array;
  net1: Float64Array;
  /** Net over the project's horizon H. */
  netH: Float64Array;
  /** 1 when payback is within H years (status `months`) or there is no cost (`noCost`), else 0. */
  paysBack: Uint8Array;
}

/** Allocates an output buffer for `scenarioNets`. */
export function netsBuffer(model: SensitivityModel): ScenarioNets {
  const n = model.targets.length;
  return { annualEffect: new Float64Array(n), cost: new Float64Array(n), net1: new Float64Array(n), netH: new Float64Array(n), paysBack: new Uint8Array(n) };
}

/**
 * The fast path: per target Δ = effect × (1 − dödvikt) × Σ_i f_i (ΔP_i − comparison × ΔC_i),
 * net_h = Δ × Σ_{t<h} ((1 − avklingning)/(1 + r))^t − C. Equal to `evaluate` on
 * `scenarioLedger` (tested); allocation-free when `out` and `scratch` are reused.
 */
export function scenarioNets(model: SensitivityModel, s: Scenario, out: ScenarioNets = netsBuffer(model), scratch?: Float64Array, costCache?: Map<number, Float64Array>): ScenarioNets {
  const L = model.ledger;
  const nA = L.actors.length, nI = L.items.length;
  const H = model.assumptions.horizonYears;
  const actorDelta = scratch ?? new Float64Array(nA);
  actorDelta.fill(0);
  const dP = model.dParticipants, dC = model.dComparison, g = s.comparison;
  for (let i = 0; i < nI; i++) {
    const f = s.itemFactors[i];
    if (f === 0) continue;
    const o = i * nA;
    for (let a = 0; a < nA; a++) actorDelta[a] += f * (dP[o + a] - g * dC[o + a]);
  }
  // The utjämning: its own per-actor Δ, counted from year lag + 1 (as evaluate's laggedStream).
  const lag = s.utjamning ? L.lagYears ?? 0 : 0;
  const lagDelta = new Float64Array(lag > 0 ? nA : 0);
  if (lag > 0) {
    const dLP = model.dLaggedParticipants, dLC = model.dLaggedComparison;
    for (let i = 0; i < nI; i++) {
      const f = s.itemFactors[i];
      if (f === 0) continue;
      for (let a = 0; a < nA; a++) lagDelta[a] += f * (dLP[i * nA + a] - g * dLC[i * nA + a]);
    }
  }
  let costs = costCache?.get(s.discountRate);
  if (!costs) {
    const byActor = costByActor(model.catalog, model.assumptions.cost, L.actors, s.discountRate);
    costs = Float64Array.from(L.actors, (a) => byActor[a] ?? 0);
    costCache?.set(s.discountRate, costs);
  }
  const scale = s.effect * (1 - s.deadweight);
  const sumH = horizonFactor(H, s);
  let sumLagH = 0; // the lagged stream's weights over H years (nothing in year 1: lag ≥ 1)
  for (let t = lag; lag > 0 && t < H; t++) sumLagH += (1 - s.dropOff) ** (t - lag) / (1 + s.discountRate) ** t;
  // Follow-up years (method §5.1): each group's observed years weighted by their benefit over H.
  const fu = model.followUps.length > 0;
  const o: HorizonOptions = { years: H, dropOff: s.dropOff, discountRate: s.discountRate };
  const groupDeltas = fu ? followUpActorDeltas(model, s, false) : [];
  const groupLagDeltas = fu && lag > 0 ? followUpActorDeltas(model, s, true) : [];
  const weights = fu ? model.followUps.map((g) => followUpWeights(g.lastYear, o, 0)) : [];
  const lagWeights = fu && lag > 0 ? model.followUps.map((g) => followUpWeights(g.lastYear, o, lag)) : [];
  model.targets.forEach((target, ti) => {
    let d = 0, c = 0, u = 0;
    for (const m of target.members) {
      if (m < 0) continue;
      d += actorDelta[m];
      c += costs![m];
      if (lag > 0) u += lagDelta[m];
    }
    c *= s.costFactor;
    let benefitH = 0, lasting = 0;
    if (fu) {
      // The year-1-only participants on the NyttoSam path; each group on its observed years.
      let rest = d, restLag = u, b = 0;
      groupDeltas.forEach((years, g) => {
        const sum = (xs: Float64Array[], t: number) => target.members.reduce((acc, m) => acc + (m < 0 ? 0 : xs[t][m]), 0);
        const k = years.length;
        rest -= sum(years, 0);
        for (let t = 0; t < k; t++) b += weights[g][t] * sum(years, t);
        lasting += sum(years, k - 1);
        if (lag > 0) {
          restLag -= sum(groupLagDeltas[g], 0);
          for (let t = 0; t < k; t++) b += lagWeights[g][t] * sum(groupLagDeltas[g], t);
          lasting += sum(groupLagDeltas[g], k - 1);
        }
      });
      benefitH = scale * (b + rest * sumH + restLag * sumLagH);
      lasting = scale * (lasting + rest + restLag);
    }
    d *= scale;
    u *= scale;
    if (!fu) {
      benefitH = d * sumH + u * sumLagH;
      lasting = d + u;
    }
    out.annualEffect[ti] = d + u;
    out.cost[ti] = c;
    out.net1[ti] = d - c;
    out.netH[ti] = benefitH - c;
    out.paysBack[ti] = paysBack(c, lasting, benefitH) ? 1 : 0;
  });
  return out;
}

/** Index of a target by id, or −1. */
export function targetIndex(model: SensitivityModel, id: string): number {
  return model.targets.findIndex((t) => t.id === id);
}

/** Society, the usual funders, and every other actor in the cost's financing keys (e.g. Övrig stat for ESF). */
export function headlineIds(catalog: Catalog, cost: InterventionCost): string[] {
  const ids: string[] = [SOCIETY, ...catalog.funders];
  for (const a of fundersOf(catalog, cost)) if (!ids.includes(a)) ids.push(a);
  return ids;
}

export function headlineTargets(model: SensitivityModel): Target[] {
  const ids = headlineIds(model.catalog, model.assumptions.cost);
  return ids.map((id) => model.targets.find((t) => t.id === id)).filter((t): t is Target => t !== undefined);
}

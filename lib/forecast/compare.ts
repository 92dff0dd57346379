/**
 * Prognos mot utfall (docs/prognos.md): after the project, the forecast beside the outcome per
 * actor, and each actor's difference in net decomposed by sequential replacement — starting from
 * the forecast, replace one thing at a time with the outcome's and attribute each step's change:
 *   1. insatskostnad: the outcome's intervention cost (amounts, years, financing);
 *   2. priser: the plan re-priced with the catalogue of the outcome's price year;
 *   3. volym: the planned typfall scaled to the outcome's number of participants;
 *   4. utfall: the outcome's own participants — who reached which situation, and for how many
 *      months (with individual data the months cannot be told apart from the shares).
 * The steps telescope, so the parts sum to the total difference. Every state is evaluated with
 * the plan's horizon, discounting, dödvikt, avklingning and intake (these are assumptions, not
 * outcomes), so a plan compared with itself gives zero in every part. The order matters for how
 * an interaction is attributed (e.g. higher prices × more participants lands in `volym`); it is
 * fixed and stated, not averaged over orders (Shapley), so each part can be re-run by hand.
 */
import type { Catalog } from '../catalog/types.js';
import { evaluate, type Assumptions } from '../results/evaluate.js';
import { priceProject } from '../engine/price.js';
import type { ActorResult, Result } from '../results/result.js';
import type { Project } from '../model/types.js';
import { forecastTargets } from './analyses.js';
import { cohortShares, evaluatePlan, rampResult } from './forecast.js';
import { adjustedShares, planProject, statedShares, type ForecastPlan } from './plan.js';

export const COMPARE_PARTS = ['kostnad', 'priser', 'volym', 'utfall'] as const;
export type ComparePart = (typeof COMPARE_PARTS)[number];

export interface CompareTarget {
  id: string;
  label: string;
  labelEn: string;
  /** Annual effect and net over 1 and H years: forecast (stated shares), forecast adjusted for optimism, outcome. */
  forecast: { annualEffect: number; net1: number; netH: number };
  adjusted: { annualEffect: number; net1: number; netH: number };
  outcome: { annualEffect: number; net1: number; netH: number };
  /** Outcome − forecast (H-year net), and its parts (sum = difference). */
  difference: number;
  parts: Record<ComparePart, number>;
}

export interface Comparison {
  horizonYears: number;
  forecast: { participants: number; priceYear: number; costTotal: number };
  outcome: { participants: number; priceYear: number; costTotal: number };
  order: readonly ComparePart[];
  targets: CompareTarget[];
  /** Every actor and group (for JSON). */
  all: CompareTarget[];
}

const pick = (r: Result, id: string): ActorResult | undefined => r.groups[id] ?? r.actors[id];
const figures = (a: ActorResult, H: number) => ({ annualEffect: a.annualEffect, net1: a.horizons['1'].net, netH: a.horizons[String(H)].net });

/**
 * Compares a plan's forecast with an outcome (any evaluation project: participants, a
 * participants file or a transition table of counts).
 */
export function compare(plan: ForecastPlan, outcome: Project, catalog: Catalog): Comparison {
  const a = plan.project;
  const H = a.horizonYears;
  const cohorts = cohortShares(plan);
  const stated = statedShares(plan);
  const assume = (over: Partial<Assumptions>): Assumptions => ({
    name: a.name, priceYear: a.priceYear, horizonYears: H, discountRate: a.discountRate, deadweight: a.deadweight, dropOff: a.dropOff,
    evidence: a.evidence, cost: a.cost, warnings: [], ...over,
  });
  const run = (p: Project, as: Assumptions): Result => rampResult(evaluate(priceProject(p, catalog), as, catalog), cohorts, as);
  const s0 = evaluatePlan(plan, stated, catalog).result;
  const adj = evaluatePlan(plan, adjustedShares(plan), catalog).result;
  const base = planProject(plan, stated);
  const s1 = run(base, assume({ cost: outcome.cost }));
  const atYear = { ...base, priceYear: outcome.priceYear };
  const s2 = run(atYear, assume({ cost: outcome.cost, priceYear: outcome.priceYear }));
  const planN = base.participants.reduce((s, p) => s + p.weight, 0);
  const outN = outcome.participants.reduce((s, p) => s + p.weight, 0);
  const k = planN > 0 ? outN / planN : 0;
  const s3 = run({ ...atYear, participants: atYear.participants.map((p) => ({ ...p, weight: p.weight * k })) }, assume({ cost: outcome.cost, priceYear: outcome.priceYear }));
  const s4 = run(outcome, assume({ cost: outcome.cost, priceYear: outcome.priceYear }));
  const states = [s0, s1, s2, s3, s4];

  const target = (id: string): CompareTarget => {
    const nets = states.map((r) => pick(r, id)!.horizons[String(H)].net);
    const t = pick(s0, id)!;
    const parts = Object.fromEntries(COMPARE_PARTS.map((p, i) => [p, nets[i + 1] - nets[i]])) as Record<ComparePart, number>;
    return {
      id, label: t.label, labelEn: t.labelEn,
      forecast: figures(t, H), adjusted: figures(pick(adj, id)!, H), outcome: figures(pick(s4, id)!, H),
      difference: nets[4] - nets[0], parts,
    };
  };
  const ids = [...Object.keys(s0.actors), ...Object.keys(s0.groups)];
  const all = ids.map(target);
  const heads = forecastTargets(plan, catalog);
  return {
    horizonYears: H,
    forecast: { participants: planN, priceYear: a.priceYear, costTotal: s0.project.costTotal },
    outcome: { participants: outN, priceYear: outcome.priceYear, costTotal: s4.project.costTotal },
    order: COMPARE_PARTS,
    targets: heads.map((id) => all.find((t) => t.id === id)!).filter(Boolean),
    all,
  };
}

/**
 * Seeded Monte Carlo (method §8): every uncertain input is drawn independently from a triangular
 * distribution (low, mode = base, high) — or uniform, per `params.osakerhet.intervall` — and the
 * priced ledger is re-evaluated per draw (fast path, no re-pricing). Per actor and group: mean,
 * 5/50/95 percentiles of the 1- and H-year net, P(net > 0) and P(payback ≤ H). The generator is
 * xoroshiro128+ (pure-rand) seeded by the user: the same seed gives the same numbers.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { applyInput, type UncertainInput } from './ranges.js';
import { baseScenario, copyScenario, netsBuffer, scenarioNets, type SensitivityModel } from './scenario.js';

/** Net above half a krona counts as positive (a zero net carries floating-point noise). */
const POSITIVE = 0.5;

export type Distribution = 'triangular' | 'uniform';

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  distribution?: Distribution;
  /** Called every ~1 % of draws and at the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface Summary {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface TargetDistribution {
  id: string;
  label: string;
  labelEn: string;
  isGroup: boolean;
  net1: Summary;
  netH: Summary;
  /** Share of draws with H-year net > 0 (above half a krona). */
  pPositive: number;
  /** Share of draws with payback within H years; null when the target bears no cost. */
  pPayback: number | null;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  distribution: Distribution;
  horizonYears: number;
  targets: TargetDistribution[];
}

/**
 * A draw from a triangular distribution by inverse CDF (mode clamped to [low, high]).
 * @example triangular(0.5, 0, 1, 2) // => 1
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return low;
  const c = Math.min(high, Math.max(low, mode));
  const fc = (c - low) / (high - low);
  return u < fc ? low + Math.sqrt(u * (high - low) * (c - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - c));
}

/** Quantile of sorted values with linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h), hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Mean and 5/50/95 percentiles of a sample. */
export function summarise(values: Float64Array): Summary {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const sorted = Float64Array.from(values).sort();
  return { mean: sum / values.length, p5: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
}

/**
 * Runs the simulation.
 * @example monteCarlo(model, inputs, { draws: 10000, seed: 1 }).targets.find((t) => t.id === 'samhallet')!.pPositive
 */
export function monteCarlo(model: SensitivityModel, inputs: readonly UncertainInput[], o: MonteCarloOptions): MonteCarloResult {
  const draws = Math.max(1, Math.floor(o.draws));
  const distribution = o.distribution ?? 'triangular';
  const nT = model.targets.length;
  const net1 = model.targets.map(() => new Float64Array(draws));
  const netH = model.targets.map(() => new Float64Array(draws));
  const positive = new Float64Array(nT), pays = new Float64Array(nT);
  const rng = xoroshiro128plus(o.seed);
  const base = baseScenario(model);
  const s = copyScenario(base);
  const buf = netsBuffer(model);
  const scratch = new Float64Array(model.ledger.actors.length);
  const costCache = new Map<number, Float64Array>();
  const step = Math.max(1, Math.floor(draws / 100));
  const baseCost = scenarioNets(model, base).cost;
  for (let d = 0; d < draws; d++) {
    for (const input of inputs) {
      const u = uniformFloat64(rng);
      const v = distribution === 'uniform' ? input.low + u * (input.high - input.low) : triangular(u, input.low, input.base, input.high);
      applyInput(s, input, v);
    }
    scenarioNets(model, s, buf, scratch, costCache);
    for (let t = 0; t < nT; t++) {
      net1[t][d] = buf.net1[t];
      netH[t][d] = buf.netH[t];
      if (buf.netH[t] > POSITIVE) positive[t]++;
      pays[t] += buf.paysBack[t];
    }
    if (o.onProgress && ((d + 1) % step === 0 || d + 1 === draws)) o.onProgress(d + 1, draws);
  }
  return {
    draws, seed: o.seed, distribution, horizonYears: model.assumptions.horizonYears,
    targets: model.targets.map((t, i) => ({
      id: t.id, label: t.label, labelEn: t.labelEn, isGroup: t.isGroup,
      net1: summarise(net1[i]), netH: summarise(netH[i]),
      pPositive: positive[i] / draws,
      pPayback: baseCost[i] > 0 ? pays[i] / draws : null,
    })),
  };
}

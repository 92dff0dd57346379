/**
 * Switching values (Green Book; method §8): for each uncertain input and each headline target
 * (society and the funders fk, af, kommun, region), the input value at which the target's H-year
 * net becomes zero, other inputs at base. Found by a bracketed root search (Illinois regula falsi)
 * on the ledger scenario, then verified on the real engine: `evaluate` on the scaled ledger, or —
 * for catalogue items with a unit value when a re-pricer is given — a fresh `priceProject` with the
 * item's catalogue value changed, iterated until |net| ≤ 1 kr (exact for taxed items too).
 * "ingen" (status `none`) when no value in a wide bracket makes the net zero.
 */
import { evaluate } from '../results/evaluate.js';
import type { Ledger } from '../engine/ledger.js';
import type { Result } from '../results/result.js';
import { applyInput, itemFactor, type UncertainInput } from './ranges.js';
import { baseScenario, copyScenario, evaluateScenario, headlineTargets, scenarioNets, targetIndex, type SensitivityModel } from './scenario.js';

export interface SwitchingValue {
  input: string;
  target: string;
  status: 'found' | 'none';
  /** The input value (in the input's unit) at which the target's H-year net is zero. */
  value: number | null;
  /** value / base − 1 for kronor and factors; value − base for shares and rates. */
  change: number | null;
  /** The target's H-year net recomputed by the engine at `value` (|net| ≤ tolerance when verified). */
  verifiedNet: number | null;
  verified: boolean;
  /** `ledger`: evaluate on the scaled ledger; `reprice`: priced afresh with the changed catalogue value. */
  method: 'ledger' | 'reprice';
}

export interface SwitchingOptions {
  /** Kronor: |net| at the switching value (default 1). */
  tolerance?: number;
  /**
   * Re-prices the project with the catalogue value of item `id` multiplied by `factor`; return
   * undefined when the item cannot be re-priced that way (rule items). Supplied by callers that
   * have the project (the CLI), so this module needs no pricing engine.
   */
  reprice?: (id: string, factor: number) => Ledger | undefined;
  /** Target ids (default: samhallet, fk, af, kommun, region). */
  targets?: string[];
}

/** The bracket searched for each kind of input, in the input's unit. */
export function bracket(input: UncertainInput): [number, number] {
  switch (input.kind) {
    case 'item': return input.unit === 'faktor' ? [0, 20] : [0, 20 * input.base];
    case 'cost': return [0, 20 * input.base];
    case 'effectSize':
    case 'comparison': return [0, 20];
    default: return [0, 1];
  }
}

/**
 * A root of f in [lo, hi] by Illinois regula falsi, stopping when |f(x)| ≤ tol.
 * @returns x, or null when f(lo) and f(hi) have the same sign (no root bracketed)
 * @example findRoot((x) => 2 * x - 3, 0, 10, 1e-9) // => 1.5
 */
export function findRoot(f: (x: number) => number, lo: number, hi: number, tol: number, maxIter = 200): number | null {
  let a = lo, b = hi, fa = f(a), fb = f(b);
  if (Math.abs(fa) <= tol) return a;
  if (Math.abs(fb) <= tol) return b;
  if (Math.sign(fa) === Math.sign(fb)) return null;
  let side = 0;
  for (let i = 0; i < maxIter; i++) {
    let x = (a * fb - b * fa) / (fb - fa);
    if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = (a + b) / 2;
    const fx = f(x);
    if (Math.abs(fx) <= tol) return x;
    if (Math.sign(fx) === Math.sign(fb)) {
      b = x; fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x; fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
    if (Math.abs(b - a) <= 1e-15 * Math.max(1, Math.abs(a))) return x;
  }
  return null;
}

const netOf = (r: Result, id: string, H: number): number => (r.groups[id] ?? r.actors[id]).horizons[String(H)].net;

/** Switching values for every input × target. */
export function switchingValues(model: SensitivityModel, inputs: readonly UncertainInput[], o: SwitchingOptions = {}): SwitchingValue[] {
  const tol = o.tolerance ?? 1;
  const H = model.assumptions.horizonYears;
  const targets = o.targets ?? headlineTargets(model).map((t) => t.id);
  const base = baseScenario(model);
  const out: SwitchingValue[] = [];
  for (const input of inputs) {
    const [lo, hi] = bracket(input);
    for (const target of targets) {
      const ti = targetIndex(model, target);
      const fast = (v: number): number => {
        const s = copyScenario(base);
        applyInput(s, input, v);
        return scenarioNets(model, s).netH[ti];
      };
      const none: SwitchingValue = { input: input.id, target, status: 'none', value: null, change: null, verifiedNet: null, verified: false, method: 'ledger' };
      // A target the input does not move has no switching value (even when its net is zero anyway).
      if (Math.abs(fast(lo) - fast(hi)) <= 1e-6 && Math.abs(fast(lo) - fast((lo + hi) / 2)) <= 1e-6) {
        out.push(none);
        continue;
      }
      let value = findRoot(fast, lo, hi, tol / 4);
      if (value === null) {
        out.push(none);
        continue;
      }
      let method: SwitchingValue['method'] = 'ledger';
      let verifiedNet: number;
      const repriced = input.kind === 'item' && input.unit !== 'faktor' && o.reprice ? o.reprice(input.id, 1) : undefined;
      if (repriced && o.reprice) {
        method = 'reprice';
        const exact = (v: number): number => netOf(evaluate(o.reprice!(input.id, itemFactor(input, v))!, model.assumptions, model.catalog), target, H);
        const near = findRoot(exact, value * 0.8, value * 1.2, tol / 4) ?? findRoot(exact, lo, hi, tol / 4);
        if (near === null) {
          out.push({ ...none, method });
          continue;
        }
        value = near;
        verifiedNet = exact(value);
      } else {
        const s = copyScenario(base);
        applyInput(s, input, value);
        verifiedNet = netOf(evaluateScenario(model, s), target, H);
      }
      const relative = input.unit === 'andel' ? value - input.base : input.base === 0 ? null : value / input.base - 1;
      out.push({ input: input.id, target, status: 'found', value, change: relative, verifiedNet, verified: Math.abs(verifiedNet) <= tol, method });
    }
  }
  return out;
}

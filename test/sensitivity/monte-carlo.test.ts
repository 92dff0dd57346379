import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monteCarlo, quantileSorted, triangular } from '../../lib/sensitivity/monte-carlo.js';
import { uncertainInputs, type UncertainInput } from '../../lib/sensitivity/ranges.js';
import { baseScenario, scenarioNets, sensitivityModel, targetIndex } from '../../lib/sensitivity/scenario.js';
import { handProject, RANGES, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const project = handProject();
const model = sensitivityModel(toyPrice(project, catalog), project, catalog);
const { inputs } = uncertainInputs(model, RANGES);
const shrink = (xs: UncertainInput[], k: number) => xs.map((x) => ({ ...x, low: x.base - k * (x.base - x.low), high: x.base + k * (x.high - x.base) }));

describe('monteCarlo()', () => {
  it('the same seed gives identical results; another seed differs', () => {
    const a = monteCarlo(model, inputs, { draws: 2000, seed: 42 });
    const b = monteCarlo(model, inputs, { draws: 2000, seed: 42 });
    const c = monteCarlo(model, inputs, { draws: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.targets[0].netH.mean).not.toBe(a.targets[0].netH.mean);
  });

  it('ranges shrunk to zero: every draw is the deterministic result', () => {
    const r = monteCarlo(model, shrink(inputs, 0), { draws: 500, seed: 1 });
    const base = scenarioNets(model, baseScenario(model));
    model.targets.forEach((t, i) => {
      expect(r.targets[i].netH.mean).toBeCloseTo(base.netH[i], 6);
      expect(r.targets[i].netH.p5).toBeCloseTo(base.netH[i], 6);
      expect(r.targets[i].net1.p95).toBeCloseTo(base.net1[i], 6);
    });
    expect(r.targets[targetIndex(model, 'samhallet')].pPositive).toBe(1);
    expect(r.targets[targetIndex(model, 'region')].pPayback).toBe(0);
    expect(r.targets[targetIndex(model, 'af')].pPayback).toBeNull();
  });

  it('the mean converges to the deterministic result as ranges shrink', () => {
    const s = targetIndex(model, 'samhallet');
    const base = scenarioNets(model, baseScenario(model)).netH[s];
    const gaps = [1, 0.1, 0.01].map((k) => Math.abs(monteCarlo(model, shrink(inputs, k), { draws: 4000, seed: 3 }).targets[s].netH.mean - base));
    expect(gaps[1]).toBeLessThan(gaps[0]);
    expect(gaps[2]).toBeLessThan(gaps[1]);
    expect(gaps[2] / Math.abs(base)).toBeLessThan(0.01);
  });

  it('society\'s spread follows the tornado: P5 < median < P95, P(net > 0) high in the hand case', () => {
    const r = monteCarlo(model, inputs, { draws: 5000, seed: 9 }).targets[targetIndex(model, 'samhallet')];
    expect(r.netH.p5).toBeLessThan(r.netH.p50);
    expect(r.netH.p50).toBeLessThan(r.netH.p95);
    expect(r.pPositive).toBeGreaterThan(0.9);
  });

  it('reports progress and ends at the total', () => {
    const seen: number[] = [];
    monteCarlo(model, inputs, { draws: 1000, seed: 1, onProgress: (d) => seen.push(d) });
    expect(seen.at(-1)).toBe(1000);
    expect(seen.length).toBe(100);
  });
});

describe('triangular()', () => {
  it('stays within [low, high] and has mean (low + mode + high)/3 (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }),
      (u, low, a, b) => {
        const mode = low + a, high = mode + b;
        const x = triangular(u, low, mode, high);
        expect(x).toBeGreaterThanOrEqual(low - 1e-9);
        expect(x).toBeLessThanOrEqual(high + 1e-9);
      }));
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += triangular((i + 0.5) / n, 0, 1, 5);
    expect(sum / n).toBeCloseTo(2, 3);
  });
  it('quantileSorted(): R type 7', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
  });
});

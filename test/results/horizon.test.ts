/**
 * The horizon module (method §5): hand-worked cases for the stream, carry-forward of observed
 * years, discounting, the comparison and dödvikt adjustment, and the revised payback order; fast-check
 * properties tie the fast paths (`horizonFactor`, `paysBack`) to the stream and `payback`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustedEffect, benefitOver, comparisonScale, cumulativeNet, discounted, effectPath, horizonFactor, payback, paysBack, yearlyStream,
} from '../../lib/results/horizon.js';

describe('effectPath() and yearlyStream()', () => {
  it('effectPath(): one effect decays from year 2', () => {
    // 1 000 × 0,9^(t−1): 1 000, 900, 810.
    expect(effectPath(1000, 3, 0.1)).toEqual([1000, 900, 810]);
  });

  it('effectPath(): observed years as given, later years carry the last one with avklingning after it', () => {
    // Observed 100, 80 (k = 2); t = 3: 80 × 0,5 = 40; t = 4: 80 × 0,5² = 20.
    expect(effectPath([100, 80], 4, 0.5)).toEqual([100, 80, 40, 20]);
    // Without avklingning the last observed year carries unchanged; a horizon shorter than the observations cuts them.
    expect(effectPath([100, 80, 60], 5, 0)).toEqual([100, 80, 60, 60, 60]);
    expect(effectPath([100, 80, 60], 2, 0)).toEqual([100, 80]);
  });

  it('effectPath(): no observed year is an error', () => {
    expect(() => effectPath([], 5, 0)).toThrow(/at least one/);
  });

  it('yearlyStream(): discounting from year 2 (r = 10 %)', () => {
    // 110 000 / 1,1^(t−1): 110 000, 100 000, 90 909,09…
    const s = yearlyStream(110000, { years: 3, dropOff: 0, discountRate: 0.1 });
    expect(s[0]).toBe(110000);
    expect(s[1]).toBeCloseTo(100000, 9);
    expect(s[2]).toBeCloseTo(90909.0909, 3);
    expect(discounted(121, 3, 0.1)).toBeCloseTo(100, 12);
  });

  it('benefitOver() and cumulativeNet()', () => {
    // Stream 100, 90, 81; cost 150: −150, −50, 40, 121.
    expect(benefitOver([100, 90, 81], 2)).toBe(190);
    expect(cumulativeNet(150, [100, 90, 81])).toEqual([-150, -50, 40, 121]);
  });
});

describe('adjustedEffect() and comparisonScale()', () => {
  it('subtracts the comparison change, then dödvikt', () => {
    // (100 000 − 20 000) × (1 − 0,25) = 60 000.
    expect(adjustedEffect(100000, 20000, 0.25)).toBe(60000);
    // 10 participants against a comparison group of 40: its total change is scaled by 10/40.
    expect(comparisonScale(10, 40)).toBe(0.25);
    expect(comparisonScale(10, undefined)).toBe(0);
    expect(comparisonScale(10, 0)).toBe(0);
  });
});

describe('payback() — the revised order of method §5', () => {
  it('never: an actor without cost that loses every year (not noCost)', () => {
    // Individ loses försörjningsstöd: Δ = −304 638 kr/år, C = 0 → never, months null.
    expect(payback(0, -304638, [-304638, -304638])).toEqual({ status: 'never', months: null, simpleMonths: null });
  });

  it('never: Δ < 0 with a cost, and Δ = 0 < C', () => {
    expect(payback(50000, -1, [-1])).toEqual({ status: 'never', months: null, simpleMonths: null });
    expect(payback(50000, 0, [0, 0])).toEqual({ status: 'never', months: null, simpleMonths: null });
  });

  it('noCost: C = 0 and Δ ≥ 0 (months 0)', () => {
    expect(payback(0, 0, [0])).toEqual({ status: 'noCost', months: 0, simpleMonths: null });
    expect(payback(0, 1000, [1000])).toEqual({ status: 'noCost', months: 0, simpleMonths: null });
  });

  it('beyondHorizon: Δ > 0 but C not reached within H years', () => {
    // 5 × 18 000 = 90 000 < 120 000; simple 12 × 120 000 / 18 000 = 80,0.
    expect(payback(120000, 18000, [18000, 18000, 18000, 18000, 18000])).toEqual({ status: 'beyondHorizon', months: null, simpleMonths: 80 });
  });

  it('months: the first month at which the cumulative effect reaches C', () => {
    // 60 000 against 120 000 a year: 12 × 60 000 / 120 000 = 6,0.
    expect(payback(60000, 120000, [120000, 120000])).toEqual({ status: 'months', months: 6, simpleMonths: 6 });
    // Stream 100, 50 (decaying); C 125: year 1 gives 100, the remaining 25 of year 2's 50 take 6 months → 18,0.
    expect(payback(125, 100, [100, 50])).toEqual({ status: 'months', months: 18, simpleMonths: 15 });
  });
});

describe('properties', () => {
  const rate = fc.double({ min: 0, max: 0.2, noNaN: true });
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const years = fc.integer({ min: 1, max: 12 });
  const money = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((x) => x / 100);

  it('yearlyStream(Δ) sums to Δ × horizonFactor for every h', () => {
    fc.assert(fc.property(money, years, rate, share, (d, H, r, dropOff) => {
      const s = yearlyStream(d, { years: H, discountRate: r, dropOff });
      for (let h = 1; h <= H; h++) {
        const a = benefitOver(s, h), b = d * horizonFactor(h, { discountRate: r, dropOff });
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
      }
    }), { numRuns: 300 });
  });

  it('paysBack() agrees with payback() status months | noCost', () => {
    fc.assert(fc.property(money, money.map(Math.abs), years, rate, share, (d, c, H, r, dropOff) => {
      const s = yearlyStream(d, { years: H, discountRate: r, dropOff });
      const p = payback(c, d, s);
      expect(paysBack(c, d, benefitOver(s, H))).toBe(p.status === 'months' || p.status === 'noCost');
    }), { numRuns: 500 });
  });

  it('payback() is never when Δ < 0, whatever the cost', () => {
    fc.assert(fc.property(money.filter((x) => x < 0), money.map(Math.abs), (d, c) => {
      expect(payback(c, d, [d]).status).toBe('never');
    }));
  });
});

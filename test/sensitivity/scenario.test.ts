import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../lib/results/evaluate.js';
import { baseScenario, scenarioNets, sensitivityModel, targetIndex } from '../../lib/sensitivity/scenario.js';
import { expectFastMatchesEvaluate, handProject, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const project = handProject();
const ledger = toyPrice(project, catalog);
const model = sensitivityModel(ledger, project, catalog);

describe('sensitivityModel', () => {
  it('base scenario reproduces evaluate: society Δ 1 600 000, net 5 år 4 000 000, net 1 år −2 400 000', () => {
    const r = evaluate(ledger, project, catalog);
    expect(r.groups.samhallet.annualEffect).toBeCloseTo(1_600_000, 6);
    expect(r.groups.samhallet.horizons['5'].net).toBeCloseTo(4_000_000, 6);
    const n = scenarioNets(model, baseScenario(model));
    const s = targetIndex(model, 'samhallet');
    expect(n.netH[s]).toBeCloseTo(4_000_000, 6);
    expect(n.net1[s]).toBeCloseTo(-2_400_000, 6);
    // kommun: 5 × 1 100 000 − 1 000 000; region: 5 × 100 000 − 1 000 000; fk: −2 000 000
    expect(n.netH[targetIndex(model, 'kommun')]).toBeCloseTo(4_500_000, 6);
    expect(n.netH[targetIndex(model, 'region')]).toBeCloseTo(-500_000, 6);
    expect(n.netH[targetIndex(model, 'fk')]).toBeCloseTo(-2_000_000, 6);
    expect(n.paysBack[targetIndex(model, 'region')]).toBe(0);
    expect(n.paysBack[s]).toBe(1);
  });

  it('scenarioNets(): equals evaluate on the scaled ledger for any scenario (property)', () => {
    const withComparison = handProject({
      comparison: { participants: [{ ...handProject().participants[0], id: 'j', weight: 5, efter: { months: 12, lines: [{ item: 'kommun.forsorjningsstod', months: 9 }, { item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: 0.5 }] } }] },
      evidence: 'jamforelsegrupp',
    });
    const m = sensitivityModel(toyPrice(withComparison, catalog), withComparison, catalog);
    // Values on a grid of 1/1000 (realistic inputs; denormal floats say nothing about the method).
    const grid = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((k) => k / 1000);
    fc.assert(fc.property(
      fc.array(grid(3), { minLength: 3, maxLength: 3 }),
      grid(2), grid(1), grid(1), grid(0.2), grid(3), grid(2),
      (factors, effect, deadweight, dropOff, discountRate, costFactor, comparison) => {
        expectFastMatchesEvaluate(m, { ...baseScenario(m), itemFactors: Float64Array.from(factors), effect, deadweight, dropOff, discountRate, costFactor, comparison });
      },
    ), { numRuns: 200 });
  });
});

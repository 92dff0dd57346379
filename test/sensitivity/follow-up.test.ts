/**
 * Follow-up years (method §5.1) in the sensitivity analyses: the fast path (`scenarioNets`) and the
 * scaled ledger (`evaluateScenario`) agree with each other and, for the base scenario, with `calculate`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { priceProject } from '../../lib/engine/price.js';
import { breakEven, resolveBreakEvenTarget } from '../../lib/sensitivity/break-even.js';
import { baseScenario, evaluateScenario, scenarioNets, sensitivityModel } from '../../lib/sensitivity/scenario.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';
import { expectFastMatchesEvaluate } from './toy.js';

const catalog = testCatalog();
const bidrag = (months: number) => ({ item: 'test.bidrag', months });
const skatt = (months: number) => ({ item: 'test.skattebidrag', months });
const vard = (months: number, perMonth: number) => ({ item: 'test.vard', months, perMonth });
const project = makeProject({
  discountRate: 0.035, dropOff: 0.1, cost: { total: 300000, financing: 'finsam' }, utjamning: true,
  participants: [
    { id: 'a', fore: { lines: [bidrag(12), vard(12, 2)] }, efter: { lines: [bidrag(6), vard(12, 1)] }, efter3: { lines: [vard(12, 0.5)] } },
    { id: 'b', fore: { lines: [skatt(12)] }, efter: { lines: [skatt(12), vard(12, 1)] }, efter2: { lines: [skatt(4)] }, efter3: { lines: [] } },
    { id: 'c', weight: 3, fore: { lines: [bidrag(12)] }, efter: { lines: [bidrag(9)] } },
  ],
  comparison: { participants: [{ id: 'j', weight: 4, fore: { lines: [bidrag(12)] }, efter: { lines: [bidrag(11)] } }] },
});
const ledger = priceProject(project, catalog);
const model = sensitivityModel(ledger, project, catalog);

describe('sensitivity with follow-up years', () => {
  it('the base scenario reproduces calculate (fast path and scaled ledger)', () => {
    const r = calculate(project, catalog);
    const fast = scenarioNets(model, baseScenario(model));
    const slow = evaluateScenario(model, baseScenario(model));
    model.targets.forEach((t, i) => {
      const x = r.groups[t.id] ?? r.actors[t.id];
      expect(fast.netH[i]).toBeCloseTo(x.horizons['5'].net, 4);
      expect(fast.net1[i]).toBeCloseTo(x.horizons['1'].net, 4);
      expect((slow.groups[t.id] ?? slow.actors[t.id]).horizons['5'].net).toBeCloseTo(x.horizons['5'].net, 4);
    });
  });

  it('scenarioNets equals evaluate on the scaled ledger for any scenario (property)', () => {
    const grid = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((k) => k / 1000);
    const n = ledger.items.length;
    fc.assert(fc.property(
      fc.array(grid(3), { minLength: n, maxLength: n }), grid(2), grid(1), grid(1), grid(0.2), grid(3), grid(2), fc.boolean(),
      (factors, effect, deadweight, dropOff, discountRate, costFactor, comparison, utjamning) => {
        expectFastMatchesEvaluate(model, { ...baseScenario(model), itemFactors: Float64Array.from(factors), effect, deadweight, dropOff, discountRate, costFactor, comparison, utjamning });
      },
    ), { numRuns: 150 });
  });

  it('break-even keeps the observed years of those who do not reach the target; every share verifies by re-pricing', () => {
    const price = (p: typeof project) => priceProject(p, catalog);
    for (const base of ['efter', 'fore'] as const) {
      const b = breakEven({ ...project, utjamning: undefined }, catalog, resolveBreakEvenTarget('anstallning', catalog), { price, base });
      expect(b.findings.length).toBeGreaterThan(0);
      for (const f of b.findings) expect(f.verified, `${base} ${f.target} ${f.status} ${f.verifiedNet}`).toBe(true);
      expect(b.findings.some((f) => f.status === 'share')).toBe(true);
    }
  });
});

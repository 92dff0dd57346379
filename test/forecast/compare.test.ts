import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../lib/catalog/load.js';
import { COMPARE_PARTS, compare } from '../../lib/forecast/compare.js';
import { planProject, readPlan, statedShares, type ForecastPlan } from '../../lib/forecast/plan.js';
import { readProject } from '../../lib/model/read-project.js';
import { comparisonJson, roundedParts } from '../../lib/report/comparison.js';
import { handPlan, writePlan } from './plan-fixture.js';

const catalog = loadCatalog();
const hand = async (): Promise<ForecastPlan> => (await readPlan(writePlan(handPlan()), catalog)).plan!;

describe('jamfor: prognos mot utfall', () => {
  it('an outcome equal to the plan gives zero difference in every part, for every actor', async () => {
    for (const plan of [await hand(), (await readPlan('data/examples/esf-prognos', catalog)).plan!]) {
      const c = compare(plan, planProject(plan, statedShares(plan)), catalog);
      for (const t of c.all) {
        expect(t.difference, t.id).toBe(0);
        for (const p of COMPARE_PARTS) expect(t.parts[p], `${t.id} ${p}`).toBe(0);
      }
    }
  });

  it('the parts sum to the total difference on random plan/outcome pairs (shares, participants, cost, catalogue year)', async () => {
    const plan = await hand();
    await fc.assert(fc.asyncProperty(
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }),
      fc.integer({ min: 0, max: 400000 }), fc.constantFrom(2024, 2025, 2026), fc.double({ min: 0, max: 1, noNaN: true }),
      async (x, y, scale, cost, year, kom) => {
        const base = planProject(plan, [x, y]);
        const outcome = {
          ...base, priceYear: year, cost: { total: cost, financing: { kommun: kom, region: 1 - kom } },
          participants: base.participants.map((p, i) => ({ ...p, weight: p.weight * scale * (i % 2 ? 1.3 : 0.8) })),
        };
        const c = compare(plan, outcome, catalog);
        for (const t of c.all) {
          const sum = COMPARE_PARTS.reduce((s, p) => s + t.parts[p], 0);
          expect(Math.abs(sum - t.difference), t.id).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(t.difference)));
          expect(t.difference).toBeCloseTo(t.outcome.netH - t.forecast.netH, 6);
          const r = roundedParts(t);
          expect(Math.round(COMPARE_PARTS.reduce((s, p) => s + r[p], 0) * 100)).toBe(Math.round(Math.round(t.difference * 100)));
        }
      },
    ), { numRuns: 25 });
  });

  it('the cost part is minus the change in the actor\'s cost share; a pure price-year change lands in priser only', async () => {
    const plan = await hand();
    const base = planProject(plan, statedShares(plan));
    // Outcome cost 120 000 (was 100 000), kommun 50 %: the kommun's cost part is −10 000.
    const c = compare(plan, { ...base, cost: { total: 120000, financing: { kommun: 0.5, region: 0.5 } } }, catalog);
    const k = c.all.find((t) => t.id === 'kommun')!;
    expect(k.parts.kostnad).toBeCloseTo(-10000, 6);
    expect(k.parts.priser).toBe(0);
    expect(k.parts.volym).toBe(0);
    expect(k.parts.utfall).toBe(0);
  });

  it('the bundled pair: every funder of the plan appears, and the JSON is kind comparison', async () => {
    const plan = (await readPlan('data/examples/esf-prognos', catalog)).plan!;
    const { project } = await readProject('data/examples/esf-utfall', catalog);
    const c = compare(plan, project!, catalog);
    expect(c.targets.map((t) => t.id)).toEqual(expect.arrayContaining(['samhallet', 'fk', 'kommun', 'region', 'ovrigStat']));
    expect(c.outcome.participants).toBe(35);
    const j = comparisonJson(c, 'sv', { plan: 'p', outcome: 'u' });
    expect(j.kind).toBe('comparison');
  });
});

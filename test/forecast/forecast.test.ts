import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../lib/catalog/load.js';
import { evaluate } from '../../lib/results/evaluate.js';
import { priceProject } from '../../lib/engine/price.js';
import type { Result } from '../../lib/results/result.js';
import { breakEvenProject, forecastBreakEven, aterforing } from '../../lib/forecast/analyses.js';
import { cohortShares, forecast, rampResult, shareLedger, unitLedgers } from '../../lib/forecast/forecast.js';
import { readPlan, type ForecastPlan } from '../../lib/forecast/plan.js';
import { forecastJson, forecastReport } from '../../lib/report/forecast.js';
import { formatProblem } from '../../lib/util/errors.js';
import { handPlan, writePlan } from './plan-fixture.js';

const catalog = loadCatalog();
const net = (r: Result, id: string, h: string) => (r.groups[id] ?? r.actors[id])!.horizons[h].net;

async function plan(doc: Record<string, unknown>): Promise<ForecastPlan> {
  const r = await readPlan(writePlan(doc), catalog);
  expect(r.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p))).toEqual([]);
  return r.plan!;
}

describe('forecast: a hand-worked plan (two typfall, two outcomes)', () => {
  it('gives the worked figures to the krona, stated and optimism-adjusted', async () => {
    // 10 participants: bidrag 6 (andel 0.6), vard 4. Intake 4 in year 1, 6 in year 2 → cohorts 0.4, 0.6.
    // bidrag → jobb 50 % (evidence egna, −20 %), vard → jobb 25 % (antagande, −50 %). H = 2, r = 0, no dödvikt/avklingning.
    // Stated weights: 3 bidrag→jobb, 1 vard→jobb (3 + 3 unchanged).
    //   Kommun Δ = 3 × 2 000 × 12 = 72 000 kr/yr; region Δ = 1 × 500 × 12 = 6 000 kr/yr; individ −72 000.
    //   Year 1 = 0.4 Δ, year 2 = (0.4 + 0.6) Δ. Cost 100 000 split kommun 50 000 / region 50 000.
    //   Kommun: net 1 yr = 28 800 − 50 000 = −21 200; net 2 yrs = 28 800 + 72 000 − 50 000 = 50 800;
    //     payback = 12 + 12 × (50 000 − 28 800) / 72 000 = 15.533… → 15.6 months.
    //   Region: net 2 yrs = 2 400 + 6 000 − 50 000 = −41 600 (beyond the horizon).
    //   Samhället: transfers cancel, Δ = 6 000 (care): net 2 yrs = 8 400 − 100 000 = −91 600.
    // Adjusted shares: 0.5 × 0.8 = 0.4 (weight 2.4), 0.25 × 0.5 = 0.125 (weight 0.5).
    //   Kommun Δ = 57 600: net 2 yrs = 23 040 + 57 600 − 50 000 = 30 640. Region Δ = 3 000: 1 200 + 3 000 − 50 000 = −45 800.
    const p = await plan(handPlan());
    expect(p.total).toBe(10);
    expect(cohortShares(p)).toEqual([0.4, 0.6]);
    const f = forecast(p, catalog);
    const S = f.stated.result, A = f.adjusted.result;
    expect(S.participants).toBeCloseTo(10, 9);
    expect(S.actors.kommun.annualEffect).toBeCloseTo(72000, 6);
    expect(S.actors.region.annualEffect).toBeCloseTo(6000, 6);
    expect(S.actors.individ.annualEffect).toBeCloseTo(-72000, 6);
    expect(net(S, 'kommun', '1')).toBeCloseTo(-21200, 6);
    expect(net(S, 'kommun', '2')).toBeCloseTo(50800, 6);
    expect(S.actors.kommun.payback).toEqual({ status: 'months', months: 15.6, simpleMonths: 8.3 });
    expect(net(S, 'region', '2')).toBeCloseTo(-41600, 6);
    expect(S.actors.region.payback.status).toBe('beyondHorizon');
    expect(net(S, 'samhallet', '2')).toBeCloseTo(-91600, 6);
    expect(f.adjusted.shares).toEqual([0.4, 0.125]);
    expect(net(A, 'kommun', '2')).toBeCloseTo(30640, 6);
    expect(net(A, 'region', '2')).toBeCloseTo(-45800, 6);
  });

  it('break-even: kommun needs ⌈0.248 × 10⌉ = 3 in jobb; the region and society never break even', async () => {
    // Everyone moving to jobb: kommun Δ_all = 6 × 24 000 = 144 000; M_2 = 0.4 + 1 = 1.4 → s* = 50 000 / (144 000 × 1.4) = 0.2480…
    // Region Δ_all = 4 × 6 000 = 24 000 → s* = 50 000 / 33 600 > 1 → never.
    const p = await plan(handPlan());
    const be = forecastBreakEven(forecast(p, catalog), catalog);
    const k = be.findings.find((x) => x.target === 'kommun')!;
    expect(k.share).toBeCloseTo(50000 / (144000 * 1.4), 12);
    expect(k.participants).toBe(3);
    expect(be.findings.find((x) => x.target === 'region')!.status).toBe('never');
    expect(be.findings.find((x) => x.target === 'samhallet')!.status).toBe('never');
    expect(be.forecastShare.stated).toBeCloseTo((3 + 1) / 10, 12);
  });

  it('återföring: kommun savings 28 800 then 72 000, repaid in year 2', async () => {
    const p = await plan(handPlan());
    const [k] = aterforing(forecast(p, catalog).stated.result, ['kommun']);
    expect(k.cost).toBeCloseTo(50000, 9);
    expect(k.years.map((y) => Math.round(y.cumulative))).toEqual([28800, 100800]);
    expect(k.repaidYear).toBe(2);
  });
});

describe('forecast: properties', () => {
  it('a plan with shares gives the result of the same plan with counts = share × N', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      fc.double({ min: 0, max: 0.6, noNaN: true }), fc.double({ min: 0, max: 0.4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      async (N, g1, a, b, c) => {
        const shares = handPlan({ participants: { total: N } });
        (shares.targetGroup as any[])[0].andel = g1;
        (shares.targetGroup as any[])[1].andel = 1 - g1;
        const outs = [{ fore: 'bidrag', efter: 'jobb', andel: a }, { fore: 'bidrag', efter: 'vard', andel: b }, { fore: 'vard', efter: 'jobb', andel: c }];
        shares.outcomes = outs;
        const n = { bidrag: g1 * N, vard: (1 - g1) * N } as Record<string, number>;
        const counts = handPlan({
          participants: { total: N },
          targetGroup: [{ fore: 'bidrag', antal: n.bidrag }, { fore: 'vard', antal: n.vard }],
          outcomes: outs.map((o) => ({ fore: o.fore, efter: o.efter, antal: o.andel * n[o.fore] })),
        });
        const fs = forecast(await plan(shares), catalog), fc2 = forecast(await plan(counts), catalog);
        for (const id of ['kommun', 'region', 'individ', 'samhallet']) {
          for (const h of ['1', '2']) expect(Math.abs(net(fs.stated.result, id, h) - net(fc2.stated.result, id, h))).toBeLessThan(1e-6 * Math.max(1, Math.abs(net(fs.stated.result, id, h))));
        }
      },
    ), { numRuns: 15 });
  });

  it('the unit-ledger sum equals the engine pricing the plan at any shares', async () => {
    const p = await plan(handPlan());
    const u = unitLedgers(p, catalog);
    await fc.assert(fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), async (x, y) => {
      const direct = evaluate(priceProject({ ...p.project, participants: p.project.participants.map((q, i) => ({ ...q, weight: [6 * x, 4 * y, 6 * (1 - x), 4 * (1 - y)][i] })) }, catalog), p.project, catalog);
      const viaUnits = evaluate(shareLedger(p, u, [x, y]), p.project, catalog);
      for (const id of ['kommun', 'region', 'samhallet']) expect(net(viaUnits, id, '2')).toBeCloseTo(net(direct, id, '2'), 6);
    }), { numRuns: 20 });
  });
});

describe('forecast: the bundled ESF example', () => {
  it('break-even per funder re-priced at the found share gives that funder a net of 0 ± 1 kr, for every funder including ESF', async () => {
    const p = (await readPlan('data/examples/esf-prognos', catalog)).plan!;
    const f = forecast(p, catalog);
    const be = forecastBreakEven(f, catalog, { verify: false });
    expect(be.findings.map((x) => x.target)).toEqual(expect.arrayContaining(['samhallet', 'fk', 'kommun', 'region', 'ovrigStat']));
    for (const x of be.findings.filter((y) => y.status === 'share')) {
      const r = rampResult(evaluate(priceProject(breakEvenProject(p, x.share!), catalog), p.project, catalog), cohortShares(p), p.project);
      const n = net(r, x.target, '5');
      expect(Math.abs(n), `${x.target}: ${n}`).toBeLessThanOrEqual(1);
    }
  });

  it('every funder of the financing key, ESF included, is in break-even, Monte Carlo and återföring output; seeded and reproducible', async () => {
    const p = (await readPlan('data/examples/esf-prognos', catalog)).plan!;
    const rep = forecastReport(p, catalog, { draws: 300, seed: 7 });
    const json = forecastJson(rep, 'sv');
    expect(json.kind).toBe('forecast');
    for (const id of ['ovrigStat', 'fk', 'region', 'kommun']) {
      expect(json.breakEven.findings.some((x) => x.target === id), id).toBe(true);
      expect(json.monteCarlo.targets.find((t) => t.id === id)?.funder, id).toBe(true);
      expect(json.aterforing.some((a) => a.id === id), id).toBe(true);
    }
    expect(json.breakEven.findings.find((x) => x.target === 'ovrigStat')!.label).toBe('Övrig stat (ESF)');
    const again = forecastJson(forecastReport(p, catalog, { draws: 300, seed: 7 }), 'sv');
    expect(JSON.stringify(again)).toBe(JSON.stringify(json));
    const esf = json.monteCarlo.targets.find((t) => t.id === 'ovrigStat')!;
    expect(esf.netH.p5).toBeLessThan(esf.netH.p95);
    expect(esf.pPayback).not.toBeNull();
  });
});

/**
 * Kommunalekonomisk utjämning (issue 11, item 3; method §2.3), hand-worked. A participant goes from
 * no income to a job at 25 000 kr/month (300 000 kr/year), price year 2025. B = the beskattningsbar
 * förvärvsinkomst after grundavdrag (from the tax rule, tested against Skatteverket's tables).
 *
 * Karlstad (Värmlands län, skattekraft under the guarantee level): own rates 21,27 / 12,28 %;
 * länsvisa satser 19,97 / 9,11 %. Two years after the income, the kommun's bidrag falls by
 * 0,1997 B and the region's by 0,0911 B; the state keeps 0,2908 B.
 *   kommun Δ (steady state) = 0,2127 B − 0,1997 B = 0,0130 B (6,1 % of its tax gain)
 *   region Δ               = 0,1228 B − 0,0911 B = 0,0317 B (25,8 %)
 *   5-year benefit, kommun  = 5 × 0,2127 B − 3 × 0,1997 B (the utjämning in years 3–5)
 * Danderyd (skattekraft 177 % > 125 %, Region Stockholm 120 %: between 110 and 125): own rates
 * 18,25 / 12,38 %; länsvisa satser 19,05 / 10,03 %; the avgift rises by 0,85/0,95 × 0,1905 B for
 * the kommun and 0,60/0,95 × 0,1003 B for the region.
 */
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { priceProject } from '../../lib/engine/price.js';
import { incomeTax } from '../../lib/engine/tax/income-tax.js';
import { taxYearParams } from '../../lib/engine/tax/tax-params.js';
import { utjamningRates } from '../../lib/engine/tax/utjamning.js';
import { makeProject, person, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const tax = taxYearParams(catalog, 2025);
const job = { item: 'arbete.osubventionerad_anstallning', months: 12, wage: 25000 };
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);
const project = (kommun: string, utjamning?: unknown) => makeProject({
  ...(utjamning === undefined ? {} : { utjamning }),
  participants: [person([], [job], { attributes: { fodelsear: 1985, kommun } })],
});
/** The tax on the job: B (taxableIncome) and the kommun's and region's tax (whole kronor, SKV 433). */
const taxOn = (kommunRate: number, regionRate: number) => incomeTax({ earned: 300000, other: 0, pensionable: 300000, kommunRate, regionRate }, tax);

describe('utjämning rates', () => {
  it('a kommun below the guarantee loses the länsvis skattesats; one above pays the avgift share', () => {
    const k = utjamningRates(catalog, '2025-07-01', 'Karlstad');
    expect(k).toEqual({ kommun: 0.1997, region: 0.0911, kommunAbove: false, regionAbove: false, lan: '17' });
    const d = utjamningRates(catalog, '2025-07-01', 'Danderyd');
    close(d.kommun, 0.1905 * 0.85 / 0.95);
    close(d.region, 0.1003 * 0.60 / 0.95);
    expect([d.kommunAbove, d.regionAbove, d.lan]).toEqual([true, true, '01']);
    // A project's own skattekraft overrides the catalogue: Lomma at 121 % pays 0,60/0,95 of 19,70 %.
    close(utjamningRates(catalog, '2025-07-01', 'Lomma', { LOMMA: 121 }).kommun, 0.1970 * 0.60 / 0.95);
  });
});

describe('utjamning: true moves the tax gain to the state, two years later', () => {
  it('Karlstad (below the guarantee): the kommun keeps 1,30 öre and the region 3,17 öre per krona', () => {
    const T = taxOn(21.27, 12.28), B = T.taxableIncome; // T.kommun = 0,2127 B less öre (SKV 433 drops them)
    const off = calculate(project('Karlstad'), catalog);
    const on = calculate(project('Karlstad', true), catalog);
    close(off.actors.kommun.annualEffect, T.kommun);
    close(on.actors.kommun.annualEffect, T.kommun - 0.1997 * B);
    close(on.actors.region.annualEffect, T.region - 0.0911 * B);
    close(on.actors.ovrigStat.annualEffect - off.actors.ovrigStat.annualEffect, (0.1997 + 0.0911) * B);
    close(on.groups.samhallet.annualEffect, off.groups.samhallet.annualEffect); // a transfer between levels of government
    // The stream: full tax in years 1–2, the utjämning from year 3.
    close(on.actors.kommun.yearly[0], T.kommun);
    close(on.actors.kommun.yearly[2], T.kommun - 0.1997 * B);
    close(on.actors.kommun.horizons['5'].benefit, 5 * T.kommun - 3 * 0.1997 * B);
    close(on.actors.kommun.horizons['1'].benefit, off.actors.kommun.horizons['1'].benefit);
    // The category sum still equals the effect; the utjämning is an item row of its own.
    const row = on.items.find((x) => x.item === 'utjamning:inkomstutjamning' && x.actor === 'kommun')!;
    close(row.delta, -0.1997 * B);
  });

  it('Danderyd (above the guarantee): the avgift rises by 85/95 of the länsvis sats', () => {
    const T = taxOn(18.25, 12.38), B = T.taxableIncome;
    const on = calculate(project('Danderyd', true), catalog);
    close(on.actors.kommun.annualEffect, T.kommun - (0.1905 * 0.85 / 0.95) * B);
    close(on.actors.region.annualEffect, T.region - (0.1003 * 0.60 / 0.95) * B);
  });

  it('is priced always but counted only when asked; its parameters are listed only then', () => {
    expect(priceProject(project('Karlstad'), catalog).lagYears).toBe(2);
    const ids = (u: unknown) => calculate(project('Karlstad', u), catalog).used.map((x) => x.id);
    expect(ids(undefined)).not.toContain('params.utjamning.lansvis_skattesats');
    expect(ids(true)).toContain('params.utjamning.lansvis_skattesats');
  });

  it('rejects an unknown kommun in utjamning.skattekraft', () => {
    expect(() => project('Lomma', { skattekraft: { Lomm: 121 } })).toThrow(/utjamning\.skattekraft\.Lomm: unknown kommun/);
  });
});

describe('utjämning in the sensitivity analysis', () => {
  it('the fast path equals evaluate with the utjämning on, and the classic switches it', async () => {
    const { sensitivityModel, baseScenario, scenarioNets, evaluateScenario } = await import('../../lib/sensitivity/scenario.js');
    const { classics } = await import('../../lib/sensitivity/classics.js');
    const p = makeProject({ utjamning: true, cost: { total: 50000, financing: 'finsam' }, dropOff: 0.1, discountRate: 0.035,
      participants: [person([], [job], { attributes: { fodelsear: 1985, kommun: 'Karlstad' } })] });
    const model = sensitivityModel(priceProject(p, catalog), p, catalog);
    const s = baseScenario(model);
    const fast = scenarioNets(model, s);
    const full = evaluateScenario(model, s);
    const direct = calculate(p, catalog);
    model.targets.forEach((t, i) => {
      const x = full.groups[t.id] ?? full.actors[t.id];
      close(fast.netH[i], x.horizons['5'].net);
      close(fast.annualEffect[i], x.annualEffect);
      close(x.horizons['5'].net, (direct.groups[t.id] ?? direct.actors[t.id]).horizons['5'].net);
    });
    // The classic row "utan utjämning" equals the project without it.
    const c = classics(model).find((x) => x.id === 'utjamning')!;
    expect(c.label).toBe('Utan kommunalekonomisk utjämning');
    const without = calculate({ ...p, utjamning: undefined }, catalog);
    close(c.outcomes.kommun.netH, without.actors.kommun.horizons['5'].net);
  });
});

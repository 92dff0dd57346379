/**
 * Hand-worked golden cases for the engine (method §2, §4–§7). Test items have round values:
 * test.bidrag 10 000 kr/mån (kommun → individ, tax-free), test.skattebidrag 15 000 kr/mån
 * (fk → individ, taxable), test.vard 1 000 kr/besök (region, real), test.avgift 200 kr/besök
 * (individ → region). Price year 2025. The arithmetic is written out beside each assertion.
 */
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { priceProject } from '../../lib/engine/price.js';
import { incomeTax } from '../../lib/engine/tax/income-tax.js';
import { taxYearParams } from '../../lib/engine/tax/tax-params.js';
import { taxRatesFor } from '../../lib/engine/tax/rates.js';
import { employerFeeRate, employerFeeParams } from '../../lib/engine/tax/employer-fee.js';
import { paramAt, indexValue } from '../../lib/catalog/value-at.js';
import { makeProject, person, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const bidrag = (months: number) => ({ item: 'test.bidrag', months });
const vard = (months: number, perMonth: number) => ({ item: 'test.vard', months, perMonth });

describe('posting kinds', () => {
  it('transfer: kommun pays, individ receives, society nets to zero', () => {
    // Före: 12 × 10 000 = 120 000 kr/år from kommun to individ. Efter: nothing.
    // Δ kommun = 0 − (−120 000) = +120 000; Δ individ = 0 − 120 000 = −120 000; samhället 0.
    const r = calculate(makeProject({ participants: [person([bidrag(12)], [])] }), catalog);
    expect(r.actors.kommun.annualEffect).toBe(120000);
    expect(r.actors.individ.annualEffect).toBe(-120000);
    expect(r.groups.samhallet.annualEffect).toBe(0);
    expect(r.actors.kommun.byCategory.ersattning.fore).toBe(-120000);
  });

  it('real: region saves visits, society gains the same', () => {
    // Före 2 besök/mån × 12 × 1 000 = 24 000; efter 0,5 × 12 × 1 000 = 6 000.
    // Δ region = −6 000 − (−24 000) = +18 000 = Δ samhället.
    const r = calculate(makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5)])] }), catalog);
    expect(r.actors.region.annualEffect).toBe(18000);
    expect(r.groups.samhallet.annualEffect).toBe(18000);
    expect(r.groups.offentligSektor.annualEffect).toBe(18000);
  });

  it('production: an egen production line is credited to its receivers', () => {
    // Efter 6 of 12 months: individ 10 000/mån, arbetsgivare 2 000/mån → 60 000 and 12 000 per year.
    const line = { item: 'egen', label: 'Praktik', months: 6, postings: [
      { actor: 'individ', kind: 'production', amountPerMonth: 10000 },
      { actor: 'arbetsgivare', kind: 'production', amountPerMonth: 2000 },
    ] };
    const p = makeProject({ participants: [person([], [line])] });
    const r = calculate(p, catalog);
    expect(r.actors.individ.annualEffect).toBe(60000);
    expect(r.actors.arbetsgivare.annualEffect).toBe(12000);
    expect(r.groups.samhallet.annualEffect).toBe(72000);
    const l = priceProject(p, catalog);
    expect(l.participants.productionEfter).toBe(72000);
  });

  it('fee: a patient fee moves money from individ to region', () => {
    // 1 besök/mån × 12: region real −12 000, fee individ −2 400 → region +2 400.
    const r = calculate(makeProject({ participants: [person([vard(12, 1), { item: 'test.avgift', months: 12, perMonth: 1 }], [])] }), catalog);
    expect(r.actors.region.annualEffect).toBe(12000 - 2400);
    expect(r.actors.individ.annualEffect).toBe(2400);
    expect(r.groups.samhallet.annualEffect).toBe(12000);
  });
});

describe('situations and weights', () => {
  it('a partial observation period is normalised to an annual rate', () => {
    // Efter observed for 6 months with 6 months of bidrag: 6 × 10 000 × 12/6 = 120 000 per year.
    // Före 12 months with 3 months of bidrag: 30 000 per year. Δ kommun = −(120 000 − 30 000) = −90 000.
    const p = makeProject({ participants: [{ id: 'x', fore: { months: 12, lines: [bidrag(3)] }, efter: { months: 6, lines: [bidrag(6)] } }] });
    expect(calculate(p, catalog).actors.kommun.annualEffect).toBe(-90000);
  });

  it('typfall weights multiply the effect', () => {
    // Weight 3: Δ region = 3 × 18 000 = 54 000; participants = 3.
    const r = calculate(makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5)], { weight: 3 })] }), catalog);
    expect(r.actors.region.annualEffect).toBe(54000);
    expect(r.participants).toBe(3);
  });

  it('comparison group: its average change per person is subtracted (difference-in-differences)', () => {
    // Participants (2 × weight 1): Δ region 18 000 each → 36 000.
    // Comparison (weight 4 in total): one person 2 → 1.5 visits (Δ +6 000/yr), weight 4; avg 6 000.
    // DiD: 36 000 − 2 × 6 000 = 24 000.
    const p = makeProject({
      participants: [person([vard(12, 2)], [vard(12, 0.5)], { id: 'a' }), person([vard(12, 2)], [vard(12, 0.5)], { id: 'b' })],
      comparison: { participants: [person([vard(12, 2)], [vard(12, 1.5)], { weight: 4 })] },
    });
    const r = calculate(p, catalog);
    expect(r.actors.region.annualEffect).toBe(24000);
    expect(r.project.evidence).toBe('jamforelsegrupp');
  });
});

describe('horizon: deadweight, drop-off, discounting', () => {
  const base = { participants: [person([bidrag(12)], [])], cost: { total: 0, financing: 'finsam' } };

  it('deadweight scales the effect by 1 − dödvikt', () => {
    // Δ kommun 120 000 × (1 − 0,25) = 90 000.
    expect(calculate(makeProject({ ...base, deadweight: 0.25 }), catalog).actors.kommun.annualEffect).toBe(90000);
  });

  it('drop-off and discounting shape the yearly stream', () => {
    // Δ = 120 000, avklingning 10 %, r = 3,5 %:
    // t1 120 000; t2 108 000/1,035 = 104 347,83; t3 97 200/1,035² = 90 737,24;
    // t4 87 480/1,035³ = 78 901,95; t5 78 732/1,035⁴ = 68 610,39. Σ = 462 597,41.
    const r = calculate(makeProject({ ...base, dropOff: 0.1, discountRate: 0.035 }), catalog);
    const y = r.actors.kommun.yearly;
    expect(y[0]).toBe(120000);
    expect(y[1]).toBeCloseTo(104347.826, 2);
    expect(y[2]).toBeCloseTo(90737.240, 2);
    expect(y[3]).toBeCloseTo(78901.948, 2);
    expect(y[4]).toBeCloseTo(68610.389, 2);
    expect(r.actors.kommun.horizons['5'].benefit).toBeCloseTo(462597.40, 1);
    expect(r.actors.kommun.horizons['1'].benefit).toBe(120000);
  });
});

describe('intervention cost and payback', () => {
  it('financing by year: each year its own key, discounted', () => {
    // Year 1: 100 000 by finsam → fk 50 000, region 25 000, kommun 25 000.
    // Year 2: 55 000 by kommun alone, discounted at 10 %: 55 000/1,1 = 50 000.
    // Kommun cost = 25 000 + 50 000 = 75 000; samhället 150 000.
    const r = calculate(makeProject({
      participants: [person([bidrag(12)], [])], discountRate: 0.1,
      cost: { byYear: [{ year: 1, amount: 100000 }, { year: 2, amount: 55000, financing: 'kommun' }], financing: 'finsam' },
    }), catalog);
    expect(r.actors.fk.cost).toBe(50000);
    expect(r.actors.region.cost).toBe(25000);
    expect(r.actors.kommun.cost).toBeCloseTo(75000, 6);
    expect(r.groups.samhallet.cost).toBeCloseTo(150000, 6);
    expect(r.project.costTotal).toBe(155000);
  });

  it('every payback status', () => {
    // Region saves 18 000 per year (2 → 0,5 visits). Cost 60 000 by finsam: region 15 000,
    // kommun 15 000, fk 30 000.
    // region: months = 12 × 15 000 / 18 000 = 10,0; simpleMonths 10,0.
    // kommun: Δ = 0 → never. fk: Δ = 0 → never. individ: no cost → noCost (months 0).
    // samhället: Δ 18 000, C 60 000 → 40,0 months.
    const p = makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5)])], cost: { total: 60000, financing: 'finsam' } });
    const r = calculate(p, catalog);
    expect(r.actors.region.payback).toEqual({ status: 'months', months: 10, simpleMonths: 10 });
    expect(r.actors.kommun.payback).toEqual({ status: 'never', months: null, simpleMonths: null });
    expect(r.actors.individ.payback).toEqual({ status: 'noCost', months: 0, simpleMonths: null });
    expect(r.groups.samhallet.payback).toEqual({ status: 'months', months: 40, simpleMonths: 40 });
    // Cost 120 000 → samhället needs 120 000 / 18 000 = 6,67 years > 5: beyondHorizon, simple 80,0.
    const r2 = calculate(makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5)])], cost: { total: 120000, financing: 'finsam' } }), catalog);
    expect(r2.groups.samhallet.payback).toEqual({ status: 'beyondHorizon', months: null, simpleMonths: 80 });
    // Horizon results: benefit 5 × 18 000 = 90 000, net −30 000, roi −0,25.
    expect(r2.groups.samhallet.horizons['5']).toEqual({ benefit: 90000, cost: 120000, net: -30000, roi: -0.25 });
    // Leaving försörjningsstöd (12 × 10 000): individ Δ = −120 000 and no cost share → never (method §5
    // revised: a loser without cost is not "ingen kostnad"); kommun Δ +120 000, C 15 000 → 12 × 15 000 / 120 000 = 1,5.
    const r3 = calculate(makeProject({ participants: [person([bidrag(12)], [])], cost: { total: 60000, financing: 'finsam' } }), catalog);
    expect(r3.actors.individ.payback).toEqual({ status: 'never', months: null, simpleMonths: null });
    expect(r3.actors.kommun.payback).toEqual({ status: 'months', months: 1.5, simpleMonths: 1.5 });
  });

  it('payback with drop-off crosses within a later year', () => {
    // Δ 18 000, avklingning 50 %: years 18 000, 9 000, 4 500 … Cost (samhället) 24 000:
    // after year 1: 18 000; remaining 6 000 in year 2 at 9 000/yr → 12 + 12 × 6 000/9 000 = 20,0 months.
    const r = calculate(makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5)])], dropOff: 0.5, cost: { total: 24000, financing: 'finsam' } }), catalog);
    expect(r.groups.samhallet.payback.months).toBe(20);
    expect(r.groups.samhallet.payback.simpleMonths).toBe(16);
  });
});

describe('taxes', () => {
  const year = 2025;
  const tax = taxYearParams(catalog, year);
  const rates = taxRatesFor(catalog, year);

  it('tax on a taxable transfer: individ pays, kommun and region receive the full kommunal tax', () => {
    // test.skattebidrag 15 000 × 12 = 180 000 kr/år, not earned income (no jobbskatteavdrag).
    // T = incomeTax({ other: 180 000 }) at average 2025 rates; individ Δ = −(180 000 − T.total).
    const T = incomeTax({ earned: 0, other: 180000, pensionable: 0, kommunRate: rates.kommun, regionRate: rates.region }, tax);
    const r = calculate(makeProject({ participants: [person([{ item: 'test.skattebidrag', months: 12 }], [])] }), catalog);
    expect(r.actors.individ.annualEffect).toBeCloseTo(-(180000 - T.total), 6);
    expect(r.actors.kommun.annualEffect).toBeCloseTo(-T.kommun, 6);
    expect(r.actors.region.annualEffect).toBeCloseTo(-T.region, 6);
    expect(r.actors.fk.annualEffect).toBe(180000);
    expect(r.actors.ovrigStat.annualEffect).toBeCloseTo(-T.state, 6);
    expect(r.groups.samhallet.annualEffect).toBeCloseTo(0, 6);
    expect(T.jobbskatteavdrag).toBe(0);
    expect(T.total).toBeGreaterThan(30000);
  });

  it('tax on a wage: production credited as net wage, taxes and employer fees', () => {
    // Osubventionerad anställning 25 000 kr/mån × 12 = 300 000 kr/år for a 40-year-old.
    // Production = 300 000 × (1 + 0,3142 + avtalade); individ = 300 000 × (1 + avtalade) − T.total;
    // ovrigStat = 300 000 × 0,3142 + T.state; arbetsgivare = 0.
    const agreed = paramAt<number>(catalog, 'params.arbetsgivare.avtalade_avgifter', '2025-07-01').value / 100;
    const fee = paramAt<number>(catalog, 'params.skatt.arbetsgivaravgift', '2025-07-01').value / 100;
    expect(fee).toBeCloseTo(0.3142, 12);
    const T = incomeTax({ earned: 300000, other: 0, pensionable: 300000, kommunRate: rates.kommun, regionRate: rates.region }, tax);
    const p = makeProject({ participants: [person([], [{ item: 'arbete.osubventionerad_anstallning', months: 12, wage: 25000 }], { attributes: { fodelsear: 1985 } })] });
    const r = calculate(p, catalog);
    expect(r.actors.individ.annualEffect).toBeCloseTo(300000 * (1 + agreed) - T.total, 6);
    expect(r.actors.ovrigStat.annualEffect).toBeCloseTo(300000 * fee + T.state, 6);
    expect(r.actors.kommun.annualEffect).toBeCloseTo(T.kommun, 6);
    expect(r.actors.arbetsgivare.annualEffect).toBeCloseTo(0, 6);
    expect(r.groups.samhallet.annualEffect).toBeCloseTo(300000 * (1 + fee + agreed), 6);
    expect(T.jobbskatteavdrag).toBeGreaterThan(0);
  });

  it('subsidised work (lönebidrag): AF pays the subsidy, the employer residual is zero', () => {
    // Lönebidrag, wage 24 000 at 75 % → W = 18 000/mån. Ceiling takLon × 0,75 caps the basis.
    // S = andel × min(18 000, takLon × 0,75) × (1 + f + a); production = W(1 + f + a) − S.
    const p = paramAt<{ takLon: number; bidragsandel: number }>(catalog, 'params.af.lonebidrag', '2025-07-01').value;
    const agreed = paramAt<number>(catalog, 'params.arbetsgivare.avtalade_avgifter', '2025-07-01').value / 100;
    const f = employerFeeRate(employerFeeParams(catalog, year, '2025-07-01'), 39, 18000);
    const S = p.bidragsandel * Math.min(18000, p.takLon * 0.75) * (1 + f + agreed) * 12;
    const cost = 18000 * (1 + f + agreed) * 12;
    const r = calculate(makeProject({ participants: [person([], [{ item: 'af.lonebidrag', months: 12, wage: 24000, extent: 0.75 }], { attributes: { fodelsear: 1985 } })] }), catalog);
    expect(r.actors.af.annualEffect).toBeCloseTo(-S, 6);
    expect(r.actors.arbetsgivare.annualEffect).toBeCloseTo(0, 6);
    expect(r.groups.samhallet.annualEffect).toBeCloseTo(cost - S, 6);
    expect(r.actors.af.byCategory.subvention.delta).toBeCloseTo(-S, 6);
  });
});

describe('tax on sjuk- och aktivitetsersättning', () => {
  it('is taxed like the same wage: the skattereduktion för SA/AE is modelled as jobbskatteavdrag', () => {
    // Garantiersättning 2025 for a 40-year-old: 13 622 × 12 = 163 464 kr/år, item earned: true.
    // T = incomeTax({ earned: 163 464, pensionable: 0 }) — lower than taxing it as other income.
    const year = 2025, rates = taxRatesFor(catalog, year), tax = taxYearParams(catalog, year);
    const asWork = incomeTax({ earned: 163464, other: 0, pensionable: 0, kommunRate: rates.kommun, regionRate: rates.region }, tax);
    const asOther = incomeTax({ earned: 0, other: 163464, pensionable: 0, kommunRate: rates.kommun, regionRate: rates.region }, tax);
    const r = calculate(makeProject({ participants: [person([{ item: 'fk.sjukersattning', months: 12 }], [], { attributes: { fodelsear: 1985 } })] }), catalog);
    expect(r.actors.individ.annualEffect).toBeCloseTo(-(163464 - asWork.total), 6);
    expect(asWork.total).toBeLessThan(asOther.total - 10000);
  });

  it('an explicit amount on a job line is the gross wage W (caps still apply)', () => {
    // Lönebidrag with amountPerMonth 40 000 at full time equals wage 40 000: the subsidy is capped at takLon.
    const a = calculate(makeProject({ participants: [person([], [{ item: 'af.lonebidrag', months: 12, amountPerMonth: 40000 }], { attributes: { fodelsear: 1985 } })] }), catalog);
    const b = calculate(makeProject({ participants: [person([], [{ item: 'af.lonebidrag', months: 12, wage: 40000 }], { attributes: { fodelsear: 1985 } })] }), catalog);
    expect(a.actors.af.annualEffect).toBeCloseTo(b.actors.af.annualEffect, 6);
    expect(a.groups.samhallet.annualEffect).toBeCloseTo(b.groups.samhallet.annualEffect, 6);
  });
});

describe('benefit rules against published amounts', () => {
  it('garantiersättning ≥ 30 år: 13 275 kr/mån 2024 and 13 622 kr/mån 2025 (FK / regeringen)', () => {
    // 2,78 × 57 300 / 12 = 13 274,5 → 13 275; 2,78 × 58 800 / 12 = 13 622.
    for (const [year, expected] of [[2024, 13275], [2025, 13622]] as const) {
      const r = calculate(makeProject({ priceYear: year, participants: [person([{ item: 'fk.sjukersattning', months: 12 }], [], { attributes: { fodelsear: year - 40 } })] }), catalog);
      expect(r.actors.fk.byCategory.ersattning.fore).toBe(-expected * 12);
    }
  });

  it('max sjukpenning 2024: 1 218 kr/dag (regeringen)', () => {
    // SGI capped at 10 × 57 300 = 573 000; 573 000 × 0,97 × 0,80 / 365 = 1 218,2 → 1 218 kr/dag.
    // One calendar month (365/12 days, stored as 30,416667) at 1 218 kr/day → 1 218 × 365 = 444 570 per year
    // (to within the parameter's rounding: 1 218 × 30,416667 × 12 = 444 570,005).
    const r = calculate(makeProject({ priceYear: 2024, participants: [person([{ item: 'fk.sjukpenning', months: 12, wage: 60000 }], [])] }), catalog);
    expect(indexValue(catalog, 'index.prisbasbelopp', 2024)).toBe(57300);
    expect(r.actors.fk.byCategory.ersattning.fore).toBeCloseTo(-1218 * 365, 1);
  });
});

describe('rules for AF and CSN', () => {
  it('studiemedel: the weekly bidrag (1,74 % pbb) for 52/12 weeks per study month', () => {
    // 2025: round(0,0174 × 58 800) = round(1 023,12) = 1 023 kr/vecka; per study month
    // 1 023 × 4,333333 = 4 432,99; 10 months in a 12-month situation → 44 329,9 kr per year.
    const r = calculate(makeProject({ participants: [person([], [{ item: 'csn.studiemedel', months: 10 }])] }), catalog);
    expect(r.actors.ovrigStat.byCategory.ersattning.efter).toBeCloseTo(-1023 * 4.333333 * 10, 6);
  });

  it('utvecklingsersättning: high level 1/5 of the weekly bidrag, low level studiehjälp / 22', () => {
    // High: round(1 023 / 5) = round(204,6) = 205 kr/dag × 22 dagar = 4 510 kr/mån → 54 120 per year.
    // Low: round(1 250 / 22) = round(56,8) = 57 kr/dag × 22 = 1 254 kr/mån → 15 048 per year.
    const hog = calculate(makeProject({ participants: [person([], [{ item: 'af.utvecklingsersattning', months: 12 }])] }), catalog);
    const lag = calculate(makeProject({ participants: [person([], [{ item: 'af.utvecklingsersattning', months: 12, options: { niva: 'lag' } }])] }), catalog);
    expect(hog.actors.af.annualEffect).toBe(-54120);
    expect(lag.actors.af.annualEffect).toBe(-15048);
  });
});

describe('potential and verkningsgrad', () => {
  it('potential = reference production − production + real resource use', () => {
    // P_ref = referenslön × 12 × (1 + 0,3142 + avtalade). Före: no work, 24 000 kr vård →
    // potential före = P_ref + 24 000. Efter: egen production 60 000, vård 6 000 →
    // potential efter = P_ref − 60 000 + 6 000. verkningsgrad = (före − efter)/före = 78 000/(P_ref + 24 000).
    const prod = { item: 'egen', label: 'Arbete', months: 12, postings: [{ actor: 'individ', kind: 'production', amountPerMonth: 5000 }] };
    const p = makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5), prod])] });
    const r = calculate(p, catalog);
    const Pref = priceProject(p, catalog).referenceProduction;
    expect(r.potential.fore).toBeCloseTo(Pref + 24000, 6);
    expect(r.potential.efter).toBeCloseTo(Pref - 60000 + 6000, 6);
    expect(r.potential.verkningsgrad).toBeCloseTo(78000 / (Pref + 24000), 12);
    expect(r.potential.perParticipant.potentialFore).toBeCloseTo(Pref + 24000, 6);
  });
});

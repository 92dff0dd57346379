/**
 * Hand-worked golden cases for the engine (method §2, §4–§7). Test items have round values:
 * test.bidrag 10 000 kr/mån (kommun → individ, tax-free), test.skattebidrag 15 000 kr/mån
 * (fk → individ, taxable), test.vard 1 000 kr/besök (region, real), test.avgift 200 kr/besök
 * (individ → region). Price year 2025. The arithmetic is written out beside each assertion.
 * Cases that need no TypeScript (transfers, real savings, fees, annualisation, comparison group,
 * avklingning and discounting, cost by year, every payback status, follow-up years) are YAML files
 * in test/cases, run by test/cases/cases.test.ts.
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
});

describe('situations and weights', () => {
  it('typfall weights multiply the effect', () => {
    // Weight 3: Δ region = 3 × 18 000 = 54 000; participants = 3.
    const r = calculate(makeProject({ participants: [person([vard(12, 2)], [vard(12, 0.5)], { weight: 3 })] }), catalog);
    expect(r.actors.region.annualEffect).toBe(54000);
    expect(r.participants).toBe(3);
  });
});

describe('horizon: deadweight', () => {
  const base = { participants: [person([bidrag(12)], [])], cost: { total: 0, financing: 'finsam' } };

  it('deadweight scales the effect by 1 − dödvikt', () => {
    // Δ kommun 120 000 × (1 − 0,25) = 90 000.
    expect(calculate(makeProject({ ...base, deadweight: 0.25 }), catalog).actors.kommun.annualEffect).toBe(90000);
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

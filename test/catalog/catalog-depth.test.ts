/**
 * Catalogue depth (issue 11, item 5): the new items price as their sources and rules say, nominal
 * fees are not uprated, and a price year outside the catalogue names the years it covers.
 * Hand-worked with the catalogue's own index values (ibb 2019 64 400, 2025 80 600; KPI årsmedel
 * 2023 403,70, 2025 418,0, 2026 420,9).
 */
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { coveredPriceYears, paramAt, yearRanges } from '../../lib/catalog/value-at.js';
import { makeProject, person, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);

describe('new items', () => {
  it('kriminalvård: 3 202 kr per anstaltsdygn 2019, uprated with ibb, borne by övrig stat', () => {
    // 3 202 × 80 600 / 64 400 = 4 007,472 kr/dygn 2025; 10 dygn/mån × 12 = 480 896,65 kr/år saved.
    const r = calculate(makeProject({ participants: [person([{ item: 'kriminalvard.anstalt_dygn', months: 12, perMonth: 10 }], [])] }), catalog);
    close(r.actors.ovrigStat.byCategory.real.delta, (3202 * 80600 / 64400) * 120);
    close(r.actors.ovrigStat.annualEffect, 480896.6459627329);
  });

  it('läkemedel: 350 kr/mån 2023, uprated with KPI to 2025, the region\'s real cost', () => {
    // 350 × 418,0 / 403,70 = 362,398 kr/mån; × 12 = 4 348,77 kr/år.
    const r = calculate(makeProject({ participants: [person([{ item: 'region.lakemedel', months: 12 }], [])] }), catalog);
    close(r.actors.region.byCategory.real.delta, 350 * 418.0 / 403.70 * 12);
  });

  it('a patient fee is nominal: 200 kr per besök in 2026, not KPI-uprated from 2024', () => {
    // Uprated it would be 200 × 420,9 / 415,15 = 202,77; nominal it stays 200. 1 besök/mån × 12 = 2 400.
    const r = calculate(makeProject({ priceYear: 2026, participants: [person([{ item: 'region.patientavgift_besok', months: 12, perMonth: 1 }], [])] }), catalog);
    expect(r.actors.region.byCategory.avgift.delta).toBe(-2400);
    expect(r.actors.individ.byCategory.avgift.delta).toBe(2400);
  });

  it('primärvård by contact type: a doctor visit 2 093 kr, another professional 930 kr (2024)', () => {
    const r = calculate(makeProject({ priceYear: 2024, participants: [person(
      [{ item: 'region.primarvard_besok', months: 12, perMonth: 1 }, { item: 'region.primarvard_besok_ovrig', months: 12, perMonth: 1 }], [])] }), catalog);
    // (2 093 + 930) × 12 = 36 276 kr/år.
    expect(r.actors.region.annualEffect).toBe(36276);
  });

  it('SA/AE months have their own FK handling item: 120 kr per case-month (2024), not 1 500', () => {
    const r = calculate(makeProject({ priceYear: 2024, participants: [person([{ item: 'fk.handlaggning_sa_ae', months: 12 }], [])] }), catalog);
    expect(r.actors.fk.annualEffect).toBe(1440);
  });

  it('rehabiliteringspenning is computed as sjukpenning', () => {
    const sp = calculate(makeProject({ participants: [person([{ item: 'fk.sjukpenning', months: 12, wage: 25000 }], [])] }), catalog);
    const rp = calculate(makeProject({ participants: [person([{ item: 'fk.rehabiliteringspenning', months: 12, wage: 25000 }], [])] }), catalog);
    expect(rp.actors.fk.annualEffect).toBe(sp.actors.fk.annualEffect);
    expect(rp.actors.individ.annualEffect).toBe(sp.actors.individ.annualEffect);
  });

  it('Samhall: the state pays 0,8 of the wage cost as merkostnadsersättning, without a wage ceiling', () => {
    // W = 30 000 (above the 20 000 lönebidrag ceiling, which does not apply). Lönekostnad
    // K = W × (1 + 31,42 % + avtalade); af pays 0,8 × K; production = K − 0,8 K = 0,2 K.
    const W = 30000;
    const avt = paramAt<number>(catalog, 'params.arbetsgivare.avtalade_avgifter', '2025-07-01').value / 100;
    const K = W * (1 + 0.3142 + avt);
    const r = calculate(makeProject({ participants: [person([], [{ item: 'af.samhall', months: 12, wage: W }], { attributes: { fodelsear: 1980 } })] }), catalog);
    close(r.actors.af.byCategory.subvention.delta, -0.8 * K * 12);
    close(r.actors.arbetsgivare.annualEffect, 0);
  });
});

describe('price years the catalogue covers', () => {
  it('are the years with every index and a tax rate: 2023–2026', () => {
    expect(coveredPriceYears(catalog)).toEqual([2023, 2024, 2025, 2026]);
    expect(yearRanges([2021, 2023, 2024, 2025])).toBe('2021, 2023–2025');
  });
});

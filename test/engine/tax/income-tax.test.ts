/**
 * Income tax rules (method §2 "Taxes and wages"): hand-worked cases, the allocation to kommun,
 * region and state, and published reference figures. Catalogue: the real data/ (loadCatalog).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../../lib/catalog/load.js';
import { taxYearParams } from '../../../lib/engine/tax/tax-params.js';
import { emptyTaxResult, grundavdrag, incomeTax, type TaxInput } from '../../../lib/engine/tax/income-tax.js';
import { taxRatesFor } from '../../../lib/engine/tax/rates.js';

const catalog = loadCatalog();
const p25 = taxYearParams(catalog, 2025);
// Average 2025 rates (params.skatt.kommunalskatt_medel): kommun 20,72 + region 11,69 = 32,41 %.
const avg25 = taxRatesFor(catalog, 2025);

describe('tax parameters 2025', () => {
  it('resolves the pbb/ibb-based amounts', () => {
    expect(avg25).toEqual({ kommun: 20.72, region: 11.69, source: 'medel' });
    expect(p25.pbb).toBe(58800);
    expect(p25.ibb).toBe(80600);
    expect(p25.skiktgrans).toBe(625800);
    expect(p25.statligRate).toBeCloseTo(0.2, 12);
    expect(p25.pensionIncomeCap).toBeCloseTo(8.07 * 80600, 6);
    expect(p25.jsaMax).toBeCloseTo(2.776 * 58800, 6);
    expect(p25.jsaPhaseOutFrom).toBe(Infinity);
    expect(p25.publicServiceCap).toBe(1249);
  });

  it('reproduces the published grundavdrag anchors (24 900 lowest, 45 300 highest, 17 300 at high incomes)', () => {
    // pensionsguiden.nu: "som högst 45 300 kr vid inkomster mellan 159 900 – 183 600".
    expect(grundavdrag(24900, p25)).toBe(24900); // 0,423 × 58 800 = 24 872,4 → 24 900, at most the income
    expect(grundavdrag(24800, p25)).toBe(24800);
    expect(grundavdrag(159800, p25)).toBeLessThan(45300);
    expect(grundavdrag(159900, p25)).toBe(45300);
    expect(grundavdrag(183600, p25)).toBe(45300);
    expect(grundavdrag(183700, p25)).toBeLessThan(45300);
    expect(grundavdrag(1000000, p25)).toBe(17300); // 0,293 × 58 800 = 17 228,4 → 17 300
  });
});

describe('hand-worked income tax, 2025, average rates (kommun 20,72 %, region 11,69 %)', () => {
  it('a wage of 24 000 kr/month', () => {
    // FFI = 24 000 × 12 = 288 000. 3,11 pbb = 182 868 < FFI ≤ 7,88 pbb = 463 344:
    //   GA = 0,77 × 58 800 − 0,10 × (288 000 − 182 868) = 45 276 − 10 513,2 = 34 762,8 → 34 800.
    // Taxable 288 000 − 34 800 = 253 200.
    // Kommun 253 200 × 20,72 % = 52 463,04 → 52 463; region × 11,69 % = 29 599,08 → 29 599 (kommunal 82 062).
    // Statlig 0 (below 625 800). Pensionsavgift 7 % × 288 000 = 20 160 → 20 200, credited in full.
    // JSA: 3,24 pbb = 190 512 < AI ≤ 8,08 pbb: 1,813 × 58 800 + 19,9 % × (288 000 − 190 512)
    //   = 106 604,4 + 19 400,112 = 126 004,512; − GA = 91 204,512; × 32,41 % = 29 559,38 → 29 559.
    // Förvärvsinkomst: 0,75 % × (253 200 − 40 000) = 1 599 → max 1 500. Public service 1 % = 2 532 → cap 1 249.
    // Total = 82 062 + 20 200 − 20 200 − 29 559 − 1 500 + 1 249 = 52 252 (4 354 kr/month).
    const t = incomeTax({ earned: 288000, other: 0, pensionable: 288000, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t).toEqual({
      total: 52252, kommun: 52463, region: 29599, state: 52252 - 82062, grundavdrag: 34800, taxableIncome: 253200, statlig: 0,
      pensionsavgift: 20200, pensionCredit: 20200, jobbskatteavdrag: 29559, forvarvsReduction: 1500, publicService: 1249, fee: 0,
    });
  });

  it('sjukersättning 13 622 kr/month (not earned: no jobbskatteavdrag; not pensionable)', () => {
    // Garantiersättning ≥ 30 år 2025 (regeringen 2024-09). FFI = 13 622 × 12 = 163 464 → 163 400.
    // 2,72 pbb = 159 936 < FFI ≤ 3,11 pbb = 182 868: GA = 0,77 × 58 800 = 45 276 → 45 300.
    // Taxable 118 100. Kommun 118 100 × 20,72 % = 24 470,32 → 24 470; region × 11,69 % = 13 805,89 → 13 805.
    // No pensionsavgift, no JSA. Förvärvsinkomst 0,75 % × (118 100 − 40 000) = 585,75 → 585.
    // Public service 1 % = 1 181. Total = 38 275 − 585 + 1 181 = 38 871 (3 239 kr/month).
    // Not modelled: skattereduktion för sjuk- och aktivitetsersättning (IL 67 kap. 9 a–9 c §§), which
    // lowers the real tax on SA/AE; the engine overstates it.
    const t = incomeTax({ earned: 0, other: 13622 * 12, pensionable: 0, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t).toEqual({
      total: 38871, kommun: 24470, region: 13805, state: 596, grundavdrag: 45300, taxableIncome: 118100, statlig: 0,
      pensionsavgift: 0, pensionCredit: 0, jobbskatteavdrag: 0, forvarvsReduction: 585, publicService: 1181, fee: 0,
    });
  });

  it('a mix: 120 000 kr wage and 60 000 kr sjukpenning in the year', () => {
    // FFI 180 000 (both taxable), within 2,72–3,11 pbb: GA = 45 276 → 45 300. Taxable 134 700.
    // Kommun 134 700 × 20,72 % = 27 909,84 → 27 909; region × 11,69 % = 15 746,43 → 15 746 (kommunal 43 655).
    // Pensionsavgift (both pensionable) 7 % × 180 000 = 12 600, credited.
    // JSA on AI = 120 000 only: 0,91 pbb = 53 508 < AI ≤ 3,24 pbb: 53 508 + 38,74 % × (120 000 − 53 508)
    //   = 53 508 + 25 759,0008 = 79 267,0008; − GA 45 300 = 33 967,0008; × 32,41 % = 11 008,61 → 11 008.
    // Förvärvsinkomst 0,75 % × (134 700 − 40 000) = 710,25 → 710. Public service 1 347 → 1 249.
    // Total = 43 655 + 12 600 − 12 600 − 11 008 − 710 + 1 249 = 33 186.
    const t = incomeTax({ earned: 120000, other: 60000, pensionable: 180000, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t).toMatchObject({ total: 33186, kommun: 27909, region: 15746, grundavdrag: 45300, taxableIncome: 134700, pensionsavgift: 12600, jobbskatteavdrag: 11008, forvarvsReduction: 710, publicService: 1249 });
    expect(t.state).toBe(33186 - 43655);
  });

  it('statlig skatt above skiktgränsen and the capped pensionsavgift', () => {
    // 900 000 kr wage: GA 17 300, taxable 882 700; statlig 20 % × (882 700 − 625 800) = 51 380.
    // Pensionsavgift: income capped at 8,07 × 80 600 = 650 442 → 650 400; × 7 % = 45 528 → 45 500.
    const t = incomeTax({ earned: 900000, other: 0, pensionable: 900000, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t.statlig).toBe(51380);
    expect(t.pensionsavgift).toBe(45500);
    expect(t.pensionCredit).toBe(45500);
  });

  it('rounds the pensionsavgift to the nearest 100 kr, a tie of 50 downwards (lag 1994:1744 3 §)', () => {
    const pa = (x: number): number => incomeTax({ earned: x, other: 0, pensionable: x, kommunRate: 20.72, regionRate: 11.69 }, p25).pensionsavgift;
    expect(pa(181200)).toBe(12700); // 12 684 → 12 700 (SKV 433 example)
    expect(pa(315000)).toBe(22000); // 22 050 → 22 000
    expect(pa(315100)).toBe(22100); // 22 057 → 22 100
    expect(pa(24800)).toBe(0); // below 42,3 % pbb = 24 872,4
    expect(pa(25000)).toBe(1700); // 1 750 → 1 700
  });

  it('limits the jobbskatteavdrag to the kommunal tax left after the pensionsavgift credit', () => {
    // 40 000 kr wage: GA 0,423 × 58 800 = 24 872,4 → 24 900; taxable 15 100.
    // Kommun 15 100 × 20,72 % = 3 128,72 → 3 128; region × 11,69 % = 1 765,19 → 1 765 (kommunal 4 893).
    // Pensionsavgift 7 % × 40 000 = 2 800, credit 2 800 (from the kommunal tax) → 2 093 left.
    // JSA (AI ≤ 0,91 pbb): (40 000 − 24 900) × 32,41 % = 4 893,91 → 4 893, limited to 2 093.
    // No förvärvsinkomst reduction (taxable ≤ 40 000). Public service 151.
    // Total = 4 893 + 2 800 − 2 800 − 2 093 + 151 = 2 951: the avgift itself is never offset.
    const t = incomeTax({ earned: 40000, other: 0, pensionable: 40000, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t).toMatchObject({ kommun: 3128, region: 1765, pensionsavgift: 2800, pensionCredit: 2800, jobbskatteavdrag: 2093, forvarvsReduction: 0, publicService: 151, total: 2951 });
  });

  it('charges a fee on taxable income that no reduction touches, and books it in state', () => {
    const base: TaxInput = { earned: 288000, other: 0, pensionable: 288000, kommunRate: 20.72, regionRate: 11.69 };
    const a = incomeTax(base, p25);
    const b = incomeTax({ ...base, feeRate: 1.16 }, p25);
    expect(b.fee).toBe(2937); // 253 200 × 1,16 % = 2 937,12
    expect(b.total - a.total).toBe(2937);
    expect(b.state - a.state).toBe(2937);
  });

  it('is zero without income', () => {
    expect(incomeTax({ earned: 0, other: 0, pensionable: 0, kommunRate: 20.72, regionRate: 11.69 }, p25)).toEqual(emptyTaxResult());
  });
});

describe('allocation: kommun and region get the full kommunal tax, state the rest', () => {
  it('kommun + region + state === total, for any incomes and rates', () => {
    const out = emptyTaxResult();
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1_500_000 }), fc.integer({ min: 0, max: 600_000 }), fc.boolean(),
      fc.integer({ min: 1500, max: 2500 }), fc.integer({ min: 0, max: 1300 }), fc.constantFrom(0, 1.16),
      (earned, other, otherPensionable, k, r, feeRate) => {
        const t = incomeTax({ earned, other, pensionable: earned + (otherPensionable ? other : 0), kommunRate: k / 100, regionRate: r / 100, feeRate }, p25, out);
        expect(t).toBe(out);
        expect(t.kommun + t.region + t.state).toBe(t.total);
        expect(t.kommun).toBe(Math.floor(t.taxableIncome * (k / 100) / 100 + 1e-6));
        expect(Number.isInteger(t.total)).toBe(true);
        expect(t.total).toBeGreaterThanOrEqual(0);
        expect(t.total).toBeLessThan(earned + other + 1);
      },
    ), { numRuns: 500, seed: 20251123 });
  });

  it('lets state be negative when the reductions exceed statlig skatt and avgifter', () => {
    const t = incomeTax({ earned: 288000, other: 0, pensionable: 288000, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t.state).toBeLessThan(0);
    expect(t.kommun + t.region + t.state).toBe(t.total);
  });
});

describe('published reference figures', () => {
  it('max jobbskatteavdrag 2025 at 32,41 % ≈ 3 941 kr/month', () => {
    // battreval.pages.dev: "upp till 3 941 kr per månad"; (2,776 × 58 800 − 17 300) × 32,41 % = 47 295,5 → 47 295.
    const t = incomeTax({ earned: 600000, other: 0, pensionable: 600000, kommunRate: 20.72, regionRate: 11.69 }, p25);
    expect(t.jobbskatteavdrag).toBe(47295);
    expect(Math.round(t.jobbskatteavdrag / 12)).toBe(3941);
  });

  it('max jobbskatteavdrag 2024 at 32,37 % ≈ 3 578 kr/month (Ekonomifakta)', () => {
    // (2,608 × 57 300 − 16 800) × 32,37 % = 42 935,05; 2024 still has the phase-out above 13,54 pbb.
    const p24 = taxYearParams(catalog, 2024);
    const r = taxRatesFor(catalog, 2024);
    expect(r.kommun + r.region).toBeCloseTo(32.37, 10);
    const jsa = (earned: number): number => incomeTax({ earned, other: 0, pensionable: earned, kommunRate: r.kommun, regionRate: r.region }, p24).jobbskatteavdrag;
    expect(jsa(600000)).toBe(42935);
    expect(Math.round(jsa(600000) / 12)).toBe(3578);
    // Phase-out: 3 % of AI above 13,54 × 57 300 = 775 842.
    expect(jsa(900000)).toBe(Math.floor(132638.4 * 0.3237 - 0.03 * (900000 - 775842)));
  });

  it('2026: SKV 433 examples and the Stockholm maximum (49 429 kr)', () => {
    const p26 = taxYearParams(catalog, 2026);
    // SKV 433 2026 (as quoted): grundavdrag FFI 120 000 → 37 400 and 324 000 → 31 600.
    expect(grundavdrag(120000, p26)).toBe(37400);
    expect(grundavdrag(324000, p26)).toBe(31600);
    // Jobbskatteavdrag at KI 32,84 (table 34 less 1,16): AI 90 000 → 11 976; AI 240 000 → 26 083.
    const jsa = (earned: number, k: number, r: number): number => incomeTax({ earned, other: 0, pensionable: earned, kommunRate: k, regionRate: r }, p26).jobbskatteavdrag;
    expect(jsa(90000, 32.84, 0)).toBe(11976);
    expect(jsa(240000, 32.84, 0)).toBe(26083);
    // Stockholm 2026 (18,22 + 12,33): (3,027 × 59 200 − 17 400) × 30,55 % = 49 429,41.
    expect(jsa(720000, 18.22, 12.33)).toBe(49429);
    expect(p26.publicServiceCap).toBe(1184);
    expect(incomeTax({ earned: 720000, other: 0, pensionable: 720000, kommunRate: 20.69, regionRate: 11.69 }, p26).pensionsavgift).toBe(47100);
  });
});

describe('performance', () => {
  it('runs 600 000 calls without allocating when given an output object', () => {
    const out = emptyTaxResult();
    const input: TaxInput = { earned: 0, other: 0, pensionable: 0, kommunRate: 20.72, regionRate: 11.69 };
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 600_000; i++) {
      input.earned = (i % 1000) * 700;
      input.pensionable = input.earned;
      input.other = (i % 7) * 10_000;
      sum += incomeTax(input, p25, out).total;
    }
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

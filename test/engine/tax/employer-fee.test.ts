/**
 * Arbetsgivaravgifter: the full rate and the date-bounded youth reductions
 * (params.skatt.arbetsgivaravgift, params.skatt.arbetsgivaravgift_unga). Age is the age at the turn
 * of the year: price year − birth year − 1.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../lib/catalog/load.js';
import { employerFeeParams, employerFeeRate } from '../../../lib/engine/tax/employer-fee.js';

const catalog = loadCatalog();
const ageAtTurnOfYear = (year: number, born: number): number => year - born - 1;

describe('employer fee', () => {
  it('is 31,42 % in full, on any wage, when no reduction is in force (2025)', () => {
    const p = employerFeeParams(catalog, 2025);
    expect(p).toEqual({ fullRate: 0.3142, youth: null });
    expect(employerFeeRate(p, 20, 20000)).toBe(0.3142);
    expect(employerFeeRate(p, undefined, 20000)).toBe(0.3142);
  });

  it('reduces the fee for 19–23-year-olds from 1 April 2026: 20,81 % up to 25 000 kr, full above', () => {
    const p = employerFeeParams(catalog, 2026); // read on 2026-07-01
    expect(p.youth).toEqual({ rate: 0.2081, wageCap: 25000, minAge: 18, maxAge: 22 });
    const born2005 = ageAtTurnOfYear(2026, 2005); // 20
    expect(employerFeeRate(p, born2005, 20000)).toBe(0.2081);
    expect(employerFeeRate(p, born2005, 25000)).toBe(0.2081);
    // 30 000 kr: (25 000 × 0,2081 + 5 000 × 0,3142) / 30 000 = (5 202,5 + 1 571) / 30 000 = 0,225783…
    expect(employerFeeRate(p, born2005, 30000)).toBeCloseTo(6773.5 / 30000, 12);
    // The band: born 2003–2007 in 2026 (fyllt 18 men inte 23 vid årets ingång).
    expect(employerFeeRate(p, ageAtTurnOfYear(2026, 2007), 20000)).toBe(0.2081); // 18
    expect(employerFeeRate(p, ageAtTurnOfYear(2026, 2003), 20000)).toBe(0.2081); // 22
    expect(employerFeeRate(p, ageAtTurnOfYear(2026, 2008), 20000)).toBe(0.3142); // 17
    expect(employerFeeRate(p, ageAtTurnOfYear(2026, 2002), 20000)).toBe(0.3142); // 23
    expect(employerFeeRate(p, undefined, 20000)).toBe(0.3142);
    expect(employerFeeRate(p, born2005, 0)).toBe(0.3142);
  });

  it('follows the dates of the reductions', () => {
    const youthOn = (date: string): number | null => employerFeeParams(catalog, Number(date.slice(0, 4)), date).youth?.rate ?? null;
    expect(youthOn('2023-01-01')).toBe(0.1973);
    expect(youthOn('2023-03-31')).toBe(0.1973);
    expect(youthOn('2023-04-01')).toBeNull();
    expect(youthOn('2025-07-01')).toBeNull();
    expect(youthOn('2026-03-31')).toBeNull();
    expect(youthOn('2026-04-01')).toBe(0.2081);
    expect(youthOn('2027-09-30')).toBe(0.2081);
    expect(youthOn('2027-10-01')).toBeNull();
  });

  it('uses the 2021–2023 reduction in the first quarter of 2023 (19,73 % up to 25 000 kr)', () => {
    // The full rate is catalogued from 2023; the reduction itself from 2021.
    const p = employerFeeParams(catalog, 2023, '2023-02-01');
    expect(employerFeeRate(p, ageAtTurnOfYear(2023, 2001), 40000)).toBeCloseTo((25000 * 0.1973 + 15000 * 0.3142) / 40000, 12);
  });
});

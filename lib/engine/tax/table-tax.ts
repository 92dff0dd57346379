/**
 * Skatteverket's monthly tax table, kolumn 1 (wage income, under 66), recomputed from the rules
 * of {@link incomeTax}. This is the external check of method §2: the engine's tax rules must
 * reproduce the published tables (test/engine/tax).
 *
 * SKV 433 (teknisk beskrivning för skattetabeller): the annual income is the top of the income
 * interval × 12, rounded down to whole 100 kr; the table number is the total kommunal rate
 * including an average 1,16 percentage points of begravnings- and kyrkoavgift, so the kommunal
 * skatt is charged at table − 1,16 and the 1,16 as a fee on the taxable income that no reduction
 * touches; the monthly deduction is the annual tax / 12, rounded down to whole kronor.
 * https://www.skatteverket.se/privat/skatter/arbeteochinkomst/skattetabeller/tekniskbeskrivningforskattetabeller.4.319dc1451507f2f99e86ee.html
 */
import { emptyTaxResult, incomeTax, type TaxInput } from './income-tax.js';
import type { TaxYearParams } from './tax-params.js';

/** Percentage points of the table number that are begravnings- and kyrkoavgift (SKV 433, 2025 and 2026). */
export const TABLE_FEE_POINTS = 1.16;

const scratch = emptyTaxResult();
const input: TaxInput = { earned: 0, other: 0, pensionable: 0, kommunRate: 0, regionRate: 0, feeRate: TABLE_FEE_POINTS };

/**
 * The monthly tax deduction (kr) of Skatteverket's table `table` (29–42), kolumn 1, for the income
 * interval whose top is `monthlyWageTop` kr/month, with the year's parameters `p`.
 */
export function monthlyTableTax(monthlyWageTop: number, table: number, p: TaxYearParams): number {
  const annual = Math.floor((monthlyWageTop * 12) / 100 + 1e-6) * 100;
  input.earned = annual;
  input.pensionable = annual;
  input.kommunRate = table - TABLE_FEE_POINTS;
  const t = incomeTax(input, p, scratch);
  return Math.floor(t.total / 12 + 1e-9);
}

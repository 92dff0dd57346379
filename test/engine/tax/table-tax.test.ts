/**
 * External check of the income-tax rules (method §2): Skatteverket's monthly tax tables, kolumn 1
 * (wage income, under 66), recomputed by monthlyTableTax from the catalogue's parameters.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../lib/catalog/load.js';
import { taxYearParams } from '../../../lib/engine/tax/tax-params.js';
import { monthlyTableTax } from '../../../lib/engine/tax/table-tax.js';

const catalog = loadCatalog();

/**
 * [table, from, to, tax kr/month]. Source: Skatteverket, Allmänna skattetabeller månadslön 2025,
 * kolumn 1 (open data, dataset "Skattetabeller", år 2025:
 * https://skatteverket.entryscape.net/rowstore/dataset/88320397-5c32-4c16-ae79-d36d95b17b95).
 * Selection, not cherry-picked: the 3 360 rows of tables 29–35 with incomes 2 001–80 000 kr,
 * sorted by table and income, every 61st row starting with the first (56 rows; 100 kr intervals
 * below 20 000 kr, 200 kr above). All 56 are matched exactly by the rule; so are all 6 734 rows of
 * tables 29–42 up to 80 000 kr (checked once outside the repository).
 */
const ROWS_2025: readonly (readonly [number, number, number, number])[] = [
  [29, 2001, 2100, 150], [29, 8101, 8200, 739], [29, 14201, 14300, 1850], [29, 20601, 20800, 3245],
  [29, 32801, 33000, 6103], [29, 45001, 45200, 9283], [29, 57201, 57400, 13583], [29, 69401, 69600, 19561],
  [30, 2801, 2900, 217], [30, 8901, 9000, 913], [30, 15001, 15100, 2055], [30, 22201, 22400, 3732],
  [30, 34401, 34600, 6701], [30, 46601, 46800, 10079], [30, 58801, 59000, 14821], [30, 71001, 71200, 20921],
  [31, 3601, 3700, 293], [31, 9701, 9800, 1096], [31, 15801, 15900, 2271], [31, 23801, 24000, 4252],
  [31, 36001, 36200, 7323], [31, 48201, 48400, 10907], [31, 60401, 60600, 16091], [31, 72601, 72800, 22313],
  [32, 4401, 4500, 369], [32, 10501, 10600, 1289], [32, 16601, 16700, 2542], [32, 25401, 25600, 4802],
  [32, 37601, 37800, 7972], [32, 49801, 50000, 11767], [32, 62001, 62200, 17393], [32, 74201, 74400, 23737],
  [33, 5201, 5300, 442], [33, 11301, 11400, 1491], [33, 17401, 17500, 2826], [33, 27001, 27200, 5379],
  [33, 39201, 39400, 8645], [33, 51401, 51600, 12659], [33, 63601, 63800, 18727], [33, 75801, 76000, 25193],
  [34, 6001, 6100, 506], [34, 12101, 12200, 1704], [34, 18201, 18300, 3123], [34, 28601, 28800, 5980],
  [34, 40801, 41000, 9435], [34, 53001, 53200, 13583], [34, 65201, 65400, 20093], [34, 77401, 77600, 26680],
  [35, 6801, 6900, 593], [35, 12901, 13000, 1926], [35, 19001, 19100, 3433], [35, 30201, 30400, 6608],
  [35, 42401, 42600, 10269], [35, 54601, 54800, 14780], [35, 66801, 67000, 21490], [35, 79001, 79200, 28200],
];

/**
 * Anchors quoted in the project's reference notes (same Skatteverket 2025 tables): the 24 801–25 000
 * column of tables 29–35, the table 32 rows printed there, and an independent press quote
 * ("25 500 kronor … skattetabell 33 … omkring 4 950 kronor", fretagsledarskap.se).
 */
const ANCHORS_2025: readonly (readonly [number, number, number, number])[] = [
  [29, 24801, 25000, 4217], [30, 24801, 25000, 4360], [31, 24801, 25000, 4503], [32, 24801, 25000, 4646],
  [33, 24801, 25000, 4789], [34, 24801, 25000, 4932], [35, 24801, 25000, 5075],
  [32, 9901, 10000, 1169], [32, 39801, 40000, 8567], [32, 59801, 60000, 16249], [32, 79801, 80000, 26649],
  [33, 25401, 25600, 4950],
];

describe('Skatteverket monthly tables 2025, kolumn 1', () => {
  const p = taxYearParams(catalog, 2025);

  it('has a spread-out sample of at least 40 rows over tables 29–35 and 2 000–80 000 kr', () => {
    expect(ROWS_2025.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ROWS_2025.map((r) => r[0]))).toEqual(new Set([29, 30, 31, 32, 33, 34, 35]));
    expect(Math.min(...ROWS_2025.map((r) => r[1]))).toBeLessThanOrEqual(2100);
    expect(Math.max(...ROWS_2025.map((r) => r[2]))).toBeGreaterThanOrEqual(79000);
  });

  it('matches every sampled row within ±1 kr (all 56 exactly)', () => {
    let exact = 0;
    for (const [table, from, to, tax] of ROWS_2025) {
      const got = monthlyTableTax(to, table, p);
      expect(Math.abs(got - tax), `table ${table}, ${from}–${to}: got ${got}, table ${tax}`).toBeLessThanOrEqual(1);
      if (got === tax) exact++;
    }
    expect(exact).toBe(ROWS_2025.length);
  });

  it('matches the anchors of the reference notes exactly', () => {
    for (const [table, from, to, tax] of ANCHORS_2025) expect(monthlyTableTax(to, table, p), `table ${table}, ${from}–${to}`).toBe(tax);
  });

  it('gives nothing below the lowest interval (1–2 000 kr: 0 kr)', () => {
    for (const table of [29, 32, 35]) expect(monthlyTableTax(2000, table, p)).toBe(0);
  });
});

describe('Skatteverket monthly table 34, kolumn 1, 2026 (secondary quote)', () => {
  /**
   * [annual wage, monthly deduction] for the intervals whose top × 12 is the annual wage, as quoted
   * from Skatteverket's 2026 table file (https://www.skatteverket.se/download/18.1522bf3f19aea8075ba5af/1765287119989/allmanna-tabeller-manad.txt)
   * in a public review note that reproduced all 481 rows of table 34. They check the 2026
   * parameters (jobbskatteavdrag 25,1 % / 3,027 pbb, public service-avgift 1 184 kr, skiktgräns 643 000).
   */
  const ROWS_2026: readonly (readonly [number, number])[] = [
    [150000, 1761], [180000, 2284], [240000, 3491], [300000, 4760], [360000, 6054], [480000, 8652], [600000, 12052], [720000, 16446],
  ];
  it('reproduces the quoted rows exactly', () => {
    const p = taxYearParams(catalog, 2026);
    for (const [annual, tax] of ROWS_2026) expect(monthlyTableTax(annual / 12, 34, p), `${annual}`).toBe(tax);
  });
});

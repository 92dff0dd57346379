/**
 * Dated financing keys (issue 12 item 8, method §5): esf_finsam covers the ESF+ programme period
 * 2021-01-01 – 2027-12-31. Project year y is calendar year startYear + y − 1 (startYear defaults to
 * the price year) and is covered when its 1 July lies in the period; outside it is an error.
 */
import { describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../lib/catalog/load.js';
import { parseCatalog } from '../../lib/catalog/parse.js';
import { validateProject } from '../../lib/model/project.js';
import { calculate } from '../../lib/calculate.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const person = { id: 'a', fore: { lines: [{ item: 'test.bidrag', months: 12 }] }, efter: { lines: [] } };
const check = (cost: Record<string, unknown>) => validateProject({ name: 'T', priceYear: 2025, cost, participants: [person] }, catalog, 'projekt.yaml');
const years = (n: number) => Array.from({ length: n }, (_, i) => ({ year: i + 1, amount: 100_000 }));

describe('dated financing keys', () => {
  it('reads the period from the catalogue', () => {
    expect(catalog.financing.get('esf_finsam')).toMatchObject({ from: '2021-01-01', to: '2027-12-31' });
  });

  it('accepts cost years inside the period (2025–2027 from price year 2025)', () => {
    expect(check({ byYear: years(3), financing: 'esf_finsam' }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses a cost year after the period, naming the year, the key and the period', () => {
    // Year 4 = 2025 + 4 − 1 = 2028; 2028-07-01 > 2027-12-31.
    const r = check({ byYear: years(4), financing: 'esf_finsam' });
    expect(r.project).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ path: 'cost.financing', value: 'esf_finsam' });
    expect(r.problems[0].sv).toBe('finansieringsnyckeln esf_finsam gäller 2021-01-01–2027-12-31, men kostnadsår 4 är 2028 (startår 2025); ge det året en annan nyckel i byYear, eller ange cost.startYear');
  });

  it('takes the start year from cost.startYear, and a year\'s own key outside the period', () => {
    expect(check({ byYear: years(4), financing: 'esf_finsam', startYear: 2022 }).project).toBeDefined();
    const own = [...years(3), { year: 4, amount: 100_000, financing: 'finsam' }];
    const p = makeProject({ cost: { byYear: own, financing: 'esf_finsam' }, participants: [person] });
    // ESF (övrig stat) 40 % of years 1–3 only: 0.4 × 300 000 = 120 000; FK 0.3 × 300 000 + 0.5 × 100 000 = 140 000.
    const r = calculate(p, catalog);
    expect(r.actors.ovrigStat.cost).toBeCloseTo(120_000, 6);
    expect(r.actors.fk.cost).toBeCloseTo(140_000, 6);
  });

  it('refuses a period that ends before it begins', () => {
    const files = readCatalogFiles();
    const bad = files['financing/esf_finsam.yaml'].replace('to: 2027-12-31', 'to: 2020-12-31');
    expect(() => parseCatalog({ ...files, 'financing/esf_finsam.yaml': bad })).toThrow(/esf_finsam.yaml: to: the period ends before it begins/);
  });
});

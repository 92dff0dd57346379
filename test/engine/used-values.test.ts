/**
 * Every result lists the catalogue values it rests on for that project (issue 11, item 6): the
 * kommunal tax rate a participant is taxed at — own kommun, the project's taxRates or the national
 * average — is listed, and the others are not.
 */
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { toResultJson } from '../../lib/report/result-json.js';
import { makeProject, person, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const job = { item: 'arbete.osubventionerad_anstallning', months: 12, wage: 25000 };
const ids = (r: ReturnType<typeof calculate>) => r.used.map((u) => u.id);

describe('the estimates a result rests on are the project\'s own', () => {
  it('a participant in Kristinehamn: the per-kommun table, not the average', () => {
    const r = calculate(makeProject({ participants: [person([], [job], { attributes: { kommun: 'Kristinehamn' } })] }), catalog);
    expect(ids(r)).toContain('params.skatt.kommunalskatt_per_kommun');
    expect(ids(r)).not.toContain('params.skatt.kommunalskatt_medel');
    // kommunalskatt_medel 2025 is an estimate (its kommun/region split); it must not be named.
    expect(toResultJson(r).warnings.join('\n')).not.toContain('kommunalskatt_medel');
  });

  it('no kommun: the national average (an estimate for 2025) is listed', () => {
    const r = calculate(makeProject({ participants: [person([], [job])] }), catalog);
    expect(ids(r)).toContain('params.skatt.kommunalskatt_medel');
    expect(ids(r)).not.toContain('params.skatt.kommunalskatt_per_kommun');
    expect(r.estimates.map((e) => e.id)).toContain('params.skatt.kommunalskatt_medel');
  });

  it('the project\'s own taxRates: neither catalogue rate', () => {
    const r = calculate(makeProject({ taxRates: { kommun: 22, region: 12 }, participants: [person([], [job])] }), catalog);
    expect(ids(r)).not.toContain('params.skatt.kommunalskatt_medel');
    expect(ids(r)).not.toContain('params.skatt.kommunalskatt_per_kommun');
  });
});

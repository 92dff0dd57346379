/**
 * Follow-up years (method §5.1, issue 11 item 2): a participant observed in years 1, 2 and/or 3.
 * Hand-worked case with exact kronor, the rule's edge cases, and fast-check properties: with only
 * year-1 observations nothing changes; equal observations ≡ one observation; the stream is the
 * sum of every participant's own stream.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { validateProject } from '../../lib/model/project.js';
import { toResultJson } from '../../lib/report/result-json.js';
import { yearlyStream } from '../../lib/results/horizon.js';
import { subgroupTables } from '../../lib/results/subgroups.js';
import { priceProject } from '../../lib/engine/price.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const bidrag = (months: number) => ({ item: 'test.bidrag', months });
const vard = (months: number, perMonth: number) => ({ item: 'test.vard', months, perMonth });
const kr = (x: number) => Math.round(x * 100) / 100;

describe('hand-worked: observations in year 1 and year 3 (method §5.1 example)', () => {
  // Före: 12 months of test.bidrag (kommun → individ 10 000 kr/mån) and 2 visits/month of test.vard
  // (region, 1 000 kr/besök): kommun −120 000 kr/år, region −24 000 kr/år.
  // Efter år 1: 6 months bidrag, 1 visit/month → kommun −60 000, region −12 000.
  // Efter år 3: no bidrag, 0,5 visits/month → kommun 0, region −6 000. Year 2 not observed.
  // Horizon 5 years, r = 3,5 %, avklingning 10 % (after the last observation, year 3 only).
  // Cost 60 000 kr by finsam: fk 30 000, region 15 000, kommun 15 000.
  //
  // Kommun Δ_t: 60 000 (år 1), 60 000 (år 2 = år 1 carried forward), 120 000 (år 3),
  //   120 000 × 0,9 = 108 000 (år 4), 120 000 × 0,81 = 97 200 (år 5).
  //   Discounted: 60 000; 60 000/1,035 = 57 971,01; 120 000/1,035² = 112 021,28;
  //   108 000/1,035³ = 97 409,81; 97 200/1,035⁴ = 84 704,18. Σ = 412 106,30.
  //   Payback: 12 × 15 000 / 60 000 = 3,0 months; simpleMonths on the lasting 120 000: 1,5.
  // Region Δ_t: 12 000, 12 000, 18 000, 16 200, 14 580 → 12 000; 11 594,20; 16 803,19;
  //   14 611,47; 12 705,63. Σ = 67 714,50. Payback: 12 000 in year 1, 3 000 of 11 594,20 in
  //   year 2 → 12 + 12 × 3 000 / 11 594,20 = 15,105 → 15,2 months.
  // Samhället = region's real saving (bidrag is a transfer): Σ = 67 714,50, cost 60 000, net
  //   7 714,50. Cumulative after year 4 = 55 008,87; 4 991,13 of 12 705,63 in year 5 →
  //   48 + 4,714 = 52,714 → 52,8 months; simpleMonths 12 × 60 000 / 18 000 = 40,0.
  const raw = {
    name: 'Uppföljning år 1 och 3', priceYear: 2025, horizonYears: 5, discountRate: 0.035, dropOff: 0.1,
    cost: { total: 60000, financing: 'finsam' },
    participants: [{
      id: 'a',
      fore: { lines: [bidrag(12), vard(12, 2)] },
      efter: { lines: [bidrag(6), vard(12, 1)] },
      efter3: { lines: [vard(12, 0.5)] },
    }],
  };
  const r = calculate(makeProject(raw), catalog);

  it('gives the stream, benefit and payback worked out by hand, to the öre', () => {
    expect(r.actors.kommun.yearly.map(kr)).toEqual([60000, 57971.01, 112021.28, 97409.81, 84704.18]);
    expect(kr(r.actors.kommun.horizons['5'].benefit)).toBe(412106.3);
    expect(r.actors.kommun.horizons['1'].benefit).toBe(60000);
    expect(r.actors.kommun.payback).toEqual({ status: 'months', months: 3, simpleMonths: 1.5 });
    expect(r.actors.region.yearly.map(kr)).toEqual([12000, 11594.2, 16803.19, 14611.47, 12705.63]);
    expect(kr(r.actors.region.horizons['5'].benefit)).toBe(67714.5);
    expect(r.actors.region.payback).toEqual({ status: 'months', months: 15.2, simpleMonths: 10 });
    expect(kr(r.groups.samhallet.horizons['5'].net)).toBe(7714.5);
    expect(r.groups.samhallet.payback).toEqual({ status: 'months', months: 52.8, simpleMonths: 40 });
    expect(r.actors.individ.payback.status).toBe('never');
  });

  it('keeps the annual effect and categories of year 1, and shows the observed years', () => {
    expect(r.actors.kommun.annualEffect).toBe(60000);
    expect(r.actors.kommun.effectByYear).toEqual([60000, 60000, 120000]);
    expect(r.followUpYears).toEqual({ '1': 1, '3': 1 });
    const json = toResultJson(r);
    expect(json.followUpYears).toEqual({ '1': 1, '3': 1 });
    expect(json.actors.region.effectByYear).toEqual([12000, 12000, 18000]);
  });
});

describe('the rule', () => {
  it('a missing year 1 counts as före: no effect before the first observation', () => {
    // Only efter2: kommun Δ = 0 in year 1, 120 000 from year 2 (r = 0, no avklingning).
    const r = calculate(makeProject({ participants: [{ id: 'a', fore: { lines: [bidrag(12)] }, efter2: { lines: [] } }] }), catalog);
    expect(r.actors.kommun.yearly).toEqual([0, 120000, 120000, 120000, 120000]);
    expect(r.actors.kommun.annualEffect).toBe(0);
    expect(r.followUpYears).toEqual({ '2': 1 });
  });

  it('each participant is carried forward from its own last year; the others keep the NyttoSam path', () => {
    // a: years 1–2 observed (60 000, 120 000), b: year 1 only (30 000). Avklingning 50 %:
    // a: 60 000, 120 000, 60 000, 30 000, 15 000; b: 30 000, 15 000, 7 500, 3 750, 1 875.
    const r = calculate(makeProject({
      dropOff: 0.5,
      participants: [
        { id: 'a', fore: { lines: [bidrag(12)] }, efter: { lines: [bidrag(6)] }, efter2: { lines: [] } },
        { id: 'b', fore: { lines: [bidrag(12)] }, efter: { lines: [bidrag(9)] } },
      ],
    }), catalog);
    expect(r.actors.kommun.yearly).toEqual([90000, 135000, 67500, 33750, 16875]);
    expect(r.actors.kommun.effectByYear).toEqual([90000, 135000]);
    expect(r.followUpYears).toEqual({ '1': 2, '2': 1 });
  });
});

describe('subgroups', () => {
  it('a subgroup holding everyone has the project\'s net over 1 and 5 years, follow-up years included', () => {
    // Three participants of one kön (threshold 3): the kön row is the whole project.
    const project = makeProject({
      disclosureThreshold: 3, dropOff: 0.2, discountRate: 0.035, deadweight: 0.1, cost: { total: 90000, financing: 'finsam' },
      participants: [
        { id: 'a', attributes: { kon: 'K' }, fore: { lines: [bidrag(12), vard(12, 2)] }, efter: { lines: [bidrag(6)] }, efter3: { lines: [vard(12, 0.5)] } },
        { id: 'b', attributes: { kon: 'K' }, fore: { lines: [bidrag(12)] }, efter2: { lines: [bidrag(3)] } },
        { id: 'c', attributes: { kon: 'K' }, fore: { lines: [bidrag(12)] }, efter: { lines: [bidrag(9)] } },
      ],
    });
    const ledger = priceProject(project, catalog);
    const r = calculate(project, catalog);
    const row = subgroupTables(ledger, r, project).find((t) => t.dimension === 'kon')!.rows.find((x) => x.key === 'K')!;
    for (const h of ['1', '5']) {
      for (const id of ['kommun', 'region', 'individ']) expect(row.net![h][id]).toBeCloseTo(r.actors[id].horizons[h].net, 4);
      expect(row.net![h].samhallet).toBeCloseTo(r.groups.samhallet.horizons[h].net, 4);
    }
  });
});

describe('input errors', () => {
  const check = (participant: Record<string, unknown>) =>
    validateProject({ name: 'T', priceYear: 2025, cost: { total: 0, financing: 'finsam' }, participants: [participant] }, catalog, 'projekt.yaml').problems.filter((p) => p.severity === 'error');

  it('year 4 or 0 is refused naming the key', () => {
    for (const k of ['efter4', 'efter0', 'efter_tva']) {
      const e = check({ id: 'a', fore: { lines: [] }, efter: { lines: [] }, [k]: { lines: [] } });
      expect(e).toHaveLength(1);
      expect(e[0]).toMatchObject({ file: 'projekt.yaml', path: `participants[0].${k}`, value: k });
      expect(e[0].sv).toContain('efter2 eller efter3');
    }
  });

  it('year 1 given twice (efter and efter1) is refused', () => {
    const e = check({ id: 'a', fore: { lines: [] }, efter: { lines: [] }, efter1: { lines: [] } });
    expect(e[0]).toMatchObject({ path: 'participants[0].efter1' });
    expect(e[0].sv).toContain('två gånger');
  });

  it('a comparison group with later years is refused', () => {
    const r = validateProject({
      name: 'T', priceYear: 2025, cost: { total: 0, financing: 'finsam' },
      participants: [{ id: 'a', fore: { lines: [] }, efter: { lines: [] } }],
      comparison: { participants: [{ id: 'c', fore: { lines: [] }, efter: { lines: [] }, efter2: { lines: [] } }] },
    }, catalog, 'projekt.yaml');
    expect(r.problems.find((p) => p.severity === 'error')).toMatchObject({ path: 'comparison.participants[0].efter2' });
  });
});

// Properties over random participants of round test items (bidrag, taxable bidrag, visits).
const line = fc.record({
  item: fc.constantFrom('test.bidrag', 'test.skattebidrag', 'test.vard'),
  months: fc.integer({ min: 1, max: 12 }),
  perMonth: fc.constantFrom(0.5, 1, 2),
});
const lines = fc.array(line, { maxLength: 3 });
const options = fc.record({ dropOff: fc.constantFrom(0, 0.1, 0.5), discountRate: fc.constantFrom(0, 0.035), deadweight: fc.constantFrom(0, 0.25), cost: fc.integer({ min: 0, max: 500000 }) });
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));

describe('properties', () => {
  it('only year-1 observations (efter or efter1) give exactly today\'s result', () => {
    fc.assert(fc.property(fc.array(fc.tuple(lines, lines), { minLength: 1, maxLength: 4 }), options, (ps, o) => {
      const base = { dropOff: o.dropOff, discountRate: o.discountRate, deadweight: o.deadweight, cost: { total: o.cost, financing: 'finsam' } };
      const a = calculate(makeProject({ ...base, participants: ps.map(([f, e], i) => ({ id: `p${i}`, fore: { lines: f }, efter: { lines: e } })) }), catalog);
      const b = calculate(makeProject({ ...base, participants: ps.map(([f, e], i) => ({ id: `p${i}`, fore: { lines: f }, efter1: { lines: e } })) }), catalog);
      expect(b).toEqual(a);
      expect(a.followUpYears).toBeUndefined();
    }), { numRuns: 30 });
  });

  it('the same observation in years 1–3 ≡ one observation when nothing decays; with avklingning it starts after year 3', () => {
    fc.assert(fc.property(fc.array(fc.tuple(lines, lines), { minLength: 1, maxLength: 3 }), options, (ps, o) => {
      const base = { dropOff: o.dropOff, discountRate: o.discountRate, deadweight: o.deadweight, cost: { total: o.cost, financing: 'finsam' } };
      const one = calculate(makeProject({ ...base, participants: ps.map(([f, e], i) => ({ id: `p${i}`, fore: { lines: f }, efter: { lines: e } })) }), catalog);
      const three = calculate(makeProject({ ...base, participants: ps.map(([f, e], i) => ({ id: `p${i}`, fore: { lines: f }, efter: { lines: e }, efter2: { lines: e }, efter3: { lines: e } })) }), catalog);
      for (const id of Object.keys(one.actors)) {
        const d = one.actors[id].annualEffect;
        const expected = yearlyStream([d, d, d], { years: 5, dropOff: o.dropOff, discountRate: o.discountRate });
        three.actors[id].yearly.forEach((y, t) => close(y, expected[t]));
        if (o.dropOff === 0) three.actors[id].yearly.forEach((y, t) => close(y, one.actors[id].yearly[t]));
        close(three.actors[id].annualEffect, d);
      }
    }), { numRuns: 30 });
  });

  it('the stream is the sum of every participant\'s own stream', () => {
    const years = fc.subarray([1, 2, 3], { minLength: 1 });
    fc.assert(fc.property(fc.array(fc.tuple(lines, lines, lines, lines, years), { minLength: 1, maxLength: 4 }), options, (ps, o) => {
      const base = { dropOff: o.dropOff, discountRate: o.discountRate, deadweight: o.deadweight };
      const person = ([f, e1, e2, e3, ys]: (typeof ps)[number], i: number) => {
        const p: Record<string, unknown> = { id: `p${i}`, fore: { lines: f } };
        const sits = [e1, e2, e3];
        for (const y of ys) p[y === 1 ? 'efter' : `efter${y}`] = { lines: sits[y - 1] };
        return p;
      };
      const all = calculate(makeProject({ ...base, participants: ps.map(person) }), catalog);
      const alone = ps.map((p, i) => calculate(makeProject({ ...base, participants: [person(p, i)] }), catalog));
      for (const id of Object.keys(all.actors)) {
        all.actors[id].yearly.forEach((y, t) => close(y, alone.reduce((s, r) => s + r.actors[id].yearly[t], 0)));
      }
      for (const id of Object.keys(all.groups)) {
        all.groups[id].yearly.forEach((y, t) => close(y, alone.reduce((s, r) => s + r.groups[id].yearly[t], 0)));
      }
    }), { numRuns: 30 });
  });
});

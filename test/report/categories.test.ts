/**
 * Effects by category (issue 11, item 4): the results JSON carries each actor's annual effect by
 * category, `calc --per-kategori` prints it, and the parts sum to the actor's effect — exactly in
 * the engine, to the öre in the JSON (largest-remainder rounding), over random projects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { CATEGORIES } from '../../lib/vocabulary.js';
import { roundParts } from '../../lib/report/format.js';
import { toResultJson } from '../../lib/report/result-json.js';
import { categoryTable } from '../../lib/report/summary-table.js';
import { makeProject, person, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();

describe('effects by category: a hand-worked case', () => {
  // Före: 2 besök/mån × 12 at 1 000 kr (test.vard, region, real) and the 200 kr fee per besök
  // (test.avgift, individ → region). Efter: 0,5 besök/mån.
  //   region real:   −24 000 → −6 000, Δ +18 000 (the region's care costs fall by 18 000 kr/år)
  //   region avgift: +4 800 → +1 200,  Δ −3 600 (fees it no longer collects)
  //   region total Δ = 18 000 − 3 600 = 14 400; individ avgift Δ = +3 600; samhället = 18 000.
  const p = makeProject({ participants: [person(
    [{ item: 'test.vard', months: 12, perMonth: 2 }, { item: 'test.avgift', months: 12, perMonth: 2 }],
    [{ item: 'test.vard', months: 12, perMonth: 0.5 }, { item: 'test.avgift', months: 12, perMonth: 0.5 }],
  )] });
  const r = calculate(p, catalog);

  it('the engine decomposes the region', () => {
    expect(r.actors.region.byCategory.real.delta).toBe(18000);
    expect(r.actors.region.byCategory.avgift.delta).toBe(-3600);
    expect(r.actors.region.annualEffect).toBe(14400);
    expect(r.actors.individ.byCategory.avgift.delta).toBe(3600);
  });

  it('the results JSON carries byCategory per actor and group', () => {
    const j = toResultJson(r);
    expect(j.actors.region.byCategory).toEqual({ ersattning: 0, subvention: 0, avgift: -3600, skatt: 0, real: 18000, produktion: 0, insats: 0 });
    expect(j.groups.samhallet.byCategory.real).toBe(18000);
    expect(j.groups.samhallet.byCategory.avgift).toBe(0); // the fee moves between actors only
  });

  it('calc --per-kategori prints the region\'s care change as a line', () => {
    const out = categoryTable(r, 'sv');
    expect(out).toMatch(/Regionen\s+Avgifter\s+4 800\s+1 200\s+−3 600/);
    expect(out).toMatch(/\n\s+Reala resurser\s+−24 000\s+−6 000\s+18 000/);
    expect(out).toMatch(/\n\s+Summa\s+−19 200\s+−4 800\s+14 400/);
    expect(categoryTable(r, 'en')).toMatch(/Region \(healthcare\)\s+Fees\s+4,800\s+1,200\s+−3,600/);
  });
});

describe('roundParts', () => {
  it('keeps the rounded total: three parts of 0,004 kr sum to 0,01 kr, not 0', () => {
    expect(roundParts([0.004, 0.004, 0.004], 2)).toEqual([0.01, 0, 0]);
  });
  it('rounds a negative total half away from zero, as the JSON total', () => {
    // −0,005 − 0,0 → roundTo gives −0,01; floors −1 öre and 0 → −1 öre.
    expect(roundParts([-0.005, 0], 2)).toEqual([-0.01, 0]);
  });
  it('sums to roundTo(total) for any parts', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 8 }), (parts) => {
      const total = parts.reduce((s, x) => s + x, 0);
      const oere = roundParts(parts, 2).reduce((s, x) => s + Math.round(x * 100), 0);
      const expected = Math.sign(total) * Math.round(Math.abs(total) * 100);
      expect(oere).toBe(expected === 0 ? 0 : expected);
    }), { numRuns: 300 });
  });
});

// Random projects over transfer, real and wage items (as in test/engine/invariants.test.ts).
const items = ['test.bidrag', 'test.skattebidrag', 'test.avgift', 'kommun.forsorjningsstod', 'fk.sjukersattning', 'af.aktivitetsstod',
  'test.vard', 'region.primarvard_besok', 'kommun.boendestod', 'arbete.osubventionerad_anstallning', 'af.lonebidrag', 'af.nystartsjobb'];
const line = fc.record({
  item: fc.constantFrom(...items),
  months: fc.integer({ min: 1, max: 12 }),
  perMonth: fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: undefined }),
  wage: fc.option(fc.integer({ min: 15000, max: 60000 }), { nil: undefined }),
}).map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)));
const project = fc.record({
  participants: fc.array(fc.record({
    weight: fc.integer({ min: 0, max: 20 }), fodelsear: fc.integer({ min: 1960, max: 2005 }),
    fore: fc.array(line, { maxLength: 4 }), efter: fc.array(line, { maxLength: 4 }),
  }), { minLength: 1, maxLength: 5 }),
  deadweight: fc.constantFrom(0, 0.25, 0.5),
  comparison: fc.boolean(),
}).map((r) => makeProject({
  participants: r.participants.map((p, i) => ({ id: `p${i}`, weight: p.weight, attributes: { fodelsear: p.fodelsear }, fore: { lines: p.fore }, efter: { lines: p.efter } })),
  comparison: r.comparison ? { participants: [{ id: 'j', weight: 1, fore: { lines: r.participants[0].efter }, efter: { lines: r.participants[0].fore } }] } : undefined,
  deadweight: r.deadweight,
}));

describe('effects by category: property over random projects', () => {
  it('each actor\'s categories sum to its annual effect (engine exactly; JSON to the öre)', () => {
    fc.assert(fc.property(project, (p) => {
      const r = calculate(p, catalog);
      const j = toResultJson(r);
      for (const [id, a] of Object.entries(r.actors)) {
        // Same summation order as the engine: exact.
        expect(CATEGORIES.reduce((s, c) => s + a.byCategory[c].delta, 0)).toBe(a.annualEffect);
        const oere = CATEGORIES.reduce((s, c) => s + Math.round(j.actors[id].byCategory[c] * 100), 0);
        expect(oere).toBe(Math.round(j.actors[id].annualEffect * 100));
      }
      for (const [id, g] of Object.entries(r.groups)) {
        const sum = CATEGORIES.reduce((s, c) => s + g.byCategory[c].delta, 0);
        expect(Math.abs(sum - g.annualEffect)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(g.fore) + Math.abs(g.efter)));
        const oere = CATEGORIES.reduce((s, c) => s + Math.round(j.groups[id].byCategory[c] * 100), 0);
        expect(oere).toBe(Math.round(j.groups[id].annualEffect * 100));
      }
    }), { numRuns: 60 });
  });
});

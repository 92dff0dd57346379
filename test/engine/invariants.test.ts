/**
 * Property tests (fast-check) for the ledger's invariants (method §2, §5):
 * transfers net to zero; samhället = Σ actors = Δproduction − Δreal − cost; results scale
 * linearly with weights; payback is monotone in cost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { priceProject } from '../../lib/engine/price.js';
import { payback } from '../../lib/results/horizon.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();

const transferItems = ['test.bidrag', 'test.skattebidrag', 'kommun.forsorjningsstod', 'fk.sjukersattning', 'fk.aktivitetsersattning', 'af.aktivitetsstod', 'af.utvecklingsersattning', 'csn.studiemedel', 'akassa.arbetsloshetsersattning', 'fk.sjukpenning', 'fk.bostadstillagg', 'test.avgift'];
const realItems = ['test.vard', 'region.primarvard_besok', 'region.psykiatri_oppenvard_besok', 'kommun.boendestod', 'kommun.handlaggning_forsorjningsstod', 'af.handlaggning'];
const wageItems = ['arbete.osubventionerad_anstallning', 'af.lonebidrag', 'af.nystartsjobb'];

const line = (items: string[]) => fc.record({
  item: fc.constantFrom(...items),
  months: fc.integer({ min: 1, max: 12 }),
  perMonth: fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: undefined }),
  extent: fc.option(fc.constantFrom(0.25, 0.5, 0.75, 1), { nil: undefined }),
  wage: fc.option(fc.integer({ min: 15000, max: 60000 }), { nil: undefined }),
}).map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)));

const participant = (items: string[]) => fc.record({
  weight: fc.integer({ min: 0, max: 20 }),
  fodelsear: fc.integer({ min: 1960, max: 2008 }),
  fore: fc.array(line(items), { maxLength: 5 }),
  efter: fc.array(line(items), { maxLength: 5 }),
}).map((p, ) => ({ weight: p.weight, attributes: { fodelsear: p.fodelsear }, fore: { lines: p.fore }, efter: { lines: p.efter } }));

const project = (items: string[]) => fc.record({
  participants: fc.array(participant(items), { minLength: 1, maxLength: 6 }),
  cost: fc.integer({ min: 0, max: 2_000_000 }),
  deadweight: fc.constantFrom(0, 0.25, 0.5),
  dropOff: fc.constantFrom(0, 0.1),
  discountRate: fc.constantFrom(0, 0.035),
}).map((r) => makeProject({
  participants: r.participants.map((p, i) => ({ id: `p${i}`, ...p })),
  cost: { total: r.cost, financing: 'finsam' }, deadweight: r.deadweight, dropOff: r.dropOff, discountRate: r.discountRate,
}));

const close = (a: number, b: number, scale = 1) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(scale)));

describe('ledger invariants', () => {
  it('transfers (and the taxes on them) net to zero across actors', () => {
    fc.assert(fc.property(project(transferItems), (p) => {
      const r = calculate(p, catalog);
      close(r.groups.samhallet.annualEffect, 0, r.actors.individ.fore);
    }), { numRuns: 60 });
  });

  it('samhället = Σ actors = (Δproduction − Δreal) × (1 − dödvikt), and net = Σ yearly − cost', () => {
    fc.assert(fc.property(project([...transferItems, ...realItems, ...wageItems]), (p) => {
      const r = calculate(p, catalog);
      const l = priceProject(p, catalog);
      const sumActors = Object.values(r.actors).reduce((s, a) => s + a.annualEffect, 0);
      const expected = (l.participants.productionEfter - l.participants.productionFore - (l.participants.realEfter - l.participants.realFore)) * (1 - p.deadweight);
      const scale = l.participants.productionEfter + l.participants.productionFore + l.participants.realFore + l.participants.realEfter;
      close(r.groups.samhallet.annualEffect, sumActors, scale);
      close(r.groups.samhallet.annualEffect, expected, scale);
      const H = String(p.horizonYears);
      const netSum = Object.values(r.actors).reduce((s, a) => s + a.horizons[H].net, 0);
      close(r.groups.samhallet.horizons[H].net, netSum, scale + p.cost.total!);
      close(r.groups.samhallet.cost, p.cost.total!, p.cost.total!);
    }), { numRuns: 60 });
  });

  it('results scale linearly with weights', () => {
    fc.assert(fc.property(project([...transferItems, ...realItems, ...wageItems]), fc.integer({ min: 2, max: 7 }), (p, k) => {
      const r1 = calculate(p, catalog);
      const scaled = { ...p, participants: p.participants.map((x) => ({ ...x, weight: x.weight * k })) };
      const rk = calculate(scaled, catalog);
      for (const a of Object.keys(r1.actors)) close(rk.actors[a].annualEffect, k * r1.actors[a].annualEffect, k * Math.abs(r1.actors[a].fore) + 1);
      close(rk.participants, k * r1.participants);
    }), { numRuns: 40 });
  });
});

describe('payback', () => {
  it('is monotone in cost: a larger cost never pays back sooner', () => {
    // Amounts in öre-precision kronor, as the engine produces them.
    const kronor = fc.integer({ min: 0, max: 100_000_000 }).map((x) => x / 100);
    const stream = fc.array(kronor, { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(kronor, kronor, stream, (c1, c2, yearly) => {
      const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
      const annual = yearly[0];
      const a = payback(lo, annual, yearly), b = payback(hi, annual, yearly);
      const rank = (x: ReturnType<typeof payback>) => (x.status === 'noCost' ? 0 : x.status === 'months' ? 1 + x.months! : x.status === 'beyondHorizon' ? 1e9 : 2e9);
      if (lo > 0) expect(rank(a)).toBeLessThanOrEqual(rank(b));
      if (a.simpleMonths !== null && b.simpleMonths !== null) expect(a.simpleMonths).toBeLessThanOrEqual(b.simpleMonths);
    }), { numRuns: 300 });
  });
});

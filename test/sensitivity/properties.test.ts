/**
 * Properties over random toy projects: switching values and break-even shares make the engine's
 * H-year net zero (within 1 kr) when priced afresh, and a share just below does not pay back.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '../../lib/results/evaluate.js';
import type { Project } from '../../lib/model/types.js';
import { breakEven, resolveBreakEvenTarget, splitProject } from '../../lib/sensitivity/break-even.js';
import { catalogRepricer } from '../../lib/sensitivity/prepare.js';
import { uncertainInputs } from '../../lib/sensitivity/ranges.js';
import { sensitivityModel } from '../../lib/sensitivity/scenario.js';
import { switchingValues } from '../../lib/sensitivity/switching-value.js';
import { handProject, RANGES, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const price = (p: Project) => toyPrice(p, catalog);
const net = (p: Project, id: string) => {
  const r = evaluate(price(p), p, catalog);
  return (r.groups[id] ?? r.actors[id]).horizons[String(p.horizonYears)].net;
};

/** A random variant of the hand-worked project: weight, months on försörjningsstöd after, visits, cost, horizon. */
const projects = fc.record({
  weight: fc.integer({ min: 1, max: 200 }),
  fbsMonths: fc.integer({ min: 0, max: 12 }),
  visitsBefore: fc.integer({ min: 0, max: 24 }),
  visitsAfter: fc.integer({ min: 0, max: 24 }),
  workMonths: fc.integer({ min: 0, max: 12 }),
  costPerParticipant: fc.integer({ min: 1000, max: 2_000_000 }),
  horizonYears: fc.integer({ min: 1, max: 8 }),
}).map((x): Project => {
  const base = handProject();
  const p = base.participants[0];
  const efterLines = [
    ...(x.fbsMonths ? [{ item: 'kommun.forsorjningsstod', months: x.fbsMonths }] : []),
    { item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: x.visitsAfter / 12 },
    ...(x.workMonths ? [{ item: 'arbete.osubventionerad_anstallning', months: x.workMonths }] : []),
  ];
  return {
    ...base, horizonYears: x.horizonYears, cost: { total: x.costPerParticipant * x.weight, financing: 'finsam' },
    participants: [{ ...p, weight: x.weight, fore: { months: 12, lines: [p.fore.lines[0], { item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: x.visitsBefore / 12 }] }, efter: { months: 12, lines: efterLines } }],
  };
});

describe('properties', () => {
  it('switchingValues(): every value found zeroes the target\'s net in the engine within 1 kr', () => {
    fc.assert(fc.property(projects, (project) => {
      const model = sensitivityModel(price(project), project, catalog);
      const { inputs } = uncertainInputs(model, RANGES, {}, { discountRate: true });
      for (const s of switchingValues(model, inputs, { reprice: catalogRepricer(project, catalog, toyPrice) })) {
        if (s.status !== 'found') continue;
        expect(s.verified, `${s.input} → ${s.target}`).toBe(true);
        if (s.input === 'cost') {
          const p = { ...project, cost: { ...project.cost, total: s.value! } };
          expect(Math.abs(net(p, s.target))).toBeLessThanOrEqual(1);
        }
      }
    }), { numRuns: 40 });
  });

  it('breakEven(): at the share the re-priced net is ≥ −1 kr and within 1 kr of zero; just below it is negative', () => {
    const till = resolveBreakEvenTarget('anstallning', catalog);
    fc.assert(fc.property(projects, fc.constantFrom('efter' as const, 'fore' as const), (project, base) => {
      for (const f of breakEven(project, catalog, till, { price, base }).findings) {
        if (f.status !== 'share') continue;
        expect(f.verified).toBe(true);
        if (f.share! > 1e-3) expect(net(splitProject(project, f.share! - 1e-3, till, catalog, base), f.target)).toBeLessThan(0);
      }
    }), { numRuns: 40 });
  });
});

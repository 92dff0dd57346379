import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/results/evaluate.js';
import type { Project } from '../../lib/model/types.js';
import { breakEven, resolveBreakEvenTarget, splitProject } from '../../lib/sensitivity/break-even.js';
import { exAnteProject, handProject, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const price = (p: Project) => toyPrice(p, catalog);

describe('breakEven()', () => {
  const till = resolveBreakEvenTarget('anstallning', catalog);
  const project = exAnteProject();
  const r = breakEven(project, catalog, till, { price });
  const f = (id: string) => r.findings.find((x) => x.target === id)!;

  it('society: 5 × 10 s × 150 000 = 4 000 000 → s = 8/15; kommun: 5 × 10 s × (120 000 + 30 000) = 1 000 000 → s = 2/15', () => {
    // A participant reaching work: production 150 000/yr (psykiatri unchanged, kept in the target situation);
    // kommun saves 120 000 försörjningsstöd and gains 30 000 tax.
    expect(f('samhallet').share).toBeCloseTo(8 / 15, 9);
    expect(f('samhallet').participants).toBeCloseTo(80 / 15, 6);
    expect(f('kommun').share).toBeCloseTo(2 / 15, 9);
  });

  it('region and fk bear cost but gain nothing: never; af has neither: already', () => {
    expect(f('region').status).toBe('never');
    expect(f('fk').status).toBe('never');
    expect(f('af').status).toBe('already');
  });

  it('is verified by pricing the split project afresh: net within 1 kr of zero at the share', () => {
    for (const x of r.findings.filter((y) => y.status === 'share')) {
      expect(x.verified).toBe(true);
      const again = evaluate(price(splitProject(project, x.share!, till, catalog)), project, catalog);
      const net = (again.groups[x.target] ?? again.actors[x.target]).horizons['5'].net;
      expect(Math.abs(net)).toBeLessThanOrEqual(1);
      // and just below the share it does not pay back
      const below = evaluate(price(splitProject(project, x.share! - 1e-4, till, catalog)), project, catalog);
      expect((below.groups[x.target] ?? below.actors[x.target]).horizons['5'].net).toBeLessThan(0);
    }
  });

  it('base "fore" (ex ante) equals base "efter" when efter = före; differs for an observed efter', () => {
    const fore = breakEven(project, catalog, till, { price, base: 'fore' });
    expect(fore.findings.find((x) => x.target === 'samhallet')!.share).toBeCloseTo(8 / 15, 9);
    const observed = breakEven(handProject(), catalog, till, { price });
    expect(observed.findings.find((x) => x.target === 'samhallet')!.status).toBe('already');
  });

  it('resolveBreakEvenTarget(): named targets, item ids, and an error naming the choices', () => {
    expect(resolveBreakEvenTarget('arbete', catalog).item).toBe('arbete.osubventionerad_anstallning');
    expect(resolveBreakEvenTarget('kommun.forsorjningsstod', catalog).item).toBe('kommun.forsorjningsstod');
    expect(() => resolveBreakEvenTarget('nonsense', catalog)).toThrow(/anstallning, arbete, studier/);
  });
});

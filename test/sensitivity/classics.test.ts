import { describe, expect, it } from 'vitest';
import { classics } from '../../lib/sensitivity/classics.js';
import { sensitivityModel } from '../../lib/sensitivity/scenario.js';
import { handProject, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const project = handProject();
const model = sensitivityModel(toyPrice(project, catalog), project, catalog);

describe('classics()', () => {
  const c = Object.fromEntries(classics(model).map((x) => [x.id, x]));
  it('cost written off over three years: 1-year net = 1 600 000 − 4 000 000 / 3', () => {
    expect(c.avskrivning3.outcomes.samhallet.net1).toBeCloseTo(1_600_000 - 4_000_000 / 3, 6);
    // kommun: 1 100 000 − 1 000 000 / 3
    expect(c.avskrivning3.outcomes.kommun.net1).toBeCloseTo(1_100_000 - 1_000_000 / 3, 6);
  });
  it('external factors 25 % and 50 %: 5 × 1 600 000 × 0,75 − 4 000 000 = 2 000 000, × 0,5 → 0', () => {
    expect(c.yttreFaktorer25.outcomes.samhallet.netH).toBeCloseTo(2_000_000, 6);
    expect(c.yttreFaktorer50.outcomes.samhallet.netH).toBeCloseTo(0, 6);
    expect(c.yttreFaktorer50.deadweight).toBe(0.5);
  });
  it('external factors combine with the project dödvikt: 1 − (1 − 0,2)(1 − 0,25) = 0,4', () => {
    const p = handProject({ deadweight: 0.2 });
    const m = sensitivityModel(toyPrice(p, catalog), p, catalog);
    expect(classics(m).find((x) => x.id === 'yttreFaktorer25')!.deadweight).toBeCloseTo(0.4, 12);
  });
  it('discounting 3,5 %: 1 600 000 × Σ 1,035^−t (t = 0..4) − 4 000 000', () => {
    const annuity = [0, 1, 2, 3, 4].reduce((s, t) => s + 1.035 ** -t, 0); // 4,673079…
    expect(c.diskontering35.outcomes.samhallet.netH).toBeCloseTo(1_600_000 * annuity - 4_000_000, 4);
    expect(c.bas.outcomes.samhallet.payback.status).toBe('months');
    // 12 × 4 000 000 / 1 600 000 = 30 months
    expect(c.bas.outcomes.samhallet.payback.months).toBe(30);
  });
});

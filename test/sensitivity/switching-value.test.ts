import { describe, expect, it } from 'vitest';
import { evaluate } from '../../lib/results/evaluate.js';
import { catalogRepricer } from '../../lib/sensitivity/prepare.js';
import { uncertainInputs } from '../../lib/sensitivity/ranges.js';
import { sensitivityModel } from '../../lib/sensitivity/scenario.js';
import { findRoot, switchingValues } from '../../lib/sensitivity/switching-value.js';
import { handProject, RANGES, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const project = handProject();
const model = sensitivityModel(toyPrice(project, catalog), project, catalog);
const { inputs } = uncertainInputs(model, RANGES, {}, { discountRate: true });

describe('switchingValues()', () => {
  const sv = switchingValues(model, inputs, { reprice: catalogRepricer(project, catalog, toyPrice) });
  const at = (input: string, target: string) => sv.find((s) => s.input === input && s.target === target)!;

  it('society: dödvikt 50 %, effect 0,5, cost 8 000 000 kr, work factor 7/15 (hand-worked)', () => {
    // 5 × 1 600 000 × (1 − d) = 4 000 000 → d = 0,5
    expect(at('deadweight', 'samhallet').value).toBeCloseTo(0.5, 6);
    // 5 × 1 600 000 × k = 4 000 000 → k = 0,5
    expect(at('effectSize', 'samhallet').value).toBeCloseTo(0.5, 6);
    // 8 000 000 = C
    expect(at('cost', 'samhallet').value).toBeCloseTo(8_000_000, 0);
    expect(at('cost', 'samhallet').change).toBeCloseTo(1, 6);
    // 5 × (100 000 + 1 500 000 f) = 4 000 000 → f = 0,7 / 1,5
    expect(at('arbete.osubventionerad_anstallning', 'samhallet').value).toBeCloseTo(0.7 / 1.5, 6);
    // kommun: 5 × 1 100 000 × (1 − d) = 1 000 000 → d = 1 − 1/5,5
    expect(at('deadweight', 'kommun').value).toBeCloseTo(1 - 1 / 5.5, 6);
  });

  it('region: psykiatri at 5 000 kr/besök (re-priced): 5 × 40 visits × 5 000 = 1 000 000', () => {
    const s = at('region.psykiatri_oppenvard_besok', 'region');
    expect(s.method).toBe('reprice');
    expect(s.value).toBeCloseTo(5000, 2);
  });

  it('every found value makes the engine\'s 5-year net zero within 1 kr', () => {
    const found = sv.filter((s) => s.status === 'found');
    expect(found.length).toBeGreaterThan(8);
    for (const s of found) {
      expect(s.verified).toBe(true);
      expect(Math.abs(s.verifiedNet!)).toBeLessThanOrEqual(1);
    }
  });

  it('"ingen" where no value in the bracket gives zero: a transfer for society, fk without any change', () => {
    expect(at('kommun.forsorjningsstod', 'samhallet').status).toBe('none');
    expect(at('effectSize', 'fk').status).toBe('none');
    // psykiatri for society: 5 × (1 500 000 + 100 000 f) = 4 000 000 needs f = −7, outside [0, 20]
    expect(at('region.psykiatri_oppenvard_besok', 'samhallet').status).toBe('none');
  });

  it('discount rate: the rate at which society breaks even, checked with evaluate', () => {
    const s = at('discountRate', 'samhallet');
    expect(s.status).toBe('found');
    const r = evaluate(model.ledger, { ...project, discountRate: s.value! }, catalog);
    expect(Math.abs(r.groups.samhallet.horizons['5'].net)).toBeLessThanOrEqual(1);
  });
});

describe('findRoot()', () => {
  it('finds roots of monotone functions and returns null without a sign change', () => {
    expect(findRoot((x) => 2 * x - 3, 0, 10, 1e-12)).toBeCloseTo(1.5, 10);
    expect(findRoot((x) => Math.exp(x) - 5, 0, 10, 1e-9)).toBeCloseTo(Math.log(5), 8);
    expect(findRoot((x) => x * x + 1, -5, 5, 1e-9)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { oneWay } from '../../lib/sensitivity/one-way.js';
import { uncertainInputs } from '../../lib/sensitivity/ranges.js';
import { sensitivityModel } from '../../lib/sensitivity/scenario.js';
import { handProject, RANGES, toyCatalog, toyPrice } from './toy.js';

const catalog = toyCatalog();
const project = handProject();
const model = sensitivityModel(toyPrice(project, catalog), project, catalog);

describe('oneWay()', () => {
  const { inputs } = uncertainInputs(model, RANGES);
  const t = oneWay(model, inputs);
  const row = (id: string) => t.rows.find((r) => r.input.id === id)!;

  it('ranks the inputs by the swing in society\'s 5-year net', () => {
    // dödvikt 0–50 %: 4 000 000 → 5 × 1 600 000 × 0,5 − 4 000 000 = 0, swing 4 000 000
    // effect 0,8–1,2: 2 400 000 … 5 600 000, swing 3 200 000
    // avklingning 0–20 %: 1 600 000 × (1 + 0,8 + 0,64 + 0,512 + 0,4096) − 4 000 000 = 1 378 560, swing 2 621 440
    // work (rule item ±10 %): ±5 × 150 000, swing 1 500 000
    // cost ±10 %: 3 600 000 … 4 400 000, swing 800 000
    // psykiatri (estimate ±30 %): ±5 × 30 000, swing 300 000
    // försörjningsstöd (verified ±5 %): a transfer, swing 0
    expect(t.rows.map((r) => r.input.id)).toEqual(['deadweight', 'effectSize', 'dropOff', 'arbete.osubventionerad_anstallning', 'cost', 'region.psykiatri_oppenvard_besok', 'kommun.forsorjningsstod']);
    expect(row('deadweight').high.samhallet).toBeCloseTo(0, 6);
    expect(row('effectSize').low.samhallet).toBeCloseTo(2_400_000, 6);
    expect(row('dropOff').high.samhallet).toBeCloseTo(1_378_560, 4);
    expect(row('arbete.osubventionerad_anstallning').swing).toBeCloseTo(1_500_000, 6);
    expect(row('cost').low.samhallet).toBeCloseTo(4_400_000, 6);
    expect(row('region.psykiatri_oppenvard_besok').swing).toBeCloseTo(300_000, 6);
    expect(row('kommun.forsorjningsstod').swing).toBeCloseTo(0, 6);
    expect(t.base.samhallet).toBeCloseTo(4_000_000, 6);
  });

  it('records every actor: försörjningsstöd ±5 % moves kommun by ∓5 × 40 000', () => {
    // Δ kommun from fbs = +800 000/year; ×0,95 → 760 000: kommun net 5 år 4 500 000 − 200 000
    expect(row('kommun.forsorjningsstod').low.kommun).toBeCloseTo(4_300_000, 6);
    expect(row('kommun.forsorjningsstod').high.individ).toBeCloseTo(5 * (200_000 - 40_000), 6);
  });

  it('uncertainInputs(): unit values by status, rule items as factors, dödvikt by evidence grade', () => {
    const psyk = inputs.find((x) => x.id === 'region.psykiatri_oppenvard_besok')!;
    expect([psyk.base, psyk.low, psyk.high, psyk.unit, psyk.status]).toEqual([2500, 1750, 3250, 'kr/besok', 'estimate']);
    const job = inputs.find((x) => x.id === 'arbete.osubventionerad_anstallning')!;
    expect([job.unit, job.low, job.high, job.rangeSource]).toEqual(['faktor', 0.9, 1.1, 'rule']);
    expect(inputs.find((x) => x.id === 'deadweight')!.high).toBe(0.5);
    const rct = handProject({ evidence: 'randomiserad' });
    const m = sensitivityModel(toyPrice(rct, catalog), rct, catalog);
    expect(uncertainInputs(m, RANGES).inputs.find((x) => x.id === 'deadweight')!.high).toBe(0.1);
  });

  it('uncertainInputs(): project ranges override; unknown ids are errors naming the valid ones', () => {
    const { inputs: xs, problems } = uncertainInputs(model, RANGES, { 'region.psykiatri_oppenvard_besok': { low: 2000, high: 4000 }, nonsense: { low: 0, high: 1 }, effectSize: { low: 1.1, high: 1.3 } });
    expect(xs.find((x) => x.id === 'region.psykiatri_oppenvard_besok')).toMatchObject({ low: 2000, high: 4000, rangeSource: 'project' });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['uncertainty.nonsense']);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.path)).toEqual(['uncertainty.effectSize']);
  });
});

/**
 * The NyttoSam classics (method §8, reference/nyttosam §1.7): the intervention cost written off
 * over three years (the 1-year result carries C/3), external factors (yttre faktorer) of 25 % and
 * 50 %, discounting at 3.5 % beside the project's rate, and the result with the kommunalekonomisk
 * utjämning (without it, when the project counts it). Each is the real `evaluate` on a scenario of
 * the priced ledger.
 */
import type { Payback } from '../results/horizon.js';
import type { ActorResult, Result } from '../results/result.js';
import { baseScenario, evaluateScenario, headlineTargets, type SensitivityModel } from './scenario.js';

export type ClassicId = 'bas' | 'avskrivning3' | 'yttreFaktorer25' | 'yttreFaktorer50' | 'diskontering35' | 'utjamning';

export interface ClassicOutcome {
  /** 1-year net (for `avskrivning3`: the 1-year benefit minus a third of the cost). */
  net1: number;
  /** Net over the horizon H. */
  netH: number;
  payback: Payback;
}

export interface Classic {
  id: ClassicId;
  label: string;
  labelEn: string;
  deadweight: number;
  discountRate: number;
  /** Per headline target (samhallet, fk, af, kommun, region). */
  outcomes: Record<string, ClassicOutcome>;
}

const pick = (r: Result, id: string): ActorResult | undefined => r.groups[id] ?? r.actors[id];

/**
 * The classics for a model. External factors k combine with the project's own dödvikt d as
 * 1 − (1 − d)(1 − k), i.e. k of the remaining change is attributed to factors outside the
 * intervention.
 */
export function classics(model: SensitivityModel, discountAlternative = 0.035): Classic[] {
  const a = model.assumptions;
  const H = String(a.horizonYears);
  const targets = headlineTargets(model);
  const base = baseScenario(model);
  const run = (id: ClassicId, label: string, labelEn: string, deadweight: number, discountRate: number, writeOff = false, utjamning = base.utjamning): Classic => {
    const s = { ...base, deadweight, discountRate, utjamning };
    const r = evaluateScenario(model, s);
    const outcomes: Record<string, ClassicOutcome> = {};
    for (const t of targets) {
      const x = pick(r, t.id);
      if (!x) continue;
      const net1 = writeOff ? x.horizons['1'].benefit - x.cost / 3 : x.horizons['1'].net;
      outcomes[t.id] = { net1, netH: x.horizons[H].net, payback: x.payback };
    }
    return { id, label, labelEn, deadweight, discountRate, outcomes };
  };
  const combine = (k: number) => 1 - (1 - a.deadweight) * (1 - k);
  return [
    run('bas', 'Grundkalkyl', 'Base case', a.deadweight, a.discountRate),
    run('avskrivning3', 'Insatskostnaden avskrivs på tre år (1 år med C/3)', 'Cost written off over three years (1 year with C/3)', a.deadweight, a.discountRate, true),
    run('yttreFaktorer25', 'Yttre faktorer 25 % (dödvikt)', 'External factors 25% (deadweight)', combine(0.25), a.discountRate),
    run('yttreFaktorer50', 'Yttre faktorer 50 % (dödvikt)', 'External factors 50% (deadweight)', combine(0.5), a.discountRate),
    run('diskontering35', `Diskontering ${(discountAlternative * 100).toFixed(1).replace('.', ',')} %`, `Discounting ${(discountAlternative * 100).toFixed(1)}%`, a.deadweight, discountAlternative),
    // The kommunalekonomisk utjämning (method §2.3), switched relative to the project's choice.
    base.utjamning
      ? run('utjamning', 'Utan kommunalekonomisk utjämning', 'Without local government equalisation', a.deadweight, a.discountRate, false, false)
      : run('utjamning', 'Med kommunalekonomisk utjämning', 'With local government equalisation', a.deadweight, a.discountRate, false, true),
  ];
}

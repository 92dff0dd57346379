/**
 * One-way sensitivity (tornado), method §8: each uncertain input is set to the low and to the
 * high end of its range with every other input at its base value; the H-year net of every
 * target is recorded. Rows are sorted by the swing of society's net, largest first.
 */
import { applyInput, type UncertainInput } from './ranges.js';
import { baseScenario, copyScenario, scenarioNets, targetIndex, type SensitivityModel } from './scenario.js';
import { SOCIETY } from '../catalog/groups.js';

export interface TornadoRow {
  input: UncertainInput;
  /** H-year net per target id at the low and the high end. */
  low: Record<string, number>;
  high: Record<string, number>;
  /** |net(high) − net(low)| for society. */
  swing: number;
}

export interface Tornado {
  /** H-year net per target at the base values. */
  base: Record<string, number>;
  rows: TornadoRow[];
}

/**
 * The tornado over `inputs`.
 * @example oneWay(model, inputs).rows[0].input.id // => the input society's result is most sensitive to
 */
export function oneWay(model: SensitivityModel, inputs: readonly UncertainInput[]): Tornado {
  const base = baseScenario(model);
  const record = (s = base): Record<string, number> => {
    const n = scenarioNets(model, s);
    return Object.fromEntries(model.targets.map((t, i) => [t.id, n.netH[i]]));
  };
  const society = targetIndex(model, SOCIETY);
  const rows = inputs.map((input): TornadoRow => {
    const at = (v: number) => {
      const s = copyScenario(base);
      applyInput(s, input, v);
      return record(s);
    };
    const low = at(input.low), high = at(input.high);
    const id = model.targets[society].id;
    return { input, low, high, swing: Math.abs(high[id] - low[id]) };
  });
  rows.sort((x, y) => y.swing - x.swing || (x.input.id < y.input.id ? -1 : 1));
  return { base: record(), rows };
}

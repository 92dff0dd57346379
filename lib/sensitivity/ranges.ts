/**
 * Uncertain inputs and their ranges (method §8, docs/sensitivity.md). Every item the result
 * moves with is an input — its unit value when it has one (kronor per unit, price year), else a
 * factor on its priced amounts (rule, wage and user-defined items) — plus effect size, dödvikt,
 * avklingning, the intervention cost and, with a comparison group, the comparison group's change.
 * Default ranges come from the catalogue parameter `params.osakerhet.intervall` (by data-quality
 * status and evidence grade); `project.uncertainty` overrides them, in the input's own unit.
 */
import type { Catalog, Status } from '../catalog/types.js';
import { catalogGap, paramAt, referenceDate } from '../catalog/value-at.js';
import type { EvidenceGrade } from '../model/types.js';
import type { Problem } from '../util/errors.js';
import type { Scenario, SensitivityModel } from './scenario.js';
import { totalCost } from '../results/cost.js';

export type InputKind = 'item' | 'effectSize' | 'deadweight' | 'dropOff' | 'discountRate' | 'cost' | 'comparison';

/** One uncertain input with its base value and range, in its own unit. */
export interface UncertainInput {
  /** Item id, or the assumption's key: effectSize, deadweight, dropOff, discountRate, cost, comparison. */
  id: string;
  kind: InputKind;
  label: string;
  labelEn: string;
  /** Ledger item index (kind `item`). */
  item?: number;
  /** `kr/…` for unit values and cost, `faktor` for factors, `andel` for shares and rates. */
  unit: string;
  base: number;
  low: number;
  high: number;
  /** Catalogue status of the value (items), when known. */
  status?: Status;
  /** Where the range came from (`ownPrice`: the project's own price, with the verified range). */
  rangeSource: 'status' | 'ownPrice' | 'rule' | 'egen' | 'evidence' | 'default' | 'project';
}

/** Default ranges, read from `params.osakerhet.intervall`. */
export interface RangeDefaults {
  /** Relative ± for items with a unit value, by catalogue status. */
  status: Record<Status, number>;
  /** Relative ± for items priced by a rule or as a wage (status derived). */
  rule: number;
  /** Relative ± for user-defined (`egen`) lines. */
  egen: number;
  /** Effect-size factor range. */
  effectSize: { low: number; high: number };
  /** Relative ± on the intervention cost. */
  cost: number;
  /** Upper end of the dödvikt range by evidence grade (lower end = the project's dödvikt). */
  deadweight: Record<EvidenceGrade, number>;
  /** Upper end of the avklingning range (lower end = the project's avklingning). */
  dropOff: number;
  /** Factor range on the comparison group's change. */
  comparison: { low: number; high: number };
  /** The Monte Carlo distribution on every range. */
  distribution: 'triangular' | 'uniform';
}

/** Values are read on 1 July of the price year, as the engine reads every dated value. */
export const RANGES_PARAMETER = 'params.osakerhet.intervall';

/** Reads the default ranges from the catalogue. @throws InputError when the parameter is missing or malformed */
export function rangeDefaults(catalog: Catalog, priceYear: number): RangeDefaults {
  const v = paramAt<Record<string, any>>(catalog, RANGES_PARAMETER, referenceDate(priceYear));
  const x = v.value;
  const file = 'params/osakerhet/intervall.yaml';
  const num = (val: unknown, path: string): number => {
    if (typeof val !== 'number' || !Number.isFinite(val) || val < 0) throw catalogGap(file, `values.${v.validFrom}.value.${path}`, 'ska vara ett tal ≥ 0', 'must be a number ≥ 0', val);
    return val;
  };
  const dist = x?.fordelning;
  if (dist !== 'triangular' && dist !== 'uniform') throw catalogGap(file, `values.${v.validFrom}.value.fordelning`, 'ska vara triangular eller uniform', 'must be triangular or uniform', dist);
  return {
    status: { verified: num(x.status?.verified, 'status.verified'), derived: num(x.status?.derived, 'status.derived'), estimate: num(x.status?.estimate, 'status.estimate') },
    rule: num(x.regelpost, 'regelpost'),
    egen: num(x.egenpost, 'egenpost'),
    effectSize: { low: num(x.effektstorlek?.low, 'effektstorlek.low'), high: num(x.effektstorlek?.high, 'effektstorlek.high') },
    cost: num(x.insatskostnad, 'insatskostnad'),
    deadweight: {
      foreEfter: num(x.dodvikt_max?.foreEfter, 'dodvikt_max.foreEfter'),
      jamforelsegrupp: num(x.dodvikt_max?.jamforelsegrupp, 'dodvikt_max.jamforelsegrupp'),
      randomiserad: num(x.dodvikt_max?.randomiserad, 'dodvikt_max.randomiserad'),
    },
    dropOff: num(x.avklingning_max, 'avklingning_max'),
    comparison: { low: num(x.jamforelsegrupp?.low, 'jamforelsegrupp.low'), high: num(x.jamforelsegrupp?.high, 'jamforelsegrupp.high') },
    distribution: dist,
  };
}

const ASSUMPTION_LABELS: Record<Exclude<InputKind, 'item'>, [string, string]> = {
  effectSize: ['Effektstorlek (faktor på efter − före)', 'Effect size (factor on after − before)'],
  deadweight: ['Dödvikt (yttre faktorer)', 'Deadweight (external factors)'],
  dropOff: ['Avklingning per år', 'Drop-off per year'],
  discountRate: ['Diskonteringsränta', 'Discount rate'],
  cost: ['Insatskostnad', 'Intervention cost'],
  comparison: ['Jämförelsegruppens förändring (faktor)', "Comparison group's change (factor)"],
};

export interface InputsOptions {
  /** Include the discount rate (switching values); in tornado and Monte Carlo only when the project gives a range. */
  discountRate?: boolean;
}

/**
 * The uncertain inputs of a model: assumptions first, then every item whose cells change, each
 * with its base value and range. Problems list unknown ids in `project.uncertainty` (errors) and
 * user ranges that exclude the base value (warnings).
 */
export function uncertainInputs(model: SensitivityModel, defaults: RangeDefaults, uncertainty: Record<string, { low: number; high: number }> = {}, o: InputsOptions = {}): { inputs: UncertainInput[]; problems: Problem[] } {
  const { ledger, assumptions: a, catalog } = model;
  const inputs: UncertainInput[] = [];
  const assumption = (kind: Exclude<InputKind, 'item'>, unit: string, base: number, low: number, high: number, rangeSource: UncertainInput['rangeSource']) => {
    const [label, labelEn] = ASSUMPTION_LABELS[kind];
    inputs.push({ id: kind, kind, label, labelEn, unit, base, low, high, rangeSource });
  };
  assumption('effectSize', 'faktor', 1, defaults.effectSize.low, defaults.effectSize.high, 'default');
  assumption('deadweight', 'andel', a.deadweight, a.deadweight, Math.max(a.deadweight, defaults.deadweight[a.evidence]), 'evidence');
  assumption('dropOff', 'andel', a.dropOff, a.dropOff, Math.max(a.dropOff, defaults.dropOff), 'default');
  const costTotal = totalCost(a.cost);
  if (costTotal > 0) assumption('cost', 'kr', costTotal, costTotal * (1 - defaults.cost), costTotal * (1 + defaults.cost), 'default');
  if (ledger.comparison && ledger.comparison.weight > 0) assumption('comparison', 'faktor', 1, defaults.comparison.low, defaults.comparison.high, 'default');
  if (o.discountRate || uncertainty.discountRate) assumption('discountRate', 'andel', a.discountRate, a.discountRate, a.discountRate, 'default');

  const used = new Map(ledger.used.map((u) => [u.id, u]));
  ledger.items.forEach((id, i) => {
    if (!model.itemMoves[i] && !uncertainty[id]) return;
    const u = used.get(id);
    const item = catalog.items.get(id);
    if (id.startsWith('egen:')) {
      inputs.push({ id, kind: 'item', item: i, label: id.slice(5), labelEn: id.slice(5), unit: 'faktor', base: 1, low: 1 - defaults.egen, high: 1 + defaults.egen, status: 'estimate', rangeSource: 'egen' });
    } else if (u && typeof u.value === 'number' && Number.isFinite(u.value) && u.value !== 0) {
      const r = defaults.status[u.status];
      inputs.push({ id, kind: 'item', item: i, label: u.label, labelEn: item?.labelEn ?? u.label, unit: u.unit, base: u.value, low: u.value * (1 - r), high: u.value * (1 + r), status: u.status, rangeSource: u.override ? 'ownPrice' : 'status' });
    } else {
      const label = item?.label ?? id;
      inputs.push({ id, kind: 'item', item: i, label, labelEn: item?.labelEn ?? label, unit: 'faktor', base: 1, low: 1 - defaults.rule, high: 1 + defaults.rule, status: 'derived', rangeSource: 'rule' });
    }
  });

  const problems: Problem[] = [];
  const byId = new Map(inputs.map((x) => [x.id, x]));
  for (const [id, r] of Object.entries(uncertainty)) {
    const input = byId.get(id);
    if (!input) {
      problems.push({
        severity: 'error', file: 'projekt', path: `uncertainty.${id}`,
        sv: `okänd osäker parameter; giltiga är ${[...byId.keys()].join(', ')}`,
        en: `unknown uncertain parameter; valid ones are ${[...byId.keys()].join(', ')}`, value: id,
      });
      continue;
    }
    input.low = r.low;
    input.high = r.high;
    input.rangeSource = 'project';
    if (input.base < r.low || input.base > r.high) {
      problems.push({
        severity: 'warning', file: 'projekt', path: `uncertainty.${id}`,
        sv: `intervallet omfattar inte basvärdet ${input.base}; fördelningens typvärde sätts till närmaste gräns`,
        en: `the range excludes the base value ${input.base}; the distribution's mode is set to the nearest bound`, value: r,
      });
    }
  }
  return { inputs, problems };
}

/** Sets an input to a value (in its own unit) in a scenario. */
export function applyInput(s: Scenario, input: UncertainInput, value: number): void {
  switch (input.kind) {
    case 'item':
      s.itemFactors[input.item!] = input.unit === 'faktor' ? value : value / input.base;
      return;
    case 'effectSize': s.effect = value; return;
    case 'deadweight': s.deadweight = value; return;
    case 'dropOff': s.dropOff = value; return;
    case 'discountRate': s.discountRate = value; return;
    case 'cost': s.costFactor = value / input.base; return;
    case 'comparison': s.comparison = value; return;
  }
}

/** The factor an item input's value means for its cells (1 = base). */
export function itemFactor(input: UncertainInput, value: number): number {
  return input.unit === 'faktor' ? value : value / input.base;
}

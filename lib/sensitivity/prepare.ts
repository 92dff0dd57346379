/**
 * Shared preparation for the three sensitivity commands: price once, build the scenario model,
 * read the default ranges and the project's own, and collect the notes every output carries.
 */
import type { Catalog } from '../catalog/types.js';
import type { Ledger } from '../engine/ledger.js';
import type { Project } from '../model/types.js';
import { formatProblem, InputError, type Lang, type Problem } from '../util/errors.js';
import { rangeDefaults, uncertainInputs, type InputsOptions, type RangeDefaults, type UncertainInput } from './ranges.js';
import { sensitivityModel, type SensitivityModel } from './scenario.js';

export interface Prepared {
  ledger: Ledger;
  model: SensitivityModel;
  defaults: RangeDefaults;
  inputs: UncertainInput[];
  /** Notes for the output: uncertainty warnings, ledger warnings, estimates relied on. */
  warnings: string[];
}

/**
 * Prices the project and prepares the analyses.
 * @throws InputError when `project.uncertainty` names an unknown input
 */
export function prepare(project: Project, catalog: Catalog, price: (p: Project) => Ledger, lang: Lang, o: InputsOptions = {}): Prepared {
  const ledger = price(project);
  const model = sensitivityModel(ledger, project, catalog);
  const defaults = rangeDefaults(catalog, project.priceYear);
  const { inputs, problems } = uncertainInputs(model, defaults, project.uncertainty, o);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new InputError(errors);
  const warnings = [...problems, ...ledger.warnings].filter((p: Problem) => p.severity === 'warning').map((p) => formatProblem(p, lang));
  // Labels, not ids (a board reads "Lönebidrag", not "params.af.lonebidrag"), as in the result's warnings.
  const estimates = ledger.used.filter((u) => u.status === 'estimate').map((u) => u.label);
  if (estimates.length) {
    warnings.push(lang === 'sv'
      ? `Uppskattade katalogvärden (status uppskattning, brett intervall): ${estimates.join(', ')}`
      : `Estimated catalogue values (status estimate, wide range): ${estimates.join(', ')}`);
  }
  return { ledger, model, defaults, inputs, warnings };
}

/**
 * A re-pricer for switching values: prices the project with item `id`'s catalogue values
 * multiplied by `factor` (undefined for rule items, which have no unit value to change).
 */
export function catalogRepricer(project: Project, catalog: Catalog, price: (p: Project, c: Catalog) => Ledger): (id: string, factor: number) => Ledger | undefined {
  return (id, factor) => {
    const item = catalog.items.get(id);
    if (!item || item.rule || item.kind === 'wage' || item.values.length === 0) return undefined;
    const items = new Map(catalog.items);
    items.set(id, { ...item, values: item.values.map((v) => ({ ...v, value: v.value * factor })) });
    // A project price (the `prices:` block) replaces the catalogue value, so it is the one scaled.
    const own = project.prices?.[id];
    const repriced = own ? { ...project, prices: { ...project.prices, [id]: { ...own, amount: own.amount * factor } } } : project;
    return price(repriced, { ...catalog, items });
  };
}

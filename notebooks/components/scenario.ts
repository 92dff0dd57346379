/**
 * The payback notebook's sliders (insatskostnad, dödvikt, avklingning, diskonteringsränta and a
 * financing key) as a library `Scenario`: `sliderResult` re-runs the library's `evaluateScenario`
 * on the project's ledger — the notebook holds no copy of the calculation or of the cost sums.
 */
import {
  baseScenario, evaluateScenario, sensitivityModel, totalCost,
  type Catalog, type InterventionCost, type Ledger, type Project, type Result,
} from '../../lib/index.js';

/** `PROJECT_FINANCING` keeps the project's own financing (including per-year keys). */
export const PROJECT_FINANCING = 'projektets';

/** What the sliders set: total cost in kronor, shares 0–1, and a financing key id or `PROJECT_FINANCING`. */
export interface SliderValues {
  cost: number;
  deadweight: number;
  dropOff: number;
  discountRate: number;
  financing: string;
}

/** The project's own values, where the sliders start. */
export function projectSliders(project: Project): SliderValues {
  return { cost: totalCost(project.cost), deadweight: project.deadweight, dropOff: project.dropOff, discountRate: project.discountRate, financing: PROJECT_FINANCING };
}

/** The project's cost under another financing key (a per-year key is replaced too). */
function financedBy(cost: InterventionCost, financing: string): InterventionCost {
  if (financing === PROJECT_FINANCING) return cost;
  return { ...cost, financing, byYear: cost.byYear?.map(({ financing: _own, ...y }) => y) };
}

/**
 * The result under the sliders' values: a library scenario with the cost as a factor on the
 * project's cost (a project without cost gets the slider's total), evaluated by the engine.
 */
export function sliderResult(ledger: Ledger, project: Project, v: SliderValues, catalog: Catalog): Result {
  const base = totalCost(project.cost);
  const cost = financedBy(base > 0 ? project.cost : { ...project.cost, total: v.cost, byYear: undefined }, v.financing);
  const model = sensitivityModel(ledger, { ...project, cost }, catalog);
  return evaluateScenario(model, {
    ...baseScenario(model), deadweight: v.deadweight, dropOff: v.dropOff, discountRate: v.discountRate,
    costFactor: base > 0 ? v.cost / base : 1,
  });
}

/** Financing-key options for a select: the project's own key first, then the catalogue's keys. */
export function financingOptions(project: Project, catalog: Catalog): Map<string, string> {
  const own = project.cost.financing;
  const ownLabel = typeof own === 'string' ? `Projektets (${catalog.financing.get(own)?.label ?? own})` : 'Projektets egna andelar';
  const out = new Map<string, string>([[ownLabel, PROJECT_FINANCING]]);
  for (const k of catalog.financing.values()) out.set(`${k.label} – ${shareText(k.shares, catalog)}`, k.id);
  return out;
}

/** "Försäkringskassan 50 %, Regionen 25 %, Kommunen 25 %". */
export function shareText(shares: Record<string, number>, catalog: Catalog): string {
  return Object.entries(shares)
    .filter(([, v]) => v > 0)
    .map(([a, v]) => `${catalog.actors.find((x) => x.id === a)?.label ?? a} ${Math.round(v * 1000) / 10} %`)
    .join(', ');
}

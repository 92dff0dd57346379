/**
 * A scenario = the assumptions a researcher varies in the notebooks (insatskostnad, dödvikt,
 * avklingning, diskonteringsränta, financing key). `runScenario` re-runs the library's `evaluate`
 * on the project's ledger with those assumptions — the notebook holds no copy of the calculation.
 */
import { evaluate, type Assumptions, type Catalog, type Ledger, type Project, type Result } from '../../lib/index.js';

/** `PROJECT_FINANCING` keeps the project's own financing (including per-year keys). */
export const PROJECT_FINANCING = 'projektets';

export interface Scenario {
  /** Total intervention cost, kronor (a per-year cost is scaled proportionally). */
  cost: number;
  deadweight: number;
  dropOff: number;
  discountRate: number;
  /** A catalogue financing key id, or `PROJECT_FINANCING`. */
  financing: string;
}

/** Total (undiscounted) intervention cost of a project. */
export function totalCost(project: Project): number {
  const c = project.cost;
  return c.byYear ? c.byYear.reduce((s, y) => s + y.amount, 0) : c.total ?? 0;
}

/** The project's own assumptions as a scenario. */
export function baseScenario(project: Project): Scenario {
  return {
    cost: totalCost(project), deadweight: project.deadweight, dropOff: project.dropOff,
    discountRate: project.discountRate, financing: PROJECT_FINANCING,
  };
}

/** The assumptions `evaluate` needs for a scenario. */
export function scenarioAssumptions(project: Project, s: Scenario): Assumptions {
  const base = totalCost(project);
  const scale = base > 0 ? s.cost / base : 0;
  const own = s.financing === PROJECT_FINANCING;
  const financing = own ? project.cost.financing : s.financing;
  const cost = project.cost.byYear && base > 0
    ? { financing, byYear: project.cost.byYear.map((y) => ({ year: y.year, amount: y.amount * scale, ...(own && y.financing ? { financing: y.financing } : {}) })) }
    : { financing, total: s.cost };
  return {
    name: project.name, priceYear: project.priceYear, horizonYears: project.horizonYears, evidence: project.evidence,
    discountRate: s.discountRate, deadweight: s.deadweight, dropOff: s.dropOff, cost,
  };
}

/** Evaluates the priced project under a scenario. */
export function runScenario(ledger: Ledger, project: Project, s: Scenario, catalog: Catalog): Result {
  return evaluate(ledger, scenarioAssumptions(project, s), catalog);
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

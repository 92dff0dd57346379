/**
 * `samnytta jamfor PLAN UTFALL [--format table|json]`: prognos mot utfall — the plan's forecast
 * beside the outcome (any evaluation project: participants, a participants file or a transition
 * table of counts) per actor, and each actor's difference decomposed into intervention cost,
 * prices, volume and outcome (docs/prognos.md).
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import { compare, type Comparison } from '../../lib/forecast/compare.js';
import { comparisonJson, comparisonTable } from '../../lib/report/comparison.js';
import type { GlobalOptions, Io } from '../io.js';
import { loadProject } from './load-project.js';
import { loadPlan } from './prognos.js';

export interface JamforOptions extends GlobalOptions {
  plan: string;
  utfall: string;
  format: 'table' | 'json';
}

export async function jamfor(o: JamforOptions, io: Io): Promise<Comparison> {
  const catalog = loadCatalog();
  const plan = await loadPlan(o.plan, catalog, o, io);
  const outcome = await loadProject(o.utfall, catalog, o, io);
  const c = compare(plan, outcome, catalog);
  const names = { plan: plan.project.name, outcome: outcome.name };
  io.out(o.format === 'json' ? JSON.stringify(comparisonJson(c, o.lang, names), null, 2) + '\n' : comparisonTable(c, o.lang, names));
  return c;
}

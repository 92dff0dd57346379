/**
 * `samnytta calc PROJECT [--format table|json]`: the result per actor for 1 and H years with
 * återbetalningstid, as a readable table or as the results JSON (method §9).
 */
import { calculate } from '../../lib/calculate.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { toResultJson } from '../../lib/report/result-json.js';
import { summaryTable } from '../../lib/report/summary-table.js';
import type { Result } from '../../lib/engine/result.js';
import type { Project } from '../../lib/model/types.js';
import type { GlobalOptions, Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface CalcOptions extends GlobalOptions {
  project: string;
  format: 'table' | 'json';
  pseudonymisera?: boolean;
  nyckelfil?: string;
}

export async function calc(o: CalcOptions, io: Io): Promise<{ project: Project; result: Result }> {
  const catalog = loadCatalog();
  const project = await loadProject(o.project, catalog, o, io);
  const result = calculate(project, catalog);
  io.out(o.format === 'json' ? JSON.stringify(toResultJson(result, o.lang), null, 2) + '\n' : summaryTable(result, o.lang));
  return { project, result };
}

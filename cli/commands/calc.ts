/**
 * `samnytta calc PROJECT [--format table|json] [--per-kategori] [--per-kommun]`: the result per
 * actor for 1 and H years with återbetalningstid, as a readable table or as the results JSON
 * (method §9); with `--per-kategori` the table shows each actor's annual effect by category (the
 * JSON always has it); with `--per-kommun` each member kommun's effect, cost and payback (the JSON
 * has them also when the project has members, method §5.2).
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import { evaluate } from '../../lib/results/evaluate.js';
import { membersJson, membersText, projectMembers } from '../../lib/report/members.js';
import { toResultJson } from '../../lib/report/result-json.js';
import { categoryTable, summaryTable } from '../../lib/report/summary-table.js';
import type { Result } from '../../lib/results/result.js';
import type { Project } from '../../lib/model/types.js';
import type { GlobalOptions, Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface CalcOptions extends GlobalOptions {
  project: string;
  format: 'table' | 'json';
  /** Table view: the annual effect per actor and category instead of the summary. */
  perKategori?: boolean;
  /** Each member kommun's effect, cost and payback (method §5.2). */
  perKommun?: boolean;
  pseudonymisera?: boolean;
  nyckelfil?: string;
}

export async function calc(o: CalcOptions, io: Io): Promise<{ project: Project; result: Result }> {
  const catalog = loadCatalog();
  const project = await loadProject(o.project, catalog, o, io);
  const ledger = priceProject(project, catalog);
  const result = evaluate(ledger, project, catalog);
  // Members are shown in the JSON (asked, or when the project has them) and in the table only when asked.
  const members = o.format === 'json' || o.perKommun ? projectMembers(ledger, project, catalog, o.perKommun) : undefined;
  if (o.format === 'json') io.out(JSON.stringify(toResultJson(result, o.lang, members && membersJson(members.flatMap((m) => m.members))), null, 2) + '\n');
  else {
    io.out(o.perKategori ? categoryTable(result, o.lang) : summaryTable(result, o.lang));
    if (o.perKommun && members) for (const m of members) io.out('\n' + membersText(m, result.project.horizonYears, o.lang));
  }
  return { project, result };
}

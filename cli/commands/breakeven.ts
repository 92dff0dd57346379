/**
 * `samnytta breakeven PROJECT --till anstallning|arbete|studier|ITEM [--format table|json]`: the
 * smallest share of participants who must reach the target after-situation for the intervention to
 * pay back within the horizon, for society and each funder — beside the participants' observed
 * after-situation and, ex ante, beside their before-situation (docs/sensitivity.md).
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import { breakEven, resolveBreakEvenTarget } from '../../lib/sensitivity/break-even.js';
import { prepare } from '../../lib/sensitivity/prepare.js';
import { breakEvenJson, breakEvenTable, type BreakEvenReport } from '../../lib/report/sensitivity.js';
import type { GlobalOptions, Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface BreakevenOptions extends GlobalOptions {
  project: string;
  till: string;
  format: 'table' | 'json';
}

export async function breakeven(o: BreakevenOptions, io: Io): Promise<BreakEvenReport> {
  const catalog = loadCatalog();
  const project = await loadProject(o.project, catalog, o, io);
  const till = resolveBreakEvenTarget(o.till, catalog);
  const price = (x: typeof project) => priceProject(x, catalog);
  const p = prepare(project, catalog, price, o.lang);
  const report: BreakEvenReport = {
    assumptions: project,
    variants: (['efter', 'fore'] as const).map((base) => breakEven(project, catalog, till, { price, base })),
    warnings: p.warnings,
  };
  io.out(o.format === 'json' ? JSON.stringify(breakEvenJson(report, o.lang), null, 2) + '\n' : breakEvenTable(report, o.lang));
  return report;
}

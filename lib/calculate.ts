/**
 * One call from a validated project to its result: price, then evaluate.
 */
import type { Catalog } from './catalog/types.js';
import { evaluate } from './results/evaluate.js';
import { priceProject } from './engine/price.js';
import type { Result } from './results/result.js';
import type { Project } from './model/types.js';

/**
 * Calculates a project's result (method §2–§7).
 * @example calculate(project, loadCatalog()).groups.samhallet.horizons['5'].net
 */
export function calculate(project: Project, catalog: Catalog): Result {
  const ledger = priceProject(project, catalog);
  return evaluate(ledger, project, catalog);
}

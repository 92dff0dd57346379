/**
 * `samnytta validate PROJECT`: reports every problem at once (errors stop, warnings do not).
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import type { GlobalOptions, Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface ValidateOptions extends GlobalOptions {
  project: string;
  pseudonymisera?: boolean;
  nyckelfil?: string;
}

export async function validate(o: ValidateOptions, io: Io): Promise<void> {
  const catalog = loadCatalog();
  const project = await loadProject(o.project, catalog, o, io);
  // Pricing resolves every catalogue value the project needs, so catalogue gaps surface here too.
  priceProject(project, catalog);
  const n = project.participants.reduce((s, p) => s + p.weight, 0);
  io.out(o.lang === 'sv'
    ? `${o.project}: giltig (${project.participants.length} deltagare/typfall, ${n} viktade deltagare, prisår ${project.priceYear})\n`
    : `${o.project}: valid (${project.participants.length} participants/typfall, ${n} weighted participants, price year ${project.priceYear})\n`);
}

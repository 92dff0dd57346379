/**
 * `samnytta sensitivity PROJECT [--format table|json]`: the NyttoSam classics, a one-way
 * (tornado) analysis over every uncertain input and switching values for society and each
 * funder (docs/sensitivity.md). The evidence grade is printed with every output.
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import { classics } from '../../lib/sensitivity/classics.js';
import { oneWay } from '../../lib/sensitivity/one-way.js';
import { catalogRepricer, prepare } from '../../lib/sensitivity/prepare.js';
import { sensitivityJson, sensitivityTable, type SensitivityReport } from '../../lib/report/sensitivity.js';
import { switchingValues } from '../../lib/sensitivity/switching-value.js';
import type { GlobalOptions, Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface SensitivityOptions extends GlobalOptions {
  project: string;
  format: 'table' | 'json';
}

export async function sensitivity(o: SensitivityOptions, io: Io): Promise<SensitivityReport> {
  const catalog = loadCatalog();
  const project = await loadProject(o.project, catalog, o, io);
  const p = prepare(project, catalog, (x) => priceProject(x, catalog), o.lang, { discountRate: true });
  const tornadoInputs = p.inputs.filter((x) => x.kind !== 'discountRate' || project.uncertainty?.discountRate);
  const report: SensitivityReport = {
    assumptions: project,
    classics: classics(p.model),
    tornado: oneWay(p.model, tornadoInputs),
    switching: switchingValues(p.model, p.inputs, { reprice: catalogRepricer(project, catalog, priceProject) }),
    inputs: p.inputs,
    labels: Object.fromEntries(p.model.targets.map((t) => [t.id, { label: t.label, labelEn: t.labelEn }])),
    warnings: p.warnings,
  };
  io.out(o.format === 'json' ? JSON.stringify(sensitivityJson(report, o.lang), null, 2) + '\n' : sensitivityTable(report, o.lang));
  return report;
}

/**
 * The report's "Jämförande värden" section (issue 15): the project beside the published results of
 * its insatsklass and target group (data/benchmarks/) — other evaluators' figures by other
 * methods, in the project's price year. It adds a section and replaces nothing in the report.
 */
import type { Catalog } from '../catalog/types.js';
import type { Result } from '../results/result.js';
import type { Project } from '../model/types.js';
import type { BenchmarkEntry } from '../portfolio/benchmarks.js';
import { classText, compare, comparisonCaveat } from '../portfolio/compare.js';
import { figureLabel } from './portfolio/compare-present.js';
import { isMoney } from '../portfolio/benchmarks.js';
import { buildPortfolio } from '../portfolio/portfolio.js';
import type { Lang } from '../util/errors.js';
import { decimal, percent } from './format.js';
import type { ReportModel, ReportTable } from './model.js';

/** The section's table id. */
export const REFERENCE_TABLE_ID = 'jamforande';

/**
 * The Jämförande värden table: one row per reference figure (money as kr, payback as months,
 * verkningsgrad as a share), the project's own value beside it. Always a table — with a note saying
 * why it is empty when the project has no class or the class no entries.
 */
export function referenceTable(project: Project, result: Result, catalog: Catalog, entries: readonly BenchmarkEntry[], lang: Lang): ReportTable {
  const sv = lang === 'sv';
  const c = compare(buildPortfolio([{ file: '', project, result }], catalog), entries, catalog);
  const rows: ReportTable['rows'] = [];
  for (const { entry, match, figures } of c.projects[0].entries) {
    const ref = `${entry.title}|${entry.sources[0].href ?? ''}`;
    const base = { reference: ref, year: entry.year !== undefined ? String(entry.year) : (sv ? 'okänt' : 'unknown'), match: match === 'klass' ? (sv ? 'samma klass' : 'same class') : (sv ? 'samma målgrupp' : 'same target group') };
    if (!figures.length) rows.push({ ...base, figure: sv ? 'inga siffror i den lästa delen av källan' : 'no figures in the readable part of the source', own: null, value: null, quote: null });
    for (const f of figures) {
      const show = (v: number | null) => (v === null ? null : f.key === 'verkningsgrad' ? percent(v, 1, lang) : f.key === 'payback' ? `${decimal(v, 1, lang)} ${sv ? 'mån' : 'mo'}` : Math.round(v));
      rows.push({ ...base, figure: figureLabel(f, catalog, lang), own: show(f.own), value: show(f.reference), quote: `${f.approx ? `(${f.approx}) ` : ''}"${f.quote}"` });
    }
  }
  const klass = classText(project.insatsklass, catalog, lang);
  const empty = !project.insatsklass
    ? (sv ? ' Projektet har ingen insatsklass (insatsklass: målgrupp/insatstyp i projektfilen), så inga referenser väljs.' : ' The project has no insatsklass (insatsklass: målgrupp/insatstyp in the project file), so no references are chosen.')
    : !rows.length ? (sv ? ' Referensmängden har inga poster i klassen eller målgruppen.' : ' The reference set has no entries in the class or target group.') : '';
  const uprated = c.projects[0].entries.some((e) => e.figures.some((f) => isMoney(f.key)) && e.entry.priceYear !== project.priceYear);
  return {
    id: REFERENCE_TABLE_ID,
    title: sv ? 'Jämförande värden' : 'Comparative values',
    columns: [
      { key: 'reference', label: sv ? 'Referens' : 'Reference', kind: 'link' },
      { key: 'year', label: sv ? 'År' : 'Year', kind: 'text' },
      { key: 'match', label: sv ? 'Urval' : 'Match', kind: 'text' },
      { key: 'figure', label: sv ? 'Nyckeltal' : 'Key figure', kind: 'text' },
      { key: 'own', label: sv ? 'Projektet' : 'Project', kind: 'number' },
      { key: 'value', label: sv ? 'Referensen' : 'Reference', kind: 'number' },
      { key: 'quote', label: sv ? 'Källans ord' : "Source's words", kind: 'text' },
    ],
    rows,
    note: `${comparisonCaveat(lang)} ${sv ? `Insatsklass: ${klass}.` : `Insatsklass: ${klass}.`}${uprated ? (sv ? ` Referensernas belopp är omräknade med KPI till ${project.priceYear} års priser.` : ` Reference amounts are uprated by CPI to ${project.priceYear} prices.`) : ''}${empty}${sv ? ' Referensmängden: data/benchmarks/ (samnytta jamforelse).' : ' Reference set: data/benchmarks/ (samnytta jamforelse).'}`,
  };
}


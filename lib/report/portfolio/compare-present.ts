/** Jämförande värden as a plain-text table and as JSON (`samnytta/comparison@1`). */
import type { Catalog } from '../../catalog/types.js';
import { decimal, kr, percent, roundTo } from '../format.js';
import { table } from '../summary-table.js';
import type { Lang } from '../../util/errors.js';
import { isMoney, type FigureKey } from '../../portfolio/benchmarks.js';
import { classText, comparisonCaveat, type ComparedFigure, type Comparison } from '../../portfolio/compare.js';
import { SOCIETY } from '../../catalog/groups.js';

export const COMPARISON_SCHEMA = 'samnytta/comparison@1';

const KEY_LABEL: Record<FigureKey, { sv: string; en: string }> = {
  costTotal: { sv: 'Kostnad totalt', en: 'Total cost' },
  costPerParticipant: { sv: 'Kostnad per deltagare', en: 'Cost per participant' },
  potentialPerParticipantYear: { sv: 'Potential per deltagare och år', en: 'Potential per participant and year' },
  verkningsgrad: { sv: 'Verkningsgrad', en: 'Efficiency' },
  netPerParticipantYear: { sv: 'Lönsamhet per deltagare och år', en: 'Net per participant and year' },
  annualEffect: { sv: 'Årlig intäkt', en: 'Annual benefit' },
  benefit: { sv: 'Intäkter', en: 'Benefit' },
  net: { sv: 'Lönsamhet', en: 'Net' },
  payback: { sv: 'Återbetalningstid (mån)', en: 'Payback (months)' },
};

const APPROX_EN: Record<string, string> = { drygt: 'just over', knappt: 'just under', narmare: 'close to', cirka: 'about', over: 'over', under: 'under' };

/** "Lönsamhet, kommun, 5 år". */
export function figureLabel(f: Pick<ComparedFigure, 'key' | 'actor' | 'horizon'>, catalog: Catalog, lang: Lang): string {
  const actor = f.actor === SOCIETY ? (lang === 'sv' ? 'samhället' : 'society')
    : f.actor ? [...catalog.actors, ...catalog.groups].find((a) => a.id === f.actor)?.[lang === 'sv' ? 'label' : 'labelEn'] ?? f.actor : undefined;
  return [KEY_LABEL[f.key][lang], actor, f.horizon ? `${f.horizon} ${lang === 'sv' ? 'år' : 'yrs'}` : undefined].filter(Boolean).join(', ');
}

function value(key: FigureKey, v: number | null, lang: Lang): string {
  if (v === null) return '–';
  if (key === 'verkningsgrad') return percent(v, 1, lang);
  if (key === 'payback') return decimal(v, 1, lang);
  return kr(v, lang);
}

/** The comparison as text: per project, its class and each matched entry's figures beside the project's own. */
export function comparisonTable(c: Comparison, catalog: Catalog, lang: Lang = 'sv'): string {
  const sv = lang === 'sv';
  const out: string[] = [sv ? `Jämförande värden (kr i ${c.priceYear} års priser, omräknat med KPI)` : `Comparative values (SEK in ${c.priceYear} prices, uprated by CPI)`, comparisonCaveat(lang), ''];
  for (const { row, entries } of c.projects) {
    out.push(`${row.name} — ${classText(row.insatsklass, catalog, lang)}`);
    if (!row.insatsklass) {
      out.push(sv ? '  Projektet har ingen insatsklass; ange insatsklass: målgrupp/insatstyp i projektfilen.' : '  The project has no insatsklass; set insatsklass: målgrupp/insatstyp in the project file.');
      out.push('');
      continue;
    }
    if (!entries.length) {
      out.push(sv ? '  Inga referensposter i klassen eller målgruppen.' : 'No reference entries in the class or target group.');
      out.push('');
      continue;
    }
    for (const { entry, match, figures } of entries) {
      const when = entry.year ?? (sv ? 'år okänt' : 'year unknown');
      out.push(`  ${entry.title} (${entry.evaluator}, ${when}; ${entry.kind === 'prognos' ? (sv ? 'prognos' : 'forecast') : (sv ? 'utvärdering' : 'evaluation')}${entry.participants ? `, ${entry.participants} ${sv ? 'deltagare' : 'participants'}` : ''})`);
      if (match === 'malgrupp') out.push(sv ? `  Samma målgrupp, annan insatstyp (${entry.insatsklass}).` : `  Same target group, other kind of insats (${entry.insatsklass}).`);
      if (!figures.length) {
        out.push(sv ? '  Inga siffror i den lästa delen av källan.' : '  No figures in the readable part of the source.');
      } else {
        out.push(table([
          [sv ? '  Nyckeltal' : '  Key figure', sv ? 'Projektet' : 'Project', sv ? 'Referensen' : 'Reference', sv ? 'Källans ord' : "Source's words"],
          ...figures.map((f) => [`  ${figureLabel(f, catalog, lang)}`, value(f.key, f.own, lang), `${f.approx ? `${sv ? f.approx.replace('narmare', 'närmare').replace('over', 'över') : APPROX_EN[f.approx]} ` : ''}${value(f.key, f.reference, lang)}`, `"${f.quote.length > 70 ? f.quote.slice(0, 69) + '…' : f.quote}"`]),
        ], [false, true, true, false]));
      }
      if (figures.some((f) => isMoney(f.key)) && entry.priceYear !== c.priceYear) out.push(sv ? `  Referensens belopp omräknade från ${entry.priceYear} års priser${entry.priceYearStated ? '' : ' (prisåret antaget lika med utgivningsåret)'}.` : `  Reference amounts uprated from ${entry.priceYear} prices${entry.priceYearStated ? '' : ' (price year taken as the publication year)'}.`);
      out.push('');
    }
  }
  return out.map((l) => l.trimEnd()).join('\n').replace(/\n+$/, '') + '\n';
}

/** The comparison JSON. */
export function comparisonJson(c: Comparison, lang: Lang = 'sv') {
  const num = (k: FigureKey, v: number | null) => (v === null ? null : isMoney(k) ? roundTo(v, 2) : roundTo(v, 4));
  return {
    schema: COMPARISON_SCHEMA,
    caveat: comparisonCaveat(lang),
    priceYear: c.priceYear,
    index: 'index.kpi_arsmedel',
    projects: c.projects.map(({ row, entries }) => ({
      file: row.file, name: row.name, insatsklass: row.insatsklass,
      references: entries.map(({ entry, match, figures }) => ({
        id: entry.id, title: entry.title, evaluator: entry.evaluator, kind: entry.kind, insatsklass: entry.insatsklass ?? null, match,
        year: entry.year ?? null, priceYear: entry.priceYear ?? null, priceYearStated: entry.priceYearStated, participants: entry.participants ?? null,
        sources: entry.sources,
        figures: figures.map((f) => ({ key: f.key, actor: f.actor ?? null, horizon: f.horizon ?? null, own: num(f.key, f.own), reference: num(f.key, f.reference), approx: f.approx ?? null, quote: f.quote })),
      })),
    })),
  };
}

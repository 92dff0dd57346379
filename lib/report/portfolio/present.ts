/**
 * The portfolio as a plain-text table (`samnytta portfolj`) and as the portfolio JSON
 * (`samnytta/portfolio@1`): amounts rounded to öre, shares to four decimals, months to one.
 */
import { kr, decimal, percent, roundTo } from '../format.js';
import { paybackText, table } from '../summary-table.js';
import { formatProblem, type Lang } from '../../util/errors.js';
import { KEY_FIGURES, keyFigure, type ActorFigures, type KeyFigure, type Portfolio, type Totals } from '../../portfolio/portfolio.js';
import { portfolioText } from './text.js';

export const PORTFOLIO_SCHEMA = 'samnytta/portfolio@1';

/** A key figure formatted for a table cell. */
export function formatFigure(k: KeyFigure, v: number | null, lang: Lang): string {
  if (v === null) return '–';
  if (k === 'verkningsgrad') return percent(v, 1, lang);
  if (k === 'paybackMonths') return decimal(v, 1, lang);
  return kr(v, lang);
}

const relative = (v: number | null, lang: Lang) => (v === null ? '–' : `${v > 0 ? '+' : ''}${percent(v, 0, lang)}`);

/** Notes under every portfolio output: price year, evidence, how centres are taken. */
export function portfolioNotes(p: Portfolio, lang: Lang): string[] {
  const t = portfolioText(lang);
  const notes = [p.upratedFrom.length ? t.uprated(p.upratedFrom, p.priceYear) : t.sameYear(p.priceYear), t.netDef, t.unweighted];
  const upper = p.rows.filter((r) => r.evidence === 'foreEfter').length;
  if (upper) notes.push(t.upperBound(upper));
  return notes;
}

/** The plain-text portfolio. */
export function portfolioTable(p: Portfolio, lang: Lang = 'sv'): string {
  const t = portfolioText(lang);
  const out: string[] = [];
  out.push(`${t.title}: ${p.totals.projects} ${t.projects} · ${kr(p.totals.participants, lang)} ${t.participants} · ${t.priceYear} ${p.priceYear}`);
  out.push('');
  const num = (i: number) => String(i + 1);
  out.push(table([
    ['#', t.project, t.kind, t.klass, t.evidence, t.priceYearCol, t.participantsCol, `${t.cost} (kr)`],
    ...p.rows.map((r, i) => [num(i), r.name, t.kinds[r.kind], r.insatsklass ?? t.none, t.evidenceShort[r.evidence], String(r.priceYear), decimal(r.participants, Number.isInteger(r.participants) ? 0 : 1, lang), kr(r.cost, lang)]),
  ], [true, false, false, false, false, true, true, true]));
  out.push('');
  out.push(`${t.keyFigures} (kr, ${p.priceYear})`);
  const centreRow = (label: string, pick: 'mean' | 'median') => ['', label, ...KEY_FIGURES.map((k) => formatFigure(k, p.centres[k][pick], lang))];
  out.push(table([
    ['#', t.project, ...KEY_FIGURES.map((k) => t.figures[k])],
    ...p.rows.map((r, i) => [num(i), short(r.name), ...KEY_FIGURES.map((k) => formatFigure(k, keyFigure(r, k), lang))]),
    centreRow(t.mean, 'mean'),
    centreRow(t.median, 'median'),
  ], [true, false, ...KEY_FIGURES.map(() => true)]));
  out.push('');
  out.push(t.deviations);
  out.push(table([
    ['#', t.project, ...KEY_FIGURES.map((k) => t.figures[k])],
    ...p.rows.map((r, i) => [num(i), short(r.name), ...KEY_FIGURES.map((k) => `${relative(p.deviations[i][k].fromMeanRelative, lang)} (${relative(p.deviations[i][k].fromMedianRelative, lang)})`)]),
  ], [true, false, ...KEY_FIGURES.map(() => true)]));
  out.push('');
  out.push(t.payback);
  const funderName = (f: { label: string; labelEn: string }) => (lang === 'sv' ? f.label : f.labelEn);
  out.push(table([
    ['#', t.project, t.society, ...p.funders.map(funderName)],
    ...p.rows.map((r, i) => [num(i), short(r.name), paybackText({ ...r.society.payback, simpleMonths: null }, r.horizonYears, lang),
      ...p.funders.map((f) => paybackText({ ...r.funders[f.id].payback, simpleMonths: null }, r.horizonYears, lang))]),
  ], [true, false, true, ...p.funders.map(() => true)]));
  out.push('');
  out.push(t.totals);
  const totalRow = (label: string, x: Totals) => [label, kr(x.cost, lang), kr(x.benefit, lang), kr(x.net, lang), x.returnPerKrona === null ? '–' : decimal(x.returnPerKrona, 2, lang)];
  out.push(table([
    [t.funder, t.cost, t.benefit, t.net, t.perKrona],
    ...p.funders.map((f) => totalRow(funderName(f), p.totals.funders[f.id])),
    totalRow(t.society, p.totals.society),
  ], [false, true, true, true, true]));
  out.push('');
  out.push(`${t.notes}:`);
  for (const n of portfolioNotes(p, lang)) out.push(`- ${n}`);
  if (p.failures.length) {
    out.push('');
    out.push(t.failed(p.failures.length));
    for (const f of p.failures) for (const e of f.problems) out.push(`  ${formatProblem(e, lang)}`);
  }
  return out.join('\n') + '\n';
}

const short = (s: string) => ([...s].length > 32 ? [...s].slice(0, 31).join('') + '…' : s);

const money = (x: number) => roundTo(x, 2);
const share = (x: number | null) => (x === null ? null : roundTo(x, 4));

function figuresJson(x: ActorFigures) {
  return { cost: money(x.cost), benefit: money(x.benefit), net: money(x.net), payback: { ...x.payback } };
}

function totalsJson(x: Totals) {
  return { cost: money(x.cost), benefit: money(x.benefit), net: money(x.net), returnPerKrona: share(x.returnPerKrona) };
}

/** The portfolio JSON document (stable keys; amounts in kronor of `priceYear`). */
export function portfolioJson(p: Portfolio, lang: Lang = 'sv') {
  const fig = (k: KeyFigure, v: number | null) => (v === null ? null : k === 'verkningsgrad' ? roundTo(v, 4) : k === 'paybackMonths' ? roundTo(v, 1) : money(v));
  return {
    schema: PORTFOLIO_SCHEMA,
    priceYear: p.priceYear,
    upratedFrom: p.upratedFrom,
    index: 'index.kpi_arsmedel',
    funders: p.funders.map((f) => f.id),
    projects: p.rows.map((r, i) => ({
      file: r.file, name: r.name, kind: r.kind, insatsklass: r.insatsklass, evidence: r.evidence,
      priceYear: r.priceYear, uprating: roundTo(r.uprating, 6), horizonYears: r.horizonYears,
      participants: roundTo(r.participants, 4), cost: money(r.cost),
      keyFigures: Object.fromEntries(KEY_FIGURES.map((k) => [k, fig(k, keyFigure(r, k))])),
      deviations: Object.fromEntries(KEY_FIGURES.map((k) => {
        const d = p.deviations[i][k];
        return [k, { fromMean: fig(k, d.fromMean), fromMeanRelative: share(d.fromMeanRelative), fromMedian: fig(k, d.fromMedian), fromMedianRelative: share(d.fromMedianRelative) }];
      })),
      society: figuresJson(r.society),
      funders: Object.fromEntries(p.funders.map((f) => [f.id, figuresJson(r.funders[f.id])])),
    })),
    centres: Object.fromEntries(KEY_FIGURES.map((k) => [k, { n: p.centres[k].n, mean: fig(k, p.centres[k].mean), median: fig(k, p.centres[k].median) }])),
    totals: {
      projects: p.totals.projects, participants: roundTo(p.totals.participants, 4), cost: money(p.totals.cost),
      society: totalsJson(p.totals.society),
      funders: Object.fromEntries(p.funders.map((f) => [f.id, totalsJson(p.totals.funders[f.id])])),
    },
    errors: p.failures.map((f) => ({ file: f.file, problems: f.problems.map((e) => formatProblem(e, lang)) })),
    notes: portfolioNotes(p, lang),
  };
}

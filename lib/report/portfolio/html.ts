/**
 * The portfolio as one standalone HTML page: inline CSS and SVG charts, no scripts, no network.
 * The same tables as the text output, then the charts and the notes. All text is escaped.
 */
import { escapeHtml } from '../html.js';
import { decimal, kr, percent } from '../format.js';
import { paybackText } from '../summary-table.js';
import { formatProblem, type Lang } from '../../util/errors.js';
import { costVsNetChart, paybackPerFunderChart } from './charts.js';
import { KEY_FIGURES, keyFigure, type Portfolio, type Totals } from '../../portfolio/portfolio.js';
import { formatFigure, portfolioNotes } from './present.js';
import { portfolioText } from './text.js';

const CSS = `
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; margin: 0 auto; max-width: 1100px; padding: 24px; color: #111; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 14pt; margin: 28px 0 8px; border-bottom: 2px solid #000; padding-bottom: 2px; }
.meta { color: #333; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 9pt; }
th, td { border-bottom: 1px solid #bbb; padding: 3px 5px; vertical-align: top; }
th { text-align: left; border-bottom: 2px solid #000; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.strong td { font-weight: bold; }
figure { margin: 12px 0; }
figure svg { max-width: 100%; height: auto; }
.errors { border-left: 6px solid #D55E00; background: #fff4ec; padding: 6px 10px; }
`;

type Cell = { v: string; num?: boolean };
const n = (v: string): Cell => ({ v, num: true });
const s = (v: string): Cell => ({ v });

function tableHtml(head: Cell[], rows: Cell[][], strongFrom = Infinity): string {
  const th = head.map((c) => `<th${c.num ? ' class="num"' : ''} scope="col">${escapeHtml(c.v)}</th>`).join('');
  const body = rows.map((r, i) => `<tr${i >= strongFrom ? ' class="strong"' : ''}>${r.map((c) => `<td${c.num ? ' class="num"' : ''}>${escapeHtml(c.v)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The standalone HTML page. */
export function portfolioHtml(p: Portfolio, lang: Lang = 'sv'): string {
  const t = portfolioText(lang);
  const num = (i: number) => String(i + 1);
  const funderName = (f: { label: string; labelEn: string }) => (lang === 'sv' ? f.label : f.labelEn);
  const rel = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${percent(v, 0, lang)}`);
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(t.title)}</h1>`);
  parts.push(`<p class="meta">${escapeHtml(`${p.totals.projects} ${t.projects} · ${kr(p.totals.participants, lang)} ${t.participants} · ${t.priceYear} ${p.priceYear}`)}</p>`);
  if (p.failures.length) {
    parts.push(`<div class="errors"><p>${escapeHtml(t.failed(p.failures.length))}</p><ul>${p.failures.flatMap((f) => f.problems.map((e) => `<li>${escapeHtml(formatProblem(e, lang))}</li>`)).join('')}</ul></div>`);
  }
  parts.push(`<h2>${escapeHtml(t.project)}</h2>`);
  parts.push(tableHtml(
    [n('#'), s(t.project), s(t.file), s(t.kind), s(t.klass), s(t.evidence), n(t.priceYearCol), n(t.participantsCol), n(`${t.cost} (kr)`)],
    p.rows.map((r, i) => [n(num(i)), s(r.name), s(r.file), s(t.kinds[r.kind]), s(r.insatsklass ?? t.none), s(t.evidenceShort[r.evidence]), n(String(r.priceYear)), n(decimal(r.participants, Number.isInteger(r.participants) ? 0 : 1, lang)), n(kr(r.cost, lang))]),
  ));
  parts.push(`<h2>${escapeHtml(`${t.keyFigures} (kr, ${p.priceYear})`)}</h2>`);
  parts.push(tableHtml(
    [n('#'), s(t.project), ...KEY_FIGURES.map((k) => n(t.figures[k]))],
    [
      ...p.rows.map((r, i) => [n(num(i)), s(r.name), ...KEY_FIGURES.map((k) => n(formatFigure(k, keyFigure(r, k), lang)))]),
      [s(''), s(t.mean), ...KEY_FIGURES.map((k) => n(formatFigure(k, p.centres[k].mean, lang)))],
      [s(''), s(t.median), ...KEY_FIGURES.map((k) => n(formatFigure(k, p.centres[k].median, lang)))],
    ],
    p.rows.length,
  ));
  parts.push(`<h2>${escapeHtml(t.deviations)}</h2>`);
  parts.push(tableHtml(
    [n('#'), s(t.project), ...KEY_FIGURES.map((k) => n(t.figures[k]))],
    p.rows.map((r, i) => [n(num(i)), s(r.name), ...KEY_FIGURES.map((k) => n(`${rel(p.deviations[i][k].fromMeanRelative)} (${rel(p.deviations[i][k].fromMedianRelative)})`))]),
  ));
  parts.push(`<h2>${escapeHtml(t.payback)}</h2>`);
  parts.push(tableHtml(
    [n('#'), s(t.project), n(t.society), ...p.funders.map((f) => n(funderName(f)))],
    p.rows.map((r, i) => [n(num(i)), s(r.name), n(paybackText({ ...r.society.payback, simpleMonths: null }, r.horizonYears, lang)), ...p.funders.map((f) => n(paybackText({ ...r.funders[f.id].payback, simpleMonths: null }, r.horizonYears, lang)))]),
  ));
  parts.push(`<h2>${escapeHtml(t.totals)}</h2>`);
  const totalRow = (label: string, x: Totals) => [s(label), n(kr(x.cost, lang)), n(kr(x.benefit, lang)), n(kr(x.net, lang)), n(x.returnPerKrona === null ? '–' : decimal(x.returnPerKrona, 2, lang))];
  parts.push(tableHtml(
    [s(t.funder), n(t.cost), n(t.benefit), n(t.net), n(t.perKrona)],
    [...p.funders.map((f) => totalRow(funderName(f), p.totals.funders[f.id])), totalRow(t.society, p.totals.society)],
    p.funders.length,
  ));
  if (p.rows.length) {
    for (const c of [costVsNetChart(p, lang), paybackPerFunderChart(p, lang)]) parts.push(`<figure>${c.svg}</figure>`);
  }
  parts.push(`<h2>${escapeHtml(t.notes)}</h2><ul>${portfolioNotes(p, lang).map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
  return `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(`${t.title} ${p.priceYear}`)}</title><style>${CSS}</style></head><body>\n${parts.join('\n')}\n<footer>samnytta</footer></body></html>\n`;
}

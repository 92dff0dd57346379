/**
 * Portfolio charts (Observable Plot in linkedom, as the report's charts): cost per participant against
 * society's lönsamhet per participant and year, one dot per project; and payback per funder per
 * project. Self-contained SVG strings.
 */
import * as Plot from '@observablehq/plot';
import { frame, plot, shortKr } from '../charts.js';
import { paybackText } from '../summary-table.js';
import { ACTOR_COLORS } from '../text.js';
import type { Lang } from '../../util/errors.js';
import type { Portfolio } from '../../portfolio/portfolio.js';
import { portfolioText } from './text.js';
import { SOCIETY } from '../../catalog/groups.js';

export interface PortfolioChart {
  id: string;
  title: string;
  svg: string;
}

const KIND_COLORS = { utvardering: '#0072B2', prognos: '#E69F00' } as const;

/** Scatter: cost per participant (x) against lönsamhet per participant and year (y), numbered as in the tables. */
export function costVsNetChart(p: Portfolio, lang: Lang): PortfolioChart {
  const t = portfolioText(lang);
  const data = p.rows.map((r, i) => ({ n: String(i + 1), x: r.costPerParticipant, y: r.netPerParticipantYear, kind: r.kind }));
  const title = lang === 'sv' ? `Kostnad per deltagare och lönsamhet per deltagare och år (kr, ${p.priceYear})` : `Cost per participant and net per participant and year (SEK, ${p.priceYear})`;
  const svg = plot({
    height: 380, marginLeft: 70, marginRight: 30, marginBottom: 40,
    x: { label: t.figures.costPerParticipant, grid: true, nice: true, tickFormat: (v: number) => shortKr(v, lang) },
    y: { label: t.figures.netPerParticipantYear, grid: true, nice: true, tickFormat: (v: number) => shortKr(v, lang) },
    marks: [
      Plot.ruleY([0], { stroke: '#000' }),
      Plot.dot(data, { x: 'x', y: 'y', r: 5, fill: (d) => KIND_COLORS[d.kind as keyof typeof KIND_COLORS], stroke: '#000', strokeWidth: 0.5 }),
      Plot.text(data, { x: 'x', y: 'y', text: 'n', dx: 8, textAnchor: 'start', fontSize: 10, fill: '#000' }),
    ],
  });
  const kinds = [...new Set(p.rows.map((r) => r.kind))];
  return { id: 'kostnad-lonsamhet', title, svg: frame('kostnad-lonsamhet', title, svg, kinds.map((k) => [t.kinds[k], KIND_COLORS[k], 'rect'])) };
}

/** Bars: payback months per funder (and society) per project; non-paying cells are labelled. */
export function paybackPerFunderChart(p: Portfolio, lang: Lang): PortfolioChart {
  const t = portfolioText(lang);
  const who = [{ id: SOCIETY, name: t.society }, ...p.funders.map((f) => ({ id: f.id, name: lang === 'sv' ? f.label : f.labelEn }))];
  const data = p.rows.flatMap((r, i) => who.map((w) => {
    const pb = w.id === SOCIETY ? r.society.payback : r.funders[w.id].payback;
    return { project: `${i + 1}. ${r.name.length > 28 ? r.name.slice(0, 27) + '…' : r.name}`, who: w.name, id: w.id, months: pb.months ?? 0, label: paybackText({ ...pb, simpleMonths: null }, r.horizonYears, lang) };
  }));
  const maxH = Math.max(1, ...p.rows.map((r) => r.horizonYears));
  const max = Math.max(maxH * 12, ...data.map((d) => d.months)) * 1.15;
  const title = lang === 'sv' ? 'Återbetalningstid per finansiär och projekt (månader)' : 'Payback per funder and project (months)';
  const svg = plot({
    height: 30 + p.rows.length * (who.length * 16 + 14), marginLeft: 200, marginRight: 30,
    x: { domain: [0, max], label: lang === 'sv' ? 'månader' : 'months', grid: true },
    y: { domain: who.map((w) => w.name), label: null, axis: null },
    fy: { domain: data.filter((_, i) => i % who.length === 0).map((d) => d.project), label: null, padding: 0.15 },
    facet: { data, y: 'project', marginLeft: 200 },
    marks: [
      Plot.barX(data, { y: 'who', x: 'months', fill: (d) => (d.id === SOCIETY ? '#000' : ACTOR_COLORS[d.id] ?? '#555') }),
      Plot.text(data, { y: 'who', x: 'months', text: (d) => `${d.who}: ${d.label}`, textAnchor: 'start', dx: 4, fontSize: 9, fill: '#000' }),
      Plot.ruleX([0]),
    ],
  });
  return { id: 'aterbetalning-per-finansiar', title, svg: frame('aterbetalning-per-finansiar', title, svg, who.map((w) => [w.name, w.id === SOCIETY ? '#000' : ACTOR_COLORS[w.id] ?? '#555', 'rect'])) };
}

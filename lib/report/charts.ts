/**
 * The report's charts, rendered server-side with Observable Plot into jsdom and returned as
 * self-contained SVG strings (with `xmlns`, so resvg can rasterise them). Titles and legends
 * are drawn as SVG, never as Plot's HTML figure, so they survive into the PNG copies.
 * Colours are Okabe–Ito (colour-blind safe) and fixed per actor and category.
 */
import * as Plot from '@observablehq/plot';
import type { ActorResult, Result } from '../results/result.js';
import { CATEGORIES, type Category } from '../vocabulary.js';
import type { Lang } from '../util/errors.js';
import { decimal, kr } from './format.js';
import { paybackText } from './summary-table.js';
import { ACTOR_COLORS, CATEGORY_COLORS, text, type ChartId } from './text.js';

export interface Chart {
  id: ChartId;
  title: string;
  /** A complete `<svg xmlns=…>` document. */
  svg: string;
}

const WIDTH = 760;
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

let sharedDocument: Document | undefined;
/**
 * The document Plot draws in: the page's in a browser (the notebooks build reports there), jsdom's
 * in Node. jsdom is required at run time, not imported, so a bundler leaves it out of the browser.
 */
const doc = (): Document => {
  if (typeof document !== 'undefined') return document;
  if (!sharedDocument) {
    const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
    const { JSDOM } = require('jsdom') as typeof import('jsdom');
    sharedDocument = new JSDOM('').window.document;
  }
  return sharedDocument;
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Compact kronor for axes: 1 200 000 → "1,2 mn" (sv) / "1.2m" (en). */
export function shortKr(x: number, lang: Lang): string {
  const a = Math.abs(x);
  if (a >= 1e6) return lang === 'sv' ? `${decimal(x / 1e6, 1, lang)} mn` : `${decimal(x / 1e6, 1, lang)}m`;
  if (a >= 1e3) return lang === 'sv' ? `${decimal(x / 1e3, 0, lang)} tn` : `${decimal(x / 1e3, 0, lang)}k`;
  return kr(x, lang);
}

/**
 * Wraps a Plot SVG with a title and an optional legend drawn as SVG, in one outer `<svg>`.
 * @param legend entries of [label, colour, shape]
 */
export function frame(id: string, title: string, plot: SVGSVGElement, legend: [string, string, 'rect' | 'line' | 'dash'][] = []): string {
  const w = Number(plot.getAttribute('width'));
  const h = Number(plot.getAttribute('height'));
  plot.setAttribute('x', '0');
  const titleH = 28;
  // Legend entries flow left to right, wrapping at the chart width.
  const items: string[] = [];
  let x = 0, y = 0;
  for (const [label, colour, shape] of legend) {
    const itemW = 22 + label.length * 6.6 + 14;
    if (x + itemW > w && x > 0) { x = 0; y += 18; }
    const mark = shape === 'rect'
      ? `<rect x="${x}" y="${y}" width="12" height="12" fill="${colour}" stroke="#333" stroke-width="0.5"/>`
      : `<line x1="${x}" y1="${y + 6}" x2="${x + 14}" y2="${y + 6}" stroke="${colour}" stroke-width="3"${shape === 'dash' ? ' stroke-dasharray="5,2"' : ''}/>`;
    items.push(`${mark}<text x="${x + 18}" y="${y + 10}" font-size="11">${esc(label)}</text>`);
    x += itemW;
  }
  const legendH = legend.length ? y + 24 : 0;
  plot.setAttribute('y', String(titleH + legendH));
  plot.removeAttribute('xmlns');
  const total = titleH + legendH + h;
  return `<svg xmlns="http://www.w3.org/2000/svg" id="chart-${id}" class="chart" role="img" aria-label="${esc(title)}" width="${w}" height="${total}" viewBox="0 0 ${w} ${total}" font-family="${esc(FONT)}">`
    + `<rect width="${w}" height="${total}" fill="#ffffff"/>`
    + `<text x="0" y="18" font-size="14" font-weight="bold" fill="#000">${esc(title)}</text>`
    + (legend.length ? `<g transform="translate(0,${titleH})" fill="#000">${items.join('')}</g>` : '')
    + plot.outerHTML + '</svg>';
}

export function plot(options: Plot.PlotOptions): SVGSVGElement {
  return Plot.plot({ document: doc(), width: WIDTH, style: { fontFamily: FONT, fontSize: '11px', background: '#ffffff', color: '#000000' }, ...options }) as SVGSVGElement;
}

const name = (a: ActorResult, lang: Lang): string => (lang === 'sv' ? a.label : a.labelEn);

/** Actors with any activity (postings, cost or effect), in catalogue order. */
export function activeActors(r: Result): ActorResult[] {
  return Object.values(r.actors).filter((a) => a.cost !== 0 || a.fore !== 0 || a.efter !== 0 || a.annualEffect !== 0);
}

/** Payback months per actor and group, against the horizon; non-paying rows are labelled. */
export function paybackChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const H = r.project.horizonYears;
  const rows = [...activeActors(r), ...Object.values(r.groups)].map((a) => ({
    name: name(a, lang), id: a.id, months: a.payback.status === 'months' ? a.payback.months! : 0,
    label: paybackText(a.payback, H, lang, a.annualEffect),
  }));
  const max = Math.max(H * 12, ...rows.map((d) => d.months)) * 1.08;
  const svg = plot({
    height: 40 + rows.length * 30, marginLeft: 150, marginRight: 30,
    x: { domain: [0, max], label: lang === 'sv' ? 'månader' : 'months', grid: true },
    y: { domain: rows.map((d) => d.name), label: null },
    marks: [
      Plot.barX(rows, { y: 'name', x: 'months', fill: (d) => ACTOR_COLORS[d.id] ?? '#555', insetTop: 4, insetBottom: 4 }),
      Plot.ruleX([H * 12], { stroke: '#000', strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.text([H * 12], { x: (d) => d, frameAnchor: 'top', dy: 2, dx: -4, textAnchor: 'end', text: () => `${lang === 'sv' ? 'horisont' : 'horizon'} ${H} ${t.years}`, fontSize: 10 }),
      Plot.text(rows, { y: 'name', x: 'months', text: 'label', textAnchor: 'start', dx: 4, fill: '#000' }),
      Plot.ruleX([0]),
    ],
  });
  return { id: 'aterbetalningstid', title: t.charts.aterbetalningstid, svg: frame('aterbetalningstid', t.charts.aterbetalningstid, svg) };
}

/** Cumulative net (Σ Δ_t − C) per actor for years 0..H, with society drawn thick and dashed. */
export function cumulativeChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const actors = activeActors(r);
  const rows = (a: ActorResult) => a.cumulativeNet.map((v, year) => ({ id: a.id, year, v }));
  const data = actors.flatMap(rows);
  const society = r.groups.samhallet ? rows(r.groups.samhallet) : [];
  const svg = plot({
    height: 360, marginLeft: 70, marginRight: 20,
    x: { label: lang === 'sv' ? 'år' : 'year', ticks: r.project.horizonYears, tickFormat: 'd' },
    y: { label: 'kr', grid: true, nice: true, tickFormat: (v: number) => shortKr(v, lang) },
    marks: [
      Plot.ruleY([0], { stroke: '#000' }),
      Plot.line(data, { x: 'year', y: 'v', z: 'id', stroke: (d) => ACTOR_COLORS[d.id] ?? '#555', strokeWidth: 2 }),
      Plot.dot(data, { x: 'year', y: 'v', fill: (d) => ACTOR_COLORS[d.id] ?? '#555', r: 2.5 }),
      Plot.line(society, { x: 'year', y: 'v', stroke: '#000', strokeWidth: 3.5, strokeDasharray: '8,4' }),
    ],
  });
  const legend: [string, string, 'line' | 'dash'][] = actors.map((a) => [name(a, lang), ACTOR_COLORS[a.id] ?? '#555', 'line']);
  if (r.groups.samhallet) legend.push([name(r.groups.samhallet, lang), '#000', 'dash']);
  return { id: 'kumulativt-netto', title: t.charts['kumulativt-netto'], svg: frame('kumulativt-netto', t.charts['kumulativt-netto'], svg, legend) };
}

/** Categories with any change or level for the given actors. */
function usedCategories(actors: ActorResult[]): Category[] {
  return CATEGORIES.filter((c) => actors.some((a) => a.byCategory[c].fore !== 0 || a.byCategory[c].efter !== 0));
}

/** A waterfall per actor: the före level, one step per category (efter − före), the efter level. */
export function waterfallChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const actors = activeActors(r).filter((a) => a.fore !== 0 || a.efter !== 0);
  const cats = usedCategories(actors);
  const steps = [t.fore, ...cats.map((c) => t.categories[c]), t.efter];
  const data: { actor: string; step: string; y1: number; y2: number; fill: string }[] = [];
  for (const a of actors) {
    const n = name(a, lang);
    data.push({ actor: n, step: t.fore, y1: 0, y2: a.fore, fill: '#BBBBBB' });
    let run = a.fore;
    for (const c of cats) {
      const d = a.byCategory[c].efter - a.byCategory[c].fore;
      data.push({ actor: n, step: t.categories[c], y1: run, y2: run + d, fill: CATEGORY_COLORS[c] });
      run += d;
    }
    data.push({ actor: n, step: t.efter, y1: 0, y2: a.efter, fill: '#666666' });
  }
  const svg = plot({
    height: 40 + actors.length * 120, marginLeft: 70, marginRight: 130, marginBottom: 40,
    x: { domain: steps, label: null, tickRotate: 0, tickFormat: (s: string) => (s.length > 12 ? s.slice(0, 11) + '…' : s) },
    y: { label: null, grid: true, nice: true, tickFormat: (v: number) => shortKr(v, lang), ticks: 3 },
    fy: { domain: actors.map((a) => name(a, lang)), label: null, padding: 0.2 },
    facet: { data, y: 'actor', marginRight: 130 },
    marks: [
      Plot.barY(data, { x: 'step', y1: 'y1', y2: 'y2', fill: 'fill', stroke: '#333', strokeWidth: 0.5, insetLeft: 6, insetRight: 6 }),
      Plot.ruleY([0], { stroke: '#000' }),
      Plot.frame({ stroke: '#ddd' }),
    ],
  });
  const legend: [string, string, 'rect'][] = [[`${t.fore}/${t.efter}`, '#999999', 'rect'], ...cats.map((c) => [t.categories[c], CATEGORY_COLORS[c], 'rect'] as [string, string, 'rect'])];
  return { id: 'vattenfall', title: t.charts.vattenfall, svg: frame('vattenfall', t.charts.vattenfall, svg, legend) };
}

/** Who pays: per actor, stacked bars of the annual net position by category, före and efter. */
export function payerFlowChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const actors = activeActors(r).filter((a) => a.fore !== 0 || a.efter !== 0);
  const cats = usedCategories(actors);
  const data = actors.flatMap((a) => cats.flatMap((c) => [
    { actor: name(a, lang), when: t.fore, cat: c, v: a.byCategory[c].fore },
    { actor: name(a, lang), when: t.efter, cat: c, v: a.byCategory[c].efter },
  ])).filter((d) => d.v !== 0);
  const svg = plot({
    height: 40 + actors.length * 62, marginLeft: 60, marginRight: 130,
    x: { nice: true, label: lang === 'sv' ? 'kr per år (negativt = betalar)' : 'SEK per year (negative = pays)', grid: true, tickFormat: (v: number) => shortKr(v, lang) },
    y: { domain: [t.fore, t.efter], label: null },
    fy: { domain: actors.map((a) => name(a, lang)), label: null },
    facet: { data, y: 'actor', marginRight: 130 },
    marks: [
      Plot.barX(data, Plot.stackX({ y: 'when', x: 'v', order: cats, z: 'cat', fill: (d) => CATEGORY_COLORS[d.cat as Category], stroke: '#fff', strokeWidth: 0.5 })),
      Plot.ruleX([0], { stroke: '#000' }),
    ],
  });
  const legend = cats.map((c) => [t.categories[c], CATEGORY_COLORS[c], 'rect'] as [string, string, 'rect']);
  return { id: 'vem-betalar', title: t.charts['vem-betalar'], svg: frame('vem-betalar', t.charts['vem-betalar'], svg, legend) };
}

/** All four charts in report order. */
export function reportCharts(r: Result, lang: Lang): Chart[] {
  return [paybackChart(r, lang), cumulativeChart(r, lang), waterfallChart(r, lang), payerFlowChart(r, lang)];
}

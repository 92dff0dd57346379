/**
 * The report's charts, rendered server-side with Observable Plot (into linkedom, chart-dom.ts) and returned as
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
import { SOCIETY } from '../catalog/groups.js';
import { chartMarkup, nodeDocument } from './chart-dom.js';

export interface Chart {
  id: ChartId;
  title: string;
  /** A complete `<svg xmlns=…>` document. */
  svg: string;
  /** The same picture, quicker to rasterise, when the PNG is drawn from other markup than `svg`. */
  pngSvg?: string;
}

const WIDTH = 760;
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
/**
 * Plot's inline style, written as browsers and jsdom serialise it (double-quoted families, rgb()
 * colours): linkedom keeps values as given, so every DOM writes the same attribute.
 */
const STYLE = { fontFamily: '"DejaVu Sans", "Liberation Sans", Arial, sans-serif', fontSize: '11px', background: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)' };

/** The document Plot draws in: the page's in a browser (the notebooks build reports there), else linkedom's. */
const doc = (): Document => (typeof document !== 'undefined' ? document : nodeDocument());

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Compact kronor for axes: 1 200 000 → "1,2 mn" (sv) / "1.2m" (en). */
export function shortKr(x: number, lang: Lang): string {
  const a = Math.abs(x);
  const c = text(lang).chartText;
  if (a >= 1e6) return c.millions(decimal(x / 1e6, 1, lang));
  if (a >= 1e3) return c.thousands(decimal(x / 1e3, 0, lang));
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
    + chartMarkup(plot) + '</svg>';
}

export function plot(options: Plot.PlotOptions, o: { width?: number; document?: Document } = {}): SVGSVGElement {
  return Plot.plot({ document: o.document ?? (globalThis as { document?: Document }).document ?? doc(), width: o.width ?? WIDTH, style: STYLE, ...options }) as SVGSVGElement;
}

const name = (a: Pick<ActorResult, 'label' | 'labelEn'>, lang: Lang): string => (lang === 'sv' ? a.label : a.labelEn);

/** What the payback and cumulative charts read of an actor or group (an engine result has it all). */
export type ChartActor = Pick<ActorResult, 'id' | 'label' | 'labelEn' | 'payback' | 'annualEffect' | 'cost' | 'cumulativeNet' | 'fore' | 'efter'>;

/**
 * What the payback and cumulative charts read of a result: an engine `Result`, or one rebuilt from
 * a result JSON in the notebooks (the JSON has no ledger).
 */
export interface ChartResult {
  project: { horizonYears: number };
  /** The usual funders in presentation order (catalogue `funders`). */
  funders: readonly string[];
  actors: Record<string, ChartActor>;
  groups: Record<string, ChartActor>;
}

/** Actors with any activity (postings, cost or effect), in catalogue order. */
export function activeActors<A extends ChartActor>(r: { actors: Record<string, A> }): A[] {
  return Object.values(r.actors).filter((a) => a.cost !== 0 || a.fore !== 0 || a.efter !== 0 || a.annualEffect !== 0);
}

/** Options shared by the chart functions ((data, options), in the style of Plot). */
export interface ChartOptions {
  lang: Lang;
  /** Width in px (default 760, the report's). */
  width?: number;
  /** The document to draw in (default: the browser's, else a shared linkedom one). */
  document?: Document;
}

/** One bar of the payback chart. */
export interface PaybackDatum { id: string; name: string; months: number; label: string }

/** Payback rows for every active actor and group (0 months when not paid back; the label says why). */
export function paybackData(r: ChartResult, lang: Lang): PaybackDatum[] {
  const H = r.project.horizonYears;
  return [...activeActors(r), ...Object.values(r.groups)].map((a) => ({
    name: name(a, lang), id: a.id, months: a.payback.status === 'months' && Math.round(a.annualEffect) >= 0 ? a.payback.months! : 0,
    label: paybackText(a.payback, H, lang, a.annualEffect),
  }));
}

/** Payback months per row against the horizon (a dashed line at H years). */
export function paybackPlot(rows: readonly PaybackDatum[], o: ChartOptions & { horizonYears: number }): SVGSVGElement {
  const t = text(o.lang);
  const H = o.horizonYears;
  const max = Math.max(H * 12, ...rows.map((d) => d.months)) * 1.08;
  return plot({
    height: 40 + rows.length * 30, marginLeft: 150, marginRight: 30,
    x: { domain: [0, max], label: t.chartText.months, grid: true },
    y: { domain: rows.map((d) => d.name), label: null },
    marks: [
      Plot.barX(rows, { y: 'name', x: 'months', fill: (d: PaybackDatum) => ACTOR_COLORS[d.id] ?? '#555', insetTop: 4, insetBottom: 4 }),
      Plot.ruleX([H * 12], { stroke: '#000', strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.text([H * 12], { x: (d: number) => d, frameAnchor: 'top', dy: 2, dx: -4, textAnchor: 'end', text: () => `${t.chartText.horizon} ${H} ${t.years}`, fontSize: 10 }),
      Plot.text(rows, { y: 'name', x: 'months', text: 'label', textAnchor: 'start', dx: 4, fill: '#000' }),
      Plot.ruleX([0]),
    ],
  }, o);
}

/** Payback months per actor and group, against the horizon; non-paying rows are labelled. */
export function paybackChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const svg = paybackPlot(paybackData(r, lang), { lang, horizonYears: r.project.horizonYears });
  return { id: 'aterbetalningstid', title: t.charts.aterbetalningstid, svg: frame('aterbetalningstid', t.charts.aterbetalningstid, svg) };
}

/** One point of a cumulative-net line. */
export interface CumulativeDatum { id: string; name: string; year: number; value: number }

/** Cumulative net (Σ Δ_t − C, years 0..H) of samhället and the funders that bear a cost or feel an effect. */
export function cumulativeData(r: ChartResult, lang: Lang): CumulativeDatum[] {
  const shown = [r.groups[SOCIETY], ...r.funders.map((id) => r.actors[id])]
    .filter((a): a is ChartActor => a !== undefined && (a.cost !== 0 || a.cumulativeNet.some((v) => Math.abs(v) >= 0.5)));
  return shown.flatMap((a) => a.cumulativeNet.map((value, year) => ({ id: a.id, name: name(a, lang), year, value })));
}

/**
 * Cumulative net per line with direct labels at the right end (no legend): samhället thick and
 * dashed. Labels are spread apart vertically so close lines stay readable.
 */
export function cumulativePlot(data: readonly CumulativeDatum[], o: ChartOptions & { horizonYears: number }): SVGSVGElement {
  const H = o.horizonYears;
  const height = 360, marginTop = 20, marginBottom = 30;
  const values = data.map((d) => d.value);
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  // Spread the end labels at least 13 px apart (in data units of the plot's height).
  const minGap = ((hi - lo) || 1) * 13 / (height - marginTop - marginBottom);
  const ends = data.filter((d) => d.year === H).sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : 1));
  const labels: (CumulativeDatum & { labelY: number })[] = [];
  for (const e of ends) labels.push({ ...e, labelY: labels.length ? Math.max(e.value, labels[labels.length - 1].labelY + minGap) : e.value });
  const colour = (d: { id: string }) => ACTOR_COLORS[d.id] ?? '#555';
  const isSociety = (d: { id: string }) => d.id === SOCIETY;
  return plot({
    height, marginTop, marginBottom, marginLeft: 70, marginRight: 170,
    x: { label: text(o.lang).chartText.year, ticks: H, tickFormat: 'd' },
    y: { label: 'kr', grid: true, nice: true, tickFormat: (v: number) => shortKr(v, o.lang) },
    marks: [
      Plot.ruleY([0], { stroke: '#000' }),
      Plot.line(data.filter((d) => !isSociety(d)), { x: 'year', y: 'value', z: 'id', stroke: colour, strokeWidth: 2 }),
      Plot.line(data.filter(isSociety), { x: 'year', y: 'value', stroke: '#000', strokeWidth: 3.5, strokeDasharray: '8,4' }),
      Plot.dot(data, { x: 'year', y: 'value', fill: colour, r: 2.5 }),
      Plot.text(labels.filter((d) => !isSociety(d)), { x: 'year', y: 'labelY', text: (d: CumulativeDatum) => `${d.name} ${shortKr(d.value, o.lang)}`, textAnchor: 'start', dx: 6, fill: colour }),
      Plot.text(labels.filter(isSociety), { x: 'year', y: 'labelY', text: (d: CumulativeDatum) => `${d.name} ${shortKr(d.value, o.lang)}`, textAnchor: 'start', dx: 6, fill: '#000', fontWeight: 'bold' }),
    ],
  }, o);
}

/** Cumulative net per year of samhället and the funders (benefits minus intervention cost). */
export function cumulativeChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const svg = cumulativePlot(cumulativeData(r, lang), { lang, horizonYears: r.project.horizonYears });
  return { id: 'kumulativt-netto', title: t.charts['kumulativt-netto'], svg: frame('kumulativt-netto', t.charts['kumulativt-netto'], svg) };
}

/** Categories with any change or level for the given actors. */
function usedCategories(actors: ActorResult[]): Category[] {
  return CATEGORIES.filter((c) => actors.some((a) => a.byCategory[c].fore !== 0 || a.byCategory[c].efter !== 0));
}

/** One bar of a waterfall: from y1 to y2 at a step (före, a category, efter). */
export interface WaterfallDatum { actor: string; step: string; y1: number; y2: number; fill: string }

/** Which actors a waterfall shows and how the change is split. */
export interface WaterfallDataOptions {
  /** Actor or group ids (default: every actor with a position before or after). */
  actors?: readonly string[];
  /** One step per category (default, the report's) or per item, largest change first. */
  by?: 'category' | 'item';
}

/** Kronor below this are rounding noise in an item step. */
const NOISE = 0.5;

/**
 * Waterfall bars per actor with a position: the före level, one step per category (or item), the
 * efter level. The report draws every actor by category; the notebooks pick one actor or group.
 */
export function waterfallData(r: Result, lang: Lang, o: WaterfallDataOptions = {}): { steps: string[]; categories: Category[]; actors: string[]; data: WaterfallDatum[] } {
  const t = text(lang);
  const actors = o.actors
    ? o.actors.map((id) => r.actors[id] ?? r.groups[id]).filter((a): a is ActorResult => a !== undefined)
    : activeActors(r).filter((a) => a.fore !== 0 || a.efter !== 0);
  const cats = usedCategories(actors);
  const data: WaterfallDatum[] = [];
  const itemSteps = new Set<string>();
  for (const a of actors) {
    const n = name(a, lang);
    data.push({ actor: n, step: t.fore, y1: 0, y2: a.fore, fill: '#BBBBBB' });
    let run = a.fore;
    const parts: [string, number, string][] = o.by === 'item'
      ? itemParts(r, a)
      : cats.map((c) => [t.categories[c], a.byCategory[c].efter - a.byCategory[c].fore, CATEGORY_COLORS[c]]);
    for (const [step, d, fill] of parts) {
      if (o.by === 'item') itemSteps.add(step);
      data.push({ actor: n, step, y1: run, y2: run + d, fill });
      run += d;
    }
    data.push({ actor: n, step: t.efter, y1: 0, y2: a.efter, fill: '#666666' });
  }
  const middle = o.by === 'item' ? [...itemSteps] : cats.map((c) => t.categories[c]);
  return { steps: [t.fore, ...middle, t.efter], categories: cats, actors: actors.map((a) => name(a, lang)), data };
}

/** An actor's (or group's) change efter − före per item label, largest first, coloured by the item's category. */
function itemParts(r: Result, a: ActorResult): [string, number, string][] {
  const byItem = new Map<string, { d: number; c: Category }>();
  for (const row of r.items) {
    if (!a.members.includes(row.actor)) continue;
    const x = byItem.get(row.label) ?? { d: 0, c: row.category };
    x.d += row.efter - row.fore;
    byItem.set(row.label, x);
  }
  return [...byItem].filter(([, x]) => Math.abs(x.d) >= NOISE).sort((p, q) => Math.abs(q[1].d) - Math.abs(p[1].d) || (p[0] < q[0] ? -1 : 1))
    .map(([label, x]) => [label, x.d, CATEGORY_COLORS[x.c]]);
}

/** One actor's waterfall on its own scale (a small multiple); step labels wrap instead of being cut. */
export function waterfallPlot(data: readonly WaterfallDatum[], o: ChartOptions & { steps: string[]; title?: string; height?: number }): SVGSVGElement {
  return plot({
    height: o.height ?? 170, marginLeft: 70, marginRight: 10, marginTop: o.title ? 22 : 10, marginBottom: 36,
    x: { domain: o.steps, label: null },
    y: { label: null, grid: true, nice: true, tickFormat: (v: number) => shortKr(v, o.lang), ticks: 4 },
    marks: [
      Plot.barY(data, { x: 'step', y1: 'y1', y2: 'y2', fill: 'fill', stroke: '#333', strokeWidth: 0.5, insetLeft: 6, insetRight: 6 }),
      Plot.ruleY([0], { stroke: '#000' }),
      Plot.axisX({ lineWidth: 9, fontSize: 10, tickSize: 0 }),
      ...(o.title ? [Plot.text([o.title], { frameAnchor: 'top-left', dy: -18, dx: -60, text: (d: string) => d, fontWeight: 'bold', fontSize: 12 })] : []),
      Plot.frame({ stroke: '#ddd' }),
    ],
  }, o);
}

/** A waterfall per actor, each on its own scale, stacked into one figure. */
export function waterfallChart(r: Result, lang: Lang): Chart {
  const t = text(lang);
  const w = waterfallData(r, lang);
  const plots = w.actors.map((actor) => waterfallPlot(w.data.filter((d) => d.actor === actor), { lang, steps: w.steps, title: actor }));
  const legend: [string, string, 'rect'][] = [[`${t.fore}/${t.efter}`, '#999999', 'rect'], ...w.categories.map((c) => [t.categories[c], CATEGORY_COLORS[c], 'rect'] as [string, string, 'rect'])];
  const stacked = stack(plots);
  const svg = frame('vattenfall', t.charts.vattenfall, stacked, legend);
  // The stack's clip is redundant (each plot clips itself) and costs resvg a layer the size of the
  // whole image: the PNG is drawn without it, the same pixels in about 40 % less time.
  stacked.setAttribute('overflow', 'visible');
  return { id: 'vattenfall', title: t.charts.vattenfall, svg, pngSvg: frame('vattenfall', t.charts.vattenfall, stacked, legend) };
}

/** Stacks plots vertically in one `<svg>` (for small multiples with independent scales). */
function stack(plots: SVGSVGElement[]): SVGSVGElement {
  const d = plots[0]?.ownerDocument ?? doc();
  const outer = d.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
  let y = 0, width = WIDTH;
  for (const p of plots) {
    p.setAttribute('x', '0');
    p.setAttribute('y', String(y));
    p.removeAttribute('xmlns');
    y += Number(p.getAttribute('height'));
    width = Math.max(width, Number(p.getAttribute('width')));
    outer.appendChild(p);
  }
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(Math.max(1, y)));
  outer.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, y)}`);
  return outer;
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
    x: { nice: true, label: t.chartText.payerAxis, grid: true, tickFormat: (v: number) => shortKr(v, lang) },
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

/**
 * All four charts in report order.
 * @param o.onChart called as each chart is drawn, the waterfall (the largest to rasterise) first,
 *   so its PNG can be started while the others are drawn
 */
export function reportCharts(r: Result, lang: Lang, o: { onChart?: (c: Chart) => void } = {}): Chart[] {
  const draw = (f: (r: Result, lang: Lang) => Chart): Chart => {
    const c = f(r, lang);
    if (typeof o.onChart === 'function') o.onChart(c);
    return c;
  };
  const waterfall = draw(waterfallChart);
  return [draw(paybackChart), draw(cumulativeChart), waterfall, draw(payerFlowChart)];
}

/**
 * Cost shifts (kostnadsförskjutningar, method §7) for the notebooks: who pays what before and
 * after, per category and actor. The waterfall is the library's (lib/report/charts.ts
 * `waterfallData` + `waterfallPlot`, as in the report). Everything is read from the engine's result (`byCategory` and the
 * item rows); the functions only group, order and lay out the numbers for Plot.
 */
import * as Plot from '@observablehq/plot';
import { CATEGORIES, kr, type Catalog, type Category, type Result } from '../../lib/index.js';
import { text } from '../../lib/report/text.js';

/** The report's category labels (lib/report/text.ts), so notebook and report use one wording. */
const CATEGORY_LABELS: Record<Category, string> = text('sv').categories;

const NOISE = 0.5; // kronor: amounts below this are rounding noise

export interface CategoryRow {
  actor: string;
  actorLabel: string;
  category: Category;
  categoryLabel: string;
  fore: number;
  efter: number;
  delta: number;
}

/** Per actor and category: the annual level before and after, and the effect Δ. Zero rows are left out. */
export function categoryRows(r: Result): CategoryRow[] {
  const out: CategoryRow[] = [];
  for (const a of Object.values(r.actors)) {
    for (const c of CATEGORIES) {
      const b = a.byCategory[c];
      if (Math.abs(b.fore) < NOISE && Math.abs(b.efter) < NOISE && Math.abs(b.delta) < NOISE) continue;
      out.push({ actor: a.id, actorLabel: a.label, category: c, categoryLabel: CATEGORY_LABELS[c], fore: b.fore, efter: b.efter, delta: b.delta });
    }
  }
  return out;
}

/** Heatmap of Δ per actor and category (red: the actor pays more after, green: less). */
export function categoryHeatmap(rows: readonly CategoryRow[], { width = 640 } = {}): SVGSVGElement | HTMLElement {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.delta)));
  return Plot.plot({
    width, marginLeft: 130, marginBottom: 20, height: 60 + 34 * new Set(rows.map((r) => r.actor)).size,
    x: { label: null, axis: 'top', domain: CATEGORIES.filter((c) => rows.some((r) => r.category === c)).map((c) => CATEGORY_LABELS[c]) },
    y: { label: null },
    color: { type: 'diverging', scheme: 'rdbu', domain: [-max, max], legend: true, label: 'Δ kronor per år', tickFormat: (d: number) => kr(d) },
    marks: [
      Plot.cell(rows, { x: 'categoryLabel', y: 'actorLabel', fill: 'delta', inset: 1, title: (r: CategoryRow) => `${r.actorLabel} · ${r.categoryLabel}\nföre ${kr(r.fore)} · efter ${kr(r.efter)} · Δ ${kr(r.delta)} kr/år` }),
      Plot.text(rows, { x: 'categoryLabel', y: 'actorLabel', text: (r: CategoryRow) => (Math.abs(r.delta) < NOISE ? '0' : kr(r.delta / 1000) + ' tkr'), fontSize: 10, fill: (r: CategoryRow) => (Math.abs(r.delta) > 0.6 * max ? 'white' : 'black') }),
    ],
  });
}

/** Categories in which someone pays for the participants (not taxes or production). */
export const PAYING_CATEGORIES: readonly Category[] = ['ersattning', 'subvention', 'avgift', 'real'];

export interface FlowLink { from: string; to: string; value: number }
export interface FlowResult {
  /** Annual amount each actor pays before and after (participants' levels, kronor per year). */
  before: Record<string, number>;
  after: Record<string, number>;
  links: FlowLink[];
  /** Payments that end without anyone taking them over (a saving) and payments that are new. */
  saved: number;
  added: number;
}

export const NEW_COST = 'Ny kostnad';
export const SAVED = 'Upphör (inbesparat)';

/**
 * Payer before → payer after. What an actor pays (negative postings in the paying categories)
 * before and after the intervention. An actor's unchanged part flows to itself; the decreases are
 * handed to the increases in proportion (what no one takes over is a saving, what exceeds the
 * decreases is new cost). The proportional split shows who took over payment responsibility in
 * aggregate, not individual participants' paths.
 */
export function payerFlows(r: Result, categories: readonly Category[] = PAYING_CATEGORIES): FlowResult {
  const before: Record<string, number> = {}, after: Record<string, number> = {};
  for (const a of Object.keys(r.actors)) { before[a] = 0; after[a] = 0; }
  for (const row of r.items) {
    if (!categories.includes(row.category)) continue;
    before[row.actor] += Math.max(0, -row.fore);
    after[row.actor] += Math.max(0, -row.efter);
  }
  const links: FlowLink[] = [];
  const dec: Record<string, number> = {}, inc: Record<string, number> = {};
  let D = 0, I = 0;
  for (const a of Object.keys(before)) {
    const stay = Math.min(before[a], after[a]);
    if (stay >= NOISE) links.push({ from: a, to: a, value: stay });
    dec[a] = before[a] - stay; inc[a] = after[a] - stay;
    D += dec[a]; I += inc[a];
  }
  const T = Math.min(D, I);
  for (const a of Object.keys(dec)) {
    if (dec[a] < NOISE) continue;
    for (const b of Object.keys(inc)) {
      if (inc[b] < NOISE) continue;
      const v = (dec[a] / D) * (inc[b] / I) * T;
      if (v >= NOISE) links.push({ from: a, to: b, value: v });
    }
    const left = dec[a] * (1 - T / D);
    if (left >= NOISE) links.push({ from: a, to: SAVED, value: left });
  }
  for (const b of Object.keys(inc)) {
    const extra = I > 0 ? inc[b] * (1 - T / I) : 0;
    if (extra >= NOISE) links.push({ from: NEW_COST, to: b, value: extra });
  }
  return { before, after, links, saved: D - T, added: I - T };
}

interface Node { id: string; label: string; y0: number; y1: number; used: number }

/** Draws `payerFlows` as two stacked columns (före, efter) joined by ribbons. */
export function flowChart(f: FlowResult, catalog: Catalog, { width = 640 } = {}): SVGSVGElement | HTMLElement {
  const label = (id: string) => catalog.actors.find((a) => a.id === id)?.label ?? id;
  const order = [...catalog.actors.map((a) => a.id), NEW_COST, SAVED];
  const leftTotal = (id: string) => f.links.filter((l) => l.from === id).reduce((s, l) => s + l.value, 0);
  const rightTotal = (id: string) => f.links.filter((l) => l.to === id).reduce((s, l) => s + l.value, 0);
  const total = Math.max(1, f.links.reduce((s, l) => s + l.value, 0));
  const pad = total * 0.05;
  const stack = (total: (id: string) => number): Map<string, Node> => {
    const m = new Map<string, Node>();
    let y = 0;
    for (const id of order) {
      const v = total(id);
      if (v < NOISE) continue;
      m.set(id, { id, label: label(id), y0: y, y1: y + v, used: 0 });
      y += v + pad;
    }
    return m;
  };
  const left = stack(leftTotal), right = stack(rightTotal);
  const links = [...f.links].sort((a, b) => order.indexOf(a.from) - order.indexOf(b.from) || order.indexOf(a.to) - order.indexOf(b.to));
  const points: { id: number; from: string; x: number; y1: number; y2: number; value: number; text: string }[] = [];
  links.forEach((l, i) => {
    const s = left.get(l.from)!, t = right.get(l.to)!;
    const s0 = s.y0 + s.used, t0 = t.y0 + t.used;
    s.used += l.value; t.used += l.value;
    const text = `${label(l.from)} → ${label(l.to)}: ${kr(l.value)} kr/år`;
    for (let k = 0; k <= 24; k++) {
      const x = k / 24, e = x * x * (3 - 2 * x);
      points.push({ id: i, from: label(l.from), x, y1: s0 + (t0 - s0) * e, y2: s0 + l.value + (t0 - s0) * e, value: l.value, text });
    }
  });
  const nodes = (m: Map<string, Node>, side: 'left' | 'right') => [...m.values()].map((n) => ({ ...n, side, value: n.y1 - n.y0 }));
  const all = [...nodes(left, 'left'), ...nodes(right, 'right')];
  const height = Math.max(320, 44 * Math.max(left.size, right.size) + 80);
  return Plot.plot({
    width, height, marginLeft: 150, marginRight: 150, marginTop: 30,
    x: { domain: [-0.05, 1.05], axis: null },
    y: { axis: null, reverse: true },
    color: { domain: order.map(label), scheme: 'tableau10' },
    marks: [
      Plot.areaY(points, { x: 'x', y1: 'y1', y2: 'y2', z: 'id', fill: 'from', fillOpacity: 0.45, curve: 'linear', title: 'text' }),
      Plot.rect(all, { x1: (n: { side: string }) => (n.side === 'left' ? -0.05 : 1), x2: (n: { side: string }) => (n.side === 'left' ? 0 : 1.05), y1: 'y0', y2: 'y1', fill: 'label', title: (n: Node & { value: number }) => `${n.label}: ${kr(n.value)} kr/år` }),
      ...(['left', 'right'] as const).map((side) => Plot.text(all.filter((n) => n.side === side), {
        x: side === 'left' ? -0.05 : 1.05, y: (n: Node) => (n.y0 + n.y1) / 2, text: (n: Node & { value: number }) => `${n.label}\n${kr(n.value)} kr`,
        textAnchor: side === 'left' ? 'end' : 'start', dx: side === 'left' ? -6 : 6, fontSize: 10, lineHeight: 1.1,
      })),
      Plot.text(['Före: vem betalar', 'Efter: vem betalar'], { x: (_: string, i: number) => (i === 0 ? -0.025 : 1.025), frameAnchor: 'top', dy: -18, text: (d: string) => d, fontWeight: 'bold' } as Plot.TextOptions),
    ],
  });
}

export interface ZeroSumRow {
  post: string;
  actor: string;
  actorLabel: string;
  delta: number;
}

/**
 * The transfers that net to zero: for each item and category, the changes per actor sum to zero
 * (a benefit paid by one actor and received by another, a tax paid by the individual and received
 * by kommun, region and state). They move money between actors without changing society's result.
 */
export function zeroSumTransfers(r: Result): { rows: ZeroSumRow[]; gross: number } {
  const groups = new Map<string, { post: string; rows: ZeroSumRow[]; sum: number; abs: number }>();
  for (const row of r.items) {
    if (Math.abs(row.delta) < NOISE) continue;
    const key = `${row.item}|${row.category}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { post: `${row.label} · ${CATEGORY_LABELS[row.category].toLowerCase()}`, rows: [], sum: 0, abs: 0 }));
    g.rows.push({ post: g.post, actor: row.actor, actorLabel: r.actors[row.actor]?.label ?? row.actor, delta: row.delta });
    g.sum += row.delta; g.abs += Math.abs(row.delta);
  }
  const rows: ZeroSumRow[] = [];
  let gross = 0;
  for (const g of groups.values()) {
    if (g.rows.length < 2 || Math.abs(g.sum) > Math.max(1, 1e-6 * g.abs)) continue;
    rows.push(...g.rows);
    gross += g.abs / 2;
  }
  return { rows, gross };
}

/** Diverging bars per zero-sum post: who gains and who pays, with the (zero) net marked. */
export function zeroSumChart(rows: readonly ZeroSumRow[], catalog: Catalog, { width = 640 } = {}): SVGSVGElement | HTMLElement {
  const posts = [...new Set(rows.map((r) => r.post))];
  return Plot.plot({
    width, height: 50 + 28 * posts.length, marginLeft: 240, marginRight: 60,
    x: { label: 'Förändring per år (kr) – summan per rad är noll', grid: true, ticks: 5, tickFormat: (d: number) => kr(d) },
    y: { domain: posts, label: null, tickFormat: (s: string) => (s.length > 38 ? s.slice(0, 37) + '…' : s) },
    color: { legend: true, domain: catalog.actors.map((a) => a.label), scheme: 'tableau10' },
    marks: [
      Plot.barX(rows, { x: 'delta', y: 'post', fill: 'actorLabel', title: (r: ZeroSumRow) => `${r.post}\n${r.actorLabel}: ${kr(r.delta)} kr/år` }),
      Plot.ruleX([0]),
      Plot.text(posts, { y: (d: string) => d, frameAnchor: 'right', dx: 55, text: () => 'netto 0', fontSize: 10, fill: '#555' } as Plot.TextOptions),
    ],
  });
}

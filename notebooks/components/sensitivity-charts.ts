/**
 * Charts for the sensitivity notebook. The analyses themselves are the library's
 * (lib/sensitivity: `oneWay`, `switchingValues`, `monteCarlo`); these functions only draw them.
 */
import * as Plot from '@observablehq/plot';
import { kr, percent } from '../../lib/index.js';
import { shortKr as libraryShortKr } from '../../lib/report/charts.js';
import type { Tornado } from '../../lib/sensitivity/one-way.js';
import type { MonteCarloResult } from '../../lib/sensitivity/monte-carlo.js';
import { inputValue } from '../../lib/report/sensitivity.js';

/** Compact kronor for axes, the report's own: 1 200 000 → "1,2 mn", 35 000 → "35 tn". */
const shortKr = (x: number): string => libraryShortKr(x, 'sv');

/**
 * Tornado: for the target, the H-year net with each input at the low and at the high end of its
 * range (other inputs at base), as bars from the base result. Largest swing on top.
 */
export function tornadoChart(t: Tornado, target: string, { width = 640, rows = 15, horizonYears = 5 } = {}): SVGSVGElement | HTMLElement {
  const base = t.base[target];
  const top = [...t.rows]
    .map((r) => ({ r, swing: Math.abs(r.high[target] - r.low[target]) }))
    .filter((x) => x.swing >= 1)
    .sort((a, b) => b.swing - a.swing)
    .slice(0, rows)
    .map((x) => x.r);
  const name = (r: Tornado['rows'][number]) => `${r.input.label} (${inputValue(r.input, r.input.low, 'sv')} – ${inputValue(r.input, r.input.high, 'sv')})`;
  const bars = top.flatMap((r) => [
    { y: name(r), end: 'låg', x1: base, x2: r.low[target] },
    { y: name(r), end: 'hög', x1: base, x2: r.high[target] },
  ]);
  return Plot.plot({
    width, height: 60 + 30 * Math.max(1, top.length), marginLeft: Math.min(340, width * 0.45), marginRight: 30,
    x: { label: `Netto ${horizonYears} år (kr)`, grid: true, tickFormat: shortKr, ticks: 6 },
    y: { domain: top.map(name), label: null, tickFormat: (s: string) => (s.length > 60 ? s.slice(0, 59) + '…' : s) },
    color: { domain: ['låg', 'hög'], range: ['#c9a227', '#2f6f9f'], legend: true, tickFormat: (d: string) => (d === 'låg' ? 'lägsta värdet i intervallet' : 'högsta värdet i intervallet') },
    marks: [
      Plot.barX(bars, { y: 'y', x1: 'x1', x2: 'x2', fill: 'end', insetTop: 3, insetBottom: 3, title: (d: { y: string; end: string; x2: number }) => `${d.y}\n${d.end}: ${kr(d.x2)} kr` }),
      Plot.ruleX([base], { stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.ruleX([0], { stroke: '#b5443b', strokeDasharray: '4 3' }),
      Plot.text([base], { x: (d: number) => d, frameAnchor: 'top', dy: -4, text: () => `grundkalkyl ${shortKr(base)}` }),
    ],
  });
}

/**
 * The Monte Carlo distribution of the H-year net per actor and group: the 5–95 percentile range
 * as a bar, the median as a dot and the mean as a tick; zero is marked.
 */
export function monteCarloChart(mc: MonteCarloResult, { width = 640, shown }: { width?: number; shown?: readonly string[] } = {}): SVGSVGElement | HTMLElement {
  const rows = mc.targets
    .filter((t) => (shown ? shown.includes(t.id) : t.isGroup || Math.abs(t.netH.p95) >= 1 || Math.abs(t.netH.p5) >= 1))
    .map((t) => ({ ...t, y: t.isGroup ? `${t.label} (grupp)` : t.label }));
  return Plot.plot({
    width, height: 50 + 30 * rows.length, marginLeft: 170, marginRight: 20,
    x: { label: `Netto ${mc.horizonYears} år (kr): 5–95 percentil, median (punkt), medelvärde (streck)`, grid: true, tickFormat: shortKr, ticks: 6 },
    y: { domain: rows.map((r) => r.y), label: null },
    marks: [
      Plot.ruleX([0], { stroke: '#b5443b', strokeDasharray: '4 3' }),
      Plot.barX(rows, { y: 'y', x1: (d) => d.netH.p5, x2: (d) => d.netH.p95, fill: (d) => (d.isGroup ? '#2f6f9f' : '#8fb3cf'), insetTop: 6, insetBottom: 6, title: (d) => `${d.label}\n5 %: ${kr(d.netH.p5)} · median ${kr(d.netH.p50)} · 95 %: ${kr(d.netH.p95)} kr\nP(netto > 0) = ${percent(d.pPositive, 0)}` }),
      Plot.dot(rows, { y: 'y', x: (d) => d.netH.p50, fill: 'black', r: 3.5 }),
      Plot.tickX(rows, { y: 'y', x: (d) => d.netH.mean, stroke: 'black', strokeWidth: 2 }),
    ],
  });
}

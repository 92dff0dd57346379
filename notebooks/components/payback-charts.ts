/**
 * Charts for the payback notebook: återbetalningstid per actor against the horizon, and the
 * cumulative net per actor year by year. Both read a result from the library (or a result JSON);
 * the numbers are the engine's, the functions only shape and draw them.
 */
import * as Plot from '@observablehq/plot';
import {
  kr, paybackText, yearlyStream, cumulativeNet as cumulativeNetOf,
  type Catalog, type Payback, type Result, type ResultJson,
} from '../../lib/index.js';

/** One actor or group as the charts need it. */
export interface ActorView {
  id: string;
  label: string;
  group: boolean;
  annualEffect: number;
  cost: number;
  net1: number;
  netH: number;
  payback: Payback;
  /** Cumulative Σ Δ_t − C at the end of year t = 0..H. */
  cumulativeNet: number[];
}

/** Actor views of an engine result (actors first, then groups, in catalogue order). */
export function actorViews(r: Result): ActorView[] {
  const H = String(r.project.horizonYears);
  const view = (group: boolean) => (a: Result['actors'][string]): ActorView => ({
    id: a.id, label: a.label, group, annualEffect: a.annualEffect, cost: a.cost,
    net1: a.horizons['1'].net, netH: a.horizons[H].net, payback: a.payback, cumulativeNet: a.cumulativeNet,
  });
  return [...Object.values(r.actors).map(view(false)), ...Object.values(r.groups).map(view(true))];
}

/**
 * Actor views of a result JSON (`samnytta/result@1`). The JSON holds no yearly stream, so it is
 * rebuilt with the library's `yearlyStream` from the annual effect and the result's own
 * avklingning and diskonteringsränta; cost is the 1-year cost.
 */
export function actorViewsFromJson(json: ResultJson, catalog: Catalog): ActorView[] {
  const { horizonYears: H, dropOff, discountRate } = json.project;
  const label = (id: string) => catalog.actors.find((a) => a.id === id)?.label ?? catalog.groups.find((g) => g.id === id)?.label ?? id;
  const view = (group: boolean) => ([id, a]: [string, ResultJson['actors'][string]]): ActorView => {
    const cost = a.horizons['1']?.cost ?? 0;
    const cumulativeNet = cumulativeNetOf(cost, yearlyStream(a.annualEffect, { years: H, dropOff, discountRate }));
    return {
      id, label: label(id), group, annualEffect: a.annualEffect, cost,
      net1: a.horizons['1']?.net ?? NaN, netH: a.horizons[String(H)]?.net ?? NaN,
      payback: a.payback as Payback, cumulativeNet,
    };
  };
  return [...Object.entries(json.actors).map(view(false)), ...Object.entries(json.groups).map(view(true))];
}

const STATUS_FILL: Record<string, string> = { months: '#2f6f9f', beyondHorizon: '#c9a227', never: '#b5443b', noCost: '#7a8b99' };

export interface ChartOptions {
  width?: number;
  horizonYears: number;
}

/**
 * Återbetalningstid per actor and group as bars against the horizon (a dashed line at H years).
 * Actors that never pay back, pay back beyond the horizon or bear no cost are labelled.
 */
export function paybackChart(views: readonly ActorView[], { width = 640, horizonYears: H }: ChartOptions): SVGSVGElement | HTMLElement {
  const end = 12 * H;
  const rows = views.map((v) => ({
    ...v,
    y: v.group ? `${v.label} (grupp)` : v.label,
    x: v.payback.status === 'months' ? Math.min(v.payback.months ?? 0, end) : v.payback.status === 'beyondHorizon' ? end : 0,
    text: paybackText(v.payback, H, 'sv'),
    fill: STATUS_FILL[v.payback.status],
  }));
  const ticks = Array.from({ length: H + 1 }, (_, i) => 12 * i);
  return Plot.plot({
    width, height: 32 + 26 * rows.length, marginLeft: 170, marginRight: 110,
    x: { domain: [0, end], ticks, label: 'Månader från insatsens start', grid: true },
    y: { domain: rows.map((r) => r.y), label: null },
    marks: [
      Plot.barX(rows.filter((r) => r.payback.status === 'months' || r.payback.status === 'beyondHorizon'), {
        x: 'x', y: 'y', fill: 'fill', fillOpacity: (r: { payback: Payback }) => (r.payback.status === 'beyondHorizon' ? 0.35 : 0.9),
        title: (r: ActorView & { text: string }) => `${r.label}: ${r.text}\nÅrlig effekt ${kr(r.annualEffect)} kr, kostnad ${kr(r.cost)} kr`,
      }),
      Plot.text(rows, { x: 'x', y: 'y', text: 'text', dx: 6, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([end], { stroke: '#b5443b', strokeDasharray: '4 3' }),
      Plot.text([end], { x: (d: number) => d, frameAnchor: 'top', dy: -2, dx: 4, textAnchor: 'start', text: () => `horisont ${H} år`, fill: '#b5443b' }),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * Cumulative net (Σ Δ_t − C) per actor at the end of each year 0..H (actors that never move are
 * left out); the zero line is where an
 * actor has earned back its share of the cost. Each year's effect is spread evenly over its
 * months, so the straight segments between year ends are exact.
 */
export function cumulativeChart(views: readonly ActorView[], { width = 640, horizonYears: H }: ChartOptions, shown?: readonly string[]): SVGSVGElement | HTMLElement {
  const moves = (v: ActorView) => v.cumulativeNet.some((x) => Math.abs(x) >= 0.5);
  const pick = views.filter((v) => (shown ? shown.includes(v.id) : (!v.group || v.id === 'samhallet') && moves(v)));
  const rows = pick.flatMap((v) => v.cumulativeNet.map((value, year) => ({ id: v.id, label: v.label, group: v.group, year, value })));
  return Plot.plot({
    width, height: 380, marginLeft: 80, marginRight: 20,
    x: { domain: [0, H], ticks: H, tickFormat: 'd', label: 'År från insatsens start', grid: true },
    y: { label: 'Kumulativt netto (kr)', grid: true, tickFormat: (d: number) => kr(d) },
    color: { legend: true, domain: pick.map((v) => v.label) },
    marks: [
      Plot.ruleY([0]),
      // strokeDasharray is a constant option in Plot, so groups (dashed, thick) get their own mark.
      Plot.line(rows.filter((d) => !d.group), { x: 'year', y: 'value', stroke: 'label', z: 'id', strokeWidth: 1.75 }),
      Plot.line(rows.filter((d) => d.group), { x: 'year', y: 'value', stroke: 'label', z: 'id', strokeWidth: 3.5, strokeDasharray: '6 3' }),
      Plot.dot(rows, { x: 'year', y: 'value', fill: 'label', r: 2.5, title: (d: { label: string; year: number; value: number }) => `${d.label}, år ${d.year}: ${kr(d.value)} kr` }),
    ],
  });
}

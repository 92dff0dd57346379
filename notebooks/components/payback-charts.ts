/**
 * The payback notebook's data: actor views for its cards and table, and the result the library's
 * chart functions read (lib/report/charts.ts: `paybackPlot(paybackData(…))`,
 * `cumulativePlot(cumulativeData(…))`, the report's own charts). Both come from a library result
 * or a result JSON; the numbers are the engine's, nothing here draws or recomputes them.
 */
import {
  yearlyStream, cumulativeNet as cumulativeNetOf,
  type Catalog, type Payback, type Result, type ResultJson,
} from '../../lib/index.js';
import type { ChartActor, ChartResult } from '../../lib/report/charts.js';

/** One actor or group as the cards, the table and the charts need it. */
export interface ActorView extends ChartActor {
  group: boolean;
  net1: number;
  netH: number;
}

/** Actor views of an engine result (actors first, then groups, in catalogue order). */
export function actorViews(r: Result): ActorView[] {
  const H = String(r.project.horizonYears);
  const view = (group: boolean) => (a: Result['actors'][string]): ActorView => ({
    id: a.id, label: a.label, labelEn: a.labelEn, group, annualEffect: a.annualEffect, cost: a.cost, fore: a.fore, efter: a.efter,
    net1: a.horizons['1'].net, netH: a.horizons[H].net, payback: a.payback, cumulativeNet: a.cumulativeNet,
  });
  return [...Object.values(r.actors).map(view(false)), ...Object.values(r.groups).map(view(true))];
}

/**
 * Actor views of a result JSON (`samnytta/result@1`). The JSON holds no yearly stream, so it is
 * rebuilt with the library's `yearlyStream` from the annual effect and the result's own
 * avklingning and diskonteringsränta; cost is the 1-year cost. It holds no before/after levels
 * either (0 here: an actor shows when it has a cost or an effect).
 */
export function actorViewsFromJson(json: ResultJson, catalog: Catalog): ActorView[] {
  const { horizonYears: H, dropOff, discountRate } = json.project;
  const named = (id: string) => catalog.actors.find((a) => a.id === id) ?? catalog.groups.find((g) => g.id === id);
  const view = (group: boolean) => ([id, a]: [string, ResultJson['actors'][string]]): ActorView => {
    const cost = a.horizons['1']?.cost ?? 0;
    const cumulativeNet = cumulativeNetOf(cost, yearlyStream(a.annualEffect, { years: H, dropOff, discountRate }));
    return {
      id, label: named(id)?.label ?? id, labelEn: named(id)?.labelEn ?? id, group, annualEffect: a.annualEffect, cost, fore: 0, efter: 0,
      net1: a.horizons['1']?.net ?? 0, netH: a.horizons[String(H)]?.net ?? 0,
      payback: a.payback as Payback, cumulativeNet,
    };
  };
  return [...Object.entries(json.actors).map(view(false)), ...Object.entries(json.groups).map(view(true))];
}

/** The views as the result the library's `paybackData` and `cumulativeData` read. */
export function chartResult(views: readonly ActorView[], horizonYears: number, catalog: Catalog): ChartResult {
  const pick = (group: boolean) => Object.fromEntries(views.filter((v) => v.group === group).map((v) => [v.id, v]));
  return { project: { horizonYears }, funders: catalog.funders, actors: pick(false), groups: pick(true) };
}

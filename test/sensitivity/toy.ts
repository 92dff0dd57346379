/**
 * A toy catalogue and pricer for the sensitivity tests: three items priced by hand-checkable
 * rules (no income tax), producing a Ledger with the engine's layout. Used until and beside the
 * real engine, so every expected number below can be worked out on paper.
 *
 * Items (per month):
 * - kommun.forsorjningsstod: transfer kommun → individ, 10 000 kr/månad (status verified)
 * - region.psykiatri_oppenvard_besok: real cost to region, 2 500 kr/besök × perMonth (status estimate)
 * - arbete.osubventionerad_anstallning: a job at 25 000 kr/månad (scaled by wage/25 000):
 *   production credited individ 100 000/12, kommun 30 000/12, ovrigStat 20 000/12 (150 000 kr/år)
 */
import type { Catalog, Item, Series } from '../../lib/catalog/types.js';
import type { Ledger, LedgerSide } from '../../lib/engine/ledger.js';
import type { Participant, Project, Situation } from '../../lib/model/types.js';
import { CATEGORIES } from '../../lib/vocabulary.js';
import type { RangeDefaults } from '../../lib/sensitivity/ranges.js';
import { evaluateScenario, scenarioNets, type Scenario, type SensitivityModel } from '../../lib/sensitivity/scenario.js';
import { expect } from 'vitest';

const src = { title: 'toy', href: 'https://example.org', retrieved: '2026-01-01' };

function item(id: string, o: Partial<Item>): Item {
  return {
    id, file: `items/${id}.yaml`, description: id, label: o.label ?? id, labelEn: o.labelEn ?? id, unit: 'kr/manad', quantity: 'manad', defaultPerMonth: 1,
    kind: 'transfer', category: 'ersattning', taxable: false, pensionable: false, earned: false, uprating: 'none', parameters: {}, values: [], ...o,
  };
}

export const RANGES: RangeDefaults = {
  status: { verified: 0.05, derived: 0.1, estimate: 0.3 }, rule: 0.1, egen: 0.3, effectSize: { low: 0.8, high: 1.2 }, cost: 0.1,
  deadweight: { foreEfter: 0.5, jamforelsegrupp: 0.25, randomiserad: 0.1 }, dropOff: 0.2, comparison: { low: 0.5, high: 1.5 }, distribution: 'triangular',
};

export function toyCatalog(): Catalog {
  const actors = ['kommun', 'region', 'fk', 'af', 'ovrigStat', 'individ'].map((id) => ({ id, label: id, labelEn: id, description: id }));
  const items = new Map<string, Item>([
    ['kommun.forsorjningsstod', item('kommun.forsorjningsstod', { label: 'Försörjningsstöd', payer: 'kommun', receiver: 'individ', values: [{ validFrom: '2020-01-01', value: 10000, status: 'verified', source: src, priceYear: 2025 }] })],
    ['region.psykiatri_oppenvard_besok', item('region.psykiatri_oppenvard_besok', { label: 'Psykiatri, besök', unit: 'kr/besok', quantity: 'besok', kind: 'real', category: 'real', payer: 'region', values: [{ validFrom: '2020-01-01', value: 2500, status: 'estimate', source: src, priceYear: 2025 }] })],
    ['arbete.osubventionerad_anstallning', item('arbete.osubventionerad_anstallning', { label: 'Anställning', kind: 'wage', category: 'produktion', rule: 'lon' })],
  ]);
  const rangeSeries: Series = {
    id: 'params.osakerhet.intervall', file: 'params/osakerhet/intervall.yaml', description: '', label: 'Osäkerhetsintervall', unit: 'tabell',
    values: [{ validFrom: '2020-01-01', status: 'estimate', source: src, value: {
      status: RANGES.status, regelpost: 0.1, egenpost: 0.3, effektstorlek: RANGES.effectSize, insatskostnad: 0.1,
      dodvikt_max: RANGES.deadweight, avklingning_max: 0.2, jamforelsegrupp: RANGES.comparison, fordelning: 'triangular',
    } }],
  };
  return {
    actors,
    groups: [
      { id: 'staten', label: 'Staten', labelEn: 'Central government', members: ['fk', 'af', 'ovrigStat'] },
      { id: 'samhallet', label: 'Samhället', labelEn: 'Society', members: actors.map((a) => a.id) },
    ],
    roles: { individ: 'individ', kommunalskatt: 'kommun', regionskatt: 'region', statligSkatt: 'ovrigStat', arbetsgivare: 'arbetsgivare' },
    funders: ['fk', 'af', 'kommun', 'region'],
    classes: { targetGroups: [], kinds: [] },
    financing: new Map([['finsam', { id: 'finsam', label: 'Finsam', description: '', shares: { fk: 0.5, region: 0.25, kommun: 0.25 }, source: src, status: 'verified' }]]),
    series: new Map([[rangeSeries.id, rangeSeries]]),
    items,
  };
}

const NC = CATEGORIES.length;
const CAT = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<(typeof CATEGORIES)[number], number>;

/** Prices a project with the toy rules into a Ledger (annual, weighted), like priceProject. */
export function toyPrice(project: Project, catalog: Catalog): Ledger {
  const actors = catalog.actors.map((a) => a.id);
  const A = new Map(actors.map((a, i) => [a, i]));
  // Item axis in order of appearance (participants, then comparison group), as the engine does.
  const items: string[] = [];
  for (const p of [...project.participants, ...(project.comparison?.participants ?? [])]) {
    for (const l of [...p.fore.lines, ...p.efter.lines]) if (!items.includes(l.item)) items.push(l.item);
  }
  const I = new Map(items.map((x, i) => [x, i]));
  const nA = actors.length;
  const unit = (id: string) => catalog.items.get(id)!.values[0]?.value ?? NaN;
  const priceSituation = (sit: Situation, w: number, out: Float64Array): { production: number; real: number } => {
    let production = 0, real = 0;
    const post = (item: string, actor: string, cat: number, amount: number) => { out[(I.get(item)! * nA + A.get(actor)!) * NC + cat] += w * amount; };
    for (const l of sit.lines) {
      const f = (l.months * 12) / sit.months;
      if (l.item === 'kommun.forsorjningsstod') {
        const m = l.amountPerMonth ?? unit(l.item) * (l.perMonth ?? 1);
        post(l.item, 'kommun', CAT.ersattning, -m * f);
        post(l.item, 'individ', CAT.ersattning, m * f);
      } else if (l.item === 'region.psykiatri_oppenvard_besok') {
        const m = unit(l.item) * (l.perMonth ?? 1);
        post(l.item, 'region', CAT.real, -m * f);
        real += m * f;
      } else if (l.item === 'arbete.osubventionerad_anstallning') {
        const s = ((l.wage ?? 25000) * (l.extent ?? 1)) / 25000;
        post(l.item, 'individ', CAT.produktion, (s * f * 100000) / 12);
        post(l.item, 'kommun', CAT.skatt, (s * f * 30000) / 12);
        post(l.item, 'ovrigStat', CAT.skatt, (s * f * 20000) / 12);
        production += (s * f * 150000) / 12;
      } else throw new Error(`toyPrice: unknown item ${l.item}`);
    }
    return { production, real };
  };
  const side = (ps: Participant[]): LedgerSide => {
    const s: LedgerSide = { weight: 0, fore: new Float64Array(items.length * nA * NC), efter: new Float64Array(items.length * nA * NC), productionFore: 0, productionEfter: 0, realFore: 0, realEfter: 0 };
    for (const p of ps) {
      s.weight += p.weight;
      const f = priceSituation(p.fore, p.weight, s.fore), e = priceSituation(p.efter, p.weight, s.efter);
      s.productionFore += p.weight * f.production; s.realFore += p.weight * f.real;
      s.productionEfter += p.weight * e.production; s.realEfter += p.weight * e.real;
    }
    return s;
  };
  const n = project.participants.length;
  const usedItem = (id: string) => {
    const it = catalog.items.get(id)!;
    const v = it.values[0];
    return { id, label: it.label, value: v.value, unit: it.unit, priceYear: 2025, validFrom: v.validFrom, status: v.status, source: v.source };
  };
  return {
    priceYear: project.priceYear, actors, items, categories: CATEGORIES,
    participants: side(project.participants), comparison: project.comparison ? side(project.comparison.participants) : undefined,
    rows: { ids: project.participants.map((p) => p.id), weights: new Float64Array(n), attributes: [], actorFore: new Float64Array(n * nA), actorEfter: new Float64Array(n * nA), productionFore: new Float64Array(n), productionEfter: new Float64Array(n), realFore: new Float64Array(n), realEfter: new Float64Array(n) },
    referenceProduction: 300000, used: items.filter((id) => catalog.items.get(id)!.values.length > 0).map(usedItem), warnings: [],
  };
}

/**
 * The hand-worked project: 10 participants, cost 4 000 000 kr (finsam: fk 2 Mkr, region 1 Mkr,
 * kommun 1 Mkr), H = 5, r = 0, dödvikt 0, avklingning 0.
 * Före (per person and year): försörjningsstöd 12 mån (120 000), psykiatri 8 besök (20 000).
 * Efter: försörjningsstöd 4 mån (40 000), psykiatri 4 besök (10 000), work all year (150 000).
 * Annual Δ ×10: kommun +800 000 (fbs) + 300 000 (tax) = 1 100 000; region +100 000;
 * individ −800 000 + 1 000 000 = +200 000; ovrigStat +200 000; fk 0; af 0.
 * Society Δ = 1 600 000; net 5 år = 8 000 000 − 4 000 000 = 4 000 000; net 1 år = −2 400 000.
 */
export function handProject(o: Partial<Project> = {}): Project {
  const p: Participant = {
    id: 'typfall', weight: 10, attributes: {},
    fore: { months: 12, lines: [{ item: 'kommun.forsorjningsstod', months: 12 }, { item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: 8 / 12 }] },
    efter: { months: 12, lines: [{ item: 'kommun.forsorjningsstod', months: 4 }, { item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: 4 / 12 }, { item: 'arbete.osubventionerad_anstallning', months: 12 }] },
  };
  return {
    name: 'Handräknat fall', priceYear: 2025, horizonYears: 5, discountRate: 0, deadweight: 0, dropOff: 0,
    cost: { total: 4_000_000, financing: 'finsam' }, participants: [p], evidence: 'foreEfter', disclosureThreshold: 5, ...o,
  };
}

/**
 * The ex-ante project for break-even: 10 participants whose efter equals their före
 * (försörjningsstöd all year, 8 psykiatri visits), cost 4 000 000 kr finsam, H = 5.
 */
export function exAnteProject(): Project {
  const sit: Situation = { months: 12, lines: [{ item: 'kommun.forsorjningsstod', months: 12 }, { item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: 8 / 12 }] };
  return { ...handProject(), name: 'Ex ante', participants: [{ id: 'p', weight: 10, attributes: {}, fore: sit, efter: sit }] };
}

/**
 * The fast path agrees with evaluate on the scaled ledger for one scenario: net over 1 and 5 years
 * per target, and payback within H where the stream has one sign (the fast test assumes that).
 */
export function expectFastMatchesEvaluate(m: SensitivityModel, s: Scenario): void {
  const fast = scenarioNets(m, s);
  const r = evaluateScenario(m, s);
  m.targets.forEach((t, i) => {
    const x = r.groups[t.id] ?? r.actors[t.id];
    expect(fast.netH[i]).toBeCloseTo(x.horizons['5'].net, 3);
    expect(fast.net1[i]).toBeCloseTo(x.horizons['1'].net, 3);
    if (x.yearly.every((y) => y >= 0) || x.yearly.every((y) => y <= 0)) {
      expect(fast.paysBack[i]).toBe(x.payback.status === 'months' || x.payback.status === 'noCost' ? 1 : 0);
    }
  });
}

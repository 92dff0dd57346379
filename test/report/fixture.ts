/**
 * A small, self-contained report fixture: an in-memory catalogue, a project of twelve participants
 * and a ledger priced by a simplified pricer (flat 30 % income tax), evaluated by the real engine.
 * It lets the report be tested independently of the bundled catalogue and income-tax module.
 */
import type { Catalog, Item, UsedValue } from '../../lib/catalog/types.js';
import { evaluate } from '../../lib/results/evaluate.js';
import type { Ledger, LedgerSide, ParticipantRows } from '../../lib/engine/ledger.js';
import type { Result } from '../../lib/results/result.js';
import type { Participant, Project, Situation } from '../../lib/model/types.js';
import { CATEGORIES, type Category } from '../../lib/vocabulary.js';

const ACTORS: [string, string, string][] = [
  ['kommun', 'Kommunen', 'Municipality'], ['region', 'Regionen', 'Region'], ['fk', 'Försäkringskassan', 'Social Insurance Agency'],
  ['af', 'Arbetsförmedlingen', 'Public Employment Service'], ['ovrigStat', 'Övrig stat', 'Other central government'],
  ['forsakringsgivare', 'Försäkringsgivare', 'Insurers'], ['individ', 'Individ/hushåll', 'Individual/household'], ['arbetsgivare', 'Arbetsgivare', 'Employers'],
];

const source = { title: 'Testkälla <fixture>', href: 'https://example.org/kalla?a=1&b=2', retrieved: '2025-03-01' };

function item(id: string, label: string, o: Partial<Item>): Item {
  return {
    id, file: `items/${id.replace('.', '/')}.yaml`, description: label, label, unit: 'kr/manad', quantity: 'manad', defaultPerMonth: 1,
    kind: 'transfer', category: 'ersattning', taxable: false, pensionable: false, earned: false, uprating: 'index.kpi_arsmedel',
    parameters: {}, values: [{ validFrom: '2025-01-01', value: 0, priceYear: 2025, status: 'verified', source }], ...o,
  };
}

const ITEMS: Item[] = [
  item('kommun.forsorjningsstod', 'Försörjningsstöd', { payer: 'kommun', receiver: 'individ', values: [{ validFrom: '2025-01-01', value: 7400, priceYear: 2025, status: 'verified', source }] }),
  item('kommun.handlaggning_forsorjningsstod', 'Handläggning av försörjningsstöd', { kind: 'real', category: 'real', payer: 'kommun', values: [{ validFrom: '2025-01-01', value: 950, priceYear: 2025, status: 'estimate', source }] }),
  item('region.psykiatri_oppen', 'Psykiatrisk öppenvård, besök', { kind: 'real', category: 'real', payer: 'region', unit: 'kr/besok', quantity: 'besok', values: [{ validFrom: '2025-01-01', value: 3250, priceYear: 2025, status: 'verified', source }] }),
  item('fk.aktivitetsersattning', 'Aktivitetsersättning', { payer: 'fk', receiver: 'individ', taxable: true, values: [{ validFrom: '2025-01-01', value: 11200, priceYear: 2025, status: 'derived', source }] }),
  item('arbete.lonebidrag', 'Anställning med lönebidrag', { kind: 'wage', category: 'produktion', payer: 'af', earned: true, taxable: true, values: [] }),
];

export const fixtureCatalog: Catalog = {
  actors: ACTORS.map(([id, label, labelEn]) => ({ id, label, labelEn, description: label })),
  groups: [
    { id: 'staten', label: 'Staten', labelEn: 'Central government', members: ['fk', 'af', 'ovrigStat'] },
    { id: 'offentligSektor', label: 'Offentlig sektor', labelEn: 'Public sector', members: ['kommun', 'region', 'fk', 'af', 'ovrigStat', 'forsakringsgivare'] },
    { id: 'samhallet', label: 'Samhället', labelEn: 'Society', members: ACTORS.map((a) => a[0]) },
  ],
  roles: { individ: 'individ', kommunalskatt: 'kommun', regionskatt: 'region', statligSkatt: 'ovrigStat', arbetsgivare: 'arbetsgivare' },
  funders: ['fk', 'af', 'kommun', 'region'],
  classes: { targetGroups: [], kinds: [] },
  financing: new Map([['finsam', { id: 'finsam', label: 'Finsam', description: 'Finsam', shares: { fk: 0.5, region: 0.25, kommun: 0.25 }, source, status: 'verified' as const }]]),
  series: new Map(),
  items: new Map(ITEMS.map((i) => [i.id, i])),
};

const sit = (lines: Situation['lines'], months = 12): Situation => ({ months, lines });
const fsb = { item: 'kommun.forsorjningsstod', months: 12 };
const handl = { item: 'kommun.handlaggning_forsorjningsstod', months: 12 };
const psyk = (perMonth: number, months = 12) => ({ item: 'region.psykiatri_oppen', months, perMonth });
const job = { item: 'arbete.lonebidrag', months: 12, wage: 26000, extent: 0.75 };

function participants(): Participant[] {
  const out: Participant[] = [];
  const kon = ['K', 'M', 'K', 'M', 'K', 'M', 'K', 'M', 'X', 'K', 'M', 'K'];
  for (let i = 0; i < 12; i++) {
    const fore = sit([fsb, handl, psyk(2)]);
    let efter: Situation;
    if (i < 6) efter = sit([job, psyk(1)]);
    else if (i < 9) efter = sit([{ ...fsb, months: 6 }, { ...handl, months: 6 }, { item: 'fk.aktivitetsersattning', months: 6 }, psyk(1.5)]);
    else if (i < 11) efter = sit([fsb, handl, psyk(2), { item: 'egen', label: 'Kommunal <praktik>', months: 12, postings: [{ actor: 'kommun', kind: 'real', amountPerMonth: -1500 }] }]);
    else efter = sit([{ ...fsb, amountPerMonth: 5000 }, psyk(0.5, 6)], 6);
    out.push({ id: `d${i + 1}`, weight: i === 11 ? 2 : 1, attributes: { kon: kon[i], fodelsear: 1995 + (i % 8), kommun: i % 3 ? 'Skövde' : 'Mariestad' }, fore, efter });
  }
  return out;
}

export function fixtureProject(over: Partial<Project> = {}): Project {
  return {
    name: 'Unga vuxna <coachning> & "stöd"', priceYear: 2025, horizonYears: 5, discountRate: 0, deadweight: 0, dropOff: 0,
    cost: { total: 1_200_000, financing: 'finsam' }, participants: participants(), evidence: 'foreEfter', disclosureThreshold: 5,
    description: 'Coachning för unga vuxna med försörjningsstöd <b>x</b>.', ...over,
  };
}

const NC = CATEGORIES.length;
const CAT = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;

/** A simplified pricer with the same ledger layout as the engine's (flat 30 % tax: kommun 20 %, region 10 %). */
export function fixtureLedger(project: Project, catalog: Catalog = fixtureCatalog): Ledger {
  const actors = catalog.actors.map((a) => a.id);
  const A = new Map(actors.map((a, i) => [a, i]));
  const nA = actors.length;
  const items: string[] = [];
  const idx = (id: string) => { let i = items.indexOf(id); if (i < 0) { items.push(id); i = items.length - 1; } return i; };
  for (const p of project.participants) for (const l of [...p.fore.lines, ...p.efter.lines]) idx(l.item === 'egen' ? `egen:${l.label}` : l.item);
  const n = project.participants.length;
  const rows: ParticipantRows = {
    ids: project.participants.map((p) => p.id), weights: Float64Array.from(project.participants, (p) => p.weight), attributes: project.participants.map((p) => p.attributes),
    actorFore: new Float64Array(n * nA), actorEfter: new Float64Array(n * nA), productionFore: new Float64Array(n), productionEfter: new Float64Array(n), realFore: new Float64Array(n), realEfter: new Float64Array(n),
  };
  const side: LedgerSide = { weight: 0, fore: new Float64Array(items.length * nA * NC), efter: new Float64Array(items.length * nA * NC), productionFore: 0, productionEfter: 0, realFore: 0, realEfter: 0 };
  project.participants.forEach((p, pi) => {
    side.weight += p.weight;
    for (const which of ['fore', 'efter'] as const) {
      const s = p[which];
      const out = which === 'fore' ? side.fore : side.efter;
      const actorRow = which === 'fore' ? rows.actorFore : rows.actorEfter;
      let production = 0, real = 0;
      const taxable = new Map<number, number>();
      const post = (i: number, actor: string, c: Category, amount: number) => {
        out[(i * nA + A.get(actor)!) * NC + CAT[c]] += p.weight * amount;
        actorRow[pi * nA + A.get(actor)!] += amount;
      };
      for (const l of s.lines) {
        const f = l.months * 12 / s.months;
        if (l.item === 'egen') {
          const i = idx(`egen:${l.label}`);
          for (const q of l.postings ?? []) { post(i, q.actor, q.kind === 'real' ? 'real' : 'ersattning', q.amountPerMonth * f); if (q.kind === 'real') real -= q.amountPerMonth * f; }
          continue;
        }
        const it = catalog.items.get(l.item)!;
        const i = idx(l.item);
        if (it.kind === 'wage') {
          const W = (l.wage ?? 0) * (l.extent ?? 1), fee = 0.3142 * W, share = 0.8;
          const prod = (W + fee) * (1 - share), sub = (W + fee) * share;
          post(i, 'individ', 'produktion', W * f); post(i, 'ovrigStat', 'skatt', fee * f); post(i, 'arbetsgivare', 'produktion', (prod - W - fee) * f);
          post(i, 'arbetsgivare', 'subvention', sub * f); post(i, 'af', 'subvention', -sub * f);
          production += prod * f; taxable.set(i, (taxable.get(i) ?? 0) + W * f);
          continue;
        }
        const monthly = l.amountPerMonth ?? it.values[0].value * (l.perMonth ?? (it.defaultPerMonth as number)) * (l.extent ?? 1);
        const annual = monthly * f;
        post(i, it.payer!, it.category, -annual);
        if (it.kind === 'real') real += annual;
        else { post(i, it.receiver!, it.category, annual); if (it.taxable) taxable.set(i, (taxable.get(i) ?? 0) + annual); }
      }
      for (const [i, base] of taxable) { post(i, 'individ', 'skatt', -0.3 * base); post(i, 'kommun', 'skatt', 0.2 * base); post(i, 'region', 'skatt', 0.1 * base); }
      if (which === 'fore') { side.productionFore += p.weight * production; side.realFore += p.weight * real; rows.productionFore[pi] = production; rows.realFore[pi] = real; }
      else { side.productionEfter += p.weight * production; side.realEfter += p.weight * real; rows.productionEfter[pi] = production; rows.realEfter[pi] = real; }
    }
  });
  const used: UsedValue[] = ITEMS.filter((i) => i.values.length).map((i) => ({
    id: i.id, label: i.label, value: i.values[0].value, unit: i.unit, priceYear: 2025, basePriceYear: 2025, validFrom: '2025-01-01', status: i.values[0].status, source,
  }));
  used.push({ id: 'params.referenslon', label: 'Referenslön', value: 27000, unit: 'kr/manad', priceYear: 2025, basePriceYear: 2024, validFrom: '2024-01-01', status: 'estimate', source: { title: 'SCB lönestatistik', href: 'javascript:alert(1)', retrieved: '2025-01-01' } });
  used.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    priceYear: project.priceYear, actors, items, categories: CATEGORIES, participants: side, rows,
    referenceProduction: 27000 * 12 * 1.3142, used, warnings: [],
  };
}

export interface Fixture { project: Project; catalog: Catalog; ledger: Ledger; result: Result; }

export function fixture(over: Partial<Project> = {}): Fixture {
  const project = fixtureProject(over);
  const ledger = fixtureLedger(project);
  return { project, catalog: fixtureCatalog, ledger, result: evaluate(ledger, project, fixtureCatalog) };
}

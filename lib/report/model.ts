/**
 * The report model: everything a report shows, computed once and rendered by the HTML, Markdown
 * and JSON writers — the five-sentence answer, three key figures, and the tables of every
 * section with raw numbers (formatted only when rendered).
 */
import { SOCIETY } from '../catalog/groups.js';
import type { Catalog } from '../catalog/types.js';
import type { Ledger } from '../engine/ledger.js';
import type { ActorResult, Result } from '../results/result.js';
import { subgroupTables, type SubgroupRow } from '../results/subgroups.js';
import { CATEGORIES } from '../vocabulary.js';
import type { Project } from '../model/types.js';
import type { Lang } from '../util/errors.js';
import { classics as nyttosamClassics, type Classic } from '../sensitivity/classics.js';
import { sensitivityModel } from '../sensitivity/scenario.js';
import { decimal, fieldsText, kr, percent, signedTkr } from './format.js';
import { resultWarnings } from './result-json.js';
import { paybackText } from './summary-table.js';
import { text, type SectionId } from './text.js';
import type { BenchmarkEntry } from '../portfolio/benchmarks.js';
import { referenceTable } from './reference-values.js';
import { membersTable, projectMembers } from './members.js';

export interface ReportInput {
  project: Project;
  catalog: Catalog;
  ledger: Ledger;
  result: Result;
  lang: Lang;
  /** Date printed in the report, `YYYY-MM-DD` (default: 31 December of the price year). */
  datum?: string;
  /** Reference entries (data/benchmarks/); when given, the report gets a "Jämförande värden" section. */
  references?: readonly BenchmarkEntry[];
  /** The workbook lists participant-level rows, marked internal (`--deltagarrader`); default: aggregated. */
  participantRows?: boolean;
  /** Show member kommuner even when the project has none to show unasked (`--per-kommun`). */
  perKommun?: boolean;
}

export type ColumnKind = 'text' | 'kr' | 'months' | 'percent' | 'count' | 'number' | 'link';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type CellValue = string | number | null;

export interface ReportTable {
  id: string;
  title: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
  /** Rows (by index) to emphasise, e.g. groups or flagged shifts. */
  strong?: number[];
  note?: string;
  /** Section the table is appended to, for tables beyond the fixed layout (e.g. a forecast's). */
  section?: SectionId;
}

export interface KeyFigure {
  id: string;
  label: string;
  value: number | null;
  text: string;
}

export interface ReportModel {
  lang: Lang;
  datum: string;
  title: string;
  projectName: string;
  horizonYears: number;
  description?: string;
  sentences: string[];
  keyFigures: KeyFigure[];
  evidence: { grade: string; text: string; upperBound: boolean };
  warnings: string[];
  tables: ReportTable[];
  /** The NyttoSam classics from lib/sensitivity (headline targets: samhället and the funders). */
  classics: Classic[];
  /** `forecast` for a prognos (lib/report/forecast-report.ts); absent for an evaluation. */
  kind?: 'forecast';
  /** Section titles replacing the defaults (a forecast's participants section). */
  sectionTitles?: Partial<Record<SectionId, string>>;
  /** What a forecast rests on, shown in place of the upper-bound callout. */
  basis?: string[];
  /** Weighted participants per observed follow-up year (method §5.1), for the method appendix. */
  followUpYears?: Record<string, number>;
}

/** 31 December of the price year: the default printed date, so reports are reproducible. */
export const defaultDatum = (priceYear: number): string => `${priceYear}-12-31`;

/** Checks a `--datum` value. @returns the date or throws with a message in the user's language */
export function checkDatum(d: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const ok = m && (() => { const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])); return t.getUTCMonth() === +m[2] - 1 && t.getUTCDate() === +m[3]; })();
  if (!ok) throw new Error(text(lang).datumError(JSON.stringify(d)));
  return d;
}

const nameOf = (a: ActorResult, lang: Lang) => labelIn(a, lang);

const rounded = (a: ActorResult) => Math.round(a.annualEffect);

/** Payback of a funder in words: "återbetald efter 3,7 månader", "obefintlig – förlorar … kr/år". */
function paybackWords(a: ActorResult, H: number, lang: Lang): string {
  const s = text(lang).summary;
  if (rounded(a) < 0) return paybackText(a.payback, H, lang, a.annualEffect);
  if (a.payback.status === 'months' && a.cost > 0) return s.paidBack(decimal(a.payback.months!, 1, lang));
  if (a.payback.status === 'beyondHorizon') return s.notWithin(H);
  if (a.payback.status === 'noCost' && rounded(a) > 0) return s.noCostGains(kr(a.annualEffect, lang));
  return paybackText(a.payback, H, lang, a.annualEffect);
}

/** The funders (fk, af, kommun, region) that bear a cost or feel an effect, and the individ. */
function storyActors(r: Result): { funders: ActorResult[]; individ?: ActorResult } {
  const funders = r.funders.map((id) => r.actors[id]).filter((a): a is ActorResult => a !== undefined && (a.cost !== 0 || rounded(a) !== 0));
  return { funders, individ: r.actors.individ };
}

/**
 * Page one's story in plain words: payback per funder, who gains and who pays more, and the
 * participants' change in disposable income per person and year.
 */
function storySentences(r: Result, lang: Lang): string[] {
  const s = text(lang).summary;
  const H = r.project.horizonYears;
  const out: string[] = [];
  const { funders, individ } = storyActors(r);
  if (funders.length) out.push(s.funders(funders.map((a) => `${nameOf(a, lang)} ${paybackWords(a, H, lang)}`)));
  const signed = (a: ActorResult) => `${nameOf(a, lang)} (${rounded(a) > 0 ? '+' : ''}${s.perYear(kr(a.annualEffect, lang))})`;
  const actors = Object.values(r.actors);
  const gains = actors.filter((a) => rounded(a) > 0).sort((a, b) => b.annualEffect - a.annualEffect || (a.id < b.id ? -1 : 1));
  const pays = actors.filter((a) => rounded(a) < 0).sort((a, b) => a.annualEffect - b.annualEffect || (a.id < b.id ? -1 : 1));
  out.push((gains.length ? s.gains(gains.map(signed)) : s.noGains) + (pays.length ? s.pays(pays.map(signed)) : s.noPays));
  if (individ && r.participants > 0 && rounded(individ) !== 0) out.push(s.individ(signedTkr(individ.annualEffect / r.participants, lang)));
  return out;
}

/** Page one's table: samhället, the funders and the individ — annual effect, cost, payback. */
function fundersTable(r: Result, lang: Lang): ReportTable {
  const t = text(lang);
  const H = r.project.horizonYears;
  const { funders, individ } = storyActors(r);
  const rows = [...(r.groups[SOCIETY] ? [r.groups[SOCIETY]] : []), ...funders, ...(individ ? [individ] : [])];
  return {
    id: 'finansiarer', title: t.summary.fundersTable,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' }, { key: 'effect', label: `${t.annualEffect} (${t.perYear})`, kind: 'kr' },
      { key: 'cost', label: t.cost, kind: 'kr' }, { key: 'payback', label: t.status, kind: 'text' },
    ],
    rows: rows.map((a) => ({ actor: nameOf(a, lang), effect: a.annualEffect, cost: a.cost, payback: paybackWords(a, H, lang) })),
    strong: rows.map((a, i) => (r.groups[a.id] ? i : -1)).filter((i) => i >= 0),
    note: t.summary.fundersNote,
  };
}

/** What every section builder reads: the input, the words, and the few values several sections share. */
interface Ctx {
  input: ReportInput;
  r: Result;
  lang: Lang;
  t: ReturnType<typeof text>;
  H: number;
  HS: string;
  name: (a: ActorResult) => string;
  krs: (x: number) => string;
  /** The financing key's label, or "egen fördelning" for own shares. */
  financing: string;
  classics: Classic[];
  nPart: string;
}

/** A label in the report's language (catalogue and subgroup labels carry both). */
const labelIn = (x: { label: string; labelEn: string }, lang: Lang): string => (lang === 'en' ? x.labelEn : x.label);

const groupRows = (r: Result, rows: readonly ActorResult[]): number[] => rows.map((a, i) => (r.groups[a.id] ? i : -1)).filter((i) => i >= 0);

/** Sammanfattning: the answer in five sentences (plus page one's story). */
function answerSentences(c: Ctx): string[] {
  const { r, lang, H, HS } = c;
  const a = c.t.answer;
  const soc = r.groups[SOCIETY];
  const pub = r.groups.offentligSektor;
  const n = (x: number) => kr(x, lang);
  const out = [a.intro(r.project.name, c.nPart, n(r.project.costTotal), r.project.priceYear, c.financing)];
  if (soc) {
    out.push(a.society(n(soc.annualEffect), n(soc.horizons['1'].net), n(soc.horizons[HS].net), H));
    const p = soc.payback;
    const months = (x: number) => decimal(x, 1, lang);
    const publicSector = pub ? (pub.payback.status === 'months' ? a.paidBackMonths(months(pub.payback.months!)) : paybackText(pub.payback, H, lang, pub.annualEffect)) : undefined;
    out.push(p.status === 'months' ? a.societyPaidBack(months(p.months!), publicSector)
      : p.status === 'never' ? a.societyNever : p.status === 'beyondHorizon' ? a.societyBeyond(H) : a.societyNoCost);
  }
  out.push(...storySentences(r, lang));
  const dw50 = c.classics.find((x) => x.id === 'yttreFaktorer50')?.outcomes[SOCIETY];
  out.push(a.evidence(c.t.evidence[r.project.evidence], r.project.evidence === 'foreEfter', H, n(dw50?.netH ?? 0)));
  return out;
}

/** Sammanfattning: society's net over H years, its payback and the verkningsgrad. */
function keyFigures(c: Ctx): KeyFigure[] {
  const soc = c.r.groups[SOCIETY];
  if (!soc) return [];
  const f = c.t.figures;
  return [
    { id: 'lonsamhet', label: f.net(c.H), value: soc.horizons[c.HS].net, text: c.krs(soc.horizons[c.HS].net) },
    { id: 'aterbetalningstid', label: f.payback, value: soc.payback.months, text: paybackText(soc.payback, c.H, c.lang, soc.annualEffect) },
    { id: 'verkningsgrad', label: f.efficiency, value: c.r.potential.verkningsgrad, text: percent(c.r.potential.verkningsgrad, 1, c.lang) },
  ];
}

const kv = (k: string, v: string) => ({ k, v });

/** Projektet och antagandena. */
function assumptionsTable(c: Ctx): ReportTable {
  const { r, lang, t } = c;
  const a = t.assumptions;
  const key = c.input.catalog.financing.get(r.project.financing);
  const upper = r.project.evidence === 'foreEfter';
  return {
    id: 'antaganden', title: t.sections.antaganden,
    columns: [{ key: 'k', label: a.key, kind: 'text' }, { key: 'v', label: a.value, kind: 'text' }],
    rows: [
      kv(a.priceYear, String(r.project.priceYear)),
      kv(a.horizon, `${c.H} ${t.years}`),
      kv(a.discountRate, percent(r.project.discountRate, 1, lang)),
      kv(a.deadweight, percent(r.project.deadweight, 0, lang)),
      kv(a.dropOff, percent(r.project.dropOff, 0, lang)),
      kv(a.cost, c.krs(r.project.costTotal)),
      kv(a.financing, key ? `${c.financing}: ${Object.entries(key.shares).map(([id, s]) => `${r.actors[id] ? c.name(r.actors[id]) : id} ${percent(s, 0, lang)}`).join(', ')}` : c.financing),
      kv(a.participants, c.nPart),
      kv(a.comparison, r.comparisonParticipants === null ? a.none : decimal(r.comparisonParticipants, 0, lang)),
      kv(a.evidence, `${t.evidence[r.project.evidence]}${upper ? a.upperBound : ''}`),
    ],
  };
}

/** Deltagarna: results by kön, åldersgrupp, utbildning and hushållstyp, small groups suppressed. */
function participantTables(c: Ctx): ReportTable[] {
  const { r, t } = c;
  const out: ReportTable[] = [];
  for (const st of subgroupTables(c.input.ledger, r, c.input.project)) {
    if (st.rows.length === 0 || (st.rows.length === 1 && st.rows[0].key === 'okand')) continue;
    const per = (x: SubgroupRow, id: string) => (x.suppressed || !x.annualEffectPerParticipant ? '–' : x.annualEffectPerParticipant[id] ?? null);
    out.push({
      id: `deltagare-${st.dimension}`, title: t.subgroups.title(labelIn(st, c.lang)),
      columns: [
        { key: 'group', label: labelIn(st, c.lang), kind: 'text' },
        { key: 'count', label: t.subgroups.count, kind: 'count' },
        { key: 'soc', label: t.subgroups.society, kind: 'kr' },
        { key: 'pub', label: t.subgroups.publicSector, kind: 'kr' },
      ],
      rows: st.rows.map((x) => ({ group: labelIn(x, c.lang), count: x.suppressed || x.participants === null ? `< ${st.threshold}` : x.participants, soc: per(x, SOCIETY), pub: per(x, 'offentligSektor') })),
      note: st.note ? st.note[c.lang] : undefined,
    });
  }
  return out;
}

/** Potential och verkningsgrad. */
function potentialTable(c: Ctx): ReportTable {
  const { lang, t } = c;
  const p = t.potentialTable;
  const pot = c.r.potential;
  const pp = pot.perParticipant;
  return {
    id: 'potential', title: t.sections.potential,
    columns: [{ key: 'k', label: p.measure, kind: 'text' }, { key: 'v', label: p.value, kind: 'text' }],
    rows: [
      kv(p.fore, kr(pot.fore, lang)),
      kv(p.efter, kr(pot.efter, lang)),
      kv(p.efficiency, percent(pot.verkningsgrad, 1, lang)),
      kv(p.referenceProduction, kr(pot.referenceProduction, lang)),
      kv(p.forePerParticipant, kr(pp.potentialFore, lang)),
      kv(p.costPerParticipant, kr(pp.cost, lang)),
      kv(p.effectPerParticipant, kr(pp.annualEffect, lang)),
      kv(p.net1PerParticipant, kr(pp.netYear1, lang)),
      kv(p.costPerPoint, pp.costPerPercentagePoint === null ? '–' : kr(pp.costPerPercentagePoint, lang)),
    ],
    note: p.note,
  };
}

/** Every actor, then the groups: the rows of the per-actor tables. */
const allRows = (r: Result): ActorResult[] => [...Object.values(r.actors), ...Object.values(r.groups)];

/** Lönsamhet per aktör, 1 and H years. */
function netTables(c: Ctx): ReportTable[] {
  const { r, t } = c;
  const all = allRows(r);
  return (c.H === 1 ? ['1'] : ['1', c.HS]).map((h) => ({
    id: `lonsamhet-${h}`, title: t.netTable(h),
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' }, { key: 'benefit', label: t.benefit, kind: 'kr' }, { key: 'cost', label: t.cost, kind: 'kr' },
      { key: 'net', label: t.net, kind: 'kr' }, { key: 'roi', label: t.roi, kind: 'percent' },
    ],
    rows: all.map((a) => ({ actor: c.name(a), benefit: a.horizons[h].benefit, cost: a.horizons[h].cost, net: a.horizons[h].net, roi: a.horizons[h].roi })),
    strong: groupRows(r, all),
  }));
}

/** Återbetalningstid per actor and group. */
function paybackTable(c: Ctx): ReportTable {
  const { r, t } = c;
  const all = allRows(r);
  return {
    id: 'aterbetalningstid', title: t.sections.aterbetalningstid,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' }, { key: 'cost', label: t.cost, kind: 'kr' }, { key: 'effect', label: t.annualEffect, kind: 'kr' },
      { key: 'payback', label: t.status, kind: 'text' }, { key: 'months', label: t.months, kind: 'months' }, { key: 'simple', label: t.simpleMonths, kind: 'months' },
    ],
    rows: all.map((a) => ({ actor: c.name(a), cost: a.cost, effect: a.annualEffect, payback: paybackText(a.payback, c.H, c.lang, a.annualEffect), months: Math.round(a.annualEffect) < 0 ? null : a.payback.months, simple: a.payback.simpleMonths })),
    strong: groupRows(r, all),
    note: t.paybackNote,
  };
}

/** Kostnadsförskjutningar: per actor and category, and per item. */
function shiftTables(c: Ctx): ReportTable[] {
  const { r, t } = c;
  const actors = Object.values(r.actors);
  const cats = CATEGORIES.filter((x) => actors.some((a) => a.byCategory[x].delta !== 0));
  const itemRows = r.items.filter((x) => x.fore !== 0 || x.efter !== 0);
  return [{
    id: 'kostnadsforskjutningar', title: t.sections.kostnadsforskjutningar,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' }, { key: 'fore', label: `${t.fore} (${t.perYear})`, kind: 'kr' }, { key: 'efter', label: `${t.efter} (${t.perYear})`, kind: 'kr' },
      ...cats.map((x) => ({ key: x, label: `Δ ${t.categories[x].toLowerCase()}`, kind: 'kr' as const })),
      { key: 'delta', label: t.annualEffect, kind: 'kr' }, { key: 'flag', label: t.flagged, kind: 'text' },
    ],
    rows: actors.map((a) => ({ actor: c.name(a), fore: a.fore, efter: a.efter, ...Object.fromEntries(cats.map((x) => [x, a.byCategory[x].delta])), delta: a.annualEffect, flag: a.shiftFlag ? t.yes : '' })),
    strong: actors.map((a, i) => (a.shiftFlag ? i : -1)).filter((i) => i >= 0),
    note: t.shiftNote,
  }, {
    id: 'poster', title: t.itemsTable.title,
    columns: [
      { key: 'item', label: t.itemsTable.item, kind: 'text' }, { key: 'actor', label: t.actor, kind: 'text' }, { key: 'category', label: t.itemsTable.category, kind: 'text' },
      { key: 'fore', label: t.fore, kind: 'kr' }, { key: 'efter', label: t.efter, kind: 'kr' }, { key: 'delta', label: t.annualEffect, kind: 'kr' },
    ],
    rows: itemRows.map((x) => ({ item: usedLabel(c, { id: x.item, label: x.label }), actor: r.actors[x.actor] ? c.name(r.actors[x.actor]) : x.actor, category: t.categories[x.category], fore: x.fore, efter: x.efter, delta: x.delta })),
  }];
}

/** Känslighetsanalyser: lib/sensitivity's classics for samhället and the funders. */
function sensitivityTable(c: Ctx): ReportTable {
  const { r, t, H } = c;
  const s = t.sensitivityTable;
  const scen = (id: string) => c.classics.find((x) => x.id === id)?.outcomes ?? {};
  const targets = Object.keys(scen('bas')).map((id) => r.groups[id] ?? r.actors[id]).filter(Boolean);
  const label = (id: string) => { const x = c.classics.find((y) => y.id === id); return x ? labelIn(x, c.lang) : undefined; };
  const utj = label('utjamning');
  return {
    id: 'kanslighet', title: t.sections.kanslighet,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' },
      { key: 'bas1', label: s.base1, kind: 'kr' },
      { key: 'basH', label: s.baseH(H), kind: 'kr' },
      { key: 'avskr1', label: s.writeOff1, kind: 'kr' },
      { key: 'dw25H', label: s.external25(H), kind: 'kr' },
      { key: 'dw50H', label: s.external50(H), kind: 'kr' },
      { key: 'discH', label: `${label('diskontering35') ?? 'r'}, ${H} ${t.years}`, kind: 'kr' },
      ...(utj ? [{ key: 'utjH', label: `${utj}, ${H} ${t.years}`, kind: 'kr' as const }] : []),
    ],
    rows: targets.map((a) => ({
      actor: c.name(a), bas1: scen('bas')[a.id]?.net1 ?? null, basH: scen('bas')[a.id]?.netH ?? null, avskr1: scen('avskrivning3')[a.id]?.net1 ?? null,
      dw25H: scen('yttreFaktorer25')[a.id]?.netH ?? null, dw50H: scen('yttreFaktorer50')[a.id]?.netH ?? null, discH: scen('diskontering35')[a.id]?.netH ?? null,
      utjH: scen('utjamning')[a.id]?.netH ?? null,
    })),
    strong: groupRows(r, targets),
    note: s.note,
  };
}

/** A catalogue value's label in the report's language (items carry an English label; parameters are Swedish terms of art). */
function usedLabel(c: Ctx, u: { id: string; label: string }): string {
  return c.lang === 'en' ? c.input.catalog.items.get(u.id)?.labelEn ?? u.label : u.label;
}

/** Katalogvärden: every value the result rests on, estimates marked; the project's own prices say so. */
function catalogueTable(c: Ctx): ReportTable {
  const { r, t, lang } = c;
  const k = t.catalogueTable;
  return {
    id: 'katalog', title: t.sections.katalog,
    columns: [
      { key: 'id', label: k.id, kind: 'text' }, { key: 'label', label: k.label, kind: 'text' },
      { key: 'value', label: k.value, kind: 'number' }, { key: 'unit', label: k.unit, kind: 'text' },
      { key: 'priceYear', label: k.priceYear, kind: 'text' }, { key: 'status', label: k.status, kind: 'text' },
      { key: 'source', label: k.source, kind: 'link' },
    ],
    rows: r.used.map((u) => ({
      id: u.id, label: usedLabel(c, u), value: u.value ?? (u.fields ? fieldsText(u.fields, lang) : null), unit: u.unit,
      priceYear: u.basePriceYear !== undefined && u.basePriceYear !== u.priceYear ? `${u.priceYear} (${u.basePriceYear})` : String(u.priceYear),
      status: u.override ? k.ownPrice : t.dataStatus[u.status], source: `${u.source.title}|${u.source.href}`,
    })),
    strong: r.used.map((u, i) => (u.status === 'estimate' ? i : -1)).filter((i) => i >= 0),
    note: k.note(r.project.priceYear, r.estimates.length),
  };
}

/**
 * The project's own prices (the `prices:` block): item, the catalogue's value, the project's and
 * its source — only when the project has any (and the priced item is used).
 */
function ownPricesTable(c: Ctx): ReportTable[] {
  const { r, t } = c;
  const p = t.pricesTable;
  const own = r.used.filter((u) => u.override);
  if (!own.length) return [];
  return [{
    id: 'egna-priser', title: p.title,
    columns: [
      { key: 'item', label: p.item, kind: 'text' }, { key: 'catalogue', label: p.catalogue, kind: 'number' },
      { key: 'own', label: p.own, kind: 'number' }, { key: 'unit', label: p.unit, kind: 'text' }, { key: 'source', label: p.source, kind: 'text' },
    ],
    rows: own.map((u) => ({ item: `${usedLabel(c, u)} (${u.id})`, catalogue: u.override!.catalogueValue, own: u.value, unit: u.unit, source: u.source.title })),
    note: p.note(r.project.priceYear),
  }];
}

/** Builds the report model: one function per section, in report order. */
export function reportModel(input: ReportInput): ReportModel {
  const { result: r, lang } = input;
  const t = text(lang);
  const H = r.project.horizonYears;
  const financingKey = input.catalog.financing.get(r.project.financing);
  const c: Ctx = {
    input, r, lang, t, H, HS: String(H),
    name: (a) => nameOf(a, lang),
    krs: (x) => `${kr(x, lang)} kr`,
    financing: financingKey ? financingKey.label : t.answer.ownShares,
    classics: nyttosamClassics(sensitivityModel(input.ledger, input.project, input.catalog)),
    nPart: decimal(r.participants, Number.isInteger(r.participants) ? 0 : 1, lang),
  };
  const tables: ReportTable[] = [
    fundersTable(r, lang),
    assumptionsTable(c),
    ...participantTables(c),
    potentialTable(c),
    ...netTables(c),
    paybackTable(c),
    ...shiftTables(c),
    sensitivityTable(c),
    // Jämförande värden (issue 15), only when the reference set is given.
    ...(input.references ? [referenceTable(input.project, r, input.catalog, input.references, lang)] : []),
    catalogueTable(c),
    ...ownPricesTable(c),
    // Hook for sections other modules add: append their tables here and name the section in
    // lib/report/layout.ts (`OPTIONAL_SECTIONS`, or `ReportTable.section`). Member kommuner
    // (method §5.2) go under återbetalningstid by their `section`.
    ...(projectMembers(input.ledger, input.project, input.catalog, input.perKommun) ?? []).map((m) => membersTable(m, H, lang)),
  ];
  return {
    lang, datum: input.datum ?? defaultDatum(r.project.priceYear), title: t.reportTitle, projectName: r.project.name, horizonYears: H,
    description: input.project.description, sentences: answerSentences(c), keyFigures: keyFigures(c),
    evidence: { grade: r.project.evidence, text: t.evidence[r.project.evidence], upperBound: r.project.evidence === 'foreEfter' },
    warnings: resultWarnings(r, lang), tables, classics: c.classics,
    ...(r.followUpYears ? { followUpYears: r.followUpYears } : {}),
  };
}

/** Formats one cell for display. */
export function formatCell(v: CellValue, kind: ColumnKind, lang: Lang): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return kind === 'link' ? v.split('|')[0] : v;
  switch (kind) {
    case 'kr': return kr(v, lang);
    case 'months': return decimal(v, 1, lang);
    case 'percent': return percent(v, 0, lang);
    case 'count': return decimal(v, Number.isInteger(v) ? 0 : 1, lang);
    case 'number': return Number.isInteger(v) ? kr(v, lang) : decimal(v, Math.abs(v) < 10 ? 4 : 2, lang);
    default: return String(v);
  }
}

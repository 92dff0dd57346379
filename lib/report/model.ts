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
}

/** 31 December of the price year: the default printed date, so reports are reproducible. */
export const defaultDatum = (priceYear: number): string => `${priceYear}-12-31`;

/** Checks a `--datum` value. @returns the date or throws with a message in the user's language */
export function checkDatum(d: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const ok = m && (() => { const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])); return t.getUTCMonth() === +m[2] - 1 && t.getUTCDate() === +m[3]; })();
  if (!ok) throw new Error(lang === 'sv' ? `--datum: ska vara ett datum ÅÅÅÅ-MM-DD (fick ${JSON.stringify(d)})` : `--datum: must be a date YYYY-MM-DD (got ${JSON.stringify(d)})`);
  return d;
}

const nameOf = (a: ActorResult, lang: Lang) => (lang === 'sv' ? a.label : a.labelEn);

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
  const rows = [...(r.groups.samhallet ? [r.groups.samhallet] : []), ...funders, ...(individ ? [individ] : [])];
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

/** Builds the report model. */
export function reportModel(input: ReportInput): ReportModel {
  const { result: r, lang } = input;
  const t = text(lang);
  const sv = lang === 'sv';
  const H = r.project.horizonYears;
  const HS = String(H);
  const soc = r.groups.samhallet;
  const pub = r.groups.offentligSektor;
  const name = (a: ActorResult) => nameOf(a, lang);
  const krs = (x: number) => `${kr(x, lang)} kr`;
  const financingKey = input.catalog.financing.get(r.project.financing);
  const financing = financingKey ? financingKey.label : sv ? 'egen fördelning' : 'own shares';
  const classics = nyttosamClassics(sensitivityModel(input.ledger, input.project, input.catalog));
  const dw50 = classics.find((c) => c.id === 'yttreFaktorer50')?.outcomes.samhallet;
  const nPart = decimal(r.participants, Number.isInteger(r.participants) ? 0 : 1, lang);

  // The answer in five sentences.
  const sentences: string[] = [];
  sentences.push(sv
    ? `${r.project.name} omfattar ${nPart} deltagare och kostar ${krs(r.project.costTotal)} i ${r.project.priceYear} års priser, finansierat enligt ${financing}.`
    : `${r.project.name} covers ${nPart} participants and costs SEK ${kr(r.project.costTotal, lang)} at ${r.project.priceYear} prices, financed by ${financing}.`);
  if (soc) {
    sentences.push(sv
      ? `För samhället som helhet ger insatsen en årlig effekt på ${krs(soc.annualEffect)}; lönsamheten är ${krs(soc.horizons['1'].net)} på ett år och ${krs(soc.horizons[HS].net)} på ${H} år.`
      : `For society as a whole the intervention has an annual effect of SEK ${kr(soc.annualEffect, lang)}; the net result is SEK ${kr(soc.horizons['1'].net, lang)} over one year and SEK ${kr(soc.horizons[HS].net, lang)} over ${H} years.`);
    const p = soc.payback;
    sentences.push(p.status === 'months'
      ? (sv ? `Insatsen är återbetald för samhället efter ${decimal(p.months!, 1, lang)} månader${pub ? `, för den offentliga sektorn ${pub.payback.status === 'months' ? `efter ${decimal(pub.payback.months!, 1, lang)} månader` : paybackText(pub.payback, H, lang, pub.annualEffect)}` : ''}.`
        : `The intervention pays back for society after ${decimal(p.months!, 1, lang)} months${pub ? `, for the public sector ${pub.payback.status === 'months' ? `after ${decimal(pub.payback.months!, 1, lang)} months` : paybackText(pub.payback, H, lang, pub.annualEffect)}` : ''}.`)
      : p.status === 'never'
        ? (sv ? 'Insatsen betalar sig inte för samhället: den årliga effekten är inte positiv (återbetalningstiden är obefintlig).' : 'The intervention does not pay back for society: the annual effect is not positive.')
        : p.status === 'beyondHorizon'
          ? (sv ? `Insatsen är inte återbetald för samhället inom ${H} år.` : `The intervention does not pay back for society within ${H} years.`)
          : (sv ? 'Insatsen har ingen kostnad för samhället.' : 'The intervention has no cost for society.'));
  }
  const actors = Object.values(r.actors);
  sentences.push(...storySentences(r, lang));
  const grade = t.evidence[r.project.evidence];
  const upper = r.project.evidence === 'foreEfter';
  sentences.push(sv
    ? `Beräkningen bygger på ${grade}${upper ? ' och är därför en övre gräns för effekten' : ''}; om hälften av förändringen beror på yttre faktorer blir samhällets lönsamhet på ${H} år ${krs(dw50?.netH ?? 0)}.`
    : `The calculation rests on a ${grade}${upper ? ' and is therefore an upper bound on the effect' : ''}; if half of the change is due to external factors, society's net result over ${H} years is SEK ${kr(dw50?.netH ?? 0, lang)}.`);

  const keyFigures: KeyFigure[] = soc ? [
    { id: 'lonsamhet', label: sv ? `Samhällets lönsamhet på ${H} år` : `Society's net result over ${H} years`, value: soc.horizons[HS].net, text: krs(soc.horizons[HS].net) },
    { id: 'aterbetalningstid', label: sv ? 'Återbetalningstid för samhället' : 'Payback period for society', value: soc.payback.months, text: paybackText(soc.payback, H, lang, soc.annualEffect) },
    { id: 'verkningsgrad', label: sv ? 'Verkningsgrad' : 'Efficiency (share of potential realised)', value: r.potential.verkningsgrad, text: percent(r.potential.verkningsgrad, 1, lang) },
  ] : [];

  const tables: ReportTable[] = [fundersTable(r, lang)];
  // Projektet och antagandena.
  const kv = (k: string, v: string) => ({ k, v });
  tables.push({
    id: 'antaganden', title: t.sections.antaganden,
    columns: [{ key: 'k', label: sv ? 'Antagande' : 'Assumption', kind: 'text' }, { key: 'v', label: sv ? 'Värde' : 'Value', kind: 'text' }],
    rows: [
      kv(sv ? 'Prisår' : 'Price year', String(r.project.priceYear)),
      kv(sv ? 'Horisont' : 'Horizon', `${H} ${t.years}`),
      kv(sv ? 'Diskonteringsränta' : 'Discount rate', percent(r.project.discountRate, 1, lang)),
      kv(sv ? 'Dödvikt (yttre faktorer)' : 'Deadweight (external factors)', percent(r.project.deadweight, 0, lang)),
      kv(sv ? 'Avklingning per år' : 'Drop-off per year', percent(r.project.dropOff, 0, lang)),
      kv(sv ? 'Insatskostnad' : 'Intervention cost', krs(r.project.costTotal)),
      kv(sv ? 'Finansieringsnyckel' : 'Financing key', financingKey ? `${financing}: ${Object.entries(financingKey.shares).map(([a, s]) => `${r.actors[a] ? name(r.actors[a]) : a} ${percent(s, 0, lang)}`).join(', ')}` : financing),
      kv(sv ? 'Deltagare (viktat)' : 'Participants (weighted)', nPart),
      kv(sv ? 'Jämförelsegrupp' : 'Comparison group', r.comparisonParticipants === null ? (sv ? 'ingen' : 'none') : decimal(r.comparisonParticipants, 0, lang)),
      kv(sv ? 'Evidensgrad' : 'Evidence grade', `${grade}${upper ? (sv ? ' — övre gräns' : ' — upper bound') : ''}`),
    ],
  });

  // Deltagarna: results by kön, åldersgrupp, utbildning and hushållstyp, small groups suppressed.
  for (const st of subgroupTables(input.ledger, r, input.project)) {
    if (st.rows.length === 0 || (st.rows.length === 1 && st.rows[0].key === 'okand')) continue;
    const per = (x: SubgroupRow, id: string) => (x.suppressed || !x.annualEffectPerParticipant ? '–' : x.annualEffectPerParticipant[id] ?? null);
    tables.push({
      id: `deltagare-${st.dimension}`, title: sv ? `Deltagare efter ${st.label.toLowerCase()}` : `Participants by ${st.labelEn.toLowerCase()}`,
      columns: [
        { key: 'group', label: sv ? st.label : st.labelEn, kind: 'text' },
        { key: 'count', label: sv ? 'Antal' : 'Count', kind: 'count' },
        { key: 'soc', label: sv ? 'Samhällets årliga effekt per deltagare' : "Society's annual effect per participant", kind: 'kr' },
        { key: 'pub', label: sv ? 'Offentliga sektorns årliga effekt per deltagare' : "Public sector's annual effect per participant", kind: 'kr' },
      ],
      rows: st.rows.map((x) => ({ group: sv ? x.label : x.labelEn, count: x.suppressed || x.participants === null ? `< ${st.threshold}` : x.participants, soc: per(x, SOCIETY), pub: per(x, 'offentligSektor') })),
      note: st.note ? (sv ? st.note.sv : st.note.en) : undefined,
    });
  }

  // Potential och verkningsgrad.
  const pot = r.potential;
  const pp = pot.perParticipant;
  tables.push({
    id: 'potential', title: t.sections.potential,
    columns: [{ key: 'k', label: sv ? 'Mått' : 'Measure', kind: 'text' }, { key: 'v', label: sv ? 'Värde' : 'Value', kind: 'text' }],
    rows: [
      kv(sv ? 'Potential före (kr/år)' : 'Potential before (SEK/yr)', kr(pot.fore, lang)),
      kv(sv ? 'Potential efter (kr/år)' : 'Potential after (SEK/yr)', kr(pot.efter, lang)),
      kv(sv ? 'Verkningsgrad' : 'Efficiency', percent(pot.verkningsgrad, 1, lang)),
      kv(sv ? 'Referensproduktion per heltidsjobb (kr/år)' : 'Reference production per full-time job (SEK/yr)', kr(pot.referenceProduction, lang)),
      kv(sv ? 'Potential före per deltagare (kr/år)' : 'Potential before per participant (SEK/yr)', kr(pp.potentialFore, lang)),
      kv(sv ? 'Åtgärdskostnad per deltagare (kr)' : 'Intervention cost per participant (SEK)', kr(pp.cost, lang)),
      kv(sv ? 'Samhällets årliga effekt per deltagare (kr)' : "Society's annual effect per participant (SEK)", kr(pp.annualEffect, lang)),
      kv(sv ? 'Lönsamhet per deltagare, 1 år (kr)' : 'Net result per participant, 1 year (SEK)', kr(pp.netYear1, lang)),
      kv(sv ? 'Kostnad per procentenhet verkningsgrad (kr)' : 'Cost per percentage point of efficiency (SEK)', pp.costPerPercentagePoint === null ? '–' : kr(pp.costPerPercentagePoint, lang)),
    ],
    note: sv
      ? 'Potentialen är samhällets årliga kostnad för gruppens utanförskap: förlorad produktion (mot ett heltidsjobb till referenslön) plus real resursförbrukning. Verkningsgraden är den andel av potentialen i föreläget som realiserats.'
      : "The potential is society's annual cost of the group's exclusion: lost production (against a full-time job at the reference wage) plus real resource use. The efficiency is the share of the before-potential that was realised.",
  });

  // Lönsamhet per aktör, 1 och H år.
  const all = [...actors, ...Object.values(r.groups)];
  for (const h of H === 1 ? ['1'] : ['1', HS]) {
    tables.push({
      id: `lonsamhet-${h}`, title: sv ? `Intäkter, kostnader och lönsamhet på ${h} år` : `Benefits, costs and net result over ${h} ${h === '1' ? 'year' : 'years'}`,
      columns: [
        { key: 'actor', label: t.actor, kind: 'text' }, { key: 'benefit', label: t.benefit, kind: 'kr' }, { key: 'cost', label: t.cost, kind: 'kr' },
        { key: 'net', label: t.net, kind: 'kr' }, { key: 'roi', label: t.roi, kind: 'percent' },
      ],
      rows: all.map((a) => ({ actor: name(a), benefit: a.horizons[h].benefit, cost: a.horizons[h].cost, net: a.horizons[h].net, roi: a.horizons[h].roi })),
      strong: all.map((a, i) => (r.groups[a.id] ? i : -1)).filter((i) => i >= 0),
    });
  }

  // Återbetalningstid.
  tables.push({
    id: 'aterbetalningstid', title: t.sections.aterbetalningstid,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' }, { key: 'cost', label: t.cost, kind: 'kr' }, { key: 'effect', label: t.annualEffect, kind: 'kr' },
      { key: 'payback', label: t.status, kind: 'text' }, { key: 'months', label: t.months, kind: 'months' }, { key: 'simple', label: t.simpleMonths, kind: 'months' },
    ],
    rows: all.map((a) => ({ actor: name(a), cost: a.cost, effect: a.annualEffect, payback: paybackText(a.payback, H, lang, a.annualEffect), months: Math.round(a.annualEffect) < 0 ? null : a.payback.months, simple: a.payback.simpleMonths })),
    strong: all.map((a, i) => (r.groups[a.id] ? i : -1)).filter((i) => i >= 0),
    note: t.paybackNote,
  });

  // Kostnadsförskjutningar.
  const cats = CATEGORIES.filter((c) => actors.some((a) => a.byCategory[c].delta !== 0));
  tables.push({
    id: 'kostnadsforskjutningar', title: t.sections.kostnadsforskjutningar,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' }, { key: 'fore', label: `${t.fore} (${t.perYear})`, kind: 'kr' }, { key: 'efter', label: `${t.efter} (${t.perYear})`, kind: 'kr' },
      ...cats.map((c) => ({ key: c, label: `Δ ${t.categories[c].toLowerCase()}`, kind: 'kr' as const })),
      { key: 'delta', label: t.annualEffect, kind: 'kr' }, { key: 'flag', label: t.flagged, kind: 'text' },
    ],
    rows: actors.map((a) => ({ actor: name(a), fore: a.fore, efter: a.efter, ...Object.fromEntries(cats.map((c) => [c, a.byCategory[c].delta])), delta: a.annualEffect, flag: a.shiftFlag ? t.yes : '' })),
    strong: actors.map((a, i) => (a.shiftFlag ? i : -1)).filter((i) => i >= 0),
    note: t.shiftNote,
  });
  const itemRows = r.items.filter((x) => x.fore !== 0 || x.efter !== 0);
  tables.push({
    id: 'poster', title: sv ? 'Förändring per post och aktör (kr/år)' : 'Change per item and actor (SEK/yr)',
    columns: [
      { key: 'item', label: sv ? 'Post' : 'Item', kind: 'text' }, { key: 'actor', label: t.actor, kind: 'text' }, { key: 'category', label: sv ? 'Kategori' : 'Category', kind: 'text' },
      { key: 'fore', label: t.fore, kind: 'kr' }, { key: 'efter', label: t.efter, kind: 'kr' }, { key: 'delta', label: t.annualEffect, kind: 'kr' },
    ],
    rows: itemRows.map((x) => ({ item: x.label, actor: r.actors[x.actor] ? name(r.actors[x.actor]) : x.actor, category: t.categories[x.category], fore: x.fore, efter: x.efter, delta: x.delta })),
  });

  // Känslighetsanalyser (lib/sensitivity's classics: samhället and the funders).
  const scen = (id: string) => classics.find((c) => c.id === id)?.outcomes ?? {};
  const targets = Object.keys(scen('bas')).map((id) => r.groups[id] ?? r.actors[id]).filter(Boolean);
  const sensRows = targets.map((a) => ({
    actor: name(a), bas1: scen('bas')[a.id]?.net1 ?? null, basH: scen('bas')[a.id]?.netH ?? null, avskr1: scen('avskrivning3')[a.id]?.net1 ?? null,
    dw25H: scen('yttreFaktorer25')[a.id]?.netH ?? null, dw50H: scen('yttreFaktorer50')[a.id]?.netH ?? null, discH: scen('diskontering35')[a.id]?.netH ?? null,
    utjH: scen('utjamning')[a.id]?.netH ?? null,
  }));
  const utjLabel = classics.find((c) => c.id === 'utjamning');
  const discLabel = classics.find((c) => c.id === 'diskontering35');
  tables.push({
    id: 'kanslighet', title: t.sections.kanslighet,
    columns: [
      { key: 'actor', label: t.actor, kind: 'text' },
      { key: 'bas1', label: sv ? 'Bas, 1 år' : 'Base, 1 yr', kind: 'kr' },
      { key: 'basH', label: sv ? `Bas, ${H} år` : `Base, ${H} yrs`, kind: 'kr' },
      { key: 'avskr1', label: sv ? 'Kostnaden avskrivs på 3 år, 1 år' : 'Cost written off over 3 yrs, 1 yr', kind: 'kr' },
      { key: 'dw25H', label: sv ? `Yttre faktorer 25 %, ${H} år` : `External factors 25%, ${H} yrs`, kind: 'kr' },
      { key: 'dw50H', label: sv ? `Yttre faktorer 50 %, ${H} år` : `External factors 50%, ${H} yrs`, kind: 'kr' },
      { key: 'discH', label: `${discLabel ? (sv ? discLabel.label : discLabel.labelEn) : 'r'}, ${H} ${t.years}`, kind: 'kr' },
      ...(utjLabel ? [{ key: 'utjH', label: `${sv ? utjLabel.label : utjLabel.labelEn}, ${H} ${t.years}`, kind: 'kr' as const }] : []),
    ],
    rows: sensRows,
    strong: targets.map((a, i) => (r.groups[a.id] ? i : -1)).filter((i) => i >= 0),
    note: sv
      ? 'Lönsamhet (kr) för samhället och finansiärerna under NyttoSam-traditionens klassiska känslighetsanalyser: åtgärdskostnaden avskrivs på tre år (ettårsresultatet bär en tredjedel av kostnaden); en andel av den återstående förändringen (25 % respektive 50 %) beror på yttre faktorer (dödvikt); samt diskontering med 3,5 % (ASEK). Tornado, brytvärden och Monte Carlo: samnytta sensitivity och montecarlo.'
      : 'Net result (SEK) for society and the funders under the classic NyttoSam sensitivity analyses: the intervention cost written off over three years (the one-year result carries a third of the cost); a share of the remaining change (25% and 50%) due to external factors (deadweight); and discounting at 3.5% (ASEK). Tornado, switching values and Monte Carlo: samnytta sensitivity and montecarlo.',
  });

  // Jämförande värden (issue 15), only when the reference set is given.
  if (input.references) tables.push(referenceTable(input.project, r, input.catalog, input.references, lang));

  // Katalogvärden.
  tables.push({
    id: 'katalog', title: t.sections.katalog,
    columns: [
      { key: 'id', label: 'Id', kind: 'text' }, { key: 'label', label: sv ? 'Benämning' : 'Label', kind: 'text' },
      { key: 'value', label: sv ? 'Värde' : 'Value', kind: 'number' }, { key: 'unit', label: sv ? 'Enhet' : 'Unit', kind: 'text' },
      { key: 'priceYear', label: sv ? 'Prisår (bas)' : 'Price year (base)', kind: 'text' }, { key: 'status', label: 'Status', kind: 'text' },
      { key: 'source', label: sv ? 'Källa' : 'Source', kind: 'link' },
    ],
    rows: r.used.map((u) => ({
      id: u.id, label: u.label, value: u.value ?? (u.fields ? fieldsText(u.fields, lang) : null), unit: u.unit,
      priceYear: u.basePriceYear !== undefined && u.basePriceYear !== u.priceYear ? `${u.priceYear} (${u.basePriceYear})` : String(u.priceYear),
      status: t.dataStatus[u.status], source: `${u.source.title}|${u.source.href}`,
    })),
    strong: r.used.map((u, i) => (u.status === 'estimate' ? i : -1)).filter((i) => i >= 0),
    note: sv
      ? `Värden räknade upp till prisåret ${r.project.priceYear}. Uppskattningar (status uppskattning, ${r.estimates.length} st.) är markerade och bör ersättas med lokala uppgifter när sådana finns.`
      : `Values uprated to the price year ${r.project.priceYear}. Estimates (${r.estimates.length}) are flagged and should be replaced by local figures where available.`,
  });

  const members = projectMembers(input.ledger, input.project, input.catalog, input.perKommun);
  for (const m of members ?? []) tables.push(membersTable(m, H, lang));

  return {
    lang, datum: input.datum ?? defaultDatum(r.project.priceYear), title: t.reportTitle, projectName: r.project.name, horizonYears: H,
    description: input.project.description, sentences, keyFigures,
    evidence: { grade: r.project.evidence, text: grade, upperBound: upper },
    warnings: resultWarnings(r, lang), tables, classics,
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

/**
 * Presentation of a forecast (prognos, docs/prognos.md): the JSON document (`kind: "forecast"`),
 * the text table `samnytta prognos` prints, and the sentences every format shares — what the
 * forecast rests on (in place of the before/after upper-bound warning), the break-even sentence
 * per funder, the uncertainty band. Labelled Prognos throughout.
 */
import type { Catalog } from '../catalog/types.js';
import type { ActorResult, Result } from '../results/result.js';
import { aterforing, forecastBreakEven, forecastMonteCarlo, forecastTargets, type AterforingFunder, type ForecastBreakEvenResult, type ForecastMonteCarlo } from '../forecast/analyses.js';
import { forecast, unitLedgers, type Forecast } from '../forecast/forecast.js';
import type { ForecastPlan, PlanOutcome } from '../forecast/plan.js';
import { fundersOf } from '../results/cost.js';
import { FORECAST_EVIDENCE, type ForecastEvidence } from '../model/transitions.js';
import type { Lang } from '../util/errors.js';
import { decimal, kr, percent, roundTo } from './format.js';
import { resultWarnings, toResultJson, type ResultJson } from './result-json.js';
import { paybackText, table as textTable } from './summary-table.js';
import { SOCIETY } from '../catalog/groups.js';

export const FORECAST_SCHEMA = 'samnytta/forecast@1';

/** Everything a forecast output shows, computed once. */
export interface ForecastReport {
  forecast: Forecast;
  catalog: Catalog;
  breakEven: ForecastBreakEvenResult;
  monteCarlo: ForecastMonteCarlo;
  aterforing: AterforingFunder[];
  /** Financing funders (actors carrying cost), in catalogue order. */
  funders: string[];
  /** Headline targets: society, the usual funders and every funder of the plan. */
  targets: string[];
}

/** Runs the forecast and its analyses. */
export function forecastReport(plan: ForecastPlan, catalog: Catalog, o: { draws?: number; seed?: number } = {}): ForecastReport {
  const f = forecast(plan, catalog);
  const u = unitLedgers(plan, catalog);
  const funders = fundersOf(catalog, plan.project.cost);
  return {
    forecast: f, catalog,
    breakEven: forecastBreakEven(f, catalog),
    monteCarlo: forecastMonteCarlo(f, u, catalog, { draws: o.draws ?? 2000, seed: o.seed ?? 1 }),
    aterforing: aterforing(f.adjusted.result, funders),
    funders,
    targets: forecastTargets(plan, catalog),
  };
}

const EVIDENCE_TEXT: Record<Lang, Record<ForecastEvidence, string>> = {
  sv: { egna: 'egna tidigare resultat', publicerad: 'publicerad utvärdering', antagande: 'antagande' },
  en: { egna: 'own earlier results', publicerad: 'published evaluation', antagande: 'assumption' },
};
export const evidenceText = (e: ForecastEvidence, lang: Lang): string => EVIDENCE_TEXT[lang][e];

/** The label of a target, with "(ESF)" on Övrig stat when an ESF key finances the plan. */
export function targetLabel(rep: Pick<ForecastReport, 'forecast' | 'catalog'>, a: Pick<ActorResult, 'id' | 'label' | 'labelEn'>, lang: Lang): string {
  const base = lang === 'sv' ? a.label : a.labelEn;
  const cost = rep.forecast.plan.project.cost;
  const keys = [cost.financing, ...(cost.byYear ?? []).map((y) => y.financing)].filter((k): k is string => typeof k === 'string');
  return a.id === 'ovrigStat' && keys.some((k) => k.startsWith('esf')) ? `${base} (ESF)` : base;
}

/** Category label for a key (`forsorjningsstod+sjukpenning`), from the mapping's labels as the typfall ids carry only ids. */
export function keyLabel(key: string): string {
  return key.replace(/\+/g, ' + ');
}

/** How the break-even situation reads in a sentence. */
function reachText(category: string, label: string, lang: Lang): string {
  const sv: Record<string, string> = { arbete: 'får ett arbete utan stöd', studier: 'börjar studera', lonebidrag: 'får en anställning med lönebidrag', nystartsjobb: 'får ett nystartsjobb' };
  const en: Record<string, string> = { arbete: 'find work without support', studier: 'start studying', lonebidrag: 'get a job with wage subsidy', nystartsjobb: 'get a new start job' };
  return (lang === 'sv' ? sv : en)[category] ?? (lang === 'sv' ? `går till ${label.toLowerCase()}` : `move to ${label.toLowerCase()}`);
}

const COMMON_NOUNS = new Set([SOCIETY, 'kommun', 'region', 'staten', 'offentligSektor', 'individ', 'arbetsgivare']);

/** "Insatsen återbetalar sig för kommunen om minst 3 av 40 deltagare får ett arbete utan stöd" per target. */
export function breakEvenSentences(rep: ForecastReport, lang: Lang): { target: string; text: string }[] {
  const b = rep.breakEven;
  const plan = rep.forecast.plan;
  const N = decimal(plan.total, Number.isInteger(plan.total) ? 0 : 1, lang);
  const reach = reachText(b.category, lang === 'sv' ? b.label : b.labelEn, lang);
  const H = b.horizonYears;
  return b.findings.map((x) => {
    const who = targetLabel(rep, { ...x, id: x.target }, lang);
    // Common nouns read in lower case mid-sentence ("för kommunen"); agency names keep their capital.
    const lower = who.charAt(0).toLowerCase() + who.slice(1);
    const whoSv = !COMMON_NOUNS.has(x.target) ? who : lang === 'en' && x.target !== SOCIETY ? `the ${lower}` : lower;
    let text: string;
    if (x.status === 'already') text = lang === 'sv' ? `${who} bär ingen del av insatskostnaden; ingen break-even beräknas (aktörens resultat står i tabellen ovan).` : `${who} bears no part of the intervention cost; no break-even is computed (its result is in the table above).`;
    else if (x.status === 'never') text = lang === 'sv' ? `Insatsen återbetalar sig inte för ${whoSv} inom ${H} år ens om alla ${N} deltagare ${reach}.` : `The intervention does not pay back for ${whoSv} within ${H} years even if all ${N} participants ${reach}.`;
    else text = lang === 'sv'
      ? `Insatsen återbetalar sig för ${whoSv} inom ${H} år om minst ${x.participants} av ${N} deltagare ${reach} (${percent(x.share, 1, lang)}).`
      : `The intervention pays back for ${whoSv} within ${H} years if at least ${x.participants} of ${N} participants ${reach} (${percent(x.share, 1, lang)}).`;
    return { target: x.target, text };
  });
}

/** What the forecast rests on: the outcome shares by evidence, the optimism adjustment, the catalogue. */
export function basisSentences(rep: ForecastReport, lang: Lang): string[] {
  const plan = rep.forecast.plan;
  const sv = lang === 'sv';
  const count = (e: ForecastEvidence) => plan.outcomes.filter((o) => o.evidence === e).length;
  const parts = FORECAST_EVIDENCE.filter((e) => count(e) > 0).map((e) => `${evidenceText(e, lang)}: ${count(e)}`);
  const levels = FORECAST_EVIDENCE.map((e) => `${evidenceText(e, lang)} ${percent(plan.optimism.levels[e], 0, lang)}`).join(', ');
  return [
    sv
      ? `Detta är en prognos: inga deltagare har ännu observerats. Den vilar på ${plan.outcomes.length} förväntade utfallsandelar (${parts.join(', ')}), målgruppens försörjning före och kostnadskatalogens priser för ${plan.project.priceYear}.`
      : `This is a forecast: no participant has yet been observed. It rests on ${plan.outcomes.length} expected outcome shares (${parts.join(', ')}), the target group's support before, and the cost catalogue's prices for ${plan.project.priceYear}.`,
    sv
      ? `Varje andel har justerats ned för optimism efter vad den vilar på (${levels}; HM Treasury Green Book, tilläggsvägledning om optimism bias). Både den justerade och den ojusterade prognosen visas.`
      : `Each share is adjusted down for optimism according to its evidence (${levels}; HM Treasury Green Book supplementary guidance on optimism bias). Both the adjusted and the unadjusted forecast are shown.`,
  ];
}

/** Warnings of a forecast: validation, catalogue estimates — no before/after upper bound. */
export function forecastWarnings(r: Result, lang: Lang): string[] {
  return resultWarnings(r, lang, { upperBound: false });
}

const pick = (r: Result, id: string): ActorResult | undefined => r.groups[id] ?? r.actors[id];
const money = (x: number): number => roundTo(x, 2);
const summaryJson = (s: { mean: number; p5: number; p50: number; p95: number }) => ({ mean: money(s.mean), p5: money(s.p5), p50: money(s.p50), p95: money(s.p95) });

export interface ForecastJson {
  schema: typeof FORECAST_SCHEMA;
  kind: 'forecast';
  lang: Lang;
  plan: {
    name: string; priceYear: number; horizonYears: number; discountRate: number; deadweight: number; dropOff: number;
    participants: { total: number; byYear: number[] };
    costTotal: number; financing: string; funders: string[];
    targetGroup: { fore: string; participants: number }[];
    outcomes: { fore: string; efter: string; share: number; low: number; high: number; evidence: string; optimismBias: number; adjustedShare: number; source: string | null; row: number }[];
  };
  basis: string[];
  optimismBias: { levels: Record<string, number>; status: string; source: { title: string; href: string; retrieved: string }; overridden: string[] };
  /** The optimism-adjusted forecast (the headline) and the forecast at the stated shares. */
  adjusted: ResultJson;
  stated: ResultJson;
  breakEven: {
    category: string; label: string; participants: number; horizonYears: number; forecastShare: { stated: number; adjusted: number };
    findings: { target: string; label: string; status: string; share: number | null; participants: number | null; cost: number; effectIfAll: number; verifiedNet: number | null; sentence: string }[];
  };
  monteCarlo: {
    draws: number; seed: number; horizonYears: number; adjusted: boolean; distribution: 'triangular';
    targets: { id: string; label: string; funder: boolean; net1: ReturnType<typeof summaryJson>; netH: ReturnType<typeof summaryJson>; pPositive: number; pPayback: number | null }[];
  };
  aterforing: { id: string; label: string; cost: number; repaidYear: number | null; years: { year: number; savings: number; cumulative: number; balance: number }[] }[];
  warnings: string[];
}

/** The forecast JSON (`kind: "forecast"`): amounts rounded to öre, shares to 6 decimals. */
export function forecastJson(rep: ForecastReport, lang: Lang): ForecastJson {
  const f = rep.forecast;
  const plan = f.plan;
  const r = f.adjusted.result;
  const sentences = breakEvenSentences(rep, lang);
  const share = (x: number) => roundTo(x, 6);
  return {
    schema: FORECAST_SCHEMA, kind: 'forecast', lang,
    plan: {
      name: plan.project.name, priceYear: plan.project.priceYear, horizonYears: plan.project.horizonYears, discountRate: plan.project.discountRate,
      deadweight: plan.project.deadweight, dropOff: plan.project.dropOff,
      participants: { total: plan.total, byYear: plan.byYear }, costTotal: money(r.project.costTotal), financing: r.project.financing, funders: rep.funders,
      targetGroup: plan.groups.map((g) => ({ fore: g.fore, participants: roundTo(g.n, 6) })),
      outcomes: plan.outcomes.map((o: PlanOutcome, k) => ({
        fore: o.fore, efter: o.efter, share: share(o.share), low: share(o.low), high: share(o.high), evidence: o.evidence,
        optimismBias: plan.optimism.levels[o.evidence], adjustedShare: share(f.adjusted.shares[k]), source: o.source ?? null, row: o.row,
      })),
    },
    basis: basisSentences(rep, lang),
    optimismBias: { levels: { ...plan.optimism.levels }, status: plan.optimism.status, source: { ...plan.optimism.source }, overridden: plan.optimism.overridden },
    adjusted: { ...toResultJson(r, lang), warnings: forecastWarnings(r, lang) },
    stated: { ...toResultJson(f.stated.result, lang), warnings: forecastWarnings(f.stated.result, lang) },
    breakEven: {
      category: rep.breakEven.category, label: lang === 'sv' ? rep.breakEven.label : rep.breakEven.labelEn, participants: rep.breakEven.participants,
      horizonYears: rep.breakEven.horizonYears, forecastShare: { stated: share(rep.breakEven.forecastShare.stated), adjusted: share(rep.breakEven.forecastShare.adjusted) },
      findings: rep.breakEven.findings.map((x, i) => ({
        target: x.target, label: targetLabel(rep, { ...x, id: x.target }, lang), status: x.status, share: x.share === null ? null : share(x.share), participants: x.participants,
        cost: money(x.cost), effectIfAll: money(x.effectIfAll), verifiedNet: x.verifiedNet === null ? null : money(x.verifiedNet), sentence: sentences[i].text,
      })),
    },
    monteCarlo: {
      draws: rep.monteCarlo.draws, seed: rep.monteCarlo.seed, horizonYears: rep.monteCarlo.horizonYears, adjusted: rep.monteCarlo.adjusted, distribution: 'triangular',
      targets: rep.monteCarlo.targets.map((t) => ({
        id: t.id, label: targetLabel(rep, t, lang), funder: t.funder, net1: summaryJson(t.net1), netH: summaryJson(t.netH),
        pPositive: roundTo(t.pPositive, 4), pPayback: t.pPayback === null ? null : roundTo(t.pPayback, 4),
      })),
    },
    aterforing: rep.aterforing.map((a) => ({
      id: a.id, label: targetLabel(rep, a, lang), cost: money(a.cost), repaidYear: a.repaidYear,
      years: a.years.map((y) => ({ year: y.year, savings: money(y.savings), cumulative: money(y.cumulative), balance: money(y.balance) })),
    })),
    warnings: forecastWarnings(r, lang),
  };
}

/** The text `samnytta prognos` prints. */
export function forecastTable(rep: ForecastReport, lang: Lang): string {
  const sv = lang === 'sv';
  const f = rep.forecast;
  const plan = f.plan;
  const H = plan.project.horizonYears;
  const HS = String(H);
  const S = f.stated.result, A = f.adjusted.result;
  const out: string[] = [];
  const krs = (x: number) => kr(x, lang);
  out.push(`${sv ? 'Prognos' : 'Forecast'}: ${plan.project.name}`);
  out.push(sv
    ? `prisår ${plan.project.priceYear} · ${plan.total} planerade deltagare (${plan.byYear.map((n, i) => `år ${i + 1}: ${decimal(n, Number.isInteger(n) ? 0 : 1, lang)}`).join(', ')}) · horisont ${H} år · diskontering ${percent(plan.project.discountRate, 1, lang)} · dödvikt ${percent(plan.project.deadweight, 0, lang)} · avklingning ${percent(plan.project.dropOff, 0, lang)}`
    : `price year ${plan.project.priceYear} · ${plan.total} planned participants (${plan.byYear.map((n, i) => `year ${i + 1}: ${decimal(n, Number.isInteger(n) ? 0 : 1, lang)}`).join(', ')}) · horizon ${H} years · discount rate ${percent(plan.project.discountRate, 1, lang)} · deadweight ${percent(plan.project.deadweight, 0, lang)} · drop-off ${percent(plan.project.dropOff, 0, lang)}`);
  out.push(`${sv ? 'Insatskostnad' : 'Intervention cost'}: ${krs(A.project.costTotal)} kr (${A.project.financing})`);
  out.push('');
  for (const s of basisSentences(rep, lang)) out.push(s);
  out.push('');
  out.push(textTable([
    [sv ? 'Förväntat utfall' : 'Expected outcome', sv ? 'Andel' : 'Share', sv ? 'Låg–hög' : 'Low–high', sv ? 'Evidens' : 'Evidence', sv ? 'Justering' : 'Adjustment', sv ? 'Justerad' : 'Adjusted'],
    ...plan.outcomes.map((o, k) => [
      `${keyLabel(o.fore)} → ${keyLabel(o.efter)}`, percent(o.share, 1, lang), `${percent(o.low, 0, lang)}–${percent(o.high, 0, lang)}`, evidenceText(o.evidence, lang),
      `−${percent(plan.optimism.levels[o.evidence], 0, lang)}`, percent(f.adjusted.shares[k], 1, lang),
    ]),
  ], [false, true, true, false, true, true]));
  out.push('');
  const rows = rep.targets.map((id) => [pick(S, id)!, pick(A, id)!] as const);
  out.push(textTable([
    [sv ? 'Aktör' : 'Actor', sv ? 'Årlig effekt' : 'Annual effect', sv ? 'Kostnad' : 'Cost', `${sv ? 'Netto' : 'Net'} 1 ${sv ? 'år' : 'yr'}`, `${sv ? 'Netto' : 'Net'} ${H} ${sv ? 'år' : 'yrs'}`, `${sv ? 'Ojusterat' : 'Unadjusted'} ${H} ${sv ? 'år' : 'yrs'}`, sv ? 'Återbetalningstid' : 'Payback'],
    ...rows.map(([s, a]) => [targetLabel(rep, a, lang), krs(a.annualEffect), krs(a.cost), krs(a.horizons['1'].net), krs(a.horizons[HS].net), krs(s.horizons[HS].net), paybackText(a.payback, H, lang)]),
  ], [false, true, true, true, true, true, false]));
  out.push(sv ? '(optimismjusterad prognos; kolumnen Ojusterat = de angivna andelarna)' : '(optimism-adjusted forecast; the Unadjusted column = the stated shares)');
  out.push('');
  out.push(`${sv ? 'Break-even' : 'Break-even'} (${sv ? rep.breakEven.label : rep.breakEven.labelEn}; ${sv ? 'prognos' : 'forecast'} ${percent(rep.breakEven.forecastShare.adjusted, 1, lang)} ${sv ? 'justerat' : 'adjusted'}, ${percent(rep.breakEven.forecastShare.stated, 1, lang)} ${sv ? 'ojusterat' : 'unadjusted'}):`);
  for (const s of breakEvenSentences(rep, lang)) out.push(`- ${s.text}`);
  out.push('');
  const mc = rep.monteCarlo;
  out.push(sv
    ? `Monte Carlo (${mc.draws} dragningar, seed ${mc.seed}; utfallsandelar och priser, triangulära fördelningar, optimismjusterat):`
    : `Monte Carlo (${mc.draws} draws, seed ${mc.seed}; outcome shares and prices, triangular distributions, optimism-adjusted):`);
  out.push(textTable([
    [sv ? 'Aktör' : 'Actor', `${sv ? 'Netto' : 'Net'} ${H} ${sv ? 'år' : 'yrs'} p5`, 'p50', 'p95', sv ? 'P(netto > 0)' : 'P(net > 0)', sv ? `P(återbetald ≤ ${H} år)` : `P(repaid ≤ ${H} yrs)`],
    ...rep.targets.map((id) => mc.targets.find((t) => t.id === id)!).map((t) => [targetLabel(rep, t, lang), krs(t.netH.p5), krs(t.netH.p50), krs(t.netH.p95), percent(t.pPositive, 0, lang), t.pPayback === null ? '–' : percent(t.pPayback, 0, lang)]),
  ], [false, true, true, true, true, true]));
  out.push('');
  out.push(sv ? 'Återföring (besparing per finansiär och år, kumulativt, kr; optimismjusterat):' : 'Återföring (savings per funder and year, cumulative, SEK; optimism-adjusted):');
  out.push(textTable([
    [sv ? 'Finansiär' : 'Funder', sv ? 'Kostnad' : 'Cost', ...Array.from({ length: H }, (_, t) => `${sv ? 'År' : 'Yr'} ${t + 1}`), sv ? 'Återbetald år' : 'Repaid in year'],
    ...rep.aterforing.map((a) => [targetLabel(rep, a, lang), krs(a.cost), ...a.years.map((y) => krs(y.cumulative)), a.repaidYear === null ? (sv ? `> ${H}` : `> ${H}`) : String(a.repaidYear)]),
  ], [false, true, ...Array.from({ length: H }, () => true), true]));
  const notes = forecastWarnings(A, lang);
  if (notes.length) {
    out.push('');
    out.push(`${sv ? 'Att observera' : 'Notes'}:`);
    for (const n of notes) out.push(`- ${n}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The forecast variant of the report (docs/prognos.md) and the one-page application summary.
 * The report is the ordinary report model built on the optimism-adjusted forecast, then turned
 * into a Prognos: title, sentences and charts labelled Prognos, the before/after upper bound
 * replaced by what the forecast rests on, the participant tables (a forecast has none) replaced by
 * the outcome shares, and the forecast's own tables added to their sections (stated beside
 * adjusted, break-even, Monte Carlo, återföring). The summary is one page for an ESF application
 * or a social-investment fund: return per funder in words and figures, the break-even sentence,
 * the uncertainty band, the assumptions with sources and a JSON block for the application form.
 */
import { reportCharts, type Chart } from './charts.js';
import { renderHtml, escapeHtml } from './html.js';
import { renderMarkdown, escapeMd } from './markdown.js';
import { defaultDatum, reportModel, type ReportModel, type ReportTable } from './model.js';
import { svgToPng } from './png.js';
import { reportJson } from './report-json.js';
import { REPORT_FILES, type ReportFile, type ReportFormat } from './build-report.js';
import { buildWorkbook } from './xlsx.js';
import { basisSentences, breakEvenSentences, evidenceText, forecastJson, forecastWarnings, keyLabel, targetLabel, type ForecastReport } from './forecast.js';
import { decimal, kr, percent } from './format.js';
import { paybackText } from './summary-table.js';
import type { ActorResult, Result } from '../results/result.js';
import type { Lang } from '../util/errors.js';
import { SOCIETY } from '../catalog/groups.js';

/** File names of the one-page summary. */
export const SUMMARY_FILES = { html: 'sammanfattning.html', md: 'sammanfattning.md', pdf: 'sammanfattning.pdf' } as const;

const pick = (r: Result, id: string): ActorResult | undefined => r.groups[id] ?? r.actors[id];

/** The Prognos label for a title: "Prognos: …" / "Forecast: …". */
const prognos = (lang: Lang) => (lang === 'sv' ? 'Prognos' : 'Forecast');

/** The forecast's report model. */
export function forecastModel(rep: ForecastReport, lang: Lang, datum?: string): ReportModel {
  const f = rep.forecast;
  const A = f.adjusted.result, S = f.stated.result;
  const plan = f.plan;
  const H = plan.project.horizonYears;
  const HS = String(H);
  const sv = lang === 'sv';
  const base = reportModel({ project: f.adjusted.project, catalog: rep.catalog, ledger: f.adjusted.ledger, result: A, lang, datum });
  const krs = (x: number) => (sv ? `${kr(x, lang)} kr` : `SEK ${kr(x, lang)}`);
  const soc = pick(A, SOCIETY)!;
  const socS = pick(S, SOCIETY)!;
  const mcSoc = rep.monteCarlo.targets.find((t) => t.id === SOCIETY)!;
  const name = (a: Pick<ActorResult, 'id' | 'label' | 'labelEn'>) => targetLabel(rep, a, lang);

  const funderPayback = rep.funders.map((id) => pick(A, id)!).map((a) => `${name(a)} ${paybackText(a.payback, H, lang)}`).join(', ');
  const kommunBe = breakEvenSentences(rep, lang).find((s) => s.target === 'kommun') ?? breakEvenSentences(rep, lang)[0];
  const sentences = [
    sv
      ? `Prognosen för ${plan.project.name} omfattar ${decimal(plan.total, 0, lang)} planerade deltagare och kostar ${krs(A.project.costTotal)} i ${plan.project.priceYear} års priser (finansiering ${A.project.financing}).`
      : `The forecast for ${plan.project.name} covers ${decimal(plan.total, 0, lang)} planned participants and costs ${krs(A.project.costTotal)} at ${plan.project.priceYear} prices (financing ${A.project.financing}).`,
    sv
      ? `För samhället ger insatsen enligt den optimismjusterade prognosen en årlig effekt på ${krs(soc.annualEffect)}; lönsamheten är ${krs(soc.horizons['1'].net)} på ett år och ${krs(soc.horizons[HS].net)} på ${H} år (ojusterat ${krs(socS.horizons[HS].net)}).`
      : `For society the optimism-adjusted forecast gives an annual effect of ${krs(soc.annualEffect)}; the net result is ${krs(soc.horizons['1'].net)} over one year and ${krs(soc.horizons[HS].net)} over ${H} years (unadjusted ${krs(socS.horizons[HS].net)}).`,
    sv ? `Återbetalningstid per finansiär: ${funderPayback}.` : `Payback per funder: ${funderPayback}.`,
    ...(kommunBe ? [kommunBe.text] : []),
    sv
      ? `Med osäkerheten i utfallsandelar och priser ligger samhällets lönsamhet på ${H} år mellan ${krs(mcSoc.netH.p5)} och ${krs(mcSoc.netH.p95)} i 90 % av ${rep.monteCarlo.draws} dragningar; sannolikheten för ett positivt netto är ${percent(mcSoc.pPositive, 0, lang)}.`
      : `With the uncertainty in outcome shares and prices, society's net result over ${H} years lies between ${krs(mcSoc.netH.p5)} and ${krs(mcSoc.netH.p95)} in 90% of ${rep.monteCarlo.draws} draws; the probability of a positive net is ${percent(mcSoc.pPositive, 0, lang)}.`,
  ];

  const basis = basisSentences(rep, lang);
  const tables: ReportTable[] = base.tables.filter((t) => !t.id.startsWith('deltagare-'));
  tables.push({
    id: 'prognos-utfall', section: 'deltagare', title: sv ? 'Förväntade utfall och vad de vilar på' : 'Expected outcomes and what they rest on',
    columns: [
      { key: 'fore', label: sv ? 'Försörjning före' : 'Support before', kind: 'text' }, { key: 'n', label: sv ? 'Deltagare' : 'Participants', kind: 'count' },
      { key: 'efter', label: sv ? 'Försörjning efter' : 'Support after', kind: 'text' }, { key: 'share', label: sv ? 'Andel' : 'Share', kind: 'percent' },
      { key: 'range', label: sv ? 'Låg–hög' : 'Low–high', kind: 'text' }, { key: 'evidence', label: sv ? 'Evidens' : 'Evidence', kind: 'text' },
      { key: 'ob', label: sv ? 'Optimismjustering' : 'Optimism adjustment', kind: 'percent' }, { key: 'adjusted', label: sv ? 'Justerad andel' : 'Adjusted share', kind: 'percent' },
      { key: 'source', label: sv ? 'Källa' : 'Source', kind: 'text' },
    ],
    rows: plan.outcomes.map((o, k) => ({
      fore: keyLabel(o.fore), n: plan.groups.find((g) => g.fore === o.fore)!.n, efter: keyLabel(o.efter), share: o.share,
      range: `${percent(o.low, 0, lang)}–${percent(o.high, 0, lang)}`, evidence: evidenceText(o.evidence, lang), ob: plan.optimism.levels[o.evidence],
      adjusted: f.adjusted.shares[k], source: o.source ?? '–',
    })),
    note: `${basis.join(' ')} ${sv ? 'Den som ingen rad flyttar antas ha samma försörjning som före.' : 'Whoever no row moves is assumed to keep the support they had before.'}`,
  });
  tables.push({
    id: 'prognos-justering', section: 'lonsamhet', title: sv ? `Prognos med och utan optimismjustering, ${H} år` : `Forecast with and without the optimism adjustment, ${H} years`,
    columns: [
      { key: 'actor', label: sv ? 'Aktör' : 'Actor', kind: 'text' }, { key: 'stated', label: sv ? 'Ojusterad lönsamhet' : 'Unadjusted net', kind: 'kr' },
      { key: 'adjusted', label: sv ? 'Justerad lönsamhet' : 'Adjusted net', kind: 'kr' }, { key: 'diff', label: sv ? 'Justering' : 'Adjustment', kind: 'kr' },
    ],
    rows: rep.targets.map((id) => ({ actor: name(pick(A, id)!), stated: pick(S, id)!.horizons[HS].net, adjusted: pick(A, id)!.horizons[HS].net, diff: pick(A, id)!.horizons[HS].net - pick(S, id)!.horizons[HS].net })),
  });
  tables.push({
    id: 'prognos-aterforing', section: 'aterbetalningstid', title: sv ? 'Återföring: besparing per finansiär och år (kumulativt)' : 'Återföring: savings per funder and year (cumulative)',
    columns: [
      { key: 'actor', label: sv ? 'Finansiär' : 'Funder', kind: 'text' }, { key: 'cost', label: sv ? 'Kostnad' : 'Cost', kind: 'kr' },
      ...Array.from({ length: H }, (_, t) => ({ key: `y${t + 1}`, label: `${sv ? 'År' : 'Year'} ${t + 1}`, kind: 'kr' as const })),
      { key: 'repaid', label: sv ? 'Återbetald år' : 'Repaid in year', kind: 'text' },
    ],
    rows: rep.aterforing.map((a) => ({ actor: name(a), cost: a.cost, ...Object.fromEntries(a.years.map((y) => [`y${y.year}`, y.cumulative])), repaid: a.repaidYear === null ? `> ${H}` : String(a.repaidYear) })),
    note: sv
      ? 'Den kumulerade förväntade besparingen per finansiär (optimismjusterad prognos) som kan återföras till en social investeringsfond, och det år den når finansiärens del av insatskostnaden. Hur mycket som återförs bestämmer fondens regler.'
      : "The cumulative expected savings per funder (optimism-adjusted forecast) that could be returned to a social-investment fund, and the year they reach the funder's share of the cost. How much is returned is for the fund's rules.",
  });
  tables.push({
    id: 'prognos-breakeven', section: 'kanslighet', title: sv ? `Break-even per finansiär: ${rep.breakEven.label.toLowerCase()}` : `Break-even per funder: ${rep.breakEven.labelEn.toLowerCase()}`,
    columns: [
      { key: 'actor', label: sv ? 'Aktör' : 'Actor', kind: 'text' }, { key: 'share', label: sv ? 'Minsta andel' : 'Smallest share', kind: 'percent' },
      { key: 'n', label: sv ? `Deltagare av ${plan.total}` : `Participants of ${plan.total}`, kind: 'text' }, { key: 'text', label: sv ? 'Mening' : 'Sentence', kind: 'text' },
    ],
    rows: rep.breakEven.findings.map((x, i) => ({ actor: name({ ...x, id: x.target }), share: x.share, n: x.participants === null ? '–' : String(x.participants), text: breakEvenSentences(rep, lang)[i].text })),
    note: sv
      ? `Minsta andel av deltagarna som måste gå från sin försörjning före till ${rep.breakEven.label.toLowerCase()} (alla andra oförändrade) för att insatsen ska återbetala sig för aktören inom ${H} år; avrundat uppåt till hela deltagare. Prognosen: ${percent(rep.breakEven.forecastShare.adjusted, 1, lang)} (justerad), ${percent(rep.breakEven.forecastShare.stated, 1, lang)} (ojusterad).`
      : `Smallest share of participants who must move from their support before to ${rep.breakEven.labelEn.toLowerCase()} (everyone else unchanged) for the intervention to pay back for the actor within ${H} years; rounded up to whole participants. The forecast: ${percent(rep.breakEven.forecastShare.adjusted, 1, lang)} (adjusted), ${percent(rep.breakEven.forecastShare.stated, 1, lang)} (unadjusted).`,
  });
  const mc = rep.monteCarlo;
  tables.push({
    id: 'prognos-montecarlo', section: 'kanslighet', title: sv ? `Monte Carlo per finansiär, ${H} år` : `Monte Carlo per funder, ${H} years`,
    columns: [
      { key: 'actor', label: sv ? 'Aktör' : 'Actor', kind: 'text' }, { key: 'p5', label: 'p5', kind: 'kr' }, { key: 'p50', label: 'p50', kind: 'kr' }, { key: 'p95', label: 'p95', kind: 'kr' },
      { key: 'pos', label: sv ? 'P(netto > 0)' : 'P(net > 0)', kind: 'percent' }, { key: 'pay', label: sv ? `P(återbetald ≤ ${H} år)` : `P(repaid ≤ ${H} yrs)`, kind: 'percent' },
    ],
    rows: rep.targets.map((id) => mc.targets.find((t) => t.id === id)!).map((t) => ({ actor: name(t), p5: t.netH.p5, p50: t.netH.p50, p95: t.netH.p95, pos: t.pPositive, pay: t.pPayback })),
    note: sv
      ? `${mc.draws} dragningar (seed ${mc.seed}): varje utfallsandel triangulärt mellan lågt, angivet och högt värde, sedan optimismjusterad; katalogpriserna och insatskostnaden inom sina intervall (params.osakerhet.intervall).`
      : `${mc.draws} draws (seed ${mc.seed}): each outcome share triangular between low, stated and high, then optimism-adjusted; catalogue prices and the intervention cost within their ranges (params.osakerhet.intervall).`,
  });
  return {
    ...base,
    kind: 'forecast',
    title: sv ? 'Prognos – samhällsekonomisk kalkyl' : 'Forecast – socio-economic calculation',
    sectionTitles: { deltagare: sv ? 'Målgruppen och de förväntade utfallen' : 'The target group and the expected outcomes' },
    sentences,
    keyFigures: base.keyFigures.map((k) => ({ ...k, label: `${k.label} (${sv ? 'prognos' : 'forecast'})` })),
    evidence: { grade: 'prognos', text: basis.join(' '), upperBound: false },
    basis,
    warnings: forecastWarnings(A, lang),
    tables,
  };
}

/** The report charts, titled Prognos. */
export function forecastCharts(rep: ForecastReport, lang: Lang): Chart[] {
  return reportCharts(rep.forecast.adjusted.result, lang).map((c) => {
    const title = `${prognos(lang)}: ${c.title.charAt(0).toLowerCase()}${c.title.slice(1)}`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const retitle = (svg: string) => svg.split(esc(c.title)).join(esc(title));
    return { ...c, title, svg: retitle(c.svg), ...(c.pngSvg ? { pngSvg: retitle(c.pngSvg) } : {}) };
  });
}

/** The application summary's figures per funder (also the JSON block for the application form). */
export function applicationBlock(rep: ForecastReport, lang: Lang) {
  const f = rep.forecast;
  const A = f.adjusted.result, S = f.stated.result;
  const H = f.plan.project.horizonYears;
  const HS = String(H);
  const r2 = (x: number) => Math.round(x);
  return {
    kind: 'forecast',
    projekt: f.plan.project.name,
    prisar: f.plan.project.priceYear,
    deltagare: f.plan.total,
    insatskostnad: r2(A.project.costTotal),
    finansiering: A.project.financing,
    horisontAr: H,
    finansiarer: rep.targets.map((id) => {
      const a = pick(A, id)!, s = pick(S, id)!;
      const be = rep.breakEven.findings.find((x) => x.target === id);
      const mc = rep.monteCarlo.targets.find((t) => t.id === id)!;
      return {
        id, namn: targetLabel(rep, a, lang), kostnad: r2(a.cost), arligEffekt: r2(a.annualEffect),
        lonsamhet: r2(a.horizons[HS].net), lonsamhetOjusterad: r2(s.horizons[HS].net),
        aterbetalningstidManader: a.payback.months, breakEvenDeltagare: be?.participants ?? null,
        lonsamhetP5: r2(mc.netH.p5), lonsamhetP95: r2(mc.netH.p95), sannolikhetPositiv: Math.round(mc.pPositive * 1000) / 1000,
      };
    }),
  };
}

/** JSON with one line per top-level key and per funder, so the block fits the page. */
function compactJson(o: Record<string, unknown>): string {
  const lines = Object.entries(o).map(([k, v]) => Array.isArray(v)
    ? `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`
    : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}`;
}

interface SummaryParts {
  title: string;
  meta: string;
  returns: { head: string[]; rows: string[][]; words: string[] };
  breakEven: string[];
  uncertainty: string;
  assumptions: string[];
  json: string;
}

function summaryParts(rep: ForecastReport, lang: Lang, datum: string): SummaryParts {
  const sv = lang === 'sv';
  const f = rep.forecast;
  const plan = f.plan;
  const A = f.adjusted.result, S = f.stated.result;
  const H = plan.project.horizonYears;
  const HS = String(H);
  const krs = (x: number) => (sv ? `${kr(x, lang)} kr` : `SEK ${kr(x, lang)}`);
  const mkr = (x: number) => (Math.abs(x) >= 1e6 ? (sv ? `${decimal(x / 1e6, 1, lang)} mnkr` : `SEK ${decimal(x / 1e6, 1, lang)} million`) : krs(x));
  const funders = rep.funders.map((id) => pick(A, id)!);
  const words = funders.map((a) => {
    const s = pick(S, a.id)!;
    const who = targetLabel(rep, a, lang);
    const net = a.horizons[HS].net;
    return sv
      ? `${who} bidrar med ${krs(a.cost)} och ${net >= 0 ? 'får enligt prognosen tillbaka' : 'förlorar enligt prognosen'} ${mkr(Math.abs(net + (net >= 0 ? a.cost : 0)))} på ${H} år (netto ${mkr(net)}, ojusterat ${mkr(s.horizons[HS].net)}); återbetalningstid ${paybackText(a.payback, H, lang)}.`
      : `${who} contributes ${krs(a.cost)} and according to the forecast ${net >= 0 ? 'gets back' : 'loses'} ${mkr(Math.abs(net + (net >= 0 ? a.cost : 0)))} over ${H} years (net ${mkr(net)}, unadjusted ${mkr(s.horizons[HS].net)}); payback ${paybackText(a.payback, H, lang)}.`;
  });
  const rows = rep.targets.map((id) => {
    const a = pick(A, id)!;
    const mc = rep.monteCarlo.targets.find((t) => t.id === id)!;
    const be = rep.breakEven.findings.find((x) => x.target === id);
    return [
      targetLabel(rep, a, lang), kr(a.cost, lang), kr(a.horizons[HS].net, lang), kr(pick(S, id)!.horizons[HS].net, lang), paybackText(a.payback, H, lang),
      `${kr(mc.netH.p5, lang)} – ${kr(mc.netH.p95, lang)}`, percent(mc.pPositive, 0, lang), !be || be.participants === null || be.cost <= 0 ? '–' : `${be.participants} ${sv ? 'av' : 'of'} ${plan.total}`,
    ];
  });
  const mcSoc = rep.monteCarlo.targets.find((t) => t.id === SOCIETY)!;
  const assumptions = [
    ...plan.outcomes.map((o, k) => `${keyLabel(o.fore)} → ${keyLabel(o.efter)}: ${percent(o.share, 0, lang)} (${percent(o.low, 0, lang)}–${percent(o.high, 0, lang)}), ${evidenceText(o.evidence, lang)}, ${sv ? 'justerad' : 'adjusted'} ${percent(f.adjusted.shares[k], 1, lang)}${o.source ? `. ${sv ? 'Källa' : 'Source'}: ${o.source}` : ''}`),
    sv
      ? `Optimismjustering: ${(['publicerad', 'egna', 'antagande'] as const).map((e) => `${evidenceText(e, lang)} ${percent(plan.optimism.levels[e], 0, lang)}`).join(', ')} (${plan.optimism.source.title}, ${plan.optimism.source.href}).`
      : `Optimism adjustment: ${(['publicerad', 'egna', 'antagande'] as const).map((e) => `${evidenceText(e, lang)} ${percent(plan.optimism.levels[e], 0, lang)}`).join(', ')} (${plan.optimism.source.title}, ${plan.optimism.source.href}).`,
    sv
      ? `Priser ur samnyttas kostnadskatalog för ${plan.project.priceYear} (källa och status per värde i prognosrapporten); försörjningskategorierna prissätts enligt data/mappings/transitions.yaml. Dödvikt ${percent(plan.project.deadweight, 0, lang)}, avklingning ${percent(plan.project.dropOff, 0, lang)} per år, diskontering ${percent(plan.project.discountRate, 1, lang)}; ${plan.byYear.map((n, i) => `${decimal(n, 0, lang)} deltagare börjar år ${i + 1}`).join(', ')}.`
      : `Prices from samnytta's cost catalogue for ${plan.project.priceYear} (source and status per value in the forecast report); support categories priced by data/mappings/transitions.yaml. Deadweight ${percent(plan.project.deadweight, 0, lang)}, drop-off ${percent(plan.project.dropOff, 0, lang)} a year, discount rate ${percent(plan.project.discountRate, 1, lang)}; ${plan.byYear.map((n, i) => `${decimal(n, 0, lang)} participants start in year ${i + 1}`).join(', ')}.`,
  ];
  return {
    title: `${prognos(lang)} ${sv ? 'i korthet' : 'at a glance'}: ${plan.project.name}`,
    meta: sv
      ? `${decimal(plan.total, 0, lang)} deltagare · insatskostnad ${krs(A.project.costTotal)} (${A.project.financing}) · ${plan.project.priceYear} års priser · horisont ${H} år · ${datum}`
      : `${decimal(plan.total, 0, lang)} participants · intervention cost ${krs(A.project.costTotal)} (${A.project.financing}) · ${plan.project.priceYear} prices · horizon ${H} years · ${datum}`,
    returns: {
      head: sv
        ? ['Aktör', 'Kostnad (kr)', `Netto ${H} år`, 'Ojusterat', 'Återbetalningstid', 'Osäkerhet p5–p95', 'P(netto > 0)', 'Break-even']
        : ['Actor', 'Cost (SEK)', `Net ${H} yrs`, 'Unadjusted', 'Payback', 'Uncertainty p5–p95', 'P(net > 0)', 'Break-even'],
      rows, words,
    },
    breakEven: breakEvenSentences(rep, lang).filter((s) => rep.funders.includes(s.target) || s.target === SOCIETY).map((s) => s.text),
    uncertainty: sv
      ? `Med osäkerheten i de förväntade andelarna (låg–hög) och i priserna ligger samhällets lönsamhet på ${H} år mellan ${mkr(mcSoc.netH.p5)} och ${mkr(mcSoc.netH.p95)} i 90 % av ${rep.monteCarlo.draws} simuleringar (median ${mkr(mcSoc.netH.p50)}).`
      : `With the uncertainty in the expected shares (low–high) and in prices, society's net result over ${H} years lies between ${mkr(mcSoc.netH.p5)} and ${mkr(mcSoc.netH.p95)} in 90% of ${rep.monteCarlo.draws} simulations (median ${mkr(mcSoc.netH.p50)}).`,
    assumptions: [...basisSentences(rep, lang).slice(0, 1), ...assumptions],
    json: compactJson(applicationBlock(rep, lang)),
  };
}

/** The one-page summary as Markdown. */
export function summaryMarkdown(rep: ForecastReport, lang: Lang, datum: string): string {
  const sv = lang === 'sv';
  const p = summaryParts(rep, lang, datum);
  const row = (r: string[]) => `| ${r.map(escapeMd).join(' | ')} |`;
  return [
    `# ${escapeMd(p.title)}`, '', escapeMd(p.meta), '',
    `## ${sv ? 'Förväntad avkastning per finansiär (optimismjusterad)' : 'Expected return per funder (optimism-adjusted)'}`, '',
    ...p.returns.words.map((w) => `- ${escapeMd(w)}`), '',
    row(p.returns.head), `|${p.returns.head.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`, ...p.returns.rows.map(row), '',
    `## ${sv ? 'När lönar sig insatsen?' : 'When does it pay back?'}`, '', ...p.breakEven.map((s) => `- ${escapeMd(s)}`), '',
    `## ${sv ? 'Osäkerhet' : 'Uncertainty'}`, '', escapeMd(p.uncertainty), '',
    `## ${sv ? 'Antaganden och källor' : 'Assumptions and sources'}`, '', ...p.assumptions.map((s) => `- ${escapeMd(s)}`), '',
    `## ${sv ? 'För ansökningsformuläret (JSON)' : 'For the application form (JSON)'}`, '', '```json', p.json, '```', '',
  ].join('\n');
}

const SUMMARY_CSS = `
@page { size: A4; margin: 12mm 12mm 14mm 12mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 8.5pt; line-height: 1.3; color: #111; margin: 0 auto; max-width: 820px; padding: 16px; }
h1 { font-size: 15pt; margin: 0 0 2px; } h2 { font-size: 10.5pt; margin: 10px 0 4px; border-bottom: 1.5px solid #000; }
.meta { color: #333; margin: 0 0 6px; } ul { margin: 2px 0 4px 16px; padding: 0; } li { margin: 0 0 2px; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; } th, td { border-bottom: 1px solid #bbb; padding: 2px 4px; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; } th { border-bottom: 1.5px solid #000; }
pre { font-size: 6pt; background: #f4f4f4; padding: 4px 6px; margin: 2px 0; white-space: pre-wrap; }
@media print { body { padding: 0; max-width: none; } }
`;

/** The one-page summary as a self-contained HTML page (printed to PDF by the CLI). */
export function summaryHtml(rep: ForecastReport, lang: Lang, datum: string): string {
  const sv = lang === 'sv';
  const p = summaryParts(rep, lang, datum);
  const e = escapeHtml;
  const nb = (s: string) => e(s).replace(/(\d) (?=\d{3}(?!\d))/g, '$1&#160;');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="generator" content="samnytta">
<title>${e(p.title)}</title>
<style>${SUMMARY_CSS}</style>
</head>
<body>
<h1>${e(p.title)}</h1>
<p class="meta">${nb(p.meta)}</p>
<h2>${sv ? 'Förväntad avkastning per finansiär (optimismjusterad)' : 'Expected return per funder (optimism-adjusted)'}</h2>
<ul>${p.returns.words.map((w) => `<li>${nb(w)}</li>`).join('')}</ul>
<table><thead><tr>${p.returns.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${p.returns.rows.map((r) => `<tr>${r.map((c) => `<td>${nb(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
<h2>${sv ? 'När lönar sig insatsen?' : 'When does it pay back?'}</h2>
<ul>${p.breakEven.map((s) => `<li>${nb(s)}</li>`).join('')}</ul>
<h2>${sv ? 'Osäkerhet' : 'Uncertainty'}</h2>
<p>${nb(p.uncertainty)}</p>
<h2>${sv ? 'Antaganden och källor' : 'Assumptions and sources'}</h2>
<ul>${p.assumptions.map((s) => `<li>${nb(s)}</li>`).join('')}</ul>
<h2>${sv ? 'För ansökningsformuläret (JSON)' : 'For the application form (JSON)'}</h2>
<pre>${e(p.json)}</pre>
</body>
</html>
`;
}

/**
 * Builds the forecast's report files and the one-page summary in memory (pure). The PDFs are
 * printed from `html` and `summary` by the caller.
 */
export async function buildForecastReport(rep: ForecastReport, formats: readonly ReportFormat[], lang: Lang, datum = defaultDatum(rep.forecast.plan.project.priceYear)): Promise<{ files: ReportFile[]; html: string; summary: string }> {
  const model = forecastModel(rep, lang, datum);
  const charts = forecastCharts(rep, lang);
  const html = renderHtml(model, charts);
  const summary = summaryHtml(rep, lang, datum);
  const files: ReportFile[] = [];
  if (formats.includes('html')) files.push({ path: REPORT_FILES.html, data: html }, { path: SUMMARY_FILES.html, data: summary });
  if (formats.includes('md')) files.push({ path: REPORT_FILES.md, data: renderMarkdown(model, charts, REPORT_FILES.charts) }, { path: SUMMARY_FILES.md, data: summaryMarkdown(rep, lang, datum) });
  if (formats.includes('html') || formats.includes('md')) for (const c of charts) files.push({ path: `${REPORT_FILES.charts}/${c.id}.png`, data: svgToPng(c.pngSvg ?? c.svg) });
  if (formats.includes('json')) {
    const doc = { ...reportJson(model, rep.forecast.adjusted.result), kind: 'forecast', forecast: forecastJson(rep, lang) };
    doc.result.warnings = forecastWarnings(rep.forecast.adjusted.result, lang);
    files.push({ path: REPORT_FILES.json, data: JSON.stringify(doc, null, 2) + '\n' });
  }
  if (formats.includes('xlsx')) {
    const f = rep.forecast;
    const named = { ...f.adjusted.result, project: { ...f.adjusted.result.project, name: `${prognos(lang)}: ${f.adjusted.result.project.name}` } };
    files.push({ path: REPORT_FILES.xlsx, data: await buildWorkbook({ project: f.adjusted.project, catalog: rep.catalog, ledger: f.adjusted.ledger, result: named, lang, datum }) });
  }
  return { files, html, summary };
}

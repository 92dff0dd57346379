/**
 * Presentation of the sensitivity analyses: a JSON document per command (schemas
 * `samnytta/sensitivity@1`, `samnytta/breakeven@1`, `samnytta/montecarlo@1`, documented in
 * docs/sensitivity.md) and readable tables in Swedish or English. Every output carries the
 * evidence grade. Amounts are kronor of the price year (JSON rounded to öre).
 */
import type { Payback } from '../results/horizon.js';
import type { Assumptions } from '../results/evaluate.js';
import { decimal, kr, percent, roundTo } from './format.js';
import { paybackText } from './summary-table.js';
import { memberLabel, membersJson, withheldText } from './members.js';
import { text } from './text.js';
import type { Lang } from '../util/errors.js';
import type { BreakEven, BreakEvenFinding } from '../sensitivity/break-even.js';
import type { Classic } from '../sensitivity/classics.js';
import { evidence, evidenceLine, type Evidence } from '../sensitivity/evidence.js';
import type { MonteCarloResult, Summary } from '../sensitivity/monte-carlo.js';
import type { Tornado } from '../sensitivity/one-way.js';
import type { UncertainInput } from '../sensitivity/ranges.js';
import type { SwitchingValue } from '../sensitivity/switching-value.js';
import { SOCIETY } from '../catalog/groups.js';

export const SENSITIVITY_SCHEMA = 'samnytta/sensitivity@1';
export const BREAKEVEN_SCHEMA = 'samnytta/breakeven@1';
export const MONTECARLO_SCHEMA = 'samnytta/montecarlo@1';

const money = (x: number): number => roundTo(x, 2);
const moneyOrNull = (x: number | null): number | null => (x === null ? null : money(x));

/** The project assumptions every sensitivity document repeats. */
export type ProjectHeader = Pick<Assumptions, 'name' | 'priceYear' | 'horizonYears' | 'discountRate' | 'deadweight' | 'dropOff'>;

function header(a: Assumptions): ProjectHeader {
  return { name: a.name, priceYear: a.priceYear, horizonYears: a.horizonYears, discountRate: a.discountRate, deadweight: a.deadweight, dropOff: a.dropOff };
}

export interface InputJson {
  id: string;
  kind: string;
  label: string;
  unit: string;
  status: string | null;
  rangeSource: string;
  base: number;
  low: number;
  high: number;
}

function inputJson(x: UncertainInput, lang: Lang): InputJson {
  const r = (v: number) => roundTo(v, x.unit === 'andel' || x.unit === 'faktor' ? 6 : 2);
  return { id: x.id, kind: x.kind, label: lang === 'sv' ? x.label : x.labelEn, unit: x.unit, status: x.status ?? null, rangeSource: x.rangeSource, base: r(x.base), low: r(x.low), high: r(x.high) };
}

const paybackJson = (p: Payback) => ({ status: p.status, months: p.months, simpleMonths: p.simpleMonths });

/** The inputs of a sensitivity report. */
export interface SensitivityReport {
  assumptions: Assumptions;
  classics: Classic[];
  tornado: Tornado;
  switching: SwitchingValue[];
  inputs: UncertainInput[];
  /** Target id → labels, for tables. */
  labels: Record<string, { label: string; labelEn: string }>;
  warnings: string[];
}

export function sensitivityJson(r: SensitivityReport, lang: Lang = 'sv') {
  const byId = new Map(r.inputs.map((x) => [x.id, x]));
  return {
    schema: SENSITIVITY_SCHEMA,
    project: header(r.assumptions),
    evidence: evidence(r.assumptions.evidence, lang),
    classics: r.classics.map((c) => ({
      id: c.id, label: lang === 'sv' ? c.label : c.labelEn, deadweight: roundTo(c.deadweight, 6), discountRate: c.discountRate,
      outcomes: Object.fromEntries(Object.entries(c.outcomes).map(([id, o]) => [id, { net1: money(o.net1), netH: money(o.netH), payback: paybackJson(o.payback) }])),
    })),
    tornado: {
      base: Object.fromEntries(Object.entries(r.tornado.base).map(([k, v]) => [k, money(v)])),
      rows: r.tornado.rows.map((row) => ({
        ...inputJson(row.input, lang),
        swing: money(row.swing),
        nets: Object.fromEntries(Object.keys(row.low).map((k) => [k, { low: money(row.low[k]), high: money(row.high[k]) }])),
      })),
    },
    switchingValues: r.switching.map((s) => {
      const x = byId.get(s.input)!;
      const digits = x.unit === 'andel' || x.unit === 'faktor' ? 6 : 2;
      return {
        input: s.input, target: s.target, status: s.status, value: s.value === null ? null : roundTo(s.value, digits), unit: x.unit,
        change: s.change === null ? null : roundTo(s.change, 6), verifiedNet: moneyOrNull(s.verifiedNet), verified: s.verified, method: s.method,
      };
    }),
    warnings: r.warnings,
  };
}

// ── tables ─────────────────────────────────────────────────────────────────────────────────────

function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
      return i === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const UNIT_TEXT: Record<Lang, Record<string, string>> = {
  sv: { 'kr/manad': 'kr/mån', 'kr/besok': 'kr/besök', 'kr/ar': 'kr/år' },
  en: { 'kr/manad': 'kr/month', 'kr/besok': 'kr/visit', 'kr/dag': 'kr/day', 'kr/dygn': 'kr/day', 'kr/timme': 'kr/hour', 'kr/ar': 'kr/year', 'kr/vecka': 'kr/week' },
};

/** An input value in its unit: "10 960 kr/manad", "0,85", "25,0 %". */
export function inputValue(x: Pick<UncertainInput, 'unit'>, v: number, lang: Lang): string {
  if (x.unit === 'faktor') return decimal(v, 2, lang);
  if (x.unit === 'andel') return percent(v, 1, lang);
  if (x.unit.startsWith('kr')) return `${kr(v, lang)} ${UNIT_TEXT[lang][x.unit] ?? x.unit}`;
  return `${decimal(v, 2, lang)} ${x.unit}`;
}

/**
 * Why the base case can sit at the edge of the band (issue 10): the inputs whose range starts or
 * ends at the base value (e.g. dödvikt 0 %–25 % from a base of 0) pull the result one way only,
 * so the base case can lie at — or beyond — P5 or P95. Generated from the ranges; empty when
 * every range straddles its base.
 */
export function oneSidedNote(inputs: readonly UncertainInput[], lang: Lang): string | null {
  const sv = lang === 'sv';
  const edge = inputs.filter((x) => x.low !== x.high && (x.base === x.low || x.base === x.high));
  if (edge.length === 0) return null;
  const shown = edge.slice(0, 5).map((x) => `${sv ? x.label : x.labelEn} ${inputValue(x, x.low, lang)}–${inputValue(x, x.high, lang)} (${sv ? 'bas' : 'base'} ${inputValue(x, x.base, lang)})`);
  const more = edge.length > 5 ? (sv ? ` och ${edge.length - 5} till` : ` and ${edge.length - 5} more`) : '';
  return sv
    ? `Varför basfallet kan ligga vid bandets kant: intervallet för ${shown.join(', ')}${more} börjar eller slutar i basvärdet, så den osäkerheten drar resultatet åt ett håll och basfallet kan hamna vid eller utanför P5–P95.`
    : `Why the base case can sit at the edge of the band: the range of ${shown.join(', ')}${more} starts or ends at the base value, so that uncertainty pulls the result one way only and the base case can fall at or outside P5–P95.`;
}

const name = (labels: SensitivityReport['labels'], id: string, lang: Lang) => (labels[id] ? (lang === 'sv' ? labels[id].label : labels[id].labelEn) : id);

function projectLine(a: Assumptions, lang: Lang): string {
  const sv = lang === 'sv';
  return `${sv ? 'prisår' : 'price year'} ${a.priceYear} · ${sv ? 'horisont' : 'horizon'} ${a.horizonYears} ${sv ? 'år' : 'years'} · ${sv ? 'diskontering' : 'discount rate'} ${percent(a.discountRate, 1, lang)} · ${sv ? 'dödvikt' : 'deadweight'} ${percent(a.deadweight, 0, lang)} · ${sv ? 'avklingning' : 'drop-off'} ${percent(a.dropOff, 0, lang)}`;
}

export function sensitivityTable(r: SensitivityReport, lang: Lang = 'sv', tornadoRows = 15): string {
  const sv = lang === 'sv';
  const a = r.assumptions;
  const H = a.horizonYears;
  const out: string[] = [];
  out.push(`${sv ? 'Känslighetsanalys' : 'Sensitivity analysis'}: ${a.name}`);
  out.push(projectLine(a, lang));
  out.push(evidenceLine(a.evidence, lang));
  out.push('');
  out.push(sv ? 'NyttoSam-klassiker (netto per aktör, kr)' : 'NyttoSam classics (net per actor, kr)');
  const targets = Object.keys(r.classics[0]?.outcomes ?? {});
  const c = Object.fromEntries(r.classics.map((x) => [x.id, x]));
  const y = sv ? 'år' : 'yr';
  const head = [sv ? 'Aktör' : 'Actor', `${sv ? 'Grund' : 'Base'} 1 ${y}`, `${sv ? 'Grund' : 'Base'} ${H} ${y}`, sv ? 'Avskrivn. 3 år: 1 år' : 'Written off 3 yrs: 1 yr',
    `${sv ? 'Yttre' : 'External'} ${percent(0.25, 0, lang)}: ${H} ${y}`, `${sv ? 'Yttre' : 'External'} ${percent(0.5, 0, lang)}: ${H} ${y}`, `${sv ? 'Disk.' : 'Disc.'} ${percent(c.diskontering35.discountRate, 1, lang)}: ${H} ${y}`,
    ...(c.utjamning ? [`${sv ? (c.utjamning.label.startsWith('Med') ? 'Med utjämning' : 'Utan utjämning') : (c.utjamning.labelEn.startsWith('With') ? 'With equalisation' : 'Without equalisation')}: ${H} ${y}`] : [])];
  const rows = targets.map((t) => [name(r.labels, t, lang), kr(c.bas.outcomes[t].net1, lang), kr(c.bas.outcomes[t].netH, lang), kr(c.avskrivning3.outcomes[t].net1, lang),
    kr(c.yttreFaktorer25.outcomes[t].netH, lang), kr(c.yttreFaktorer50.outcomes[t].netH, lang), kr(c.diskontering35.outcomes[t].netH, lang),
    ...(c.utjamning ? [kr(c.utjamning.outcomes[t].netH, lang)] : [])]);
  out.push(table([head, ...rows], head.map((_, i) => i > 0)));
  out.push('');
  const soc = r.classics.filter((x) => x.id !== 'avskrivning3').map((x) => `${sv ? x.label : x.labelEn}: ${paybackText(x.outcomes[SOCIETY].payback, H, lang)}`);
  out.push(`${sv ? 'Återbetalningstid för samhället' : 'Payback for society'} — ${soc.join('; ')}`);
  out.push('');
  out.push(sv ? `Envägsanalys (tornado): samhällets netto ${H} år vid låg och hög ände av varje intervall` : `One-way analysis (tornado): society's ${H}-year net at the low and high end of each range`);
  out.push(`${sv ? 'Grundkalkyl' : 'Base case'}: ${kr(r.tornado.base[SOCIETY], lang)} kr`);
  const max = Math.max(1, ...r.tornado.rows.map((x) => x.swing));
  const tHead = [sv ? 'Osäker indata' : 'Uncertain input', sv ? 'Status' : 'Status', sv ? 'Låg' : 'Low', sv ? 'Hög' : 'High', sv ? 'Netto vid låg' : 'Net at low', sv ? 'Netto vid hög' : 'Net at high', sv ? 'Utslag' : 'Swing', ''];
  const tRows = r.tornado.rows.slice(0, tornadoRows).map((x) => [
    sv ? x.input.label : x.input.labelEn, x.input.rangeSource === 'ownPrice' ? text(lang).catalogueTable.ownPrice : x.input.status ? text(lang).dataStatus[x.input.status] : '–', inputValue(x.input, x.input.low, lang), inputValue(x.input, x.input.high, lang),
    kr(x.low[SOCIETY], lang), kr(x.high[SOCIETY], lang), kr(x.swing, lang), '█'.repeat(Math.max(x.swing > 0 ? 1 : 0, Math.round((20 * x.swing) / max))),
  ]);
  out.push(table([tHead, ...tRows], [false, false, true, true, true, true, true, false]));
  const edge = oneSidedNote(r.inputs, lang);
  if (edge) out.push(edge);
  if (r.tornado.rows.length > tornadoRows) out.push(sv ? `… ytterligare ${r.tornado.rows.length - tornadoRows} indata med mindre utslag (se --format json)` : `… ${r.tornado.rows.length - tornadoRows} more inputs with smaller swings (see --format json)`);
  out.push('');
  out.push(sv ? `Brytvärden: värdet där nettot över ${H} år blir noll (ingen = inget värde i ett brett intervall ger noll)` : `Switching values: the value at which the ${H}-year net becomes zero (none = no value in a wide bracket gives zero)`);
  const svTargets = [...new Set(r.switching.map((s) => s.target))];
  const byKey = new Map(r.switching.map((s) => [`${s.input}|${s.target}`, s]));
  const order = [...new Set([...r.tornado.rows.map((x) => x.input.id), ...r.inputs.map((x) => x.id)])].filter((id) => r.switching.some((s) => s.input === id));
  const inputs = new Map(r.inputs.map((x) => [x.id, x]));
  const sHead = [sv ? 'Indata' : 'Input', sv ? 'Basvärde' : 'Base', ...svTargets.map((t) => name(r.labels, t, lang))];
  const sRows = order.map((id) => {
    const x = inputs.get(id)!;
    return [sv ? x.label : x.labelEn, inputValue(x, x.base, lang), ...svTargets.map((t) => {
      const s = byKey.get(`${id}|${t}`);
      if (!s || s.status === 'none') return sv ? 'ingen' : 'none';
      return inputValue(x, s.value!, lang) + (s.verified ? '' : ' (?)');
    })];
  });
  out.push(table([sHead, ...sRows], sHead.map((_, i) => i > 0)));
  if (r.warnings.length) {
    out.push('');
    out.push(sv ? 'Att observera:' : 'Notes:');
    for (const w of r.warnings) out.push(`- ${w}`);
  }
  return out.join('\n') + '\n';
}

/** What a break-even cell shows. */
type Share = Pick<BreakEvenFinding, 'status' | 'share' | 'participants' | 'verified'>;

// ── break-even ─────────────────────────────────────────────────────────────────────────────────

export interface BreakEvenReport {
  assumptions: Assumptions;
  variants: BreakEven[];
  warnings: string[];
}

const findingJson = (f: BreakEvenFinding, lang: Lang) => ({
  target: f.target, label: lang === 'sv' ? f.label : f.labelEn, status: f.status, share: f.share === null ? null : roundTo(f.share, 6),
  participants: f.participants === null ? null : roundTo(f.participants, 4), netAt0: money(f.netAt0), netAt1: money(f.netAt1),
  verifiedNet: moneyOrNull(f.verifiedNet), verified: f.verified,
});

export function breakEvenJson(r: BreakEvenReport, lang: Lang = 'sv') {
  const first = r.variants[0];
  return {
    schema: BREAKEVEN_SCHEMA,
    project: header(r.assumptions),
    evidence: evidence(r.assumptions.evidence, lang),
    till: { till: first.till.till, item: first.till.item, label: lang === 'sv' ? first.till.label : first.till.labelEn },
    horizonYears: first.horizonYears,
    participants: roundTo(first.participants, 4),
    variants: Object.fromEntries(r.variants.map((v) => [v.base, v.findings.map((f) => findingJson(f, lang))])),
    ...(first.members ? { members: breakEvenMembersJson(r) } : {}),
    warnings: r.warnings,
  };
}

export function breakEvenTable(r: BreakEvenReport, lang: Lang = 'sv'): string {
  const sv = lang === 'sv';
  const a = r.assumptions;
  const first = r.variants[0];
  const out: string[] = [];
  out.push(`${sv ? 'Brytpunkt' : 'Break-even'}: ${a.name}`);
  out.push(projectLine(a, lang));
  out.push(evidenceLine(a.evidence, lang));
  out.push('');
  out.push(sv
    ? `Minsta andel av deltagarna (${decimal(first.participants, Number.isInteger(first.participants) ? 0 : 1, lang)}) som måste nå "${first.till.label}" för att insatsen ska återbetala sig inom ${first.horizonYears} år`
    : `Smallest share of the participants (${decimal(first.participants, Number.isInteger(first.participants) ? 0 : 1, lang)}) who must reach "${first.till.labelEn}" for the intervention to pay back within ${first.horizonYears} years`);
  const cell = (f: Share): string => {
    if (f.status === 'already') return sv ? '0 % (redan)' : '0% (already)';
    if (f.status === 'never') return sv ? 'ingen (inte ens 100 %)' : 'none (not even 100%)';
    return `${percent(f.share!, 1, lang)} (${decimal(f.participants!, 1, lang)})${f.verified ? '' : ' (?)'}`;
  };
  const head = [sv ? 'Aktör' : 'Actor', ...r.variants.map((v) => (v.base === 'efter'
    ? (sv ? 'Övriga behåller sitt efterläge' : 'Others keep their after-situation')
    : (sv ? 'Övriga kvar i föreläget (ex ante)' : 'Others stay as before (ex ante)')))];
  const rows = first.findings.map((f, i) => [sv ? f.label : f.labelEn, ...r.variants.map((v) => cell(v.findings[i]))]);
  out.push(table([head, ...rows], head.map((_, i) => i > 0)));
  if (first.members) out.push('', breakEvenMembersTable(r, head.slice(1), cell, lang));
  out.push('');
  out.push(sv
    ? 'Andelen s flyttas till en typfall med deltagarens eget föreläge och målsituationen som efterläge (12 månader; egna vårdkontakter behålls). Kontrollerad genom ny prissättning vid den funna andelen.'
    : 'The share s moves to a typfall with the participant\'s own before-situation and the target as after-situation (12 months; own healthcare kept). Verified by pricing again at the share found.');
  if (r.warnings.length) {
    out.push('');
    out.push(sv ? 'Att observera:' : 'Notes:');
    for (const w of r.warnings) out.push(`- ${w}`);
  }
  return out.join('\n') + '\n';
}

/** Per member kommun: observed effect, cost and payback, and the share of its own participants needed. */
function breakEvenMembersTable(r: BreakEvenReport, variantHeads: string[], cell: (f: Share) => string, lang: Lang): string {
  const sv = lang === 'sv';
  const first = r.variants[0];
  const H = first.horizonYears;
  const head = [sv ? 'Medlem' : 'Member', sv ? 'Årlig effekt' : 'Annual effect', sv ? 'Kostnad' : 'Cost', sv ? 'Återbetalningstid' : 'Payback', ...variantHeads];
  const rows = first.members!.map((m, i) => {
    const x = m.member;
    if (m.status === 'withheld') return [memberLabel(x, lang), withheldText(x, first.memberThreshold ?? 0, lang), '', '', ...variantHeads.map(() => '')];
    return [memberLabel(x, lang), kr(x.annualEffect!, lang), kr(x.cost!, lang), paybackText(x.payback!, H, lang, x.annualEffect!),
      ...r.variants.map((v) => { const f = v.members![i]; return f.status === 'withheld' ? '' : cell({ ...f, status: f.status, verified: true }); })];
  });
  return `${sv ? 'Per medlemskommun (andel av medlemmens egna deltagare)' : 'Per member kommun (share of the member\'s own participants)'}\n${table([head, ...rows], head.map((_, i) => i > 0))}`;
}

function breakEvenMembersJson(r: BreakEvenReport) {
  const first = r.variants[0];
  return first.members!.map((m, i) => ({
    ...membersJson([m.member])[0],
    breakEven: Object.fromEntries(r.variants.map((v) => {
      const f = v.members![i];
      return [v.base, { status: f.status, share: f.share === null ? null : roundTo(f.share, 6), participants: f.participants === null ? null : roundTo(f.participants, 4) }];
    })),
  }));
}

// ── Monte Carlo ────────────────────────────────────────────────────────────────────────────────

export interface MonteCarloReport {
  assumptions: Assumptions;
  result: MonteCarloResult;
  inputs: UncertainInput[];
  warnings: string[];
}

const summaryJson = (s: Summary) => ({ mean: money(s.mean), p5: money(s.p5), p50: money(s.p50), p95: money(s.p95) });

export function monteCarloJson(r: MonteCarloReport, lang: Lang = 'sv') {
  const H = String(r.result.horizonYears);
  const dist = (groups: boolean) => Object.fromEntries(r.result.targets.filter((t) => t.isGroup === groups).map((t) => [t.id, {
    horizons: { '1': summaryJson(t.net1), [H]: summaryJson(t.netH) },
    pPositive: roundTo(t.pPositive, 6), pPayback: t.pPayback === null ? null : roundTo(t.pPayback, 6),
  }]));
  return {
    schema: MONTECARLO_SCHEMA,
    project: header(r.assumptions),
    evidence: evidence(r.assumptions.evidence, lang) as Evidence,
    draws: r.result.draws, seed: r.result.seed, distribution: r.result.distribution,
    inputs: r.inputs.map((x) => inputJson(x, lang)),
    actors: dist(false),
    groups: dist(true),
    baseAtEdge: oneSidedNote(r.inputs, lang),
    warnings: r.warnings,
  };
}

export function monteCarloTable(r: MonteCarloReport, lang: Lang = 'sv'): string {
  const sv = lang === 'sv';
  const a = r.assumptions;
  const H = r.result.horizonYears;
  const out: string[] = [];
  out.push(`Monte Carlo: ${a.name}`);
  out.push(projectLine(a, lang));
  out.push(evidenceLine(a.evidence, lang));
  out.push(sv
    ? `${r.result.draws} dragningar · frö ${r.result.seed} · ${r.result.distribution === 'triangular' ? 'triangulära fördelningar (typvärde = basvärde)' : 'likformiga fördelningar'} · ${r.inputs.length} osäkra indata`
    : `${r.result.draws} draws · seed ${r.result.seed} · ${r.result.distribution === 'triangular' ? 'triangular distributions (mode = base value)' : 'uniform distributions'} · ${r.inputs.length} uncertain inputs`);
  out.push('');
  const head = [sv ? 'Aktör' : 'Actor', `${sv ? 'Medel' : 'Mean'} 1 ${sv ? 'år' : 'yr'}`, `${sv ? 'Medel' : 'Mean'} ${H} ${sv ? 'år' : 'yrs'}`, `P5 ${H} ${sv ? 'år' : 'yrs'}`, `P50 ${H} ${sv ? 'år' : 'yrs'}`, `P95 ${H} ${sv ? 'år' : 'yrs'}`, `P(${sv ? 'netto' : 'net'} > 0)`, `P(${sv ? 'återbet.' : 'payback'} ≤ ${H})`];
  const row = (t: MonteCarloResult['targets'][number]) => [
    sv ? t.label : t.labelEn, kr(t.net1.mean, lang), kr(t.netH.mean, lang), kr(t.netH.p5, lang), kr(t.netH.p50, lang), kr(t.netH.p95, lang),
    percent(t.pPositive, 1, lang), t.pPayback === null ? (sv ? 'ingen kostnad' : 'no cost') : percent(t.pPayback, 1, lang),
  ];
  const right = head.map((_, i) => i > 0);
  out.push(table([head, ...r.result.targets.filter((t) => !t.isGroup).map(row)], right));
  out.push('');
  out.push(table([[sv ? 'Grupp' : 'Group', ...head.slice(1)], ...r.result.targets.filter((t) => t.isGroup).map(row)], right));
  const edge = oneSidedNote(r.inputs, lang);
  if (edge) out.push('', edge);
  if (r.warnings.length) {
    out.push('');
    out.push(sv ? 'Att observera:' : 'Notes:');
    for (const w of r.warnings) out.push(`- ${w}`);
  }
  return out.join('\n') + '\n';
}

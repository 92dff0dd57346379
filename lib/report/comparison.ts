/**
 * Presentation of prognos mot utfall (`samnytta jamfor`): per actor the forecast (stated and
 * optimism-adjusted) beside the outcome, and the difference in the H-year net decomposed into
 * intervention cost, prices, volume and outcome (lib/forecast/compare.ts). In the JSON, amounts
 * are rounded to öre and the last part takes the rounding remainder, so the rounded parts still
 * sum exactly to the rounded difference.
 */
import { COMPARE_PARTS, type ComparePart, type CompareTarget, type Comparison } from '../forecast/compare.js';
import type { Lang } from '../util/errors.js';
import { decimal, kr, roundTo } from './format.js';
import { table as textTable } from './summary-table.js';

export const COMPARISON_SCHEMA = 'samnytta/comparison@1';

const PART_TEXT: Record<Lang, Record<ComparePart, string>> = {
  sv: { kostnad: 'Insatskostnad', priser: 'Priser (katalogår)', volym: 'Volym (deltagare)', utfall: 'Utfall (andelar, månader)' },
  en: { kostnad: 'Intervention cost', priser: 'Prices (catalogue year)', volym: 'Volume (participants)', utfall: 'Outcome (shares, months)' },
};
export const partText = (p: ComparePart, lang: Lang): string => PART_TEXT[lang][p];

const money = (x: number): number => roundTo(x, 2);

/** Parts rounded to öre, the last one absorbing the rounding so they sum to the rounded difference. */
export function roundedParts(t: CompareTarget): Record<ComparePart, number> {
  const out = {} as Record<ComparePart, number>;
  let sum = 0;
  COMPARE_PARTS.forEach((p, i) => {
    if (i < COMPARE_PARTS.length - 1) {
      out[p] = money(t.parts[p]);
      sum += out[p];
    } else out[p] = money(money(t.difference) - sum);
  });
  return out;
}

export function comparisonJson(c: Comparison, lang: Lang, names: { plan: string; outcome: string }) {
  const fig = (x: { annualEffect: number; net1: number; netH: number }) => ({ annualEffect: money(x.annualEffect), net1: money(x.net1), netH: money(x.netH) });
  return {
    schema: COMPARISON_SCHEMA,
    kind: 'comparison' as const,
    lang,
    plan: names.plan,
    outcome: names.outcome,
    horizonYears: c.horizonYears,
    volumes: { forecast: { ...c.forecast, participants: roundTo(c.forecast.participants, 4), costTotal: money(c.forecast.costTotal) }, outcome: { ...c.outcome, participants: roundTo(c.outcome.participants, 4), costTotal: money(c.outcome.costTotal) } },
    order: [...c.order],
    parts: Object.fromEntries(COMPARE_PARTS.map((p) => [p, partText(p, lang)])),
    actors: c.all.map((t) => ({
      id: t.id, label: lang === 'sv' ? t.label : t.labelEn, headline: c.targets.some((x) => x.id === t.id),
      forecast: fig(t.forecast), adjusted: fig(t.adjusted), outcome: fig(t.outcome),
      difference: money(t.difference), parts: roundedParts(t),
    })),
  };
}

export function comparisonTable(c: Comparison, lang: Lang, names: { plan: string; outcome: string }): string {
  const sv = lang === 'sv';
  const H = c.horizonYears;
  const krs = (x: number) => kr(x, lang);
  const n = (x: number) => decimal(x, Number.isInteger(x) ? 0 : 1, lang);
  const out: string[] = [];
  out.push(`${sv ? 'Prognos mot utfall' : 'Forecast against outcome'}: ${names.plan} → ${names.outcome}`);
  out.push(sv
    ? `Prognos: ${n(c.forecast.participants)} deltagare, ${c.forecast.priceYear} års priser, insatskostnad ${krs(c.forecast.costTotal)} kr · Utfall: ${n(c.outcome.participants)} deltagare, ${c.outcome.priceYear} års priser, insatskostnad ${krs(c.outcome.costTotal)} kr`
    : `Forecast: ${n(c.forecast.participants)} participants, ${c.forecast.priceYear} prices, intervention cost SEK ${krs(c.forecast.costTotal)} · Outcome: ${n(c.outcome.participants)} participants, ${c.outcome.priceYear} prices, intervention cost SEK ${krs(c.outcome.costTotal)}`);
  out.push('');
  out.push(sv ? `Netto på ${H} år per aktör (kr):` : `Net over ${H} years per actor (SEK):`);
  out.push(textTable([
    [sv ? 'Aktör' : 'Actor', sv ? 'Prognos' : 'Forecast', sv ? 'Prognos justerad' : 'Forecast adjusted', sv ? 'Utfall' : 'Outcome', sv ? 'Skillnad' : 'Difference'],
    ...c.targets.map((t) => [sv ? t.label : t.labelEn, krs(t.forecast.netH), krs(t.adjusted.netH), krs(t.outcome.netH), krs(t.difference)]),
  ], [false, true, true, true, true]));
  out.push('');
  out.push(sv ? `Skillnaden (utfall − prognos) uppdelad, i ordningen ${COMPARE_PARTS.map((p) => partText(p, lang).toLowerCase()).join(' → ')} (kr):` : `The difference (outcome − forecast) decomposed, in the order ${COMPARE_PARTS.map((p) => partText(p, lang).toLowerCase()).join(' → ')} (SEK):`);
  out.push(textTable([
    [sv ? 'Aktör' : 'Actor', ...COMPARE_PARTS.map((p) => partText(p, lang)), sv ? 'Summa' : 'Total'],
    ...c.targets.map((t) => { const r = roundedParts(t); return [sv ? t.label : t.labelEn, ...COMPARE_PARTS.map((p) => krs(r[p])), krs(t.difference)]; }),
  ], [false, true, true, true, true, true]));
  out.push('');
  out.push(sv
    ? 'Varje del är förändringen när en sak i taget byts från prognosens till utfallets, i ordningen ovan; delarna summerar till skillnaden. Båda räknas med planens horisont, diskontering, dödvikt, avklingning och upptrappning. Prognos = de angivna andelarna; justerad = efter optimismjustering.'
    : 'Each part is the change when one thing at a time is replaced from the forecast\'s to the outcome\'s, in the order above; the parts sum to the difference. Both are computed with the plan\'s horizon, discounting, deadweight, drop-off and intake. Forecast = the stated shares; adjusted = after the optimism adjustment.');
  return out.join('\n') + '\n';
}

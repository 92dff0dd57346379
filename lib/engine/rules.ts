/**
 * Benefit and wage rules: amounts derived from law over dated catalogue parameters (method §3),
 * not typed-in amounts. Each rule reads its parameters (resolved for the reference date) and
 * the line; FK's and CSN's own rounding is applied where the rule rounds.
 */
import type { Line } from '../model/types.js';
import type { PricingContext, ResolvedItem } from './context.js';
import { employerFeeRate } from './tax/employer-fee.js';

/** Rounds half up to whole kronor, as FK rounds monthly and daily amounts. */
export const roundKr = (x: number): number => Math.floor(x + 0.5);

type Params = Record<string, any>;

/** Participant facts a rule may need. */
export interface RuleInput {
  line: Line;
  /** Age in the price year (priceYear − födelseår), if known. */
  age: number | undefined;
}

/**
 * Transfer rules: kronor per quantity unit (per day for daily items, per month for monthly
 * items) before extent. `undefined` wage means the line gave no income basis.
 */
export const transferRules: Record<string, (r: ResolvedItem, input: RuleInput, ctx: PricingContext) => number> = {
  /** Sjukpenning per kalenderdag: round(min(SGI, takPbb·pbb) × 0,97 × nivå / 365); SFB 28 kap. */
  sjukpenning(r, { line }, ctx) {
    const p = r.params.regler as Params;
    const pbb = r.params.pbb as number;
    const sgi = Math.min((line.wage ?? ctx.referenceWage) * 12, p.sgiTakPbb * pbb);
    const level = line.options?.niva === 'fortsattning' ? p.fortsattningsniva : p.niva;
    return roundKr((sgi * p.faktor * level) / 365);
  },

  /**
   * Sjuk- och aktivitetsersättning per month: the higher of garantiersättning (multiple by age ×
   * pbb / 12) and inkomstrelaterad ersättning (andel × min(antagandeinkomst, takPbb·pbb) / 12).
   */
  garantiersattning(r, { line, age }) {
    const multiples = r.params.multiplar as { maxAlder: number; pbb: number }[];
    const ir = r.params.inkomstrelaterad as Params;
    const pbb = r.params.pbb as number;
    const a = age ?? (r.item.id.endsWith('aktivitetsersattning') ? 25 : 30);
    const band = multiples.find((m) => a <= m.maxAlder) ?? multiples[multiples.length - 1];
    const garanti = roundKr((band.pbb * pbb) / 12);
    const inkomst = line.wage === undefined ? 0 : roundKr((ir.andel * Math.min(line.wage * 12, ir.takPbb * pbb)) / 12);
    return Math.max(garanti, inkomst);
  },

  /** Bostadstillägg per month: 96 % of housing cost up to grans1 + 70 % of the part up to grans2. */
  bostadstillagg(r, { line }) {
    const p = r.params.regler as Params;
    const cost = Number(line.options?.boendekostnad ?? p.boendekostnadStandard);
    return roundKr(p.andel1 * Math.min(cost, p.grans1) + p.andel2 * Math.max(0, Math.min(cost, p.grans2) - p.grans1));
  },

  /** Aktivitetsstöd per day: a-kassa-level when an income basis is given, else the lowest level. */
  aktivitetsstod(r, { line }, ctx) {
    if (line.wage === undefined) return r.params.lagsta as number;
    const p = r.params.akassa as Params;
    return akassaMonthly(p, line.wage) / ctx.use<number>('params.kalender.arbetsdagar_per_manad');
  },

  /** Arbetslöshetsersättning per month under the regime in force (or on `options.beslutsdatum`). */
  arbetsloshetsersattning(r, { line }, ctx) {
    const p = typeof line.options?.beslutsdatum === 'string'
      ? ctx.use<Params>(r.item.parameters.regler, line.options.beslutsdatum)
      : (r.params.regler as Params);
    return akassaMonthly(p, line.wage);
  },

  /** Utvecklingsersättning per day: 1/5 of the weekly studiebidrag (1,74 % pbb), or studiehjälp/22. */
  utvecklingsersattning(r, { line }) {
    const p = r.params.regler as Params;
    if (line.options?.niva === 'lag') return roundKr(p.lagManad / p.lagDagarPerManad);
    return roundKr(roundKr(p.hogAndelPbbPerVecka * (r.params.pbb as number)) / p.dagarPerVecka);
  },

  /** Studiemedel, bidragsdelen per study month: weekly bidrag (1,74 % pbb, whole kronor) × 52/12 weeks. */
  studiemedel(r) {
    const p = r.params.regler as Params;
    return roundKr(p.bidragAndelPbbPerVecka * (r.params.pbb as number)) * p.veckorPerManad;
  },
};

/** A-kassa per month: old regime per day (capped, 22 days), new regime per month (capped income). */
function akassaMonthly(p: Params, wage: number | undefined): number {
  if (p.regim === 'manad') return wage === undefined ? p.grundManad : Math.max(p.grundManad, p.andel * Math.min(wage, p.takManad));
  const perDay = wage === undefined ? p.grundDag : Math.max(p.grundDag, Math.min(roundKr((p.andel * wage) / p.dagarPerManad), p.takDag));
  return perDay * p.dagarPerManad;
}

/** Monthly terms of a job (method §2 "Taxes and wages"). */
export interface WageTerms {
  /** Gross wage W for the line's extent. */
  wage: number;
  /** Employer fee (arbetsgivaravgift) in kronor. */
  employerFee: number;
  /** Avtalade avgifter in kronor (counted as the employee's compensation). */
  agreedFees: number;
  /** Wage subsidy paid by the item's payer to the employer. */
  subsidy: number;
  /** Production value credited in total. */
  production: number;
}

/** Wage subsidy per month for the subsidy rules, given W, the fee rate and agreed-fee rate. */
export const subsidyRules: Record<string, (p: Params, wage: number, feeRate: number, agreed: number, extent: number, line: Line, fullFee: number) => number> = {
  lon: () => 0,
  /** Lönebidrag: bidragsandel × bidragsgrundande lönekostnad (wage up to takLon × omfattning, with fees). */
  lonebidrag: (p, wage, feeRate, agreed, extent, line) =>
    Number(line.options?.bidragsandel ?? p.bidragsandel) * Math.min(wage, p.takLon * extent) * (1 + feeRate + agreed),
  /** Nystartsjobb: antalAvgifter × full arbetsgivaravgift on the wage up to takLon × omfattning. */
  nystartsjobb: (p, wage, _f, _a, extent, _l, fullFee) => p.antalAvgifter * fullFee * Math.min(wage, p.takLon * extent),
};


/**
 * Prices a job line per month. Production = W × (1 + fee + agreed) × productivity, where
 * productivity defaults to 1 − subsidy share so the employer's residual is zero.
 */
export function wageTerms(r: ResolvedItem, { line, age }: RuleInput, ctx: PricingContext): WageTerms {
  const extent = line.extent ?? 1;
  // An explicit amount on a job line is the gross wage W for the line's extent.
  const wage = line.amountPerMonth ?? (line.wage ?? ctx.referenceWage) * extent;
  const fullFee = (r.params.arbetsgivaravgift as number) / 100;
  const feeRate = employerFeeRate(ctx.employerFee, age === undefined ? undefined : age - 1, wage);
  const agreed = (r.params.avtalade as number) / 100;
  const cost = wage * (1 + feeRate + agreed);
  const subsidy = subsidyRules[r.item.rule ?? 'lon']((r.params.regler ?? {}) as Params, wage, feeRate, agreed, extent, line, fullFee);
  const productivity = line.options?.produktivitet !== undefined ? Number(line.options.produktivitet) : cost > 0 ? 1 - subsidy / cost : 1;
  return { wage, employerFee: wage * feeRate, agreedFees: wage * agreed, subsidy, production: cost * productivity };
}

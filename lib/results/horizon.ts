/**
 * Effects over the horizon (method §5), in one place: the comparison-group and dödvikt
 * adjustment of a change, the yearly stream with avklingning and discounting, benefit over a
 * horizon, and återbetalningstid. The engine's `evaluate`, the sensitivity scenarios, subgroups,
 * forecasts and the notebooks all compute through these functions.
 *
 * A stream starts from annual effects per year: one number (the same effect every year, the
 * NyttoSam case) or an array of observed years 1..k, of which the later years carry the last one
 * forward. Avklingning applies after the last observed year, discounting from year 2:
 *   Δ_t = Δ_min(t,k) × (1 − avklingning)^max(0, t − k) / (1 + r)^(t − 1),  t = 1..H.
 */

/** The assumptions that turn annual effects into a stream over H years. */
export interface HorizonOptions {
  /** H, the number of years (≥ 1). */
  years: number;
  /** r, the discount rate per year (0.035 = 3.5 %); year 1 is undiscounted. */
  discountRate: number;
  /** Avklingning: the share of the effect lost each year after the last observed year. */
  dropOff: number;
}

/** Payback status, decided in the order of method §5 (revised): never, noCost, beyondHorizon, months. */
export type PaybackStatus = 'months' | 'never' | 'beyondHorizon' | 'noCost';

/** Återbetalningstid for one actor or group (method §5). */
export interface Payback {
  status: PaybackStatus;
  /** Months to payback (one decimal), 0 for `noCost`, null for `never` and `beyondHorizon`. */
  months: number | null;
  /** The classic NyttoSam figure 12·C/Δ (one decimal), whenever Δ > 0 and C > 0. */
  simpleMonths: number | null;
}

/**
 * Scale of the comparison group's change to the participants' weight: W_p / W_c (difference in
 * differences on totals), 0 without a comparison group or when it has no weight.
 */
export function comparisonScale(participantsWeight: number, comparisonWeight: number | undefined): number {
  return comparisonWeight !== undefined && comparisonWeight > 0 ? participantsWeight / comparisonWeight : 0;
}

/**
 * The annual effect of a change: (participants' change − comparison change) × (1 − dödvikt).
 * @param change efter − före of the participants (weighted total, or per person)
 * @param comparisonChange the comparison group's change on the same scale (0 without one)
 * @example adjustedEffect(100000, 20000, 0.25) // => 60000
 */
export function adjustedEffect(change: number, comparisonChange: number, deadweight: number): number {
  return (change - comparisonChange) * (1 - deadweight);
}

/**
 * Annual effects per year t = 1..H before discounting: observed years as given, later years carry
 * the last observed one forward with avklingning (1 − dropOff)^(t − k).
 * @param effects one annual effect (k = 1), or the effects of observed years 1..k (k ≥ 1)
 * @example effectPath([100, 80], 4, 0.5) // => [100, 80, 40, 20]
 */
export function effectPath(effects: number | readonly number[], years: number, dropOff: number): number[] {
  const observed = typeof effects === 'number' ? [effects] : effects;
  if (observed.length === 0) throw new Error('effectPath requires at least one annual effect');
  const k = observed.length;
  const out: number[] = [];
  for (let t = 1; t <= years; t++) out.push(t <= k ? observed[t - 1] : observed[k - 1] * (1 - dropOff) ** (t - k));
  return out;
}

/** An amount of year t (1-based) discounted to the start of year 1: x / (1 + r)^(t − 1). */
export function discounted(amount: number, year: number, discountRate: number): number {
  return amount / (1 + discountRate) ** (year - 1);
}

/**
 * Δ_t for t = 1..H after avklingning and discounting (the yearly stream).
 * @example yearlyStream(1000, { years: 3, dropOff: 0.1, discountRate: 0 }) // => [1000, 900, 810]
 */
export function yearlyStream(effects: number | readonly number[], o: HorizonOptions): number[] {
  return effectPath(effects, o.years, o.dropOff).map((d, i) => discounted(d, i + 1, o.discountRate));
}

/**
 * A stream that starts `lag` years late (the utjämning, method §2.3): nothing in years 1..lag, then
 * the effect path from its first year, discounted by the calendar year.
 * @example delayedStream([100, 50], { years: 4, dropOff: 0, discountRate: 0 }, 1) // => [0, 100, 50, 50]
 */
export function delayedStream(effects: number | readonly number[], o: HorizonOptions, lag: number): number[] {
  const path = effectPath(effects, Math.max(0, o.years - lag), o.dropOff);
  const out: number[] = [];
  for (let t = 1; t <= o.years; t++) out.push(t > lag ? discounted(path[t - lag - 1], t, o.discountRate) : 0);
  return out;
}

/**
 * The multiplier of a constant annual effect summed over the first h years:
 * Σ_{t=1..h} (1 − avklingning)^(t−1) / (1 + r)^(t−1), so benefit_h = Δ × horizonFactor.
 * Its terms are those of `yearlyStream`, added in the same order.
 */
export function horizonFactor(h: number, o: Pick<HorizonOptions, 'discountRate' | 'dropOff'>): number {
  let f = 0;
  for (let t = 1; t <= h; t++) f += discounted((1 - o.dropOff) ** (t - 1), t, o.discountRate);
  return f;
}

/** Σ of the first h years of a stream (benefit over the horizon h). */
export function benefitOver(yearly: readonly number[], h: number): number {
  let s = 0;
  for (let i = 0; i < h && i < yearly.length; i++) s += yearly[i];
  return s;
}

/** Rounds up to one decimal, tolerating floating-point noise (12.0000000001 → 12.0). */
const ceilTenth = (x: number): number => Math.ceil(x * 10 - 1e-7) / 10;
const roundTenth = (x: number): number => Math.round(x * 10) / 10;
/** Relative tolerance when a cumulative benefit is compared with the cost. */
const REACHES = 1 - 1e-12;

/**
 * Whether the cost is repaid within the horizon (payback status `months` or `noCost`), from the
 * horizon's total benefit; the fast path of `payback` for a stream whose years share a sign.
 */
export function paysBack(cost: number, annualEffect: number, benefitH: number): boolean {
  if (annualEffect < 0 || (annualEffect === 0 && cost > 0)) return false;
  if (cost <= 0) return true;
  return benefitH >= cost * REACHES;
}

/**
 * Återbetalningstid (method §5): the first month at which the cumulative effect — each year's
 * effect spread evenly over its 12 months — reaches the cost. Status in this order: `never` when
 * Δ < 0 whatever C, or Δ = 0 < C (an actor without a cost share that loses every year is `never`,
 * not `noCost`); `noCost` when C = 0 and Δ ≥ 0; `beyondHorizon` when C is not reached within the
 * stream; otherwise `months`.
 * @param cost C ≥ 0 (discounted, kronor)
 * @param annualEffect Δ, the undecayed annual effect deciding `never`
 * @param yearly effects for years 1..H (after avklingning and discounting)
 * @example payback(60000, 120000, [120000, 120000]) // => { status: 'months', months: 6, simpleMonths: 6 }
 * @example payback(0, -304638, [-304638]) // => { status: 'never', months: null, simpleMonths: null }
 */
export function payback(cost: number, annualEffect: number, yearly: readonly number[]): Payback {
  const simpleMonths = annualEffect > 0 && cost > 0 ? roundTenth((12 * cost) / annualEffect) : null;
  if (annualEffect < 0 || (annualEffect === 0 && cost > 0)) return { status: 'never', months: null, simpleMonths };
  if (cost <= 0) return { status: 'noCost', months: 0, simpleMonths };
  let cumulative = 0;
  for (let t = 0; t < yearly.length; t++) {
    const d = yearly[t];
    if (d > 0 && cumulative + d >= cost * REACHES) {
      return { status: 'months', months: ceilTenth(12 * t + (12 * (cost - cumulative)) / d), simpleMonths };
    }
    cumulative += d;
  }
  return { status: 'beyondHorizon', months: null, simpleMonths };
}

/** Cumulative Σ Δ_t − C at the end of years t = 0..H. */
export function cumulativeNet(cost: number, yearly: readonly number[]): number[] {
  const out = [-cost];
  for (const d of yearly) out.push(out[out.length - 1] + d);
  return out;
}

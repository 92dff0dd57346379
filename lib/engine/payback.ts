/**
 * Återbetalningstid (payback period), method §5: the first month at which the cumulative
 * effect — each year's effect spread evenly over its 12 months — reaches the cost.
 */

/** How payback turned out: within the horizon, never (Δ ≤ 0), beyond the horizon, or no cost to repay. */
export type PaybackStatus = 'months' | 'never' | 'beyondHorizon' | 'noCost';

/** Återbetalningstid for one actor or group (method §5). */
export interface Payback {
  status: PaybackStatus;
  /** Months to payback (one decimal), 0 for `noCost`, null for `never` and `beyondHorizon`. */
  months: number | null;
  /** The classic NyttoSam figure 12·C/Δ (one decimal), whenever Δ > 0 and C > 0. */
  simpleMonths: number | null;
}

/** Rounds up to one decimal, tolerating floating-point noise (12.0000000001 → 12.0). */
const ceilTenth = (x: number): number => Math.ceil(x * 10 - 1e-7) / 10;
const roundTenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * Payback of a cost against a stream of yearly effects.
 * @param cost C ≥ 0 (discounted, kronor)
 * @param annualEffect Δ, the undecayed annual effect deciding `never`
 * @param yearly effects for years 1..H (after avklingning and discounting)
 * @example payback(60000, 120000, [120000, 120000]) // => { status: 'months', months: 6, simpleMonths: 6 }
 */
export function payback(cost: number, annualEffect: number, yearly: readonly number[]): Payback {
  const simpleMonths = annualEffect > 0 && cost > 0 ? roundTenth((12 * cost) / annualEffect) : null;
  if (cost <= 0) return { status: 'noCost', months: 0, simpleMonths };
  if (annualEffect <= 0) return { status: 'never', months: null, simpleMonths };
  let cumulative = 0;
  for (let t = 0; t < yearly.length; t++) {
    const d = yearly[t];
    if (d > 0 && cumulative + d >= cost * (1 - 1e-12)) {
      return { status: 'months', months: ceilTenth(12 * t + (12 * (cost - cumulative)) / d), simpleMonths };
    }
    cumulative += d;
  }
  return { status: 'beyondHorizon', months: null, simpleMonths };
}

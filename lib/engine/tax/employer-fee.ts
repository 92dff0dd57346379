/**
 * Arbetsgivaravgifter (method §2 "Taxes and wages"): the full rate and the date-bounded
 * reductions for young employees (params.skatt.arbetsgivaravgift, params.skatt.arbetsgivaravgift_unga).
 *
 * Sources: Skatteverket, Rättslig vägledning, Arbetsgivaravgifter
 * (https://www4.skatteverket.se/rattsligvagledning/edition/2024.3/1333.html); prop. 2025/26:66
 * Tillfälligt nedsatta arbetsgivaravgifter för unga
 * (https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/tillfalligt-nedsatta-arbetsgivaravgifter-for_hd0366/html).
 *
 * Age convention: the reductions are defined by the age at the turn of the year ("fyllt 18 men
 * inte 23 år vid årets ingång").
 * For a person born in year B and the price year Y that age is Y − B − 1 (everyone has had
 * their birthday by the end of the year, nobody by its start except those born on 1 January).
 */
import type { Catalog } from '../../catalog/types.js';
import { catalogGap, paramAt, series, referenceDate } from '../../catalog/value-at.js';

/** Percent → fraction without binary noise (31.42 → 0.3142, not 0.31420000000000003). */
const fraction = (percent: number): number => Number((percent / 100).toPrecision(12));

/** The youth reduction in force: reduced rate up to a monthly wage cap, for an age band. */
export interface YouthReduction {
  /** Reduced rate, fraction (0.2081). */
  rate: number;
  /** Monthly wage up to which the reduced rate applies (kr/month). */
  wageCap: number;
  /** Lowest age at the turn of the year (inclusive). */
  minAge: number;
  /** Highest age at the turn of the year (inclusive). */
  maxAge: number;
}

/** Employer-fee parameters in force on a date. */
export interface EmployerFeeParams {
  /** Full arbetsgivaravgift, fraction (0.3142). */
  fullRate: number;
  /** The youth reduction in force, or null. */
  youth: YouthReduction | null;
}

/**
 * Reads the employer-fee parameters in force on `date` (default 1 July of `year`). The youth
 * reductions change during a year (1 April 2023, 1 April 2026, 1 October 2027); the value in
 * force on the date is used for the whole year.
 * @throws InputError when a series or field is missing
 */
export function employerFeeParams(catalog: Catalog, year: number, date = referenceDate(year)): EmployerFeeParams {
  const full = paramAt<unknown>(catalog, 'params.skatt.arbetsgivaravgift', date);
  if (typeof full.value !== 'number') throw catalogGap(series(catalog, 'params.skatt.arbetsgivaravgift').file, `values.${full.validFrom}.value`, 'tal krävs', 'number required', full.value);
  const y = paramAt<Record<string, unknown> | null>(catalog, 'params.skatt.arbetsgivaravgift_unga', date);
  let youth: YouthReduction | null = null;
  if (y.value !== null) {
    const file = series(catalog, 'params.skatt.arbetsgivaravgift_unga').file;
    const get = (k: string): number => {
      const x = typeof y.value === 'object' && y.value !== null ? y.value[k] : undefined;
      if (typeof x !== 'number' || !Number.isFinite(x)) throw catalogGap(file, `values.${y.validFrom}.value.${k}`, `talet ${k} saknas eller är inte ett tal`, `${k} is missing or not a number`, x);
      return x;
    };
    youth = { rate: fraction(get('procent')), wageCap: get('takLon'), minAge: get('minAlderVidArsskiftet'), maxAge: get('maxAlderVidArsskiftet') };
  }
  return { fullRate: fraction(full.value), youth };
}

/**
 * The effective employer-fee rate (fraction of the whole wage) for a monthly wage: the reduced
 * rate on the part up to the cap and the full rate above it, when a youth reduction is in force
 * and `ageAtTurnOfYear` lies in its band; otherwise the full rate. Unknown age → full rate.
 * Example 2026 (20,81 % up to 25 000 kr): 30 000 kr → (25 000 × 0,2081 + 5 000 × 0,3142) / 30 000.
 */
export function employerFeeRate(p: EmployerFeeParams, ageAtTurnOfYear: number | undefined, monthlyWage: number): number {
  const y = p.youth;
  if (y === null || ageAtTurnOfYear === undefined || ageAtTurnOfYear < y.minAge || ageAtTurnOfYear > y.maxAge || !(monthlyWage > 0)) return p.fullRate;
  if (monthlyWage <= y.wageCap) return y.rate;
  return (y.wageCap * y.rate + (monthlyWage - y.wageCap) * p.fullRate) / monthlyWage;
}

/**
 * The income-tax parameters of one year, resolved once from the catalogue into plain numbers in
 * kronor and fractions, so that {@link incomeTax} is pure arithmetic (method §2 "Taxes and wages").
 *
 * Sources: the `params.skatt.*` series in `data/params/skatt/` (inkomstskattelagen 63, 65 and 67
 * kap.; lag (1994:1744) om allmän pensionsavgift; Skatteverket SKV 433, teknisk beskrivning för
 * skattetabeller, https://www.skatteverket.se/privat/skatter/arbeteochinkomst/skattetabeller/tekniskbeskrivningforskattetabeller.4.319dc1451507f2f99e86ee.html).
 */
import type { Catalog } from '../../catalog/types.js';
import { catalogGap, indexValue, paramAt, series, referenceDate } from '../../catalog/value-at.js';

/**
 * Everything numeric the income-tax formulas need for one year. Amounts are kronor per year
 * (pbb/ibb multiples already applied), rates are fractions (0.2 = 20 %). Built by
 * {@link taxYearParams}; tests may construct it directly.
 */
export interface TaxYearParams {
  year: number;
  /** Prisbasbelopp of the year (kr). */
  pbb: number;
  /** Inkomstbasbelopp of the year (kr). */
  ibb: number;

  // Grundavdrag (IL 63 kap. 3 §), as a function of fastställd förvärvsinkomst (FFI).
  /** Lowest grundavdrag (0,423 pbb), for FFI ≤ gaLimit1. */
  gaLow: number;
  /** FFI where the rising band starts (0,99 pbb). */
  gaLimit1: number;
  /** Share of FFI above gaLimit1 added in the rising band (0,20). */
  gaRise: number;
  /** FFI where the plateau starts (2,72 pbb). */
  gaLimit2: number;
  /** Highest grundavdrag (0,77 pbb), between gaLimit2 and gaLimit3. */
  gaHigh: number;
  /** FFI where the falling band starts (3,11 pbb). */
  gaLimit3: number;
  /** Share of FFI above gaLimit3 deducted in the falling band (0,10). */
  gaFall: number;
  /** FFI above which the floor applies (7,88 pbb). */
  gaLimit4: number;
  /** Grundavdrag at high incomes (0,293 pbb). */
  gaFloor: number;
  /** Grundavdrag is rounded up to this many kronor (100). */
  gaRounding: number;

  // Jobbskatteavdrag (IL 67 kap. 7 §), as a function of arbetsinkomst (AI).
  /** AI limits of the bands (0,91 / 3,24 / 8,08 pbb). */
  jsaLimit1: number;
  jsaLimit2: number;
  jsaLimit3: number;
  /** Share of AI in the second band (0,3874). */
  jsaRate2: number;
  /** Base at the start of the third band (1,813 pbb). */
  jsaBase3: number;
  /** Share of AI in the third band (0,199 in 2025). */
  jsaRate3: number;
  /** Underlag above jsaLimit3 (2,776 pbb in 2025). */
  jsaMax: number;
  /** AI above which the reduction is phased out (13,54 pbb until 2024; Infinity from 2025). */
  jsaPhaseOutFrom: number;
  /** Phase-out share of AI above jsaPhaseOutFrom (0,03 until 2024). */
  jsaPhaseOutRate: number;

  // Statlig inkomstskatt (IL 65 kap. 5 §).
  /** Skiktgräns on beskattningsbar förvärvsinkomst (kr). */
  skiktgrans: number;
  /** Statlig skattesats (0,20). */
  statligRate: number;

  // Allmän pensionsavgift (lag 1994:1744) and its full tax reduction (IL 67 kap. 4 §).
  /** Avgift rate (0,07). */
  pensionRate: number;
  /** Income cap: 8,07 ibb (kr). */
  pensionIncomeCap: number;
  /** No avgift when the income is below 42,3 % of pbb (kr). */
  pensionFloor: number;
  /** The avgift is rounded to the nearest this many kronor, a tie downwards (100). */
  pensionRounding: number;

  // Skattereduktion för förvärvsinkomst (IL 67 kap. 46–47 §§).
  /** Threshold on beskattningsbar förvärvsinkomst (40 000 kr). */
  forvarvThreshold: number;
  /** Rate on taxable income above the threshold (0,0075). */
  forvarvRate: number;
  /** Maximum reduction (1 500 kr). */
  forvarvMax: number;

  // Public service-avgift.
  /** Rate on taxable income (0,01). */
  publicServiceRate: number;
  /** Maximum avgift per year (kr). */
  publicServiceCap: number;
}

type Obj = Record<string, unknown>;

/** Percent → fraction without binary noise (19.9 → 0.199, not 0.19899999999999998). */
const fraction = (percent: number): number => Number((percent / 100).toPrecision(12));

/** A numeric field of a structured (`tabell`) parameter value, or an InputError naming it. */
function field(catalog: Catalog, id: string, date: string, key: string, nullable = false): number {
  const v = paramAt<Obj | null>(catalog, id, date);
  const file = series(catalog, id).file;
  const obj = v.value;
  const x = obj === null || typeof obj !== 'object' ? undefined : obj[key];
  if (nullable && x === null) return NaN;
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw catalogGap(file, `values.${v.validFrom}.value.${key}`, `talet ${key} saknas eller är inte ett tal`, `${key} is missing or not a number`, x);
  }
  return x;
}

/** A plain numeric parameter (`procent`, `kr/ar`). */
function num(catalog: Catalog, id: string, date: string): number {
  const v = paramAt<unknown>(catalog, id, date);
  if (typeof v.value !== 'number') throw catalogGap(series(catalog, id).file, `values.${v.validFrom}.value`, 'tal krävs', 'number required', v.value);
  return v.value;
}

/**
 * Resolves the income-tax parameters in force on `date` (default 1 July of `year`), with the
 * prisbasbelopp and inkomstbasbelopp of `year` (`index.prisbasbelopp`, `index.inkomstbasbelopp`).
 * Reads `params.skatt.{grundavdrag, jobbskatteavdrag, skiktgrans, statlig_skattesats,
 * allman_pensionsavgift, skattereduktion_forvarvsinkomst, public_service_avgift}`.
 * @throws InputError when a series, a year or a field is missing
 */
export function taxYearParams(catalog: Catalog, year: number, date = referenceDate(year)): TaxYearParams {
  const pbb = indexValue(catalog, 'index.prisbasbelopp', year);
  const ibb = indexValue(catalog, 'index.inkomstbasbelopp', year);
  const GA = 'params.skatt.grundavdrag';
  const ga = (k: string): number => field(catalog, GA, date, k);
  const JSA = 'params.skatt.jobbskatteavdrag';
  const jsa = (k: string, nullable = false): number => field(catalog, JSA, date, k, nullable);
  const PA = 'params.skatt.allman_pensionsavgift';
  const FR = 'params.skatt.skattereduktion_forvarvsinkomst';
  const PS = 'params.skatt.public_service_avgift';

  const phaseOutFrom = jsa('avtrappningFranPbb', true);
  const phaseOutRate = fraction(jsa('avtrappningProcent'));
  return {
    year, pbb, ibb,
    gaLow: ga('lagstaPbb') * pbb,
    gaLimit1: ga('grans1Pbb') * pbb,
    gaRise: fraction(ga('okningProcent')),
    gaLimit2: ga('grans2Pbb') * pbb,
    gaHigh: ga('hogstaPbb') * pbb,
    gaLimit3: ga('grans3Pbb') * pbb,
    gaFall: fraction(ga('minskningProcent')),
    gaLimit4: ga('grans4Pbb') * pbb,
    gaFloor: ga('golvPbb') * pbb,
    gaRounding: ga('avrundningUppat'),
    jsaLimit1: jsa('grans1Pbb') * pbb,
    jsaLimit2: jsa('grans2Pbb') * pbb,
    jsaLimit3: jsa('grans3Pbb') * pbb,
    jsaRate2: fraction(jsa('sats2Procent')),
    jsaBase3: jsa('bas3Pbb') * pbb,
    jsaRate3: fraction(jsa('sats3Procent')),
    jsaMax: jsa('takPbb') * pbb,
    jsaPhaseOutFrom: Number.isNaN(phaseOutFrom) || phaseOutRate === 0 ? Infinity : phaseOutFrom * pbb,
    jsaPhaseOutRate: Number.isNaN(phaseOutFrom) ? 0 : phaseOutRate,
    skiktgrans: num(catalog, 'params.skatt.skiktgrans', date),
    statligRate: fraction(num(catalog, 'params.skatt.statlig_skattesats', date)),
    pensionRate: fraction(field(catalog, PA, date, 'procent')),
    pensionIncomeCap: field(catalog, PA, date, 'takIbb') * ibb,
    pensionFloor: field(catalog, PA, date, 'golvPbb') * pbb,
    pensionRounding: field(catalog, PA, date, 'avrundning'),
    forvarvThreshold: field(catalog, FR, date, 'grans'),
    forvarvRate: fraction(field(catalog, FR, date, 'procent')),
    forvarvMax: field(catalog, FR, date, 'max'),
    publicServiceRate: fraction(field(catalog, PS, date, 'procent')),
    publicServiceCap: field(catalog, PS, date, 'tak'),
  };
}

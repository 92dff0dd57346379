/**
 * Annual income tax of one person under 66 (method §2 "Taxes and wages"), following the order
 * and rounding of Skatteverket's technical description SKV 433 and inkomstskattelagen (IL):
 *
 * 1. fastställd förvärvsinkomst FFI = earned + other, rounded down to 100 kr (IL 1 kap. 5 §);
 * 2. grundavdrag GA from FFI, rounded up to 100 kr, at most FFI (IL 63 kap. 2–5 §§);
 * 3. beskattningsbar förvärvsinkomst = FFI − GA;
 * 4. kommunal inkomstskatt at the kommun and region rates, statlig skatt 20 % above skiktgränsen;
 * 5. allmän pensionsavgift 7 % of pensionable income (rounded down to 100 kr, capped at 8,07 ibb,
 *    none below 42,3 % pbb; the avgift rounded to the nearest 100 kr, 50 downwards) and its full
 *    skattereduktion, limited to kommunal + statlig skatt and taken from the kommunal skatt first;
 * 6. jobbskatteavdrag on arbetsinkomst (earned, rounded down to 100 kr) at the kommunal rate,
 *    limited to the kommunal skatt left after step 5 (IL 67 kap. 2 och 7 §§);
 * 7. skattereduktion för förvärvsinkomst, limited to the kommunal skatt left (IL 67 kap. 46–47 §§);
 * 8. public service-avgift 1 % of taxable income, capped; and an optional fee (begravnings- or
 *    kyrkoavgift) on taxable income that no reduction touches.
 *
 * Taxes, the fee and the reductions are whole kronor with öre dropped (IL 67 kap. 1 §: "öretal
 * faller bort"; SKV 433). With these rules {@link monthlyTableTax} reproduces every row of
 * Skatteverket's 2025 monthly tables (29–42, kolumn 1, up to 80 000 kr) exactly.
 *
 * Skattereduktion för sjuk- och aktivitetsersättning (IL 67 kap. 9 a–9 c §§) is modelled by the
 * caller passing SA/AE as `earned` (the reduction equalises their tax with work since 2023).
 * Not modelled (documented simplifications): the regional reduction for some kommuner
 * (IL 67 kap. 34 §), förhöjt grundavdrag and the JSA rules for people 66 and older, the 200 kr
 * minimum for statlig skatt, part-year residence, public service-avgift only from 18 years.
 *
 * SKV 433: https://www.skatteverket.se/privat/skatter/arbeteochinkomst/skattetabeller/tekniskbeskrivningforskattetabeller.4.319dc1451507f2f99e86ee.html
 * (2026 edition: https://www.skatteverket.se/download/18.1522bf3f19aea8075ba55c/1766385913260/teknisk-beskrivning-skv-433-2026-utgava-36.pdf);
 * inkomstskattelagen: https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/inkomstskattelag-19991229_sfs-1999-1229/
 */
import type { TaxYearParams } from './tax-params.js';

/** Annual incomes of one person and the kommunal rates that apply (method §2). */
export interface TaxInput {
  /** Arbetsinkomst, kr/år: the basis for jobbskatteavdrag (wages, including subsidised work). */
  earned: number;
  /** Other taxable income, kr/år: sjukpenning, sjuk- och aktivitetsersättning, a-kassa, aktivitetsstöd. */
  other: number;
  /** Basis for allmän pensionsavgift, kr/år (wages, sjukpenning, a-kassa, aktivitetsstöd; not SA/AE). */
  pensionable: number;
  /** Kommunskatt, percent (e.g. 20.72). */
  kommunRate: number;
  /** Regionskatt, percent (e.g. 11.69). */
  regionRate: number;
  /** Percent charged on taxable income without reductions (begravnings-/kyrkoavgift); default 0. */
  feeRate?: number;
}

/**
 * The tax of one person for one year, annual kronor. Allocation (method §2): `kommun` and
 * `region` receive the full kommunal skatt on the taxable base at their rates; `state` is the
 * rest (`total − kommun − region`): statlig skatt + pensionsavgift + public service-avgift + fee −
 * pensionsavgift credit − jobbskatteavdrag − förvärvsinkomst reduction. It may be negative, since
 * the state finances the reductions. Hence `kommun + region + state === total` exactly.
 */
export interface TaxResult {
  /** Everything the person pays: taxes and avgifter less reductions. */
  total: number;
  /** Kommunskatt on the taxable income (before reductions). */
  kommun: number;
  /** Regionskatt on the taxable income (before reductions). */
  region: number;
  /** total − kommun − region (ovrigStat); includes the fee. */
  state: number;
  grundavdrag: number;
  /** Beskattningsbar förvärvsinkomst. */
  taxableIncome: number;
  /** Statlig inkomstskatt. */
  statlig: number;
  /** Allmän pensionsavgift. */
  pensionsavgift: number;
  /** Skattereduktion för allmän pensionsavgift. */
  pensionCredit: number;
  jobbskatteavdrag: number;
  /** Skattereduktion för förvärvsinkomst. */
  forvarvsReduction: number;
  /** Public service-avgift. */
  publicService: number;
  /** The fee at `feeRate` (included in `state`). */
  fee: number;
}

/** Guards the rounding of exact values against binary drift (amounts are < 10^8 kr). */
const EPS = 1e-6;
const floorKr = (x: number): number => Math.floor(x + EPS);
const floorTo = (x: number, unit: number): number => Math.floor(x / unit + EPS) * unit;
const ceilTo = (x: number, unit: number): number => Math.ceil(x / unit - EPS) * unit;
/** Nearest multiple of `unit`, a tie downwards (lag 1994:1744 3 §: "50 kronor avrundas till närmast lägre hundratal"). */
const roundHalfDownTo = (x: number, unit: number): number => Math.ceil(x / unit - 0.5 - EPS) * unit;

/** A zeroed result, for callers that reuse one object across calls. */
export function emptyTaxResult(): TaxResult {
  return {
    total: 0, kommun: 0, region: 0, state: 0, grundavdrag: 0, taxableIncome: 0, statlig: 0, pensionsavgift: 0,
    pensionCredit: 0, jobbskatteavdrag: 0, forvarvsReduction: 0, publicService: 0, fee: 0,
  };
}

/** Grundavdrag (IL 63 kap. 3 §) for a fastställd förvärvsinkomst, rounded up, at most the income. */
export function grundavdrag(ffi: number, p: TaxYearParams): number {
  if (ffi <= 0) return 0;
  let g: number;
  if (ffi <= p.gaLimit1) g = p.gaLow;
  else if (ffi <= p.gaLimit2) g = p.gaLow + p.gaRise * (ffi - p.gaLimit1);
  else if (ffi <= p.gaLimit3) g = p.gaHigh;
  else if (ffi <= p.gaLimit4) g = p.gaHigh - p.gaFall * (ffi - p.gaLimit3);
  else g = p.gaFloor;
  g = ceilTo(g, p.gaRounding);
  return g < ffi ? g : ffi;
}

/**
 * Computes the annual income tax (see the module comment for the rules and their sources).
 * Pure arithmetic: no catalogue access, and no allocation when `out` is given (it is filled and
 * returned), so it can run in tight loops.
 */
export function incomeTax(input: TaxInput, p: TaxYearParams, out?: TaxResult): TaxResult {
  const r = out ?? emptyTaxResult();
  const earned = input.earned > 0 ? input.earned : 0;
  const gross = earned + (input.other > 0 ? input.other : 0);
  const ffi = floorTo(gross, 100);
  const ga = grundavdrag(ffi, p);
  const taxable = floorTo(ffi - ga, 100);

  const kRate = input.kommunRate / 100;
  const rRate = input.regionRate / 100;
  const kommun = floorKr(taxable * kRate);
  const region = floorKr(taxable * rRate);
  const kommunal = kommun + region;
  const statlig = taxable > p.skiktgrans ? floorKr((taxable - p.skiktgrans) * p.statligRate) : 0;

  // Allmän pensionsavgift and its full reduction (kommunal skatt first, then statlig).
  const pensionBase = floorTo(input.pensionable > p.pensionIncomeCap ? p.pensionIncomeCap : input.pensionable > 0 ? input.pensionable : 0, 100);
  const pensionsavgift = pensionBase > 0 && pensionBase >= p.pensionFloor ? roundHalfDownTo(pensionBase * p.pensionRate, p.pensionRounding) : 0;
  const taxBeforeCredits = kommunal + statlig;
  const pensionCredit = pensionsavgift < taxBeforeCredits ? pensionsavgift : taxBeforeCredits;
  let kommunalLeft = kommunal - (pensionCredit < kommunal ? pensionCredit : kommunal);

  // Jobbskatteavdrag on arbetsinkomst, only against kommunal skatt.
  let jsa = 0;
  const ai = floorTo(earned, 100);
  if (ai > 0 && kommunalLeft > 0) {
    let u: number;
    if (ai <= p.jsaLimit1) u = ai;
    else if (ai <= p.jsaLimit2) u = p.jsaLimit1 + p.jsaRate2 * (ai - p.jsaLimit1);
    else if (ai <= p.jsaLimit3) u = p.jsaBase3 + p.jsaRate3 * (ai - p.jsaLimit2);
    else u = p.jsaMax;
    u -= ga;
    if (u > 0) {
      let j = u * (kRate + rRate);
      if (ai > p.jsaPhaseOutFrom) j -= p.jsaPhaseOutRate * (ai - p.jsaPhaseOutFrom);
      jsa = j > 0 ? floorKr(j) : 0;
      if (jsa > kommunalLeft) jsa = kommunalLeft;
    }
  }
  kommunalLeft -= jsa;

  // Skattereduktion för förvärvsinkomst, only against kommunal skatt.
  let forvarv = 0;
  if (taxable > p.forvarvThreshold && kommunalLeft > 0) {
    const f = p.forvarvRate * (taxable - p.forvarvThreshold);
    forvarv = floorKr(f < p.forvarvMax ? f : p.forvarvMax);
    if (forvarv > kommunalLeft) forvarv = kommunalLeft;
  }

  const psRaw = taxable * p.publicServiceRate;
  const publicService = floorKr(psRaw < p.publicServiceCap ? psRaw : p.publicServiceCap);
  const fee = input.feeRate ? floorKr((taxable * input.feeRate) / 100) : 0;

  const total = kommunal + statlig + pensionsavgift - pensionCredit - jsa - forvarv + publicService + fee;
  r.total = total;
  r.kommun = kommun;
  r.region = region;
  r.state = total - kommun - region;
  r.grundavdrag = ga;
  r.taxableIncome = taxable;
  r.statlig = statlig;
  r.pensionsavgift = pensionsavgift;
  r.pensionCredit = pensionCredit;
  r.jobbskatteavdrag = jsa;
  r.forvarvsReduction = forvarv;
  r.publicService = publicService;
  r.fee = fee;
  return r;
}

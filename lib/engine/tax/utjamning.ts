/**
 * Kommunalekonomisk utjämning (method §2.3, issue 11): how much of a change in a kommun's
 * (region's) taxable income the inkomstutjämning takes back, per krona of tax base. Below the
 * guarantee level the state's bidrag falls by the länsvis skattesats (about 19–21 öre for a kommun,
 * 8–10 öre for a region); above it the avgift rises by that rate times the avgift share (60/95 up to
 * 125 % of the national skattekraft, 85/95 above). The effect comes `lagYears` years after the income
 * (the utjämning of year t uses the taxable incomes of year t − 2). Data: data/params/utjamning/.
 */
import type { Catalog } from '../../catalog/types.js';
import { paramAt } from '../../catalog/value-at.js';
import { foldKommun, kommunKeys } from '../../catalog/kommun.js';

/** The marginal utjämning rates (fractions of the tax base) for one kommun and its region. */
export interface UtjamningRates {
  /** Share of a change in taxable income the kommun loses (lower bidrag or higher avgift), e.g. 0.1997. */
  kommun: number;
  /** The same for the region. */
  region: number;
  /** Whether the kommun (region) is above its guarantee level (pays an avgift). */
  kommunAbove: boolean;
  regionAbove: boolean;
  /** Länskod, or '' when the kommun is unknown (the average of the länsvisa satser is used). */
  lan: string;
}

/** The rule parameters (params.utjamning.inkomstutjamning). */
export interface UtjamningRules {
  /** Guarantee levels as shares of the national skattekraft (1.15, 1.10). */
  garantiKommun: number;
  garantiRegion: number;
  /** Share of medelskattesatsen 2003 the bidrag rates rest on (0.95), and the avgift's shares (0.60 up to gransAvgift, 0.85 above). */
  bidragAndel: number;
  avgiftAndelTill125: number;
  avgiftAndelOver125: number;
  gransAvgift: number;
  /** Years between the income and the utjämning it moves (2). */
  fordrojningAr: number;
}

export const UTJAMNING_PARAMS = {
  rules: 'params.utjamning.inkomstutjamning',
  rates: 'params.utjamning.lansvis_skattesats',
  codes: 'params.utjamning.kommunkod',
  strength: 'params.utjamning.skattekraft',
} as const;

type LanRates = Record<string, { kommun: number; region: number }>;

/** The marginal share for a skattekraft index (riket = 100) against a guarantee level (1.15 or 1.10). */
function marginal(rate: number, index: number | undefined, garanti: number, r: UtjamningRules): { share: number; above: boolean } {
  if (index === undefined || index < garanti * 100) return { share: rate, above: false };
  return { share: (rate * (index <= r.gransAvgift * 100 ? r.avgiftAndelTill125 : r.avgiftAndelOver125)) / r.bidragAndel, above: true };
}

/**
 * Marginal utjämning rates for a participant's kommun on `date`.
 * @param skattekraft the project's own skattekraft indices by kommun name (override the catalogue)
 */
export function utjamningRates(catalog: Catalog, date: string, kommun: string | undefined, skattekraft: Record<string, number> = {}): UtjamningRates {
  const rules = paramAt<UtjamningRules>(catalog, UTJAMNING_PARAMS.rules, date).value;
  const lanRates = paramAt<LanRates>(catalog, UTJAMNING_PARAMS.rates, date).value;
  if (kommun === undefined || kommun.trim() === '') {
    // Unknown kommun: the unweighted mean of the länsvisa satser, below the guarantee level.
    const all = Object.values(lanRates);
    const mean = (f: (x: { kommun: number; region: number }) => number) => all.reduce((s, x) => s + f(x), 0) / all.length / 100;
    return { kommun: mean((x) => x.kommun), region: mean((x) => x.region), kommunAbove: false, regionAbove: false, lan: '' };
  }
  const keys = kommunKeys(kommun);
  const codes = paramAt<Record<string, { kod: string }>>(catalog, UTJAMNING_PARAMS.codes, date).value;
  const name = keys.map((key) => Object.keys(codes).find((k) => foldKommun(k) === key)).find((k) => k !== undefined);
  if (name === undefined) throw new Error(`utjamningRates: kommun ${kommun} has no code (validation should have caught it)`);
  const lan = codes[name].kod.slice(0, 2);
  const rates = lanRates[lan];
  const strength = paramAt<Record<string, { index: number }>>(catalog, UTJAMNING_PARAMS.strength, date).value;
  const own = Object.entries(skattekraft).find(([k]) => keys.includes(foldKommun(k)))?.[1];
  const k = marginal(rates.kommun / 100, own ?? strength[name]?.index, rules.garantiKommun, rules);
  const r = marginal(rates.region / 100, strength[`REGION ${lan}`]?.index, rules.garantiRegion, rules);
  return { kommun: k.share, region: r.share, kommunAbove: k.above, regionAbove: r.above, lan };
}

/** Whether the catalogue holds the utjämning parameters (test catalogues may not). */
export function hasUtjamning(catalog: Catalog): boolean {
  return Object.values(UTJAMNING_PARAMS).every((id) => catalog.series.has(id));
}

/**
 * Looking up dated values and uprating them between price years (method §3):
 * value in year Y = value in price year P × index(Y) / index(P). A missing index year is an
 * error, never a silent fallback.
 */
import { InputError } from '../util/errors.js';
import type { Catalog, DatedValue, Series } from './types.js';

/** Thrown for catalogue gaps a project runs into (missing value, index year or parameter). */
export function catalogGap(file: string, path: string, sv: string, en: string, value?: unknown): InputError {
  return new InputError([{ severity: 'error', file: `data/${file}`, path, sv, en, value }]);
}

/** Reference date for a price year: dated values are read as in force on 1 July. */
export const referenceDate = (priceYear: number): string => `${priceYear}-07-01`;

/**
 * The value in force on `date` (`YYYY-MM-DD`): the latest with validFrom ≤ date. When the date
 * precedes every value, the earliest value (to be deflated by its index) is returned.
 */
export function valueAt<T>(values: readonly DatedValue<T>[], date: string): DatedValue<T> | undefined {
  let found: DatedValue<T> | undefined;
  for (const v of values) if (v.validFrom <= date) found = v;
  return found ?? values[0];
}

/** A series by id, or an error naming it. */
export function series(catalog: Catalog, id: string): Series {
  const s = catalog.series.get(id);
  if (!s) throw catalogGap(`${id.replace(/\./g, '/')}.yaml`, '', `parametern ${id} saknas i katalogen`, `parameter ${id} is missing from the catalogue`);
  return s;
}

/** A parameter's value in force on `date`. @throws InputError if the parameter has no value then */
export function paramAt<T = number>(catalog: Catalog, id: string, date: string): DatedValue<T> {
  const s = series(catalog, id);
  const v = valueAt(s.values, date) as DatedValue<T> | undefined;
  if (!v || v.validFrom > date) throw catalogGap(s.file, 'values', `inget värde giltigt ${date}`, `no value valid on ${date}`, id);
  return v;
}

/** An index value for a year (the value whose valid-from falls in that year). @throws InputError on a missing year */
export function indexValue(catalog: Catalog, indexId: string, year: number): number {
  const s = series(catalog, indexId);
  const v = s.values.find((x) => x.validFrom.startsWith(`${year}-`));
  if (!v || typeof v.value !== 'number') throw catalogGap(s.file, `values.${year}`, `indexvärde för ${year} saknas (${s.label}); lägg till året i katalogen`, `index value for ${year} is missing (${s.label}); add the year to the catalogue`, indexId);
  return v.value;
}

/** Uprates an amount from price year `from` to `to` with the given index. Identity when equal or `none`. */
export function uprate(catalog: Catalog, amount: number, indexId: string, from: number, to: number): number {
  if (from === to || indexId === 'none') return amount;
  return (amount * indexValue(catalog, indexId, to)) / indexValue(catalog, indexId, from);
}

/** The latest price year the catalogue covers: the last year of the prisbasbelopp index. */
export function latestPriceYear(catalog: Catalog): number {
  const years = series(catalog, 'index.prisbasbelopp').values.map((v) => Number(v.validFrom.slice(0, 4)));
  return Math.max(...years);
}

/** Series every price year needs a value of: the uprating indices and the average tax rate. */
const PRICE_YEAR_INDICES = ['index.prisbasbelopp', 'index.inkomstbasbelopp', 'index.kpi_arsmedel'];
const PRICE_YEAR_PARAMS = ['params.skatt.kommunalskatt_medel'];

/**
 * The price years the catalogue covers: years with a value of every uprating index and a tax
 * rate in force on 1 July. A project's price year must be one of them.
 */
export function coveredPriceYears(catalog: Catalog): number[] {
  const sets = PRICE_YEAR_INDICES.filter((id) => catalog.series.has(id))
    .map((id) => new Set(catalog.series.get(id)!.values.map((v) => Number(v.validFrom.slice(0, 4)))));
  if (sets.length === 0) return [];
  const firstParam = Math.max(...PRICE_YEAR_PARAMS.filter((id) => catalog.series.has(id)).map((id) => Number(catalog.series.get(id)!.values[0].validFrom.slice(0, 4))), -Infinity);
  return [...sets[0]].filter((y) => sets.every((s) => s.has(y)) && y >= firstParam).sort((a, b) => a - b);
}

/** Years as ranges: [2021, 2023, 2024, 2025] → "2021, 2023–2025". */
export function yearRanges(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    out.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j;
  }
  return out.join(', ');
}

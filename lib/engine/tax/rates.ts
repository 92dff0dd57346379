/**
 * Kommunal tax rates for a participant (method §2): the participant's kommun when given
 * (params.skatt.kommunalskatt_per_kommun, Skatteverket's "Skattesatser per kommun och församling"),
 * else the project's override, else the year's average (params.skatt.kommunalskatt_medel, SCB).
 *
 * Sources: Skatteverket open data "Skattesatser per kommun"
 * (https://skatteverket.entryscape.net/rowstore/dataset/c67b320b-ffee-4876-b073-dd9236cd2a99);
 * SCB Kommunalskatterna (https://www.scb.se/hitta-statistik/statistik-efter-amne/offentlig-ekonomi/finanser-for-den-kommunala-sektorn/kommunalskatterna/).
 */
import { findKommun } from '../../catalog/kommun.js';
import type { Catalog } from '../../catalog/types.js';
import { paramAt, referenceDate } from '../../catalog/value-at.js';
import { InputError } from '../../util/errors.js';

/** Rates in percent and where they come from. */
export interface TaxRates {
  kommun: number;
  region: number;
  source: 'override' | 'kommun' | 'medel';
}

const MEDEL = 'params.skatt.kommunalskatt_medel';

function unknownKommun(kommun: string): InputError {
  return new InputError([{
    severity: 'error', file: '', path: 'kommun',
    sv: 'okänd kommun: ange kommunens namn som i Skatteverkets lista över skattesatser (t.ex. "Malmö", "Upplands Väsby"), eller ange skattesatser med taxRates',
    en: 'unknown kommun: give the kommun name as in Skatteverket\'s list of tax rates (e.g. "Malmö", "Upplands Väsby"), or give rates with taxRates',
    value: kommun,
  }]);
}

/**
 * Kommun and region rates (percent) for `year`.
 * - `kommun` given: matched case-insensitively with å/ä/ö folded against the per-kommun table of
 *   the latest year ≤ `year` (the 2025 table is used for 2025 and later years — later changes,
 *   e.g. Region Stockholm −5 öre in 2026, are then missing). For years before the first table
 *   the name is still validated, but the average is returned (`source: 'medel'`).
 * - otherwise `override` (the project's `taxRates`) when given;
 * - otherwise the year's average (SCB).
 * @throws InputError for a kommun name not in the table (the error names the value and gives a hint)
 */
export function taxRatesFor(catalog: Catalog, year: number, kommun?: string, override?: { kommun: number; region: number }): TaxRates {
  const date = referenceDate(year);
  if (kommun !== undefined && kommun.trim() !== '') {
    const found = findKommun(catalog, year, kommun);
    if (!found) throw unknownKommun(kommun);
    if (found.inForce) return { kommun: found.rates.kommun, region: found.rates.region, source: 'kommun' };
  }
  if (override) return { kommun: override.kommun, region: override.region, source: 'override' };
  const m = paramAt<{ kommun: number; region: number }>(catalog, MEDEL, date).value;
  return { kommun: m.kommun, region: m.region, source: 'medel' };
}

/**
 * Kommunal tax rates for a participant (method §2): the participant's kommun when given
 * (params.skatt.kommunalskatt_per_kommun, Skatteverket's "Skattesatser per kommun och församling"),
 * else the project's override, else the year's average (params.skatt.kommunalskatt_medel, SCB).
 *
 * Sources: Skatteverket open data "Skattesatser per kommun"
 * (https://skatteverket.entryscape.net/rowstore/dataset/c67b320b-ffee-4876-b073-dd9236cd2a99);
 * SCB Kommunalskatterna (https://www.scb.se/hitta-statistik/statistik-efter-amne/offentlig-ekonomi/finanser-for-den-kommunala-sektorn/kommunalskatterna/).
 */
import type { Catalog, DatedValue } from '../../catalog/types.js';
import { InputError } from '../../util/errors.js';
import { paramAt, series } from '../../catalog/value-at.js';

/** Rates in percent and where they come from. */
export interface TaxRates {
  kommun: number;
  region: number;
  source: 'override' | 'kommun' | 'medel';
}

const PER_KOMMUN = 'params.skatt.kommunalskatt_per_kommun';
const MEDEL = 'params.skatt.kommunalskatt_medel';

/**
 * Folds a kommun name for matching: case-insensitive, å/ä/ö (and other diacritics) folded, spaces
 * and hyphens unified, a trailing "kommun" dropped. "Malung-Sälen", "MALUNG SALEN kommun" → "malung salen".
 */
export function foldKommun(name: string): string {
  return name
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[\s\-_]+/g, ' ').trim()
    .replace(/ kommun$/, '');
}

type Rates = { kommun: number; region: number };
const indexCache = new WeakMap<DatedValue, Map<string, Rates>>();

/** The per-kommun table of one dated value, keyed by folded name (built once per value). */
function kommunIndex(v: DatedValue): Map<string, Rates> {
  let m = indexCache.get(v);
  if (!m) {
    m = new Map();
    const table = v.value as Record<string, { kommun: number; region: number }>;
    for (const [name, r] of Object.entries(table ?? {})) m.set(foldKommun(name), { kommun: Number(r.kommun), region: Number(r.region) });
    indexCache.set(v, m);
  }
  return m;
}

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
  const date = `${year}-07-01`;
  if (kommun !== undefined && kommun.trim() !== '') {
    const s = series(catalog, PER_KOMMUN);
    let v: DatedValue | undefined;
    for (const x of s.values) if (x.validFrom <= `${year}-12-31` && x.value !== null) v = x;
    const inForce = v !== undefined;
    v ??= s.values.find((x) => x.value !== null);
    const found = v ? kommunIndex(v).get(foldKommun(kommun)) : undefined;
    if (!found) throw unknownKommun(kommun);
    if (inForce) return { kommun: found.kommun, region: found.region, source: 'kommun' };
  }
  if (override) return { kommun: override.kommun, region: override.region, source: 'override' };
  const m = paramAt<{ kommun: number; region: number }>(catalog, MEDEL, date).value;
  return { kommun: m.kommun, region: m.region, source: 'medel' };
}

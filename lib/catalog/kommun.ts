/**
 * Kommun names in the catalogue's per-kommun tax table (params.skatt.kommunalskatt_per_kommun,
 * Skatteverket's "Skattesatser per kommun och församling", in capitals): folding for matching,
 * lookup, display names, "did you mean" and the list for the Excel template. The model checks a
 * participant's kommun and the engine reads its rates through the same lookup.
 */
import type { Catalog, DatedValue } from './types.js';
import { series } from './value-at.js';
import { editDistance } from '../util/closest.js';

/** The catalogue series holding kommunal tax rates per kommun (percent). */
export const PER_KOMMUN = 'params.skatt.kommunalskatt_per_kommun';

/** Kommun and region rates in percent. */
export interface KommunRates {
  kommun: number;
  region: number;
}

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

/**
 * The folded keys a kommun name may match, in order: the name itself, and for "Östersunds kommun"
 * (the genitive before "kommun") also "östersund". Used by every per-kommun table lookup.
 */
export function kommunKeys(name: string): string[] {
  const f = foldKommun(name);
  return /\skommun\s*$/i.test(name) && f.endsWith('s') ? [f, f.slice(0, -1)] : [f];
}

const indexCache = new WeakMap<DatedValue, Map<string, KommunRates>>();

/** The per-kommun table of one dated value, keyed by folded name (built once per value). */
function kommunIndex(v: DatedValue): Map<string, KommunRates> {
  let m = indexCache.get(v);
  if (!m) {
    m = new Map();
    const table = v.value as Record<string, KommunRates>;
    for (const [name, r] of Object.entries(table ?? {})) m.set(foldKommun(name), { kommun: Number(r.kommun), region: Number(r.region) });
    indexCache.set(v, m);
  }
  return m;
}

/**
 * A kommun's rates for `year`: matched case-insensitively with å/ä/ö folded against the table of
 * the latest year ≤ `year`; for years before the first table the name is matched against the
 * first table and `inForce` is false.
 * @returns undefined for a name not in the table
 * @example findKommun(catalog, 2025, 'umea')?.rates // => { kommun: …, region: … }
 */
export function findKommun(catalog: Catalog, year: number, name: string): { rates: KommunRates; inForce: boolean } | undefined {
  const s = catalog.series.get(PER_KOMMUN);
  if (!s) return undefined;
  let v: DatedValue | undefined;
  for (const x of s.values) if (x.validFrom <= `${year}-12-31` && x.value !== null) v = x;
  const inForce = v !== undefined;
  v ??= s.values.find((x) => x.value !== null);
  const index = v ? kommunIndex(v) : undefined;
  const rates = kommunKeys(name).map((k) => index?.get(k)).find((r) => r !== undefined);
  return rates ? { rates, inForce } : undefined;
}

/** "ÖSTERSUND" → "Östersund", "MALUNG-SÄLEN" → "Malung-Sälen" (the table is in capitals). */
export const kommunDisplayName = (name: string): string => name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());

/**
 * The kommun a misspelt name most likely means ("Östersunds" → "Östersund", "Upplandsväsby" →
 * "Upplands Väsby"): the nearest name within two edits, or one the name starts with.
 * @returns the display name, or undefined when nothing is close
 */
export function suggestKommun(catalog: Catalog, name: string): string | undefined {
  const s = series(catalog, PER_KOMMUN);
  const v = [...s.values].reverse().find((x) => x.value !== null);
  if (!v) return undefined;
  const f = foldKommun(name).replace(/ /g, '');
  let best: { name: string; d: number } | undefined;
  for (const raw of Object.keys(v.value as Record<string, unknown>)) {
    const k = foldKommun(raw).replace(/ /g, '');
    const d = f.startsWith(k) && k.length >= 4 ? 1 : editDistance(f, k);
    if (d <= 2 && (!best || d < best.d)) best = { name: raw, d };
  }
  return best && kommunDisplayName(best.name);
}

/** Every kommun name in the latest per-kommun table, for the template's drop-down list. */
export function kommunNames(catalog: Catalog): string[] {
  const s = catalog.series.get(PER_KOMMUN);
  const v = s && [...s.values].reverse().find((x) => x.value !== null);
  return v ? Object.keys(v.value as Record<string, unknown>).map(kommunDisplayName) : [];
}


const displayCache = new WeakMap<Catalog, Map<string, string>>();

/**
 * The display name of a kommun as the tax table spells it ("karlstad", "KARLSTADS KOMMUN" →
 * "Karlstad"), so members written differently are one member.
 * @returns undefined for a name not in the table
 */
export function kommunDisplay(catalog: Catalog, name: string): string | undefined {
  let m = displayCache.get(catalog);
  if (!m) {
    m = new Map(kommunNames(catalog).map((n) => [foldKommun(n), n] as const));
    displayCache.set(catalog, m);
  }
  return kommunKeys(name).map((k) => m!.get(k)).find((n) => n !== undefined);
}

/** The catalogue series holding folkmängd per kommun (SCB, 31 december). */
export const POPULATION = 'params.befolkning.folkmangd_per_kommun';

/** A kommun's folkmängd and the day it refers to. */
export interface KommunPopulation {
  folkmangd: number;
  avser: string;
}

/**
 * A kommun's folkmängd from the population table in force on `date` (for financing keys that split
 * the kommuner's share by population).
 * @returns undefined for a kommun the table lacks (the caller refuses it, never guesses)
 */
export function kommunPopulation(catalog: Catalog, date: string, name: string): KommunPopulation | undefined {
  const keys = kommunKeys(name);
  for (const [raw, row] of Object.entries(tableAt<KommunPopulation>(catalog, POPULATION, date) ?? {})) {
    if (keys.includes(foldKommun(raw))) return { folkmangd: Number(row.folkmangd), avser: String(row.avser) };
  }
  return undefined;
}

/** The table in force on `date` of a series, or undefined when the catalogue lacks it. */
function tableAt<T>(catalog: Catalog, id: string, date: string): Record<string, T> | undefined {
  let v: DatedValue | undefined;
  for (const x of catalog.series.get(id)?.values ?? []) if (x.validFrom <= date && x.value !== null) v = x;
  return v?.value as Record<string, T> | undefined;
}

/**
 * The region (län name, "Värmland") a kommun belongs to: the first two digits of its kommunkod
 * (params.utjamning.kommunkod) in params.region.lan. For member regions (method §5.2).
 * @returns undefined for a kommun without a code, or a catalogue without the tables
 */
export function kommunRegion(catalog: Catalog, date: string, kommun: string): string | undefined {
  const codes = tableAt<{ kod: string }>(catalog, 'params.utjamning.kommunkod', date);
  const lan = tableAt<{ namn: string }>(catalog, 'params.region.lan', date);
  const keys = kommunKeys(kommun);
  const code = Object.entries(codes ?? {}).find(([k]) => keys.includes(foldKommun(k)))?.[1].kod;
  return code ? lan?.[code.slice(0, 2)]?.namn : undefined;
}

/** The region names of params.region.lan ("Värmland", …), for member regions in a financing key. */
export function regionNames(catalog: Catalog, date: string): string[] {
  return Object.values(tableAt<{ namn: string }>(catalog, 'params.region.lan', date) ?? {}).map((x) => x.namn);
}

/**
 * A project's financing key (method §5.2): a catalogue key (`finsam`) or shares per actor, where
 * the kommun's share may be named per member kommun (`kommun:Karlstad: 0.15`) or split between
 * members by population (`kommun: { andel: 0.25, fordelning: befolkning, medlemmar: [...] }`).
 * Member shares are normalised to `kommun:<display name>` keys; the shares sum to 1.
 */
import type { Catalog } from '../catalog/types.js';
import { foldKommun, kommunDisplay, kommunPopulation, regionNames, suggestKommun } from '../catalog/kommun.js';
import { closest } from '../util/closest.js';
import { referenceDate } from '../catalog/value-at.js';
import type { ProblemList } from '../util/errors.js';
import type { Financing } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a financing key is read against: the catalogue, the price year and the participants' kommuner. */
export interface FinancingContext {
  catalog: Catalog;
  priceYear: number;
  /** Kommun names of the participants (attributes.kommun), the default members of a population split. */
  participantKommuner: string[];
}

/** The actor a financing key's member kommuner belong to (the receiver of the kommunal tax). */
export const memberActor = (catalog: Catalog): string => catalog.roles.kommunalskatt ?? 'kommun';

/** `kommun:Karlstad` → { actor: kommun, name: Karlstad }, `region:Värmland` likewise; undefined for no member. */
export function memberOf(catalog: Catalog, key: string): { actor: string; name: string } | undefined {
  for (const actor of [memberActor(catalog), catalog.roles.regionskatt]) {
    const prefix = `${actor}:`;
    if (key.toLowerCase().startsWith(prefix.toLowerCase())) return { actor, name: key.slice(prefix.length).trim() };
  }
  return undefined;
}

const POPULATION_KEYS = ['andel', 'fordelning', 'medlemmar'];

/** Reads a financing key; every problem goes to `p` with its path. */
export function readFinancing(v: unknown, path: string, ctx: FinancingContext, p: ProblemList): Financing | undefined {
  const { catalog } = ctx;
  if (typeof v === 'string') {
    if (catalog.financing.has(v)) return v;
    p.error(path, `okänd finansieringsnyckel; finns: ${[...catalog.financing.keys()].join(', ')}`, `unknown financing key; available: ${[...catalog.financing.keys()].join(', ')}`, v);
    return undefined;
  }
  if (!isObj(v)) {
    p.error(path, 'ange en finansieringsnyckel (t.ex. "finsam") eller andelar per aktör', 'give a financing key (e.g. "finsam") or shares per actor', v);
    return undefined;
  }
  const actorIds = new Set(catalog.actors.map((a) => a.id));
  const kommun = memberActor(catalog);
  const shares: Record<string, number> = {};
  let total = 0;
  const add = (key: string, s: number): void => {
    shares[key] = (shares[key] ?? 0) + s;
  };
  for (const [key, raw] of Object.entries(v)) {
    const at = `${path}.${key}`;
    const member = memberOf(catalog, key);
    if (key === kommun && isObj(raw)) {
      const split = populationSplit(raw, at, ctx, p);
      if (split) for (const [m, s] of Object.entries(split)) add(`${kommun}:${m}`, s);
      // An unreadable split is reported on its own; its andel still counts towards the sum.
      if (typeof raw.andel === 'number') total += raw.andel;
      continue;
    }
    if (member === undefined && !actorIds.has(key)) {
      p.error(at, `okänd aktör; finns: ${[...actorIds].join(', ')} (en medlemskommun skrivs ${kommun}:Namn)`, `unknown actor; available: ${[...actorIds].join(', ')} (a member kommun is written ${kommun}:Name)`, key);
      continue;
    }
    const s = share(raw, at, p);
    if (s === undefined) continue;
    total += s; // counted even for an unknown member, so the sum is not a second error
    if (member === undefined) {
      add(key, s);
      continue;
    }
    const name = member.actor === kommun ? knownKommun(member.name, at, ctx, p) : knownRegion(member.name, at, ctx, p);
    if (name) add(`${member.actor}:${name}`, s);
  }
  // One way to say an actor's share: for the whole kommun (region) or per member, not both.
  for (const actor of [kommun, catalog.roles.regionskatt]) {
    if (shares[actor] !== undefined && Object.keys(shares).some((k) => k.startsWith(`${actor}:`))) {
      const sv = (catalog.actors.find((a) => a.id === actor)?.label ?? actor).toLowerCase();
      p.error(`${path}.${actor}`, `${sv}s andel anges antingen för hela ${sv} eller per medlem (${actor}:Namn), inte båda`, `give ${actor}'s share either as a whole or per member (${actor}:Name), not both`, shares[actor]);
    }
  }
  if (Math.abs(total - 1) > 1e-6) p.error(path, 'andelarna ska summera till 1', 'shares must sum to 1', Number(total.toFixed(6)));
  return shares;
}

function share(v: unknown, path: string, p: ProblemList): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    p.error(path, 'en andel mellan 0 och 1 krävs', 'a share between 0 and 1 is required', v);
    return undefined;
  }
  return v;
}

/** A member kommun's display name, or an error with a suggestion. */
function knownKommun(name: string, path: string, ctx: FinancingContext, p: ProblemList): string | undefined {
  const found = kommunDisplay(ctx.catalog, name);
  if (found) return found;
  const hint = suggestKommun(ctx.catalog, name);
  p.error(path,
    hint ? `okänd medlemskommun; menade du ${hint}?` : 'okänd medlemskommun (ange kommunens namn som i Skatteverkets tabell, t.ex. "Karlstad")',
    hint ? `unknown member kommun; did you mean ${hint}?` : 'unknown member kommun (give its name as in Skatteverket\'s table, e.g. "Karlstad")', name);
  return undefined;
}

/** A member region's name as params.region.lan spells it ("värmland" → "Värmland"), or an error listing them. */
function knownRegion(name: string, path: string, ctx: FinancingContext, p: ProblemList): string | undefined {
  const names = regionNames(ctx.catalog, referenceDate(ctx.priceYear));
  const found = names.find((n) => foldKommun(n) === foldKommun(name.replace(/^region\s+/i, '')));
  if (found) return found;
  const hint = closest(name, names);
  p.error(path,
    `okänd medlemsregion${hint ? `; menade du ${hint}?` : ''} (regionerna i data/params/region/lan.yaml: ${names.join(', ')})`,
    `unknown member region${hint ? `; did you mean ${hint}?` : ''} (the regions in data/params/region/lan.yaml: ${names.join(', ')})`, name);
  return undefined;
}

/**
 * `kommun: { andel, fordelning: befolkning, medlemmar? }`: the kommun's share split between the
 * members in proportion to their folkmängd (data/params/befolkning). Members default to the
 * participants' kommuner.
 * @example andel 0.25 over Karlstad 97 233, Hammarö 16 940, Grums 9 057 (Σ 123 230):
 *   Karlstad 0.25 × 97 233 / 123 230 = 0.19726
 */
function populationSplit(v: Obj, path: string, ctx: FinancingContext, p: ProblemList): Record<string, number> | undefined {
  for (const k of Object.keys(v)) if (!POPULATION_KEYS.includes(k)) p.error(`${path}.${k}`, `okänd nyckel; tillåtna: ${POPULATION_KEYS.join(', ')}`, `unknown key; allowed: ${POPULATION_KEYS.join(', ')}`, k);
  if (v.fordelning !== 'befolkning') {
    p.error(`${path}.fordelning`, 'ska vara befolkning (andelen fördelas efter folkmängd), eller ange andelar per medlem som kommun:Namn', 'must be befolkning (the share is split by population), or give shares per member as kommun:Name', v.fordelning);
    return undefined;
  }
  const andel = share(v.andel, `${path}.andel`, p);
  let names: string[];
  if (v.medlemmar === undefined) {
    names = ctx.participantKommuner;
    if (names.length === 0) {
      p.error(`${path}.medlemmar`, 'inga deltagare har en kommun; ange medlemmar: [Kommun, …]', 'no participant has a kommun; give medlemmar: [Kommun, …]');
      return undefined;
    }
  } else if (!Array.isArray(v.medlemmar) || v.medlemmar.length === 0) {
    p.error(`${path}.medlemmar`, 'ska vara en lista med kommuner', 'must be a list of kommuner', v.medlemmar);
    return undefined;
  } else names = v.medlemmar.map(String);
  const date = referenceDate(ctx.priceYear);
  const rows: { name: string; folkmangd: number; avser: string }[] = [];
  const seen = new Set<string>();
  names.forEach((n, i) => {
    const at = v.medlemmar === undefined ? `${path}.medlemmar` : `${path}.medlemmar[${i}]`;
    const name = knownKommun(n, at, ctx, p);
    if (!name || seen.has(name)) return;
    seen.add(name);
    const pop = kommunPopulation(ctx.catalog, date, name);
    if (!pop) {
      p.error(at, `folkmängd saknas för ${name} i data/params/befolkning/folkmangd_per_kommun.yaml; lägg till den med källa eller ange andelar per medlem (kommun:${name}: 0.1)`, `no folkmängd for ${name} in data/params/befolkning/folkmangd_per_kommun.yaml; add it with a source or give shares per member (kommun:${name}: 0.1)`, n);
      return;
    }
    rows.push({ name, ...pop });
  });
  if (andel === undefined || rows.length !== seen.size || rows.length === 0) return undefined;
  const days = [...new Set(rows.map((r) => r.avser))];
  if (days.length > 1) p.warn(`${path}.medlemmar`, `folkmängden avser olika dagar (${days.join(', ')}); andelarna bygger på olika mätningar`, `the populations refer to different days (${days.join(', ')}); the shares rest on different counts`);
  const sum = rows.reduce((s, r) => s + r.folkmangd, 0);
  return Object.fromEntries(rows.map((r) => [r.name, (andel * r.folkmangd) / sum]));
}

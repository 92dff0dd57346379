/**
 * The catalogue (kostnadskatalog, method §3): actors, groups, financing keys, indices,
 * parameters and items, each value dated and sourced. Parsed from `data/` by `parseCatalog`.
 */
import type { Category } from '../vocabulary.js';

/** Data-quality status of a catalogue value: verified in a source, derived by a rule, or an estimate. */
export type Status = 'verified' | 'derived' | 'estimate';
export const STATUSES: readonly Status[] = ['verified', 'derived', 'estimate'];

/** Closed list of units (method §3). */
export const UNITS = [
  'kr', 'kr/manad', 'kr/dag', 'kr/besok', 'kr/dygn', 'kr/timme', 'kr/ar', 'kr/vecka',
  'procent', 'andel', 'pbb', 'index', 'dagar', 'tabell',
] as const;
/** A catalogue unit from the closed list. */
export type Unit = (typeof UNITS)[number];

/** Units of the fields of a `tabell` parameter (one unit per field, in the file's `metadata.fields`). */
export const FIELD_UNITS = ['kr', 'kr/manad', 'kr/dag', 'kr/ar', 'procent', 'andel', 'faktor', 'pbb', 'ibb', 'dagar', 'veckor', 'ar', 'antal', 'text'] as const;
/** A field unit from the closed list. */
export type FieldUnit = (typeof FIELD_UNITS)[number];

/** One field of a `tabell` parameter: a unit, or nested fields; `optional` may be absent, `nullable` may be null. */
export interface FieldSpec {
  unit?: FieldUnit;
  fields?: Record<string, FieldSpec>;
  /** A map of any names (kommuner, län) to values of this unit. */
  map?: FieldUnit;
  optional?: boolean;
  nullable?: boolean;
}

/**
 * How a `tabell` value is laid out: one object of fields, a list of such rows, a map name → row, or
 * a map name → one value (`values`: the single declared field gives the values' unit).
 */
export const TABLE_SHAPES = ['object', 'list', 'map', 'values'] as const;
export type TableShape = (typeof TABLE_SHAPES)[number];

/** What a line's `perMonth` counts for an item. */
export const QUANTITIES = ['manad', 'dag', 'kalenderdag', 'besok', 'dygn', 'timme'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** Where a value comes from: title, address and the date it was read. */
export interface Source {
  title: string;
  href: string;
  retrieved: string;
}

/** One dated value of a series. `value` is a number, or a structured table for `tabell` units. */
export interface DatedValue<T = unknown> {
  /** Valid-from date, `YYYY-MM-DD`. */
  validFrom: string;
  value: T;
  /** Price year of the value (for money); omitted for rates and indices. */
  priceYear?: number;
  status: Status;
  source: Source;
  note?: string;
}

/** A parameter or index series: `params.skatt.skiktgrans`, `index.prisbasbelopp`. */
export interface Series<T = unknown> {
  id: string;
  file: string;
  description: string;
  label: string;
  unit: Unit;
  /** Values sorted by validFrom ascending. */
  values: DatedValue<T>[];
  reviewed?: string;
  /** For `tabell`: the fields of every value and their units (checked at load). */
  fields?: Record<string, FieldSpec>;
  /** For `tabell`: the layout of every value (default `object`). */
  shape?: TableShape;
}

export type ItemKind = 'transfer' | 'real' | 'wage';

/** A catalogue item (post): turns a line into postings. */
export interface Item {
  id: string;
  file: string;
  description: string;
  label: string;
  labelEn?: string;
  unit: Unit;
  quantity: Quantity;
  /** Default quantity per month when a line gives none (1 for `manad`; a parameter id or number otherwise). */
  defaultPerMonth: number | string;
  kind: ItemKind;
  category: Category;
  /** Transfer: the actor paying. Real: the actor bearing the cost. Wage: the subsidising actor (if any). */
  payer?: string;
  /** Transfer: the actor receiving (usually `individ`). */
  receiver?: string;
  /** Subject to income tax for the receiver. */
  taxable: boolean;
  /** Basis for allmän pensionsavgift. */
  pensionable: boolean;
  /** Counts toward jobbskatteavdrag: arbetsinkomst, and SA/AE (whose own skattereduktion is modelled as the same formula). */
  earned: boolean;
  /** Index id that uprates the item's values between price years (`none` for rule items). */
  uprating: string;
  /** Rule id computing the amount from parameters (see lib/engine/rules). */
  rule?: string;
  /** Parameter ids the rule reads, by role. */
  parameters: Record<string, string>;
  values: DatedValue<number>[];
  reviewed?: string;
}

/**
 * The roles the pricing rules post to, each held by exactly one actor in data/actors.yaml
 * (`roles:`): the participant (wages, income tax, taxable transfers), the receivers of the
 * kommunal and regional tax, the state (statlig skatt, arbetsgivaravgifter, the utjämning) and the
 * employer (the wage residual and subsidies).
 */
export const ACTOR_ROLES = ['individ', 'kommunalskatt', 'regionskatt', 'statligSkatt', 'arbetsgivare'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** An actor who pays or receives (method §1), from data/actors.yaml. */
export interface Actor {
  id: string;
  label: string;
  labelEn: string;
  description: string;
}

/** A group of actors (staten, offentligSektor, samhallet), from data/actors.yaml. */
export interface Group {
  id: string;
  label: string;
  labelEn: string;
  members: string[];
}

/** A financing key splitting the intervention cost between actors (data/financing/). */
export interface FinancingKey {
  id: string;
  label: string;
  description: string;
  shares: Record<string, number>;
  /**
   * The period the key covers (e.g. an ESF programme period), ISO dates, either end open. A cost
   * year is covered when its 1 July lies in the period; a year outside it is a project error.
   */
  from?: string;
  to?: string;
  source: Source;
  status: Status;
}

/** A target group (målgrupp) or kind of insats (insatstyp) in data/insatsklasser.yaml. */
export interface ClassPart {
  id: string;
  label: string;
  labelEn: string;
  definition: string;
}

/** The insatsklasser (issue 15): a class is `målgrupp/insatstyp`, both parts from these lists. */
export interface InsatsClasses {
  targetGroups: ClassPart[];
  kinds: ClassPart[];
}

/** The parsed catalogue: actors, groups, financing keys, parameter/index series and items by id. */
export interface Catalog {
  actors: Actor[];
  groups: Group[];
  /** The actor holding each role the pricing rules post to (data/actors.yaml `roles`). */
  roles: Record<ActorRole, string>;
  /** The usual funders shown beside society in headlines and charts, in order (data/actors.yaml `funders`). */
  funders: string[];
  financing: Map<string, FinancingKey>;
  series: Map<string, Series>;
  items: Map<string, Item>;
  /** Insatsklasser for classifying projects and reference entries (data/insatsklasser.yaml). */
  classes: InsatsClasses;
  /** The transition mapping for aggregated input (data/mappings/transitions.yaml), checked at load. */
  transitions?: TransitionMappingSource;
}

/**
 * The bundled transition mapping as checked at load (lib/catalog/transitions.ts): observation
 * months and, per försörjning category, its labels, aliases and catalogue lines. The model builds
 * its lookup structure from it (lib/model/transitions.ts `bundledMapping`).
 */
export interface TransitionMappingSource {
  /** The file, relative to data/ (`mappings/transitions.yaml`). */
  file: string;
  metadata: { months: number };
  categories: Record<string, { label?: string; label_en?: string; aliases?: string[]; note?: string; lines: Record<string, unknown>[] }>;
}

/** A catalogue value as resolved for a project: what the result rests on. */
export interface UsedValue {
  id: string;
  label: string;
  /** The value (uprated to the price year); null for a `tabell` parameter, whose fields are in `fields`. */
  value: number | null;
  /** A `tabell` parameter's fields as the catalogue gives them (rates, shares, multiples of pbb). */
  fields?: Record<string, unknown> | unknown[];
  unit: Unit;
  /** Price year the value is expressed in after uprating (the project's price year). */
  priceYear: number;
  /** The catalogue value's own price year / valid-from before uprating. */
  basePriceYear?: number;
  validFrom: string;
  status: Status;
  source: Source;
  note?: string;
  /**
   * Set when the project's `prices:` block replaced the catalogue value: `value`, `source` and
   * `status` are then the project's, and this keeps the catalogue's for the report.
   */
  override?: { catalogueValue: number; catalogueStatus: Status; catalogueSource: Source; amount: number; amountPriceYear: number };
}

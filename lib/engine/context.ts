/**
 * The pricing context: the catalogue resolved once for a project's price year — item unit
 * values uprated to the price year, rule parameters in force on the reference date, tax and
 * employer-fee parameters — and the registry of every catalogue value the result rests on.
 */
import { ACTOR_ROLES, type ActorRole, type Catalog, type DatedValue, type Item, type Series, type UsedValue } from '../catalog/types.js';
import { catalogGap, indexValue, paramAt, referenceDate, uprate, valueAt, series as seriesById } from '../catalog/value-at.js';
import type { Project } from '../model/types.js';
import { isWageRule } from '../catalog/rule-specs.js';
import { CATEGORIES, type Category } from '../vocabulary.js';
import type { Problem } from '../util/errors.js';
import { taxYearParams, type TaxYearParams } from './tax/tax-params.js';
import { employerFeeParams, type EmployerFeeParams } from './tax/employer-fee.js';
import { taxRatesFor } from './tax/rates.js';
import { hasUtjamning, UTJAMNING_PARAMS, utjamningRates, type UtjamningRates, type UtjamningRules } from './tax/utjamning.js';

/** An item resolved for the price year. */
export interface ResolvedItem {
  item: Item;
  /** Position in the ledger's item axis. */
  index: number;
  /** Kronor per quantity unit in the price year (items without a rule). */
  unitValue: number;
  defaultPerMonth: number;
  payer: number;
  receiver: number;
  category: number;
  /** A job line (kind `wage` or a wage rule): priced by `wageTerms`, not as a transfer. */
  isJob: boolean;
  /** Rule parameters in force on the reference date, by role. */
  params: Record<string, unknown>;
}

export interface PricingContext {
  catalog: Catalog;
  priceYear: number;
  /** Date on which dated values are read: 1 July of the price year. */
  refDate: string;
  actors: string[];
  actorIndex: Map<string, number>;
  /** Indices of the actors holding the roles the pricing rules post to (data/actors.yaml `roles`). */
  roles: Record<ActorRole, number>;
  categoryIndex: Map<Category, number>;
  items: string[];
  tax: TaxYearParams;
  employerFee: EmployerFeeParams;
  /** Monthly reference wage (full time) in the price year. */
  referenceWage: number;
  /** Kommunal tax rates (percent) by kommun name ('' = project default). */
  rates(kommun: string | undefined): { kommun: number; region: number };
  resolveItem(id: string): ResolvedItem;
  /** Index of a user-defined line's pseudo-item `egen:<label>`. */
  egenIndex(label: string): number;
  /** Marginal utjämning rates for a participant's kommun; undefined when the catalogue has none. */
  utjamning(kommun: string | undefined): UtjamningRates | undefined;
  /** Years between income and utjämning (0 when the catalogue has no utjämning parameters). */
  utjamningLag: number;
  /** Index of the pseudo-item `utjamning:inkomstutjamning` (the lagged postings). */
  utjamningIndex(): number;
  /** Registers a parameter/index value the result rests on and returns it. */
  use<T>(id: string, date?: string): T;
  usedValues(): UsedValue[];
  /** Notes on how catalogue values were applied (e.g. a later value deflated to the price year). */
  warnings: Problem[];
}

/**
 * Tax parameter series the income-tax rule reads. The kommunal tax rate is not among them: the
 * rate a participant is taxed at (own kommun, the project's taxRates or the national average) is
 * registered by `rates` when used, so a result lists only the rate it rests on.
 */
const TAX_SERIES = [
  'params.skatt.grundavdrag', 'params.skatt.jobbskatteavdrag', 'params.skatt.skiktgrans', 'params.skatt.statlig_skattesats',
  'params.skatt.allman_pensionsavgift', 'params.skatt.skattereduktion_forvarvsinkomst', 'params.skatt.public_service_avgift',
  'params.skatt.arbetsgivaravgift', 'params.skatt.arbetsgivaravgift_unga',
];

export function createContext(catalog: Catalog, project: Pick<Project, 'priceYear' | 'taxRates' | 'referenceWage' | 'utjamning' | 'prices'>): PricingContext {
  const priceYear = project.priceYear;
  const refDate = referenceDate(priceYear);
  const actors = catalog.actors.map((a) => a.id);
  const actorIndex = new Map(actors.map((a, i) => [a, i] as const));
  // parseCatalog guarantees every role an actor; a hand-built catalogue may not.
  const roleIndex = (role: ActorRole): number => {
    const i = actorIndex.get(catalog.roles?.[role] ?? '');
    if (i === undefined) throw catalogGap('actors.yaml', 'actors', `ingen aktör har rollen ${role}`, `no actor has the role ${role}`, role);
    return i;
  };
  const roles = Object.fromEntries(ACTOR_ROLES.map((r) => [r, roleIndex(r)])) as Record<ActorRole, number>;
  const categoryIndex = new Map(CATEGORIES.map((c, i) => [c, i] as const));
  const items: string[] = [];
  const resolved = new Map<string, ResolvedItem>();
  const used = new Map<string, UsedValue>();
  const warnings: Problem[] = [];

  const register = (s: Pick<Series, 'id' | 'label' | 'unit' | 'file'>, v: DatedValue, value: number | null, priceYearOut: number): void => {
    if (used.has(s.id)) return;
    const fields = value === null && v.value !== null && typeof v.value === 'object' ? { fields: v.value as Record<string, unknown> | unknown[] } : {};
    used.set(s.id, {
      id: s.id, label: s.label, value, ...fields, unit: s.unit, priceYear: priceYearOut, basePriceYear: v.priceYear,
      validFrom: v.validFrom, status: v.status, source: v.source, note: v.note,
    });
  };
  const use = <T,>(id: string, date = refDate): T => {
    const s = seriesById(catalog, id);
    if (id.startsWith('index.')) {
      const value = indexValue(catalog, id, priceYear);
      const v = s.values.find((x) => x.validFrom.startsWith(`${priceYear}-`))!;
      register(s, v, value, priceYear);
      return value as T;
    }
    const v = paramAt<T>(catalog, id, date);
    register(s, v as DatedValue, typeof v.value === 'number' ? v.value : null, v.priceYear ?? priceYear);
    return v.value;
  };
  for (const id of TAX_SERIES) if (catalog.series.has(id)) use(id);
  use('index.prisbasbelopp');
  use('index.inkomstbasbelopp');

  const refWageSeries = seriesById(catalog, 'params.referenslon');
  const refWageValue = paramAt<number>(catalog, 'params.referenslon', refDate);
  const referenceWage = project.referenceWage ?? uprate(catalog, refWageValue.value, 'index.inkomstbasbelopp', refWageValue.priceYear ?? priceYear, priceYear);
  if (project.referenceWage === undefined) register(refWageSeries, refWageValue as DatedValue, referenceWage, priceYear);

  const rateCache = new Map<string, { kommun: number; region: number }>();
  const rates = (kommun: string | undefined): { kommun: number; region: number } => {
    const key = kommun ?? '';
    let r = rateCache.get(key);
    if (!r) {
      const found = taxRatesFor(catalog, priceYear, kommun, project.taxRates);
      if (found.source === 'kommun') use('params.skatt.kommunalskatt_per_kommun');
      else if (found.source === 'medel') use('params.skatt.kommunalskatt_medel');
      r = { kommun: found.kommun, region: found.region };
      rateCache.set(key, r);
    }
    return r;
  };

  const resolveItem = (id: string): ResolvedItem => {
    let r = resolved.get(id);
    if (r) return r;
    const item = catalog.items.get(id);
    if (!item) throw new Error(`resolveItem: unknown item ${id} (validation should have caught it)`);
    const params: Record<string, unknown> = {};
    for (const [role, pid] of Object.entries(item.parameters)) params[role] = use(pid);
    let unitValue = NaN;
    if (item.values.length > 0) {
      const v = valueAt(item.values, refDate)!;
      const base = v.priceYear ?? priceYear;
      if (v.validFrom > refDate) {
        // No value in force yet: the earliest one is deflated by the item's index (never silently).
        warnings.push({
          severity: 'warning', file: `data/${item.file}`, path: `values.${v.validFrom}`,
          sv: `${id}: inget värde gäller ${refDate}; värdet från ${v.validFrom} räknas om till ${priceYear} med ${item.uprating}`,
          en: `${id}: no value in force on ${refDate}; the value from ${v.validFrom} is converted to ${priceYear} with ${item.uprating}`,
        });
      }
      // `none`: a nominal amount (e.g. etableringsersättning) — the value in force is used as is.
      unitValue = item.uprating === 'none' ? v.value : uprate(catalog, v.value, item.uprating, base, priceYear);
      const own = project.prices?.[id];
      if (own) {
        // The project's own price (issue 10): uprated from its price year with the item's index,
        // sourced by the project; the catalogue's value is kept beside it for the report.
        const catalogueValue = unitValue;
        unitValue = item.uprating === 'none' ? own.amount : uprate(catalog, own.amount, item.uprating, own.priceYear, priceYear);
        used.set(id, {
          id, label: item.label, value: unitValue, unit: item.unit, priceYear, basePriceYear: own.priceYear,
          validFrom: refDate, status: 'verified', source: { title: own.source, href: '', retrieved: '' },
          override: { catalogueValue, catalogueStatus: v.status, catalogueSource: v.source, amount: own.amount, amountPriceYear: own.priceYear },
        });
      } else {
        used.set(id, {
          id, label: item.label, value: unitValue, unit: item.unit, priceYear, basePriceYear: v.priceYear,
          validFrom: v.validFrom, status: v.status, source: v.source, note: v.note,
        });
      }
    } else if (!item.rule) {
      throw catalogGap(item.file, 'values', 'posten saknar värde', 'the item has no value', id);
    }
    let defaultPerMonth = 1;
    if (typeof item.defaultPerMonth === 'number') defaultPerMonth = item.defaultPerMonth;
    else defaultPerMonth = use<number>(item.defaultPerMonth);
    const actor = (a: string | undefined): number => (a === undefined ? -1 : actorIndex.get(a) ?? -1);
    r = {
      item, index: items.length, unitValue, defaultPerMonth,
      payer: actor(item.payer), receiver: actor(item.receiver), category: categoryIndex.get(item.category)!,
      isJob: item.kind === 'wage' || isWageRule(item.rule), params,
    };
    items.push(id);
    resolved.set(id, r);
    return r;
  };

  const egen = new Map<string, number>();
  const egenIndex = (label: string): number => egenIndexOf(`egen:${label}`);
  /** A pseudo-item on the item axis (user lines, the utjämning), added once. */
  function egenIndexOf(key: string): number {
    let i = egen.get(key);
    if (i === undefined) {
      i = items.length;
      items.push(key);
      egen.set(key, i);
    }
    return i;
  }

  // Kommunalekonomisk utjämning: priced for every project (so a sensitivity can switch it on);
  // its parameters count as used only when the project switches it on.
  const withUtjamning = hasUtjamning(catalog);
  if (withUtjamning && project.utjamning) for (const id of Object.values(UTJAMNING_PARAMS)) use(id);
  const utjamningLag = withUtjamning ? paramAt<UtjamningRules>(catalog, UTJAMNING_PARAMS.rules, refDate).value.fordrojningAr : 0;
  const utjCache = new Map<string, UtjamningRates>();
  const utjamning = (kommun: string | undefined): UtjamningRates | undefined => {
    if (!withUtjamning) return undefined;
    const key = kommun ?? '';
    let r = utjCache.get(key);
    if (!r) {
      r = utjamningRates(catalog, refDate, kommun, project.utjamning?.skattekraft);
      utjCache.set(key, r);
    }
    return r;
  };
  const utjamningIndex = (): number => egenIndexOf('utjamning:inkomstutjamning');

  return {
    catalog, priceYear, refDate, actors, actorIndex, roles, categoryIndex, items, utjamning, utjamningLag, utjamningIndex,
    tax: taxYearParams(catalog, priceYear, refDate),
    employerFee: employerFeeParams(catalog, priceYear, refDate),
    referenceWage, rates, resolveItem, egenIndex, use, warnings,
    usedValues: () => [...used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

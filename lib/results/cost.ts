/**
 * The intervention cost (insatskostnad), method §5: total or by year, split between actors by a
 * financing key from the catalogue (e.g. `finsam` = fk 50 %, region 25 %, kommun 25 %) or by
 * explicit shares; each year's cost is discounted by 1/(1 + r)^(year − 1).
 */
import type { Catalog } from '../catalog/types.js';
import type { Financing, InterventionCost } from '../model/types.js';
import { discounted } from './horizon.js';

/** The actor a share belongs to: a member's share (`kommun:Karlstad`) is its actor's (`kommun`). */
export const shareActor = (key: string): string => key.split(':')[0];

/** The shares as given, member keys (`kommun:Karlstad`) included. @throws Error on an unknown key (validated earlier) */
export function keyShares(catalog: Catalog, financing: Financing): Record<string, number> {
  if (typeof financing !== 'string') return financing;
  const key = catalog.financing.get(financing);
  if (!key) throw new Error(`financingShares: unknown financing key ${financing}`);
  return key.shares;
}

/** Shares per actor of a financing key or explicit share map, members' shares added to their actor's. */
export function financingShares(catalog: Catalog, financing: Financing): Record<string, number> {
  const shares = keyShares(catalog, financing);
  if (!Object.keys(shares).some((k) => k.includes(':'))) return shares;
  const out: Record<string, number> = {};
  for (const [k, s] of Object.entries(shares)) out[shareActor(k)] = (out[shareActor(k)] ?? 0) + s;
  return out;
}

/**
 * Discounted cost per member named in the financing (`kommun:Karlstad` → kronor), over all cost
 * years; a year whose key names no members adds nothing here (its actor cost is unallocated).
 */
export function memberCosts(catalog: Catalog, cost: InterventionCost, discountRate: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const y of costYears(cost)) {
    const pv = discounted(y.amount, y.year, discountRate);
    for (const [k, s] of Object.entries(keyShares(catalog, y.financing ?? cost.financing))) if (k.includes(':')) out.set(k, (out.get(k) ?? 0) + pv * s);
  }
  return out;
}

/** The cost's years: `byYear`, or the total as year 1. */
const costYears = (cost: InterventionCost) => cost.byYear ?? [{ year: 1, amount: cost.total ?? 0, financing: undefined }];

/**
 * Discounted cost per actor.
 * @returns actor id → kronor (present value at the start of year 1)
 */
export function costByActor(catalog: Catalog, cost: InterventionCost, actors: readonly string[], discountRate: number): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(actors.map((a) => [a, 0]));
  for (const y of costYears(cost)) {
    const shares = financingShares(catalog, y.financing ?? cost.financing);
    const pv = discounted(y.amount, y.year, discountRate);
    for (const [actor, share] of Object.entries(shares)) out[actor] += pv * share;
  }
  return out;
}

/** Actors that carry a share of the intervention cost in any of its financing keys (catalogue actor order). */
export function fundersOf(catalog: Catalog, cost: InterventionCost): string[] {
  const ids = new Set<string>();
  for (const f of [cost.financing, ...(cost.byYear ?? []).map((y) => y.financing)]) {
    if (f === undefined) continue;
    for (const [actor, share] of Object.entries(financingShares(catalog, f))) if (share > 0) ids.add(actor);
  }
  return catalog.actors.map((a) => a.id).filter((id) => ids.has(id));
}

/** The undiscounted total of an intervention cost (total, or the sum of its years). */
export function totalCost(cost: InterventionCost): number {
  return cost.byYear ? cost.byYear.reduce((s, y) => s + y.amount, 0) : cost.total ?? 0;
}

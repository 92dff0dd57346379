/**
 * Member kommuner (method §5.2): a förbund's kommun actor split by the participants' `kommun`
 * attribute into members `kommun:<namn>` whose effects and costs sum to the kommun actor's. A
 * member's effect is its participants' change in the kommun's net (comparison group scaled to its
 * weight, dödvikt, the utjämning when counted — as for every actor, through horizon.ts); its cost
 * is its share in the financing key, or, where the key gives the kommun's share without naming
 * members, that share split by participants. Disclosure: a member with 0 < participants < the
 * threshold is withheld, and so is any member whose figures the others' would reveal.
 */
import type { Catalog } from '../catalog/types.js';
import { kommunDisplay, kommunRegion } from '../catalog/kommun.js';
import { referenceDate } from '../catalog/value-at.js';
import type { Ledger } from '../engine/ledger.js';
import { laggedStream } from '../engine/lagged.js';
import { costByActor, memberCosts } from './cost.js';
import type { Assumptions } from './evaluate.js';
import { adjustedEffect, benefitOver, comparisonScale, payback, yearlyStream, type Payback } from './horizon.js';
import type { HorizonResult } from './result.js';
import { InputError } from '../util/errors.js';

/** Why a member's figures are withheld: too few participants, or they would follow from the others'. */
export type Withheld = 'fewParticipants' | 'complement';

/** One member kommun's result (figures null when withheld). */
export interface MemberResult {
  /** `kommun:Karlstad`; `kommun:?` for participants without a kommun; `kommun:ovriga` for the merged rest. */
  id: string;
  /** Display name ("Karlstad"); null for participants without a kommun and for the merged rest. */
  name: string | null;
  /** Weighted participants. */
  participants: number;
  withheld: Withheld | null;
  annualEffect: number | null;
  cost: number | null;
  yearly: number[] | null;
  horizons: Record<string, HorizonResult> | null;
  payback: Payback | null;
}

/** The actors split into members: the kommun (by the participant's kommun) and the region (by its län). */
export type MemberRole = 'kommunalskatt' | 'regionskatt';

/** The members of a project's kommun (or region) actor. */
export interface MembersResult {
  /** The actor split into members (the receiver of the kommunal tax, `kommun`, or of the regional tax). */
  actor: string;
  role: MemberRole;
  /** The disclosure threshold applied. */
  threshold: number;
  /** How member costs were set: by the key's member shares, by participants, or both (by year). */
  costBasis: 'key' | 'participants' | 'mixed' | 'none';
  /** Members by name (participants without a kommun last), then `övriga medlemmar` when any is withheld. */
  members: MemberResult[];
}

/** Id of the row that merges withheld members. */
export const OTHER_MEMBERS = 'ovriga';

/**
 * A member's sums: weight, year-1 change and lagged change in the actor's net, and, for participants
 * observed after year 1 (method §5.1), their weight and yearly changes by last observed year.
 */
interface Raw { key: string; name: string | null; w: number; change: number; lagged: number; later: Map<number, { w: number; path: number[] }> }

/** Sums of several members (the merged "övriga medlemmar"). */
function sumRaw(rs: Raw[]): Omit<Raw, 'key' | 'name'> {
  const later = new Map<number, { w: number; path: number[] }>();
  for (const r of rs) for (const [k, g] of r.later) {
    const into = later.get(k) ?? { w: 0, path: g.path.map(() => 0) };
    into.w += g.w;
    g.path.forEach((x, t) => { into.path[t] += x; });
    later.set(k, into);
  }
  const sum = (f: (r: Raw) => number) => rs.reduce((s, r) => s + f(r), 0);
  return { w: sum((r) => r.w), change: sum((r) => r.change), lagged: sum((r) => r.lagged), later };
}

/**
 * Whether members can be shown: with follow-up years and the utjämning both counted, the lagged
 * utjämning of the later years is kept per follow-up group, not per participant, so a member's
 * share of it is not known and the members would not sum to the actor.
 */
export function membersSupported(ledger: Ledger, a: Assumptions): boolean {
  return !(a.utjamning !== undefined && (ledger.lagYears ?? 0) > 0 && ledger.rows.followUps !== undefined);
}

/** Refuses a request for members (`--per-kommun`) that `membersSupported` rules out. */
export function checkMembersSupported(ledger: Ledger, a: Assumptions): void {
  if (membersSupported(ledger, a)) return;
  throw new InputError([{
    severity: 'error', file: '--per-kommun', path: '',
    sv: 'redovisning per medlemskommun går inte ännu när projektet har både uppföljningsår (efter2/efter3) och utjämning: utjämningen för senare år är inte känd per kommun; ta bort --per-kommun eller utjamning',
    en: 'results per member kommun are not yet available when the project has both follow-up years (efter2/efter3) and the utjämning: the utjämning of later years is not known per kommun; drop --per-kommun or utjamning',
  }]);
}

/**
 * Whether a project has members to show unasked: its financing names members of the actor, or
 * its participants live in two or more kommuner (regions).
 */
export function hasMembers(ledger: Ledger, a: Assumptions, catalog: Catalog, role: MemberRole = 'kommunalskatt'): boolean {
  if (!membersSupported(ledger, a)) return false;
  if ([...memberCosts(catalog, a.cost, 0).keys()].some((k) => k.startsWith(`${catalog.roles[role]}:`))) return true;
  return new Set(ledger.rows.attributes.map((x) => memberKey(catalog, x.kommun, role, ledger.priceYear))).size > 1;
}

/** A participant's member: its kommun's display name, or its kommun's region; '?' when unknown. */
const memberKey = (catalog: Catalog, kommun: string | undefined, role: MemberRole, priceYear: number): string => {
  const t = kommun?.trim();
  if (!t) return '?';
  if (role === 'regionskatt') return kommunRegion(catalog, referenceDate(priceYear), t) ?? '?';
  return kommunDisplay(catalog, t) ?? t;
};

/**
 * Each member's effect, cost, horizons and payback, with the disclosure rule applied.
 * @param threshold the smallest group shown (project.disclosureThreshold)
 */
export function memberResults(ledger: Ledger, a: Assumptions, catalog: Catalog, threshold: number, role: MemberRole = 'kommunalskatt'): MembersResult {
  const actor = catalog.roles[role];
  const k = ledger.actors.indexOf(actor);
  const nA = ledger.actors.length;
  const { rows, comparison: C } = ledger;
  const lag = ledger.lagYears ?? 0;
  const withLag = a.utjamning !== undefined && lag > 0 && rows.laggedFore !== undefined && rows.laggedEfter !== undefined;

  // The comparison group's total change in the actor's net (main and lagged), scaled per member below.
  let cMain = 0, cLag = 0;
  if (C && C.weight > 0) {
    const nC = ledger.categories.length;
    for (let i = 0; i < ledger.items.length; i++) for (let c = 0; c < nC; c++) {
      const idx = (i * nA + k) * nC + c;
      cMain += C.efter[idx] - C.fore[idx];
      if (C.laggedFore && C.laggedEfter) cLag += C.laggedEfter[idx] - C.laggedFore[idx];
    }
  }

  const raw = new Map<string, Raw>();
  const get = (key: string): Raw => {
    let r = raw.get(key);
    if (!r) raw.set(key, (r = { key, name: key === '?' ? null : key, w: 0, change: 0, lagged: 0, later: new Map() }));
    return r;
  };
  rows.ids.forEach((_, p) => {
    const r = get(memberKey(catalog, rows.attributes[p]?.kommun, role, ledger.priceYear));
    const w = rows.weights[p];
    r.w += w;
    r.change += w * (rows.actorEfter[p * nA + k] - rows.actorFore[p * nA + k]);
    if (withLag) r.lagged += w * (rows.laggedEfter![p * nA + k] - rows.laggedFore![p * nA + k]);
  });
  // Participants observed after year 1: their change in each observed year, by last observed year.
  for (const f of rows.followUps ?? []) {
    const p = f.participant, w = rows.weights[p];
    const r = get(memberKey(catalog, rows.attributes[p]?.kommun, role, ledger.priceYear));
    const g = r.later.get(f.efter.length) ?? { w: 0, path: f.efter.map(() => 0) };
    g.w += w;
    f.efter.forEach((e, t) => { g.path[t] += w * (e[k] - rows.actorFore[p * nA + k]); });
    r.later.set(f.efter.length, g);
  }

  // Costs: named member shares, and the actor's unnamed remainder split by participants.
  const named = new Map([...memberCosts(catalog, a.cost, a.discountRate)].filter(([k]) => k.startsWith(`${actor}:`)));
  for (const key of named.keys()) get(key.slice(actor.length + 1));
  const namedTotal = [...named.values()].reduce((s, x) => s + x, 0);
  const unallocated = (costByActor(catalog, a.cost, [actor], a.discountRate)[actor] ?? 0) - namedTotal;
  const W = rows.weights.reduce((s, w) => s + w, 0);
  // Without weighted participants the remainder is split evenly, so the members still sum to the actor.
  const share = (r: Raw): number => (W > 0 ? r.w / W : 1 / raw.size);
  const costOf = (r: Raw): number => (named.get(`${actor}:${r.key}`) ?? 0) + (Math.abs(unallocated) > 1e-9 ? unallocated * share(r) : 0);
  const costBasis = named.size > 0 ? (Math.abs(unallocated) > 1e-6 ? 'mixed' : 'key') : Math.abs(unallocated) > 1e-6 ? 'participants' : 'none';

  const H = a.horizonYears;
  const o = { years: H, dropOff: a.dropOff, discountRate: a.discountRate };
  const figures = (id: string, name: string | null, { w, change, lagged, later }: Omit<Raw, 'key' | 'name'>, cost: number): MemberResult => {
    const adjust = (x: number, weight: number) => adjustedEffect(x, comparisonScale(weight, C?.weight) * cMain, a.deadweight);
    const main = adjust(change, w);
    const lagEffect = withLag ? adjustedEffect(lagged, comparisonScale(w, C?.weight) * cLag, a.deadweight) : 0;
    // Follow-up groups carry their own observed years (method §5.1, as lib/results/follow-up.ts);
    // the rest of year 1 follows the NyttoSam path.
    const paths = [...later.values()].map((g) => g.path.map((x) => adjust(x, g.w)));
    const rest = paths.reduce((r, path) => r - path[0], main);
    const yearly = yearlyStream(rest, o);
    for (const path of paths) yearlyStream(path, o).forEach((u, t) => { yearly[t] += u; });
    if (withLag && lagEffect !== 0) laggedStream(lagEffect, H, lag, a.dropOff, a.discountRate).forEach((u, t) => { yearly[t] += u; });
    const lastLevel = paths.reduce((l, path) => l + path[path.length - 1], rest) + lagEffect;
    const horizon = (h: number): HorizonResult => {
      const benefit = benefitOver(yearly, h);
      return { benefit, cost, net: benefit - cost, roi: cost === 0 ? null : (benefit - cost) / cost };
    };
    const annualEffect = main + lagEffect;
    return {
      id, name, participants: w, withheld: null, annualEffect, cost, yearly,
      horizons: { '1': horizon(1), [String(H)]: horizon(H) }, payback: payback(cost, paths.length > 0 ? lastLevel : annualEffect, yearly),
    };
  };

  const sorted = [...raw.values()].sort((x, y) => (x.name === null ? 1 : y.name === null ? -1 : x.name.localeCompare(y.name, 'sv')));
  const members = sorted.map((r) => figures(`${actor}:${r.key}`, r.name, r, costOf(r)));
  return { actor, role, threshold, costBasis, members: disclose(members, sorted, threshold, figures, costOf, actor) };
}

/**
 * The disclosure rule: members with 0 < participants < N are withheld and merged into
 * "övriga medlemmar"; while that row has fewer than N participants, the shown member with the
 * fewest participants joins it (its figures would otherwise give the rest's by subtraction from
 * the kommun). The övriga row is shown when it reaches N, else withheld too.
 */
function disclose(
  members: MemberResult[], raw: Raw[], N: number,
  figures: (id: string, name: string | null, sums: Omit<Raw, 'key' | 'name'>, cost: number) => MemberResult,
  costOf: (r: Raw) => number, actor: string,
): MemberResult[] {
  const small = new Set(members.filter((m) => m.participants > 0 && m.participants < N).map((m) => m.id));
  if (small.size === 0) return members;
  const merged = new Set(small);
  const weightOf = (ids: Set<string>) => members.filter((m) => ids.has(m.id)).reduce((s, m) => s + m.participants, 0);
  while (weightOf(merged) < N) {
    const next = members.filter((m) => !merged.has(m.id) && m.participants > 0).sort((x, y) => x.participants - y.participants || x.id.localeCompare(y.id, 'sv'))[0];
    if (!next) break;
    merged.add(next.id);
  }
  const withheld = (m: MemberResult, why: Withheld): MemberResult => ({ ...m, withheld: why, annualEffect: null, cost: null, yearly: null, horizons: null, payback: null });
  const out = members.map((m) => (small.has(m.id) ? withheld(m, 'fewParticipants') : merged.has(m.id) ? withheld(m, 'complement') : m));
  const rest = raw.filter((r) => merged.has(`${actor}:${r.key}`));
  const others = figures(`${actor}:${OTHER_MEMBERS}`, null, sumRaw(rest), rest.reduce((s, r) => s + costOf(r), 0));
  out.push(others.participants < N ? withheld(others, 'fewParticipants') : others);
  return out;
}

/**
 * Break-even (method §8): the smallest share s of participants who must reach a target
 * efter-situation (e.g. work) for the intervention to pay back within H years — for society and
 * each funder. Construction (docs/sensitivity.md): every participant p of weight w is split into
 * a typfall of weight (1 − s)·w keeping p's own efter (or, in the ex-ante variant, p's före — no
 * effect) and a typfall of weight s·w with p's own före and the target situation as efter. Pricing
 * is additive over weighted participants, so the split project's ledger is the mix
 * (1 − s)·efter + s·target of two ledgers priced once; the share is found by bisection on s and
 * verified by pricing the split project afresh with the real engine.
 * "Pays back within H years" = the H-year net ≥ 0 (for an actor with a cost, payback ≤ H years).
 */
import { SOCIETY } from '../catalog/groups.js';
import { isWageRule } from '../catalog/rule-specs.js';
import type { Catalog } from '../catalog/types.js';
import { evaluate } from '../results/evaluate.js';
import type { Ledger, LedgerSide } from '../engine/ledger.js';
import type { Result } from '../results/result.js';
import type { Line, Participant, Project, Situation } from '../model/types.js';
import { InputError } from '../util/errors.js';
import { headlineIds } from './scenario.js';
import { checkMembersSupported, hasMembers, memberResults, type MemberResult } from '../results/members.js';

/** Named target situations for `--till`; any catalogue item id is accepted as well. */
export const BREAK_EVEN_TARGETS: Record<string, { item: string; label: string; labelEn: string }> = {
  anstallning: { item: 'arbete.osubventionerad_anstallning', label: 'Osubventionerad anställning', labelEn: 'Unsubsidised employment' },
  arbete: { item: 'arbete.osubventionerad_anstallning', label: 'Osubventionerad anställning', labelEn: 'Unsubsidised employment' },
  studier: { item: 'csn.studiemedel', label: 'Studier med studiemedel', labelEn: 'Studies with student aid' },
};

export type BreakEvenBase = 'efter' | 'fore';

export interface BreakEvenTarget {
  /** What the user gave (`anstallning`, `af.lonebidrag`, …). */
  till: string;
  item: string;
  label: string;
  labelEn: string;
}

/** Resolves `--till`. @throws InputError naming the valid choices */
export function resolveBreakEvenTarget(till: string, catalog: Catalog): BreakEvenTarget {
  const named = BREAK_EVEN_TARGETS[till];
  const item = named?.item ?? till;
  const it = catalog.items.get(item);
  if (!it) {
    throw new InputError([{
      severity: 'error', file: '--till', path: '',
      sv: `okänd efter-situation; ange ${Object.keys(BREAK_EVEN_TARGETS).join(', ')} eller ett post-id ur katalogen (samnytta catalog list)`,
      en: `unknown after-situation; give ${Object.keys(BREAK_EVEN_TARGETS).join(', ')} or an item id from the catalogue (samnytta catalog list)`, value: till,
    }]);
  }
  return { till, item, label: named?.label ?? it.label, labelEn: named?.labelEn ?? it.labelEn ?? it.label };
}

/**
 * The target situation for one participant: 12 months of the target item — a job at the
 * participant's own wage (and extent, for the same item) when the participant's efter has one,
 * else the catalogue's reference wage, full time — plus the participant's own efter lines paid
 * by the region (healthcare and patient fees continue whatever the support).
 */
export function targetSituation(p: Participant, target: BreakEvenTarget, catalog: Catalog): Situation {
  const own = p.efter.lines.filter((l) => l.wage !== undefined && catalog.items.get(l.item)?.kind === 'wage');
  const same = own.find((l) => l.item === target.item);
  const it = catalog.items.get(target.item)!;
  const isJob = it.kind === 'wage' || isWageRule(it.rule);
  const line: Line = { item: target.item, months: 12 };
  if (isJob) {
    const wage = same?.wage ?? own[0]?.wage;
    if (wage !== undefined) line.wage = wage;
    if (same?.extent !== undefined) line.extent = same.extent;
    if (same?.options) line.options = same.options;
  }
  const scale = 12 / p.efter.months;
  const care = p.efter.lines
    .filter((l) => l.item !== 'egen' && catalog.items.get(l.item)?.payer === 'region')
    .map((l) => ({ ...l, months: Math.min(12, l.months * scale) }));
  return { months: 12, lines: [line, ...care] };
}

/** The split project at share s (what the verification prices). */
export function splitProject(project: Project, share: number, target: BreakEvenTarget, catalog: Catalog, base: BreakEvenBase = 'efter'): Project {
  const participants: Participant[] = [];
  for (const p of project.participants) {
    // Follow-up years (method §5.1) stay with those who keep their own efter; the target situation is one year carried forward.
    const { followUps, ...one } = p;
    participants.push({ ...(base === 'efter' ? p : one), id: `${p.id}~kvar`, weight: p.weight * (1 - share), efter: base === 'efter' ? p.efter : p.fore });
    participants.push({ ...one, id: `${p.id}~mal`, weight: p.weight * share, efter: targetSituation(p, target, catalog) });
  }
  return { ...project, participants };
}

function mixSide(from: LedgerSide, to: LedgerSide, s: number, base: BreakEvenBase): LedgerSide {
  const b = base === 'efter' ? from.efter : from.fore;
  const efter = new Float64Array(b.length);
  for (let i = 0; i < efter.length; i++) efter[i] = (1 - s) * b[i] + s * to.efter[i];
  const bp = base === 'efter' ? from.productionEfter : from.productionFore, br = base === 'efter' ? from.realEfter : from.realFore;
  // Follow-up groups (method §5.1): those who keep their own efter are 1 − s of each group; with base före nobody does.
  const times = (x: Float64Array) => x.map((v) => (1 - s) * v);
  const followUps = base === 'efter' && from.followUps
    ? from.followUps.map((g) => ({ ...g, weight: (1 - s) * g.weight, fore: times(g.fore), efter: g.efter.map(times), laggedFore: times(g.laggedFore), laggedEfter: g.laggedEfter.map(times) }))
    : undefined;
  return { ...from, efter, productionEfter: (1 - s) * bp + s * to.productionEfter, realEfter: (1 - s) * br + s * to.realEfter, followUps };
}

/** The ledger of the split project at share s, from the ledgers of the project and of its all-target twin. */
export function mixLedger(ledger: Ledger, targetLedger: Ledger, s: number, base: BreakEvenBase = 'efter'): Ledger {
  return { ...ledger, participants: mixSide(ledger.participants, targetLedger.participants, s, base) };
}

export interface BreakEvenFinding {
  target: string;
  label: string;
  labelEn: string;
  /** `share`: found in (0, 1]; `already`: s = 0 suffices; `never`: even s = 1 does not pay back. */
  status: 'share' | 'already' | 'never';
  share: number | null;
  /** share × the number of participants. */
  participants: number | null;
  /** H-year net at s = 0 and s = 1. */
  netAt0: number;
  netAt1: number;
  /** H-year net from pricing the split project afresh at `share`, and whether it is ≥ −tolerance and within tolerance of zero for an interior share. */
  verifiedNet: number | null;
  verified: boolean;
}

export interface BreakEven {
  till: BreakEvenTarget;
  base: BreakEvenBase;
  horizonYears: number;
  participants: number;
  findings: BreakEvenFinding[];
  /** Per member kommun (method §5.2), when the project has members or they are asked for. */
  members?: MemberBreakEven[];
  /** The disclosure threshold applied to the members. */
  memberThreshold?: number;
}

/**
 * A member kommun's break-even: the smallest share of its own participants who must reach the
 * target for its H-year net to reach 0, beside its effect, cost and payback at that base's s = 0.
 * Figures are null for a member withheld by the disclosure rule.
 */
export interface MemberBreakEven {
  member: MemberResult;
  status: BreakEvenFinding['status'] | 'withheld';
  share: number | null;
  /** share × the member's participants. */
  participants: number | null;
}

export interface BreakEvenOptions {
  /** Prices a project (priceProject bound to the catalogue). */
  price: (project: Project) => Ledger;
  /** Target ids (default samhallet, fk, af, kommun, region and every other funder in the financing key). */
  targets?: string[];
  base?: BreakEvenBase;
  /** Kronor, for verification (default 1). */
  tolerance?: number;
  /** Skip re-pricing the split project (tests of the bisection alone). */
  verify?: boolean;
  /** Member kommuner even when the project has none to show unasked. */
  members?: boolean;
}

const pick = (r: Result, id: string) => r.groups[id] ?? r.actors[id];

/**
 * Break-even shares per target.
 * @example breakEven(project, catalog, resolveBreakEvenTarget('anstallning', catalog), { price }).findings[0].share
 */
export function breakEven(project: Project, catalog: Catalog, till: BreakEvenTarget, o: BreakEvenOptions): BreakEven {
  const base = o.base ?? 'efter';
  const tol = o.tolerance ?? 1;
  const H = project.horizonYears;
  // Both ledgers must share one item axis. The engine numbers items in order of appearance, so
  // each is priced with the other's participants present at weight 0 (they add nothing).
  const twins = project.participants.map(({ followUps, ...p }) => ({ ...p, id: `${p.id}~mal`, efter: targetSituation(p, till, catalog) }));
  const zero = (ps: Participant[]) => ps.map((p) => ({ ...p, weight: 0 }));
  const ledger = o.price({ ...project, participants: [...project.participants, ...zero(twins)] });
  const targetLedger = o.price({ ...project, participants: [...zero(project.participants), ...twins] });
  if (targetLedger.items.join('|') !== ledger.items.join('|')) throw new Error('breakEven: the two ledgers have different item axes (this is a bug)');
  const targets = o.targets ?? headlineIds(catalog, project.cost).filter((id) => catalog.actors.some((a) => a.id === id) || catalog.groups.some((g) => g.id === id) || id === SOCIETY);
  const netAt = (s: number, id: string): number => pick(evaluate(mixLedger(ledger, targetLedger, s, base), project, catalog), id)!.horizons[String(H)].net;
  const W = ledger.participants.weight;
  const r0 = evaluate(ledger, project, catalog);
  const findings = targets.map((id): BreakEvenFinding => {
    const t = pick(r0, id)!;
    const n0 = netAt(0, id), n1 = netAt(1, id);
    const common = { target: id, label: t.label, labelEn: t.labelEn, netAt0: n0, netAt1: n1 };
    if (n0 >= 0) return { ...common, status: 'already', share: 0, participants: 0, verifiedNet: n0, verified: true };
    if (n1 < 0) return { ...common, status: 'never', share: null, participants: null, verifiedNet: null, verified: true };
    // Bisection: smallest s with net(s) ≥ 0 (net is affine in s, so the bracket halves cleanly).
    let lo = 0, hi = 1;
    for (let i = 0; i < 60 && hi - lo > 1e-13; i++) {
      const mid = (lo + hi) / 2;
      if (netAt(mid, id) >= 0) hi = mid;
      else lo = mid;
    }
    const share = hi;
    let verifiedNet: number | null = null, verified = false;
    if (o.verify !== false) {
      const r = evaluate(o.price(splitProject(project, share, till, catalog, base)), project, catalog);
      verifiedNet = pick(r, id)!.horizons[String(H)].net;
      verified = verifiedNet >= -tol && verifiedNet <= tol;
    }
    return { ...common, status: 'share', share, participants: share * W, verifiedNet, verified };
  });
  if (o.members) checkMembersSupported(ledger, project);
  const members = o.members || hasMembers(ledger, project, catalog) ? memberBreakEven(project, catalog, till, base, o.price) : undefined;
  return { till, base, horizonYears: H, participants: W, findings, ...(members ? { members, memberThreshold: project.disclosureThreshold } : {}) };
}

/**
 * Members' break-even. A member's H-year net is affine in s (its effect is linear in its
 * participants' change, its cost fixed), so from the split project at s = 0 and s = 1 the share is
 * s* = n0 / (n0 − n1) when n0 < 0 ≤ n1.
 */
function memberBreakEven(project: Project, catalog: Catalog, till: BreakEvenTarget, base: BreakEvenBase, price: (p: Project) => Ledger): MemberBreakEven[] {
  const H = String(project.horizonYears);
  const at = (s: number) => memberResults(price(splitProject(project, s, till, catalog, base)), project, catalog, project.disclosureThreshold).members;
  const m0 = at(0), m1 = at(1);
  return m0.map((m, i) => {
    if (m.withheld) return { member: m, status: 'withheld', share: null, participants: null };
    const n0 = m.horizons![H].net, n1 = m1[i].horizons![H].net;
    if (n0 >= 0) return { member: m, status: 'already', share: 0, participants: 0 };
    if (n1 < 0) return { member: m, status: 'never', share: null, participants: null };
    const share = n0 / (n0 - n1);
    return { member: m, status: 'share', share, participants: share * m.participants };
  });
}

/**
 * Effects over the horizon (method §5–§7): Δ per actor from the ledger (difference-in-
 * differences against a comparison group when given, times 1 − dödvikt), the yearly stream with
 * avklingning and discounting, benefit/cost/net/roi for 1 and H years, payback, groups,
 * potential and verkningsgrad, and the decomposition by category and item.
 */
import { societyGroup } from '../catalog/groups.js';
import type { Catalog } from '../catalog/types.js';
import type { InterventionCost, Project } from '../model/types.js';
import { CATEGORIES, type Category } from '../vocabulary.js';
import { costByActor, totalCost } from './cost.js';
import type { Ledger } from '../engine/ledger.js';
import { laggedCellEffects, laggedStream } from '../engine/lagged.js';
import { adjustedEffect, benefitOver, comparisonScale, cumulativeNet, payback, yearlyStream, type HorizonOptions } from './horizon.js';
import { followUpEffects, followUpStream } from './follow-up.js';
import type { ActorResult, CategoryChange, ItemRow, Result } from './result.js';

/** The assumptions evaluate needs; a Project satisfies it. Sensitivity analyses vary them. */
export type Assumptions = Pick<Project, 'name' | 'priceYear' | 'horizonYears' | 'discountRate' | 'deadweight' | 'dropOff' | 'cost' | 'evidence' | 'warnings'> & Partial<Pick<Project, 'utjamning'>>;

/**
 * Per-cell annual effect: (efter − fore) of participants, minus the participants' weight times
 * the comparison group's average change per person, times (1 − dödvikt).
 */
export function cellEffects(ledger: Ledger, deadweight: number): Float64Array {
  const p = ledger.participants;
  const c = ledger.comparison;
  const out = new Float64Array(p.fore.length);
  const k = comparisonScale(p.weight, c?.weight);
  for (let i = 0; i < out.length; i++) {
    out[i] = adjustedEffect(p.efter[i] - p.fore[i], c && k ? k * (c.efter[i] - c.fore[i]) : 0, deadweight);
  }
  return out;
}

/**
 * Evaluates a priced project.
 * @param ledger from `priceProject`
 * @param a horizon, discounting, deadweight, drop-off and the intervention cost
 */
export function evaluate(ledger: Ledger, a: Assumptions, catalog: Catalog): Result {
  const { actors, items, categories } = ledger;
  const nA = actors.length, nC = categories.length;
  const H = a.horizonYears;
  const effects = cellEffects(ledger, a.deadweight);
  const P = ledger.participants;
  // The utjämning (lagged postings) counts only when the project asks for it (method §2.3).
  const lag = ledger.lagYears ?? 0;
  const withLag = a.utjamning !== undefined && lag > 0 && P.laggedFore !== undefined && P.laggedEfter !== undefined;
  const lagged = withLag ? laggedCellEffects(ledger, a.deadweight) : undefined;
  const LF = P.laggedFore!, LE = P.laggedEfter!;

  // Per actor × category: fore, efter (participants' levels) and Δ; the lagged part of Δ apart.
  const fore = new Float64Array(nA * nC), efter = new Float64Array(nA * nC), delta = new Float64Array(nA * nC), lagDelta = new Float64Array(nA * nC);
  const itemRows: ItemRow[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let ac = 0; ac < nA * nC; ac++) {
      const idx = i * nA * nC + ac;
      fore[ac] += P.fore[idx] + (lagged ? LF[idx] : 0);
      efter[ac] += P.efter[idx] + (lagged ? LE[idx] : 0);
      delta[ac] += effects[idx] + (lagged ? lagged[idx] : 0);
      if (lagged) lagDelta[ac] += lagged[idx];
    }
  }
  for (let i = 0; i < items.length; i++) {
    for (let ac = 0; ac < nA * nC; ac++) {
      const idx = i * nA * nC + ac;
      const f = P.fore[idx] + (lagged ? LF[idx] : 0), e = P.efter[idx] + (lagged ? LE[idx] : 0);
      const d = effects[idx] + (lagged ? lagged[idx] : 0);
      if (f === 0 && e === 0 && d === 0) continue;
      itemRows.push({
        item: items[i], label: itemLabel(catalog, items[i]), actor: actors[Math.floor(ac / nC)], category: categories[ac % nC],
        fore: f, efter: e, delta: d,
      });
    }
  }

  const costs = costByActor(catalog, a.cost, actors, a.discountRate);
  const followUp = P.followUps ? followUpEffects(ledger, a.deadweight, withLag) : undefined;
  const build = (id: string, label: string, labelEn: string, members: string[]): ActorResult => {
    const byCategory = {} as Record<Category, CategoryChange>;
    let annualEffect = 0, lagEffect = 0, f = 0, e = 0, cost = 0;
    for (const c of CATEGORIES) byCategory[c] = { fore: 0, efter: 0, delta: 0 };
    for (const m of members) {
      const ai = actors.indexOf(m);
      cost += costs[m] ?? 0;
      for (let ci = 0; ci < nC; ci++) {
        const bc = byCategory[categories[ci]];
        bc.fore += fore[ai * nC + ci];
        bc.efter += efter[ai * nC + ci];
        bc.delta += delta[ai * nC + ci];
        annualEffect += delta[ai * nC + ci];
        lagEffect += lagDelta[ai * nC + ci];
        f += fore[ai * nC + ci];
        e += efter[ai * nC + ci];
      }
    }
    // Δ includes the utjämning at its steady state; the stream has it from year lag + 1 (method §2.3).
    const o: HorizonOptions = { years: H, dropOff: a.dropOff, discountRate: a.discountRate };
    const later = followUp ? followUpStream(followUp, members.map((m) => actors.indexOf(m)), annualEffect - lagEffect, lagEffect, o, withLag ? lag : 0) : undefined;
    const yearly = later ? later.yearly : yearlyStream(annualEffect - lagEffect, o);
    if (!later && withLag && lagEffect !== 0) laggedStream(lagEffect, H, lag, a.dropOff, a.discountRate).forEach((u, t) => { yearly[t] += u; });
    const horizon = (h: number) => {
      const benefit = benefitOver(yearly, h);
      return { benefit, cost, net: benefit - cost, roi: cost === 0 ? null : (benefit - cost) / cost };
    };
    return {
      id, label, labelEn, members, annualEffect, fore: f, efter: e, yearly, cumulativeNet: cumulativeNet(cost, yearly), cost,
      horizons: { '1': horizon(1), [String(H)]: horizon(H) },
      payback: payback(cost, later ? later.lastLevel : annualEffect, yearly), byCategory, shiftFlag: false,
      ...(later ? { effectByYear: later.byYear } : {}),
    };
  };

  const actorResults: Record<string, ActorResult> = {};
  for (const actor of catalog.actors) actorResults[actor.id] = build(actor.id, actor.label, actor.labelEn, [actor.id]);
  const groups: Record<string, ActorResult> = {};
  for (const g of catalog.groups) groups[g.id] = build(g.id, g.label, g.labelEn, g.members);
  const soc = societyGroup(catalog);
  const society = groups[soc.id] ?? build(soc.id, soc.label, soc.labelEn, soc.members);
  for (const r of Object.values(actorResults)) r.shiftFlag = r.annualEffect < 0 && society.annualEffect > 0;

  const W = P.weight;
  const potentialFore = W * ledger.referenceProduction - P.productionFore + P.realFore;
  const potentialEfter = W * ledger.referenceProduction - P.productionEfter + P.realEfter;
  const verkningsgrad = potentialFore === 0 ? null : (potentialFore - potentialEfter) / potentialFore;
  const costTotal = totalCost(a.cost);
  const per = (x: number): number => (W === 0 ? 0 : x / W);

  const used = ledger.used;
  return {
    project: {
      name: a.name, priceYear: a.priceYear, horizonYears: H, discountRate: a.discountRate, deadweight: a.deadweight,
      dropOff: a.dropOff, evidence: a.evidence, costTotal,
      financing: financingLabel(a.cost),
    },
    participants: W,
    comparisonParticipants: ledger.comparison ? ledger.comparison.weight : null,
    ...(ledger.followUpYears ? { followUpYears: ledger.followUpYears } : {}),
    actors: actorResults, groups, funders: [...catalog.funders], items: itemRows,
    potential: {
      fore: potentialFore, efter: potentialEfter, verkningsgrad, referenceProduction: ledger.referenceProduction,
      perParticipant: {
        potentialFore: per(potentialFore), potentialEfter: per(potentialEfter), cost: per(costTotal),
        annualEffect: per(society.annualEffect), netYear1: per(society.annualEffect - society.cost),
        costPerPercentagePoint: verkningsgrad && verkningsgrad > 0 ? costTotal / (verkningsgrad * 100) : null,
      },
    },
    used, estimates: used.filter((u) => u.status === 'estimate'),
    warnings: [...(a.warnings ?? []), ...ledger.warnings],
  };
}

/** The financing key(s) named in the cost: `finsam`, `esf_finsam, finsam` (by year) or `egen` (explicit shares). */
function financingLabel(cost: InterventionCost): string {
  const keys = [...(cost.byYear ?? []).map((y) => y.financing ?? cost.financing), cost.byYear ? undefined : cost.financing]
    .filter((f) => f !== undefined)
    .map((f) => (typeof f === 'string' ? f : 'egen'));
  return [...new Set(keys)].join(', ');
}

function itemLabel(catalog: Catalog, id: string): string {
  if (id.startsWith('egen:')) return id.slice(5);
  if (id === 'utjamning:inkomstutjamning') return 'Kommunalekonomisk utjämning (inkomstutjämning)';
  return catalog.items.get(id)?.label ?? id;
}

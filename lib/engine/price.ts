/**
 * Pricing: turns every participant's situations into annual postings per actor and aggregates
 * them into a ledger (method §2 and §4). Each situation is normalised to an annual rate,
 * L = Σ postings × 12 / situation months; income tax is computed once per participant and
 * situation on the annualised taxable income and attributed to the items that gave rise to it.
 */
import type { Catalog } from '../catalog/types.js';
import type { Participant, Project, Situation } from '../model/types.js';
import { CATEGORIES } from '../vocabulary.js';
import { createContext, type PricingContext } from './context.js';
import type { FollowUpGroup, Ledger, LedgerSide, ParticipantRows } from './ledger.js';
import { transferRules, wageTerms, type RuleInput } from './rules.js';
import { emptyTaxResult, incomeTax, type TaxResult } from './tax/income-tax.js';
import type { UtjamningRates } from './tax/utjamning.js';

const NC = CATEGORIES.length;
const CAT = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<(typeof CATEGORIES)[number], number>;

/** Mutable scratch state for one situation of one participant (reused across participants). */
interface Scratch {
  /** Annual taxable income per item index (earned and other), and the items touched. */
  taxableByItem: Float64Array;
  touched: number[];
  earned: number;
  other: number;
  pensionable: number;
  production: number;
  real: number;
  /** Annual net per actor. */
  actor: Float64Array;
  /** Annual lagged (utjämning) net per actor. */
  lagged: Float64Array;
  tax: TaxResult;
  input: RuleInput;
}

/**
 * Prices a project against the catalogue.
 * @returns the ledger: weighted annual postings by item, actor and category, for participants and
 *   (if given) the comparison group, plus per-participant rows and the catalogue values used
 * @example priceProject(project, loadCatalog()).participants.weight // => number of participants
 */
export function priceProject(project: Project, catalog: Catalog): Ledger {
  const ctx = createContext(catalog, project);
  // Resolve every item up front so the item axis (and array sizes) is fixed before pricing.
  // Plain loops: this runs over every line of a national cohort, so it allocates nothing.
  const resolveLines = (sit: Situation): void => {
    for (const l of sit.lines) {
      if (l.item === 'egen') ctx.egenIndex(l.label ?? 'egen');
      else ctx.resolveItem(l.item);
    }
  };
  for (const ps of [project.participants, project.comparison?.participants ?? []]) {
    for (const p of ps) {
      resolveLines(p.fore);
      resolveLines(p.efter);
      if (p.followUps) for (const f of p.followUps) resolveLines(f.situation);
    }
  }
  if (ctx.utjamningLag > 0) ctx.utjamningIndex();
  const nItems = ctx.items.length;
  const nA = ctx.actors.length;
  const scratch: Scratch = {
    taxableByItem: new Float64Array(nItems), touched: [], earned: 0, other: 0, pensionable: 0, production: 0, real: 0,
    actor: new Float64Array(nA), lagged: new Float64Array(nA), tax: emptyTaxResult(),
    input: { line: { item: '', months: 0 }, age: undefined },
  };

  const side = (ps: Participant[], rows?: ParticipantRows): LedgerSide => {
    const s: LedgerSide = {
      weight: 0, fore: new Float64Array(nItems * nA * NC), efter: new Float64Array(nItems * nA * NC),
      productionFore: 0, productionEfter: 0, realFore: 0, realEfter: 0,
      laggedFore: new Float64Array(nItems * nA * NC), laggedEfter: new Float64Array(nItems * nA * NC),
    };
    ps.forEach((p, i) => {
      const w = p.weight;
      s.weight += w;
      const age = p.attributes.fodelsear !== undefined ? project.priceYear - p.attributes.fodelsear : p.attributes.alder;
      const rates = ctx.rates(p.attributes.kommun);
      const utj = ctx.utjamning(p.attributes.kommun);
      priceSituation(ctx, p.fore, age, rates, utj, w, s.fore, s.laggedFore!, scratch);
      s.productionFore += w * scratch.production;
      s.realFore += w * scratch.real;
      if (rows) {
        copyInto(rows.actorFore, scratch.actor, i * nA);
        copyInto(rows.laggedFore!, scratch.lagged, i * nA);
        rows.productionFore[i] = scratch.production;
        rows.realFore[i] = scratch.real;
      }
      priceSituation(ctx, p.efter, age, rates, utj, w, s.efter, s.laggedEfter!, scratch);
      s.productionEfter += w * scratch.production;
      s.realEfter += w * scratch.real;
      if (rows) {
        copyInto(rows.actorEfter, scratch.actor, i * nA);
        copyInto(rows.laggedEfter!, scratch.lagged, i * nA);
        rows.productionEfter[i] = scratch.production;
        rows.realEfter[i] = scratch.real;
      }
      const last = p.followUps?.[p.followUps.length - 1].year ?? 1;
      if (last > 1) {
        // Method §5.1: priced again year by year into the group of its last observed year.
        const groups = (s.followUps ??= []);
        let g = groups.find((x) => x.lastYear === last);
        if (!g) {
          const arr = () => new Float64Array(nItems * nA * NC);
          g = { lastYear: last, weight: 0, fore: arr(), efter: [], laggedFore: arr(), laggedEfter: [] };
          for (let t = 0; t < last; t++) { g.efter.push(arr()); g.laggedEfter.push(arr()); }
          groups.push(g);
          groups.sort((a, b) => a.lastYear - b.lastYear);
        }
        g.weight += w;
        priceSituation(ctx, p.fore, age, rates, utj, w, g.fore, g.laggedFore, scratch);
        const years: Float64Array[] = [];
        for (let t = 1; t <= last; t++) {
          priceSituation(ctx, situationInYear(p, t), age, rates, utj, w, g.efter[t - 1], g.laggedEfter[t - 1], scratch);
          years.push(Float64Array.from(scratch.actor));
        }
        if (rows) (rows.followUps ??= []).push({ participant: i, efter: years });
      }
    });
    return s;
  };

  const n = project.participants.length;
  const rows: ParticipantRows = {
    ids: project.participants.map((p) => p.id), weights: weightsOf(project.participants),
    attributes: project.participants.map((p) => p.attributes),
    actorFore: new Float64Array(n * nA), actorEfter: new Float64Array(n * nA),
    productionFore: new Float64Array(n), productionEfter: new Float64Array(n), realFore: new Float64Array(n), realEfter: new Float64Array(n),
    laggedFore: new Float64Array(n * nA), laggedEfter: new Float64Array(n * nA),
  };
  const participants = side(project.participants, rows);
  const followUpYears = observedYears(project.participants);
  const comparison = project.comparison ? side(project.comparison.participants) : undefined;

  const fullFee = ctx.use<number>('params.skatt.arbetsgivaravgift') / 100;
  const agreed = ctx.use<number>('params.arbetsgivare.avtalade_avgifter') / 100;
  return {
    priceYear: project.priceYear, actors: ctx.actors, items: ctx.items, categories: CATEGORIES,
    participants, comparison, rows, lagYears: ctx.utjamningLag, ...(followUpYears ? { followUpYears } : {}),
    referenceProduction: ctx.referenceWage * 12 * (1 + fullFee + agreed),
    used: ctx.usedValues(), warnings: [...ctx.warnings],
  };
}

/**
 * Copies a participant's per-actor figures into its row. A plain loop, since TypedArray.set costs
 * about a microsecond a call (300 000 participants × 4 calls), and zeros are not written, so the
 * pages of an array that stays zero (the utjämning rows when it is off) are never touched. `to` is
 * fresh (zero-filled), and sums started at +0 are never −0, so skipping zeros leaves the same values.
 */
function copyInto(to: Float64Array, from: Float64Array, at: number): void {
  for (let k = 0; k < from.length; k++) if (from[k] !== 0) to[at + k] = from[k];
}

/** The participants' weights (`Float64Array.from(array, fn)` costs more than the loop). */
function weightsOf(ps: Participant[]): Float64Array {
  const w = new Float64Array(ps.length);
  for (let i = 0; i < ps.length; i++) w[i] = ps[i].weight;
  return w;
}

/** A participant's situation in follow-up year t: the latest observation at or before t, före before the first (method §5.1). */
export function situationInYear(p: Participant, t: number): Situation {
  if (!p.followUps) return p.efter;
  let s = p.fore;
  for (const f of p.followUps) if (f.year <= t) s = f.situation;
  return s;
}

/** Weighted participants observed per follow-up year, when any participant has a year after the first. */
function observedYears(ps: Participant[]): Record<string, number> | undefined {
  if (!ps.some((p) => p.followUps)) return undefined;
  const out: Record<string, number> = {};
  for (const p of ps) for (const y of p.followUps?.map((f) => f.year) ?? [1]) out[String(y)] = (out[String(y)] ?? 0) + p.weight;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

/**
 * Prices one situation: adds weight × annual postings into `out` (item × actor × category)
 * and leaves the participant's own annual figures in `s`.
 */
function priceSituation(
  ctx: PricingContext, sit: Situation, age: number | undefined, rates: { kommun: number; region: number },
  utj: UtjamningRates | undefined, weight: number, out: Float64Array, laggedOut: Float64Array, s: Scratch,
): void {
  const nA = ctx.actors.length;
  const A = ctx.actorIndex;
  const { individ, kommunalskatt: kommun, regionskatt: region, statligSkatt: ovrigStat, arbetsgivare } = ctx.roles;
  for (let a = 0; a < nA; a++) s.actor[a] = s.lagged[a] = 0;
  s.earned = s.other = s.pensionable = s.production = s.real = 0;
  for (const i of s.touched) s.taxableByItem[i] = 0;
  s.touched.length = 0;
  const annualise = 12 / sit.months;
  // One rule input, reused: its line is replaced as the lines are read (no object per line).
  const input = s.input;
  input.age = age;

  const post = (item: number, actor: number, category: number, amount: number): void => {
    out[(item * nA + actor) * NC + category] += weight * amount;
    s.actor[actor] += amount;
  };

  for (const line of sit.lines) {
    const factor = line.months * annualise; // month-amount → annual rate
    if (line.item === 'egen') {
      const item = ctx.egenIndex(line.label ?? 'egen');
      for (const p of line.postings ?? []) {
        const a = A.get(p.actor)!;
        const amount = p.amountPerMonth * factor;
        const category = p.category ? CAT[p.category] : p.kind === 'transfer' ? CAT.ersattning : p.kind === 'real' ? CAT.real : CAT.produktion;
        post(item, a, category, amount);
        if (p.kind === 'real') s.real -= amount;
        else if (p.kind === 'production') s.production += amount;
      }
      continue;
    }
    const r = ctx.resolveItem(line.item);
    const it = r.item;
    input.line = line;
    if (r.isJob) {
      const { wage, employerFee: fee, agreedFees, production, subsidy } = wageTerms(r, input, ctx);
      post(r.index, individ, CAT.produktion, (wage + agreedFees) * factor);
      post(r.index, ovrigStat, CAT.skatt, fee * factor);
      post(r.index, arbetsgivare, CAT.produktion, (production - wage - fee - agreedFees) * factor);
      if (subsidy !== 0 && r.payer >= 0) {
        post(r.index, arbetsgivare, CAT.subvention, subsidy * factor);
        post(r.index, r.payer, CAT.subvention, -subsidy * factor);
      }
      s.production += production * factor;
      addTaxable(s, r.index, wage * factor, true, it.pensionable);
      continue;
    }
    let monthly: number;
    if (line.amountPerMonth !== undefined) monthly = line.amountPerMonth;
    else {
      const perUnit = it.rule ? transferRules[it.rule](r, input, ctx) : r.unitValue;
      monthly = perUnit * (line.perMonth ?? r.defaultPerMonth) * (line.extent ?? 1);
    }
    const annual = monthly * factor;
    if (it.kind === 'real') {
      post(r.index, r.payer, r.category, -annual);
      s.real += annual;
    } else {
      post(r.index, r.payer, r.category, -annual);
      post(r.index, r.receiver, r.category, annual);
      if (it.taxable && r.receiver === individ) addTaxable(s, r.index, annual, it.earned, it.pensionable);
    }
  }

  const taxBase = s.earned + s.other;
  if (taxBase > 0) {
    const t = incomeTax({ earned: s.earned, other: s.other, pensionable: s.pensionable, kommunRate: rates.kommun, regionRate: rates.region }, ctx.tax, s.tax);
    // Attribute the tax to the items that gave rise to the taxable income, in proportion.
    for (const i of s.touched) {
      const share = s.taxableByItem[i] / taxBase;
      post(i, individ, CAT.skatt, -t.total * share);
      post(i, kommun, CAT.skatt, t.kommun * share);
      post(i, region, CAT.skatt, t.region * share);
      post(i, ovrigStat, CAT.skatt, t.state * share);
    }
    if (utj && t.taxableIncome > 0) {
      // The inkomstutjämning takes back utj.kommun (utj.region) of each krona of tax base from the
      // kommun (region) and leaves it with the state; a kommun without regional tax (Gotland) bears both.
      const u = ctx.utjamningIndex();
      const lag = (actor: number, amount: number): void => {
        laggedOut[(u * nA + actor) * NC + CAT.skatt] += weight * amount;
        s.lagged[actor] += amount;
      };
      const kommunLoss = utj.kommun * t.taxableIncome;
      const regionLoss = utj.region * t.taxableIncome;
      lag(kommun, -kommunLoss);
      lag(rates.region > 0 ? region : kommun, -regionLoss);
      lag(ovrigStat, kommunLoss + regionLoss);
    }
  }
}

function addTaxable(s: Scratch, item: number, annual: number, earned: boolean, pensionable: boolean): void {
  if (annual <= 0) return;
  if (s.taxableByItem[item] === 0) s.touched.push(item);
  s.taxableByItem[item] += annual;
  if (earned) s.earned += annual;
  else s.other += annual;
  if (pensionable) s.pensionable += annual;
}

/**
 * A straightforward reference implementation for the benchmark: the same pricing rules as
 * lib/engine/price.ts, but every posting becomes one object `{ side, item, actor, category,
 * amount }` and the ledger is aggregated with a danfo groupby — the way one would write it with
 * a dataframe library. It must agree with the engine's ledger within 1 kr per cell
 * (test/bench/reference.test.ts checks this at a small size; the bench at a large one).
 *
 * Two granularities: `annual` posts each line once at its annual rate (the engine's own
 * aggregation level, the stricter comparison); `monthly` follows method §2 literally — an item
 * turns a quantity for one participant and one month into postings — so each line posts once per
 * month it runs (at the annualised monthly amount) and the annual tax once per month (a twelfth).
 */
import { DataFrame } from 'danfojs';
import type { Catalog } from '../lib/catalog/types.js';
import { createContext } from '../lib/engine/context.js';
import { cell, type Ledger } from '../lib/engine/ledger.js';
import { isWageRule } from '../lib/catalog/rule-specs.js';
import { transferRules, wageTerms } from '../lib/engine/rules.js';
import { incomeTax } from '../lib/engine/tax/income-tax.js';
import type { Project, Situation } from '../lib/model/types.js';

export interface Posting {
  side: 'fore' | 'efter';
  item: string;
  actor: string;
  category: string;
  amount: number;
}

export type Granularity = 'annual' | 'monthly';

/** Every weighted posting of the project's participants (annual rates), one object each. */
export function referencePostings(project: Project, catalog: Catalog, granularity: Granularity = 'annual'): Posting[] {
  const ctx = createContext(catalog, project);
  const out: Posting[] = [];
  for (const p of project.participants) {
    const age = p.attributes.fodelsear !== undefined ? project.priceYear - p.attributes.fodelsear : p.attributes.alder;
    const rates = ctx.rates(p.attributes.kommun);
    for (const side of ['fore', 'efter'] as const) postSituation(side, p[side], p.weight, age, rates);
  }
  return out;

  function postSituation(side: 'fore' | 'efter', sit: Situation, weight: number, age: number | undefined, rates: { kommun: number; region: number }): void {
    // `months` postings of amount/months each (monthly), or one posting (annual).
    let months = 1;
    const post = (item: string, actor: string, category: string, amount: number) => {
      for (let m = 0; m < months; m++) out.push({ side, item, actor, category, amount: (weight * amount) / months });
    };
    const taxable = new Map<string, number>();
    let earned = 0, other = 0, pensionable = 0;
    const addTaxable = (item: string, annual: number, isEarned: boolean, isPensionable: boolean) => {
      if (annual <= 0) return;
      taxable.set(item, (taxable.get(item) ?? 0) + annual);
      if (isEarned) earned += annual;
      else other += annual;
      if (isPensionable) pensionable += annual;
    };
    for (const line of sit.lines) {
      const factor = (line.months * 12) / sit.months;
      months = granularity === 'monthly' ? Math.max(1, Math.round(line.months)) : 1;
      if (line.item === 'egen') {
        for (const q of line.postings ?? []) {
          post(`egen:${line.label ?? 'egen'}`, q.actor, q.category ?? (q.kind === 'transfer' ? 'ersattning' : q.kind === 'real' ? 'real' : 'produktion'), q.amountPerMonth * factor);
        }
        continue;
      }
      const r = ctx.resolveItem(line.item);
      const it = r.item;
      if (it.kind === 'wage' || isWageRule(it.rule)) {
        // wageTerms reads an explicit amount on a job line as the gross wage (capped subsidies
        // are computed on it), so nothing is rescaled here.
        const w = wageTerms(r, { line, age }, ctx);
        post(it.id, 'individ', 'produktion', (w.wage + w.agreedFees) * factor);
        post(it.id, 'ovrigStat', 'skatt', w.employerFee * factor);
        post(it.id, 'arbetsgivare', 'produktion', (w.production - w.wage - w.employerFee - w.agreedFees) * factor);
        if (w.subsidy !== 0 && it.payer) {
          post(it.id, 'arbetsgivare', 'subvention', w.subsidy * factor);
          post(it.id, it.payer, 'subvention', -w.subsidy * factor);
        }
        addTaxable(it.id, w.wage * factor, true, it.pensionable);
        continue;
      }
      const monthly = line.amountPerMonth ?? (it.rule ? transferRules[it.rule](r, { line, age }, ctx) : r.unitValue) * (line.perMonth ?? r.defaultPerMonth) * (line.extent ?? 1);
      const annual = monthly * factor;
      post(it.id, it.payer!, it.category, -annual);
      if (it.kind !== 'real') {
        post(it.id, it.receiver!, it.category, annual);
        // SA/AE carry `earned` (their skattereduktion equalises the tax with work's).
        if (it.taxable && it.receiver === 'individ') addTaxable(it.id, annual, it.earned, it.pensionable);
      }
    }
    const base = earned + other;
    months = granularity === 'monthly' ? 12 : 1;
    if (base > 0) {
      const t = incomeTax({ earned, other, pensionable, kommunRate: rates.kommun, regionRate: rates.region }, ctx.tax);
      for (const [item, amount] of taxable) {
        const share = amount / base;
        post(item, 'individ', 'skatt', -t.total * share);
        post(item, 'kommun', 'skatt', t.kommun * share);
        post(item, 'region', 'skatt', t.region * share);
        post(item, 'ovrigStat', 'skatt', t.state * share);
      }
    }
  }
}

/** Aggregates postings with danfo: Σ amount by side × item × actor × category. */
export function referenceLedger(postings: Posting[]): Map<string, number> {
  const df = new DataFrame(postings);
  const g = df.groupby(['side', 'item', 'actor', 'category']).agg({ amount: 'sum' });
  const rows = g.values as unknown as [string, string, string, string, number][];
  const cols = g.columns as string[];
  const at = (name: string) => cols.indexOf(name);
  const out = new Map<string, number>();
  for (const r of rows) out.set(`${r[at('side')]}|${r[at('item')]}|${r[at('actor')]}|${r[at('category')]}`, Number(r[at('amount_sum')]));
  return out;
}

/** How far a reference ledger is from the engine's: the largest cell difference and the totals. */
export interface Agreement {
  /** Cells non-zero on either side. */
  cells: number;
  maxCellDiffKr: number;
  totalDiffKr: number;
  /** The key of the cell with the largest difference (for the failure message). */
  worst: string;
  /** Every cell and the totals differ by less than one krona. */
  agrees: boolean;
}

/**
 * Compares the engine's participant ledger with a reference ledger, cell by cell (every engine
 * cell against the reference's group sum, and every reference group the engine lacks).
 */
export function compareLedgers(ledger: Ledger, ref: Map<string, number>): Agreement {
  let maxCellDiffKr = 0, cells = 0, totalEngine = 0, totalRef = 0, worst = '';
  const seen = new Set<string>();
  const check = (key: string, v: number, r: number) => {
    if (v !== 0 || r !== 0) cells++;
    const d = Math.abs(v - r);
    if (d > maxCellDiffKr) { maxCellDiffKr = d; worst = key; }
  };
  for (const [side, arr] of [['fore', ledger.participants.fore], ['efter', ledger.participants.efter]] as const) {
    ledger.items.forEach((item, i) => ledger.actors.forEach((actor, a) => ledger.categories.forEach((category, c) => {
      const key = `${side}|${item}|${actor}|${category}`;
      seen.add(key);
      const v = arr[cell(ledger, i, a, c)];
      const r = ref.get(key) ?? 0;
      totalEngine += v;
      totalRef += r;
      check(key, v, r);
    })));
  }
  for (const [k, r] of ref) if (!seen.has(k)) { totalRef += r; check(k, 0, r); }
  const totalDiffKr = Math.abs(totalEngine - totalRef);
  return { cells, maxCellDiffKr, totalDiffKr, worst, agrees: maxCellDiffKr < 1 && totalDiffKr < 1 };
}

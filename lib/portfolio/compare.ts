/**
 * Jämförande värden (issue 15): a project or a portfolio set beside the reference entries of its
 * insatsklass — other evaluators' figures by other methods, shown side by side and never merged
 * into the project's own numbers. Entries of the same target group but another kind of insats
 * follow those of the exact class, and say so.
 */
import type { Catalog } from '../catalog/types.js';
import { classLabel } from '../model/insatsklass.js';
import type { Lang } from '../util/errors.js';
import { figureIn, type Approx, type BenchmarkEntry, type BenchmarkFigure, type FigureKey } from './benchmarks.js';
import type { Portfolio, PortfolioRow } from './portfolio.js';
import { SOCIETY } from '../catalog/groups.js';

/** One reference figure beside the project's own value for the same key figure (null when the project has none). */
export interface ComparedFigure {
  key: FigureKey;
  actor?: string;
  horizon?: number;
  /** The project's value, in the comparison's price year. */
  own: number | null;
  /** The reference value, uprated to the comparison's price year (money only). */
  reference: number;
  approx?: Approx;
  quote: string;
}

export interface ComparedEntry {
  entry: BenchmarkEntry;
  /** `klass`: same insatsklass; `malgrupp`: same target group only. */
  match: 'klass' | 'malgrupp';
  figures: ComparedFigure[];
}

export interface ProjectComparison {
  row: PortfolioRow;
  entries: ComparedEntry[];
}

export interface Comparison {
  priceYear: number;
  projects: ProjectComparison[];
}

/** The project's value for a reference figure's key, actor and horizon, or null when it has none. */
export function ownValue(row: PortfolioRow, f: Pick<BenchmarkFigure, 'key' | 'actor' | 'horizon'>): number | null {
  const of = (actor: string | undefined) => (actor === SOCIETY ? row.society : actor ? row.funders[actor] : undefined);
  switch (f.key) {
    case 'costTotal': return row.cost;
    case 'costPerParticipant': return row.costPerParticipant;
    case 'potentialPerParticipantYear': return row.potentialPerParticipant;
    case 'verkningsgrad': return row.verkningsgrad;
    case 'netPerParticipantYear': return row.netPerParticipantYear;
    case 'annualEffect': return f.actor === SOCIETY ? row.annualEffectPerParticipant * row.participants : null;
    case 'payback': return of(f.actor)?.payback.months ?? null;
    case 'benefit': return f.horizon === row.horizonYears ? of(f.actor)?.benefit ?? null : null;
    case 'net': return f.horizon === row.horizonYears ? of(f.actor)?.net ?? null : null;
  }
}

/** Entries for a class: those of the same class first, then those of the same target group (another kind of insats); none without a class. */
export function entriesFor(insatsklass: string | null, entries: readonly BenchmarkEntry[]): { entry: BenchmarkEntry; match: 'klass' | 'malgrupp' }[] {
  if (!insatsklass) return [];
  const group = insatsklass.split('/')[0];
  return [
    ...entries.filter((e) => e.insatsklass === insatsklass).map((entry) => ({ entry, match: 'klass' as const })),
    ...entries.filter((e) => e.insatsklass !== insatsklass && e.insatsklass?.split('/')[0] === group).map((entry) => ({ entry, match: 'malgrupp' as const })),
  ];
}

/** Sets every project of a portfolio beside the reference entries of its class, in the portfolio's price year. */
export function compare(p: Portfolio, entries: readonly BenchmarkEntry[], catalog: Catalog): Comparison {
  return {
    priceYear: p.priceYear,
    projects: p.rows.map((row) => ({
      row,
      entries: entriesFor(row.insatsklass, entries).map(({ entry, match }) => ({
        entry, match,
        figures: entry.figures.map((f) => ({
          key: f.key, ...(f.actor ? { actor: f.actor } : {}), ...(f.horizon ? { horizon: f.horizon } : {}),
          own: ownValue(row, f), reference: figureIn(entry, f, p.priceYear, catalog),
          ...(f.approx ? { approx: f.approx } : {}), quote: f.quote,
        })),
      })),
    })),
  };
}

/** The label every comparison output carries. */
export function comparisonCaveat(lang: Lang): string {
  return lang === 'sv'
    ? 'Andra utvärderares siffror, andra metoder: publicerade resultat återgivna som källan anger dem, inte räknade med samnytta. Läs dem som storleksordning, inte som facit.'
    : "Other evaluators' figures, other methods: published results as their source states them, not calculated with samnytta. Read them as orders of magnitude, not as a benchmark to meet.";
}

/** A class as "Unga vuxna × Coachning (unga-vuxna/coachning)". */
export function classText(id: string | null | undefined, catalog: Catalog, lang: Lang): string {
  if (!id) return lang === 'sv' ? 'ingen insatsklass' : 'no insatsklass';
  return `${classLabel(id, catalog, lang)} (${id})`;
}

/**
 * A förbund's portfolio (issue 15): every project and forecast side by side with its key figures,
 * each figure's deviation from the portfolio mean and median, and the förbund's totals per funder.
 * Pure: takes projects already calculated (`calculate`), so it runs in Node and in notebooks.
 * Amounts are uprated by KPI (årsmedel) from each project's price year to one portfolio price year;
 * shares (verkningsgrad) and months (återbetalningstid) are not price-dependent.
 */
import type { Catalog } from '../catalog/types.js';
import { uprate } from '../catalog/value-at.js';
import type { PaybackStatus } from '../results/horizon.js';
import type { ActorResult, Result } from '../results/result.js';
import type { EvidenceGrade, Project } from '../model/types.js';
import type { Problem } from '../util/errors.js';
import { centre, deviation, type Centre, type Deviation } from './stats.js';
import { SOCIETY } from '../catalog/groups.js';

/** The index used to move amounts between price years (KPI, årsmedeltal). */
export const PORTFOLIO_INDEX = 'index.kpi_arsmedel';

/** Evaluation of observed outcomes or forecast of expected ones. */
export type ProjectKind = 'utvardering' | 'prognos';

/** A calculated project, as the portfolio takes it. */
export interface PortfolioInput {
  /** The project file, as shown to the user (relative to the portfolio folder). */
  file: string;
  project: Project;
  result: Result;
}

/** A project that could not be read or calculated: its file and every problem. */
export interface PortfolioFailure {
  file: string;
  problems: Problem[];
}

/** An actor's or society's figures in one project, in the portfolio's price year. */
export interface ActorFigures {
  /** Intervention cost borne (discounted as in the project's calculation). */
  cost: number;
  /** Benefit (sum of effects) and net (benefit − cost) over the project's horizon. */
  benefit: number;
  net: number;
  payback: { status: PaybackStatus; months: number | null };
}

/** One project's row: what it is and its key figures (amounts in the portfolio's price year). */
export interface PortfolioRow {
  file: string;
  name: string;
  kind: ProjectKind;
  insatsklass: string | null;
  evidence: EvidenceGrade;
  /** The project's own price year, and the KPI factor that moved its amounts to the portfolio's. */
  priceYear: number;
  uprating: number;
  horizonYears: number;
  participants: number;
  /** Total (undiscounted) intervention cost. */
  cost: number;
  costPerParticipant: number;
  /** Society's potential per participant and year in the före situation (method §6). */
  potentialPerParticipant: number;
  verkningsgrad: number | null;
  /** Society's annual effect per participant. */
  annualEffectPerParticipant: number;
  /** Society's lönsamhet per participant and year: net over the horizon ÷ participants ÷ horizon years. */
  netPerParticipantYear: number;
  /** Society as a whole. */
  society: ActorFigures;
  /** Each funder of the portfolio (actors bearing intervention cost in any project). */
  funders: Record<string, ActorFigures>;
}

/** The key figures compared across projects (mean, median, deviation). */
export const KEY_FIGURES = ['costPerParticipant', 'potentialPerParticipant', 'verkningsgrad', 'annualEffectPerParticipant', 'netPerParticipantYear', 'paybackMonths'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

/** Totals per funder (and society): what the money returned, summed over projects. */
export interface Totals {
  cost: number;
  benefit: number;
  net: number;
  /** benefit ÷ cost: kronor back per krona; null when no cost. */
  returnPerKrona: number | null;
}

export interface Portfolio {
  /** The price year every amount is expressed in. */
  priceYear: number;
  /** Price years of the projects that were uprated (empty when all share the portfolio's). */
  upratedFrom: number[];
  rows: PortfolioRow[];
  failures: PortfolioFailure[];
  /** Funders in catalogue order, with labels. */
  funders: { id: string; label: string; labelEn: string }[];
  /** Mean and median of each key figure over the projects. */
  centres: Record<KeyFigure, Centre>;
  /** Per row (same order), each key figure's deviation from mean and median. */
  deviations: Record<KeyFigure, Deviation>[];
  totals: {
    projects: number;
    participants: number;
    cost: number;
    society: Totals;
    funders: Record<string, Totals>;
  };
}

/** A key figure of a row (payback: society's months, null when never or beyond the horizon). */
export function keyFigure(row: PortfolioRow, k: KeyFigure): number | null {
  if (k === 'paybackMonths') return row.society.payback.months;
  return row[k];
}

function figures(a: ActorResult, horizonYears: number, f: number): ActorFigures {
  const h = a.horizons[String(horizonYears)];
  return { cost: a.cost * f, benefit: h.benefit * f, net: h.net * f, payback: { status: a.payback.status, months: a.payback.months } };
}

/** The latest price year among the projects (the default portfolio price year). */
export function latestProjectYear(inputs: readonly PortfolioInput[]): number | undefined {
  return inputs.length ? Math.max(...inputs.map((i) => i.project.priceYear)) : undefined;
}

/**
 * Builds the portfolio from calculated projects.
 * @param priceYear the year to uprate to (default: the latest project price year)
 * @throws InputError when the KPI lacks a year needed for uprating
 */
export function buildPortfolio(inputs: readonly PortfolioInput[], catalog: Catalog, options: { priceYear?: number; failures?: PortfolioFailure[] } = {}): Portfolio {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const priceYear = options.priceYear ?? latestProjectYear(sorted) ?? 0;
  const funderIds = new Set<string>();
  for (const i of sorted) for (const a of Object.values(i.result.actors)) if (a.cost > 0) funderIds.add(a.id);
  const funders = catalog.actors.filter((a) => funderIds.has(a.id)).map((a) => ({ id: a.id, label: a.label, labelEn: a.labelEn }));

  const rows: PortfolioRow[] = sorted.map(({ file, project, result: r }) => {
    const f = uprate(catalog, 1, PORTFOLIO_INDEX, project.priceYear, priceYear);
    const H = project.horizonYears;
    const society = r.groups[SOCIETY];
    const per = r.potential.perParticipant;
    const n = r.participants;
    return {
      file, name: project.name, kind: project.kind ?? 'utvardering', insatsklass: project.insatsklass ?? null,
      evidence: project.evidence, priceYear: project.priceYear, uprating: f, horizonYears: H,
      participants: n,
      cost: r.project.costTotal * f,
      costPerParticipant: per.cost * f,
      potentialPerParticipant: per.potentialFore * f,
      verkningsgrad: r.potential.verkningsgrad,
      annualEffectPerParticipant: per.annualEffect * f,
      netPerParticipantYear: n > 0 ? (society.horizons[String(H)].net * f) / n / H : 0,
      society: figures(society, H, f),
      funders: Object.fromEntries(funders.map((a) => [a.id, figures(r.actors[a.id], H, f)])),
    };
  });

  const centres = Object.fromEntries(KEY_FIGURES.map((k) => [k, centre(rows.map((row) => keyFigure(row, k)))])) as Record<KeyFigure, Centre>;
  const deviations = rows.map((row) => Object.fromEntries(KEY_FIGURES.map((k) => [k, deviation(keyFigure(row, k), centres[k])])) as Record<KeyFigure, Deviation>);

  const total = (pick: (row: PortfolioRow) => ActorFigures): Totals => {
    let cost = 0, benefit = 0, net = 0;
    for (const row of rows) {
      const x = pick(row);
      cost += x.cost;
      benefit += x.benefit;
      net += x.net;
    }
    return { cost, benefit, net, returnPerKrona: cost > 0 ? benefit / cost : null };
  };

  return {
    priceYear,
    upratedFrom: [...new Set(rows.filter((r) => r.priceYear !== priceYear).map((r) => r.priceYear))].sort(),
    rows,
    failures: [...(options.failures ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    funders,
    centres,
    deviations,
    totals: {
      projects: rows.length,
      participants: rows.reduce((s, r) => s + r.participants, 0),
      cost: rows.reduce((s, r) => s + r.cost, 0),
      society: total((r) => r.society),
      funders: Object.fromEntries(funders.map((a) => [a.id, total((r) => r.funders[a.id])])),
    },
  };
}

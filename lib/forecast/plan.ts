/**
 * A forecast plan (prognos, docs/prognos.md): `kind: prognos` in prognos.yaml (or projekt.yaml). Planned
 * participants (total and per year), the target group by före situation (counts or shares), the
 * expected efter distribution per före group as shares with a low and a high value and the
 * evidence each rests on, the budget by year and its financing key. The outcome rows are a
 * transition table read by model/transitions.ts in plan mode (`andel` or `antal`); whoever no
 * row moves stays in the före situation. The plan becomes an ordinary Project of typfall whose
 * weights are n_group × share, so the engine prices it unchanged.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Catalog, Source, Status } from '../catalog/types.js';
import { paramAt, referenceDate } from '../catalog/value-at.js';
import { validateProject } from '../model/project.js';
import { parseProjectText, resolveProjectPath } from '../model/read-project.js';
import { FORECAST_EVIDENCE, bundledMapping, findCategory, parseMapping, readTransitions, type ForecastEvidence } from '../model/transitions.js';
import { diskFiles } from '../model/node-files.js';
import type { Line, Project } from '../model/types.js';
import type { Problem } from '../util/errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys of a plan file; those of an ordinary project that a plan shares are passed to validateProject. */
const SHARED_KEYS = ['name', 'description', 'priceYear', 'horizonYears', 'discountRate', 'deadweight', 'dropOff', 'cost', 'taxRates', 'referenceWage', 'disclosureThreshold', 'uncertainty', 'insatsklass', 'kind', 'prices'];
const PLAN_KEYS = ['kind', ...SHARED_KEYS, 'participants', 'targetGroup', 'outcomes', 'outcomesFile', 'mapping', 'optimismBias', 'breakEven'];
const OUTCOME_KEYS: Record<string, string> = {
  fore: 'forsorjning_fore', forsorjning_fore: 'forsorjning_fore', efter: 'forsorjning_efter', forsorjning_efter: 'forsorjning_efter',
  andel: 'andel', antal: 'antal', low: 'lag', lag: 'lag', high: 'hog', hog: 'hog', evidens: 'evidens', evidence: 'evidens', kalla: 'kalla', source: 'kalla',
};

/** The catalogue parameter with the optimism adjustment per evidence level. */
export const OPTIMISM_PARAMETER = 'params.osakerhet.optimism';

/** One expected outcome: a share of a före group moving to an efter situation. */
export interface PlanOutcome {
  /** Index of its typfall in `plan.project.participants`. */
  participant: number;
  /** Före and efter keys (category ids joined by `+`). */
  fore: string;
  efter: string;
  /** Stated share of the före group, with its low and high values (default: the share). */
  share: number;
  low: number;
  high: number;
  evidence: ForecastEvidence;
  source?: string;
  /** Where it was stated. */
  file: string;
  sheet?: string;
  row: number;
}

/** A target group: the planned participants with one före situation. */
export interface PlanGroup {
  fore: string;
  n: number;
  /** Index of the group's unchanged typfall in `plan.project.participants`. */
  unchanged: number;
}

/** The optimism adjustment: the share of each stated outcome share removed, per evidence level. */
export interface OptimismBias {
  levels: Record<ForecastEvidence, number>;
  status: Status;
  source: Source;
  /** Levels the plan set itself (`optimismBias:`). */
  overridden: ForecastEvidence[];
}

/** A validated forecast plan. */
export interface ForecastPlan {
  file: string;
  /** The typfall project at the stated (unadjusted) shares. */
  project: Project;
  /** Planned participants in total, and entering per project year (sum = total). */
  total: number;
  byYear: number[];
  groups: PlanGroup[];
  outcomes: PlanOutcome[];
  optimism: OptimismBias;
  /** The efter situation of the break-even sentence (default `arbete`, arbete utan stöd). */
  breakEven: { category: string; label: string; labelEn: string; lines: Line[] };
  /** Observation months of a transition category. */
  months: number;
}

export interface PlanRead {
  file: string;
  plan?: ForecastPlan;
  problems: Problem[];
  notes: { sv: string; en: string }[];
}

/** Plan file names in a folder, looked for before the project file names (whose kind: prognos also marks a plan). */
export const PLAN_FILE_NAMES = ['prognos.yaml', 'prognos.yml', 'prognos.json'];

/** Resolves a plan argument (file or folder). @throws InputError when there is none */
export function resolvePlanPath(path: string): string {
  if (existsSync(path) && statSync(path).isDirectory()) for (const n of PLAN_FILE_NAMES) if (existsSync(join(path, n))) return join(path, n);
  return resolveProjectPath(path);
}

/** Whether a parsed file is a forecast plan (kind: prognos with a target group or outcomes). */
export const isPlan = (raw: unknown): boolean => isObj(raw) && raw.kind === 'prognos' && ['targetGroup', 'outcomes', 'outcomesFile'].some((k) => k in raw);

/**
 * Reads and validates a plan file or folder.
 * @returns the plan when there are no errors, and every problem found
 */
export async function readPlan(path: string, catalog: Catalog): Promise<PlanRead> {
  const file = resolvePlanPath(path);
  const raw = parseProjectText(readFileSync(file, 'utf8'), file);
  const problems: Problem[] = [];
  const err = (p: string, sv: string, en: string, value?: unknown) => problems.push({ severity: 'error', file, path: p, sv, en, ...(value === undefined ? {} : { value }) });
  if (!isObj(raw) || raw.kind !== 'prognos') {
    err('kind', 'en prognos anges med kind: prognos', 'a forecast is marked kind: prognos', isObj(raw) ? raw.kind : raw);
    return { file, problems, notes: [] };
  }
  for (const k of Object.keys(raw)) if (!PLAN_KEYS.includes(k)) err(k, `okänd nyckel; tillåtna: ${PLAN_KEYS.join(', ')}`, `unknown key; allowed: ${PLAN_KEYS.join(', ')}`, k);

  // Participants: total and per year.
  const num = (v: unknown, p: string, o: { integer?: boolean } = {}): number | undefined => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (o.integer && !Number.isInteger(v))) {
      err(p, o.integer ? 'ett heltal, 0 eller mer, krävs' : 'ett tal, 0 eller mer, krävs', o.integer ? 'a whole number, 0 or more, is required' : 'a number, 0 or more, is required', v);
      return undefined;
    }
    return v;
  };
  const part = raw.participants;
  let total: number | undefined;
  let byYear: number[] | undefined;
  if (typeof part === 'number') total = num(part, 'participants', { integer: true });
  else if (isObj(part)) {
    for (const k of Object.keys(part)) if (!['total', 'byYear'].includes(k)) err(`participants.${k}`, 'okänd nyckel; tillåtna: total, byYear', 'unknown key; allowed: total, byYear', k);
    if (part.total !== undefined) total = num(part.total, 'participants.total', { integer: true });
    if (part.byYear !== undefined) {
      if (!Array.isArray(part.byYear) || part.byYear.length === 0) err('participants.byYear', 'en lista med antal nya deltagare per projektår, t.ex. [15, 25]', 'a list of new participants per project year, e.g. [15, 25]', part.byYear);
      else byYear = part.byYear.map((v, i) => num(v, `participants.byYear[${i}]`) ?? 0);
    }
  } else if (part !== undefined) err('participants', 'ange { total, byYear? } (planerade deltagare, totalt och per år)', 'give { total, byYear? } (planned participants, in total and per year)', part);

  // Target group.
  const targetGroup: { fore: string; n: number; path: string }[] = [];
  if (!Array.isArray(raw.targetGroup) || raw.targetGroup.length === 0) {
    err('targetGroup', 'målgruppen krävs: en lista [{ fore: forsorjningsstod, andel: 0.6 }, …] (andel av deltagarna eller antal)', 'the target group is required: a list [{ fore: forsorjningsstod, andel: 0.6 }, …] (share of participants or count)', raw.targetGroup);
  } else {
    let sum = 0;
    raw.targetGroup.forEach((g: unknown, i: number) => {
      const at = `targetGroup[${i}]`;
      if (!isObj(g) || typeof g.fore !== 'string') return err(at, 'ska vara { fore, andel } eller { fore, antal }', 'must be { fore, andel } or { fore, antal }', g);
      for (const k of Object.keys(g)) if (!['fore', 'andel', 'antal'].includes(k)) err(`${at}.${k}`, 'okänd nyckel; tillåtna: fore, andel, antal', 'unknown key; allowed: fore, andel, antal', k);
      let n: number | undefined;
      if ((g.andel === undefined) === (g.antal === undefined)) err(at, 'ange andel eller antal (ett av dem)', 'give andel or antal (one of them)', g);
      else if (g.antal !== undefined) n = num(g.antal, `${at}.antal`);
      else {
        const s = num(g.andel, `${at}.andel`);
        if (s !== undefined && s > 1) err(`${at}.andel`, 'andelen är över 100 %; ange den mellan 0 och 1', 'the share is above 100 %; give it between 0 and 1', s);
        else if (s !== undefined && total === undefined) err(`${at}.andel`, 'en andel kräver participants.total', 'a share needs participants.total', s);
        else if (s !== undefined) n = s * total!;
      }
      if (n !== undefined) {
        sum += n;
        targetGroup.push({ fore: g.fore, n, path: at });
      }
    });
    if (total === undefined && targetGroup.length === raw.targetGroup.length) total = sum;
    else if (total !== undefined && Math.abs(sum - total) > 1e-6 * Math.max(1, total) && targetGroup.length === raw.targetGroup.length) {
      err('targetGroup', `målgruppen summerar till ${+sum.toFixed(4)} deltagare men participants.total är ${total}`, `the target group sums to ${+sum.toFixed(4)} participants but participants.total is ${total}`, +sum.toFixed(4));
    }
  }
  if (total !== undefined && byYear) {
    const s = byYear.reduce((a, b) => a + b, 0);
    if (Math.abs(s - total) > 1e-6 * Math.max(1, total)) err('participants.byYear', `deltagarna per år summerar till ${+s.toFixed(4)} men totalt är ${total}`, `participants per year sum to ${+s.toFixed(4)} but the total is ${total}`, byYear);
    const H = typeof raw.horizonYears === 'number' ? raw.horizonYears : 5;
    if (byYear.length > H) err('participants.byYear', `fler år (${byYear.length}) än horisonten (${H} år)`, `more years (${byYear.length}) than the horizon (${H} years)`, byYear);
  }

  // Outcomes: inline list or a table file, read as a transition table in plan mode.
  const dir = dirname(resolve(file));
  const shown = (name: string) => join(dirname(file), name);
  let source: string | unknown[] | undefined;
  if (raw.outcomesFile !== undefined && raw.outcomes !== undefined) err('outcomesFile', 'ange outcomes eller outcomesFile, inte båda', 'give outcomes or outcomesFile, not both');
  else if (typeof raw.outcomesFile === 'string') source = join(dir, raw.outcomesFile);
  else if (Array.isArray(raw.outcomes)) {
    source = raw.outcomes.map((o: unknown, i: number) => {
      if (!isObj(o)) return o;
      const row: Obj = {};
      for (const [k, v] of Object.entries(o)) {
        const f = OUTCOME_KEYS[k];
        if (f) row[f] = v;
        else err(`outcomes[${i}].${k}`, `okänd nyckel; tillåtna: ${[...new Set(Object.keys(OUTCOME_KEYS))].join(', ')}`, `unknown key; allowed: ${[...new Set(Object.keys(OUTCOME_KEYS))].join(', ')}`, k);
      }
      return row;
    });
  } else err('outcomes', 'förväntade utfall krävs: outcomes: [{ fore, efter, andel, low, high, evidens, kalla }] eller outcomesFile: utfall.csv', 'expected outcomes are required: outcomes: [{ fore, efter, andel, low, high, evidens, kalla }] or outcomesFile: utfall.csv', raw.outcomes ?? raw.outcomesFile);

  const notes: PlanRead['notes'] = [];
  let participants: Obj[] = [];
  let shares: NonNullable<Awaited<ReturnType<typeof readTransitions>>['shares']> = [];
  let groupsRead: NonNullable<Awaited<ReturnType<typeof readTransitions>>['groups']> = [];
  if (source !== undefined && targetGroup.length > 0) {
    const read = await readTransitions(source, catalog, { mapping: raw.mapping, projectFile: file, display: (p) => shown(relative(dir, p)), targetGroup, inlineSheet: 'outcomes', files: diskFiles() });
    problems.push(...read.problems);
    notes.push(...read.notes.slice(0, -1));
    participants = read.participants;
    shares = read.shares ?? [];
    groupsRead = read.groups ?? [];
  }

  // Optimism adjustment: catalogue levels, the plan's overrides.
  const priceYear = typeof raw.priceYear === 'number' ? raw.priceYear : undefined;
  let optimism: OptimismBias | undefined;
  if (priceYear) {
    const v = paramAt<Record<string, number>>(catalog, OPTIMISM_PARAMETER, referenceDate(priceYear));
    const levels = {} as Record<ForecastEvidence, number>;
    for (const e of FORECAST_EVIDENCE) levels[e] = v.value[e];
    const overridden: ForecastEvidence[] = [];
    if (raw.optimismBias !== undefined) {
      if (!isObj(raw.optimismBias)) err('optimismBias', `ska vara { ${FORECAST_EVIDENCE.join(', ')} } med andelar 0–1`, `must be { ${FORECAST_EVIDENCE.join(', ')} } with shares 0–1`, raw.optimismBias);
      else {
        for (const [k, x] of Object.entries(raw.optimismBias)) {
          if (!(FORECAST_EVIDENCE as readonly string[]).includes(k)) err(`optimismBias.${k}`, `okänd evidensnivå; tillåtna: ${FORECAST_EVIDENCE.join(', ')}`, `unknown evidence level; allowed: ${FORECAST_EVIDENCE.join(', ')}`, k);
          else if (typeof x !== 'number' || x < 0 || x > 1) err(`optimismBias.${k}`, 'en andel mellan 0 och 1 krävs (t.ex. 0.2 för 20 %)', 'a share between 0 and 1 is required (e.g. 0.2 for 20 %)', x);
          else {
            levels[k as ForecastEvidence] = x;
            overridden.push(k as ForecastEvidence);
          }
        }
      }
    }
    optimism = { levels, status: v.status, source: v.source, overridden };
  }

  // Break-even target category (default arbete).
  let mapping = bundledMapping(catalog);
  if (raw.mapping !== undefined) mapping = parseMapping(raw.mapping, file, 'mapping', mapping).mapping;
  const be = isObj(raw.breakEven) ? raw.breakEven : {};
  if (raw.breakEven !== undefined && (!isObj(raw.breakEven) || Object.keys(raw.breakEven).some((k) => k !== 'till'))) err('breakEven', 'ska vara { till: arbete } (en försörjningskategori)', 'must be { till: arbete } (a support category)', raw.breakEven);
  const beCat = findCategory(mapping, typeof be.till === 'string' ? be.till : 'arbete');
  if (!beCat) err('breakEven.till', `okänd försörjningskategori; kända: ${[...mapping.categories.keys()].join(', ')}`, `unknown support category; known: ${[...mapping.categories.keys()].join(', ')}`, be.till);

  const projectRaw: Obj = Object.fromEntries(Object.entries(raw).filter(([k]) => SHARED_KEYS.includes(k)));
  projectRaw.participants = participants;
  if (participants.length === 0 && problems.some((p) => p.severity === 'error')) projectRaw.participants = [{ weight: 0, fore: { lines: [] }, efter: { lines: [] } }];
  const v = validateProject(projectRaw, catalog, file);
  problems.push(...v.problems);
  if (problems.some((p) => p.severity === 'error') || !v.project || total === undefined || !optimism || !beCat) return { file, problems, notes };

  const outcomes: PlanOutcome[] = shares.map((s) => ({
    participant: s.participant, fore: s.fore, efter: s.efter, share: s.share, low: s.low ?? s.share, high: s.high ?? s.share,
    evidence: (s.evidence ?? 'antagande') as ForecastEvidence, source: s.source, file: s.file, sheet: s.sheet, row: s.row,
  }));
  const groups: PlanGroup[] = groupsRead.map((g) => ({ fore: g.fore, n: g.n, unchanged: g.unchanged! }));
  const plan: ForecastPlan = {
    file, project: v.project, total, byYear: byYear ?? [total], groups, outcomes, optimism,
    breakEven: { category: beCat.id, label: beCat.label, labelEn: beCat.labelEn, lines: beCat.lines as unknown as Line[] },
    months: mapping.months,
  };
  return { file, plan, problems, notes };
}

/**
 * Typfall weights for outcome shares (one per outcome, in `plan.outcomes` order): outcome k's
 * typfall weighs n_group × share_k; each group's unchanged typfall n_group × (1 − Σ its shares).
 */
export function planWeights(plan: ForecastPlan, shares: ArrayLike<number>): Float64Array {
  const w = new Float64Array(plan.project.participants.length);
  const moved = new Map<string, number>();
  plan.outcomes.forEach((o, k) => {
    const g = plan.groups.find((x) => x.fore === o.fore)!;
    w[o.participant] = g.n * shares[k];
    moved.set(o.fore, (moved.get(o.fore) ?? 0) + shares[k]);
  });
  for (const g of plan.groups) w[g.unchanged] = Math.max(0, g.n * (1 - (moved.get(g.fore) ?? 0)));
  return w;
}

/** The plan's typfall project at the given outcome shares. */
export function planProject(plan: ForecastPlan, shares: ArrayLike<number>): Project {
  const w = planWeights(plan, shares);
  return { ...plan.project, participants: plan.project.participants.map((p, i) => ({ ...p, weight: w[i] })) };
}

/** The stated shares, and the shares after the optimism adjustment (share × (1 − level of its evidence)). */
export function statedShares(plan: ForecastPlan): number[] {
  return plan.outcomes.map((o) => o.share);
}
export function adjustedShares(plan: ForecastPlan, shares: ArrayLike<number> = statedShares(plan)): number[] {
  return plan.outcomes.map((o, k) => shares[k] * (1 - plan.optimism.levels[o.evidence]));
}

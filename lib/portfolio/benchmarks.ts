/**
 * The open reference set (data/benchmarks/, issue 15): published Swedish results of other
 * evaluators — other figures, other methods — one YAML file per report, holding exactly what the
 * source states and where it was read. Pure: parses file texts, so it runs in Node and notebooks.
 * Amounts are uprated by KPI (årsmedel) from the entry's price year; months and shares are not.
 */
import { parse as parseYaml } from 'yaml';
import { parseSimpleYaml } from '../util/simple-yaml.js';
import type { Catalog } from '../catalog/types.js';
import { uprate } from '../catalog/value-at.js';
import { checkClass } from '../model/insatsklass.js';
import { ProblemList, type Problem } from '../util/errors.js';
import { PORTFOLIO_INDEX, type ProjectKind } from './portfolio.js';
import { SOCIETY } from '../catalog/groups.js';

/** What a figure is. Money keys are uprated; `verkningsgrad` is a share; `payback` is months. */
export const FIGURE_KEYS = ['costTotal', 'costPerParticipant', 'potentialPerParticipantYear', 'verkningsgrad', 'netPerParticipantYear', 'annualEffect', 'benefit', 'net', 'payback'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
const MONEY: ReadonlySet<FigureKey> = new Set(['costTotal', 'costPerParticipant', 'potentialPerParticipantYear', 'netPerParticipantYear', 'annualEffect', 'benefit', 'net']);
/** Keys that belong to an actor (society or one actor); benefit and net also to a horizon. */
const PER_ACTOR: ReadonlySet<FigureKey> = new Set(['annualEffect', 'benefit', 'net', 'payback']);
const PER_HORIZON: ReadonlySet<FigureKey> = new Set(['benefit', 'net']);
/** Qualifiers the reports put on rounded figures ("drygt 2 Mkr", "knappt 4 Mkr"). */
export const APPROX = ['drygt', 'knappt', 'narmare', 'cirka', 'over', 'under'] as const;
export type Approx = (typeof APPROX)[number];

export const isMoney = (k: FigureKey): boolean => MONEY.has(k);

/** Where a figure was read. */
export interface BenchmarkSource {
  title: string;
  href?: string;
  retrieved: string;
  /** What was readable there (the stored pages hold only a document's opening). */
  read: string;
}

/** One figure exactly as the source states it. */
export interface BenchmarkFigure {
  key: FigureKey;
  /** Society (`samhallet`), a group or an actor, for per-actor keys. */
  actor?: string;
  /** Years the figure covers, for benefit and net. */
  horizon?: number;
  value: number;
  approx?: Approx;
  /** The source's words. */
  quote: string;
  /** Index into `sources`. */
  source: number;
}

export interface BenchmarkEntry {
  id: string;
  file: string;
  title: string;
  evaluator: string;
  method: string;
  kind: ProjectKind;
  insatsklass?: string;
  /** Publication year; undefined when the readable part bears no date (then `yearUnknown` says so). */
  year?: number;
  yearUnknown?: string;
  /** Price year of the amounts, and whether the source states it (otherwise taken as the publication year). */
  priceYear?: number;
  priceYearStated: boolean;
  participants?: number;
  sources: BenchmarkSource[];
  figures: BenchmarkFigure[];
  notes?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENTRY_KEYS = ['id', 'title', 'evaluator', 'method', 'kind', 'insatsklass', 'year', 'yearUnknown', 'priceYear', 'priceYearStated', 'participants', 'sources', 'figures', 'notes'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates one reference entry.
 * @param file the file name shown in messages (its base name must be `<id>.yaml`)
 */
export function validateBenchmark(raw: unknown, catalog: Catalog, file: string): { entry?: BenchmarkEntry; problems: Problem[] } {
  const p = new ProblemList(file);
  if (!isObj(raw)) {
    p.error('', 'referensposten ska vara ett objekt med id, title, year, sources och figures', 'the reference entry must be an object with id, title, year, sources and figures', raw);
    return { problems: p.items };
  }
  for (const k of Object.keys(raw)) if (!ENTRY_KEYS.includes(k)) p.error(k, `okänd nyckel; tillåtna: ${ENTRY_KEYS.join(', ')}`, `unknown key; allowed: ${ENTRY_KEYS.join(', ')}`, k);
  const text = (k: string, required = true): string => {
    const v = raw[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (required || v !== undefined) p.error(k, 'text krävs', 'text required', v);
    return '';
  };
  const id = text('id');
  if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) p.error('id', 'id med små bokstäver a–z, siffror och bindestreck', 'id of lower-case a–z, digits and hyphens', id);
  const base = file.split(/[\\/]/).pop()?.replace(/\.ya?ml$/, '');
  if (id && base && base !== id) p.error('id', `id ska vara filens namn (${base})`, `id must be the file's name (${base})`, id);
  const title = text('title');
  const evaluator = text('evaluator');
  const method = text('method');
  const kind = raw.kind === 'utvardering' || raw.kind === 'prognos' ? raw.kind : (p.error('kind', 'ska vara utvardering eller prognos', 'must be utvardering or prognos', raw.kind), 'utvardering' as const);
  let insatsklass: string | undefined;
  if (raw.insatsklass !== undefined) {
    const c = checkClass(raw.insatsklass, catalog);
    if (c.ok) insatsklass = c.id;
    else p.error('insatsklass', c.sv, c.en, raw.insatsklass);
  }
  const year = raw.year === undefined ? undefined : yearOf(raw.year, 'year', p);
  const yearUnknown = text('yearUnknown', false) || undefined;
  if (year === undefined && !yearUnknown) p.error('year', 'utgivningsår krävs (eller yearUnknown: varför året inte går att läsa)', 'publication year required (or yearUnknown: why the year cannot be read)');
  if (year !== undefined && yearUnknown) p.error('yearUnknown', 'ange antingen year eller yearUnknown', 'give either year or yearUnknown');
  const priceYear = raw.priceYear === undefined ? year : yearOf(raw.priceYear, 'priceYear', p);
  if (raw.priceYearStated !== undefined && typeof raw.priceYearStated !== 'boolean') p.error('priceYearStated', 'true eller false', 'true or false', raw.priceYearStated);
  const priceYearStated = raw.priceYearStated === true;
  let participants: number | undefined;
  if (raw.participants !== undefined) {
    if (typeof raw.participants === 'number' && Number.isInteger(raw.participants) && raw.participants > 0) participants = raw.participants;
    else p.error('participants', 'ett positivt heltal', 'a positive integer', raw.participants);
  }

  const sources: BenchmarkSource[] = [];
  if (!Array.isArray(raw.sources) || raw.sources.length === 0) p.error('sources', 'minst en källa krävs: { title, href?, retrieved, read }', 'at least one source required: { title, href?, retrieved, read }', raw.sources);
  else raw.sources.forEach((s: unknown, i: number) => {
    const at = `sources[${i}]`;
    if (!isObj(s)) return p.error(at, 'ska vara { title, href?, retrieved, read }', 'must be { title, href?, retrieved, read }', s);
    for (const k of Object.keys(s)) if (!['title', 'href', 'retrieved', 'read'].includes(k)) p.error(`${at}.${k}`, 'okänd nyckel; tillåtna: title, href, retrieved, read', 'unknown key; allowed: title, href, retrieved, read', k);
    const t = typeof s.title === 'string' && s.title.trim() ? s.title.trim() : (p.error(`${at}.title`, 'dokumentets titel krävs', "the document's title is required", s.title), '');
    let href: string | undefined;
    if (s.href !== undefined) {
      if (typeof s.href === 'string' && /^https?:\/\/\S+$/.test(s.href)) href = s.href;
      else p.error(`${at}.href`, 'en http(s)-adress', 'an http(s) address', s.href);
    }
    const retrieved = String(s.retrieved ?? '');
    if (!DATE.test(retrieved)) p.error(`${at}.retrieved`, 'datum ÅÅÅÅ-MM-DD då källan lästes', 'date YYYY-MM-DD the source was read', s.retrieved);
    const read = typeof s.read === 'string' && s.read.trim() ? s.read.trim() : (p.error(`${at}.read`, 'säg vad som gick att läsa i källan', 'say what was readable in the source', s.read), '');
    sources.push({ title: t, ...(href ? { href } : {}), retrieved, read });
  });

  const actors = new Set([...catalog.actors.map((a) => a.id), ...catalog.groups.map((g) => g.id), SOCIETY]);
  const figures: BenchmarkFigure[] = [];
  if (raw.figures !== undefined && !Array.isArray(raw.figures)) p.error('figures', 'en lista (tom om källan inte anger några siffror)', 'a list (empty when the source states no figures)', raw.figures);
  (Array.isArray(raw.figures) ? raw.figures : []).forEach((f: unknown, i: number) => {
    const at = `figures[${i}]`;
    if (!isObj(f)) return p.error(at, 'ska vara { key, value, quote, source, ... }', 'must be { key, value, quote, source, ... }', f);
    for (const k of Object.keys(f)) if (!['key', 'actor', 'horizon', 'value', 'approx', 'quote', 'source'].includes(k)) p.error(`${at}.${k}`, 'okänd nyckel; tillåtna: key, actor, horizon, value, approx, quote, source', 'unknown key; allowed: key, actor, horizon, value, approx, quote, source', k);
    const key = f.key as FigureKey;
    if (!FIGURE_KEYS.includes(key)) return p.error(`${at}.key`, `ska vara ${FIGURE_KEYS.join(' | ')}`, `must be ${FIGURE_KEYS.join(' | ')}`, f.key);
    const before = p.errors.length;
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) p.error(`${at}.value`, 'ett tal krävs', 'a number is required', f.value);
    if (key === 'verkningsgrad' && typeof f.value === 'number' && (f.value < -1 || f.value > 1)) p.error(`${at}.value`, 'verkningsgrad anges som andel (0.25 = 25 %)', 'verkningsgrad is a share (0.25 = 25 %)', f.value);
    if (key === 'payback' && typeof f.value === 'number' && f.value < 0) p.error(`${at}.value`, 'månader, inte negativt', 'months, not negative', f.value);
    if (PER_ACTOR.has(key)) {
      if (typeof f.actor !== 'string' || !actors.has(f.actor)) p.error(`${at}.actor`, `aktör krävs för ${key}; finns: ${[...actors].join(', ')}`, `an actor is required for ${key}; available: ${[...actors].join(', ')}`, f.actor);
    } else if (f.actor !== undefined) p.error(`${at}.actor`, `${key} gäller hela insatsen, inte en aktör`, `${key} applies to the whole insats, not an actor`, f.actor);
    if (PER_HORIZON.has(key)) {
      if (typeof f.horizon !== 'number' || !Number.isInteger(f.horizon) || f.horizon < 1 || f.horizon > 50) p.error(`${at}.horizon`, `horisont i år krävs för ${key} (t.ex. 1 eller 5)`, `a horizon in years is required for ${key} (e.g. 1 or 5)`, f.horizon);
    } else if (f.horizon !== undefined) p.error(`${at}.horizon`, `${key} har ingen horisont`, `${key} has no horizon`, f.horizon);
    if (f.approx !== undefined && !APPROX.includes(f.approx as Approx)) p.error(`${at}.approx`, `ska vara ${APPROX.join(' | ')}`, `must be ${APPROX.join(' | ')}`, f.approx);
    if (typeof f.quote !== 'string' || !f.quote.trim()) p.error(`${at}.quote`, 'citera källans ord för siffran', "quote the source's words for the figure", f.quote);
    const source = f.source ?? 0;
    if (typeof source !== 'number' || !Number.isInteger(source) || source < 0 || source >= Math.max(1, sources.length)) p.error(`${at}.source`, `index i sources (0–${Math.max(0, sources.length - 1)})`, `an index into sources (0–${Math.max(0, sources.length - 1)})`, f.source);
    if (MONEY.has(key) && priceYear === undefined) p.error(at, 'belopp kräver ett prisår (year eller priceYear) för att kunna räknas om', 'amounts need a price year (year or priceYear) to be uprated', key);
    if (p.errors.length > before) return;
    figures.push({
      key, value: f.value as number, quote: (f.quote as string).trim(), source: source as number,
      ...(typeof f.actor === 'string' ? { actor: f.actor } : {}), ...(typeof f.horizon === 'number' ? { horizon: f.horizon } : {}),
      ...(f.approx !== undefined ? { approx: f.approx as Approx } : {}),
    });
  });
  if (priceYear !== undefined && figures.some((f) => MONEY.has(f.key)) && !catalog.series.get(PORTFOLIO_INDEX)?.values.some((v) => v.validFrom.startsWith(`${priceYear}-`))) {
    p.error('priceYear', `KPI saknas för ${priceYear}; lägg till året i data/index/kpi_arsmedel.yaml`, `the CPI lacks ${priceYear}; add the year to data/index/kpi_arsmedel.yaml`, priceYear);
  }
  if (p.errors.length) return { problems: p.items };
  return {
    entry: {
      id, file, title, evaluator, method, kind, priceYearStated, sources, figures,
      ...(insatsklass ? { insatsklass } : {}), ...(year !== undefined ? { year } : {}), ...(yearUnknown ? { yearUnknown } : {}),
      ...(priceYear !== undefined ? { priceYear } : {}), ...(participants !== undefined ? { participants } : {}),
      ...(typeof raw.notes === 'string' && raw.notes.trim() ? { notes: raw.notes.trim() } : {}),
    },
    problems: p.items,
  };
}

function yearOf(v: unknown, path: string, p: ProblemList): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  p.error(path, 'ett årtal (ÅÅÅÅ)', 'a year (YYYY)', v);
  return undefined;
}

/**
 * Parses and validates every reference file (paths → texts), sorted by id.
 * @returns the valid entries and every problem (a set with problems should not be used)
 */
export function parseBenchmarks(files: Record<string, string>, catalog: Catalog): { entries: BenchmarkEntry[]; problems: Problem[] } {
  const entries: BenchmarkEntry[] = [];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const file of Object.keys(files).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    let raw: unknown;
    try {
      const text = files[file].replace(/^\uFEFF/, '');
      // The plain subset (every bundled entry) is read without yaml, whose first, cold parse was a
      // twentieth of a report; parseSimpleYaml gives yaml's value or hands the file to yaml.
      raw = parseSimpleYaml(text) ?? parseYaml(text, { uniqueKeys: true });
    } catch (e) {
      problems.push({ severity: 'error', file, path: '', sv: `ogiltig YAML: ${(e as Error).message.split('\n')[0]}`, en: `invalid YAML: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    const r = validateBenchmark(raw, catalog, file);
    problems.push(...r.problems);
    if (r.entry) {
      if (ids.has(r.entry.id)) problems.push({ severity: 'error', file, path: 'id', sv: 'id förekommer i flera filer', en: 'id occurs in several files', value: r.entry.id });
      ids.add(r.entry.id);
      entries.push(r.entry);
    }
  }
  return { entries: entries.sort((a, b) => (a.id < b.id ? -1 : 1)), problems };
}

/** A figure's value in the given price year (money uprated by KPI from the entry's price year). */
export function figureIn(entry: BenchmarkEntry, f: BenchmarkFigure, priceYear: number, catalog: Catalog): number {
  if (!MONEY.has(f.key)) return f.value;
  return uprate(catalog, f.value, PORTFOLIO_INDEX, entry.priceYear!, priceYear);
}

/**
 * Project validation and normalisation (method §10): a raw JSON/YAML object becomes a Project,
 * with every problem collected — file and key path, the value and what was expected — rather
 * than stopping at the first.
 */
import type { Catalog } from '../catalog/types.js';
import { coveredPriceYears, referenceDate, yearRanges } from '../catalog/value-at.js';
import { findKommun, suggestKommun } from '../catalog/kommun.js';
import { optionProblems } from '../catalog/rule-specs.js';
import { closest } from '../util/closest.js';
import { ProblemList, type Problem } from '../util/errors.js';
import { KON_EXPECTED, parseKon } from './attributes.js';
import { containsPersonalNumber, PERSONAL_DATA_HELP, PERSONAL_NUMBER_FOUND, screenPersonalData } from './personal-number.js';
import {
  type Attributes, type CostYear, type EgenPosting, type EvidenceGrade, type Financing, type FollowUp, type Line, type Participant,
  type PriceOverride, type Project, type Situation,
} from './types.js';
import { CATEGORIES, POSTING_KINDS, type Category, type PostingKind } from '../vocabulary.js';
import { suggestItem } from './suggest-item.js';
import { readFinancing, type FinancingContext } from './financing.js';
import { checkClass } from './insatsklass.js';
import { isPlaceholderDescription, isPlaceholderName } from './placeholders.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const PROJECT_KEYS = ['name', 'description', 'priceYear', 'horizonYears', 'discountRate', 'deadweight', 'dropOff', 'cost', 'participants', 'participantsFile', 'comparison', 'taxRates', 'referenceWage', 'evidence', 'disclosureThreshold', 'uncertainty', 'transitions', 'transitionsFile', 'mapping', 'insatsklass', 'kind', 'utjamning', 'prices'];
const PARTICIPANT_KEYS = ['id', 'weight', 'attributes', 'fore', 'efter', 'efter1', 'efter2', 'efter3'];
const ATTRIBUTE_KEYS = ['kon', 'fodelsear', 'alder', 'utbildning', 'hushallstyp', 'kommun'];
const SITUATION_KEYS = ['months', 'lines'];
const LINE_KEYS = ['item', 'months', 'perMonth', 'amountPerMonth', 'extent', 'wage', 'options', 'label', 'postings'];
const EVIDENCE: EvidenceGrade[] = ['foreEfter', 'jamforelsegrupp', 'randomiserad'];

/** A validated project (when there are no errors) and every problem found. */
export interface ValidationResult {
  /** The normalised project; present when there are no errors. */
  project?: Project;
  problems: Problem[];
}

/** Options of `validateProject`. */
export interface ValidateOptions {
  /**
   * Key paths (`participants`, `comparison.participants`) whose values came from tables that were
   * screened cell by cell as they were read (lib/model/participants-file.ts `protectTable`); the
   * project-wide screen does not walk them again (a national file has millions of lines).
   */
  screened?: readonly string[];
  /**
   * Key paths (`participants`, `comparison.participants`) whose situation lines were built by the
   * table reader (lib/model/participants-file.ts), which checks every rule `readLine` applies and
   * gives each line in `readLine`'s shape: the lines are taken as they are, not checked and
   * copied again (a national file has millions). Only the warning about many visits is given here.
   */
  tableLines?: readonly string[];
}

/**
 * Validates a raw project object against the catalogue.
 * @param raw parsed JSON/YAML (participants already read from any participantsFile)
 * @param file the file name used in messages
 */
export function validateProject(raw: unknown, catalog: Catalog, file: string, options: ValidateOptions = {}): ValidationResult {
  const p = new ProblemList(file);
  if (!isObj(raw)) {
    p.error('', 'projektfilen ska vara ett objekt med name, priceYear, cost och participants', 'the project file must be an object with name, priceYear, cost and participants', raw);
    return { problems: p.items };
  }
  // The one personal-data screen: every string, key and id-length number anywhere in the project
  // (participant ids are checked, or pseudonymised, below). Refused values are replaced so no
  // later message can echo them.
  const screened = new Set(options.screened ?? []);
  for (const at of screenPersonalData(raw, (path) => screened.has(path) || /^(comparison\.)?participants\[\d+\]\.id$/.test(path))) {
    p.error(at, `${PERSONAL_NUMBER_FOUND.sv}; ${PERSONAL_DATA_HELP.sv}`, `${PERSONAL_NUMBER_FOUND.en}; ${PERSONAL_DATA_HELP.en}`);
  }
  unknownKeys(raw, PROJECT_KEYS, '', p);
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : (p.error('name', 'projektnamn (text) krävs', 'project name (text) required', raw.name), '');
  const priceYear = int(raw.priceYear, 'priceYear', p, { min: 2000, max: 2100, required: true }) ?? 0;
  const covered = coveredPriceYears(catalog);
  if (priceYear && !covered.includes(priceYear)) {
    const years = yearRanges(covered);
    p.error('priceYear', `prisåret ${priceYear} ligger utanför katalogen: katalogen har värden för ${years}; välj ett av dem (äldre belopp räknas om till prisåret med katalogens index)`, `price year ${priceYear} is outside the catalogue: it has values for ${years}; choose one of them (older amounts are converted to the price year with the catalogue's indices)`, priceYear);
  }
  const horizonYears = int(raw.horizonYears, 'horizonYears', p, { min: 1, max: 50 }) ?? 5;
  const discountRate = frac(raw.discountRate, 'discountRate', p) ?? 0;
  const deadweight = frac(raw.deadweight, 'deadweight', p) ?? 0;
  const dropOff = frac(raw.dropOff, 'dropOff', p) ?? 0;
  const cost = readCost(raw.cost, { catalog, priceYear, participantKommuner: rawKommuner(raw.participants) }, p);

  let taxRates: Project['taxRates'];
  if (raw.taxRates !== undefined) {
    if (!isObj(raw.taxRates)) p.error('taxRates', 'ska vara { kommun, region } i procent', 'must be { kommun, region } in percent', raw.taxRates);
    else {
      unknownKeys(raw.taxRates, ['kommun', 'region'], 'taxRates.', p);
      const k = num(raw.taxRates.kommun, 'taxRates.kommun', p, { min: 0, max: 40, required: true });
      const r = num(raw.taxRates.region, 'taxRates.region', p, { min: 0, max: 40, required: true });
      if (k !== undefined && r !== undefined) taxRates = { kommun: k, region: r };
    }
  }
  const referenceWage = num(raw.referenceWage, 'referenceWage', p, { min: 1 });
  const disclosureThreshold = int(raw.disclosureThreshold, 'disclosureThreshold', p, { min: 3, max: 1000 }) ?? 5;

  const tableLines = new Set(options.tableLines ?? []);
  const participants = readParticipants(raw.participants, 'participants', catalog, priceYear, p, true, tableLines.has('participants'));
  let comparison: Project['comparison'];
  if (raw.comparison !== undefined) {
    if (!isObj(raw.comparison)) p.error('comparison', 'ska vara { participants: [...] }', 'must be { participants: [...] }', raw.comparison);
    else comparison = { participants: readParticipants(raw.comparison.participants, 'comparison.participants', catalog, priceYear, p, false, tableLines.has('comparison.participants')) };
  }
  let evidence: EvidenceGrade = comparison ? 'jamforelsegrupp' : 'foreEfter';
  if (raw.evidence !== undefined) {
    if (EVIDENCE.includes(raw.evidence as EvidenceGrade)) evidence = raw.evidence as EvidenceGrade;
    else p.error('evidence', `ska vara ${EVIDENCE.join(' | ')}`, `must be ${EVIDENCE.join(' | ')}`, raw.evidence);
  }
  // Template text left in place: the report would go to the board as "Mitt projekt".
  if (name && isPlaceholderName(name)) p.warn('name', `projektnamnet är mallens platshållare; skriv projektets riktiga namn`, `the project name is the template's placeholder; write the project's real name`, name);
  if (typeof raw.description === 'string' && isPlaceholderDescription(raw.description)) p.warn('description', 'beskrivningen är mallens instruktion; beskriv insatsen (målgrupp, vad som gjordes, antal deltagare, hur före/efter mättes)', "the description is the template's instruction; describe the intervention (target group, what was done, number of participants, how before/after was measured)", raw.description.slice(0, 40) + '…');
  if (evidence !== 'foreEfter' && !comparison) p.warn('evidence', `bevisgraden ${evidence} anges men ingen jämförelsegrupp finns`, `evidence grade ${evidence} is stated but there is no comparison group`, evidence);

  let uncertainty: Project['uncertainty'];
  if (raw.uncertainty !== undefined) {
    if (!isObj(raw.uncertainty)) p.error('uncertainty', 'ska vara { id: { low, high } }', 'must be { id: { low, high } }', raw.uncertainty);
    else {
      uncertainty = {};
      for (const [id, r] of Object.entries(raw.uncertainty)) {
        if (!isObj(r) || typeof r.low !== 'number' || typeof r.high !== 'number' || r.low > r.high) p.error(`uncertainty.${id}`, 'ska vara { low, high } med low ≤ high', 'must be { low, high } with low ≤ high', r);
        else uncertainty[id] = { low: r.low, high: r.high };
      }
    }
  }

  let insatsklass: string | undefined;
  if (raw.insatsklass !== undefined) {
    const c = checkClass(raw.insatsklass, catalog);
    if (c.ok) insatsklass = c.id;
    else p.error('insatsklass', c.sv, c.en, raw.insatsklass);
  }
  let kind: Project['kind'];
  if (raw.kind !== undefined) {
    if (raw.kind === 'utvardering' || raw.kind === 'prognos') kind = raw.kind;
    else p.error('kind', 'ska vara utvardering (uppföljning av utfall) eller prognos (förväntade utfall)', 'must be utvardering (follow-up of outcomes) or prognos (expected outcomes)', raw.kind);
  }

  const utjamning = readUtjamning(raw.utjamning, catalog, priceYear, p);
  const prices = readPrices(raw.prices, catalog, priceYear, covered, p);

  if (p.errorCount > 0) return { problems: p.items };
  return {
    project: {
      name, priceYear, horizonYears, discountRate, deadweight, dropOff, cost: cost!, participants, comparison, taxRates,
      referenceWage, evidence, disclosureThreshold, uncertainty, warnings: p.warnings,
      ...(kind ? { kind } : {}), ...(insatsklass ? { insatsklass } : {}), ...(utjamning ? { utjamning } : {}),
      ...(prices ? { prices } : {}),
      description: typeof raw.description === 'string' ? raw.description : undefined,
    },
    problems: p.items,
  };
}

/** The participants' kommun names as written (the default members of a population split). */
function rawKommuner(participants: unknown): string[] {
  if (!Array.isArray(participants)) return [];
  const names = participants.map((x) => (isObj(x) && isObj(x.attributes) ? x.attributes.kommun : undefined));
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== ''))];
}

/** `unknownKeys` under the key path `path`, joined only for a problem. */
function unknownKeysAt(o: Obj, known: string[], path: string, p: ProblemList): void {
  for (const k of Object.keys(o)) if (!known.includes(k)) unknownKeys({ [k]: o[k] }, known, `${path}.`, p);
}

function unknownKeys(o: Obj, known: string[], prefix: string, p: ProblemList): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) p.error(`${prefix}${k}`, `okänd nyckel; tillåtna: ${known.join(', ')}`, `unknown key; allowed: ${known.join(', ')}`, k);
  }
}

interface NumOpts { min?: number; max?: number; required?: boolean; }

function num(v: unknown, path: string, p: ProblemList, o: NumOpts = {}): number | undefined {
  if (v === undefined || v === null) {
    if (o.required) p.error(path, 'värde krävs', 'value required');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.error(path, 'ett tal krävs', 'a number is required', v);
    return undefined;
  }
  if (o.min !== undefined && v < o.min) {
    p.error(path, o.min === 0 ? 'får inte vara negativt' : `ska vara minst ${o.min}`, o.min === 0 ? 'must not be negative' : `must be at least ${o.min}`, v);
    return undefined;
  }
  if (o.max !== undefined && v > o.max) {
    p.error(path, `ska vara högst ${o.max}`, `must be at most ${o.max}`, v);
    return undefined;
  }
  return v;
}

function int(v: unknown, path: string, p: ProblemList, o: NumOpts = {}): number | undefined {
  const n = num(v, path, p, o);
  if (n !== undefined && !Number.isInteger(n)) {
    p.error(path, 'ett heltal krävs', 'an integer is required', v);
    return undefined;
  }
  return n;
}

/** A share between 0 and 1; a value above 1 is taken as a likely percentage and refused with a hint. */
function frac(v: unknown, path: string, p: ProblemList): number | undefined {
  if (typeof v === 'number' && v > 1 && v <= 100) {
    p.error(path, `anges som andel mellan 0 och 1 (t.ex. ${v / 100} för ${v} %)`, `give a share between 0 and 1 (e.g. ${v / 100} for ${v} %)`, v);
    return undefined;
  }
  return num(v, path, p, { min: 0, max: 1 });
}

function readCost(v: unknown, ctx: FinancingContext, p: ProblemList): Project['cost'] | undefined {
  if (!isObj(v)) {
    p.error('cost', 'insatskostnad krävs: { total, financing } eller { byYear: [...], financing }', 'intervention cost required: { total, financing } or { byYear: [...], financing }', v);
    return undefined;
  }
  unknownKeys(v, ['total', 'byYear', 'financing', 'startYear'], 'cost.', p);
  const financing = readFinancing(v.financing ?? 'finsam', 'cost.financing', ctx, p);
  const startYear = int(v.startYear, 'cost.startYear', p, { min: 2000, max: 2100 });
  const start = startYear !== undefined ? { startYear } : {};
  if (v.total !== undefined && v.byYear !== undefined) p.error('cost', 'ange antingen total eller byYear, inte båda', 'give either total or byYear, not both');
  if (v.byYear !== undefined) {
    if (!Array.isArray(v.byYear) || v.byYear.length === 0) {
      p.error('cost.byYear', 'ska vara en lista [{ year, amount, financing? }]', 'must be a list [{ year, amount, financing? }]', v.byYear);
      return undefined;
    }
    const byYear: CostYear[] = [];
    v.byYear.forEach((y: unknown, i: number) => {
      const path = `cost.byYear[${i}]`;
      if (!isObj(y)) return p.error(path, 'ska vara { year, amount, financing? }', 'must be { year, amount, financing? }', y);
      unknownKeys(y, ['year', 'amount', 'financing'], `${path}.`, p);
      const year = int(y.year, `${path}.year`, p, { min: 1, max: 50, required: true });
      const amount = num(y.amount, `${path}.amount`, p, { min: 0, required: true });
      const fin = y.financing === undefined ? undefined : readFinancing(y.financing, `${path}.financing`, ctx, p);
      if (year !== undefined && amount !== undefined) byYear.push({ year, amount, ...(fin ? { financing: fin } : {}) });
      if (year !== undefined) checkPeriod(fin ?? financing, year, startYear ?? ctx.priceYear, fin ? `${path}.financing` : 'cost.financing', ctx, p);
    });
    return financing ? { byYear, financing, ...start } : undefined;
  }
  const total = num(v.total, 'cost.total', p, { min: 0, required: true });
  checkPeriod(financing, 1, startYear ?? ctx.priceYear, 'cost.financing', ctx, p);
  return financing && total !== undefined ? { total, financing, ...start } : undefined;
}

/**
 * A dated financing key (an ESF programme period, data/financing `from`/`to`) is used only for
 * the cost years it covers: project year y is calendar year startYear + y − 1, covered when its
 * 1 July lies in the period. Outside it is an error, never a silent fallback: who pays changes.
 */
function checkPeriod(financing: Financing | undefined, year: number, startYear: number, path: string, ctx: FinancingContext, p: ProblemList): void {
  const key = typeof financing === 'string' ? ctx.catalog.financing.get(financing) : undefined;
  if (!key || (key.from === undefined && key.to === undefined)) return;
  const calendar = startYear + year - 1;
  const date = referenceDate(calendar);
  if ((key.from === undefined || key.from <= date) && (key.to === undefined || date <= key.to)) return;
  const period = `${key.from ?? '…'}–${key.to ?? '…'}`;
  p.error(path,
    `finansieringsnyckeln ${key.id} gäller ${period}, men kostnadsår ${year} är ${calendar} (startår ${startYear}); ge det året en annan nyckel i byYear, eller ange cost.startYear`,
    `the financing key ${key.id} covers ${period}, but cost year ${year} is ${calendar} (start year ${startYear}); give that year another key in byYear, or set cost.startYear`, financing);
}

function readParticipants(v: unknown, path: string, catalog: Catalog, priceYear: number, p: ProblemList, followUps = false, fromTable = false): Participant[] {
  if (!Array.isArray(v) || v.length === 0) {
    p.error(path, 'minst en deltagare krävs (participants eller participantsFile)', 'at least one participant required (participants or participantsFile)', v);
    return [];
  }
  const out: Participant[] = [];
  const seen = new Set<string>();
  v.forEach((raw: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!isObj(raw)) return p.error(at, 'ska vara ett objekt { id, weight?, attributes?, fore, efter }', 'must be an object { id, weight?, attributes?, fore, efter }', raw);
    for (const k of Object.keys(raw)) {
      if (PARTICIPANT_KEYS.includes(k)) continue;
      if (/^efter_?\S+$/i.test(k)) p.error(`${at}.${k}`, 'okänt uppföljningsår; ange efter (år 1, även efter1), efter2 eller efter3', 'unknown follow-up year; give efter (year 1, also efter1), efter2 or efter3', k);
      else p.error(`${at}.${k}`, `okänd nyckel; tillåtna: ${PARTICIPANT_KEYS.join(', ')}`, `unknown key; allowed: ${PARTICIPANT_KEYS.join(', ')}`, k);
    }
    const id = raw.id === undefined ? `#${i + 1}` : String(raw.id);
    if (containsPersonalNumber(id)) p.error(`${at}.id`, `id är ett personnummer eller samordningsnummer (värdet visas inte); ${PERSONAL_DATA_HELP.sv}`, `the id is a personal identity or coordination number (value not shown); ${PERSONAL_DATA_HELP.en}`);
    // A table's participants are grouped by id (participants-file.ts): never a duplicate to look for.
    else if (!fromTable && seen.has(id)) p.error(`${at}.id`, 'id förekommer flera gånger', 'duplicate id', id);
    if (!fromTable) seen.add(id);
    // Key paths are built only where a value needs checking (a national file has 300 000 participants).
    const weight = raw.weight === undefined || raw.weight === null ? 1 : num(raw.weight, `${at}.weight`, p, { min: 0 }) ?? 0;
    // A table's participant without attributes keeps its empty object (nothing to normalise).
    const attributes = fromTable && isObj(raw.attributes) && isEmpty(raw.attributes) ? raw.attributes as Attributes
      : isObj(raw.attributes) && isEmpty(raw.attributes) ? {} : readAttributes(raw.attributes, `${at}.attributes`, catalog, priceYear, p);
    const fore = readSituation(raw.fore, `${at}.fore`, catalog, p, fromTable);
    const { efter, followUps: later } = readFollowUps(raw, at, fore, catalog, p, followUps, fromTable);
    out.push(later ? { id, weight, attributes, fore, efter, followUps: later } : { id, weight, attributes, fore, efter });
  });
  return out;
}

/**
 * Follow-up years (method §5.1): `efter` (or `efter1`) is year 1, `efter2` and `efter3` later years.
 * Returns year 1's situation (before itself when only later years are given: no effect in year 1)
 * and, when a later year is given, every observed year.
 */
function readFollowUps(raw: Obj, at: string, fore: Situation, catalog: Catalog, p: ProblemList, allowed: boolean, fromTable: boolean): { efter: Situation; followUps?: FollowUp[] } {
  if (raw.efter !== undefined && raw.efter1 !== undefined) {
    p.error(`${at}.efter1`, 'uppföljningsår 1 anges två gånger (efter och efter1); behåll den ena', 'follow-up year 1 is given twice (efter and efter1); keep one', 'efter1');
  }
  const key1 = raw.efter === undefined && raw.efter1 !== undefined ? 'efter1' : 'efter';
  const later = raw.efter2 === undefined && raw.efter3 === undefined ? NO_YEARS : [2, 3].filter((y) => raw[`efter${y}`] !== undefined);
  if (later.length === 0) return { efter: readSituation(raw[key1], `${at}.${key1}`, catalog, p, fromTable) };
  if (!allowed) {
    p.error(`${at}.efter${later[0]}`, 'jämförelsegruppen räknas med ett uppföljningsår; ange bara efter', 'the comparison group is counted with one follow-up year; give efter only', `efter${later[0]}`);
    return { efter: readSituation(raw[key1], `${at}.${key1}`, catalog, p, fromTable) };
  }
  const followUps: FollowUp[] = [];
  if (raw[key1] !== undefined) followUps.push({ year: 1, situation: readSituation(raw[key1], `${at}.${key1}`, catalog, p, fromTable) });
  for (const year of later) followUps.push({ year, situation: readSituation(raw[`efter${year}`], `${at}.efter${year}`, catalog, p, fromTable) });
  return { efter: followUps[0].year === 1 ? followUps[0].situation : fore, followUps };
}

const NO_YEARS: number[] = [];
const isEmpty = (o: Obj): boolean => {
  for (const k in o) if (Object.hasOwn(o, k)) return false;
  return true;
};

function readAttributes(v: unknown, path: string, catalog: Catalog, priceYear: number, p: ProblemList): Attributes {
  if (v === undefined) return {};
  if (!isObj(v)) {
    p.error(path, 'ska vara ett objekt', 'must be an object', v);
    return {};
  }
  unknownKeys(v, ATTRIBUTE_KEYS, `${path}.`, p);
  const a: Attributes = {};
  if (v.kon !== undefined) {
    const k = parseKon(v.kon);
    if (k) a.kon = k;
    else p.error(`${path}.kon`, KON_EXPECTED.sv, KON_EXPECTED.en, v.kon);
  }
  const fy = int(v.fodelsear, `${path}.fodelsear`, p, { min: 1900, max: priceYear || 2100 });
  if (fy !== undefined) a.fodelsear = fy;
  const age = int(v.alder, `${path}.alder`, p, { min: 0, max: 120 });
  if (age !== undefined) a.alder = age;
  const effectiveAge = a.fodelsear !== undefined ? priceYear - a.fodelsear : a.alder;
  if (effectiveAge !== undefined && (effectiveAge < 16 || effectiveAge > 66)) p.warn(`${path}.${a.fodelsear !== undefined ? 'fodelsear' : 'alder'}`, `åldern ${effectiveAge} ligger utanför 16–66 år`, `age ${effectiveAge} is outside 16–66`, effectiveAge);
  if (v.utbildning !== undefined) a.utbildning = String(v.utbildning);
  if (v.hushallstyp !== undefined) a.hushallstyp = String(v.hushallstyp);
  if (v.kommun !== undefined) {
    a.kommun = String(v.kommun);
    if (priceYear) {
      if (a.kommun.trim() !== '' && !findKommun(catalog, priceYear, a.kommun)) {
        const hint = suggestKommun(catalog, a.kommun);
        p.error(`${path}.kommun`,
          hint ? `okänd kommun; menade du ${hint}?` : 'okänd kommun (ange kommunens namn som i Skatteverkets tabell, t.ex. "Umeå")',
          hint ? `unknown kommun; did you mean ${hint}?` : 'unknown kommun (give its name as in Skatteverket\'s table, e.g. "Umeå")', a.kommun);
      }
    }
  }
  return a;
}

function readSituation(v: unknown, path: string, catalog: Catalog, p: ProblemList, fromTable = false): Situation {
  if (!isObj(v)) {
    p.error(path, 'situation krävs: { months?, lines: [...] }', 'situation required: { months?, lines: [...] }', v);
    return { months: 12, lines: [] };
  }
  unknownKeysAt(v, SITUATION_KEYS, path, p);
  const m = v.months ?? 12;
  const months = typeof m === 'number' && m >= 1 && m <= 120 ? m : num(m, `${path}.months`, p, { min: 1, max: 120 }) ?? 12;
  if (v.lines !== undefined && !Array.isArray(v.lines)) p.error(`${path}.lines`, 'ska vara en lista', 'must be a list', v.lines);
  if (fromTable && Array.isArray(v.lines)) {
    const lines = v.lines as Line[];
    for (let i = 0; i < lines.length; i++) {
      const { item, perMonth } = lines[i];
      if (manyVisits(item, perMonth)) p.warn(`${path}.lines[${i}].perMonth`, MANY_VISITS.sv, MANY_VISITS.en, perMonth);
    }
    // The table's situation object itself when it is already normal (`{ months, lines }`, situationOf in participants-file.ts).
    return v.months === months ? (v as unknown as Situation) : { months, lines };
  }
  const lines: Line[] = [];
  (Array.isArray(v.lines) ? v.lines : []).forEach((raw: unknown, i: number) => {
    const line = readLine(raw, `${path}.lines[${i}]`, months, catalog, p);
    if (line) lines.push(line);
  });
  return { months, lines };
}

/** A line's options against its item's rule (lib/catalog/rule-specs.ts): a typo is an error, never a silent default. */
function checkOptions(options: Record<string, string | number>, rule: string | undefined, path: string, p: ProblemList): void {
  for (const o of optionProblems(options, rule)) p.error(`${path}.${o.key}`, o.sv, o.en, o.value);
}

function readLine(v: unknown, path: string, sitMonths: number, catalog: Catalog, p: ProblemList): Line | undefined {
  if (!isObj(v)) {
    p.error(path, 'ska vara { item, months, ... }', 'must be { item, months, ... }', v);
    return undefined;
  }
  unknownKeys(v, LINE_KEYS, `${path}.`, p);
  const item = typeof v.item === 'string' ? v.item : '';
  const errorsBefore = p.errorCount;
  if (!item) p.error(`${path}.item`, 'post-id krävs (se `samnytta catalog list`)', 'item id required (see `samnytta catalog list`)', v.item);
  else if (item !== 'egen' && !catalog.items.has(item)) {
    const hint = suggestItem(item, [...catalog.items.keys()]);
    p.error(`${path}.item`, `okänd post; ${hint ? `menade du "${hint}"?` : 'se `samnytta catalog list`'}`, `unknown item; ${hint ? `did you mean "${hint}"?` : 'see `samnytta catalog list`'}`, item);
  }
  const months = num(v.months, `${path}.months`, p, { min: 0, required: true });
  if (months !== undefined && months > sitMonths) {
    p.error(`${path}.months`, `${months} > ${sitMonths}: en rad kan inte pågå längre än situationens observationstid`, `${months} > ${sitMonths}: a line cannot run longer than its situation's observation period`, months);
  }
  const perMonth = num(v.perMonth, `${path}.perMonth`, p, { min: 0 });
  if (manyVisits(item, perMonth)) p.warn(`${path}.perMonth`, MANY_VISITS.sv, MANY_VISITS.en, perMonth);
  const amountPerMonth = num(v.amountPerMonth, `${path}.amountPerMonth`, p, { min: 0 });
  const extent = num(v.extent, `${path}.extent`, p, { min: 0, max: 1 });
  const wage = num(v.wage, `${path}.wage`, p, { min: 0 });
  let options: Line['options'];
  if (v.options !== undefined) {
    if (!isObj(v.options)) p.error(`${path}.options`, 'ska vara ett objekt', 'must be an object', v.options);
    else {
      options = Object.fromEntries(Object.entries(v.options).map(([k, x]) => [k, typeof x === 'number' ? x : String(x)]));
      checkOptions(options, catalog.items.get(item)?.rule, `${path}.options`, p);
    }
  }
  let postings: EgenPosting[] | undefined;
  let label: string | undefined;
  if (item === 'egen') {
    label = typeof v.label === 'string' && v.label.trim() ? v.label.trim() : (p.error(`${path}.label`, 'en egen rad behöver en etikett (label)', 'an egen line needs a label'), undefined);
    postings = readEgenPostings(v.postings, `${path}.postings`, catalog, p);
  } else if (v.postings !== undefined) p.error(`${path}.postings`, 'postings gäller bara rader med item: egen', 'postings apply only to lines with item: egen');
  if (p.errorCount > errorsBefore) return undefined;
  return { item, months: months!, perMonth, amountPerMonth, extent, wage, options, label, postings };
}

/** More visits a month than there are days (a warning; the one check left for a line from a table). */
function manyVisits(item: string, perMonth: number | undefined): boolean {
  return perMonth !== undefined && perMonth > 31 && item.endsWith('besok');
}
const MANY_VISITS = { sv: 'fler än 31 besök per månad', en: 'more than 31 visits per month' };

function readEgenPostings(v: unknown, path: string, catalog: Catalog, p: ProblemList): EgenPosting[] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    p.error(path, 'en egen rad behöver postings: [{ actor, kind, amountPerMonth }]', 'an egen line needs postings: [{ actor, kind, amountPerMonth }]', v);
    return undefined;
  }
  const actorIds = new Set(catalog.actors.map((a) => a.id));
  const out: EgenPosting[] = [];
  let transferSum = 0;
  v.forEach((raw: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!isObj(raw)) return p.error(at, 'ska vara { actor, kind, amountPerMonth }', 'must be { actor, kind, amountPerMonth }', raw);
    unknownKeys(raw, ['actor', 'kind', 'amountPerMonth', 'category'], `${at}.`, p);
    const actor = String(raw.actor ?? '');
    if (!actorIds.has(actor)) p.error(`${at}.actor`, `okänd aktör; finns: ${[...actorIds].join(', ')}`, `unknown actor; available: ${[...actorIds].join(', ')}`, raw.actor);
    const kind = raw.kind as PostingKind;
    if (!POSTING_KINDS.includes(kind)) p.error(`${at}.kind`, `ska vara ${POSTING_KINDS.join(' | ')}`, `must be ${POSTING_KINDS.join(' | ')}`, raw.kind);
    const amount = num(raw.amountPerMonth, `${at}.amountPerMonth`, p, { required: true });
    if (kind === 'real' && amount !== undefined && amount > 0) p.error(`${at}.amountPerMonth`, 'en real kostnad anges som negativt belopp (aktören betalar)', 'a real cost is given as a negative amount (the actor pays)', amount);
    let category: Category | undefined;
    if (raw.category !== undefined) {
      if (CATEGORIES.includes(raw.category as Category)) category = raw.category as Category;
      else p.error(`${at}.category`, `ska vara ${CATEGORIES.join(' | ')}`, `must be ${CATEGORIES.join(' | ')}`, raw.category);
    }
    if (kind === 'transfer' && amount !== undefined) transferSum += amount;
    if (amount !== undefined) out.push({ actor, kind, amountPerMonth: amount, ...(category ? { category } : {}) });
  });
  if (Math.abs(transferSum) > 0.005) p.error(path, 'transfereringarna ska summera till noll (det någon betalar tar någon annan emot)', 'transfer postings must sum to zero (what one actor pays another receives)', Number(transferSum.toFixed(2)));
  return out;
}


/** `utjamning: true | false | { skattekraft: { <kommun>: <index, riket = 100> } }` (method §2.3). */
function readUtjamning(v: unknown, catalog: Catalog, priceYear: number, p: ProblemList): Project['utjamning'] {
  if (v === undefined || v === false) return undefined;
  if (v === true) return { skattekraft: {} };
  if (!isObj(v)) {
    p.error('utjamning', 'ska vara true, false eller { skattekraft: { kommun: index } }', 'must be true, false or { skattekraft: { kommun: index } }', v);
    return undefined;
  }
  unknownKeys(v, ['skattekraft'], 'utjamning.', p);
  const skattekraft: Record<string, number> = {};
  if (v.skattekraft !== undefined) {
    if (!isObj(v.skattekraft)) p.error('utjamning.skattekraft', 'ska vara { kommun: skattekraft i procent av riket }', 'must be { kommun: skattekraft in percent of the national average }', v.skattekraft);
    else for (const [name, x] of Object.entries(v.skattekraft)) {
      const at = `utjamning.skattekraft.${name}`;
      const index = num(x, at, p, { min: 20, max: 400, required: true });
      if (!findKommun(catalog, priceYear, name)) p.error(at, 'okänd kommun (ange kommunens namn som i Skatteverkets tabell, t.ex. "Lomma")', 'unknown kommun (give its name as in Skatteverket\'s table, e.g. "Lomma")', name);
      if (index !== undefined) skattekraft[name] = index;
    }
  }
  return { skattekraft };
}

const PRICE_KEYS = ['amount', 'priceYear', 'source'];

/**
 * The `prices:` block (issue 10): item id → { amount, priceYear?, source }. Only items priced
 * from a catalogue value per unit can take a project price; rule-priced items (benefits computed
 * from wages, taxes) cannot, and a line's `amountPerMonth` serves a single participant.
 */
function readPrices(v: unknown, catalog: Catalog, priceYear: number, covered: readonly number[], p: ProblemList): Record<string, PriceOverride> | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    p.error('prices', 'ska vara { post-id: { amount, source, priceYear? } }', 'must be { item-id: { amount, source, priceYear? } }', v);
    return undefined;
  }
  const out: Record<string, PriceOverride> = {};
  for (const [id, o] of Object.entries(v)) {
    const path = `prices.${id}`;
    const item = catalog.items.get(id);
    if (!item) {
      const hint = suggestItem(id, [...catalog.items.keys()]);
      p.error(path, `okänd post; ${hint ? `menade du "${hint}"?` : 'se `samnytta catalog list`'}`, `unknown item; ${hint ? `did you mean "${hint}"?` : 'see `samnytta catalog list`'}`, id);
      continue;
    }
    if (item.rule || item.values.length === 0) {
      p.error(path, `${id} räknas med en regel ur lön eller parametrar och har inget styckpris att ersätta; ange amountPerMonth på raden i stället`, `${id} is computed by a rule from wages or parameters and has no unit price to replace; give amountPerMonth on the line instead`, id);
      continue;
    }
    if (typeof o === 'number') {
      p.error(path, `ange källan: { amount: ${o}, source: "prislista, avtal …" }`, `state the source: { amount: ${o}, source: "price list, agreement …" }`, o);
      continue;
    }
    if (!isObj(o)) {
      p.error(path, `ska vara { amount, source, priceYear? } (kr per ${item.unit.replace(/^kr\//, '')})`, `must be { amount, source, priceYear? } (SEK per ${item.unit.replace(/^kr\//, '')})`, o);
      continue;
    }
    const before = p.errorCount;
    unknownKeys(o, PRICE_KEYS, `${path}.`, p);
    const amount = num(o.amount, `${path}.amount`, p, { min: 0, required: true });
    const source = typeof o.source === 'string' && o.source.trim() ? o.source.trim() : undefined;
    if (!source) p.error(`${path}.source`, 'källa krävs: varifrån kommer priset (prislista, avtal, regionens KPP …)?', 'a source is required: where does the price come from (price list, agreement, the region\'s cost per patient …)?', o.source);
    let year = priceYear;
    if (o.priceYear !== undefined) {
      const y = int(o.priceYear, `${path}.priceYear`, p, { min: 2000, max: 2100 });
      if (y !== undefined && item.uprating !== 'none' && !covered.includes(y)) p.error(`${path}.priceYear`, `prisåret ${y} ligger utanför katalogen (${yearRanges(covered)})`, `price year ${y} is outside the catalogue (${yearRanges(covered)})`, y);
      else if (y !== undefined) year = y;
    }
    if (p.errorCount === before) out[id] = { amount: amount!, priceYear: year, source: source! };
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Tabular participant files (method §10, issue 3): long-format situations
 * (`deltagare, lage, post, manader, antal_per_manad, belopp_per_manad, omfattning, lon`) and an
 * optional participants table (`deltagare, vikt, kon, fodelsear, utbildning, hushallstyp, kommun,
 * fore_manader, efter_manader`), from one XLSX workbook (sheets Deltagare and Situationer) or
 * CSV files. Every data row is either used or rejected with a problem naming file, sheet, row,
 * column, the value and what was expected; personal data is refused or pseudonymised first.
 */
import { isWageRule } from '../catalog/rule-specs.js';
import type { Catalog } from '../catalog/types.js';
import { valueAt, referenceDate } from '../catalog/value-at.js';
import type { Problem } from '../util/errors.js';
import type { FileSource } from './file-source.js';
import { KON_EXPECTED, parseKon } from './attributes.js';
import { containsPersonalNumber, PERSONAL_DATA_HELP, PERSONAL_NUMBER_FOUND, personalDataColumn, REDACTED } from './personal-number.js';
import { RowProblems, resolveColumns, type ColumnSpec } from './tabular/columns.js';
import { excelSerialToDate, isPlausibleDateSerial } from './tabular/excel-date.js';
import { normalizeHeader } from './tabular/normalize-header.js';
import { parseNumber } from './tabular/parse-number.js';
import { readTableFile } from './tabular/read-table-file.js';
import { columnLetter, isBlank, type Cell, type CsvRowStream, type Table, type TableRow } from './tabular/table.js';
import type { Line } from './types.js';
import { suggestItem } from './suggest-item.js';

/** Replaces an identifier by its keyed pseudonym (Node: `keyPseudonymiser` in personal-data.ts). */
export type Pseudonymiser = (id: string) => string;

export interface ParticipantsFileOptions {
  /** Where the files are read from (disk or memory). */
  files: FileSource;
  /** Replace identifiers with keyed hashes instead of refusing personal data. */
  pseudonymiser?: Pseudonymiser;
  /** Price year, for the collective-agreement wage floor (default: the latest floor). */
  priceYear?: number;
  /** How file names appear in problems (default: as given). */
  display?: (path: string) => string;
  /**
   * Read a situations CSV row by row, screening and checking each row as it is split, instead of
   * splitting the whole table first (default true; the same participants, problems and counts).
   * false takes the general route, the reference the tests compare with.
   */
  stream?: boolean;
}

/** Row accounting for one table: every data row is used or rejected. */
export interface RowCount {
  /** Which table: participants, situations (long format) or transitions. */
  kind: 'participants' | 'situations' | 'transitions';
  file: string;
  sheet?: string;
  read: number;
  used: number;
  rejected: number;
}

/** Where a participant and each of its lines came from, to point validation problems at cells. */
export interface ParticipantOrigin {
  file: string;
  sheet?: string;
  /** Row in the participants table (or the participant's first situation row). */
  row: number;
  /** Column header text by field (participants table). */
  columns: Record<string, string>;
  situations?: { file: string; sheet?: string; columns: Record<string, string> };
  /** Table rows of each situation's lines, by situation key (`fore`, `efter`, `efter2`, `efter3`). */
  lines: { fore: number[]; efter: number[]; efter2?: number[]; efter3?: number[] };
}

/** A user-facing note (not a problem), e.g. the row summary or where the key file is. */
export interface Note {
  sv: string;
  en: string;
}

export interface ParticipantsFileResult {
  /** Raw participant objects, validated further by `validateProject`. */
  participants: Record<string, unknown>[];
  problems: Problem[];
  counts: RowCount[];
  origins: ParticipantOrigin[];
  notes: Note[];
}

interface Person { id: string; weight?: number; attributes: Obj; foreMonths: number; efterMonths: number; origin: ParticipantOrigin; }
/** A participant's used lines as read: line, row (negated for efter), follow-up year, … (stride 3). */
interface OwnLines { table: Table; source: Situations; row: number; lines: (Line | number)[] }
/** Where a participant's situation rows are (`ParticipantOrigin.situations`), one per table. */
type Situations = NonNullable<ParticipantOrigin['situations']>;
/** Placeholder rows, replaced by `situationOf` for every participant. */
const NO_ROWS: number[] = [];

/** Whether the line at `k` of grouped lines belongs to före, or to efter in follow-up year `year`. */
function matchesLine(all: (Line | number)[], k: number, fore: boolean, year: number): boolean {
  return ((all[k + 1] as number) > 0) === fore && (fore || all[k + 2] === year);
}

/** One situation of a participant from its grouped lines; its lines' rows go in `origin.lines`. */
function situationOf(all: (Line | number)[], origin: ParticipantOrigin, fore: boolean, year: number, months: number): { months: number; lines: Line[] } {
  let n = 0;
  for (let k = 0; k < all.length; k += 3) if (matchesLine(all, k, fore, year)) n++;
  // Exact length (an array grown by push keeps spare room, for every participant).
  const rows = new Array<number>(n), ls = new Array<Line>(n);
  for (let k = 0, j = 0; k < all.length; k += 3) {
    if (!matchesLine(all, k, fore, year)) continue;
    ls[j] = all[k] as Line;
    rows[j++] = Math.abs(all[k + 1] as number);
  }
  const key: keyof ParticipantOrigin['lines'] = fore ? 'fore' : year === 2 ? 'efter2' : year === 3 ? 'efter3' : 'efter';
  origin.lines[key] = rows;
  return { months, lines: ls };
}

/** Long-format situation columns and their accepted header spellings (normalised). */
export const SITUATION_COLUMNS: ColumnSpec = {
  deltagare: ['deltagare', 'deltagar_id', 'deltagare_id', 'id', 'lopnummer', 'lopnr', 'personnummer', 'pnr'],
  lage: ['lage', 'situation', 'period', 'fore_efter'],
  post: ['post', 'post_id', 'item'],
  manader: ['manader', 'antal_manader', 'months'],
  antal_per_manad: ['antal_per_manad', 'antal_manad', 'per_manad', 'per_month'],
  belopp_per_manad: ['belopp_per_manad', 'belopp_manad', 'belopp', 'amount_per_month'],
  omfattning: ['omfattning', 'sysselsattningsgrad', 'extent'],
  lon: ['lon', 'manadslon', 'wage'],
  uppfoljningsar: ['uppfoljningsar', 'uppfoljning', 'uppfoljningsaret', 'follow_up_year'],
};

/** Participants-table columns and their accepted header spellings (normalised). */
export const PARTICIPANT_COLUMNS: ColumnSpec = {
  deltagare: ['deltagare', 'deltagar_id', 'deltagare_id', 'id', 'lopnummer', 'lopnr', 'personnummer', 'pnr'],
  vikt: ['vikt', 'weight'],
  kon: ['kon', 'gender', 'sex'],
  fodelsear: ['fodelsear', 'fodd', 'fodelsedatum', 'birth_year'],
  alder: ['alder', 'age'],
  utbildning: ['utbildning', 'utbildningsniva', 'education'],
  hushallstyp: ['hushallstyp', 'hushall', 'household'],
  kommun: ['kommun', 'folkbokforingskommun', 'municipality'],
  fore_manader: ['fore_manader', 'manader_fore', 'months_fore'],
  efter_manader: ['efter_manader', 'manader_efter', 'months_efter'],
};

/** Line fields (project format) ↔ table columns, for pointing validation problems at cells. */
export const LINE_FIELD_COLUMN: Record<string, string> = {
  item: 'post', months: 'manader', perMonth: 'antal_per_manad', amountPerMonth: 'belopp_per_manad', extent: 'omfattning', wage: 'lon',
};


const LAGE: Record<string, 'fore' | 'efter'> = { fore: 'fore', innan: 'fore', before: 'fore', efter: 'efter', after: 'efter' };
/** Whether a table's header keys are those of a situations table (a participant id and an item). */
const situationKeys = (keys: readonly string[]): boolean => keys.some((k) => SITUATION_COLUMNS.deltagare.includes(k)) && keys.some((k) => SITUATION_COLUMNS.post.includes(k));

/** A läge cell's situation; own keys only, so a cell such as `constructor` is refused, not read from Object.prototype. */
const lageOf = (key: string): 'fore' | 'efter' | undefined => (Object.hasOwn(LAGE, key) ? LAGE[key] : undefined);

const WAGE_FLOOR = 'params.arbetsmarknad.lagsta_avtalslon';

type Obj = Record<string, unknown>;

const show = (c: Cell): unknown => (c instanceof Date ? c.toISOString().slice(0, 10) : c);

/**
 * Reads participant data from one workbook or from CSV files (situations and, optionally,
 * participants), and returns raw participants for `validateProject`.
 * @param paths an XLSX/CSV file, or several CSV files (a situations file and a participants file)
 * @example (await readParticipantsFile('deltagare.xlsx', loadCatalog(), { files: nodeFiles })).counts // => [{ read, used, rejected }, …]
 */
export async function readParticipantsFile(paths: string | string[], catalog: Catalog, options: ParticipantsFileOptions): Promise<ParticipantsFileResult> {
  const list = Array.isArray(paths) ? paths : [paths];
  const display = options.display ?? ((p: string) => p);
  const problems: Problem[] = [];
  const notes: Note[] = [];
  const headerKeys = [...SITUATION_COLUMNS.deltagare, ...PARTICIPANT_COLUMNS.deltagare];
  const tables: Table[] = [];
  // Situations CSV files read row by row: each row is split, screened and checked in one pass, so
  // a national file never holds all its rows. Their reading and screening problems are collected
  // apart and put where reading whole tables would have put them (`at`, by position in `problems`).
  interface Streamed { rows: CsvRowStream; readAt: number; read: Problem[]; protectAt: number; protect: Problem[]; protection?: Protection }
  const streams = new Map<Table, Streamed>();
  // The same file listed twice would count every row twice.
  const seen = new Map<string, string>();
  for (const path of list) {
    const id = options.files.identity?.(path) ?? path;
    const same = seen.get(id);
    if (same !== undefined) {
      problems.push({ severity: 'error', file: display(path), path: '', sv: `filen anges två gånger (också som ${display(same)}); varje rad skulle räknas dubbelt`, en: `the file is listed twice (also as ${display(same)}); every row would count twice` });
      continue;
    }
    seen.set(id, path);
    const read = await readTableFile(path, { files: options.files, headerKeys, display: display(path), ...(options.stream === false ? {} : { stream: situationKeys }) });
    problems.push(...read.problems);
    for (const [t, rows] of read.streams ?? []) streams.set(t, { rows, readAt: problems.length, read: [], protectAt: 0, protect: [] });
    tables.push(...read.tables);
  }
  const hasRows = (t: Table) => streams.get(t)?.rows.hasRows ?? t.rows.length > 0;

  // Every table is scanned for personal data, including sheets samnytta does not read.
  const ignoredColumns = new Map<Table, Set<number>>();
  const protect = { pseudonymiser: options.pseudonymiser, idKeys: SITUATION_COLUMNS.deltagare };
  for (const t of tables) {
    const s = streams.get(t);
    if (!s) {
      ignoredColumns.set(t, protectTable(t, protect, problems));
      continue;
    }
    s.protection = protectHeaders(t, protect, problems);
    s.protectAt = problems.length;
    ignoredColumns.set(t, s.protection.ignore);
  }

  const isSituations = (t: Table) => situationKeys(t.keys);
  const isParticipants = (t: Table) => hasField(t, PARTICIPANT_COLUMNS.deltagare) && !hasField(t, SITUATION_COLUMNS.post);
  // Every table is accounted for: a CSV file the user listed must be recognised and hold rows; a
  // workbook's other sheets (instructions, the item list) are set aside with a warning the summary repeats.
  const skipped: string[] = [];
  const where = (t: Table) => ({ file: t.file, sheet: t.sheet, row: t.headerRow, column: columnLetter(0), path: `A${t.headerRow}` });
  for (const t of tables) {
    if (isSituations(t) || isParticipants(t)) {
      if (hasRows(t)) continue;
      if (t.sheet !== undefined && isParticipants(t)) {
        skipped.push(t.sheet);
        problems.push({ severity: 'warning', ...where(t), sv: 'bladet har en rubrikrad men inga deltagare och används inte', en: 'the sheet has a header row but no participants and is not used' });
      } else problems.push({ severity: 'error', ...where(t), sv: 'tabellen har en rubrikrad men inga datarader', en: 'the table has a header row but no data rows' });
    } else if (t.sheet === undefined) {
      problems.push({ severity: 'error', ...where(t), sv: 'tabellen känns inte igen: rubrikraden saknar kolumnerna deltagare, lage, post, manader (situationer) eller deltagare utan post (deltagartabell); kontrollera rubrikerna och avgränsaren (; eller ,)', en: 'the table is not recognised: its header lacks the columns deltagare, lage, post, manader (situations) or deltagare without post (participants table); check the headers and the separator (; or ,)' });
    } else if (!TEMPLATE_SHEETS.has(normalizeHeader(t.sheet))) {
      skipped.push(t.sheet);
      problems.push({ severity: 'warning', ...where(t), sv: 'bladet läses inte: det har varken kolumnerna för situationer (deltagare, lage, post, manader) eller för deltagare', en: 'the sheet is not read: it has neither the situation columns (deltagare, lage, post, manader) nor the participant columns' });
    }
  }
  const situationTables = tables.filter((t) => isSituations(t) && hasRows(t));
  const participantTables = tables.filter((t) => isParticipants(t) && hasRows(t));
  if (situationTables.length === 0 && problems.every((p) => p.severity !== 'error')) {
    problems.push({
      severity: 'error', file: list.map(display).join(', '), path: '',
      sv: 'hittade ingen tabell med situationer (kolumnerna deltagare, lage, post, manader); skapa en mall med `samnytta init`',
      en: 'found no table of situations (columns deltagare, lage, post, manader); create a template with `samnytta init`',
    });
  }

  // Participants table(s).
  const people = new Map<string, Person>();
  const rejectedIds = new Map<string, number>();
  const counts: RowCount[] = [];
  for (const t of participantTables) {
    const cols = resolveColumns(t, PARTICIPANT_COLUMNS, ignoredColumns.get(t));
    problems.push(...cols.problems);
    const rp = new RowProblems(t, cols.index);
    const columns = Object.fromEntries([...cols.index].map(([f, i]) => [f, t.headers[i] || f]));
    let used = 0;
    for (const r of t.rows) {
      const before = rp.errors;
      const idCell = rp.cell(r, 'deltagare');
      const id = isBlank(idCell) ? '' : String(show(idCell)).trim();
      if (!id) rp.add('error', r, 'deltagare', 'deltagar-id saknas; varje rad behöver ett id (t.ex. D001)', 'participant id missing; every row needs an id (e.g. D001)');
      else if (people.has(id) || rejectedIds.has(id)) rp.add('error', r, 'deltagare', `deltagaren finns redan på rad ${people.get(id)?.origin.row ?? rejectedIds.get(id)}; varje deltagare ska stå på en rad`, `the participant is already on row ${people.get(id)?.origin.row ?? rejectedIds.get(id)}; each participant belongs on one row`, id);
      const attributes: Obj = {};
      const weight = optNumber(rp, r, 'vikt', { min: 0 });
      const kon = rp.cell(r, 'kon');
      if (!isBlank(kon)) {
        const k = parseKon(kon);
        if (k) attributes.kon = k;
        else rp.add('error', r, 'kon', KON_EXPECTED.sv, KON_EXPECTED.en, show(kon));
      }
      const fy = rp.cell(r, 'fodelsear');
      if (!isBlank(fy)) {
        const year = birthYear(fy);
        if (year === undefined) rp.add('error', r, 'fodelsear', 'födelseår anges som ett årtal (t.ex. 1990) eller ett datum', 'birth year is given as a year (e.g. 1990) or a date', show(fy));
        else attributes.fodelsear = year;
      }
      const age = optNumber(rp, r, 'alder', { min: 0, max: 120, integer: true });
      if (age !== undefined) attributes.alder = age;
      for (const f of ['utbildning', 'hushallstyp', 'kommun'] as const) {
        const c = rp.cell(r, f);
        if (!isBlank(c)) attributes[f] = String(show(c)).trim();
      }
      const foreMonths = optNumber(rp, r, 'fore_manader', { min: 1, max: 120 }) ?? 12;
      const efterMonths = optNumber(rp, r, 'efter_manader', { min: 1, max: 120 }) ?? 12;
      const bad = rp.errors > before;
      if (bad) {
        if (id && !people.has(id)) rejectedIds.set(id, r.row);
        continue;
      }
      used++;
      people.set(id, {
        id, weight, attributes, foreMonths, efterMonths,
        origin: { file: t.file, sheet: t.sheet, row: r.row, columns, lines: { fore: [], efter: [] } },
      });
    }
    problems.push(...rp.items);
    counts.push({ kind: 'participants', file: t.file, sheet: t.sheet, read: t.rows.length, used, rejected: t.rows.length - used });
  }

  // Situations (long format).
  const floor = wageFloor(catalog, options.priceYear);
  const hasPeopleTable = participantTables.length > 0;
  // Each participant's used lines, grouped as they are read (ids in first-seen order), with no
  // object per row beyond the line itself (a national file has millions): `lines` holds line, row,
  // follow-up year, … in file order (stride 3), the row negated for efter, split by situation and
  // year when assembled.
  const lines = new Map<string, OwnLines>();
  for (const t of situationTables) {
    const cols = resolveColumns(t, SITUATION_COLUMNS, ignoredColumns.get(t));
    problems.push(...cols.problems);
    for (const required of ['lage', 'manader']) {
      if (!cols.index.has(required)) problems.push({ severity: 'error', file: t.file, sheet: t.sheet, row: t.headerRow, column: required, path: `${t.headerRow}`, sv: `kolumnen ${required} saknas`, en: `column ${required} is missing` });
    }
    const rp = new RowProblems(t, cols.index);
    const columns = Object.fromEntries([...cols.index].map(([f, i]) => [f, t.headers[i] || f]));
    const source: Situations = { file: t.file, sheet: t.sheet, columns };
    let used = 0;
    let lastId: string | undefined, lastOwn: OwnLines | undefined;
    const situationRow = (r: TableRow): void => {
      const before = rp.errors;
      const idCell = rp.cell(r, 'deltagare');
      const id = isBlank(idCell) ? '' : String(show(idCell)).trim();
      if (!id) rp.add('error', r, 'deltagare', 'deltagar-id saknas; ange samma id som på bladet Deltagare', 'participant id missing; give the same id as on the Deltagare sheet');
      else if (rejectedIds.has(id)) rp.add('error', r, 'deltagare', `raden kan inte användas eftersom deltagarens rad i deltagartabellen (rad ${rejectedIds.get(id)}) har fel`, `the row cannot be used because the participant's row in the participants table (row ${rejectedIds.get(id)}) has errors`, id);
      else if (hasPeopleTable && !people.has(id)) rp.add('error', r, 'deltagare', 'deltagaren finns inte i deltagartabellen (bladet Deltagare); lägg till en rad där eller rätta id', 'the participant is not in the participants table (sheet Deltagare); add a row there or correct the id', id);
      const lageCell = rp.cell(r, 'lage');
      // A cell already spelled as a key (fore, efter …: normalizeHeader would return it unchanged) is looked up directly.
      const lage = isBlank(lageCell) ? undefined : (typeof lageCell === 'string' && lageOf(lageCell)) || lageOf(normalizeHeader(String(lageCell)));
      if (!lage) rp.add('error', r, 'lage', 'läge ska vara fore (före insatsen) eller efter', 'situation must be fore (before the intervention) or efter (after)', show(lageCell));
      const year = followUpYear(rp, r, lage);
      const postCell = rp.cell(r, 'post');
      const post = isBlank(postCell) ? '' : String(show(postCell)).trim().toLowerCase();
      const item = post ? catalog.items.get(post) : undefined;
      if (!post) rp.add('error', r, 'post', 'post saknas; välj ett id från bladet Poster (t.ex. kommun.forsorjningsstod)', 'item missing; choose an id from the Poster sheet (e.g. kommun.forsorjningsstod)');
      else if (post === 'egen') rp.add('error', r, 'post', 'egna poster (egen) kan inte anges i tabellen; beskriv dem i projektfilen', 'user-defined items (egen) cannot be given in the table; describe them in the project file', show(postCell));
      else if (!item) {
        const hint = suggestItem(post, [...catalog.items.keys()]);
        rp.add('error', r, 'post', `okänd post; ${hint ? `menade du ${hint}? ` : ''}se bladet Poster eller \`samnytta catalog list\``, `unknown item; ${hint ? `did you mean ${hint}? ` : ''}see the Poster sheet or \`samnytta catalog list\``, show(postCell));
      }
      const months = optNumber(rp, r, 'manader', { min: 0, required: true });
      const sitMonths = lage ? (people.get(id)?.[lage === 'fore' ? 'foreMonths' : 'efterMonths'] ?? 12) : 12;
      if (months !== undefined && lage && months > sitMonths) {
        rp.add('error', r, 'manader', `${fmt(months)} månader är fler än situationens observationstid (${fmt(sitMonths)} månader ${lage === 'fore' ? 'före' : 'efter'}; ändras i kolumnen ${lage}_manader)`, `${fmt(months)} months exceed the situation's observation period (${fmt(sitMonths)} months ${lage}; set in column ${lage}_manader)`, months);
      }
      const perMonth = optNumber(rp, r, 'antal_per_manad', { min: 0 });
      const amountPerMonth = optNumber(rp, r, 'belopp_per_manad', { min: 0 });
      const extent = optShare(rp, r, 'omfattning');
      const wage = optNumber(rp, r, 'lon', { min: 0 });
      if (wage !== undefined && item && floor && (item.kind === 'wage' || isWageRule(item.rule)) && wage > 0 && wage < floor.value) {
        rp.add('warning', r, 'lon', `lönen är lägre än lägsta avtalslön (${fmt(floor.value)} kr/månad heltid, ${floor.label}); lön anges som heltidslön — deltid anges i kolumnen omfattning`, `the wage is below the lowest collective-agreement wage (${fmt(floor.value)} kr/month full time, ${floor.label}); give the full-time wage — part time goes in the omfattning column`, wage);
      }
      if (rp.errors > before) return;
      used++;
      // A Line (lib/model/types.ts) with its fields in readLine's order (lib/model/project.ts): every
      // rule readLine applies was checked above, so the project takes this object as it is
      // (ValidateOptions.tableLines). No options, label or postings keys: a table gives none.
      const line: Line = { item: post, months: months!, perMonth, amountPerMonth, extent, wage };
      // A participant's rows usually follow each other (the same id string, reused by the splitter).
      let own = id === lastId ? lastOwn : lines.get(id);
      if (!own) lines.set(id, (own = { table: t, source, row: r.row, lines: [] }));
      lastId = id;
      lastOwn = own;
      own.lines.push(line, lage === 'fore' ? r.row : -r.row, year ?? 1);
    };
    const s = streams.get(t);
    let read = 0;
    if (s) {
      for (let r = s.rows.next(s.read); r; r = s.rows.next(s.read)) {
        read++;
        protectRow(t, r, s.protection!, s.protect);
        situationRow(r);
      }
      protectSummary(t, s.protection!, s.protect);
    } else {
      read = t.rows.length;
      for (let k = 0; k < read; k++) {
        const r = t.rows[k];
        // The row is done with after this pass: let the garbage collector have it while the rest
        // is read (a national file's rows would otherwise stay alive beside the lines built from them).
        (t.rows as (TableRow | undefined)[])[k] = undefined;
        situationRow(r);
      }
    }
    problems.push(...rp.items);
    counts.push({ kind: 'situations', file: t.file, sheet: t.sheet, read, used, rejected: read - used });
  }

  // Assemble: participants-table order first, then ids seen only in situations.
  const participants: Obj[] = [];
  const origins: ParticipantOrigin[] = [];
  const assemble = (p: Person, own: OwnLines | undefined): void => {
    if (!own) {
      problems.push({ severity: 'warning', file: p.origin.file, sheet: p.origin.sheet, row: p.origin.row, column: p.origin.columns.deltagare ?? 'deltagare', path: `${p.origin.row}`, sv: 'deltagaren har inga rader med situationer; före och efter blir tomma', en: 'the participant has no situation rows; before and after will be empty', value: p.id });
    }
    const origin = p.origin;
    // One per table, shared by its participants' origins (read only, by locateProblems).
    if (own) origin.situations = own.source;
    const all = own?.lines ?? [];
    const fore = situationOf(all, origin, true, 1, p.foreMonths), efter = situationOf(all, origin, false, 1, p.efterMonths);
    const raw: Obj = p.weight !== undefined ? { id: p.id, weight: p.weight, attributes: p.attributes, fore, efter } : { id: p.id, attributes: p.attributes, fore, efter };
    // Follow-up years 2 and 3 (method §5.1): a year is observed when it has rows.
    for (let year = 2; year <= 3; year++) {
      let seen = false;
      for (let k = 0; k < all.length && !seen; k += 3) seen = matchesLine(all, k, false, year);
      if (seen) raw[`efter${year}`] = situationOf(all, origin, false, year, p.efterMonths);
    }
    if (own) own.lines = NO_ROWS; // done with: the grouped lines need not outlive the assembly
    participants.push(raw);
    origins.push(origin);
  };
  for (const p of people.values()) assemble(p, lines.get(p.id));
  // Ids seen only in situations, in first-seen order (no participants-table row: no columns there).
  const noColumns: Record<string, string> = {};
  for (const [id, own] of lines) {
    if (people.has(id)) continue;
    assemble({ id, attributes: {}, foreMonths: 12, efterMonths: 12, origin: { file: own.table.file, sheet: own.table.sheet, row: own.row, columns: noColumns, lines: { fore: NO_ROWS, efter: NO_ROWS } } }, own);
  }

  // Streamed tables' reading and screening problems, where reading whole tables puts them.
  const inserts: [number, Problem[]][] = [];
  for (const s of streams.values()) inserts.push([s.readAt, s.read]);
  for (const s of streams.values()) inserts.push([s.protectAt, s.protect]);
  const all = inserts.some(([, x]) => x.length > 0) ? insertAt(problems, inserts) : problems;

  const read = counts.reduce((s, c) => s + c.read, 0);
  const used = counts.reduce((s, c) => s + c.used, 0);
  const rejected = counts.reduce((s, c) => s + c.rejected, 0);
  if (counts.length) {
    const per = counts.map((c) => `${c.sheet ? `${c.file} [${c.sheet}]` : c.file}: ${c.read}/${c.used}/${c.rejected}`).join('; ');
    const skip = skipped.length ? { sv: `; blad som inte lästs: ${skipped.join(', ')}`, en: `; sheets not read: ${skipped.join(', ')}` } : { sv: '', en: '' };
    notes.unshift({
      sv: `${read} rader lästa, ${used} använda, ${rejected} avvisade (lästa/använda/avvisade per tabell: ${per}${skip.sv})`,
      en: `${read} rows read, ${used} used, ${rejected} rejected (read/used/rejected per table: ${per}${skip.en})`,
    });
  }
  return { participants, problems: all, counts, origins, notes };
}

/** `list` with each insert's problems placed before the element at its position (positions ascending; equal ones in order). */
function insertAt(list: Problem[], inserts: [number, Problem[]][]): Problem[] {
  const out: Problem[] = [];
  let k = 0;
  for (const [at, items] of inserts) {
    for (; k < at; k++) out.push(list[k]);
    for (const p of items) out.push(p);
  }
  for (; k < list.length; k++) out.push(list[k]);
  return out;
}

/**
 * The follow-up year of a situation row (column uppfoljningsar, method §5.1): blank = 1; 1, 2 or 3
 * on efter rows; blank or 1 on före rows. Undefined (with a problem) when invalid.
 */
function followUpYear(rp: RowProblems, r: TableRow, lage: 'fore' | 'efter' | undefined): number | undefined {
  const c = rp.cell(r, 'uppfoljningsar');
  if (isBlank(c)) return 1;
  const n = parseNumber(c);
  const year = n.ok ? n.value : NaN;
  if (year !== 1 && year !== 2 && year !== 3) {
    rp.add('error', r, 'uppfoljningsar', 'uppföljningsår ska vara 1, 2 eller 3 (tomt = 1)', 'the follow-up year must be 1, 2 or 3 (blank = 1)', show(c));
    return undefined;
  }
  if (lage === 'fore' && year !== 1) {
    rp.add('error', r, 'uppfoljningsar', 'uppföljningsår gäller bara rader med läge efter; lämna tomt för före', 'a follow-up year applies only to rows with situation efter; leave it blank for fore', show(c));
    return undefined;
  }
  return year;
}

/** The template's own sheets besides the data: instructions, the item list, the hidden kommun list of the drop-down. */
const TEMPLATE_SHEETS = new Set(['poster', 'instruktioner', 'kategorier', 'items', 'instructions', 'kommuner']);

function hasField(t: Table, keys: string[]): boolean {
  return t.keys.some((k) => keys.includes(k));
}

const fmt = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('sv-SE') : String(n).replace('.', ','));

/**
 * Refuses or pseudonymises personal data in a table (in place): name, contact and personnummer
 * columns, and personnummer/samordningsnummer in any header or cell. Refused values are replaced
 * so no later message echoes them. With a pseudonymiser, the id column (`idKeys`) is hashed;
 * nothing else can be pseudonymised, and the messages say so. Returns the column indexes not to read.
 * @param idKeys header keys of the participant-id column (none for transition tables)
 */
export function protectTable(t: Table, o: { pseudonymiser?: Pseudonymiser; idKeys?: string[] }, problems: Problem[]): Set<number> {
  const pr = protectHeaders(t, o, problems);
  for (const r of t.rows) protectRow(t, r, pr, problems);
  protectSummary(t, pr, problems);
  return pr.ignore;
}

/** What `protectHeaders` decided for a table's cells. */
interface Protection {
  /** Column indexes not to read. */
  ignore: Set<number>;
  /** The participant-id column (-1: none). */
  useCol: number;
  pseudonymiser?: Pseudonymiser;
  onlyIds: { sv: string; en: string };
  /** Cells refused so far. */
  refused: number;
}

/** `protectTable`'s header part: headers holding a personnummer, and personal-data columns. */
function protectHeaders(t: Table, o: { pseudonymiser?: Pseudonymiser; idKeys?: string[] }, problems: Problem[]): Protection {
  const { pseudonymiser, idKeys = [] } = o;
  const pseudonymise = pseudonymiser !== undefined;
  const ignore = new Set<number>();
  const onlyIds = pseudonymise ? { sv: ' (--pseudonymisera ersätter bara deltagar-id-kolumnen)', en: ' (--pseudonymisera replaces only the participant-id column)' } : { sv: '', en: '' };
  t.headers.forEach((h, i) => {
    if (!containsPersonalNumber(h)) return;
    t.headers[i] = REDACTED;
    t.keys[i] = '';
    ignore.add(i);
    problems.push({ severity: 'error', file: t.file, sheet: t.sheet, row: t.headerRow, column: columnLetter(i), path: `${columnLetter(i)}${t.headerRow}`, sv: `kolumnrubriken ${PERSONAL_NUMBER_FOUND.sv}${onlyIds.sv}`, en: `the column header ${PERSONAL_NUMBER_FOUND.en}${onlyIds.en}` });
  });
  const idCol = t.keys.findIndex((k) => idKeys.includes(k) && personalDataColumn(k) === null);
  t.headers.forEach((h, i) => {
    if (ignore.has(i)) return;
    const kind = personalDataColumn(h);
    if (!kind) return;
    const at = { file: t.file, sheet: t.sheet, row: t.headerRow, column: h, path: `${columnLetter(i)}${t.headerRow}` };
    if (kind === 'id' && idCol < 0 && idKeys.includes(t.keys[i]) && pseudonymise) return; // the personnummer column serves as the id, hashed below
    if (pseudonymise) {
      ignore.add(i);
      problems.push({ severity: 'warning', ...at, sv: 'kolumnen ser ut att innehålla personuppgifter och läses inte (den ignoreras vid pseudonymisering)', en: 'the column looks like personal data and is not read (ignored when pseudonymising)' });
    } else {
      if (!(kind === 'id' && idCol < 0 && idKeys.includes(t.keys[i]))) ignore.add(i);
      problems.push({ severity: 'error', ...at, sv: `kolumnen ser ut att innehålla ${kind === 'name' ? 'namn eller kontaktuppgifter' : 'personnummer'}; ${PERSONAL_DATA_HELP.sv}`, en: `the column looks like it holds ${kind === 'name' ? 'names or contact details' : 'personal identity numbers'}; ${PERSONAL_DATA_HELP.en}` });
    }
  });
  const useCol = idCol >= 0 ? idCol : t.keys.findIndex((k) => idKeys.includes(k));
  return { ignore, useCol, pseudonymiser, onlyIds, refused: 0 };
}

/** `protectTable`'s cell part for one row: ignored columns emptied, cells holding a personnummer refused and replaced. */
function screenRow(t: Table, r: TableRow, pr: Protection, problems: Problem[]): void {
  const { ignore, useCol, pseudonymiser, onlyIds } = pr;
  const cells = r.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === undefined && !(i in cells)) continue; // a hole (as forEach skips it)
    if (c === null || c instanceof Date || typeof c === 'boolean') continue;
    const text = typeof c === 'number' ? String(Math.round(c)) : c;
    if (i === useCol && pseudonymiser) continue; // hashed below
    if (ignore.has(i)) {
      r.cells[i] = null;
      continue;
    }
    if (!containsPersonalNumber(text)) continue;
    r.cells[i] = i === useCol ? `[personnummer rad ${r.row}]` : REDACTED;
    pr.refused++;
    problems.push({
      severity: 'error', file: t.file, sheet: t.sheet, row: r.row, column: t.headers[i] || columnLetter(i), path: `${columnLetter(i)}${r.row}`,
      sv: `cellen ${PERSONAL_NUMBER_FOUND.sv}${i === useCol ? ' eller kör med --pseudonymisera' : onlyIds.sv}`,
      en: `the cell ${PERSONAL_NUMBER_FOUND.en}${i === useCol ? ' or run with --pseudonymisera' : onlyIds.en}`,
    });
  }
}

/** After every row is screened: the explanation, once, when a cell was refused. */
function protectSummary(t: Table, pr: Protection, problems: Problem[]): void {
  if (pr.refused > 0) problems.push({ severity: 'error', file: t.file, sheet: t.sheet, path: '', sv: PERSONAL_DATA_HELP.sv, en: PERSONAL_DATA_HELP.en, row: t.headerRow, column: t.headers[pr.useCol] ?? columnLetter(0) });
}

/** The participant id of a row replaced by its pseudonym. */
function pseudonymiseRow(r: TableRow, pr: Protection): void {
  const c = r.cells[pr.useCol];
  if (!isBlank(c)) r.cells[pr.useCol] = pr.pseudonymiser!(String(c instanceof Date ? c.toISOString() : c));
}

/** One row screened (and its id pseudonymised), for a whole table or a streamed one. */
function protectRow(t: Table, r: TableRow, pr: Protection, problems: Problem[]): void {
  screenRow(t, r, pr, problems);
  if (pr.pseudonymiser && pr.useCol >= 0) pseudonymiseRow(r, pr);
}

interface NumberOptions { min?: number; max?: number; integer?: boolean; required?: boolean }

/** Reads an optional number cell; records a problem and returns undefined when invalid. */
function optNumber(rp: RowProblems, r: TableRow, field: string, o: NumberOptions = {}): number | undefined {
  const c = rp.cell(r, field);
  if (isBlank(c)) {
    if (o.required) rp.add('error', r, field, 'värde krävs (ett tal, t.ex. 12 eller 1,5)', 'value required (a number, e.g. 12 or 1.5)');
    return undefined;
  }
  const n = parseNumber(c);
  if (!n.ok) {
    rp.add('error', r, field, 'ett tal väntades (t.ex. 12 eller 1,5)', 'a number was expected (e.g. 12 or 1.5)', show(c));
    return undefined;
  }
  const v = n.value;
  if (o.integer && !Number.isInteger(v)) return void rp.add('error', r, field, 'ett heltal väntades', 'a whole number was expected', show(c));
  if (o.min !== undefined && v < o.min) return void rp.add('error', r, field, o.min === 0 ? 'får inte vara negativt' : `ska vara minst ${o.min}`, o.min === 0 ? 'must not be negative' : `must be at least ${o.min}`, show(c));
  if (o.max !== undefined && v > o.max) return void rp.add('error', r, field, `ska vara högst ${o.max}`, `must be at most ${o.max}`, show(c));
  return v;
}

/** Omfattning as a share 0–1; `75 %` is 0,75; a bare 75 is refused with a hint. */
function optShare(rp: RowProblems, r: TableRow, field: string): number | undefined {
  const c = rp.cell(r, field);
  if (isBlank(c)) return undefined;
  const n = parseNumber(c);
  if (!n.ok) return void rp.add('error', r, field, 'en andel väntades (t.ex. 0,75 eller 75 %)', 'a share was expected (e.g. 0.75 or 75 %)', show(c));
  if (!n.percent && n.value > 1 && n.value <= 100) return void rp.add('error', r, field, `omfattning anges som andel mellan 0 och 1 (${fmt(n.value / 100)}) eller med procenttecken (${fmt(n.value)} %)`, `extent is a share between 0 and 1 (${n.value / 100}) or with a percent sign (${n.value} %)`, show(c));
  if (n.value < 0 || n.value > 1) return void rp.add('error', r, field, 'omfattning ska ligga mellan 0 och 1 (0–100 %)', 'extent must be between 0 and 1 (0–100 %)', show(c));
  return n.value;
}

/** Birth year from a year, a date, an ISO date text or an Excel date serial. */
function birthYear(c: Cell): number | undefined {
  if (c instanceof Date) return c.getUTCFullYear();
  if (typeof c === 'string') {
    const m = /^(\d{4})(-\d{2}-\d{2})?$/.exec(c.trim());
    if (m) return Number(m[1]);
  }
  const n = parseNumber(c);
  if (!n.ok || !Number.isInteger(n.value)) return undefined;
  if (n.value >= 1900 && n.value <= 2100) return n.value;
  if (isPlausibleDateSerial(n.value)) return excelSerialToDate(n.value).getUTCFullYear();
  return undefined;
}

/** The wage floor in force for the price year (latest value when no year is given). */
function wageFloor(catalog: Catalog, priceYear?: number): { value: number; label: string } | undefined {
  const s = catalog.series.get(WAGE_FLOOR);
  if (!s || s.values.length === 0) return undefined;
  const v = priceYear ? valueAt(s.values, referenceDate(priceYear)) : s.values[s.values.length - 1];
  if (!v || typeof v.value !== 'number') return undefined;
  return { value: v.value, label: `${v.validFrom.slice(0, 4)}` };
}


/**
 * Points validation problems about file-read participants (`participants[3].efter.lines[1].months`)
 * at the cell they came from: file, sheet, row and column.
 * @param prefix `participants` or `comparison.participants`
 */
export function locateProblems(problems: Problem[], origins: ParticipantOrigin[], prefix: string): Problem[] {
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\[(\\d+)\\](?:\\.(fore|efter[23]?)\\.lines\\[(\\d+)\\]\\.?(\\w*)|\\.attributes\\.(\\w+)|\\.(\\w+))?`);
  return problems.map((p) => {
    const m = re.exec(p.path);
    if (!m) return p;
    const o = origins[Number(m[1])];
    if (!o) return p;
    if (m[2]) {
      const row = o.lines[m[2] as keyof ParticipantOrigin['lines']]?.[Number(m[3])];
      const s = o.situations ?? o;
      const field = LINE_FIELD_COLUMN[m[4]] ?? m[4];
      return { ...p, file: s.file, sheet: s.sheet, row: row ?? o.row, column: s.columns[field] ?? field, path: '' };
    }
    const field = m[5] ?? (m[6] === 'weight' ? 'vikt' : m[6] === 'id' ? 'deltagare' : m[6]);
    return { ...p, file: o.file, sheet: o.sheet, row: o.row, column: field ? o.columns[field] ?? field : undefined, path: '' };
  });
}

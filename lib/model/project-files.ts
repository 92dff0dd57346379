/**
 * Reading a project from its files (method §10), browser-safe: a JSON or YAML project file whose
 * participants come inline, from a tabular file (`participantsFile`, read by
 * `participants-file.ts`) or from an aggregated transition table (`transitions.ts`). The files
 * come from a `FileSource` — the disk for the CLI (`read-project.ts`), files picked in the
 * browser for the notebooks (`readProjectFromFiles`) — so both give the same project and the
 * same problems. Returns the validated project or every problem found.
 */
import { parse as parseYaml, YAMLParseError, type ErrorCode } from 'yaml';
import type { Catalog } from '../catalog/types.js';
import { InputError, type Problem } from '../util/errors.js';
import { parseSimpleYaml } from '../util/simple-yaml.js';
import { MAX_PROJECT_BYTES, memoryFiles, normalizePath, type FileSource } from './file-source.js';
import { PERSONAL_DATA_HELP, PERSONAL_NUMBER_FOUND, screenPersonalData } from './personal-number.js';
import { decodeText } from './tabular/decode-text.js';
import type { Note, ParticipantOrigin, Pseudonymiser } from './participants-file.js';
import { validateProject, type ValidationResult } from './project.js';

/** The YAML reader's errors in Swedish (its own messages are English); the row is given beside. */
const YAML_ERRORS_SV: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'fel indrag eller en lista/ett objekt som inte avslutas (saknas ] eller }?)',
  BLOCK_AS_IMPLICIT_KEY: 'fel indrag: nycklar på samma nivå ska börja i samma kolumn, och text som fortsätter på nästa rad ska stå inom citattecken',
  MULTILINE_IMPLICIT_KEY: 'en nyckel fortsätter på nästa rad; sätt texten inom citattecken',
  DUPLICATE_KEY: 'samma nyckel förekommer två gånger; ta bort den ena',
  MISSING_CHAR: 'ett avslutande tecken saknas (citattecken, ] eller })',
  TAB_AS_INDENT: 'tabb används som indrag; använd mellanslag',
  UNEXPECTED_TOKEN: 'oväntat tecken; kontrollera kolon och citattecken',
  BAD_SCALAR_START: 'ett värde börjar med ett tecken som kräver citattecken (t.ex. @ eller `)',
};

// The tabular readers (exceljs, papaparse) load only when a project names a table file.
const tabular = () => import('./participants-file.js');
const transitionsModule = () => import('./transitions.js');

/** The project file inside a project folder. */
export const PROJECT_FILE_NAMES = ['projekt.yaml', 'projekt.yml', 'projekt.json', 'project.yaml', 'project.json'];

/** Parses JSON or YAML text; a syntax error becomes an InputError with the line. */
export function parseProjectText(text: string, file: string): unknown {
  const fail = (sv: string, en: string, row?: number): never => {
    throw new InputError([{ severity: 'error', file, path: '', sv, en, ...(row ? { row } : {}) }]);
  };
  if (/\.json$/i.test(file)) {
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      return fail(`ogiltig JSON: ${(e as Error).message}`, `invalid JSON: ${(e as Error).message}`);
    }
    // JSON.parse keeps the last of duplicate keys; YAML refuses them, and so does JSON here.
    const dup = duplicateJsonKey(text);
    if (dup) return fail(`nyckeln ${JSON.stringify(dup.key)} förekommer två gånger i samma objekt; ta bort den ena`, `the key ${JSON.stringify(dup.key)} appears twice in the same object; remove one`, dup.line);
    return value;
  }
  const noBom = text.replace(/^\uFEFF/, '');
  // The plain subset most project files use is read directly; anything else, and every error, is yaml's.
  const simple = parseSimpleYaml(noBom);
  if (simple !== undefined) return simple;
  try {
    return parseYaml(noBom, { uniqueKeys: true });
  } catch (e) {
    const row = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line : undefined;
    const code = e instanceof YAMLParseError ? e.code : undefined;
    return fail(`ogiltig YAML: ${(code && YAML_ERRORS_SV[code]) ?? 'kontrollera indrag, kolon och citattecken'}`, `invalid YAML: ${(e as Error).message.split('\n')[0]}`, row);
  }
}

/** The pseudonymiser and a note on where its key is; throws an Error with `.sv`/`.en` when the key cannot be had. */
export type PseudonymiserSource = () => { pseudonymiser: Pseudonymiser; note?: Note };

export interface ProjectSourceOptions {
  /** Set to replace identifiers with keyed hashes instead of refusing personal data (CLI `--pseudonymisera`). */
  pseudonymise?: PseudonymiserSource;
  /** Where problems about the key are reported. */
  keyFile?: string;
  /**
   * Read tables whole and check their lines again in validateProject, as before the one-pass
   * reader (for tests: the reference the fast route must agree with).
   */
  generalRoute?: boolean;
}

export type ProjectRead = ValidationResult & { file: string; notes: Note[] };

/**
 * Reads and validates the project file `file` of a file source. Participants may come inline,
 * from `participantsFile` (one XLSX/CSV file or a list of CSV files) or from an aggregated
 * `transitionsFile`/`transitions` table; problems found in tables point at file, sheet, row and column.
 * @returns the validation result (project and problems) and notes (row accounting, key file)
 * @throws InputError only when the project file is missing or not JSON/YAML
 */
export async function readProjectSource(files: FileSource, file: string, catalog: Catalog, options: ProjectSourceOptions = {}): Promise<ProjectRead> {
  const shownFile = files.shown?.(file) ?? file;
  const refused = files.refuse?.(file, MAX_PROJECT_BYTES);
  if (refused) throw new InputError([{ severity: 'error', file: shownFile, path: '', ...refused }]);
  const bytes = files.read(file);
  if (!bytes) throw new InputError([{ severity: 'error', file: shownFile, path: '', sv: 'filen finns inte', en: 'file not found' }]);
  const decoded = decodeText(bytes);
  if (decoded.refused) throw new InputError([{ severity: 'error', file: shownFile, path: '', ...decoded.refused }]);
  const raw = parseProjectText(decoded.text, shownFile);
  const problems: Problem[] = [];
  // The one personal-data screen (also run by validateProject) before mapping labels and inline
  // tables are taken out of the project; participant ids are checked or pseudonymised apart.
  for (const path of screenPersonalData(raw, (p) => /^(comparison\.)?participants\[\d+\]\.id$/.test(p))) {
    problems.push({ severity: 'error', file: shownFile, path, sv: `${PERSONAL_NUMBER_FOUND.sv}; ${PERSONAL_DATA_HELP.sv}`, en: `${PERSONAL_NUMBER_FOUND.en}; ${PERSONAL_DATA_HELP.en}` });
  }
  const notes: Note[] = [];
  const dir = files.dirname(file);
  const at = (name: string) => files.join(dir, name);
  const display = (p: string) => files.shown?.(p) ?? p;
  // The key is loaded once, when a table is read or an inline id is to be hashed; its note is
  // given once, after a table's own notes.
  let key: { hash?: Pseudonymiser; note?: Note } | undefined;
  const pseudonymiser = (): Pseudonymiser | undefined => {
    if (!options.pseudonymise) return undefined;
    if (!key) {
      try {
        const k = options.pseudonymise();
        key = { hash: k.pseudonymiser, note: k.note };
      } catch (e) {
        const err = e as Error & { sv?: string; en?: string };
        problems.push({ severity: 'error', file: options.keyFile ?? shownFile, path: '', sv: err.sv ?? err.message, en: err.en ?? err.message });
        key = {};
      }
    }
    return key.hash;
  };
  const keyNote = (): void => {
    if (key?.note) notes.push(key.note);
    if (key) key.note = undefined;
  };
  let origins: ParticipantOrigin[] | undefined;
  let comparisonOrigins: ParticipantOrigin[] | undefined;
  // The key that supplied the participants from a table, so an empty result is explained there.
  let tableSource: string | undefined;
  // Set when the comparison group's file is refused, so its absence is not reported again.
  let comparisonRefused = false;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    // A forecast plan (target group and expected outcomes, lib/forecast/plan.ts) is read by samnytta prognos.
    if (o.kind === 'prognos' && ['targetGroup', 'outcomes', 'outcomesFile'].some((k) => k in o)) {
      throw new InputError([{ severity: 'error', file: shownFile, path: 'kind', sv: 'filen är en prognosplan (kind: prognos med targetGroup och outcomes); kör samnytta prognos med den', en: 'the file is a forecast plan (kind: prognos with targetGroup and outcomes); run samnytta prognos on it' }]);
    }
    const priceYear = typeof o.priceYear === 'number' ? o.priceYear : undefined;
    const readTables = async (names: string[]) => {
      const hash = pseudonymiser();
      return (await tabular()).readParticipantsFile(names.map(at), catalog, { files, priceYear, display, ...(hash ? { pseudonymiser: hash } : {}), ...(options.generalRoute ? { stream: false } : {}) });
    };
    const fileList = (v: unknown): string[] | undefined =>
      typeof v === 'string' ? [v] : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
    const participantsFile = o.participantsFile;
    if (o.participantsFile !== undefined) {
      const names = fileList(o.participantsFile);
      if (!names) problems.push({ severity: 'error', file: shownFile, path: 'participantsFile', sv: 'ange ett filnamn (deltagare.xlsx) eller en lista med CSV-filer', en: 'give a file name (deltagare.xlsx) or a list of CSV files', value: o.participantsFile });
      else if (o.participants !== undefined || o.transitionsFile !== undefined || o.transitions !== undefined) {
        problems.push({ severity: 'error', file: shownFile, path: 'participantsFile', sv: 'ange en källa för deltagare: participants, participantsFile eller transitionsFile', en: 'give one source of participants: participants, participantsFile or transitionsFile' });
      } else {
        const read = await readTables(names);
        problems.push(...read.problems);
        notes.push(...read.notes);
        keyNote();
        o.participants = read.participants;
        origins = read.origins;
        tableSource = 'participantsFile';
      }
      delete o.participantsFile;
    }
    if (o.transitionsFile !== undefined || o.transitions !== undefined) {
      const source = typeof o.transitionsFile === 'string' ? at(o.transitionsFile) : Array.isArray(o.transitions) ? o.transitions : undefined;
      if (!source) problems.push({ severity: 'error', file: shownFile, path: o.transitionsFile !== undefined ? 'transitionsFile' : 'transitions', sv: 'ange transitionsFile: overgangar.csv (eller en lista transitions: [...])', en: 'give transitionsFile: overgangar.csv (or a list transitions: [...])', value: o.transitionsFile ?? o.transitions });
      else if (o.participants !== undefined && !origins) problems.push({ severity: 'error', file: shownFile, path: 'transitionsFile', sv: 'ange en källa för deltagare: participants, participantsFile eller transitionsFile', en: 'give one source of participants: participants, participantsFile or transitionsFile' });
      else if (!origins) {
        const read = await (await transitionsModule()).readTransitions(source, catalog, { mapping: o.mapping, projectFile: shownFile, display, files });
        problems.push(...read.problems);
        notes.push(...read.notes);
        o.participants = read.participants;
        origins = read.origins;
        tableSource = o.transitionsFile !== undefined ? 'transitionsFile' : 'transitions';
      }
      delete o.transitionsFile;
      delete o.transitions;
      delete o.mapping;
    } else if (o.mapping !== undefined) {
      problems.push({ severity: 'warning', file: shownFile, path: 'mapping', sv: 'mapping används bara med transitionsFile (aggregerad indata) och ignoreras', en: 'mapping applies only with transitionsFile (aggregated input) and is ignored' });
      delete o.mapping;
    }
    const cmp = o.comparison as Record<string, unknown> | undefined;
    // A file that is both the participants and the comparison group would cancel every effect.
    const cmpNames = cmp && typeof cmp === 'object' ? fileList(cmp.participantsFile) : undefined;
    const mainNames = fileList(participantsFile) ?? [];
    const identity = (n: string) => files.identity?.(at(n)) ?? at(n);
    const mainIds = new Map(mainNames.map((n) => [identity(n), n] as const));
    const shared = (cmpNames ?? []).filter((n) => mainIds.has(identity(n)));
    comparisonRefused = shared.length > 0;
    for (const n of shared) {
      problems.push({ severity: 'error', file: shownFile, path: 'comparison.participantsFile', value: n, sv: `filen anges både som deltagare (participantsFile: ${mainIds.get(identity(n))}) och som jämförelsegrupp; samma rader kan inte vara båda`, en: `the file is given both as participants (participantsFile: ${mainIds.get(identity(n))}) and as the comparison group; the same rows cannot be both` });
    }
    if (cmpNames && shared.length === 0) {
      const read = await readTables(cmpNames);
      problems.push(...read.problems);
      notes.push(...read.notes.map((n) => ({ sv: `jämförelsegrupp: ${n.sv}`, en: `comparison group: ${n.en}` })));
      keyNote();
      cmp!.participants = read.participants;
      comparisonOrigins = read.origins;
    }
    if (cmpNames) delete cmp!.participantsFile;
    if (options.pseudonymise) {
      // Inline ids (JSON/YAML) are hashed too, so no identifier reaches an output.
      const inline = [...(origins ? [] : asList(o.participants)), ...(comparisonOrigins ? [] : asList(cmp?.participants))];
      if (inline.some((p) => p.id !== undefined)) {
        const hash = pseudonymiser();
        if (hash) for (const p of inline) if (p.id !== undefined) p.id = hash(String(p.id));
      }
    }
  }
  // Table rows were screened cell by cell as they were read; inline participants are screened here.
  const screened = [...(origins ? ['participants'] : []), ...(comparisonOrigins ? ['comparison.participants'] : [])];
  // A participants table's lines were also checked there, row by row, and are taken as they are.
  // Transition lines are not: they come from the project's mapping, which only validateProject checks.
  const tableLines = screened.filter((path) => !(path === 'participants' && tableSource !== 'participantsFile'));
  const result = validateProject(raw, catalog, shownFile, { screened, ...(options.generalRoute ? {} : { tableLines }) });
  let located = comparisonRefused ? result.problems.filter((p) => p.path !== 'comparison.participants') : result.problems;
  if (tableSource) {
    // "at least one participant required" misleads when a table was given: its own problems say why.
    const empty = located.some((p) => p.path === 'participants' && p.severity === 'error');
    located = located.filter((p) => !(p.path === 'participants' && p.severity === 'error'));
    if (empty && !problems.some((p) => p.severity === 'error')) {
      problems.push({ severity: 'error', file: shownFile, path: tableSource, sv: 'tabellen gav inga deltagare (inga rader, eller antal 0 på alla rader)', en: 'the table gave no participants (no rows, or antal 0 on every row)' });
    }
  }
  if (origins) located = (await tabular()).locateProblems(located, origins, 'participants');
  if (comparisonOrigins) located = (await tabular()).locateProblems(located, comparisonOrigins, 'comparison.participants');
  const all = [...problems, ...located];
  const hasErrors = all.some((p) => p.severity === 'error');
  const project = hasErrors || !result.project ? undefined : { ...result.project, warnings: all.filter((p) => p.severity === 'warning') };
  return { file: shownFile, project, problems: all, notes };
}

function asList(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
}

/**
 * The project file among files picked in the browser: the one named like `projekt.yaml` nearest
 * the top (a picked folder names its files `mapp/projekt.yaml`, `mapp/deltagare.xlsx`).
 * @returns its path, or undefined when there is none
 */
export function findProjectFile(paths: Iterable<string>): string | undefined {
  const candidates = [...paths]
    .map((p) => ({ p, parts: normalizePath(p).split('/') }))
    .filter((c) => PROJECT_FILE_NAMES.includes(c.parts[c.parts.length - 1].toLowerCase()))
    .sort((a, b) => a.parts.length - b.parts.length
      || PROJECT_FILE_NAMES.indexOf(a.parts[a.parts.length - 1].toLowerCase()) - PROJECT_FILE_NAMES.indexOf(b.parts[b.parts.length - 1].toLowerCase())
      || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  return candidates[0]?.p;
}

/**
 * Reads a project from files held in memory (what the notebooks get from a file input or a drop):
 * the project file (`projekt.yaml` …, see `findProjectFile`) and the tables it names, by
 * `/`-separated path. Problems name files by these paths.
 * @example await readProjectFromFiles(new Map([['p/projekt.yaml', yaml], ['p/deltagare.xlsx', xlsx]]), catalog)
 */
export async function readProjectFromFiles(files: ReadonlyMap<string, Uint8Array>, catalog: Catalog, options: ProjectSourceOptions = {}): Promise<ProjectRead> {
  const file = findProjectFile(files.keys());
  if (!file) {
    const problems: Problem[] = [{
      severity: 'error', file: [...files.keys()].join(', ') || '–', path: '',
      sv: `ingen projektfil (${PROJECT_FILE_NAMES[0]}) bland filerna; välj hela projektmappen eller lägg till projektfilen (skapa en med \`samnytta init\`)`,
      en: `no project file (${PROJECT_FILE_NAMES[0]}) among the files; choose the whole project folder or add the project file (create one with \`samnytta init\`)`,
    }];
    return { file: '', project: undefined, problems, notes: [] };
  }
  return readProjectSource(memoryFiles(files), normalizePath(file), catalog, options);
}

/**
 * The first key that appears twice in one JSON object (with its line), scanning the text once.
 * @example duplicateJsonKey('{"a":1,"a":2}') // => { key: 'a', line: 1 }
 */
export function duplicateJsonKey(text: string): { key: string; line: number } | undefined {
  const stack: (Set<string> | null)[] = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (ch === '{') { stack.push(new Set()); expectKey = true; }
    else if (ch === '[') { stack.push(null); expectKey = false; }
    else if (ch === '}' || ch === ']') { stack.pop(); expectKey = false; }
    else if (ch === ',') expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (expectKey) {
        const keys = stack[stack.length - 1];
        let key: string;
        try { key = JSON.parse(text.slice(i, j + 1)) as string; } catch { key = text.slice(i + 1, j); }
        if (keys?.has(key)) return { key, line };
        keys?.add(key);
        expectKey = false;
      }
      i = j;
    }
  }
  return undefined;
}

/**
 * Reading a project from disk (method §10): a JSON or YAML file, or a project folder holding
 * `projekt.yaml`. Participants may come from a tabular file (`participantsFile`), read by
 * `participants-file.ts`, or from an aggregated transition table (`transitions.ts`). Returns the
 * validated project or every problem found.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Catalog } from '../catalog/types.js';
import { InputError, type Problem } from '../util/errors.js';
import { validateProject, type ValidationResult } from './project.js';
import type { Note, ParticipantOrigin, ParticipantsFileOptions } from './participants-file.js';
import { DEFAULT_KEY_FILE, loadOrCreateKey, pseudonym } from './personal-data.js';

// The tabular readers (exceljs, papaparse) load only when a project names a table file.
const tabular = () => import('./participants-file.js');
const transitionsModule = () => import('./transitions.js');

/** The project file inside a project folder. */
export const PROJECT_FILE_NAMES = ['projekt.yaml', 'projekt.yml', 'projekt.json', 'project.yaml', 'project.json'];

/** Resolves a project argument (file or folder) to the project file. @throws InputError when there is none */
export function resolveProjectPath(path: string): string {
  if (existsSync(path) && statSync(path).isDirectory()) {
    for (const n of PROJECT_FILE_NAMES) if (existsSync(join(path, n))) return join(path, n);
    throw new InputError([{ severity: 'error', file: path, path: '', sv: `mappen saknar projektfil (${PROJECT_FILE_NAMES[0]}); skapa en med \`samnytta init\``, en: `the folder has no project file (${PROJECT_FILE_NAMES[0]}); create one with \`samnytta init\`` }]);
  }
  if (!existsSync(path)) throw new InputError([{ severity: 'error', file: path, path: '', sv: 'filen finns inte', en: 'file not found' }]);
  return path;
}

/** Parses JSON or YAML text; a syntax error becomes an InputError with the line. */
export function parseProjectText(text: string, file: string): unknown {
  const fail = (sv: string, en: string, row?: number): never => {
    throw new InputError([{ severity: 'error', file, path: '', sv, en, ...(row ? { row } : {}) }]);
  };
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      return fail(`ogiltig JSON: ${(e as Error).message}`, `invalid JSON: ${(e as Error).message}`);
    }
  }
  try {
    return parseYaml(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
  } catch (e) {
    const row = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line : undefined;
    return fail(`ogiltig YAML: ${(e as Error).message.split('\n')[0]}`, `invalid YAML: ${(e as Error).message.split('\n')[0]}`, row);
  }
}

export interface ReadProjectOptions extends ParticipantsFileOptions {}

/**
 * Reads and validates a project file or folder. Participants may come inline, from
 * `participantsFile` (one XLSX/CSV file or a list of CSV files) or from an aggregated
 * `transitionsFile`/`transitions` table; problems found in tables point at file, sheet, row and column.
 * @returns the validation result (project and problems) and notes (row accounting, key file);
 *   throws only for unreadable project files
 */
export async function readProject(path: string, catalog: Catalog, options: ReadProjectOptions = {}): Promise<ValidationResult & { file: string; notes: Note[] }> {
  const file = resolveProjectPath(path);
  const raw = parseProjectText(readFileSync(file, 'utf8'), file);
  const problems: Problem[] = [];
  const notes: Note[] = [];
  const dir = dirname(resolve(file));
  const shown = (name: string) => join(dirname(file), name);
  let origins: ParticipantOrigin[] | undefined;
  let comparisonOrigins: ParticipantOrigin[] | undefined;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const fileOptions: ParticipantsFileOptions = {
      ...options,
      keyFile: options.keyFile ?? join(dir, DEFAULT_KEY_FILE),
      priceYear: typeof o.priceYear === 'number' ? o.priceYear : options.priceYear,
      display: (p) => shown(relative(dir, p)),
    };
    const fileList = (v: unknown): string[] | undefined =>
      typeof v === 'string' ? [v] : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
    if (o.participantsFile !== undefined) {
      const files = fileList(o.participantsFile);
      if (!files) problems.push({ severity: 'error', file, path: 'participantsFile', sv: 'ange ett filnamn (deltagare.xlsx) eller en lista med CSV-filer', en: 'give a file name (deltagare.xlsx) or a list of CSV files', value: o.participantsFile });
      else if (o.participants !== undefined || o.transitionsFile !== undefined || o.transitions !== undefined) {
        problems.push({ severity: 'error', file, path: 'participantsFile', sv: 'ange en källa för deltagare: participants, participantsFile eller transitionsFile', en: 'give one source of participants: participants, participantsFile or transitionsFile' });
      } else {
        const read = await (await tabular()).readParticipantsFile(files.map((f) => join(dir, f)), catalog, fileOptions);
        problems.push(...read.problems);
        notes.push(...read.notes);
        o.participants = read.participants;
        origins = read.origins;
      }
      delete o.participantsFile;
    }
    if (o.transitionsFile !== undefined || o.transitions !== undefined) {
      const source = typeof o.transitionsFile === 'string' ? join(dir, o.transitionsFile) : Array.isArray(o.transitions) ? o.transitions : undefined;
      if (!source) problems.push({ severity: 'error', file, path: o.transitionsFile !== undefined ? 'transitionsFile' : 'transitions', sv: 'ange transitionsFile: overgangar.csv (eller en lista transitions: [...])', en: 'give transitionsFile: overgangar.csv (or a list transitions: [...])', value: o.transitionsFile ?? o.transitions });
      else if (o.participants !== undefined && !origins) problems.push({ severity: 'error', file, path: 'transitionsFile', sv: 'ange en källa för deltagare: participants, participantsFile eller transitionsFile', en: 'give one source of participants: participants, participantsFile or transitionsFile' });
      else if (!origins) {
        const read = await (await transitionsModule()).readTransitions(source, catalog, { mapping: o.mapping, projectFile: file, display: (p) => shown(relative(dir, p)) });
        problems.push(...read.problems);
        notes.push(...read.notes);
        o.participants = read.participants;
        origins = read.origins;
      }
      delete o.transitionsFile;
      delete o.transitions;
      delete o.mapping;
    } else if (o.mapping !== undefined) {
      problems.push({ severity: 'warning', file, path: 'mapping', sv: 'mapping används bara med transitionsFile (aggregerad indata) och ignoreras', en: 'mapping applies only with transitionsFile (aggregated input) and is ignored' });
      delete o.mapping;
    }
    const cmp = o.comparison as Record<string, unknown> | undefined;
    if (cmp && typeof cmp === 'object' && fileList(cmp.participantsFile)) {
      const read = await (await tabular()).readParticipantsFile(fileList(cmp.participantsFile)!.map((f) => join(dir, f)), catalog, fileOptions);
      problems.push(...read.problems);
      notes.push(...read.notes.map((n) => ({ sv: `jämförelsegrupp: ${n.sv}`, en: `comparison group: ${n.en}` })));
      cmp.participants = read.participants;
      comparisonOrigins = read.origins;
      delete cmp.participantsFile;
    }
    if (options.pseudonymise) {
      // Inline ids (JSON/YAML) are hashed too, so no identifier reaches an output.
      const inline = [...(origins ? [] : asList(o.participants)), ...(comparisonOrigins ? [] : asList(cmp?.participants))];
      if (inline.some((p) => p.id !== undefined)) {
        try {
          const key = loadOrCreateKey(fileOptions.keyFile!, options.outputDirs).key;
          for (const p of inline) if (p.id !== undefined) p.id = pseudonym(key, String(p.id));
        } catch (e) {
          const err = e as Error & { sv?: string; en?: string };
          problems.push({ severity: 'error', file: fileOptions.keyFile!, path: '', sv: err.sv ?? err.message, en: err.en ?? err.message });
        }
      }
    }
  }
  const result = validateProject(raw, catalog, file);
  let located = result.problems;
  if (origins) located = (await tabular()).locateProblems(located, origins, 'participants');
  if (comparisonOrigins) located = (await tabular()).locateProblems(located, comparisonOrigins, 'comparison.participants');
  const all = [...problems, ...located];
  const hasErrors = all.some((p) => p.severity === 'error');
  const project = hasErrors || !result.project ? undefined : { ...result.project, warnings: all.filter((p) => p.severity === 'warning') };
  return { file, project, problems: all, notes };
}

function asList(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
}

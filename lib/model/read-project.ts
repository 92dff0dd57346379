/**
 * Reading a project from disk (method §10): a JSON or YAML file, or a project folder holding
 * `projekt.yaml`. Participants may come from a tabular file (`participantsFile`), read by
 * `participants-file.ts`. Returns the validated project or every problem found.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Catalog } from '../catalog/types.js';
import { InputError, type Problem } from '../util/errors.js';
import { validateProject, type ValidationResult } from './project.js';
import { readParticipantsFile, type ParticipantsFileOptions } from './participants-file.js';

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
  const fail = (sv: string, en: string, path = ''): never => {
    throw new InputError([{ severity: 'error', file, path, sv, en }]);
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
    const line = e instanceof YAMLParseError && e.linePos ? `rad ${e.linePos[0].line}` : '';
    const lineEn = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}` : '';
    return fail(`ogiltig YAML: ${(e as Error).message.split('\n')[0]}`, `invalid YAML: ${(e as Error).message.split('\n')[0]}`, line || lineEn ? `${line}` : '');
  }
}

export interface ReadProjectOptions extends ParticipantsFileOptions {}

/**
 * Reads and validates a project file or folder.
 * @returns the validation result (project and problems); throws only for unreadable files
 */
export async function readProject(path: string, catalog: Catalog, options: ReadProjectOptions = {}): Promise<ValidationResult & { file: string }> {
  const file = resolveProjectPath(path);
  const raw = parseProjectText(readFileSync(file, 'utf8'), file);
  const problems: Problem[] = [];
  const dir = dirname(resolve(file));
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    if (typeof o.participantsFile === 'string') {
      if (o.participants !== undefined) {
        problems.push({ severity: 'error', file, path: 'participantsFile', sv: 'ange antingen participants eller participantsFile, inte båda', en: 'give either participants or participantsFile, not both' });
      } else {
        const read = await readParticipantsFile(join(dir, o.participantsFile), catalog, options);
        problems.push(...read.problems);
        o.participants = read.participants;
      }
      delete o.participantsFile;
    }
    const cmp = o.comparison as Record<string, unknown> | undefined;
    if (cmp && typeof cmp === 'object' && typeof cmp.participantsFile === 'string') {
      const read = await readParticipantsFile(join(dir, cmp.participantsFile), catalog, options);
      problems.push(...read.problems);
      cmp.participants = read.participants;
      delete cmp.participantsFile;
    }
  }
  const result = validateProject(raw, catalog, file);
  const all = [...problems, ...result.problems];
  const hasErrors = all.some((p) => p.severity === 'error');
  return { file, project: hasErrors ? undefined : result.project, problems: all };
}

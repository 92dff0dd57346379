/**
 * Reading a project from disk (method §10): a JSON or YAML file, or a project folder holding
 * `projekt.yaml`. The reading itself is `readProjectSource` (project-files.ts, shared with the
 * browser); this module adds the disk: resolving the path, the files, the bundled transition
 * mapping and the pseudonymisation key file.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Catalog } from '../catalog/types.js';
import { InputError } from '../util/errors.js';
import { diskFiles } from './disk-files.js';
import { DEFAULT_KEY_FILE, keyPseudonymiser } from './personal-data.js';
import { PROJECT_FILE_NAMES, readProjectSource, type ProjectRead } from './project-files.js';

export { duplicateJsonKey, PROJECT_FILE_NAMES, parseProjectText } from './project-files.js';

/** Resolves a project argument (file or folder) to the project file. @throws InputError when there is none */
export function resolveProjectPath(path: string): string {
  let folder = false;
  try { folder = statSync(path).isDirectory(); } catch { /* read below, where the reason is given */ }
  if (folder) {
    for (const n of PROJECT_FILE_NAMES) if (existsSync(join(path, n))) return join(path, n);
    throw new InputError([{ severity: 'error', file: path, path: '', sv: `mappen saknar projektfil (${PROJECT_FILE_NAMES[0]}); skapa en med \`samnytta init\``, en: `the folder has no project file (${PROJECT_FILE_NAMES[0]}); create one with \`samnytta init\`` }]);
  }
  return path;
}

export interface ReadProjectOptions {
  /** Replace identifiers with keyed hashes instead of refusing personal data. */
  pseudonymise?: boolean;
  /** Where the pseudonymisation key file is read or written (default `<project folder>/.samnytta-nyckel`). */
  keyFile?: string;
  /** Output folders of this run; a key file inside one is refused. */
  outputDirs?: string[];
}

/**
 * Reads and validates a project file or folder from disk (see `readProjectSource`). Problems
 * name files as the user wrote the path.
 * @returns the validation result (project and problems) and notes (row accounting, key file);
 *   throws only for unreadable project files
 */
export async function readProject(path: string, catalog: Catalog, options: ReadProjectOptions = {}): Promise<ProjectRead> {
  const file = resolveProjectPath(path);
  const dir = dirname(resolve(file));
  const keyFile = options.keyFile ?? join(dir, DEFAULT_KEY_FILE);
  // Read by absolute path; shown relative to the folder as the user named it.
  const files = diskFiles((p) => join(dirname(file), relative(dir, p)));
  return readProjectSource(files, join(dir, basename(file)), catalog, {
    keyFile,
    ...(options.pseudonymise ? { pseudonymise: () => keyPseudonymiser(keyFile, options.outputDirs) } : {}),
  });
}

/**
 * Node-only: project files on disk as a `FileSource` (the CLI's side of `file-source.ts`), and
 * the bundled transition mapping read from data/mappings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../catalog/load.js';
import { parseMappingText, type TransitionMapping } from './transitions.js';

// Kept apart (disk-files.ts) so reading a project needs neither the transitions reader nor papaparse.
export { diskFiles, nodeFiles } from './disk-files.js';

/** The bundled mapping file. */
export function defaultMappingFile(): string {
  return join(defaultDataDir(), 'mappings', 'transitions.yaml');
}

/** Reads the bundled mapping (or another mapping file). @throws Error when the file is broken */
export function loadTransitionMapping(file: string = defaultMappingFile()): TransitionMapping {
  return parseMappingText(readFileSync(file, 'utf8'), file);
}

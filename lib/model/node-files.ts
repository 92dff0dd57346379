/**
 * Node-only: project files on disk as a `FileSource` (the CLI's side of `file-source.ts`). The
 * transition mapping is part of the catalogue (`catalog.transitions`), read by lib/catalog/load.ts.
 */
import { join } from 'node:path';
import { defaultDataDir } from '../catalog/load.js';

// Kept apart (disk-files.ts) so reading a project needs neither the transitions reader nor papaparse.
export { diskFiles, nodeFiles } from './disk-files.js';

/** Where the bundled mapping file lies (for tools that ship its text, e.g. the notebooks' data). */
export function defaultMappingFile(): string {
  return join(defaultDataDir(), 'mappings', 'transitions.yaml');
}

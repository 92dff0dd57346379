/**
 * Node-only: project files on disk as a `FileSource` (the CLI's side of `file-source.ts`). The
 * transition mapping is part of the catalogue (`catalog.transitions`), read by lib/catalog/load.ts.
 */
// Kept apart (disk-files.ts) so reading a project needs neither the transitions reader nor papaparse.
export { diskFiles, nodeFiles } from './disk-files.js';

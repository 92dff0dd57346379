/** Node-only: project files on disk as a `FileSource` (the CLI's side of `file-source.ts`). */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileSource } from './file-source.js';
import { diskIdentity, diskRefusal } from './input-file.js';

/** Files on disk by native path; `shown` maps a path to how problems name it. */
export function diskFiles(shown?: (path: string) => string): FileSource {
  return {
    read: (path) => {
      try {
        return statSync(path).isFile() ? readFileSync(path) : undefined;
      } catch {
        return undefined;
      }
    },
    refuse: diskRefusal,
    identity: diskIdentity,
    join: (dir, name) => join(dir, name),
    dirname: (path) => dirname(path),
    ...(shown ? { shown } : {}),
  };
}

/** Files on disk, named by their paths as given. */
export const nodeFiles: FileSource = diskFiles();

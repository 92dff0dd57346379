/** Reading the reference set from disk (Node only): the bundled data/benchmarks/ or a folder/file the user names. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../catalog/load.js';
import type { Catalog } from '../catalog/types.js';
import { parseBenchmarks, type BenchmarkEntry } from './benchmarks.js';
import type { Problem } from '../util/errors.js';

/** The bundled reference set's folder. */
export const defaultBenchmarksDir = (): string => join(defaultDataDir(), 'benchmarks');

/**
 * Reads and validates reference entries from a folder (every .yaml in it) or one file.
 * @returns entries and problems; problems name the file
 */
export function loadBenchmarks(catalog: Catalog, path: string = defaultBenchmarksDir()): { entries: BenchmarkEntry[]; problems: Problem[] } {
  if (!existsSync(path)) return { entries: [], problems: [{ severity: 'error', file: path, path: '', sv: 'filen eller mappen finns inte', en: 'file or folder not found' }] };
  const files: Record<string, string> = {};
  if (statSync(path).isDirectory()) {
    for (const f of readdirSync(path).sort()) if (/\.ya?ml$/.test(f)) files[join(path, f)] = readFileSync(join(path, f), 'utf8');
  } else files[path] = readFileSync(path, 'utf8');
  return parseBenchmarks(files, catalog);
}

/**
 * Reads the catalogue from disk (the only file access of lib/catalog). The default directory is
 * the package's own `data/`, found relative to this module in both source and compiled form.
 *
 * Parsing 66 YAML files and checking them was most of `calc`'s run time, so the build compiles
 * the bundled catalogue, checked, into one JSON file (dist/catalog.json, compiled.ts). The loader
 * uses it as is when every YAML file and folder has the size, mtime and ctime it had at compile; when one
 * differs (an edit, a copy or an install) it reads the texts and still uses it if
 * their fingerprint matches; otherwise, and for a user's own catalogue directory, it parses the
 * YAML, with every check.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED_FORMAT, catalogStats, decodeCatalog, encodeCatalog, statsUnchanged, walkCatalog, type CompiledCatalog } from './compiled.js';
import { parseCatalog } from './parse.js';
import type { Catalog } from './types.js';

export type { CompiledCatalog } from './compiled.js';

/** The bundled `data/` directory of the samnytta package. */
export function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'data', 'actors.yaml'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new Error('samnytta: could not find the bundled data/ directory');
}

/** Reads every catalogue YAML file under `dir` into a map path → text (paths use `/`). */
export function readCatalogFiles(dir: string = defaultDataDir()): Record<string, string> {
  const files: Record<string, string> = {};
  walkCatalog(dir, (rel, full) => {
    if (!rel.endsWith('/')) files[rel] = readFileSync(full, 'utf8');
  });
  return files;
}

/**
 * A fingerprint of the catalogue files' paths and texts, in path order: two independent 32-bit
 * FNV-1a hashes and the total length. It detects edits, not attacks, and needs no node:crypto
 * (whose import alone cost calc a tenth of Node's start-up).
 */
export function catalogFingerprint(files: Record<string, string>): string {
  let a = 0x811c9dc5, b = 0x1505, n = 0;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0, 0x01000193);
    b = Math.imul(b ^ 0, 0x5bd1e995) ^ (b >>> 15);
    n += s.length + 1;
  };
  for (const path of Object.keys(files).sort()) {
    add(path);
    add(files[path]);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${n}`;
}

/** Where the build writes the bundled catalogue's compiled form (beside data/, in dist/). */
export function compiledCatalogPath(dataDir: string = defaultDataDir()): string {
  return join(dataDir, '..', 'dist', 'catalog.json');
}

/**
 * The compiled form of the catalogue under `dir` (scripts/compile-catalog.ts writes it to dist/).
 * @throws InputError when the catalogue has problems: an invalid catalogue is not compiled
 */
export function compileCatalog(dir: string = defaultDataDir()): CompiledCatalog {
  // Stats first: a file edited while this runs then shows as changed, never as compiled.
  const stats = catalogStats(dir);
  const files = readCatalogFiles(dir);
  return { format: COMPILED_FORMAT, fingerprint: catalogFingerprint(files), stats, ...encodeCatalog(parseCatalog(files)) };
}

function readCompiled(path: string): CompiledCatalog | undefined {
  try {
    const c = JSON.parse(readFileSync(path, 'utf8')) as CompiledCatalog;
    return c.format === COMPILED_FORMAT ? c : undefined;
  } catch {
    return undefined; // not built yet, or unreadable: parse the YAML instead
  }
}

/** How {@link readCatalog} got the catalogue: compiled (files unchanged by stat, or by text), or parsed from YAML. */
export type CatalogRoute = 'stat' | 'text' | 'yaml';

/**
 * Reads the catalogue under `dir`, from the compiled catalogue at `compiledPath` when it is that
 * catalogue's (see the module comment), else from the YAML. Not cached.
 * @throws InputError on catalogue problems
 */
export function readCatalog(dir: string, compiledPath?: string): { catalog: Catalog; route: CatalogRoute } {
  const compiled = compiledPath === undefined ? undefined : readCompiled(compiledPath);
  if (compiled && statsUnchanged(dir, compiled.stats)) return { catalog: decodeCatalog(compiled), route: 'stat' };
  const files = readCatalogFiles(dir);
  if (compiled?.fingerprint === catalogFingerprint(files)) return { catalog: decodeCatalog(compiled), route: 'text' };
  return { catalog: parseCatalog(files, relative(process.cwd(), dir) || dir), route: 'yaml' };
}

const cache = new Map<string, Catalog>();

/** Loads and parses the catalogue (cached per directory). @throws InputError on catalogue problems */
export function loadCatalog(dir: string = defaultDataDir()): Catalog {
  let c = cache.get(dir);
  if (!c) {
    c = readCatalog(dir, dir === defaultDataDir() ? compiledCatalogPath(dir) : undefined).catalog;
    cache.set(dir, c);
  }
  return c;
}

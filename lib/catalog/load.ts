/**
 * Reads the catalogue from disk (the only file access of lib/catalog). The default directory is
 * the package's own `data/`, found relative to this module in both source and compiled form.
 *
 * Parsing 66 YAML files was most of `calc`'s run time, so the build compiles the bundled catalogue
 * into one JSON file of parsed documents (dist/catalog.json, scripts/compile-catalog.ts) with a
 * fingerprint of the YAML texts. The loader still reads the YAML texts (cheap) and uses the
 * compiled documents only when the fingerprint matches; an edited catalogue, or a user's own
 * catalogue directory, is parsed from YAML. Both routes go through the same checks.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_CATALOGUE, catalogFromDocs, parseCatalog, type CatalogDocs } from './parse.js';
import type { Catalog } from './types.js';

/** The compiled catalogue: parsed YAML documents and the fingerprint of the texts they came from. */
export interface CompiledCatalog {
  fingerprint: string;
  docs: CatalogDocs;
}

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
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (e.isDirectory()) {
        if (!NOT_CATALOGUE.includes(`${rel}/`)) walk(full);
      } else if (/\.ya?ml$/.test(e.name)) files[rel] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
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

function readCompiled(path: string): CompiledCatalog | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CompiledCatalog;
  } catch {
    return undefined; // not built yet, or unreadable: parse the YAML instead
  }
}

const cache = new Map<string, Catalog>();

/** Loads and parses the catalogue (cached per directory). @throws InputError on catalogue problems */
export function loadCatalog(dir: string = defaultDataDir()): Catalog {
  let c = cache.get(dir);
  if (!c) {
    const files = readCatalogFiles(dir);
    const root = relative(process.cwd(), dir) || dir;
    const compiled = dir === defaultDataDir() ? readCompiled(compiledCatalogPath(dir)) : undefined;
    c = compiled?.fingerprint === catalogFingerprint(files) ? catalogFromDocs(compiled.docs, root) : parseCatalog(files, root);
    cache.set(dir, c);
  }
  return c;
}

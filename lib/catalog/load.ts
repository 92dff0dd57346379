/**
 * Reads the catalogue from disk (the only file access of lib/catalog). The default directory is
 * the package's own `data/`, found relative to this module in both source and compiled form.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_CATALOGUE, parseCatalog } from './parse.js';
import type { Catalog } from './types.js';

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

const cache = new Map<string, Catalog>();

/** Loads and parses the catalogue (cached per directory). @throws InputError on catalogue problems */
export function loadCatalog(dir: string = defaultDataDir()): Catalog {
  let c = cache.get(dir);
  if (!c) {
    c = parseCatalog(readCatalogFiles(dir), relative(process.cwd(), dir) || dir);
    cache.set(dir, c);
  }
  return c;
}

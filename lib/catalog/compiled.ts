/**
 * The compiled catalogue (dist/catalog.json, scripts/compile-catalog.ts): the checked Catalog
 * itself, so a run neither parses the YAML nor re-runs the checks, plus what tells whether the
 * YAML files changed since: their size, mtime and ctime (and their folders', so an added or removed file
 * shows) and a fingerprint of the texts. Node-only (reads the disk), like load.ts.
 *
 * A Catalog is plain JSON data except its three Maps and properties explicitly set to undefined;
 * the encoding keeps both, so the decoded catalogue is deep-equal (strictly) to the parsed one.
 * Anything else JSON cannot carry (another class, NaN, a shared object, …) refuses to compile.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_CATALOGUE } from './parse.js';
import type { Catalog } from './types.js';

/** Bumped when the layout changes: an older dist/catalog.json is then ignored, not misread. */
export const COMPILED_FORMAT = 3;

const MAP_FIELDS = ['financing', 'series', 'items'] as const;

type Key = string | number;

/** The compiled catalogue as written to dist/catalog.json. */
export interface CompiledCatalog {
  format: typeof COMPILED_FORMAT;
  /** {@link catalogFingerprint} of the YAML texts compiled. */
  fingerprint: string;
  /** `[size, mtimeMs, ctimeMs]` of every catalogue file and folder (folders end in `/`; data/ itself as `/`). */
  stats: Record<string, FileStat>;
  /** The Catalog with its Maps as entry lists. */
  catalog: Record<string, unknown>;
  /** Where the Catalog has a property set to undefined (null in `catalog`, as JSON drops undefined): key paths, Map keys included. */
  undefinedAt: Key[][];
}

/**
 * Size, mtime and ctime. The ctime too because tools that copy files keep their mtime (`cp -p`,
 * `rsync -a`, tar, unzip) or set it back (`touch -r`), so a same-size edit could keep both; the
 * ctime is the system's own record of the last change and no tool can set it.
 */
type FileStat = [size: number, mtimeMs: number, ctimeMs: number];

/**
 * Visits the catalogue under `dir`: each folder (`rel` ending in `/`, `dir` itself as `/`) and each
 * YAML file, in the disk's order — the files readCatalogFiles reads and the stats recorded for them.
 */
export function walkCatalog(dir: string, visit: (rel: string, full: string) => void): void {
  const walk = (d: string, rel: string): void => {
    visit(rel === '' ? '/' : `${rel}/`, d);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!NOT_CATALOGUE.includes(`${r}/`)) walk(join(d, e.name), r);
      } else if (/\.ya?ml$/.test(e.name)) visit(r, join(d, e.name));
    }
  };
  walk(dir, '');
}

/** `[size, mtimeMs, ctimeMs]` of the catalogue folders and YAML files under `dir`, by {@link walkCatalog}'s path. */
export function catalogStats(dir: string): Record<string, FileStat> {
  const stats: Record<string, FileStat> = {};
  walkCatalog(dir, (rel, full) => {
    const s = statSync(full);
    stats[rel] = [s.size, s.mtimeMs, s.ctimeMs];
  });
  return stats;
}

/** True when every recorded file and folder under `dir` still has its size, mtime and ctime (a few stat calls, no reads). */
export function statsUnchanged(dir: string, stats: Record<string, FileStat>): boolean {
  for (const rel in stats) {
    const s = statSync(rel === '/' ? dir : `${dir}/${rel}`, { throwIfNoEntry: false });
    const [size, mtimeMs, ctimeMs] = stats[rel];
    if (!s || s.size !== size || s.mtimeMs !== mtimeMs || s.ctimeMs !== ctimeMs) return false;
  }
  return true;
}

/** The Catalog as JSON data; throws on anything the JSON would not give back exactly. */
export function encodeCatalog(catalog: Catalog): Pick<CompiledCatalog, 'catalog' | 'undefinedAt'> {
  const undefinedAt: Key[][] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: Key[]): unknown => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new Error(`compile-catalog: ${path.join('.')} is ${v}, which JSON does not keep`);
      return v;
    }
    if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
    if (typeof v !== 'object') throw new Error(`compile-catalog: ${path.join('.')} is a ${typeof v}`);
    if (seen.has(v)) throw new Error(`compile-catalog: ${path.join('.')} is shared with another place; the decoded catalogue would hold two copies`);
    seen.add(v);
    if (Array.isArray(v)) {
      return v.map((x, i) => {
        if (x === undefined || !(i in v)) throw new Error(`compile-catalog: ${path.join('.')}[${i}] is undefined`);
        return walk(x, [...path, i]);
      });
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error(`compile-catalog: ${path.join('.')} is not a plain object`);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      // null holds the key's place (so key order stays); decoding sets it back to undefined.
      if (x === undefined) undefinedAt.push([...path, k]);
      out[k] = x === undefined ? null : walk(x, [...path, k]);
    }
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(catalog)) {
    if ((MAP_FIELDS as readonly string[]).includes(k)) {
      if (!(v instanceof Map)) throw new Error(`compile-catalog: ${k} is not a Map`);
      seen.add(v);
      out[k] = [...v].map(([key, x]) => {
        if (typeof key !== 'string') throw new Error(`compile-catalog: ${k} has a key that is not text`);
        return [key, walk(x, [k, key])];
      });
    } else {
      if (v === undefined) undefinedAt.push([k]);
      out[k] = v === undefined ? null : walk(v, [k]);
    }
  }
  return { catalog: out, undefinedAt };
}

/** The Catalog back from {@link encodeCatalog}'s form (which it takes over: no copy is made). */
export function decodeCatalog(compiled: Pick<CompiledCatalog, 'catalog' | 'undefinedAt'>): Catalog {
  const c = compiled.catalog;
  for (const k of MAP_FIELDS) c[k] = new Map(c[k] as [string, unknown][]);
  for (const path of compiled.undefinedAt) {
    let o = c as unknown;
    for (let i = 0; i < path.length - 1; i++) o = o instanceof Map ? o.get(path[i]) : (o as Record<Key, unknown>)[path[i]];
    (o as Record<Key, unknown>)[path[path.length - 1]] = undefined;
  }
  return c as unknown as Catalog;
}

/**
 * The compiled catalogue (dist/catalog.json, written by `npm run build`) must be the YAML
 * catalogue: same fingerprint and, decoded, the same Catalog as parsing and checking the YAML. A
 * stale compile fails here; `loadCatalog` would not use it anyway (it checks sizes, mtimes, ctimes
 * and the fingerprint), but then every command would pay for parsing the YAML again.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILED_FORMAT, decodeCatalog, encodeCatalog } from '../../lib/catalog/compiled.js';
import { catalogFingerprint, compileCatalog, compiledCatalogPath, defaultDataDir, loadCatalog, readCatalog, readCatalogFiles, type CompiledCatalog } from '../../lib/catalog/load.js';
import { parseCatalog } from '../../lib/catalog/parse.js';
import type { Catalog } from '../../lib/catalog/types.js';

const path = compiledCatalogPath();
const files = readCatalogFiles(defaultDataDir());

describe('compiled catalogue', () => {
  it('dist/catalog.json exists and matches the YAML files (if not: npm run build)', () => {
    expect(existsSync(path), `${path} is missing: run npm run build`).toBe(true);
    const compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledCatalog;
    expect(compiled.format).toBe(COMPILED_FORMAT);
    expect(/[^\x00-\x7f]/.test(readFileSync(path, 'latin1')), 'dist/catalog.json is ASCII').toBe(false);
    expect(compiled.fingerprint, 'dist/catalog.json is stale: run npm run build').toBe(catalogFingerprint(files));
    expect(Object.keys(compiled.stats).filter((p) => !p.endsWith('/')).sort()).toEqual(Object.keys(files).sort());
    // Strict: the same Maps, and the same properties set to undefined.
    expect(decodeCatalog(compiled)).toStrictEqual(parseCatalog(files));
  });

  it('the fingerprint changes with any text or path', () => {
    const f = catalogFingerprint(files);
    const [first] = Object.keys(files);
    expect(catalogFingerprint({ ...files, [first]: files[first] + ' ' })).not.toBe(f);
    const { [first]: text, ...rest } = files;
    expect(catalogFingerprint({ ...rest, [`x/${first}`]: text })).not.toBe(f);
    expect(catalogFingerprint(Object.fromEntries(Object.entries(files).reverse()))).toBe(f);
  });

  it('loadCatalog gives the same catalogue as parsing the YAML', () => {
    expect(loadCatalog()).toStrictEqual(parseCatalog(files, 'data'));
  });

  it('encoding keeps Maps, undefined properties and key order', () => {
    const parsed = parseCatalog(files);
    const decoded = decodeCatalog(JSON.parse(JSON.stringify(encodeCatalog(parsed))));
    expect(decoded).toStrictEqual(parsed);
    const keys = (o: unknown): unknown => (o instanceof Map ? [...o].map(([k, v]) => [k, keys(v)]) : Array.isArray(o) ? o.map(keys) : o && typeof o === 'object' ? Object.entries(o).map(([k, v]) => [k, keys(v)]) : o);
    expect(JSON.stringify(keys(decoded))).toBe(JSON.stringify(keys(parsed)));
    // The bundled catalogue has such properties, so the undefined handling is exercised.
    expect(encodeCatalog(parsed).undefinedAt.length).toBeGreaterThan(0);
  });

  it('refuses to encode what JSON would not give back', () => {
    const parsed = (): Catalog => parseCatalog(files);
    const c1 = parsed();
    c1.funders.push(Number.NaN as unknown as string);
    expect(() => encodeCatalog(c1)).toThrow(/NaN/);
    const c2 = parsed();
    c2.groups.push(c2.groups[0]);
    expect(() => encodeCatalog(c2)).toThrow(/shared/);
    const c3 = parsed();
    (c3.classes as unknown as Record<string, unknown>).when = new Date(0);
    expect(() => encodeCatalog(c3)).toThrow(/plain object/);
    const c4 = parsed();
    (c4.funders as unknown[]).push(undefined);
    expect(() => encodeCatalog(c4)).toThrow(/undefined/);
  });
});

describe('readCatalog: when the compiled catalogue is used', () => {
  const root = mkdtempSync(join(tmpdir(), 'samnytta-compiled-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  /** A copy of the catalogue (no examples) with its own compiled catalogue. */
  const copy = () => {
    const dir = join(root, `data${n++}`);
    cpSync(defaultDataDir(), dir, { recursive: true, filter: (src) => !/[\\/](examples|benchmarks)$/.test(src) });
    const compiled = join(dir, '..', `${n}.json`);
    writeFileSync(compiled, JSON.stringify(compileCatalog(dir)));
    return { dir, compiled };
  };
  const item = 'items/kommun/forsorjningsstod.yaml';
  const value = (c: Catalog) => c.items.get('kommun.forsorjningsstod')?.values.find((v) => v.validFrom === '2025-01-01')?.value;

  it('unchanged files: compiled, by stat alone', () => {
    const { dir, compiled } = copy();
    const r = readCatalog(dir, compiled);
    expect(r.route).toBe('stat');
    expect(r.catalog).toStrictEqual(parseCatalog(readCatalogFiles(dir)));
    expect(value(r.catalog)).toBe(10600);
  });

  it('a new mtime but the same text (as after npm install): compiled, by the texts', () => {
    const { dir, compiled } = copy();
    utimesSync(join(dir, item), new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    const r = readCatalog(dir, compiled);
    expect(r.route).toBe('text');
    expect(value(r.catalog)).toBe(10600);
  });

  it('an edited file is parsed from YAML, also when its size is unchanged', () => {
    const { dir, compiled } = copy();
    const file = join(dir, item);
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('{value: 10600,', '{value: 10700,'));
    expect(statSync(file).size).toBe(before.size);
    const r = readCatalog(dir, compiled);
    expect(r.route).toBe('yaml');
    expect(value(r.catalog)).toBe(10700);
  });

  it('a same-size edit whose size and mtime match the record (cp -p, rsync -a, touch -r) is seen by the ctime', async () => {
    const { dir, compiled } = copy();
    const file = join(dir, item);
    const before = statSync(file);
    await new Promise((r) => setTimeout(r, 20)); // a ctime the file system can tell apart
    writeFileSync(file, readFileSync(file, 'utf8').replace('{value: 10600,', '{value: 99999,'));
    const after = statSync(file);
    expect(after.size).toBe(before.size);
    // As if a tool had kept the mtime exactly: the record now agrees on size and mtime.
    const c = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledCatalog;
    c.stats[item] = [after.size, after.mtimeMs, c.stats[item][2]];
    writeFileSync(compiled, JSON.stringify(c));
    const r = readCatalog(dir, compiled);
    expect(r.route).toBe('yaml');
    expect(value(r.catalog)).toBe(99999);
  });

  it('an added or a removed file is seen (by its folder), and checked', () => {
    const a = copy();
    writeFileSync(join(a.dir, 'items', 'kommun', 'ny.yaml'), 'description: x\n');
    expect(() => readCatalog(a.dir, a.compiled)).toThrow(/ny\.yaml/);
    const b = copy();
    unlinkSync(join(b.dir, item));
    expect(() => readCatalog(b.dir, b.compiled)).toThrow();
  });

  it('a missing or older compiled file: parsed from YAML', () => {
    const { dir, compiled } = copy();
    expect(readCatalog(dir, join(root, 'none.json')).route).toBe('yaml');
    writeFileSync(compiled, JSON.stringify({ ...JSON.parse(readFileSync(compiled, 'utf8')), format: 1 }));
    expect(readCatalog(dir, compiled).route).toBe('yaml');
    expect(readCatalog(dir).route).toBe('yaml');
  });
});

/**
 * The compiled catalogue (dist/catalog.json, written by `npm run build`) must be the YAML
 * catalogue: same fingerprint, same documents, and the same Catalog as parsing the YAML. A stale
 * compile fails here; `loadCatalog` would not use it anyway (it checks the fingerprint), but then
 * every command would pay for parsing the YAML again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogFingerprint, compiledCatalogPath, defaultDataDir, loadCatalog, readCatalogFiles, type CompiledCatalog } from '../../lib/catalog/load.js';
import { catalogFromDocs, parseCatalog, parseCatalogYaml } from '../../lib/catalog/parse.js';

const path = compiledCatalogPath();
const files = readCatalogFiles(defaultDataDir());

describe('compiled catalogue', () => {
  it('dist/catalog.json exists and matches the YAML files (if not: npm run build)', () => {
    expect(existsSync(path), `${path} is missing: run npm run build`).toBe(true);
    const compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledCatalog;
    expect(compiled.fingerprint, 'dist/catalog.json is stale: run npm run build').toBe(catalogFingerprint(files));
    expect(compiled.docs).toEqual(parseCatalogYaml(files));
    expect(catalogFromDocs(compiled.docs)).toEqual(parseCatalog(files));
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
    expect(loadCatalog()).toEqual(parseCatalog(files, 'data'));
  });
});

/**
 * Compiles the bundled catalogue (data/*.yaml) into dist/catalog.json: the parsed YAML documents
 * and the fingerprint of the texts, so `loadCatalog` skips YAML parsing until a file is edited.
 * Run by `npm run build` (and so by `npm test` and `npm run bench`); refuses an invalid catalogue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { catalogFingerprint, compiledCatalogPath, defaultDataDir, readCatalogFiles, type CompiledCatalog } from '../lib/catalog/load.js';
import { catalogFromDocs, parseCatalogYaml } from '../lib/catalog/parse.js';
import { InputError, formatProblem } from '../lib/util/errors.js';

const dir = defaultDataDir();
const files = readCatalogFiles(dir);
const docs = parseCatalogYaml(files);
try {
  catalogFromDocs(docs); // the same checks loadCatalog runs; an invalid catalogue is not compiled
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  process.stderr.write(`compile-catalog: the catalogue has errors:\n${e.problems.map((p) => `  ${formatProblem(p, 'en')}`).join('\n')}\n`);
  process.exit(1);
}
const compiled: CompiledCatalog = { fingerprint: catalogFingerprint(files), docs };
const out = compiledCatalogPath(dir);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(compiled) + '\n');

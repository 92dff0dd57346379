/**
 * Compiles the bundled catalogue (data/*.yaml) into dist/catalog.json (lib/catalog/compiled.ts):
 * the checked Catalog with the files' sizes, mtimes and fingerprint, so `loadCatalog` neither
 * parses nor re-checks until a file is edited. Run by `npm run build` (and so by `npm test` and
 * `npm run bench`); refuses an invalid catalogue.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compileCatalog, compiledCatalogPath, defaultDataDir } from '../lib/catalog/load.js';
import { asciiOnly } from '../lib/util/ascii.js';
import { InputError, formatProblem } from '../lib/util/errors.js';

const dir = defaultDataDir();
let text: string;
try {
  // ASCII (non-ASCII as \uXXXX): Node reads and JSON.parse takes a one-byte string faster.
  text = asciiOnly(JSON.stringify(compileCatalog(dir))) + '\n';
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  process.stderr.write(`compile-catalog: the catalogue has errors:\n${e.problems.map((p) => `  ${formatProblem(p, 'en')}`).join('\n')}\n`);
  process.exit(1);
}
const out = compiledCatalogPath(dir);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);

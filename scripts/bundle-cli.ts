/**
 * Build step (after tsc): bundles the bin — `dispatch` and a plain `calc` with the library code
 * and the `yaml` package it reaches — into one file, dist/cli/samnytta.cjs (the package's bin),
 * so `samnytta calc` makes Node load one file instead of ~50 ES modules and yaml's ~40 CommonJS
 * files. dist/cli/index.js (the tsc output) stays a working, unbundled bin.
 *
 * - `./main.js` (the yargs command line for every other command) stays the unbundled tsc output
 *   beside the bundle and is loaded with `import()` only when a command is not a plain calc.
 * - Every other package stays external. The bundle is CommonJS because esbuild then keeps a
 *   lazily initialised module's `require("exceljs")` (or papaparse, …) inside that module's
 *   initialiser; an ES-module bundle hoists every external import to the top, which would load
 *   exceljs for every calc.
 * - `yaml` is bundled from its ES-module build (the same code as its CommonJS `dist/`) into its own
 *   file, dist/cli/yaml.cjs, required on first use: a plain project file is read without it
 *   (lib/util/simple-yaml.ts), and then Node need not read and compile its ~150 kB.
 * - `import.meta.url` (lib/catalog/load.ts and lib/util/version.ts find data/ and package.json
 *   from it) becomes the bundle's own URL; both walk up from dist/cli as they do from dist/lib.
 *
 * test/cli/bundle.test.ts runs the bundled bin against the unbundled modules.
 */
import { build, type Plugin } from 'esbuild';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { asciiOnly } from '../lib/util/ascii.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliDir = join(repo, 'dist', 'cli');
const require = createRequire(join(repo, 'package.json'));

/** The bundled bin, relative to the package root (package.json `bin`). */
const BUNDLED_BIN = 'dist/cli/samnytta.cjs';

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const BUNDLED = new Set(['yaml']);
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);

/** yaml's ES-module build (its package maps Node to the CommonJS one). */
const yamlEntry = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
const YAML_FILE = './yaml.cjs';

// Stands in for `yaml` in the bin: every export a getter that requires dist/cli/yaml.cjs on first use.
const yamlExports = Object.keys(require('yaml') as object);
const yamlShim = `let y;\nconst load = () => (y ??= require(${JSON.stringify(YAML_FILE)}));\n${yamlExports
  .map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`)
  .join('\n')}\n`;

const plugin: Plugin = {
  name: 'samnytta-bin',
  setup(b) {
    // The full command line stays where tsc put it, beside the bundle.
    b.onResolve({ filter: /^\.\/main\.js$/ }, (a) => (a.importer === join(cliDir, 'dispatch.js') ? { path: './main.js', external: true } : undefined));
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-shim' }));
    b.onLoad({ filter: /.*/, namespace: 'yaml-shim' }, () => ({ contents: yamlShim, loader: 'js' }));
    b.onResolve({ filter: /^\.\/yaml\.cjs$/ }, () => ({ path: YAML_FILE, external: true }));
  },
};

// Whitespace and syntax only: a smaller file parses faster; names stay readable in stack traces.
const minify = { minifyWhitespace: true, minifySyntax: true, legalComments: 'none', logLevel: 'warning' } as const;

await build({ entryPoints: [yamlEntry], outfile: join(cliDir, 'yaml.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', ...minify });

const outfile = join(repo, BUNDLED_BIN);
await build({
  entryPoints: [join(cliDir, 'index.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  plugins: [plugin],
  define: { 'import.meta.url': '__samnyttaBundleUrl' },
  banner: { js: "const __samnyttaBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  ...minify,
});
// esbuild leaves non-ASCII letters in regular expressions (`/[åä]/`); one such character makes
// Node decode the whole file as UTF-8 into a two-byte string and V8 parse that, both slower.
// Escaped, the bundle is ASCII; `\uXXXX` means the same character in a regex, string or comment.
for (const file of [outfile, join(cliDir, 'yaml.cjs')]) {
  const code = readFileSync(file, 'utf8');
  if (/String\.raw/.test(code) && /[^\x00-\x7f]/.test(code)) throw new Error(`bundle-cli: ${file} has String.raw; escaping non-ASCII would change them`);
  writeFileSync(file, asciiOnly(code));
}
chmodSync(outfile, 0o755);

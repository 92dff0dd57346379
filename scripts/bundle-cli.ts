/**
 * Build step (after tsc): bundles the bin — `dispatch` and a plain `calc` with the library code
 * and the `yaml` package it reaches — into one file, dist/cli/samnytta.cjs (the package's bin),
 * so `samnytta calc` makes Node load one file instead of ~50 ES modules and yaml's ~40 CommonJS
 * files. dist/cli/index.js (the tsc output) stays a working, unbundled bin.
 *
 * - A plain `report` (cli/plain-report.ts, the report command and what it reaches) is a second
 *   bundle, dist/cli/report.cjs, required only by a report: calc's bundle stays as small, and a
 *   report loads two files instead of ~80 ES modules (and no yargs). It has its own copy of the
 *   modules both reach (cli/io.ts, lib/catalog, …): plain-report.ts maps the command's errors to
 *   exit codes itself, with the ExitError of its own copy.
 * - `./main.js` (the yargs command line for every other command) stays the unbundled tsc output
 *   beside the bundle and is loaded with `import()` only when a command is not a plain calc or report.
 * - Every other package stays external. The bundle is CommonJS because esbuild then keeps a
 *   lazily initialised module's `require("exceljs")` (or papaparse, …) inside that module's
 *   initialiser; an ES-module bundle hoists every external import to the top, which would load
 *   exceljs for every calc.
 * - `yaml` is bundled from its ES-module build (the same code as its CommonJS `dist/`) into its own
 *   file, dist/cli/yaml.cjs, required on first use: a plain project file is read without it
 *   (lib/util/simple-yaml.ts), and then Node need not read and compile its ~150 kB.
 * - `import.meta.url` becomes the URL of the module's own tsc output in dist/lib (computed from the
 *   bundle's folder), so every module finds what it finds unbundled: data/ and package.json
 *   (lib/catalog/load.ts, lib/util/version.ts), the charts' and linkedom's one-file builds in
 *   dist/vendor and png.js (lib/report/build-report.ts, chart-dom.ts). Their fallbacks would
 *   otherwise hide a wrong path as a slower report; test/cli/bundle.test.ts checks what a report loads.
 *
 * test/cli/bundle.test.ts runs the bundled bin against the unbundled modules.
 */
import { build, type Plugin } from 'esbuild';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { asciiOnly } from '../lib/util/ascii.js';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
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
const REPORT_FILE = './report.cjs';

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
    // A plain report is its own bundle beside the bin, required (not imported: no ES-module
    // loader, no export scan) when a report runs.
    b.onResolve({ filter: /^\.\/plain-report\.js$/ }, (a) => (a.importer === join(cliDir, 'dispatch.js') ? { path: 'report', namespace: 'report-shim' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'report-shim' }, () => ({ contents: `module.exports = require(${JSON.stringify(REPORT_FILE)});`, loader: 'js' }));
    b.onResolve({ filter: /^\.\/report\.cjs$/ }, () => ({ path: REPORT_FILE, external: true }));
    // Each module keeps its own file's URL (dist/lib/…), which it finds data/, fonts and builds from.
    b.onLoad({ filter: /\.js$/, namespace: 'file' }, (a) => {
      const code = readFileSync(a.path, 'utf8');
      if (!code.includes('import.meta')) return undefined;
      const rel = relative(cliDir, a.path).split(sep).join('/');
      const out = code.replaceAll('import.meta.url', `__samnyttaModuleUrl(${JSON.stringify(rel)})`);
      if (out.includes('import.meta')) throw new Error(`bundle-cli: ${a.path} uses import.meta other than import.meta.url`);
      return { contents: out, loader: 'js' };
    });
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-shim' }));
    b.onLoad({ filter: /.*/, namespace: 'yaml-shim' }, () => ({ contents: yamlShim, loader: 'js' }));
    b.onResolve({ filter: /^\.\/yaml\.cjs$/ }, () => ({ path: YAML_FILE, external: true }));
  },
};

// Whitespace and syntax only: a smaller file parses faster; names stay readable in stack traces.
const minify = { minifyWhitespace: true, minifySyntax: true, legalComments: 'none', logLevel: 'warning' } as const;

await build({ entryPoints: [yamlEntry], outfile: join(cliDir, 'yaml.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', ...minify });

const outfile = join(repo, BUNDLED_BIN);
const reportFile = join(cliDir, 'report.cjs');
const bundle = (entry: string, file: string) => build({
  entryPoints: [entry],
  outfile: file,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  plugins: [plugin],
  banner: { js: "const __samnyttaModuleUrl = (p) => require('node:url').pathToFileURL(require('node:path').join(__dirname, p)).href;" },
  ...minify,
});
await bundle(join(cliDir, 'index.js'), outfile);
await bundle(join(cliDir, 'plain-report.js'), reportFile);
// esbuild leaves non-ASCII letters in regular expressions (`/[åä]/`); one such character makes
// Node decode the whole file as UTF-8 into a two-byte string and V8 parse that, both slower.
// Escaped, the bundle is ASCII; `\uXXXX` means the same character in a regex, string or comment.
for (const file of [outfile, join(cliDir, 'yaml.cjs'), reportFile]) {
  const code = readFileSync(file, 'utf8');
  if (/String\.raw/.test(code) && /[^\x00-\x7f]/.test(code)) throw new Error(`bundle-cli: ${file} has String.raw; escaping non-ASCII would change them`);
  writeFileSync(file, asciiOnly(code));
}
chmodSync(outfile, 0o755);

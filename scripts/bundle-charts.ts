/**
 * Build step: the report's charts as two one-file esbuild builds in dist/vendor, which Node loads
 * in about half the time of the files they are made of (the code is unchanged):
 *
 * - charts.js: lib/report/charts.js with Observable Plot and the parts of d3 it uses (instead of
 *   Plot's ~80 modules and d3's ~30). build-report.ts loads it, else — from source, or when it is
 *   missing or fails — ./charts.js.
 * - linkedom.cjs: linkedom, the DOM the charts are drawn in (lib/report/chart-dom.ts), which
 *   falls back to the package in the same way.
 *
 * test/report/chart-dom.test.ts checks that both draw what the modules and packages draw.
 */
import { build, type BuildOptions } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vendor = join(repo, 'dist', 'vendor');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: names stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [join(repo, 'dist', 'lib', 'report', 'charts.js')],
  outfile: join(vendor, 'charts.js'),
  format: 'esm',
});

await build({
  ...common,
  stdin: { contents: "module.exports = require('linkedom');", resolveDir: repo, loader: 'js', sourcefile: 'linkedom-entry.js' },
  outfile: join(vendor, 'linkedom.cjs'),
  format: 'cjs',
  // linkedom's optional canvas (not installed; it falls back to its own shim) stays an optional require.
  external: ['canvas'],
});

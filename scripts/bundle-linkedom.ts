/**
 * Build step: linkedom (the DOM the report's charts are drawn in, lib/report/chart-dom.ts) and
 * its dependencies bundled with esbuild into one file, dist/vendor/linkedom.cjs, which loads in
 * about half the time of its ~150 files. The code is linkedom's own; chart-dom.ts falls back to
 * the package when the bundle is missing or fails to load, and test/report/chart-dom.test.ts
 * checks that both draw the same charts.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

await build({
  stdin: { contents: "module.exports = require('linkedom');", resolveDir: repo, loader: 'js', sourcefile: 'linkedom-entry.js' },
  outfile: join(repo, 'dist', 'vendor', 'linkedom.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // linkedom's optional canvas (not installed; it falls back to its own shim) stays an optional require.
  external: ['canvas'],
  // Whitespace and syntax only: names stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

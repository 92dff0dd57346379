/**
 * Build step: jsdom (which the report's charts draw in, lib/report/charts.ts) bundled with
 * esbuild into one file, dist/vendor/jsdom.cjs. Loading jsdom's ~1 100 CommonJS files was the
 * largest part of `samnytta report`; one file loads about a third faster. The code is jsdom's
 * own, unchanged except where a file reads something beside itself (`__dirname`, `__filename`,
 * `import.meta.url`, `require.resolve("./…")`): those point at the installed package's files,
 * found at run time. charts.ts falls back to the jsdom package when the bundle is missing or
 * fails to load; test/report/jsdom-bundle.test.ts checks that both draw the same charts.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A file's package and its path inside it: node_modules/<package>/<rest>. */
function inPackage(path: string): { pkg: string; rest: string } | undefined {
  const m = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(relative(repo, path).split('\\').join('/'));
  return m ? { pkg: m[1], rest: m[2] } : undefined;
}

await build({
  stdin: { contents: "module.exports = require('jsdom');", resolveDir: repo, loader: 'js', sourcefile: 'jsdom-entry.js' },
  outfile: join(repo, 'dist', 'vendor', 'jsdom.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsdom's optional native helpers (not installed) stay optional requires.
  external: ['canvas', 'bufferutil', 'utf-8-validate'],
  banner: {
    js: "const __samnyttaPath = require('node:path'), __samnyttaUrl = require('node:url'), __samnyttaResolve = require.resolve;\n"
      + "const __samnyttaFile = (pkg, rest) => __samnyttaPath.join(__samnyttaPath.dirname(__samnyttaResolve(pkg + '/package.json')), rest);",
  },
  plugins: [{
    name: 'file-relative',
    setup(b) {
      b.onLoad({ filter: /node_modules[/\\].*\.[cm]?js$/ }, (a) => {
        const code = readFileSync(a.path, 'utf8');
        if (!/__dirname|__filename|import\.meta\.url|require\.resolve\(/.test(code)) return undefined;
        const at = inPackage(a.path);
        if (!at) return undefined;
        const file = `__samnyttaFile(${JSON.stringify(at.pkg)}, ${JSON.stringify(at.rest)})`;
        const dir = `__samnyttaPath.dirname(${file})`;
        const contents = code
          .replace(/require\.resolve\("(\.[^"]+)"\)/g, (_, p: string) => `__samnyttaPath.join(${dir}, ${JSON.stringify(p)})`)
          .replace(/import\.meta\.url/g, `__samnyttaUrl.pathToFileURL(${file}).href`)
          .replace(/__dirname/g, dir)
          .replace(/__filename/g, file);
        return { contents, loader: 'js', resolveDir: dirname(a.path) };
      });
    },
  }],
  // Whitespace and syntax only: minified names made it slower to load (keepNames) or unreadable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

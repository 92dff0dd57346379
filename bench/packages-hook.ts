/**
 * Loaded with `node --import` by the bench: reports every npm package a command loads (one
 * `BENCH_PKG=name` line on stderr per package), so the bench can check that `calc` and `report`
 * never load danfo.js.
 */
import { createRequire, register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
const seen = new Set();
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);
  if (m && !seen.has(m[1])) { seen.add(m[1]); process.stderr.write('BENCH_PKG=' + m[1] + '\\n'); }
  return r;
}`));

// CommonJS loads (the bundled bin requires its packages) do not pass the ES-module hook: report
// them from the require cache at exit.
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const seen = new Set<string>();
  for (const path of Object.keys(cache)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m && !seen.has(m[1])) { seen.add(m[1]); process.stderr.write('BENCH_PKG=' + m[1] + '\n'); }
  }
});

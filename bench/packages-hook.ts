/**
 * Loaded with `node --import` by the bench: reports every npm package a command loads (one
 * `BENCH_PKG=name` line on stderr per package), so the bench can check that `calc` and `report`
 * never load danfo.js.
 */
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
const seen = new Set();
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);
  if (m && !seen.has(m[1])) { seen.add(m[1]); process.stderr.write('BENCH_PKG=' + m[1] + '\\n'); }
  return r;
}`));
export {};

/**
 * The browser side of the bench (bundled by bench/run.ts with esbuild, run in headless Chromium):
 * what a notebook does when an input changes — recalculate the project (pricing included) — and
 * Monte Carlo with 10 000 draws. Reads the compiled catalogue documents and the project from
 * `globalThis.BENCH_INPUT`; returns timings from performance.now().
 */
import { catalogFromDocs, type CatalogDocs } from '../lib/catalog/parse.js';
import { calculate } from '../lib/calculate.js';
import { priceProject } from '../lib/engine/price.js';
import type { Project } from '../lib/model/types.js';
import { monteCarlo } from '../lib/sensitivity/monte-carlo.js';
import { prepare } from '../lib/sensitivity/prepare.js';

interface BenchInput { docs: CatalogDocs; project: Project }

function run(): Record<string, number> {
  const { docs, project } = (globalThis as unknown as { BENCH_INPUT: BenchInput }).BENCH_INPUT;
  let t = performance.now();
  const catalog = catalogFromDocs(docs);
  const catalogMs = performance.now() - t;
  // An input change: a new dödvikt and avklingning, as a notebook slider gives; each recalculated in full (pricing included).
  const times: number[] = [];
  let society = 0;
  for (let i = 0; i <= 20; i++) {
    t = performance.now();
    const r = calculate({ ...project, deadweight: i / 50, dropOff: i / 100 }, catalog);
    times.push(performance.now() - t);
    society += r.groups.samhallet.annualEffect;
  }
  t = performance.now();
  const p = prepare(project, catalog, (x) => priceProject(x, catalog), 'sv');
  const mc = monteCarlo(p.model, p.inputs, { draws: 10_000, seed: 1, distribution: p.defaults.distribution });
  const monteCarloMs = performance.now() - t;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    catalogMs, firstRecalcMs: times[0], medianRecalcMs: sorted[10], maxRecalcMs: sorted[20], monteCarloMs,
    draws: 10_000, inputs: p.inputs.length, check: society + mc.targets.length,
  };
}

(globalThis as unknown as { BENCH_RESULT: Record<string, number> }).BENCH_RESULT = run();

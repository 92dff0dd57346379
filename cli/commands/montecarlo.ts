/**
 * `samnytta montecarlo PROJECT --draws N --seed S [--format table|json]`: seeded Monte Carlo over
 * every uncertain input, per actor and group (docs/sensitivity.md). Progress goes to stderr: a bar
 * on a terminal, a plain line per quarter otherwise, so stdout stays a clean table or JSON.
 */
import cliProgress from 'cli-progress';
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import { monteCarlo } from '../../lib/sensitivity/monte-carlo.js';
import { prepare } from '../../lib/sensitivity/prepare.js';
import { monteCarloJson, monteCarloTable, type MonteCarloReport } from '../../lib/report/sensitivity.js';
import { ExitError, type GlobalOptions, type Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface MontecarloOptions extends GlobalOptions {
  project: string;
  draws: number;
  seed: number;
  format: 'table' | 'json';
}

/** Progress reporting: cli-progress bar on a TTY, plain lines at 25 % steps otherwise. */
function progress(io: Io, lang: GlobalOptions['lang']): { update(done: number, total: number): void; stop(): void } {
  const label = lang === 'sv' ? 'dragningar' : 'draws';
  if (io.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `Monte Carlo [{bar}] {percentage}% · {value}/{total} ${label}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) { bar.start(total, 0); started = true; }
        bar.update(done);
      },
      stop() { if (started) bar.stop(); },
    };
  }
  let next = 0.25;
  return {
    update(done, total) {
      while (done / total >= next - 1e-12) {
        io.err(`Monte Carlo: ${done}/${total} ${label} (${Math.round(next * 100)} %)\n`);
        next += 0.25;
      }
    },
    stop() {},
  };
}

export async function montecarlo(o: MontecarloOptions, io: Io): Promise<MonteCarloReport> {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > 10_000_000) {
    throw new ExitError(2, o.lang === 'sv' ? `--draws ska vara ett heltal 1–10 000 000 (fick ${o.draws})` : `--draws must be an integer 1–10,000,000 (got ${o.draws})`);
  }
  if (!Number.isInteger(o.seed)) throw new ExitError(2, o.lang === 'sv' ? `--seed ska vara ett heltal (fick ${o.seed})` : `--seed must be an integer (got ${o.seed})`);
  const catalog = loadCatalog();
  const project = await loadProject(o.project, catalog, o, io);
  const p = prepare(project, catalog, (x) => priceProject(x, catalog), o.lang);
  const bar = progress(io, o.lang);
  let result;
  try {
    result = monteCarlo(p.model, p.inputs, { draws: o.draws, seed: o.seed, distribution: p.defaults.distribution, onProgress: bar.update });
  } finally {
    bar.stop();
  }
  const report: MonteCarloReport = { assumptions: project, result, inputs: p.inputs, warnings: p.warnings };
  io.out(o.format === 'json' ? JSON.stringify(monteCarloJson(report, o.lang), null, 2) + '\n' : monteCarloTable(report, o.lang));
  return report;
}

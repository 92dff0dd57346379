/**
 * `samnytta prognos PLAN [--format table|json] [--draws N] [--seed S]`: the forecast of a plan
 * (`kind: prognos`, docs/prognos.md) per actor and group for 1 and H years, with the optimism
 * adjustment beside the stated shares, break-even per funder, Monte Carlo per funder and
 * återföring. With `--out DIR` it writes the forecast report and the one-page application
 * summary instead (`--format` then lists file formats: html, pdf, md, json, xlsx).
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import { readPlan, type ForecastPlan } from '../../lib/forecast/plan.js';
import type { Catalog } from '../../lib/catalog/types.js';
import { forecastJson, forecastReport, forecastTable, type ForecastReport } from '../../lib/report/forecast.js';
import { formatProblem } from '../../lib/util/errors.js';
import { ExitError, type GlobalOptions, type Io } from '../io.js';

export interface PrognosOptions extends GlobalOptions {
  plan: string;
  format: string;
  draws: number;
  seed: number;
  /** Write the forecast report and the one-page summary here; `format` then lists file formats. */
  out?: string;
  datum?: string;
}

/** Reads a plan, printing notes and warnings; stops with every error listed (exit 1). */
export async function loadPlan(path: string, catalog: Catalog, o: GlobalOptions, io: Io): Promise<ForecastPlan> {
  const { plan, problems, notes } = await readPlan(path, catalog);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const n of notes) io.err(`info: ${n[o.lang]}\n`);
  for (const w of problems.filter((p) => p.severity === 'warning')) io.err(`${o.lang === 'sv' ? 'varning' : 'warning'}: ${formatProblem(w, o.lang)}\n`);
  if (!plan || errors.length) {
    const head = o.lang === 'sv' ? `${errors.length} fel hittades; rätta dem och kör igen:` : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} found; fix them and run again:`;
    throw new ExitError(1, [head, ...errors.map((e) => `  ${formatProblem(e, o.lang)}`)].join('\n'));
  }
  return plan;
}

/** Checks --draws and --seed (usage errors, exit 2). */
export function checkDraws(o: { draws: number; seed: number } & GlobalOptions): void {
  if (!Number.isInteger(o.draws) || o.draws < 1 || o.draws > 1_000_000) {
    throw new ExitError(2, o.lang === 'sv' ? `--draws ska vara ett heltal 1–1 000 000 (fick ${o.draws})` : `--draws must be an integer 1–1,000,000 (got ${o.draws})`);
  }
  if (!Number.isInteger(o.seed)) throw new ExitError(2, o.lang === 'sv' ? `--seed ska vara ett heltal (fick ${o.seed})` : `--seed must be an integer (got ${o.seed})`);
}

export async function prognos(o: PrognosOptions, io: Io): Promise<ForecastReport> {
  checkDraws(o);
  if (!o.out && o.format !== 'table' && o.format !== 'json') {
    throw new ExitError(2, o.lang === 'sv' ? `--format ska vara table eller json (eller ange --out MAPP för rapportfiler); fick ${JSON.stringify(o.format)}` : `--format must be table or json (or give --out DIR for report files); got ${JSON.stringify(o.format)}`);
  }
  const catalog = loadCatalog();
  const plan = await loadPlan(o.plan, catalog, o, io);
  const rep = forecastReport(plan, catalog, { draws: o.draws, seed: o.seed });
  if (o.out) {
    const { writeForecastReport } = await import('./prognos-report.js');
    await writeForecastReport(rep, { out: o.out, formats: o.format.split(',').map((x) => x.trim()).filter(Boolean), lang: o.lang, datum: o.datum }, io);
    return rep;
  }
  io.out(o.format === 'json' ? JSON.stringify(forecastJson(rep, o.lang), null, 2) + '\n' : forecastTable(rep, o.lang));
  return rep;
}

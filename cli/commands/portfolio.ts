/**
 * `samnytta portfolj MAPP` (alias `portfolio`): every project and forecast under a folder side by
 * side, with deviations from the portfolio mean and median and the förbund's totals per funder.
 * A project that fails is named with its errors and left out; the rest still run (exit 1).
 * Progress goes to stderr (a bar on a terminal), so stdout stays a clean table or JSON.
 */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { loadCatalog } from '../../lib/catalog/load.js';
import { loadPortfolio } from '../../lib/portfolio/load.js';
import { buildPortfolio, type Portfolio } from '../../lib/portfolio/portfolio.js';
import { portfolioJson, portfolioTable } from '../../lib/report/portfolio/present.js';
import { portfolioText } from '../../lib/report/portfolio/text.js';
import { formatProblem } from '../../lib/util/errors.js';
import { ExitError, writeFilesAtomically, type GlobalOptions, type Io } from '../io.js';

export const PORTFOLIO_FORMATS = ['table', 'json', 'xlsx', 'html'] as const;
export type PortfolioFormat = (typeof PORTFOLIO_FORMATS)[number];

export interface PortfolioOptions extends GlobalOptions {
  folder: string;
  formats: string[];
  out?: string;
  prisar?: number;
}

/** Projects from which a progress bar is shown. */
const PROGRESS_FROM = 20;

function progress(io: Io, lang: GlobalOptions['lang']): { update(done: number, total: number): void; stop(): void } {
  const label = lang === 'sv' ? 'projekt' : 'projects';
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!io.isTTY || total < PROGRESS_FROM) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ format: `${lang === 'sv' ? 'Portfölj' : 'Portfolio'} [{bar}] {value}/{total} ${label}`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() { bar?.stop(); },
  };
}

export async function portfolio(o: PortfolioOptions, io: Io): Promise<Portfolio> {
  const sv = o.lang === 'sv';
  const bad = o.formats.filter((f) => !(PORTFOLIO_FORMATS as readonly string[]).includes(f));
  if (bad.length || o.formats.length === 0) throw new ExitError(2, sv ? `okänt format ${bad.join(', ')}; välj bland ${PORTFOLIO_FORMATS.join(', ')}` : `unknown format ${bad.join(', ')}; choose from ${PORTFOLIO_FORMATS.join(', ')}`);
  const files = o.formats.filter((f) => f === 'xlsx' || f === 'html');
  if (files.length && !o.out) throw new ExitError(2, sv ? `${files.join(' och ')} skrivs till en mapp: ange --out MAPP` : `${files.join(' and ')} are written to a folder: give --out FOLDER`);
  if (o.prisar !== undefined && !Number.isInteger(o.prisar)) throw new ExitError(2, sv ? `--prisar ska vara ett år (fick ${o.prisar})` : `--prisar must be a year (got ${o.prisar})`);

  const catalog = loadCatalog();
  const bar = progress(io, o.lang);
  let loaded;
  try {
    loaded = await loadPortfolio(o.folder, catalog, bar.update);
  } finally {
    bar.stop();
  }
  const p = buildPortfolio(loaded.inputs, catalog, { priceYear: o.prisar, failures: loaded.failures });

  const outputs: { path: string; data: string | Uint8Array }[] = [];
  if (o.out) {
    if (o.formats.includes('json')) outputs.push({ path: join(o.out, 'portfolj.json'), data: JSON.stringify(portfolioJson(p, o.lang), null, 2) + '\n' });
    if (o.formats.includes('xlsx')) {
      const { portfolioWorkbook } = await import('../../lib/report/portfolio/xlsx.js');
      outputs.push({ path: join(o.out, 'portfolj.xlsx'), data: await portfolioWorkbook(p, o.lang) });
    }
    if (o.formats.includes('html')) {
      const { portfolioHtml } = await import('../../lib/report/portfolio/html.js');
      outputs.push({ path: join(o.out, 'portfolj.html'), data: portfolioHtml(p, o.lang) });
    }
    writeFilesAtomically(outputs, o.lang);
  }
  if (o.formats.includes('table')) io.out(portfolioTable(p, o.lang));
  if (o.formats.includes('json') && !o.out) io.out(JSON.stringify(portfolioJson(p, o.lang), null, 2) + '\n');
  for (const f of outputs) io.err(`${sv ? 'skrev' : 'wrote'} ${f.path}\n`);

  if (p.failures.length) {
    const t = portfolioText(o.lang);
    throw new ExitError(1, [t.failed(p.failures.length), ...p.failures.flatMap((f) => f.problems.map((e) => `  ${formatProblem(e, o.lang)}`))].join('\n'));
  }
  return p;
}

/**
 * `npm run bench` (not a test): builds, then runs each case in its own child process so peak
 * memory (process.resourceUsage().maxRSS) belongs to that case alone, prints ok/MISS per target
 * of issue 14 with its ratio to the yardstick, and writes bench/RESULTS.md (date and machine).
 *
 * Cases: `calc` and `report` on the main example, paired with `node -e 0`; a seeded national
 * situations CSV (bench/national.ts) validated and calculated; the engine on a seeded cohort of
 * 300 000 (bench/cohort.ts); Monte Carlo in Node; `portfolj` over generated projects; the
 * notebooks' recalculation and Monte Carlo in headless Chromium (bench/browser-page.ts); and
 * the engine against a straightforward reference (bench/reference.ts), agreeing within 1 kr.
 * Sizes can be lowered for a quick look: BENCH_COHORT, BENCH_NATIONAL, BENCH_PORTFOLIO,
 * BENCH_REFERENCE, BENCH_REFERENCE_MONTHLY.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, readCatalogFiles } from '../lib/catalog/load.js';
import { parseCatalogYaml } from '../lib/catalog/parse.js';
import { evaluate } from '../lib/results/evaluate.js';
import { priceProject } from '../lib/engine/price.js';
import { readProject } from '../lib/model/read-project.js';
import { monteCarlo } from '../lib/sensitivity/monte-carlo.js';
import { prepare } from '../lib/sensitivity/prepare.js';
import { syntheticCohort } from './cohort.js';
import { worstCases, worstCasesSection, type WorstCase } from './worst-cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const COHORT = Number(process.env.BENCH_COHORT ?? 300_000);
const REFERENCE = Number(process.env.BENCH_REFERENCE ?? 20_000);
const REFERENCE_MONTHLY = Number(process.env.BENCH_REFERENCE_MONTHLY ?? 5_000);
const SEED = 20251123;
/** The package's bin (package.json), the esbuild bundle of scripts/bundle-cli.ts. */
const BIN = join(repo, 'dist/cli/samnytta.cjs');
const EXAMPLE = 'data/examples/unga-vuxna-coachning/projekt.yaml';

/** Findings from profiling, written into RESULTS.md (kept by hand; update when the engine changes). */
const NOTES = `- **The reference disagreed (fixed).** bench/reference.ts was written before the review fixes to the engine: it taxed
  sjuk- and aktivitetsersättning as other income (the engine reads the items' \`earned\` flag: their skattereduktion
  equalises the tax with work's) and rescaled job lines by amount/wage, which the engine's \`wageTerms\` no longer needs.
  The engine was right; the reference now follows it, and test/bench/reference.test.ts keeps them within 1 kr per cell.
- **Where calc's time goes.** yargs, string-width, node:crypto and \`yaml\` are not loaded for a plain \`calc\`, nor
  Node's stream modules (stdout is written with fs.writeSync; cli/io.ts). The bin is one esbuild bundle
  (dist/cli/samnytta.cjs, scripts/bundle-cli.ts; every package external and required lazily, \`yaml\` from its own file
  dist/cli/yaml.cjs), written as ASCII so Node reads and parses it as one-byte text. dist/catalog.json holds the
  checked catalogue itself (lib/catalog/compiled.ts): it is used as is while every catalogue file and folder has the
  size, mtime and ctime it had at build (after a copy or an install, the texts' fingerprint decides), so nothing is
  parsed or re-checked. A project file in the plain YAML subset is read by lib/util/simple-yaml.ts, which gives exactly
  \`yaml.parse\`'s value or hands the file to \`yaml\` (property-tested against it); the first, JIT-cold \`yaml.parse\`
  was the largest part of the time. What remains above Node's own start-up, by a CPU profile: compiling the bundle,
  reading the project (validation, JIT-cold), reading the 200 kB compiled catalogue, pricing and two scavenges. A V8
  code cache for the bundle (vm.Script cachedData; Node 20 has no module.enableCompileCache) made no measurable difference.
- **Portfolio.** Reading the project files is most of \`portfolj\`'s time. Plain project files are now read by
  lib/util/simple-yaml.ts (exactly \`yaml.parse\`'s values; see calc above) instead of a JIT-cold \`yaml\` per file;
  finding projects does not parse each file a second time. (The previous RESULTS.md gave 3.5 s for 500 projects.)
- **National file.** A quote-free situations CSV is read in one pass, row by row: each row is split (reusing a
  column's string when the text repeats: the participant's id on each of its rows, fore/efter, item ids, months),
  screened for personnummer (only cells of 10 characters or more are searched) and checked as it is split, so no table
  of 1.5 million rows is ever held; its reading and screening problems are put where reading the whole table first puts
  them. Each used row's line is built once, in the shape validateProject's readLine gives, and validateProject takes it
  as it is (only the many-visits warning is left to check there), so there is no second copy of every line; key paths
  are built only for a value that needs checking. The general route (whole tables, every line checked again) is kept as
  the reference: test/model/one-pass-reader.test.ts checks on random valid and invalid files that both give the same
  participants, problems (sv and en), counts, project and result. What remains is the memory of 1.5 million line objects
  and 300 000 participants (peak RSS about half the earlier), decoding and splitting the 70 MB text (about 1.4 s) and
  pricing; keeping used rows in typed arrays until assembly was tried and was not faster (the line objects are made
  anyway); the engine reading typed arrays directly would need a columnar Project and was not done.
- **Report.** danfo.js is not loaded by \`report\`. The charts are drawn by Observable Plot in linkedom, not jsdom
  (jsdom took about 1 s to load): lib/report/chart-dom.ts writes linkedom's SVG as browsers and jsdom do, so every
  chart is byte for byte what jsdom drew (test/report/chart-dom.test.ts, every chart of every example). The charts
  module loads from one esbuild file with Plot and the d3 it uses, and linkedom from another (dist/vendor/charts.js,
  dist/vendor/linkedom.cjs, scripts/bundle-charts.ts; ~110 fewer ES modules). Each chart's PNG is started on resvg's
  thread pool as soon as the chart is drawn, the waterfall (the largest) first, and drawn without its stack's
  redundant clip (the same pixels, test/report/chart-png.test.ts; about 40 % less resvg time for it); the model, HTML,
  Markdown and JSON are built meanwhile. What remains is mostly resvg (rendering and PNG encoding of four 1 520 px
  wide images, ~0.8 s of CPU on two cores). A plain \`report PROJECT --out DIR [--format] [--datum] [--lang]\` runs
  without yargs (which built every command's help text for each run), the command and the library code it reaches
  bundled into dist/cli/report.cjs (scripts/bundle-cli.ts) instead of ~80 ES modules, and the bundled reference
  entries are read without \`yaml\` (lib/util/simple-yaml.ts): ~0.2 s less in all. For pdf, Chromium is driven over its DevTools pipe (lib/report/pdf.ts) instead of through
  playwright-core, which took ~0.5 s to load before Chromium could be started; Chromium now starts before the
  project is read, its page is made ready while the report is built, and it is killed when the PDF is out (the
  same PDF bytes as playwright-core's page.pdf: test/report/browser.test.ts).`;

interface Figures { [k: string]: number | string | boolean }

const mb = (kb: number) => Math.round(kb / 1024);
const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();

// ── cases (run in a child) ────────────────────────────────────────────────────────────────────

async function engineCase(): Promise<Figures> {
  const catalog = loadCatalog();
  let t = performance.now();
  const project = syntheticCohort(COHORT, SEED);
  const generateMs = ms(t);
  gc();
  const times: number[] = [];
  let society = 0;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const ledger = priceProject(project, catalog);
    const result = evaluate(ledger, project, catalog);
    times.push(ms(t));
    society = result.groups.samhallet.annualEffect;
    gc();
  }
  return { participants: COHORT, generateMs, wallMs: median(times), minMs: Math.min(...times), societyPerParticipant: society / COHORT };
}

async function monteCarloCase(): Promise<Figures> {
  const catalog = loadCatalog();
  const project = syntheticCohort(1000, SEED + 1);
  const t = performance.now();
  const p = prepare(project, catalog, (x) => priceProject(x, catalog), 'sv');
  const priceMs = ms(t);
  const r = monteCarlo(p.model, p.inputs, { draws: 10_000, seed: 1, distribution: p.defaults.distribution });
  const wallMs = ms(t);
  const s = r.targets.find((x) => x.id === 'samhallet')!;
  return { participants: 1000, draws: 10_000, inputs: p.inputs.length, priceMs, wallMs, pPositiveSociety: s.pPositive };
}

async function referenceCase(granularity: 'annual' | 'monthly'): Promise<Figures> {
  const n = granularity === 'annual' ? REFERENCE : REFERENCE_MONTHLY;
  const catalog = loadCatalog();
  const project = syntheticCohort(n, SEED); // the first n participants of the benchmark cohort
  let t = performance.now();
  const { referencePostings, referenceLedger, compareLedgers } = await import('./reference.js');
  const importMs = ms(t);
  // Both sides warmed up and timed best-of (the machine is shared; medians are shown too).
  const refTimes: number[] = [];
  let ref = new Map<string, number>(), nPostings = 0, postMs = 0;
  for (let i = 0; i < (granularity === 'annual' ? 4 : 2); i++) {
    gc();
    t = performance.now();
    const postings = referencePostings(project, catalog, granularity);
    postMs = ms(t);
    ref = referenceLedger(postings);
    refTimes.push(ms(t));
    nPostings = postings.length;
  }
  const refMeasured = granularity === 'annual' ? refTimes.slice(1) : refTimes;
  gc();
  let ledger = priceProject(project, catalog);
  for (let i = 0; i < 5; i++) ledger = priceProject(project, catalog);
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    t = performance.now();
    ledger = priceProject(project, catalog);
    times.push(ms(t));
  }
  const agreement = compareLedgers(ledger, ref);
  const referenceMs = Math.min(...refMeasured), engineMs = Math.min(...times);
  return {
    granularity, participants: n, postings: nPostings, danfoImportMs: importMs, referencePostMs: postMs,
    referenceMs, referenceMedianMs: median(refMeasured), engineMs, engineMedianMs: median(times),
    ratio: referenceMs / engineMs, cells: agreement.cells, maxCellDiffKr: agreement.maxCellDiffKr, totalDiffKr: agreement.totalDiffKr,
    agrees: agreement.agrees,
  };
}

/** Runs `node args` and returns its wall time in ms (throws if it fails). */
function spawnMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
  const wall = ms(t);
  if (r.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return wall;
}

async function calcCase(): Promise<Figures> {
  // Checks the example prices (so a failing calc is not timed as fast).
  const catalog = loadCatalog();
  const { project } = await readProject(join(repo, EXAMPLE), catalog);
  if (!project) throw new Error(`bench: ${EXAMPLE} does not validate`);
  // Paired with Node's own start-up (`node -e 0`), alternating, so machine load hits both alike.
  const calcArgs = [BIN, 'calc', EXAMPLE];
  spawnMs(calcArgs); // warm the file cache
  const walls: number[] = [], nodes: number[] = [];
  for (let i = 0; i < 11; i++) {
    nodes.push(spawnMs(['-e', '0']));
    walls.push(spawnMs(calcArgs));
  }
  // Peak memory of the CLI process itself: an --import hook prints maxRSS at exit.
  const hook = join(here, 'rss-hook.js');
  const r = spawnSync(process.execPath, ['--import', hook, ...calcArgs], { cwd: repo, encoding: 'utf8' });
  const m = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr);
  return { wallMs: median(walls), nodeMs: median(nodes), ratio: median(walls) / median(nodes), minMs: Math.min(...walls), maxRssMb: m ? mb(Number(m[1])) : -1 };
}

const NATIONAL = Number(process.env.BENCH_NATIONAL ?? 300_000);

/** A national register extract: a seeded CSV of 5 situation rows per participant, validated and calculated. */
async function nationalCase(): Promise<Figures> {
  const { writeNationalCsv } = await import('./national.js');
  const { calculate } = await import('../lib/calculate.js');
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-bench-'));
  try {
    let t = performance.now();
    const rows = await writeNationalCsv(join(dir, 'situationer.csv'), NATIONAL, SEED);
    const generateMs = ms(t);
    writeFileSync(join(dir, 'projekt.yaml'), `name: Registeruttag\npriceYear: 2025\nhorizonYears: 5\ncost: { total: ${NATIONAL * 50000}, financing: finsam }\nparticipantsFile: situationer.csv\n`);
    const catalog = loadCatalog();
    gc();
    t = performance.now();
    const { project, problems, notes } = await readProject(join(dir, 'projekt.yaml'), catalog);
    const readMs = ms(t);
    const errors = problems.filter((p) => p.severity === 'error');
    if (!project || errors.length) throw new Error(`bench: the national file does not validate: ${errors.slice(0, 3).map((p) => p.en).join('; ')}`);
    const result = calculate(project, catalog);
    const wallMs = ms(t);
    return { participants: project.participants.length, rows, generateMs, readMs, calcMs: wallMs - readMs, wallMs, note: notes[0]?.en ?? '', society: result.groups.samhallet.annualEffect };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The notebooks' work in headless Chromium: recalculation after an input change, Monte Carlo 10 000 draws. */
async function browserCase(): Promise<Figures> {
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const { chromiumPath, CHROMIUM_ARGS } = await import('../lib/report/pdf.js');
  const bundle = await build({
    entryPoints: [join(repo, 'bench/browser-page.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'error',
  });
  const code = bundle.outputFiles[0].text;
  const catalog = loadCatalog();
  const { project } = await readProject(join(repo, EXAMPLE), catalog);
  const docs = parseCatalogYaml(readCatalogFiles()); // from the YAML itself, so a stale dist/catalog.json cannot mislead
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-bench-browser-'));
  try {
    const t = performance.now();
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(process.env), headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const startMs = ms(t);
      const input = JSON.stringify({ docs, project }).replace(/</g, '\\u003c');
      await page.setContent(`<!doctype html><meta charset="utf-8"><script>globalThis.BENCH_INPUT = ${input};</script><script>${code.replace(/<\/script/g, '<\\/script')}</script>`);
      const f = (await page.evaluate('globalThis.BENCH_RESULT')) as Figures | undefined;
      if (!f) throw new Error(`bench: the browser page did not finish: ${errors.join('; ')}`);
      return { ...f, chromiumStartMs: startMs, bundleKb: Math.round(code.length / 1024) };
    } finally {
      await ctx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PORTFOLIO = Number(process.env.BENCH_PORTFOLIO ?? 500);

/** A förbund's folder of PORTFOLIO projects (variants of the main example), through `samnytta portfolj`. */
async function portfolioCase(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-bench-portfolio-'));
  try {
    const text = readFileSync(join(repo, EXAMPLE), 'utf8');
    for (let i = 1; i <= PORTFOLIO; i++) {
      const variant = text.replace(/^name: .*$/m, `name: "Projekt ${i}"`).replace(/^(\s+total:\s*)(\d+)/m, (_, k: string, v: string) => `${k}${Number(v) + i * 1000}`);
      writeFileSync(join(dir, `projekt-${String(i).padStart(3, '0')}.yaml`), variant);
    }
    const args = [BIN, 'portfolj', dir, '--format', 'json'];
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wallMs = ms(t);
    if (r.status !== 0) throw new Error(`bench: portfolj exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const rows = (JSON.parse(r.stdout) as { projects?: unknown[]; rows?: unknown[] });
    return { projects: PORTFOLIO, listed: (rows.projects ?? rows.rows ?? []).length, wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Packages a command loads (from the --import hook's lines on stderr). */
function packagesOf(stderr: string): string[] {
  return [...new Set([...stderr.matchAll(/^BENCH_PKG=(.+)$/gm)].map((m) => m[1]))];
}

/**
 * `samnytta report` on the main example, paired with `node -e 0` (alternating, medians of 3):
 * html+md+json, xlsx and pdf (Chromium start included), and the packages each loads.
 */
async function reportCase(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-bench-report-'));
  try {
    const hook = join(here, 'packages-hook.js');
    const f: Figures = {};
    const nodes: number[] = [];
    for (const [name, formats] of [['web', 'html,md,json'], ['xlsx', 'xlsx'], ['pdf', 'pdf']] as const) {
      const args = [BIN, 'report', EXAMPLE, '--out', join(dir, name), '--format', formats];
      const walls: number[] = [];
      for (let i = 0; i < 3; i++) {
        nodes.push(spawnMs(['-e', '0']));
        rmSync(join(dir, name), { recursive: true, force: true });
        walls.push(spawnMs(args));
      }
      rmSync(join(dir, name), { recursive: true, force: true });
      const r = spawnSync(process.execPath, ['--import', hook, ...args], { cwd: repo, encoding: 'utf8' });
      f[`${name}Ms`] = median(walls);
      f[`${name}Packages`] = packagesOf(r.stderr).join(' ');
    }
    f.nodeMs = median(nodes);
    const c = spawnSync(process.execPath, ['--import', hook, BIN, 'calc', EXAMPLE], { cwd: repo, encoding: 'utf8' });
    f.calcPackages = packagesOf(c.stderr).join(' ');
    return f;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CASES: Record<string, () => Promise<Figures>> = {
  engine: engineCase, montecarlo: monteCarloCase, calc: calcCase, national: nationalCase, browser: browserCase, portfolio: portfolioCase, report: reportCase,
  reference: () => referenceCase('annual'), 'reference-monthly': () => referenceCase('monthly'),
  'worst-cases': async () => ({ cases: (await worstCases()) as unknown as string }),
};

// ── parent ─────────────────────────────────────────────────────────────────────────────────────

function runChild(name: string): Figures {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', fileURLToPath(import.meta.url), '--case', name], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench case ${name} failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(line) as Figures;
}

function machine() {
  const cpuinfo = (() => { try { return readFileSync('/proc/cpuinfo', 'utf8'); } catch { return ''; } })();
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { node: process.version, cpu: model.trim(), cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) };
}

/** One target: the figure, its yardstick and whether it is met. */
interface Check { label: string; figure: string; ok: boolean }

async function main(): Promise<void> {
  const i = process.argv.indexOf('--case');
  if (i >= 0) {
    const name = process.argv[i + 1];
    const f = await CASES[name]();
    f.maxRssMb ??= mb(process.resourceUsage().maxRSS);
    if (name !== 'calc') f.maxRssMb = mb(process.resourceUsage().maxRSS);
    process.stdout.write(JSON.stringify(f) + '\n');
    return;
  }
  const m = machine();
  const date = new Date().toISOString().slice(0, 10);
  console.log(`samnytta bench — ${date} — Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB`);
  const n = (x: unknown) => x as number;
  const r0 = (x: unknown) => Math.round(n(x)).toLocaleString('en-US');
  const x2 = (x: number) => `${x.toFixed(2)}×`;
  const run = (name: string, line: (f: Figures) => string): Figures => {
    const f = runChild(name);
    console.log(`${name.padEnd(17)} ${line(f)}`);
    return f;
  };
  const c = run('calc', (f) => `${r0(f.wallMs)} ms vs node -e 0 ${r0(f.nodeMs)} ms (medians of 11, alternating) → ${x2(n(f.ratio))}; peak RSS ${f.maxRssMb} MB`);
  const rp = run('report', (f) => `html+md+json ${r0(f.webMs)} ms, xlsx ${r0(f.xlsxMs)} ms, pdf ${r0(f.pdfMs)} ms; node -e 0 ${r0(f.nodeMs)} ms (medians of 3)`);
  const e = run('engine', (f) => `${r0(f.participants)} participants: ${r0(f.wallMs)} ms (median of 3), peak RSS ${f.maxRssMb} MB`);
  const nat = run('national', (f) => `${r0(f.rows)} rows, ${r0(f.participants)} participants: validated ${r0(f.readMs)} ms + calculated ${r0(f.calcMs)} ms = ${r0(f.wallMs)} ms, peak RSS ${f.maxRssMb} MB`);
  const mc = run('montecarlo', (f) => `${r0(f.draws)} draws × ${r0(f.participants)} participants (${f.inputs} inputs): ${r0(f.wallMs)} ms incl. pricing ${r0(f.priceMs)} ms`);
  const pf = run('portfolio', (f) => `${r0(f.projects)} projects: ${r0(f.wallMs)} ms, peak RSS ${f.maxRssMb} MB (bench process)`);
  const br = run('browser', (f) => `recalculation median ${n(f.medianRecalcMs).toFixed(1)} ms (first ${n(f.firstRecalcMs).toFixed(1)}, max ${n(f.maxRecalcMs).toFixed(1)}), Monte Carlo ${r0(f.draws)} draws ${r0(f.monteCarloMs)} ms; Chromium start ${r0(f.chromiumStartMs)} ms`);
  const refs = [run('reference', refLine), run('reference-monthly', refLine)];
  const beyond = (x: unknown) => n(x) - n(rp.nodeMs);
  const danfo = [rp.calcPackages, rp.webPackages, rp.xlsxPackages, rp.pdfPackages].some((p) => String(p).split(' ').includes('danfojs'));
  const checks: Check[] = [
    { label: 'calc ≤ 1.5× node -e 0', figure: x2(n(c.ratio)), ok: n(c.ratio) <= 1.5 },
    { label: 'report html+md+json ≤ 1 s beyond start-up', figure: `${r0(beyond(rp.webMs))} ms = ${x2(beyond(rp.webMs) / 1000)} of 1 s`, ok: beyond(rp.webMs) <= 1000 },
    { label: 'report xlsx ≤ 1.5 s', figure: `${r0(rp.xlsxMs)} ms = ${x2(n(rp.xlsxMs) / 1500)} of 1.5 s`, ok: n(rp.xlsxMs) <= 1500 },
    { label: 'report pdf ≤ 3 s (Chromium included)', figure: `${r0(rp.pdfMs)} ms = ${x2(n(rp.pdfMs) / 3000)} of 3 s`, ok: n(rp.pdfMs) <= 3000 },
    { label: 'danfo.js never loaded by calc or report', figure: danfo ? 'loaded' : 'not loaded', ok: !danfo },
    { label: `national file (${r0(nat.rows)} rows) validated + calculated ≤ 10 s`, figure: `${r0(nat.wallMs)} ms = ${x2(n(nat.wallMs) / 10000)} of 10 s`, ok: n(nat.wallMs) <= 10000 },
    { label: 'national file ≤ 1.5 GB', figure: `${nat.maxRssMb} MB = ${x2(n(nat.maxRssMb) / 1536)} of 1.5 GB`, ok: n(nat.maxRssMb) <= 1536 },
    { label: `${r0(e.participants)} participants priced + evaluated < 3 s`, figure: `${r0(e.wallMs)} ms = ${x2(n(e.wallMs) / 3000)} of 3 s`, ok: n(e.wallMs) < 3000 },
    { label: `${r0(e.participants)} participants < 1.5 GB`, figure: `${e.maxRssMb} MB = ${x2(n(e.maxRssMb) / 1536)} of 1.5 GB`, ok: n(e.maxRssMb) < 1536 },
    { label: 'Monte Carlo (Node) < 3 s', figure: `${r0(mc.wallMs)} ms = ${x2(n(mc.wallMs) / 3000)} of 3 s`, ok: n(mc.wallMs) < 3000 },
    { label: `portfolio of ${r0(pf.projects)} projects ≤ 5 s`, figure: `${r0(pf.wallMs)} ms = ${x2(n(pf.wallMs) / 5000)} of 5 s`, ok: n(pf.wallMs) <= 5000 && pf.listed === pf.projects },
    { label: 'browser recalculation ≤ 50 ms (median of 21 input changes)', figure: `${n(br.medianRecalcMs).toFixed(1)} ms = ${x2(n(br.medianRecalcMs) / 50)} of 50 ms`, ok: n(br.medianRecalcMs) <= 50 },
    { label: 'browser Monte Carlo 10 000 draws ≤ 1 s', figure: `${r0(br.monteCarloMs)} ms = ${x2(n(br.monteCarloMs) / 1000)} of 1 s`, ok: n(br.monteCarloMs) <= 1000 },
    ...refs.map((x) => ({ label: `engine ≥ 20× reference (${x.granularity} postings)`, figure: x2(n(x.ratio)).replace('×', '× the reference speed'), ok: n(x.ratio) >= 20 })),
    { label: 'references agree with the engine (< 1 kr per cell)', figure: refs.map((x) => `${n(x.maxCellDiffKr).toExponential(1)} kr`).join(', '), ok: refs.every((x) => x.agrees === true) },
  ];
  for (const k of checks) console.log(`${k.ok ? 'ok  ' : 'MISS'} ${k.label}: ${k.figure}`);
  const worst = runChild('worst-cases').cases as unknown as WorstCase[];
  for (const x of worst) console.log(`${'worst case'.padEnd(17)} ${x.label}: ${Math.round(x.ms)} ms, ${x.problems} problems`);
  writeFileSync(join(repo, 'bench/RESULTS.md'), results(date, m, { c, rp, e, nat, mc, pf, br, refs }, checks) + worstCasesSection(worst));
  console.log('wrote bench/RESULTS.md');
}

function refLine(x: Figures): string {
  return `${x.granularity} postings: ${x.participants} participants, ${x.postings} posting objects: reference ${Math.round(x.referenceMs as number)} ms vs engine ${(x.engineMs as number).toFixed(1)} ms → ${(x.ratio as number).toFixed(1)}×; max cell diff ${(x.maxCellDiffKr as number).toExponential(2)} kr over ${x.cells} cells`;
}

function results(date: string, m: ReturnType<typeof machine>, f: Record<'c' | 'rp' | 'e' | 'nat' | 'mc' | 'pf' | 'br', Figures> & { refs: Figures[] }, checks: Check[]): string {
  const r0 = (x: unknown) => Math.round(x as number).toLocaleString('en-US');
  const { c, rp, e, nat, mc, pf, br, refs } = f;
  return `# Benchmark results

Generated by \`npm run bench\` (bench/run.ts) on ${date}, all figures from this one run.
Machine: Node ${m.node}; CPU ${m.cpu}; ${m.cores} cores; ${m.memoryGb} GB RAM. The machine is shared with other
sessions, so absolute times vary a lot between runs; start-up figures are paired with \`node -e 0\` (alternating
runs) and given as ratios. Each case runs in its own child process; peak memory is that process's \`maxRSS\`.

| Target | Figure (ratio to its yardstick) | Met |
|---|---|---|
${checks.map((k) => `| ${k.label} | ${k.figure} | ${k.ok ? 'ok' : '**MISS**'} |`).join('\n')}

## Details

- **calc** on ${EXAMPLE} (40 participants): ${r0(c.wallMs)} ms against \`node -e 0\` ${r0(c.nodeMs)} ms (medians of 11). The
  catalogue is read from dist/catalog.json (compiled and checked by \`npm run build\`; YAML parsed only when a catalogue
  file changed); a plain \`calc\` does not load yargs (cli/dispatch.ts) nor \`yaml\` for a plain project file, and runs
  from the one-file bundle dist/cli/samnytta.cjs. Packages loaded: ${String(rp.calcPackages) || 'none'}.
- **report** on the same example (medians of 3; \`node -e 0\` ${r0(rp.nodeMs)} ms): html+md+json ${r0(rp.webMs)} ms, xlsx
  ${r0(rp.xlsxMs)} ms, pdf ${r0(rp.pdfMs)} ms. Charts are rendered once per run (SVG in the HTML, PNG beside the
  Markdown, rasterised in parallel); Plot/linkedom, resvg and exceljs load only for the formats that use them (Plot
  and linkedom from their one-file builds in dist/vendor, so they are not in the package lists below). Packages loaded — html+md+json:
  ${rp.webPackages || 'none'}; xlsx: ${rp.xlsxPackages || 'none'}; pdf: ${rp.pdfPackages || 'none'}.
- **national file**: a seeded synthetic situations CSV (bench/national.ts, ${r0(nat.rows)} rows, ${r0(nat.participants)} participants,
  generated in ${r0(nat.generateMs)} ms, not timed), read and validated by the normal reader (${r0(nat.readMs)} ms) and
  calculated (${r0(nat.calcMs)} ms); peak RSS ${nat.maxRssMb} MB. ${nat.note}
- **engine**: ${r0(e.participants)} participants of the seeded cohort (bench/cohort.ts), price + evaluate ${r0(e.wallMs)} ms (median of 3).
- **Monte Carlo (Node)**: ${r0(mc.draws)} draws × ${r0(mc.participants)} participants, ${mc.inputs} inputs: ${r0(mc.wallMs)} ms incl. pricing ${r0(mc.priceMs)} ms.
- **portfolio**: \`samnytta portfolj\` over ${r0(pf.projects)} generated project files (variants of the main example): ${r0(pf.wallMs)} ms.
- **browser** (headless Chromium, bench/browser-page.ts bundled with esbuild, ${br.bundleKb} KB): catalogue built from the
  compiled documents in ${(br.catalogMs as number).toFixed(1)} ms; 21 input changes (dödvikt, avklingning) each recalculated in
  full — median ${(br.medianRecalcMs as number).toFixed(1)} ms, first ${(br.firstRecalcMs as number).toFixed(1)} ms, max ${(br.maxRecalcMs as number).toFixed(1)} ms; Monte Carlo ${r0(br.draws)} draws
  (${br.inputs} inputs, pricing included) ${r0(br.monteCarloMs)} ms. Chromium start ${r0(br.chromiumStartMs)} ms (not counted).
${refs.map((x) => `- **reference, ${x.granularity} postings** (bench/reference.ts: one object per posting, danfo groupby): ${r0(x.participants)} participants,
  ${r0(x.postings)} postings; reference ${r0(x.referenceMs)} ms vs engine ${(x.engineMs as number).toFixed(1)} ms (best of; medians ${r0(x.referenceMedianMs)} and ${(x.engineMedianMs as number).toFixed(1)});
  max cell difference ${(x.maxCellDiffKr as number).toExponential(1)} kr over ${x.cells} cells (also a test: test/bench/reference.test.ts).`).join('\n')}

## Notes

${NOTES}
`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

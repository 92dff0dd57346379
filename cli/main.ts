/**
 * The samnytta command line: parses arguments, runs a command, maps errors to exit codes.
 * Commands are loaded lazily so `calc` never pays for the report or tabular-data libraries.
 */
import yargs, { type Argv } from 'yargs';
import { packageVersion } from '../lib/util/version.js';
import { YARGS_SV } from './yargs-sv.js';
import type { Lang } from '../lib/util/errors.js';
import { exitCode } from './exit.js';
import { ExitError, processIo, type Io } from './io.js';

const VERSION = packageVersion();

/** Language from argv before yargs has parsed (so even usage errors speak it). */
function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'sv';
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'sv';
}

/** The command names, for pointing a usage error to the command's own help. */
const COMMANDS = ['calc', 'validate', 'catalog', 'init', 'report', 'sensitivity', 'breakeven', 'montecarlo', 'portfolj', 'portfolio', 'jamforelse'];

type Handler = (argv: Record<string, any>) => Promise<void>;

/** Builds the yargs parser; `run` executes the chosen command with the given io. */
export function buildCli(args: string[], io: Io): Argv {
  const lang = langOf(args);
  const sv = lang === 'sv';
  // --datum of report and prognos: the CLI prints today's date unless told otherwise (issue 10).
  const datumHelp = sv
    ? 'datum som skrivs i rapporten (ÅÅÅÅ-MM-DD); standard: i dag, eller SOURCE_DATE_EPOCH om den är satt (samma datum ger byte-identiska filer)'
    : 'date printed in the report (YYYY-MM-DD); default: today, or SOURCE_DATE_EPOCH when set (the same date gives byte-identical files)';
  // Handlers take argv loosely typed: yargs' inferred types lose `choices`, and each command checks its options.
  const wrap = (f: Handler) => async (argv: Record<string, any>) => f(argv);
  // A usage error points to the help of the command it concerns, when there is one.
  const command = args.find((a) => !a.startsWith('-') && COMMANDS.includes(a));
  const helpOf = `samnytta ${command ? `${command} ` : ''}--help`;
  const usage = (msg: string) => new ExitError(2, `${msg}\n\n${sv ? 'Se hjälpen' : 'See help'}: ${helpOf}`);
  // Placeholders in the user's language: calc PROJEKT, init MAPP.
  const P = sv ? 'PROJEKT' : 'PROJECT';
  const D = sv ? 'MAPP' : 'DIR';
  const N = sv
    ? { action: 'VAD', id: 'ID', year2: 'ÅR2', target: 'MÅL', file: 'FIL', plan: 'PLAN', outcome: 'UTFALL' }
    : { action: 'ACTION', id: 'ID', year2: 'YEAR2', target: 'TARGET', file: 'FILE', plan: 'PLAN', outcome: 'OUTCOME' };
  const project = (y: Argv) => y.positional(P, { type: 'string', describe: sv ? 'projektfil (JSON/YAML) eller projektmapp' : 'project file (JSON/YAML) or project folder', demandOption: true });
  const pseudo = { type: 'boolean' as const, describe: sv ? 'ersätt personidentifierare med nycklade hashvärden' : 'replace personal identifiers with keyed hashes' };
  const keyFile = { type: 'string' as const, describe: sv ? 'nyckelfil för --pseudonymisera (standard: PROJEKTMAPP/.samnytta-nyckel; aldrig i en utdatamapp)' : 'key file for --pseudonymisera (default: PROJECT_FOLDER/.samnytta-nyckel; never in an output folder)' };

  return yargs(args)
    .scriptName('samnytta')
    .locale(lang)
    // yargs accepts { one, other } plural forms; @types/yargs types the values as strings only.
    .updateStrings((sv ? YARGS_SV : {}) as unknown as Record<string, string>)
    .usage(sv ? 'samnytta — samhällsekonomisk utvärdering av insatser (NyttoSam-traditionen)\n\nAnvändning: $0 <kommando> [flaggor]' : 'samnytta — socio-economic evaluation of interventions (NyttoSam tradition)\n\nUsage: $0 <command> [options]')
    .option('lang', { choices: ['sv', 'en'] as const, default: 'sv', describe: sv ? 'språk för utdata och meddelanden' : 'language of output and messages', global: true })
    .command(`calc <${P}>`, sv ? 'beräkna resultat per aktör för 1 och 5 år med återbetalningstid' : 'calculate results per actor for 1 and 5 years with payback',
      (y) => project(y).option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'tabell eller resultat-JSON (metoden §9)' : 'table or results JSON (method §9)' })
        .option('per-kategori', { type: 'boolean', default: false, defaultDescription: sv ? 'nej' : 'no', describe: sv ? 'visa varje aktörs årliga effekt per kategori (ersättningar, skatter, vård och andra resurser …)' : 'show each actor\'s annual effect by category (benefits, taxes, care and other resources …)' })
        .option('per-kommun', { type: 'boolean', default: false, defaultDescription: sv ? 'nej' : 'no', describe: sv ? 'visa varje medlemskommuns effekt, kostnad och återbetalningstid (efter deltagarnas kommun)' : 'show each member kommun\'s effect, cost and payback (by the participants\' kommun)' })
        .option('pseudonymisera', pseudo).option('nyckelfil', keyFile)
        .example('$0 calc data/examples/unga-vuxna-coachning/projekt.yaml', sv ? 'sammanfattning i tabellform' : 'summary table')
        .example('$0 calc data/examples/unga-vuxna-coachning/projekt.yaml --per-kategori', sv ? 'effekt per aktör och kategori' : 'effect by actor and category')
        .example('$0 calc mitt-projekt --format json', sv ? 'resultat-JSON' : 'results JSON'),
      wrap(async (a) => { const { calc } = await import('./commands/calc.js'); await calc({ project: a[P], format: a.format, perKategori: a.perKategori, perKommun: a.perKommun, lang: a.lang, pseudonymisera: a.pseudonymisera, nyckelfil: a.nyckelfil }, io); }))
    .command(`validate <${P}>`, sv ? 'kontrollera en projektfil och lista alla problem på en gång' : 'check a project file and list every problem at once',
      (y) => project(y).option('pseudonymisera', pseudo).option('nyckelfil', keyFile),
      wrap(async (a) => { const { validate } = await import('./commands/validate.js'); await validate({ project: a[P], lang: a.lang, pseudonymisera: a.pseudonymisera, nyckelfil: a.nyckelfil }, io); }))
    .command(`catalog <${N.action}> [${N.id}] [${N.year2}]`, sv ? 'kostnadskatalogen: list | show ID | diff ÅR1 ÅR2' : 'the cost catalogue: list | show ID | diff YEAR1 YEAR2',
      (y) => y.positional(N.action, { choices: ['list', 'show', 'diff'] as const, demandOption: true })
        .positional(N.id, { type: 'string', describe: sv ? 'post-id (show) eller första året (diff)' : 'item id (show) or first year (diff)' })
        .positional(N.year2, { type: 'number', describe: sv ? 'andra året (diff)' : 'second year (diff)' })
        .option('year', { type: 'number', describe: sv ? 'prisår för list (standard: senaste)' : 'price year for list (default: latest)' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'utdata: tabell (table) eller JSON' : 'output: table or JSON' })
        .check((argv) => {
          const a = argv as Record<string, unknown>; // positional names are the user's language's
          if (a[N.action] === 'show' && !a[N.id]) throw usage(sv ? 'catalog show kräver ett id' : 'catalog show needs an id');
          if (a[N.action] === 'diff' && (!/^\d{4}$/.test(String(a[N.id])) || !a[N.year2])) throw usage(sv ? 'catalog diff kräver två år, t.ex. catalog diff 2024 2025' : 'catalog diff needs two years, e.g. catalog diff 2024 2025');
          return true;
        })
        .example('$0 catalog show kommun.forsorjningsstod', '')
        .example('$0 catalog diff 2024 2025', ''),
      wrap(async (a) => { const { catalog } = await import('./commands/catalog.js'); await catalog({ action: a[N.action], id: a[N.id], year1: a[N.action] === 'diff' ? Number(a[N.id]) : undefined, year2: a[N.year2], year: a.year, format: a.format, lang: a.lang }, io); }))
    .command(`init <${D}>`, sv ? 'skapa en projektmapp med projekt.yaml och Excel-mall för deltagare' : 'create a project folder with projekt.yaml and an Excel template for participants',
      (y) => y.positional(D, { type: 'string', demandOption: true, describe: sv ? 'ny projektmapp (får inte finnas eller måste vara tom)' : 'new project folder (must not exist or be empty)' }).option('aggregerad', { type: 'boolean', default: false, defaultDescription: sv ? 'nej' : 'no', describe: sv ? 'mall för aggregerad övergångstabell (försörjning före × efter → antal)' : 'template for an aggregated transition table (support before × after → count)' }),
      wrap(async (a) => { const { init } = await import('./commands/init.js'); await init({ dir: a[D], aggregerad: a.aggregerad, lang: a.lang }, io); }))
    .command(`report <${P}>`, sv ? 'skriv rapporter: html, pdf, xlsx, md, json' : 'write reports: html, pdf, xlsx, md, json',
      (y) => project(y)
        .option('out', { type: 'string', demandOption: true, describe: sv ? 'utdatamapp' : 'output folder' })
        .option('format', { type: 'string', default: 'html,pdf,xlsx,md,json', describe: sv ? 'kommaseparerade format: html, pdf, xlsx, md, json (pdf kräver Chrome, Edge eller Chromium)' : 'comma-separated formats: html, pdf, xlsx, md, json (pdf needs Chrome, Edge or Chromium)' })
        .option('datum', { type: 'string', describe: datumHelp })
        .option('pseudonymisera', pseudo).option('nyckelfil', keyFile)
        .option('deltagarrader', { type: 'boolean', describe: sv ? 'Excel-rapporten med en rad per deltagare (internt bruk; varje blad märks "internt – ej för publicering"); standard: rader per läge × post' : 'the Excel report with one row per participant (internal use; every sheet marked "internal – not for publication"); default: rows per situation × item' })
        .option('per-kommun', { type: 'boolean', describe: sv ? 'tabell per medlemskommun (visas alltid när nyckeln anger medlemmar eller deltagarna bor i flera kommuner)' : 'a table per member kommun (always shown when the key names members or the participants live in several kommuner)' }),
      wrap(async (a) => { const { report } = await import('./commands/report.js'); await report({ project: a[P], out: a.out, formats: String(a.format).split(',').map((f) => f.trim()).filter(Boolean), datum: a.datum, lang: a.lang, pseudonymisera: a.pseudonymisera, nyckelfil: a.nyckelfil, deltagarrader: a.deltagarrader, perKommun: a.perKommun }, io); }))
    .command(`sensitivity <${P}>`, sv ? 'känslighetsanalys: NyttoSam-klassiker, tornado och brytvärden' : 'sensitivity analysis: NyttoSam classics, tornado and switching values',
      (y) => project(y).option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'utdata: tabell (table) eller JSON' : 'output: table or JSON' }),
      wrap(async (a) => { const { sensitivity } = await import('./commands/sensitivity.js'); await sensitivity({ project: a[P], format: a.format, lang: a.lang }, io); }))
    .command(`breakeven <${P}>`, sv ? 'minsta andel deltagare som måste nå en efter-situation för att insatsen ska återbetala sig' : 'smallest share of participants who must reach an after-situation for the intervention to pay back',
      (y) => project(y).option('till', { type: 'string', demandOption: true, describe: sv ? 'efter-situation, t.ex. anstallning eller ett post-id' : 'after-situation, e.g. anstallning or an item id' }).option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'utdata: tabell (table) eller JSON' : 'output: table or JSON' }),
      wrap(async (a) => { const { breakeven } = await import('./commands/breakeven.js'); await breakeven({ project: a[P], till: a.till, format: a.format, lang: a.lang }, io); }))
    .command(`montecarlo <${P}>`, sv ? 'osäkerhetsanalys med seedad Monte Carlo per aktör' : 'uncertainty analysis with seeded Monte Carlo per actor',
      (y) => project(y).option('draws', { type: 'number', default: 1000, describe: sv ? 'antal dragningar (fler ger stabilare percentiler)' : 'number of draws (more give steadier percentiles)' }).option('seed', { type: 'number', default: 1, describe: sv ? 'frö för slumptalen; samma frö ger samma resultat' : 'random seed; the same seed gives the same result' }).option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'utdata: tabell (table) eller JSON' : 'output: table or JSON' }),
      wrap(async (a) => { const { montecarlo } = await import('./commands/montecarlo.js'); await montecarlo({ project: a[P], draws: a.draws, seed: a.seed, format: a.format, lang: a.lang }, io); }))
    .command([`portfolj <${D}>`, 'portfolio'], sv ? 'portfölj: alla projekt och prognoser i en mapp sida vid sida, avvikelser från medelvärde och förbundets summor' : "portfolio: every project and forecast in a folder side by side, deviations from the mean and the förbund's totals",
      (y) => y.positional(D, { type: 'string', demandOption: true, describe: sv ? 'mapp med projekt (projektmappar eller JSON/YAML-filer)' : 'folder of projects (project folders or JSON/YAML files)' })
        .option('format', { type: 'string', default: 'table', describe: sv ? 'kommaseparerade format: table, json, xlsx, html' : 'comma-separated formats: table, json, xlsx, html' })
        .option('out', { type: 'string', describe: sv ? 'utdatamapp (krävs för xlsx och html; json skrivs dit i stället för till stdout)' : 'output folder (required for xlsx and html; json goes there instead of stdout)' })
        .option('prisar', { type: 'number', describe: sv ? 'prisår att räkna om alla belopp till med KPI (standard: projektens senaste)' : "price year to uprate every amount to with the CPI (default: the projects' latest)" })
        .example('$0 portfolj data/examples', sv ? 'portföljen som tabell' : 'the portfolio as a table')
        .example('$0 portfolj data/examples --format table,json,xlsx,html --out portfolj', sv ? 'alla format till mappen portfolj' : 'every format to the folder portfolj'),
      wrap(async (a) => { const { portfolio } = await import('./commands/portfolio.js'); await portfolio({ folder: a[D], formats: String(a.format).split(',').map((f) => f.trim()).filter(Boolean), out: a.out, prisar: a.prisar, lang: a.lang }, io); }))
    .command(`jamforelse <${N.target}> [${N.file}]`, sv ? 'jämförande värden: projektet eller portföljen bredvid publicerade resultat i samma insatsklass; lagg-till FIL | kontrollera [FIL]' : 'comparative values: the project or portfolio beside published results of its insatsklass; lagg-till FILE | kontrollera [FILE]',
      (y) => y.positional(N.target, { type: 'string', demandOption: true, describe: sv ? 'projekt, projektmapp eller mapp med projekt; eller lagg-till / kontrollera' : 'project, project folder or folder of projects; or lagg-till / kontrollera' })
        .positional(N.file, { type: 'string', describe: sv ? 'referensfil att skapa (lagg-till) eller kontrollera' : 'reference file to create (lagg-till) or check (kontrollera)' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'utdata: tabell (table) eller JSON' : 'output: table or JSON' })
        .option('prisar', { type: 'number', describe: sv ? 'prisår för jämförelsen (standard: projektets)' : "price year of the comparison (default: the project's)" })
        .option('referens', { type: 'string', describe: sv ? 'mapp eller fil med referensposter (standard: data/benchmarks)' : 'folder or file of reference entries (default: data/benchmarks)' })
        .example('$0 jamforelse data/examples/unga-vuxna-coachning', sv ? 'projektet bredvid referensposterna i dess klass' : 'the project beside the reference entries of its class')
        .example('$0 jamforelse lagg-till data/benchmarks/mitt-projekt-2024.yaml', sv ? 'mall för en ny referenspost' : 'template for a new reference entry'),
      wrap(async (a) => { const { jamforelse } = await import('./commands/jamforelse.js'); await jamforelse({ target: a[N.target], file: a[N.file], format: a.format, prisar: a.prisar, referens: a.referens, lang: a.lang }, io); }))
    .command(`prognos <${N.plan}>`, sv ? 'prognos inför en ESF-ansökan eller social investeringsfond: per aktör, break-even och Monte Carlo per finansiär, återföring' : 'forecast for an ESF application or social-investment fund: per actor, break-even and Monte Carlo per funder, återföring',
      (y) => y.positional(N.plan, { type: 'string', demandOption: true, describe: sv ? 'prognosfil (kind: prognos) eller mapp' : 'plan file (kind: prognos) or folder' })
        .option('format', { type: 'string', describe: sv ? 'table (standard) eller json; med --out kommaseparerade rapportformat (standard html,pdf,md,json,xlsx)' : 'table (default) or json; with --out comma-separated report formats (default html,pdf,md,json,xlsx)' })
        .option('out', { type: 'string', describe: sv ? 'skriv prognosrapport och ensidig ansökningssammanfattning till mappen' : 'write the forecast report and the one-page application summary to the folder' })
        .option('datum', { type: 'string', describe: datumHelp })
        .option('draws', { type: 'number', default: 2000, describe: sv ? 'antal Monte Carlo-dragningar' : 'number of Monte Carlo draws' })
        .option('seed', { type: 'number', default: 1, describe: sv ? 'slumpfrö (samma frö ger samma tal)' : 'random seed (the same seed gives the same numbers)' })
        .example('$0 prognos data/examples/esf-prognos', sv ? 'prognosen i tabellform' : 'the forecast as a table')
        .example('$0 prognos data/examples/esf-prognos --format json', sv ? 'prognos-JSON' : 'forecast JSON')
        .example('$0 prognos data/examples/esf-prognos --out prognos', sv ? 'prognosrapport och ansökningssammanfattning' : 'forecast report and application summary'),
      wrap(async (a) => { const { prognos } = await import('./commands/prognos.js'); await prognos({ plan: a[N.plan], format: a.format ?? (a.out ? 'html,pdf,md,json,xlsx' : 'table'), out: a.out, datum: a.datum, draws: a.draws, seed: a.seed, lang: a.lang }, io); }))
    .command(`jamfor <${N.plan}> <${N.outcome}>`, sv ? 'prognos mot utfall: prognosen bredvid utfallet per aktör, skillnaden uppdelad på kostnad, priser, volym och utfall' : 'forecast against outcome: the forecast beside the outcome per actor, the difference split into cost, prices, volume and outcome',
      (y) => y.positional(N.plan, { type: 'string', demandOption: true, describe: sv ? 'prognosfil (kind: prognos) eller mapp' : 'plan file (kind: prognos) or folder' })
        .positional(N.outcome, { type: 'string', demandOption: true, describe: sv ? 'utfallet: ett projekt (deltagare eller övergångstabell)' : 'the outcome: a project (participants or transition table)' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table', describe: sv ? 'tabell eller JSON (kind: comparison)' : 'table or JSON (kind: comparison)' })
        .example('$0 jamfor data/examples/esf-prognos data/examples/esf-utfall', ''),
      wrap(async (a) => { const { jamfor } = await import('./commands/jamfor.js'); await jamfor({ plan: a[N.plan], utfall: a[N.outcome], format: a.format, lang: a.lang }, io); }))
    .demandCommand(1, sv ? 'ange ett kommando (se --help)' : 'give a command (see --help)')
    .strict()
    .recommendCommands()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err, y) => {
      if (err) throw err;
      throw usage(msg);
    });
}

/** Runs the CLI and returns the exit code (never throws). */
export async function run(args: string[], io: Io = processIo): Promise<number> {
  try {
    await buildCli(args, io).parseAsync();
    return 0;
  } catch (e) {
    return exitCode(e, langOf(args), io);
  }
}

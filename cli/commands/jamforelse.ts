/**
 * `samnytta jamforelse PROJEKT|MAPP`: the project (or every project in a folder) beside the
 * reference entries of its insatsklass (data/benchmarks/, other evaluators' figures).
 * `samnytta jamforelse lagg-till FIL` writes a commented template for a new entry;
 * `samnytta jamforelse kontrollera [FIL|MAPP]` validates entries (default: the bundled set).
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { calculate } from '../../lib/calculate.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { PROJECT_FILE_NAMES } from '../../lib/model/read-project.js';
import { loadBenchmarks } from '../../lib/portfolio/benchmarks-load.js';
import { compare } from '../../lib/portfolio/compare.js';
import { comparisonJson, comparisonTable } from '../../lib/report/portfolio/compare-present.js';
import { loadPortfolio } from '../../lib/portfolio/load.js';
import { buildPortfolio, type PortfolioInput } from '../../lib/portfolio/portfolio.js';
import { formatProblem, type Problem } from '../../lib/util/errors.js';
import { ExitError, writeFilesAtomically, type GlobalOptions, type Io } from '../io.js';
import { loadProject } from './load-project.js';

export interface JamforelseOptions extends GlobalOptions {
  target: string;
  file?: string;
  format: 'table' | 'json';
  prisar?: number;
  referens?: string;
}

/** The template `lagg-till` writes: every key, commented, values to replace. */
export function benchmarkTemplate(id: string): string {
  return `# Referenspost för samnytta (data/benchmarks/README.md beskriver formatet).
# Andra utvärderares siffror, andra metoder: skriv bara det som står i rapporten, lämna resten tomt.
# Kontrollera med: npx samnytta jamforelse kontrollera ${id}.yaml
id: ${id}                      # samma som filnamnet
title: "Rapportens titel"
evaluator: Vem som utvärderade
method: NyttoSam, före/efter per deltagare   # metoden med egna ord
kind: utvardering              # utvardering (uppföljt utfall) eller prognos (förväntat utfall)
# insatsklass: unga-vuxna/coachning   # målgrupp/insatstyp ur data/insatsklasser.yaml, om rapporten visar båda
year: 2024                     # utgivningsår (eller yearUnknown: "varför året inte går att läsa")
# priceYear: 2023              # beloppens prisår, om rapporten anger det (annars används year)
# priceYearStated: true        # sätt true när rapporten anger prisåret
# participants: 40             # antal deltagare som utvärderingen omfattar
sources:
  - title: "Rapportens titel (PDF på förbundets webbplats)"
    href: https://example.org/rapport.pdf      # ta bort raden om rapporten saknar adress
    retrieved: 2026-01-01       # datum då du läste den
    read: Hela rapporten.       # vad du kunde läsa
figures:                       # en rad per siffra i rapporten; tom lista [] om den inte anger några
  - key: payback               # costTotal | costPerParticipant | potentialPerParticipantYear | verkningsgrad | netPerParticipantYear | annualEffect | benefit | net | payback
    actor: samhallet           # samhallet, kommun, region, fk, af, staten, individ … (för annualEffect, benefit, net, payback)
    value: 12                  # kronor, månader eller andel (0.25 = 25 %)
    quote: "Återbetalningstiden för samhället är 12 månader."   # rapportens egna ord
    source: 0                  # index i sources
  - key: net
    actor: kommun
    horizon: 5                 # år (för benefit och net)
    value: 1600000
    approx: drygt              # drygt | knappt | narmare | cirka | over | under, om rapporten avrundar så
    quote: "Kommunens lönsamhet på fem år är drygt 1,6 Mkr."
    source: 0
notes: >-
  Annat rapporten säger, ordagrant citerat.
`;
}

function problemsError(problems: Problem[], o: GlobalOptions): ExitError {
  const errors = problems.filter((p) => p.severity === 'error');
  const head = o.lang === 'sv' ? `${errors.length} fel i referensposterna:` : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in the reference entries:`;
  return new ExitError(1, [head, ...errors.map((e) => `  ${formatProblem(e, o.lang)}`)].join('\n'));
}

export async function jamforelse(o: JamforelseOptions, io: Io): Promise<void> {
  const sv = o.lang === 'sv';
  const catalog = loadCatalog();
  if (o.target === 'lagg-till') {
    if (!o.file) throw new ExitError(2, sv ? 'ange filen att skapa, t.ex. samnytta jamforelse lagg-till data/benchmarks/mitt-projekt-2024.yaml' : 'give the file to create, e.g. samnytta jamforelse lagg-till data/benchmarks/my-project-2024.yaml');
    if (!/\.ya?ml$/.test(o.file)) throw new ExitError(2, sv ? `filen ska sluta på .yaml (fick ${o.file})` : `the file must end in .yaml (got ${o.file})`);
    if (existsSync(o.file)) throw new ExitError(1, sv ? `${o.file}: filen finns redan; välj ett annat namn` : `${o.file}: the file exists; choose another name`);
    const id = basename(o.file).replace(/\.ya?ml$/, '');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new ExitError(2, sv ? `filnamnet blir postens id: små bokstäver a–z, siffror och bindestreck (fick ${id})` : `the file name becomes the entry's id: lower-case a–z, digits and hyphens (got ${id})`);
    writeFilesAtomically([{ path: o.file, data: benchmarkTemplate(id) }]);
    io.err(sv ? `skrev mallen ${o.file}; fyll i den och kör samnytta jamforelse kontrollera ${o.file}\n` : `wrote the template ${o.file}; fill it in and run samnytta jamforelse kontrollera ${o.file}\n`);
    return;
  }
  if (o.target === 'kontrollera') {
    const { entries, problems } = loadBenchmarks(catalog, o.file ?? o.referens);
    if (problems.some((p) => p.severity === 'error')) throw problemsError(problems, o);
    io.out(sv ? `${entries.length} referensposter utan fel.\n` : `${entries.length} reference entries without errors.\n`);
    return;
  }

  const { entries, problems } = loadBenchmarks(catalog, o.referens);
  if (problems.some((p) => p.severity === 'error')) throw problemsError(problems, o);
  let inputs: PortfolioInput[];
  const isProject = existsSync(o.target) && (!statSync(o.target).isDirectory() || PROJECT_FILE_NAMES.some((n) => existsSync(`${o.target}/${n}`)));
  if (isProject) {
    const project = await loadProject(o.target, catalog, o, io);
    inputs = [{ file: o.target, project, result: calculate(project, catalog) }];
  } else {
    const loaded = await loadPortfolio(o.target, catalog);
    if (loaded.failures.length) throw new ExitError(1, [sv ? `${loaded.failures.length} projekt kunde inte räknas:` : `${loaded.failures.length} projects could not be calculated:`, ...loaded.failures.flatMap((f) => f.problems.map((e) => `  ${formatProblem(e, o.lang)}`))].join('\n'));
    inputs = loaded.inputs;
  }
  const c = compare(buildPortfolio(inputs, catalog, { priceYear: o.prisar }), entries, catalog);
  io.out(o.format === 'json' ? JSON.stringify(comparisonJson(c, o.lang), null, 2) + '\n' : comparisonTable(c, catalog, o.lang));
}

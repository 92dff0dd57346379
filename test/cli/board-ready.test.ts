/**
 * Issue 10, what a new user meets before the board: template placeholders warned about, an
 * English template with --lang en, kommun names with a genitive accepted and a misspelling
 * answered with a suggestion and the cell, and the template's kommun drop-down.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { init } from '../../cli/commands/init.js';
import { validate } from '../../cli/commands/validate.js';
import { report } from '../../cli/commands/report.js';
import { sensitivity } from '../../cli/commands/sensitivity.js';
import { montecarlo } from '../../cli/commands/montecarlo.js';
import { run } from '../../cli/main.js';
import { ExitError, type Io } from '../../cli/io.js';
import { formatProblem, InputError } from '../../lib/util/errors.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { suggestKommun, kommunDisplayName } from '../../lib/catalog/kommun.js';
import { taxRatesFor } from '../../lib/engine/tax/rates.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}
const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-board-'));

/** A fresh init folder whose project reads the CSV files (easy to edit in a test). */
async function csvProject(lang: 'sv' | 'en' = 'sv'): Promise<string> {
  const dir = join(tmp(), 'p');
  await init({ dir, lang }, capture());
  const yaml = readFileSync(join(dir, 'projekt.yaml'), 'utf8').replace(/^participantsFile: .*$/m, 'participantsFile: [csv/situationer.csv, csv/deltagare.csv]');
  writeFileSync(join(dir, 'projekt.yaml'), yaml);
  return dir;
}

/** Sets D001's kommun in csv/deltagare.csv (semicolon-separated, header first). */
function setKommun(dir: string, kommun: string): void {
  const file = join(dir, 'csv', 'deltagare.csv');
  const lines = readFileSync(file, 'utf8').split('\r\n');
  const head = lines[0].replace(/^\uFEFF/, '').split(';');
  const cells = lines[1].split(';');
  cells[head.indexOf('kommun')] = kommun;
  lines[1] = cells.join(';');
  writeFileSync(file, lines.join('\r\n'));
}

describe('template placeholders', () => {
  it('a fresh init folder (Excel template) validates without a warning about the template\'s own Kommuner sheet', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const dir = join(tmp(), 'p');
      await init({ dir, lang }, capture());
      const io = capture();
      await validate({ project: dir, lang }, io);
      // The hidden Kommuner sheet feeds the kommun drop-down; it is part of the template, not unread data.
      expect(io.stderr).not.toContain('Kommuner');
      expect(io.stderr.split('\n').filter((l) => l.startsWith(lang === 'sv' ? 'varning:' : 'warning:'))).toHaveLength(2); // name and description placeholders only
    }
  }, 120_000);

  it('validate and report warn about "Mitt projekt" and "Beskriv insatsen: …"; the report shows it', async () => {
    const dir = await csvProject();
    const io = capture();
    await validate({ project: dir, lang: 'sv' }, io);
    expect(io.stderr).toMatch(/varning: .*projekt\.yaml: name: projektnamnet är mallens platshållare/);
    expect(io.stderr).toContain('description: beskrivningen är mallens instruktion');
    const out = join(tmp(), 'ut');
    await report({ project: dir, out, formats: ['md'], lang: 'sv', datum: '2026-01-15' }, capture());
    const md = readFileSync(join(out, 'rapport.md'), 'utf8');
    expect(md).toContain('projektnamnet är mallens platshållare');
  }, 120_000);
  it('--lang en init writes the English template, and its placeholders are warned about too', async () => {
    const dir = await csvProject('en');
    const yaml = readFileSync(join(dir, 'projekt.yaml'), 'utf8');
    expect(yaml).toContain('name: "My project"');
    expect(yaml).toContain('Describe the intervention:');
    expect(yaml).toContain('# samnytta project.');
    expect(yaml).not.toMatch(/Beskriv|belopp i kronor/);
    const io = capture();
    await validate({ project: dir, lang: 'en' }, io);
    expect(io.stderr).toContain("name: the project name is the template's placeholder");
  }, 120_000);
});

describe('kommun names', () => {
  const catalog = loadCatalog();
  it('"Östersunds kommun" is Östersund; suggestions for misspellings', () => {
    expect(taxRatesFor(catalog, 2025, 'Östersunds kommun')).toEqual(taxRatesFor(catalog, 2025, 'Östersund'));
    expect(taxRatesFor(catalog, 2025, 'Östersund').source).toBe('kommun');
    expect(suggestKommun(catalog, 'Östersundd')).toBe('Östersund');
    expect(suggestKommun(catalog, 'Upplandsväsby')).toBe('Upplands Väsby');
    expect(suggestKommun(catalog, 'Xyzzyville')).toBeUndefined();
    expect(kommunDisplayName('MALUNG-SÄLEN')).toBe('Malung-Sälen');
  });
  it('a misspelt kommun in the participants file: error with the cell and "menade du Östersund?"', async () => {
    const dir = await csvProject();
    setKommun(dir, 'Östersundd');
    const e = await validate({ project: dir, lang: 'sv' }, capture()).then(() => null, (x) => x);
    expect(e).toBeInstanceOf(ExitError);
    expect((e as ExitError).code).toBe(1);
    expect((e as ExitError).message).toMatch(/deltagare\.csv: rad 2, kolumn kommun.*okänd kommun; menade du Östersund\? \(fick "Östersundd"\)/);
  }, 120_000);
  it('"Östersunds kommun" in the participants file validates', async () => {
    const dir = await csvProject();
    setKommun(dir, 'Östersunds kommun');
    const io = capture();
    await validate({ project: dir, lang: 'sv' }, io);
    expect(io.stdout).toContain('giltig');
  }, 120_000);
  it('the Excel template has a kommun drop-down from a hidden sheet of kommun names', async () => {
    const dir = join(tmp(), 'x');
    await init({ dir, lang: 'sv' }, capture());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'deltagare.xlsx'));
    const list = wb.getWorksheet('Kommuner')!;
    expect(list.state).toBe('hidden');
    const names = list.getColumn(1).values.slice(2) as string[];
    expect(names).toHaveLength(290);
    expect(names).toContain('Östersund');
    const people = wb.getWorksheet('Deltagare')!;
    expect(people.getCell('G1').value).toBe('kommun');
    expect(people.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['Kommuner!$A$2:$A$291'] });
  }, 120_000);
});

describe('messages in Swedish', () => {
  it('an invalid YAML project file is explained in Swedish with its row; the parser\'s English message only with --lang en', async () => {
    const file = join(tmp(), 'projekt.yaml');
    // The description continues on an indented line that looks like a key: a typical hand edit.
    writeFileSync(file, 'name: x\ndescription: y\n  Beskriv insatsen: z\npriceYear: 2025\n');
    const e = await validate({ project: file, lang: 'sv' }, capture()).then(() => null, (x: InputError) => x);
    expect(e).toBeInstanceOf(InputError); // exit 1 in the CLI, printed in the user's language
    const [p] = e!.problems;
    expect(formatProblem(p, 'sv')).toMatch(/projekt\.yaml: rad 2: ogiltig YAML: fel indrag/);
    expect(formatProblem(p, 'sv')).not.toMatch(/Nested|mappings|line \d/);
    expect(formatProblem(p, 'en')).toMatch(/row 2: invalid YAML: Nested mappings/);
  });
});

describe('sensitivity and Monte Carlo in Swedish', () => {
  it('the tornado\'s status column and the estimates note are Swedish labels, not catalogue words or ids', async () => {
    const io = capture();
    await sensitivity({ project: 'data/examples/unga-vuxna-coachning', format: 'table', lang: 'sv' }, io);
    expect(io.stdout).toMatch(/Handläggning försörjningsstöd\s+uppskattning/);
    expect(io.stdout).toMatch(/härledd/);
    expect(io.stdout).not.toMatch(/\b(estimate|derived|verified)\b/);
    const mc = capture();
    await montecarlo({ project: 'data/examples/unga-vuxna-coachning', format: 'table', lang: 'sv', draws: 50, seed: 1 }, mc);
    const text = mc.stdout + mc.stderr;
    expect(text).toContain('Uppskattade katalogvärden (status uppskattning, brett intervall): ');
    expect(text).not.toMatch(/params\.|status estimate/);
  }, 120_000);
});

describe('help in the user\'s language', () => {
  // The built CLI (npm test builds first): yargs prints help and exits the process.
  const help = (...args: string[]) => execFileSync(process.execPath, ['dist/cli/index.js', ...args], { encoding: 'utf8' });
  it('argument placeholders are Swedish (English with --lang en); no "false" or English placeholders in Swedish help', async () => {
    const svHelp = help('--help');
    expect(svHelp).toContain('samnytta catalog <VAD> [ID] [ÅR2]');
    expect(svHelp).toContain('samnytta jamforelse <MÅL> [FIL]');
    expect(svHelp).toContain('samnytta jamfor <PLAN> <UTFALL>');
    expect(svHelp).not.toMatch(/<(target|action|project|dir|plan)>|\[(file|year2)\]/);
    for (const c of ['calc', 'init', 'report', 'prognos']) expect(help(c, '--help'), c).not.toMatch(/standard: (false|true)|method §|prisårets 31 december/);
    expect(help('--help', '--lang', 'en')).toContain('samnytta catalog <ACTION> [ID] [YEAR2]');
    // The Swedish placeholders still take the arguments.
    const show = capture();
    expect(await run(['catalog', 'show', 'region.akutbesok'], show)).toBe(0);
    expect(show.stdout).toContain('region.akutbesok — Akutbesök, sjukhus');
  }, 60_000);
});

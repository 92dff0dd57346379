/**
 * init → fill → validate (all errors listed) → calc, end to end, calling the command functions
 * directly with a capturing Io, as a new user would in the README walkthrough.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calc } from '../../cli/commands/calc.js';
import { init } from '../../cli/commands/init.js';
import { validate } from '../../cli/commands/validate.js';
import { ExitError, type Io } from '../../cli/io.js';
import { priceProject } from '../../lib/engine/price.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { subgroupTables } from '../../lib/results/subgroups.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

async function failure(p: Promise<unknown>): Promise<ExitError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExitError) return e;
    throw e;
  }
  throw new Error('expected an ExitError');
}

const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-init-'));

describe('samnytta init', () => {
  it('init → validate → calc: the template example rows validate and calculate', async () => {
    const dir = join(tmp(), 'mitt-projekt');
    const io = capture();
    const { files } = await init({ dir, lang: 'sv' }, io);
    expect(files).toEqual(['projekt.yaml', 'deltagare.xlsx', 'csv/deltagare.csv', 'csv/situationer.csv']);
    expect(io.stdout).toMatch(/npx samnytta validate/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'deltagare.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Deltagare', 'Situationer', 'Instruktioner', 'Poster', 'Kommuner']);
    const posts = wb.getWorksheet('Poster')!;
    expect(posts.rowCount - 1).toBe(loadCatalog().items.size);

    const v = capture();
    await validate({ project: dir, lang: 'sv' }, v);
    expect(v.stdout).toMatch(/giltig \(3 deltagare\/typfall/);
    expect(v.stderr).toMatch(/17 rader lästa, 17 använda, 0 avvisade/);

    const c = capture();
    const { result } = await calc({ project: dir, format: 'json', lang: 'sv' }, c);
    const json = JSON.parse(c.stdout);
    expect(json.schema).toBe('samnytta/result@1');
    expect(json.participants).toBe(3);
    expect(result.groups.samhallet.annualEffect).toBeGreaterThan(0);
  });

  it('the CSV equivalents give the same participants', async () => {
    const dir = join(tmp(), 'csv-projekt');
    await init({ dir, lang: 'sv' }, capture());
    const yaml = readFileSync(join(dir, 'projekt.yaml'), 'utf8').replace('participantsFile: deltagare.xlsx', 'participantsFile: [csv/situationer.csv, csv/deltagare.csv]');
    writeFileSync(join(dir, 'projekt.yaml'), yaml);
    const fromCsv = await calc({ project: dir, format: 'json', lang: 'sv' }, capture());
    const xlsxDir = join(tmp(), 'x');
    await init({ dir: xlsxDir, lang: 'sv' }, capture());
    const fromXlsx = await calc({ project: xlsxDir, format: 'json', lang: 'sv' }, capture());
    expect(fromCsv.project.participants).toEqual(fromXlsx.project.participants);
  });

  it('a filled workbook with mistakes: validate lists every error at once with sheet, row and column, then passes when fixed', async () => {
    const dir = join(tmp(), 'p');
    await init({ dir, lang: 'sv' }, capture());
    const file = join(dir, 'deltagare.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const people = wb.getWorksheet('Deltagare')!;
    people.addRow(['D004', 1, 'kvinna', 'nittonhundra']);
    const sits = wb.getWorksheet('Situationer')!;
    sits.addRow(['D004', 'före', 'kommun.forsorjningsstöd', 12]);
    sits.addRow(['D004', 'efter', 'arbete.osubventionerad_anstallning', 14, null, null, null, 15000]);
    sits.addRow(['D005', 'efter', 'region.primarvard_besok', 12, 40]);
    await wb.xlsx.writeFile(file);
    writeFileSync(join(dir, 'projekt.yaml'), readFileSync(join(dir, 'projekt.yaml'), 'utf8').replace('total: 1000000', 'total: -5'));

    const io = capture();
    const e = await failure(validate({ project: dir, lang: 'sv' }, io));
    expect(e.code).toBe(1);
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('7 fel hittades; rätta dem och kör igen:');
    expect(e.message).toMatch(/deltagare\.xlsx: blad Deltagare: rad 5, kolumn fodelsear \(D5\): födelseår anges som ett årtal/);
    expect(e.message).toMatch(/blad Situationer: rad 16, kolumn deltagare \(A16\): raden kan inte användas eftersom deltagarens rad/);
    expect(e.message).toMatch(/blad Situationer: rad 17, kolumn manader \(D17\): 14 månader är fler än situationens observationstid/);
    expect(e.message).toMatch(/blad Situationer: rad 18, kolumn deltagare \(A18\): deltagaren finns inte i deltagartabellen/);
    expect(e.message).toMatch(/projekt\.yaml: cost\.total: får inte vara negativt \(fick -5\)/);
    expect(io.stderr).toMatch(/21 rader lästa, 17 använda, 4 avvisade/);
    expect(io.stderr).toMatch(/varning: .*rad 17, kolumn lon \(H17\): lönen är lägre än lägsta avtalslön/);

    // English messages with --lang en.
    const en = await failure(validate({ project: dir, lang: 'en' }, capture()));
    expect(en.message).toMatch(/sheet Situationer: row 17, column manader \(D17\): 14 months exceed/);

    // Fix the mistakes; the visit warning (40 per month) remains a warning, not an error.
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(file);
    wb2.getWorksheet('Deltagare')!.getRow(5).getCell(4).value = 1990;
    const s2 = wb2.getWorksheet('Situationer')!;
    s2.getRow(16).getCell(3).value = 'kommun.forsorjningsstod';
    s2.getRow(17).getCell(4).value = 12;
    s2.getRow(17).getCell(8).value = 25000;
    s2.getRow(18).getCell(1).value = 'D004';
    await wb2.xlsx.writeFile(file);
    writeFileSync(join(dir, 'projekt.yaml'), readFileSync(join(dir, 'projekt.yaml'), 'utf8').replace('total: -5', 'total: 1200000'));
    const ok = capture();
    await validate({ project: dir, lang: 'sv' }, ok);
    expect(ok.stdout).toMatch(/giltig \(4 deltagare/);
    expect(ok.stderr).toMatch(/varning: .*blad Situationer: rad 18, kolumn antal_per_manad: fler än 31 besök per månad \(fick 40\)/);
    const { project, result } = await calc({ project: dir, format: 'table', lang: 'sv' }, capture());
    const tables = subgroupTables(priceProject(project, loadCatalog()), result, project);
    expect(tables.map((t) => t.dimension)).toEqual(['kon', 'aldersgrupp', 'utbildning', 'hushallstyp']);
    expect(tables[0].rows.every((r) => r.suppressed)).toBe(true);
  });

  it('init --aggregerad writes a transition template that validates and calculates', async () => {
    const dir = join(tmp(), 'agg');
    const { files } = await init({ dir, aggregerad: true, lang: 'sv' }, capture());
    expect(files).toEqual(['projekt.yaml', 'overgangar.xlsx', 'csv/overgangar.csv']);
    const v = capture();
    await validate({ project: dir, lang: 'sv' }, v);
    expect(v.stdout).toMatch(/giltig \(7 deltagare\/typfall, 38 viktade deltagare/);
    const { result } = await calc({ project: dir, format: 'json', lang: 'sv' }, capture());
    expect(result.participants).toBe(38);
  });

  it('refuses to write into an existing non-empty folder (exit 1 with a hint)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'finns'));
    writeFileSync(join(dir, 'finns', 'x.txt'), 'x');
    const e = await failure(init({ dir: join(dir, 'finns'), lang: 'sv' }, capture()));
    expect(e.code).toBe(1);
    expect(e.message).toMatch(/inte tom.*samnytta init .*finns-2/);
    await init({ dir: join(dir, 'tom'), lang: 'sv' }, capture());
  });
});

/**
 * Issue 13, input side: personal data screened everywhere and never echoed, every row accounted
 * for, no crash on file-system conditions or third-party workbooks, one policy for YAML, JSON,
 * CSV and XLSX. Valid personnummer are BUILT AT RUNTIME (no Luhn-valid number is committed).
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { calculate } from '../../lib/calculate.js';
import { containsPersonalNumber, personalDataColumn } from '../../lib/model/personal-number.js';
import { duplicateJsonKey, readProject } from '../../lib/model/read-project.js';
import { readParticipantsFile } from '../../lib/model/participants-file.js';
import { readXlsx } from '../../lib/model/tabular/read-xlsx.js';
import { nodeFiles } from '../../lib/model/node-files.js';
import { keyPseudonymiser } from '../../lib/model/personal-data.js';
import { readCsv } from '../../lib/model/tabular/read-csv.js';
import { readInputFile } from '../../lib/model/input-file.js';
import { validateProject } from '../../lib/model/project.js';
import { formatProblem, InputError, type Problem } from '../../lib/util/errors.js';
import { luhnDigit, swedishExcelCsv, testCatalog, workbook } from '../model/fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-h-'));
const catalog = loadCatalog();
/** A valid personnummer for a birth date and serial (10 digits). */
const valid = (yymmdd: string, nnn: string) => `${yymmdd}${nnn}${luhnDigit(yymmdd + nnn)}`;
const PNR = valid('850709', '238');
const spellings = (ten: string, century = '19') => [
  ten, `${ten.slice(0, 6)}-${ten.slice(6)}`, `${ten.slice(0, 6)}+${ten.slice(6)}`, `${ten.slice(0, 6)}\u2013${ten.slice(6)}`, `${ten.slice(0, 6)}\u2014${ten.slice(6)}`,
  `${ten.slice(0, 6)} - ${ten.slice(6)}`, `${ten.slice(0, 6)} ${ten.slice(6)}`, `${century}${ten}`, `${century}${ten.slice(0, 6)}-${ten.slice(6)}`,
  `${century}${ten.slice(0, 2)}-${ten.slice(2, 4)}-${ten.slice(4, 6)}-${ten.slice(6)}`, `${ten.slice(0, 2)} ${ten.slice(2, 4)} ${ten.slice(4, 6)}-${ten.slice(6)}`,
];
/** Everything a user could see: problems in both languages, the project and notes. */
const shown = (r: unknown, problems: Problem[]) => JSON.stringify(r) + problems.map((p) => formatProblem(p, 'sv') + formatProblem(p, 'en')).join('\n');
const serial = (s: string) => s.replace(/\D/g, '').slice(-4);

function project(dir: string, body: Record<string, unknown>, name = 'projekt.json'): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ name: 'x', priceYear: 2025, cost: { total: 1, financing: 'finsam' }, ...body }));
  return f;
}
const inline = (extra: Record<string, unknown> = {}) => ({ participants: [{ id: 'D001', fore: { lines: [{ item: 'kommun.forsorjningsstod', months: 12 }] }, efter: { lines: [] }, ...extra }] });

describe('containsPersonalNumber(): every common spelling', () => {
  it('detects dashes of any kind, spaces, + and the century, for personnummer and samordningsnummer', () => {
    for (const s of [...spellings(PNR), ...spellings(valid('850769', '238'))]) expect(containsPersonalNumber(`text ${s} text`), s).toBe(true);
  });
  it('leaves dates, date ranges, amounts and phone-like numbers alone', () => {
    for (const s of ['2023-01-01 – 2024-06-30', '2 400 000 kr', 'D001', '1,5', '12 12 12', '2024-01-01 12:00']) expect(containsPersonalNumber(s), s).toBe(false);
  });
});

describe('personalDataColumn(): documented list and pattern', () => {
  it('refuses name and contact columns in Swedish and English, not kommunnamn', () => {
    for (const h of ['Klientnamn', 'Kontaktperson', 'Client name', 'Contact person', 'Surname', 'Tilltalsnamn', 'Telefon', 'E-post']) expect(personalDataColumn(h), h).toBe('name');
    for (const h of ['Kommunnamn', 'Kommun', 'Post', 'antal']) expect(personalDataColumn(h), h).toBeNull();
  });
});

describe('readProject(): the one personal-data screen', () => {
  it('refuses a personnummer in name, description, attributes, egen labels, mapping labels and kommun, by place, never echoed', async () => {
    const dir = tmp();
    const [a, b, c, d, e, f] = spellings(PNR).slice(4);
    const file = project(dir, {
      name: a, description: `om ${b}`,
      participants: [{
        id: 'D001', attributes: { utbildning: c, hushallstyp: d, kommun: e },
        fore: { lines: [{ item: 'egen', label: f, months: 1, postings: [{ actor: 'kommun', kind: 'real', amountPerMonth: -1 }] }] }, efter: { lines: [] },
      }],
    });
    const r = await readProject(file, catalog);
    const errors = r.problems.filter((p) => p.severity === 'error');
    for (const path of ['name', 'description', 'participants[0].attributes.utbildning', 'participants[0].attributes.hushallstyp', 'participants[0].attributes.kommun', 'participants[0].fore.lines[0].label']) {
      expect(errors.some((p) => p.path === path && /personnummer/.test(p.sv)), path).toBe(true);
    }
    const out = shown(r, r.problems);
    for (const s of [a, b, c, d, e, f]) expect(out).not.toContain(s);
    expect(out).not.toContain(serial(a));
  });

  it('refuses a personnummer in a transition mapping label and in an inline transitions table', async () => {
    const dir = tmp();
    const file = project(dir, {
      transitions: [{ forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'arbete', antal: 5, kon: PNR }],
      mapping: { egen_kategori: { label: `${PNR.slice(0, 6)}\u2013${PNR.slice(6)}`, lines: [] } },
    });
    const r = await readProject(file, catalog);
    expect(r.project).toBeUndefined();
    expect(r.problems.filter((p) => /personnummer/.test(p.sv)).map((p) => p.path).sort()).toEqual(['mapping.egen_kategori.label', 'transitions[0].kon']);
    expect(shown(r, r.problems)).not.toContain(serial(PNR));
  });
});

describe('tables: personal data in headers, extra sheets and name columns', () => {
  it('refuses a personnummer as a CSV column header without echoing it (also not in the unknown-column warning)', async () => {
    const dir = tmp();
    const f = join(dir, 's.csv');
    const h = `19${PNR.slice(0, 6)}-${PNR.slice(6)}`;
    writeFileSync(f, swedishExcelCsv([['deltagare', 'lage', 'post', 'manader', h], ['D001', 'fore', 'kommun.forsorjningsstod', 12, null]]));
    const r = await readParticipantsFile(f, testCatalog(), { files: nodeFiles });
    expect(r.problems.some((p) => p.severity === 'error' && p.row === 1 && p.column === 'E')).toBe(true);
    expect(shown(r, r.problems)).not.toContain(serial(PNR));
  });

  it('refuses a personnummer on an extra sheet samnytta does not read', async () => {
    const dir = tmp();
    const f = join(dir, 'd.xlsx');
    writeFileSync(f, await workbook((wb) => {
      const s = wb.addWorksheet('Situationer');
      s.addRow(['deltagare', 'lage', 'post', 'manader']);
      s.addRow(['D001', 'fore', 'kommun.forsorjningsstod', 12]);
      wb.addWorksheet('Anteckningar').addRow([Number(`19${PNR}`)]);
    }));
    const r = await readParticipantsFile(f, testCatalog(), { files: nodeFiles });
    expect(r.problems.some((p) => p.severity === 'error' && p.sheet === 'Anteckningar')).toBe(true);
    expect(shown(r, r.problems)).not.toContain(serial(PNR));
  });

  it('refuses Klientnamn and Kontaktperson columns, and a namn column in a transition file', async () => {
    const dir = tmp();
    const f = join(dir, 's.csv');
    writeFileSync(f, swedishExcelCsv([['deltagare', 'Klientnamn', 'Kontaktperson', 'lage', 'post', 'manader'], ['D001', 'Anna', 'Bo', 'fore', 'kommun.forsorjningsstod', 12]]));
    const r = await readParticipantsFile(f, testCatalog(), { files: nodeFiles });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.column)).toEqual(['Klientnamn', 'Kontaktperson']);
    expect(shown(r, r.problems)).not.toMatch(/Anna|"Bo"/);
    writeFileSync(join(dir, 'o.csv'), swedishExcelCsv([['forsorjning_fore', 'forsorjning_efter', 'antal', 'namn'], ['forsorjningsstod', 'arbete', 4, 'Anna']]));
    const t = await readProject(project(dir, { transitionsFile: 'o.csv' }), catalog);
    expect(t.project).toBeUndefined();
    expect(t.problems.filter((p) => p.severity === 'error').map((p) => p.column)).toEqual(['namn']);
  });

  it('--pseudonymisera hashes the id column and says it cannot cover a personnummer elsewhere', async () => {
    const dir = tmp();
    const f = join(dir, 's.csv');
    writeFileSync(f, swedishExcelCsv([['deltagare', 'lage', 'post', 'manader', 'anteckning'], [PNR, 'fore', 'kommun.forsorjningsstod', 12, PNR]]));
    const r = await readParticipantsFile(f, testCatalog(), { files: nodeFiles, pseudonymiser: keyPseudonymiser(join(dir, 'k', 'nyckel')).pseudonymiser });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.column)).toEqual(['anteckning', 'deltagare']);
    expect(errors[0].sv).toMatch(/ersätter bara deltagar-id-kolumnen/);
    expect(shown(r, r.problems)).not.toContain(serial(PNR));
  });
});

describe('tables: every row accounted for', () => {
  const sit = (rows: (string | number | null)[][]) => swedishExcelCsv([['deltagare', 'lage', 'post', 'manader'], ...rows]);
  it('an unrecognised header is an error, not a skipped table', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.csv'), sit([['D001', 'fore', 'kommun.forsorjningsstod', 12]]));
    writeFileSync(join(dir, 'p.csv'), 'foo;bar;baz\n1;2;3\n');
    const r = await readParticipantsFile([join(dir, 's.csv'), join(dir, 'p.csv')], testCatalog(), { files: nodeFiles });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.row}`)).toEqual([`${join(dir, 'p.csv')}:1`]);
  });

  it('the same file listed twice is an error (also through a symbolic link)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.csv'), sit([['D001', 'fore', 'kommun.forsorjningsstod', 12]]));
    symlinkSync(join(dir, 's.csv'), join(dir, 'l.csv'));
    for (const second of ['s.csv', 'l.csv']) {
      const r = await readParticipantsFile([join(dir, 's.csv'), join(dir, second)], testCatalog(), { files: nodeFiles });
      expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.sv)).toEqual([expect.stringMatching(/anges två gånger/)]);
      // Counted once.
      expect(r.counts.map((c) => c.read)).toEqual([1]);
    }
  });

  it('a file given both as participants and as the comparison group is an error (also through a link), read once', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.csv'), sit([['D001', 'fore', 'kommun.forsorjningsstod', 12], ['D001', 'efter', 'kommun.forsorjningsstod', 6]]));
    symlinkSync(join(dir, 's.csv'), join(dir, 'l.csv'));
    for (const second of ['s.csv', 'l.csv', './s.csv']) {
      const r = await readProject(project(dir, { participantsFile: 's.csv', comparison: { participantsFile: second } }), catalog);
      const errors = r.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.path, p.value])).toEqual([['comparison.participantsFile', second]]);
      expect(errors[0].sv).toMatch(/både som deltagare \(participantsFile: s\.csv\) och som jämförelsegrupp/);
      expect(r.project).toBeUndefined();
    }
    // A different file for the comparison group is accepted.
    writeFileSync(join(dir, 'c.csv'), sit([['K001', 'fore', 'kommun.forsorjningsstod', 12], ['K001', 'efter', 'kommun.forsorjningsstod', 9]]));
    const ok = await readProject(project(dir, { participantsFile: 's.csv', comparison: { participantsFile: 'c.csv' } }), catalog);
    expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a row with more or fewer fields than its header is an error naming the row (unquoted decimal comma)', async () => {
    const dir = tmp();
    const f = join(dir, 's.csv');
    writeFileSync(f, 'deltagare,lage,post,manader,omfattning,lon\nD001,efter,arbete.osubventionerad_anstallning,12,0,5,24000\nD002,fore,kommun.forsorjningsstod\n');
    const r = await readParticipantsFile(f, testCatalog(), { files: nodeFiles });
    const width = r.problems.filter((p) => /fält men rubrikraden/.test(p.sv));
    expect(width.map((p) => [p.row, p.column])).toEqual([[2, 'G'], [3, 'D']]);
  });

  it('a header-only table is an error; a header-only Deltagare sheet is a warning the summary repeats', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.csv'), 'deltagare;lage;post;manader\n');
    const r = await readParticipantsFile(join(dir, 's.csv'), testCatalog(), { files: nodeFiles });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.sv)).toEqual(['tabellen har en rubrikrad men inga datarader']);
    const f = join(dir, 'd.xlsx');
    writeFileSync(f, await workbook((wb) => {
      wb.addWorksheet('Deltagare').addRow(['deltagare', 'kon']);
      const s = wb.addWorksheet('Situationer');
      s.addRow(['deltagare', 'lage', 'post', 'manader']);
      s.addRow(['D001', 'fore', 'kommun.forsorjningsstod', 12]);
      wb.addWorksheet('Egna anteckningar').addRow(['fritext']);
    }));
    const x = await readParticipantsFile(f, testCatalog(), { files: nodeFiles });
    expect(x.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(x.problems.map((p) => p.sheet)).toEqual(['Deltagare', 'Egna anteckningar']);
    expect(x.notes[0].sv).toMatch(/blad som inte lästs: Deltagare, Egna anteckningar/);
    expect(x.participants).toHaveLength(1);
  });

  it('separator detection skips title lines above the header', () => {
    const text = 'Deltagardata, export 2025-01-31, Kommun X\ndeltagare;lage;post;manader\nD001;fore;kommun.forsorjningsstod;1,5\n';
    const r = readCsv(Buffer.from(text), 's.csv', { headerKeys: ['deltagare'] });
    expect(r.delimiter).toBe(';');
    expect(r.problems).toEqual([]);
    expect(r.tables[0].rows[0].cells).toEqual(['D001', 'fore', 'kommun.forsorjningsstod', '1,5']);
  });
});

describe('file-system conditions: a clear message, never a throw', () => {
  it('participantsFile and transitionsFile naming a folder, a dangling link, a link loop', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'mapp.csv'));
    symlinkSync(join(dir, 'borta.csv'), join(dir, 'dangling.csv'));
    symlinkSync(join(dir, 'loop.csv'), join(dir, 'loop.csv'));
    for (const [key, name, re] of [['participantsFile', 'mapp.csv', /är en mapp/], ['transitionsFile', 'mapp.csv', /är en mapp/], ['participantsFile', 'dangling.csv', /symbolisk länk till något som inte finns/], ['participantsFile', 'loop.csv', /slinga/]] as const) {
      const r = await readProject(project(dir, { [key]: name }), catalog);
      expect(r.project, `${key} ${name}`).toBeUndefined();
      expect(r.problems.some((p) => re.test(p.sv) && p.file.endsWith(name)), `${key} ${name}`).toBe(true);
    }
  });

  it('projekt.yaml being a folder, or not a regular file, is an InputError naming it', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'projekt.yaml'));
    await expect(readProject(dir, catalog)).rejects.toThrow(InputError);
    await expect(readProject(dir, catalog)).rejects.toThrow(/is a folder/);
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(readProject(fifo, catalog)).rejects.toThrow(/not a regular file/);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file (EACCES) is an InputError', async () => {
    const dir = tmp();
    const f = project(dir, inline());
    chmodSync(f, 0);
    await expect(readProject(f, catalog)).rejects.toThrow(/no permission/);
  });

  it('a file stat can see but not read (EACCES) is refused as unreadable, also before the read', () => {
    // As root every file is readable, so the refusal is injected where the file system would give it.
    const f = project(tmp(), inline());
    const eacces = () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); };
    for (const read of [false, true]) {
      const r = readInputFile(f, 'projekt.json', 1e6, read, { accessSync: eacces, readFileSync: eacces });
      expect(r.problem?.sv, String(read)).toBe('saknar behörighet att läsa filen');
    }
    expect(readInputFile(f, 'projekt.json', 1e6, false).problem).toBeUndefined();
  });

  it('a project file over the size guard is refused before it is parsed', async () => {
    const dir = tmp();
    const f = join(dir, 'projekt.yaml');
    writeFileSync(f, `name: x\n# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    await expect(readProject(f, catalog)).rejects.toThrow(/too large \(11 MB; at most 10 MB/);
  });
});

describe('third-party workbooks (test/fixtures/workbooks/make.py, written by openpyxl)', () => {
  const fixture = (n: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'workbooks', n));
  const keys = { headerKeys: ['deltagare'] };
  it('reads a workbook with cell comments, styles and a merged title row', async () => {
    const r = await readXlsx(fixture('openpyxl-comments.xlsx'), 'c.xlsx', keys);
    expect(r.problems).toEqual([]);
    expect(r.tables[0].keys).toEqual(['deltagare', 'lage', 'post', 'manader']);
    expect(r.tables[0].rows.map((x) => x.cells[3])).toEqual([12, 12, 3]);
  });
  it('refuses a formula without a computed value at its cell instead of reading it as empty', async () => {
    const r = await readXlsx(fixture('openpyxl-formula.xlsx'), 'f.xlsx', keys);
    expect(r.problems.map((p) => p.path)).toEqual(['D2']);
  });
  it('a stray cell at XFD1048576 costs one row and is an error naming it', async () => {
    const r = await readXlsx(fixture('openpyxl-far-cell.xlsx'), 'x.xlsx', keys);
    expect(r.problems.map((p) => p.path)).toEqual(['XFD1048576']);
    expect(r.tables[0].rows.map((x) => x.row)).toEqual([2, 3, 4, 1048576]);
  });
});

describe('one screen per value: table rows are screened as read, not again by validateProject', () => {
  it('validateProject skips only the paths given as screened; the rest of the project is still screened', () => {
    const raw = () => ({ name: 'x', description: `kontakt ${PNR}`, priceYear: 2025, cost: { total: 1, financing: 'finsam' },
      participants: [{ id: 'D001', attributes: { utbildning: PNR }, fore: { lines: [] }, efter: { lines: [] } }] });
    const paths = (r: { problems: Problem[] }) => r.problems.filter((p) => /personnummer/.test(p.sv)).map((p) => p.path);
    expect(paths(validateProject(raw(), catalog, 'p.json'))).toEqual(['description', 'participants[0].attributes.utbildning']);
    expect(paths(validateProject(raw(), catalog, 'p.json', { screened: ['participants'] }))).toEqual(['description']);
  });

  it('a personnummer in a participants table cell is still refused (by the table screen), value not shown', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.csv'), swedishExcelCsv([['deltagare', 'lage', 'post', 'manader', 'utbildning'], ['D001', 'fore', 'kommun.forsorjningsstod', 12, PNR]]));
    const r = await readProject(project(dir, { participantsFile: 's.csv' }), catalog);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((p) => /personnummer/.test(p.sv))).toBe(true);
    expect(shown(r, r.problems)).not.toContain(serial(PNR));
  });
});

describe('workbooks saved by LibreOffice Calc (test/fixtures/workbooks/make-libreoffice.sh)', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', 'workbooks');
  const keys = { headerKeys: ['deltagare'] };
  it('comments, styles and a merged title row as LibreOffice writes them', async () => {
    const r = await readXlsx(readFileSync(join(fixtures, 'libreoffice-comments.xlsx')), 'c.xlsx', keys);
    expect(r.problems).toEqual([]);
    expect(r.tables[0].keys).toEqual(['deltagare', 'lage', 'post', 'manader']);
    expect(r.tables[0].rows.map((x) => x.cells[3])).toEqual([12, 12, 3]);
  });
  it('a formula LibreOffice computed is read by its stored value (=6*2 → 12)', async () => {
    const r = await readXlsx(readFileSync(join(fixtures, 'libreoffice-formula.xlsx')), 'f.xlsx', keys);
    expect(r.problems).toEqual([]);
    expect(r.tables[0].rows.map((x) => x.cells[3])).toEqual([12, 12, 3]);
  });
  it('the Excel example opened and saved in LibreOffice gives the same result to the krona', async () => {
    const dir = tmp();
    const example = join(import.meta.dirname, '..', '..', 'data', 'examples', 'excel-exempel');
    writeFileSync(join(dir, 'projekt.yaml'), readFileSync(join(example, 'projekt.yaml')));
    writeFileSync(join(dir, 'deltagare.xlsx'), readFileSync(join(fixtures, 'libreoffice-excel-exempel.xlsx')));
    const [saved, original] = [await readProject(dir, catalog), await readProject(example, catalog)];
    expect(saved.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(saved.project!.participants.length).toBe(original.project!.participants.length);
    const a = calculate(saved.project!, catalog), b = calculate(original.project!, catalog);
    expect(a.actors).toEqual(b.actors);
    expect(a.groups).toEqual(b.groups);
  });
});

describe('one policy for YAML, JSON, CSV and XLSX', () => {
  it('duplicate keys are refused in JSON as in YAML, with the line', async () => {
    expect(duplicateJsonKey('{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}')).toBeUndefined();
    expect(duplicateJsonKey('{\n"a": 1,\n"b": 2,\n"a": 3}')).toEqual({ key: 'a', line: 4 });
    const dir = tmp();
    writeFileSync(join(dir, 'p.json'), '{"name": "x",\n"name": "y"}');
    await expect(readProject(join(dir, 'p.json'), catalog)).rejects.toThrow(/key "name" appears twice/);
  });

  it('unknown line options and options the item does not read are refused', async () => {
    const dir = tmp();
    const r = await readProject(project(dir, { participants: [{ id: 'D001', fore: { lines: [
      { item: 'kommun.forsorjningsstod', months: 12, options: { nivaa: 'lag' } },
      { item: 'kommun.forsorjningsstod', months: 12, options: { niva: 'lag' } },
      { item: 'af.utvecklingsersattning', months: 12, options: { niva: 'hogst' } },
      { item: 'af.utvecklingsersattning', months: 12, options: { niva: 'lag' } },
    ] }, efter: { lines: [] } }] }), catalog);
    expect(r.problems.map((p) => p.path)).toEqual(['participants[0].fore.lines[0].options.nivaa', 'participants[0].fore.lines[1].options.niva', 'participants[0].fore.lines[2].options.niva']);
  });

  it('kon is checked the same in YAML/JSON as in CSV: Q refused, Kvinna read as K', async () => {
    const dir = tmp();
    const bad = await readProject(project(dir, inline({ attributes: { kon: 'Q' } })), catalog);
    expect(bad.problems.map((p) => [p.path, p.sv])).toEqual([['participants[0].attributes.kon', 'kön anges som K, M eller X (annat/okänt)']]);
    const ok = await readProject(project(dir, inline({ attributes: { kon: 'Kvinna' } })), catalog);
    expect(ok.project!.participants[0].attributes.kon).toBe('K');
    const csv = join(dir, 'p.csv');
    writeFileSync(csv, swedishExcelCsv([['deltagare', 'kon'], ['D001', 'Q']]));
    writeFileSync(join(dir, 's.csv'), swedishExcelCsv([['deltagare', 'lage', 'post', 'manader'], ['D001', 'fore', 'kommun.forsorjningsstod', 12]]));
    const t = await readParticipantsFile([join(dir, 's.csv'), csv], testCatalog(), { files: nodeFiles });
    expect(t.problems.filter((p) => p.column === 'kon').map((p) => p.sv)).toEqual(['kön anges som K, M eller X (annat/okänt)']);
  });

  it('project files in UTF-16 LE/BE (with or without BOM) and Windows-1252 are read; UTF-32 and zip are refused by name', async () => {
    const dir = tmp();
    const yaml = 'name: Åtgärd\npriceYear: 2025\ncost: { total: 1, financing: finsam }\nparticipants:\n  - { id: D001, fore: { lines: [] }, efter: { lines: [] } }\n';
    const le = Buffer.from(yaml, 'utf16le');
    const be = Buffer.from(le).swap16();
    const variants: [string, Buffer][] = [
      ['le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), le])], ['be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ['le', le], ['be', be], ['cp1252', Buffer.from(yaml.replace('Å', '\u00c5'), 'latin1')],
    ];
    for (const [n, bytes] of variants) {
      writeFileSync(join(dir, `${n}.yaml`), bytes);
      const r = await readProject(join(dir, `${n}.yaml`), catalog);
      expect(r.project?.name, n).toBe('Åtgärd');
    }
    writeFileSync(join(dir, 'u32.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('n\0\0\0')]));
    await expect(readProject(join(dir, 'u32.yaml'), catalog)).rejects.toThrow(/UTF-32/);
    writeFileSync(join(dir, 'zip.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    await expect(readProject(join(dir, 'zip.yaml'), catalog)).rejects.toThrow(/zip file/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFiles } from '../../lib/model/node-files.js';
import { readParticipantsFile, locateProblems } from '../../lib/model/participants-file.js';
import { formatProblem } from '../../lib/util/errors.js';
import { fakePersonnummer, swedishExcelCsv, testCatalog, workbook } from './fixtures.js';

const catalog = testCatalog();
const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-pf-'));

const SIT_HEAD = ['Deltagare', 'Läge', 'Post', 'Månader', 'Antal per månad', 'Belopp per månad', 'Omfattning', 'Lön'];
const PEOPLE_HEAD = ['Deltagare', 'Vikt', 'Kön', 'Födelseår', 'Utbildning', 'Hushållstyp', 'Kommun', 'Före månader', 'Efter månader'];

describe('readParticipantsFile(): CSV saved by Swedish Excel', () => {
  it('reads Windows-1252, ;, decimal comma and empty rows into participants, with row accounting', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'situationer.csv'), swedishExcelCsv([
      SIT_HEAD,
      ['D001', 'före', 'kommun.forsorjningsstod', 12, null, null, null, null],
      ['D001', 'före', 'region.primarvard_besok', 12, 0.5, null, null, null],
      [null, null, null, null, null, null, null, null],
      ['D001 ', 'efter', 'af.lonebidrag', 10, null, null, '75 %', 24000],
      ['D002', 'Efter', 'Arbete.Osubventionerad_anstallning', 12, null, null, null, '26 000'],
    ]));
    writeFileSync(join(dir, 'deltagare.csv'), swedishExcelCsv([
      PEOPLE_HEAD,
      ['D001', 1, 'K', 1998, 'gymnasium', 'ensamstående', 'Umeå', 12, 12],
      ['D002', 2, 'man', 1985, 'eftergymnasial', 'sammanboende', null, null, null],
    ]));
    const r = await readParticipantsFile([join(dir, 'situationer.csv'), join(dir, 'deltagare.csv')], catalog, { files: nodeFiles });
    expect(r.problems).toEqual([]);
    expect(r.participants).toEqual([
      {
        id: 'D001', weight: 1, attributes: { kon: 'K', fodelsear: 1998, utbildning: 'gymnasium', hushallstyp: 'ensamstående', kommun: 'Umeå' },
        fore: { months: 12, lines: [{ item: 'kommun.forsorjningsstod', months: 12 }, { item: 'region.primarvard_besok', months: 12, perMonth: 0.5 }] },
        efter: { months: 12, lines: [{ item: 'af.lonebidrag', months: 10, extent: 0.75, wage: 24000 }] },
      },
      {
        id: 'D002', weight: 2, attributes: { kon: 'M', fodelsear: 1985, utbildning: 'eftergymnasial', hushallstyp: 'sammanboende' },
        fore: { months: 12, lines: [] },
        efter: { months: 12, lines: [{ item: 'arbete.osubventionerad_anstallning', months: 12, wage: 26000 }] },
      },
    ]);
    expect(r.counts.reduce((s, c) => s + c.read, 0)).toBe(6);
    expect(r.notes[0].sv).toMatch(/^6 rader lästa, 6 använda, 0 avvisade/);
    expect(r.notes[0].en).toMatch(/^6 rows read, 6 used, 0 rejected/);
    expect(r.origins[0].lines.efter).toEqual([5]);
  });

  it('lists every problem at once, each with file, row, column, value and what was expected', async () => {
    const dir = tmp();
    const f = join(dir, 'situationer.csv');
    writeFileSync(f, swedishExcelCsv([
      SIT_HEAD,
      ['D001', 'under', 'kommun.forsorjningsstod', 12, null, null, null, null],
      ['D001', 'fore', 'kommun.forsorjningstod', 'tolv', null, null, null, null],
      ['D001', 'efter', 'region.primarvard_besok', 13, -1, null, 75, null],
      ['D002', 'efter', 'arbete.osubventionerad_anstallning', 12, null, null, null, 15000],
      [null, 'efter', 'egen', 1, null, null, null, null],
    ]));
    const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
    const errors = r.problems.filter((p) => p.severity === 'error');
    const at = errors.map((p) => `${p.row}:${p.column}`);
    expect(at).toEqual(['2:Läge', '3:Post', '3:Månader', '4:Månader', '4:Antal per månad', '4:Omfattning', '6:Deltagare', '6:Post']);
    for (const p of errors) expect(p.file).toBe(f);
    expect(formatProblem(errors[1], 'sv')).toBe(`${f}: rad 3, kolumn Post (C3): okänd post; menade du kommun.forsorjningsstod? se bladet Poster eller \`samnytta catalog list\` (fick "kommun.forsorjningstod")`);
    expect(formatProblem(errors[1], 'en')).toMatch(/row 3, column Post \(C3\): unknown item; did you mean kommun\.forsorjningsstod\?/);
    expect(errors[5].sv).toMatch(/0,75.*75 %/);
    const warn = r.problems.filter((p) => p.severity === 'warning');
    expect(warn.map((p) => `${p.row}:${p.column}`)).toEqual(['5:Lön']);
    expect(warn[0].sv).toMatch(/lägsta avtalslön \(21\s570 kr/);
    expect(r.counts).toEqual([{ kind: 'situations', file: f, sheet: undefined, read: 5, used: 1, rejected: 4 }]);
    expect(r.notes[0].sv).toMatch(/^5 rader lästa, 1 använda, 4 avvisade/);
  });

  it('rejects situation rows of participants missing from, or rejected in, the participants table', async () => {
    const bytes = await workbook((wb) => {
      const p = wb.addWorksheet('Deltagare');
      p.addRow(PEOPLE_HEAD);
      p.addRow(['D001', 1, 'K', 1990]);
      p.addRow(['D002', 1, 'Q', 1990]);
      p.addRow(['D001', 1, 'M', 1991]);
      const s = wb.addWorksheet('Situationer');
      s.addRow(SIT_HEAD);
      s.addRow(['D001', 'fore', 'kommun.forsorjningsstod', 12]);
      s.addRow(['D002', 'fore', 'kommun.forsorjningsstod', 12]);
      s.addRow(['D003', 'fore', 'kommun.forsorjningsstod', 12]);
    });
    const f = join(tmp(), 'deltagare.xlsx');
    writeFileSync(f, bytes);
    const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.sheet}!${p.row}:${p.column}`)).toEqual(['Deltagare!3:Kön', 'Deltagare!4:Deltagare', 'Situationer!3:Deltagare', 'Situationer!4:Deltagare']);
    expect(r.participants.map((p) => p.id)).toEqual(['D001']);
    expect(r.counts.map((c) => [c.sheet, c.read, c.used, c.rejected])).toEqual([['Deltagare', 3, 1, 2], ['Situationer', 3, 1, 2]]);
  });

  it('reads birth years given as dates or Excel serials', async () => {
    const bytes = await workbook((wb) => {
      const p = wb.addWorksheet('Deltagare');
      p.addRow(['deltagare', 'fodelsear']);
      p.addRow(['D001', new Date(Date.UTC(1990, 4, 17))]);
      p.addRow(['D002', 32980]);
      p.addRow(['D003', '1975-02-01']);
      const s = wb.addWorksheet('Situationer');
      s.addRow(['deltagare', 'lage', 'post', 'manader']);
      for (const id of ['D001', 'D002', 'D003']) s.addRow([id, 'fore', 'kommun.forsorjningsstod', 12]);
    });
    const f = join(tmp(), 'd.xlsx');
    writeFileSync(f, bytes);
    const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
    expect(r.problems).toEqual([]);
    expect(r.participants.map((p) => (p.attributes as { fodelsear: number }).fodelsear)).toEqual([1990, 1990, 1975]);
  });

  it('test persons with personnummer-shaped ids that fail Luhn are accepted as ids', async () => {
    const f = join(tmp(), 's.csv');
    const ids = [1, 2, 3].map(fakePersonnummer);
    writeFileSync(f, swedishExcelCsv([['deltagare', 'lage', 'post', 'manader'], ...ids.map((id) => [id, 'fore', 'kommun.forsorjningsstod', 12])]));
    const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
    expect(r.problems).toEqual([]);
    expect(r.participants.map((p) => p.id)).toEqual(ids);
  });
});

describe('locateProblems()', () => {
  it('points validateProject problems at the sheet, row and column they came from', () => {
    const origins = [{ file: 'd.xlsx', sheet: 'Deltagare', row: 4, columns: { kommun: 'Kommun' }, situations: { file: 'd.xlsx', sheet: 'Situationer', columns: { antal_per_manad: 'Antal per månad' } }, lines: { fore: [7, 9], efter: [] } }];
    const out = locateProblems([
      { severity: 'warning', file: 'p.yaml', path: 'participants[0].fore.lines[1].perMonth', sv: 'fler än 31 besök per månad', en: '', value: 40 },
      { severity: 'error', file: 'p.yaml', path: 'participants[0].attributes.kommun', sv: 'okänd kommun', en: '' },
      { severity: 'error', file: 'p.yaml', path: 'cost.total', sv: 'x', en: '' },
    ], origins, 'participants');
    expect(out.map((p) => formatProblem(p))).toEqual([
      'd.xlsx: blad Situationer: rad 9, kolumn Antal per månad: fler än 31 besök per månad (fick 40)',
      'd.xlsx: blad Deltagare: rad 4, kolumn Kommun: okänd kommun',
      'p.yaml: cost.total: x',
    ]);
  });
});

describe('readParticipantsFile(): properties', () => {
  const cell = fc.oneof(
    fc.constant(''), fc.constant('D001'), fc.constant('D002'), fc.constant('fore'), fc.constant('efter'), fc.constant('före'),
    fc.constant('kommun.forsorjningsstod'), fc.constant('region.primarvard_besok'), fc.constant('okänd.post'),
    fc.constant('1,5'), fc.constant('12'), fc.constant('-3'), fc.constant('75 %'), fc.constant('"'), fc.constant(';'),
    fc.string({ maxLength: 6 }), fc.integer({ min: -50, max: 30000 }).map(String), fc.double({ noNaN: true }).map(String),
  );
  const headers = fc.shuffledSubarray(['deltagare', 'lage', 'post', 'manader', 'antal_per_manad', 'belopp_per_manad', 'omfattning', 'lon', 'kon', 'okänd'], { minLength: 0 });
  const file = fc.record({ head: headers, rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }), sep: fc.constantFrom(';', ','), bom: fc.boolean() });

  it('random malformed CSV never throws, every rejection names a row and column, and counts reconcile', async () => {
    const dir = tmp();
    await fc.assert(fc.asyncProperty(file, async ({ head, rows, sep, bom }) => {
      const text = [head.join(sep), ...rows.map((r) => r.join(sep))].join('\n');
      const f = join(dir, 'p.csv');
      writeFileSync(f, (bom ? '\uFEFF' : '') + text);
      const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
      for (const c of r.counts) expect(c.read).toBe(c.used + c.rejected);
      const rejected = r.counts.reduce((s, c) => s + c.rejected, 0);
      const rowErrors = r.problems.filter((p) => p.severity === 'error' && p.row !== undefined && p.row > (r.counts.length ? 1 : 0));
      const rowsWithErrors = new Set(rowErrors.map((p) => p.row));
      // Every rejected row has at least one error naming that row and a column.
      expect(rowsWithErrors.size).toBeGreaterThanOrEqual(rejected);
      for (const p of rowErrors) {
        expect(p.row).toBeGreaterThan(0);
        expect(typeof p.column === 'string' && p.column.length > 0).toBe(true);
      }
      const linesOut = r.participants.reduce((s, p) => s + (p.fore as { lines: unknown[] }).lines.length + (p.efter as { lines: unknown[] }).lines.length, 0);
      expect(linesOut).toBe(r.counts.filter((c) => c.kind === 'situations').reduce((s, c) => s + c.used, 0));
    }), { numRuns: 150 });
  });

  it('random workbooks never throw', async () => {
    const dir = tmp();
    await fc.assert(fc.asyncProperty(file, async ({ head, rows }) => {
      const bytes = await workbook((wb) => {
        const ws = wb.addWorksheet('Situationer');
        ws.addRow(head);
        for (const r of rows) ws.addRow(r.map((c) => (/^-?\d+$/.test(c) ? Number(c) : c)));
      });
      const f = join(dir, 'p.xlsx');
      writeFileSync(f, bytes);
      const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
      for (const c of r.counts) expect(c.read).toBe(c.used + c.rejected);
      for (const p of r.problems.filter((x) => x.severity === 'error' && x.row !== undefined)) expect(p.column).toBeTruthy();
    }), { numRuns: 40 });
  });
});

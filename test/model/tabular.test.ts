import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, decodeWindows1252 } from '../../lib/model/tabular/decode-text.js';
import { normalizeHeader } from '../../lib/model/tabular/normalize-header.js';
import { parseNumber } from '../../lib/model/tabular/parse-number.js';
import { detectDelimiter, readCsv } from '../../lib/model/tabular/read-csv.js';
import { readXlsx } from '../../lib/model/tabular/read-xlsx.js';
import { excelSerialToDate } from '../../lib/model/tabular/excel-date.js';
import { columnLetter } from '../../lib/model/tabular/table.js';
import { swedishExcelCsv, workbook } from './fixtures.js';

describe('normalizeHeader()', () => {
  it('matches Swedish headers in any case, with or without å/ä/ö', () => {
    expect(normalizeHeader(' Månader ')).toBe('manader');
    expect(normalizeHeader('manader')).toBe('manader');
    expect(normalizeHeader('Antal per månad')).toBe('antal_per_manad');
    expect(normalizeHeader('LÄGE')).toBe('lage');
    expect(normalizeHeader('Födelseår')).toBe('fodelsear');
    expect(normalizeHeader('Försörjning före')).toBe('forsorjning_fore');
  });
  it('returns a key unchanged (the shortcut for text already normalised agrees with the full rewrite)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'Å', 'ö', 'Z', '1', '_', ' ', '-', 'é', '.') }), (s) => {
      const key = normalizeHeader(s);
      expect(normalizeHeader(key)).toBe(key);
    }), { numRuns: 500 });
  });
});

describe('parseNumber()', () => {
  it('reads decimal comma, decimal point, thousands spaces, kr and %', () => {
    expect(parseNumber('1,5')).toEqual({ ok: true, value: 1.5, percent: false });
    expect(parseNumber('1.5')).toEqual({ ok: true, value: 1.5, percent: false });
    expect(parseNumber('24 000')).toEqual({ ok: true, value: 24000, percent: false });
    expect(parseNumber('24\u00a0000 kr')).toEqual({ ok: true, value: 24000, percent: false });
    expect(parseNumber('1.234,5')).toEqual({ ok: true, value: 1234.5, percent: false });
    expect(parseNumber('75 %')).toEqual({ ok: true, value: 0.75, percent: true });
    expect(parseNumber(12)).toEqual({ ok: true, value: 12, percent: false });
    expect(parseNumber('007')).toEqual({ ok: true, value: 7, percent: false });
  });
  it('refuses text that is not a number', () => {
    for (const s of ['tolv', '1,2,3', '', '12a', '--1']) expect(parseNumber(s).ok).toBe(false);
    expect(parseNumber(null).ok).toBe(false);
  });
});

describe('decodeText()', () => {
  it('detects UTF-8 with BOM, UTF-8 and Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFMånader', 'utf8'))).toEqual({ text: 'Månader', encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.from('Månader', 'utf8'))).toEqual({ text: 'Månader', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('Månader; läge', 'win1252'))).toEqual({ text: 'Månader; läge', encoding: 'windows-1252' });
  });
  it('decodes every Windows-1252 byte as iconv-lite does (no Node built-in, so the browser agrees)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1252(all)).toBe(iconv.decode(Buffer.from(all), 'win1252'));
    // 0x80 is the euro sign, not U+0080 (Node's TextDecoder('windows-1252') gets this wrong).
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x96, 0xe5))).toBe('€–å');
  });
});

describe('readCsv()', () => {
  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2,3')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
  });
  it('reads a Windows-1252 file with ; and keeps 1-based row numbers across empty rows', () => {
    const bytes = swedishExcelCsv([['Deltagare', 'Läge', 'Post ', 'Månader'], ['D001', 'före', 'kommun.forsorjningsstod', 12], [null, null, null, null], ['D002 ', 'efter', 'x', 1.5]]);
    const r = readCsv(bytes, 'f.csv');
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    const t = r.tables[0];
    expect(t.keys).toEqual(['deltagare', 'lage', 'post', 'manader']);
    expect(t.rows.map((x) => x.row)).toEqual([2, 4]);
    expect(t.rows[1].cells).toEqual(['D002', 'efter', 'x', '1,5']);
  });
  it('an empty file is one problem, not a throw', () => {
    const r = readCsv(Buffer.from(''), 'tom.csv');
    expect(r.tables).toEqual([]);
    expect(r.problems[0].sv).toMatch(/tom/);
  });
});

describe('readXlsx()', () => {
  it('handles a title row, merged header cells over two rows, empty rows, trailing spaces, formulas and dates', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Situationer');
      ws.getCell('A1').value = 'Deltagardata 2024';
      ws.mergeCells('A1:E1');
      // Two-row header: "deltagare" and "läge" merged downwards; "Ersättning" merged over two columns with sub-headers.
      ws.getCell('A2').value = 'Deltagare ';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = 'Läge';
      ws.mergeCells('B2:B3');
      ws.getCell('C2').value = 'Ersättning';
      ws.mergeCells('C2:D2');
      ws.getCell('C3').value = 'Post';
      ws.getCell('D3').value = 'Månader';
      ws.getCell('E2').value = 'Födelseår';
      ws.mergeCells('E2:E3');
      ws.addRow(['D001  ', 'fore', 'kommun.forsorjningsstod', { formula: '6*2', result: 12 }, new Date(Date.UTC(1990, 4, 17))]);
      ws.addRow([]);
      ws.addRow(['D002', 'efter', { richText: [{ text: 'fk.' }, { text: 'sjukpenning' }] }, 3, 32980]);
    });
    const { tables, problems } = await readXlsx(bytes, 'd.xlsx', { headerKeys: ['deltagare'] });
    expect(problems).toEqual([]);
    const t = tables[0];
    expect(t.sheet).toBe('Situationer');
    expect(t.keys).toEqual(['deltagare', 'lage', 'post', 'manader', 'fodelsear']);
    expect(t.headerRow).toBe(3);
    expect(t.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(t.rows[0].cells.slice(0, 4)).toEqual(['D001', 'fore', 'kommun.forsorjningsstod', 12]);
    expect(t.rows[0].cells[4]).toBeInstanceOf(Date);
    expect(t.rows[1].cells).toEqual(['D002', 'efter', 'fk.sjukpenning', 3, 32980]);
  });
  it('a file that is not a workbook is one problem', async () => {
    const r = await readXlsx(Buffer.from('inte en arbetsbok'), 'x.xlsx');
    expect(r.tables).toEqual([]);
    expect(r.problems).toHaveLength(1);
  });
});

describe('excelSerialToDate() and columnLetter()', () => {
  it('converts Excel serials (1900 system) and column indexes', () => {
    expect(excelSerialToDate(45292).toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(excelSerialToDate(32980).toISOString().slice(0, 10)).toBe('1990-04-17');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
  });
});

/**
 * Issue 13, output side: the workbook holds no participant-level rows unless asked for (then
 * every sheet says so), and report writes all formats or nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, INTERNAL_MARK, SHEETS } from '../../lib/report/xlsx.js';
import { ExitError, writeFilesAtomically } from '../../cli/io.js';
import { run } from '../../cli/main.js';
import { evaluateBook, loadBook } from '../report/formula-eval.js';
import { fixture } from '../report/fixture.js';
import { captureIo } from '../helpers/io.js';
import { inflateRawSync } from 'node:zlib';
import { personalNumberOutputs } from '../../lib/report/output-screen.js';
import { luhnDigit } from '../model/fixtures.js';
import { containsPersonalNumber } from '../../lib/model/personal-number.js';
import fc from 'fast-check';

const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-o-'));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

async function sheets(buf: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('buildWorkbook(): the disclosure threshold holds in the workbook', () => {
  it('by default Rader is situation × item with no participant id anywhere, and formulas still match the engine', async () => {
    const f = fixture();
    const buf = await buildWorkbook({ ...f, lang: 'sv', datum: '2025-12-31' });
    const wb = await sheets(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.indata, SHEETS.katalog, SHEETS.rader, SHEETS.poster, SHEETS.resultat]);
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    for (const p of f.project.participants) expect(text).not.toContain(JSON.stringify(p.id));
    // One row per situation × item: no two rows share both.
    const rad = wb.getWorksheet(SHEETS.rader)!;
    const keys: string[] = [];
    rad.eachRow((r, n) => { if (n > 1) keys.push(`${r.getCell(1).value}|${r.getCell(2).value}`); });
    expect(new Set(keys).size).toBe(keys.length);
    const distinct = new Set(f.project.participants.flatMap((p) => (['fore', 'efter'] as const).flatMap((w) => p[w].lines.map((l) => `${w}|${l.item === 'egen' ? `egen:${l.label}` : l.item}`))));
    expect(new Set(keys)).toEqual(distinct);
    // Live formulas re-evaluate to the engine.
    const book = await loadBook(buf);
    const get = evaluateBook(book);
    const res = book.cells.get(SHEETS.resultat)!;
    for (let r = 2; res.get(`A${r}`); r++) {
      const id = res.get(`A${r}`)!.value as string;
      const a = f.result.actors[id] ?? f.result.groups[id];
      if (a) expect(close(get(SHEETS.resultat, `H${r}`) as number, a.horizons[String(f.result.project.horizonYears)].net), id).toBe(true);
    }
  });

  it('a situation × item with fewer participants than the threshold shows "< 5", not the count', async () => {
    const f = fixture();
    const buf = await buildWorkbook({ ...f, lang: 'sv', datum: '2025-12-31' });
    const rad = (await sheets(buf)).getWorksheet(SHEETS.rader)!;
    const counts: unknown[] = [];
    rad.eachRow((r, n) => { if (n > 1) counts.push(r.getCell(3).value); });
    for (const c of counts) expect(typeof c === 'number' ? c >= f.project.disclosureThreshold : c === `< ${f.project.disclosureThreshold}`, String(c)).toBe(true);
  });

  it('--deltagarrader: participant rows and the Deltagare sheet, every sheet marked internal', async () => {
    const f = fixture();
    const buf = await buildWorkbook({ ...f, lang: 'sv', datum: '2025-12-31', participantRows: true });
    const wb = await sheets(buf);
    expect(wb.worksheets.map((w) => w.name)).toContain(SHEETS.deltagare);
    for (const ws of wb.worksheets) {
      expect(JSON.stringify(ws.getRow(1).values), ws.name).toContain(INTERNAL_MARK.sv.toUpperCase());
      expect(ws.headerFooter.oddHeader, ws.name).toContain(INTERNAL_MARK.sv);
    }
    expect(JSON.stringify(wb.getWorksheet(SHEETS.rader)!.getSheetValues())).toContain(JSON.stringify(f.project.participants[0].id));
  });
});

describe('writeFilesAtomically(): all or nothing', { timeout: 120_000 }, () => {
  const old = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'rapport.md'), 'gammal md');
    writeFileSync(join(dir, 'rapport.json'), 'gammal json');
    writeFileSync(join(dir, 'egen.txt'), 'användarens fil');
  };
  const files = (dir: string) => ['rapport.md', 'rapport.json', 'rapport.html'].map((n) => ({ path: join(dir, n), data: `ny ${n}` }));

  it('a new folder appears whole; an existing one has every file replaced and others kept', () => {
    const base = tmp();
    writeFilesAtomically(files(join(base, 'ny')));
    expect(readdirSync(join(base, 'ny')).sort()).toEqual(['rapport.html', 'rapport.json', 'rapport.md']);
    old(join(base, 'ut'));
    writeFilesAtomically(files(join(base, 'ut')));
    expect(readFileSync(join(base, 'ut', 'rapport.md'), 'utf8')).toBe('ny rapport.md');
    expect(readFileSync(join(base, 'ut', 'egen.txt'), 'utf8')).toBe('användarens fil');
    expect(readdirSync(base).sort()).toEqual(['ny', 'ut']);
  });

  it('when one file cannot be put in place (a folder in the way), the old files are untouched, nothing new remains, no temporary folder, and the message names the path', () => {
    const base = tmp();
    const out = join(base, 'ut');
    old(out);
    mkdirSync(join(out, 'rapport.html')); // a folder in the way of the last file
    let err: unknown;
    try { writeFilesAtomically(files(out), 'en'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ExitError);
    expect((err as ExitError).code).toBe(1);
    expect((err as Error).message).toContain(join(out, 'rapport.html'));
    expect((err as Error).message).toContain(`nothing in ${out} was changed`);
    expect(readFileSync(join(out, 'rapport.md'), 'utf8')).toBe('gammal md');
    expect(readFileSync(join(out, 'rapport.json'), 'utf8')).toBe('gammal json');
    expect(readdirSync(out).sort()).toEqual(['egen.txt', 'rapport.html', 'rapport.json', 'rapport.md']);
    expect(readdirSync(base)).toEqual(['ut']);
  });

  it('a full disk while writing leaves no temporary file and names the path', () => {
    const base = tmp();
    const out = join(base, 'ut');
    old(out);
    let n = 0;
    const ops = {
      writeFileSync: ((p: string, d: string) => {
        if (++n === 2) { writeFileSync(p, d.slice(0, 2)); throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); }
        writeFileSync(p, d);
      }) as typeof writeFileSync,
      renameSync: (a: string, b: string) => { throw new Error(`no rename expected ${a} ${b}`); },
    };
    expect(() => writeFilesAtomically(files(out), 'sv', ops as never)).toThrow(`${join(out, 'rapport.json')}: disken är full (ENOSPC)`);
    expect(readdirSync(base)).toEqual(['ut']);
    expect(readFileSync(join(out, 'rapport.md'), 'utf8')).toBe('gammal md');
  });

  it('samnytta report: one format that cannot be written leaves the old report as it was (exit 1)', async () => {
    const base = tmp();
    const out = join(base, 'rapport');
    old(out);
    rmSync(join(out, 'rapport.json'));
    mkdirSync(join(out, 'rapport.json'));
    writeFileSync(join(out, 'rapport.json', 'x'), 'i vägen');
    const io = captureIo();
    const code = await run(['report', 'data/examples/unga-vuxna-coachning', '--out', out, '--format', 'md,json'], io);
    expect(code).toBe(1);
    expect(io.stderr).toContain(join(out, 'rapport.json'));
    expect(io.stderr).not.toMatch(/Internt fel|at .*\.js/);
    expect(readFileSync(join(out, 'rapport.md'), 'utf8')).toBe('gammal md');
    expect(readdirSync(base)).toEqual(['rapport']);
  });

  it('samnytta report --deltagarrader writes a workbook with participant rows', async () => {
    const out = join(tmp(), 'r');
    const io = captureIo();
    expect(await run(['report', 'data/examples/unga-vuxna-coachning', '--out', out, '--format', 'xlsx', '--deltagarrader'], io)).toBe(0);
    const wb = await sheets(readFileSync(join(out, 'rapport.xlsx')));
    expect(wb.worksheets.map((w) => w.name)).toContain(SHEETS.deltagare);
    expect(existsSync(join(out, 'rapport.xlsx'))).toBe(true);
  });
});

describe('error listing: linear and capped', { timeout: 120_000 }, () => {
  it('200 bad rows: the first 50 errors are printed, then how many more and the total', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.csv'), ['deltagare;lage;post;manader', ...Array.from({ length: 200 }, (_, i) => `D${i};fore;kommun.forsorjningsstod;tolv`)].join('\n'));
    writeFileSync(join(dir, 'projekt.yaml'), 'name: x\npriceYear: 2025\ncost: { total: 1, financing: finsam }\nparticipantsFile: s.csv\n');
    const io = captureIo();
    expect(await run(['validate', dir], io)).toBe(1);
    const lines = io.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(lines).toHaveLength(51);
    // 200 row errors; no project-level "minst en deltagare" error when a participants file is given.
    expect(lines[50]).toBe('  … och 150 till (totalt 200); rätta de första och kör igen');
  });
});

describe('personalNumberOutputs(): no output holds a personnummer', () => {
  // Built at runtime so no valid number is in the source: 850709-238 + its Luhn digit.
  const pnr = `850709-238${luhnDigit('850709238')}`;
  const workbookWith = async (value: string | number) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Rader').addRow(['etikett', value]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };

  it('finds one in Markdown, HTML, JSON strings, CSV and workbook text cells, by path only', async () => {
    const files = [
      { path: 'ut/rapport.md', data: `| ${pnr} | 8 |` },
      { path: 'ut/rapport.html', data: new TextEncoder().encode(`<td>${pnr.replace('-', '–')}</td>`) },
      { path: 'ut/rapport.json', data: '{"a": 1}' },
      { path: 'ut/rapport.xlsx', data: await workbookWith(pnr) },
      { path: 'ut/b.json', data: JSON.stringify({ grupper: [{ etikett: pnr.replace('-', '') }] }) },
      { path: 'ut/c.csv', data: `id;belopp\n${pnr};12\n` },
      { path: 'ut/ok.xlsx', data: await workbookWith('D001') },
      { path: 'ut/diagram.png', data: new TextEncoder().encode(pnr) },
    ];
    expect(personalNumberOutputs(files, (d) => inflateRawSync(d))).toEqual(['ut/rapport.md', 'ut/rapport.html', 'ut/rapport.xlsx', 'ut/b.json', 'ut/c.csv']);
  });

  it('an amount is not an identity: JSON numbers, numeric cells and decimals never raise the alarm', async () => {
    // A 10-digit krona total can pass as an identity number by chance (about 1 in 135: a valid
    // month, a day 01–31 or 61–91 and the Luhn digit); the first such amount from 2 200 000 000 kr
    // is found at runtime, so no valid number stands in the source.
    let amount = 2_200_000_000;
    while (!containsPersonalNumber(String(amount))) amount++;
    expect(containsPersonalNumber(String(amount))).toBe(true);
    const files = [
      { path: 'a.json', data: JSON.stringify({ net: amount, share: amount / 1e10 }) },
      { path: 'a.xlsx', data: await workbookWith(amount) },
      { path: 'b.xlsx', data: await workbookWith(1726236 + amount / 1e10) },
      { path: 'a.csv', data: `aktor;netto\nkommun;${amount}\nregion;${amount},5\n` },
      { path: 'a.md', data: `| kommun | ${amount.toLocaleString('sv-SE')} |` },
    ];
    expect(personalNumberOutputs(files, (d) => inflateRawSync(d))).toEqual([]);
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e13, max: 1e13 }), (x) =>
      personalNumberOutputs([{ path: 'r.json', data: JSON.stringify({ x, y: [x] }) }, { path: 'r.csv', data: `a;${x}\n` }], (d) => inflateRawSync(d)).length === 0));
  });

  it('writeFilesAtomically refuses the whole set, writes nothing and never shows the number', () => {
    const out = join(tmp(), 'ut');
    let err: unknown;
    try { writeFilesAtomically([{ path: join(out, 'rapport.json'), data: '{}' }, { path: join(out, 'rapport.md'), data: `namn ${pnr}` }]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ExitError);
    expect((err as ExitError).code).toBe(1);
    expect((err as Error).message).toMatch(/rapport\.md: utdata skulle innehålla ett personnummer/);
    expect((err as Error).message).not.toMatch(/\d{6}/);
    expect(existsSync(out)).toBe(false);
  });

  it('no committed report or example output is a false alarm', () => {
    const root = join(import.meta.dirname, '..', '..', 'reports');
    const all = readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
    expect(all.length).toBeGreaterThan(20);
    expect(personalNumberOutputs(all.map((p) => ({ path: p, data: new Uint8Array(readFileSync(p)) })), (d) => inflateRawSync(d))).toEqual([]);
  });
});

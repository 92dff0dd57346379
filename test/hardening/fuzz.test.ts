/**
 * Issue 13: fuzzing the CLI in-process with mutated example inputs (project YAML, the transition
 * CSV, the participants workbook). Whatever the mutation: exit 0 or 1 only, never a stack trace,
 * never a personnummer in any output, and an accepted input accounts for every row it holds.
 * Valid personnummer are built at runtime.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { captureIo } from '../helpers/io.js';
import { luhnDigit } from '../model/fixtures.js';

const EX = 'data/examples';
const ten = (() => { const b = '850709238'; return `${b}${luhnDigit(b)}`; })();
/** Spellings of one valid personnummer; every output is searched for its serial digits in any of them. */
const PNRS = [ten, `${ten.slice(0, 6)}-${ten.slice(6)}`, `19${ten}`, `${ten.slice(0, 6)}\u2013${ten.slice(6)}`, `${ten.slice(0, 6)} - ${ten.slice(6)}`, `19${ten.slice(0, 2)}-${ten.slice(2, 4)}-${ten.slice(4, 6)}-${ten.slice(6)}`, `${ten.slice(0, 6)}+${ten.slice(6)}`];
const leaked = (text: string) => PNRS.some((p) => text.includes(p)) || text.includes(ten.slice(0, 6) + ten.slice(6)) || new RegExp(`${ten.slice(0, 6)}\\D{0,3}${ten.slice(6)}`).test(text);

const pieces = ['', ';', ',', '"', '\n', '\t', ':', '- ', '{', '}', '[', ']', '#', 'ä', '\u2013', '0', '-1', '1e999', '12', '0,5', 'null', 'namn', 'Q', ' ', '\uFEFF', '\u0000', ...PNRS];
/** A text mutation: insert, delete, duplicate or swap lines, or splice a piece in. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...pieces) }),
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replaceValue' as const), at: fc.nat(), piece: fc.constantFrom(...pieces) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const lines = t.split('\n');
    const i = lines.length ? m.at % lines.length : 0;
    if (m.op === 'insert') { const at = t.length ? m.at % t.length : 0; t = t.slice(0, at) + m.piece + t.slice(at); }
    else if (m.op === 'deleteLine') { lines.splice(i, 1); t = lines.join('\n'); }
    else if (m.op === 'dupLine') { lines.splice(i, 0, lines[i] ?? ''); t = lines.join('\n'); }
    else if (m.op === 'truncate') t = t.slice(0, Math.max(0, t.length - (m.at % 200)));
    else { lines[i] = (lines[i] ?? '').replace(/(:\s*|;)([^;\n]*)$/, (_, a: string) => `${a}${m.piece}`); t = lines.join('\n'); }
  }
  return t;
}

/** Runs a command in-process and checks the invariants common to every input. */
async function check(args: string[]): Promise<{ code: number; out: string }> {
  const io = captureIo();
  const code = await run(args, io);
  const out = io.stdout + io.stderr;
  expect([0, 1], `exit ${code}: ${io.stderr.slice(0, 600)}`).toContain(code);
  expect(out, 'stack trace').not.toMatch(/\n\s+at .+[:(]\d+|Internt fel|Internal error/);
  expect(leaked(out), 'personnummer in output').toBe(false);
  return { code, out };
}

/** Rows a CSV holds below its header (non-empty lines). */
const dataLines = (csv: string) => csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length - 1;

describe('fuzz: mutated example inputs through the CLI (in-process)', { timeout: 120_000 }, () => {
  it('project YAML: exit 0/1, no stack trace, no personnummer echoed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-fz-'));
    const text = readFileSync(join(EX, 'unga-vuxna-coachning', 'projekt.yaml'), 'utf8');
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
      const f = join(dir, 'projekt.yaml');
      writeFileSync(f, mutate(text, ms));
      await check(['calc', f, '--format', 'json']);
    }), { numRuns: 40, seed: 13 });
  });

  it('transition CSV: exit 0/1, no stack trace, no personnummer, accepted ⇒ every row used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-fz-'));
    copyFileSync(join(EX, 'aggregerad-overgangar', 'projekt.yaml'), join(dir, 'projekt.yaml'));
    const csv = readFileSync(join(EX, 'aggregerad-overgangar', 'overgangar.csv'), 'utf8');
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
      const text = mutate(csv, ms);
      writeFileSync(join(dir, 'overgangar.csv'), text);
      const { code, out } = await check(['calc', dir, '--format', 'json']);
      if (code === 0) {
        const m = /(\d+) rader lästa, (\d+) använda, (\d+) avvisade/.exec(out);
        expect(m, out.slice(0, 300)).not.toBeNull();
        expect(Number(m![3])).toBe(0);
        expect(Number(m![1])).toBe(dataLines(text));
      }
    }), { numRuns: 40, seed: 13 });
  });

  it('participants workbook: cells set to hostile values, extra sheets, far cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-fz-'));
    copyFileSync(join(EX, 'excel-exempel', 'projekt.yaml'), join(dir, 'projekt.yaml'));
    const original = readFileSync(join(EX, 'excel-exempel', 'deltagare.xlsx'));
    const edit = fc.record({ sheet: fc.nat(), row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 12 }), value: fc.oneof(fc.constantFrom<ExcelJS.CellValue>(...pieces, null, 1e300, -5, Number(`19${ten}`), new Date(Date.UTC(1985, 6, 9)))) });
    const extra = fc.constantFrom('none', 'sheet', 'far');
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), extra, async (edits, more) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(original as unknown as ArrayBuffer);
      for (const e of edits) wb.worksheets[e.sheet % wb.worksheets.length].getCell(e.row, e.col).value = e.value;
      if (more === 'sheet') wb.addWorksheet('Extra').addRow([PNRS[e0(edits)], 'x']);
      if (more === 'far') wb.worksheets[0].getCell('XFD1048576').value = 'x';
      writeFileSync(join(dir, 'deltagare.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
      const { code, out } = await check(['calc', dir, '--format', 'json']);
      if (code === 0) expect(out).toMatch(/, 0 avvisade/);
    }), { numRuns: 20, seed: 13 });
  });
});

function e0(edits: { row: number }[]): number {
  return edits[0].row % PNRS.length;
}

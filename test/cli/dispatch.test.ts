/**
 * The bin's fast paths for plain `calc` and `report` (cli/dispatch.ts, no yargs) must behave
 * exactly like the full parser: same stdout, stderr, exit code and (report) files for every
 * command line they take, and they must leave every other command line to the full parser.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, plainCalc, plainReport } from '../../cli/dispatch.js';
import { run } from '../../cli/main.js';
import { captureIo } from '../helpers/io.js';

const MAIN = 'data/examples/unga-vuxna-coachning/projekt.yaml';

async function both(args: string[]) {
  const a = captureIo(), b = captureIo();
  const fast = await dispatch(args, a);
  const full = await run(args, b);
  return { fast: { code: fast, out: a.stdout, err: a.stderr }, full: { code: full, out: b.stdout, err: b.stderr } };
}

describe('calc fast path', () => {
  it('recognises only plain calc command lines', () => {
    expect(plainCalc(['calc', MAIN])).toEqual({ project: MAIN, format: 'table', lang: 'sv' });
    expect(plainCalc(['calc', '--lang', 'en', MAIN, '--format=json'])).toEqual({ project: MAIN, format: 'json', lang: 'en' });
    for (const args of [
      ['report', MAIN], ['--lang', 'en', 'calc', MAIN], ['calc'], ['calc', MAIN, 'extra'], ['calc', MAIN, '--format', 'xml'],
      ['calc', MAIN, '--format'], ['calc', MAIN, '--format', 'json', '--format', 'table'], ['calc', MAIN, '--pseudonymisera'],
      ['calc', MAIN, '--help'], ['calc', MAIN, '-h'], ['calc', '--', MAIN], ['calc', MAIN, '--nyckelfil', 'k'], ['calc', ''],
      ['calc', MAIN, '--constructor', 'x'], ['calc', MAIN, '--toString', 'table'], ['calc', MAIN, '--__proto__', 'json'],
    ]) expect(plainCalc(args), args.join(' ')).toBeUndefined();
  });

  const dir = mkdtempSync(join(tmpdir(), 'samnytta-dispatch-'));
  const bad = join(dir, 'projekt.json');
  writeFileSync(bad, JSON.stringify({ name: 'T', priceYear: 2025, cost: { total: 1, financing: 'finsam' }, participants: [{ id: 'a', fore: { lines: [{ item: 'kommun.finns_inte', months: 12 }] }, efter: { lines: [] } }] }));
  for (const args of [
    ['calc', MAIN], ['calc', MAIN, '--format', 'json'], ['calc', MAIN, '--lang=en'], ['calc', '--format=json', '--lang', 'en', MAIN],
    ['calc', 'finns-inte.yaml'], ['calc', bad], ['calc', bad, '--lang', 'en'],
    ['calc', MAIN, '--format', 'xml'], ['calc'],
  ]) {
    it(`same output and exit code as the full parser: ${args.join(' ')}`, async () => {
      const { fast, full } = await both(args);
      expect(fast).toEqual(full);
    });
  }
});

describe('report fast path', () => {
  const ALL = ['html', 'pdf', 'xlsx', 'md', 'json'];

  it('recognises only plain report command lines, with main.ts\'s defaults', () => {
    expect(plainReport(['report', MAIN, '--out', 'ut'])).toEqual({ project: MAIN, out: 'ut', formats: ALL, lang: 'sv' });
    expect(plainReport(['report', '--lang=en', '--out=ut', MAIN, '--format', ' md, json,', '--datum', '2026-01-01']))
      .toEqual({ project: MAIN, out: 'ut', formats: ['md', 'json'], datum: '2026-01-01', lang: 'en' });
    expect(plainReport(['report', MAIN, '--out', 'a=b', '--format=,'])).toEqual({ project: MAIN, out: 'a=b', formats: [], lang: 'sv' });
    for (const args of [
      ['report', MAIN], ['report', '--out', 'ut'], ['report', MAIN, '--out', 'ut', 'extra'], ['report', MAIN, '--out'], ['report', '', '--out', 'ut'],
      ['calc', MAIN], ['--lang', 'en', 'report', MAIN, '--out', 'ut'], ['report', MAIN, '--out', 'ut', '--out', 'ut2'], ['report', MAIN, '--out=ut', '--out', 'ut'],
      ['report', MAIN, '--out', 'ut', '--format', 'md', '--format=json'], ['report', MAIN, '--out', 'ut', '--datum', '2026-01-01', '--datum=2026-01-02'],
      ['report', MAIN, '--out', 'ut', '--lang', 'en', '--lang', 'sv'], ['report', MAIN, '--out', 'ut', '--lang', 'de'],
      ['report', MAIN, '--out', ''], ['report', MAIN, '--out='], ['report', MAIN, '--out', 'ut', '--format', ''], ['report', MAIN, '--out', 'ut', '--datum='],
      ['report', MAIN, '--out', 'ut', '--datum'], ['report', MAIN, '--out', '-x'], ['report', '-x', '--out', 'ut'], ['report', MAIN, '-o', 'ut'],
      ['report', MAIN, '--out', '"ut"'], ['report', MAIN, '--out="ut"'], ['report', "'p'", '--out', 'ut'], ['report', MAIN, '--out', 'ut', '--format', '"md"'],
      ['report', MAIN, '--out', 'ut', '--pseudonymisera'], ['report', MAIN, '--out', 'ut', '--nyckelfil', 'k'], ['report', MAIN, '--out', 'ut', '--deltagarrader'],
      ['report', MAIN, '--out', 'ut', '--per-kommun'], ['report', MAIN, '--out', 'ut', '--perKommun'], ['report', MAIN, '--out', 'ut', '--no-datum'],
      ['report', MAIN, '--out', 'ut', '--help'], ['report', MAIN, '--out', 'ut', '-h'], ['report', MAIN, '--out', 'ut', '--version'], ['report', '--', MAIN, '--out', 'ut'],
      ['report', MAIN, '--out', 'ut', '--'], ['report', MAIN, '--out', 'ut', '--outt', 'x'],
    ]) expect(plainReport(args), args.join(' ')).toBeUndefined();
  });

  const root = mkdtempSync(join(tmpdir(), 'samnytta-dispatch-report-'));
  const out = join(root, 'ut');
  const bad = join(root, 'projekt.json');
  writeFileSync(bad, JSON.stringify({ name: 'T', priceYear: 2025, cost: { total: 1, financing: 'finsam' }, participants: [{ id: 'a', fore: { lines: [{ item: 'kommun.finns_inte', months: 12 }] }, efter: { lines: [] } }] }));

  /** Every file and folder under `dir`, path → bytes ('dir' for a folder). */
  const snapshot = (dir: string): Record<string, Buffer | 'dir'> => {
    const files: Record<string, Buffer | 'dir'> = {};
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const path = join(e.parentPath, e.name);
      files[path.slice(root.length + 1)] = e.isDirectory() ? 'dir' : readFileSync(path);
    }
    return files;
  };
  /** One command line run from the same starting state; the duration in the last stderr line varies. */
  const once = async (f: typeof dispatch, args: string[], setup: () => void) => {
    rmSync(out, { recursive: true, force: true });
    setup();
    const io = captureIo();
    const code = await f(args, io);
    return { code, out: io.stdout, err: io.stderr.replace(/ \d+\.\d s\n$/, ' N s\n'), files: snapshot(root) };
  };

  afterEach(() => vi.unstubAllEnvs());

  const existing = () => { mkdirSync(out); writeFileSync(join(out, 'annan.txt'), 'behålls'); writeFileSync(join(out, 'rapport.md'), 'gammal'); };
  const fileInTheWay = () => writeFileSync(out, 'en fil');
  for (const [label, code, args, setup] of [
    ['html', 0, ['report', MAIN, '--out', out, '--format', 'html', '--datum', '2026-01-01']],
    ['md', 0, ['report', MAIN, '--out', out, '--format=md', '--datum=2026-01-01']],
    ['json', 0, ['report', '--format', 'json', MAIN, '--out', out, '--datum', '2026-01-01']],
    ['xlsx', 0, ['report', MAIN, '--out', out, '--format', 'xlsx', '--datum', '2026-01-01']],
    ['html,md,json --lang en', 0, ['report', MAIN, '--out', out, '--format', 'html, md,json', '--lang', 'en', '--datum', '2026-01-01']],
    ['json,xlsx, SOURCE_DATE_EPOCH', 0, ['report', MAIN, '--out', out, '--format', 'json,xlsx']],
    ['every format, no browser (the PDF notice)', 0, ['report', MAIN, '--out', out]],
    ['pdf only, no browser', 1, ['report', MAIN, '--out', out, '--format', 'pdf', '--lang=en']],
    ['an existing folder with other files', 0, ['report', MAIN, '--out', out, '--format', 'md,json', '--datum', '2026-01-01'], existing],
    ['a file as --out', 1, ['report', MAIN, '--out', out, '--format', 'json'], fileInTheWay],
    ['a missing project', 1, ['report', join(root, 'finns-inte.yaml'), '--out', out, '--format', 'json']],
    ['a bad project', 1, ['report', bad, '--out', out, '--format', 'json']],
    ['a bad project, en', 1, ['report', bad, '--out', out, '--format', 'json', '--lang', 'en']],
    ['an unknown format', 2, ['report', MAIN, '--out', out, '--format', 'html,svg']],
    ['an empty format list', 2, ['report', MAIN, '--out', out, '--format', ',']],
    ['a malformed --datum', 2, ['report', MAIN, '--out', out, '--format', 'json', '--datum', '2026-13-45']],
  ] as [string, number, string[], (() => void)?][]) {
    it(`same exit code, output and files as the full parser: ${label}`, async () => {
      expect(plainReport(args)).toBeDefined(); // the fast path is what is compared
      vi.stubEnv('SOURCE_DATE_EPOCH', '1767225600'); // 2026-01-01
      vi.stubEnv('SAMNYTTA_CHROMIUM', join(root, 'ingen-chromium'));
      const fast = await once(dispatch, args, setup ?? (() => {}));
      const full = await once(run, args, setup ?? (() => {}));
      expect(fast).toEqual(full);
      expect(fast.code, fast.err).toBe(code);
      if (code === 0) expect(Object.keys(fast.files).filter((f) => f.startsWith('ut/rapport.')).length).toBeGreaterThan(0);
      expect(Object.keys(fast.files).filter((f) => f.includes('samnytta-'))).toEqual([]); // no temporary folders left
    });
  }
});

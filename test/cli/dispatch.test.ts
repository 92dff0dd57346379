/**
 * The bin's fast path for plain `calc` (cli/dispatch.ts, no yargs) must behave exactly like the
 * full parser: same stdout, stderr and exit code for every command line it takes, and it must
 * leave every other command line to the full parser.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, plainCalc } from '../../cli/dispatch.js';
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

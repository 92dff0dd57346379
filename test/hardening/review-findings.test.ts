/**
 * Findings of the independent review of the performance work (session 4), each shown to fail
 * before its fix:
 * - transition lines (from the project's `mapping:`) skipped every line check once table lines
 *   were taken as read, so a bad mapping gave figures (even NaN) instead of errors;
 * - a project nested thousands deep overflowed the fast YAML reader's stack: an internal error
 *   (exit 3) instead of yaml's "ogiltig YAML";
 * - a läge, kön or evidens cell `constructor` was read from Object.prototype and accepted.
 * (The catalogue's ctime check is tested in test/catalog/compiled.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { parseKon } from '../../lib/model/attributes.js';
import { parseProjectText, readProject } from '../../lib/model/read-project.js';
import { parseSimpleYaml } from '../../lib/util/simple-yaml.js';
import { InputError } from '../../lib/util/errors.js';

const repo = join(import.meta.dirname, '..', '..');
const catalog = loadCatalog();
const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-review-'));

/** The aggregated example with its mapping's sjukpenning lines replaced. */
function aggregated(lines: string): string {
  const dir = tmp();
  cpSync(join(repo, 'data/examples/aggregerad-overgangar'), dir, { recursive: true });
  const file = join(dir, 'projekt.yaml');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('mapping:');
  expect(at).toBeGreaterThan(0);
  writeFileSync(file, `${text.slice(0, at)}mapping:\n  sjukpenning:\n    lines:\n${lines}`);
  return file;
}

describe('transition lines are checked like any line', () => {
  for (const [line, sv, en] of [
    ['{ item: fk.sjukpenning, months: 12, extnt: 0.5 }', 'okänd nyckel', 'unknown key'],
    ['{ item: fk.sjukpenning, months: 12, extent: 5 }', 'högst 1', 'at most 1'],
    ['{ item: fk.sjukpenning, months: 12, perMonth: -3 }', 'negativ', 'negative'],
    ['{ item: fk.sjukpenning }', 'värde krävs', 'value required'], // no months: NaN figures before the fix
  ] as const) {
    it(line, async () => {
      const r = await readProject(aggregated(`      - ${line}\n`), catalog);
      const errors = r.problems.filter((p) => p.severity === 'error');
      expect(errors.length, JSON.stringify(r.problems.slice(0, 3))).toBeGreaterThan(0);
      expect(errors.some((p) => p.sv.includes(sv) && p.en.includes(en)), JSON.stringify(errors[0])).toBe(true);
    });
  }

  it('a valid mapping still reads without problems', async () => {
    const r = await readProject(aggregated('      - { item: fk.sjukpenning, months: 12, extent: 0.5 }\n'), catalog);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('deeply nested YAML', () => {
  const deep = (n: number) => `name: T\nextra: ${'['.repeat(n)}${']'.repeat(n)}\n`;

  it('is refused as invalid YAML, not an internal error', () => {
    let error: unknown;
    try {
      parseProjectText(deep(3000), 'projekt.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
  });

  it('the fast reader leaves deep documents to yaml (block and flow)', () => {
    expect(parseSimpleYaml(deep(1000))).toBeUndefined();
    expect(parseSimpleYaml(deep(3000))).toBeUndefined();
    const block = Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(parseSimpleYaml(block)).toBeUndefined();
    expect(parseSimpleYaml(deep(5))).toEqual({ name: 'T', extra: [[[[[]]]]] });
  });
});

describe('cells are looked up among their own spellings only', () => {
  it('kön `constructor` is not a kön', () => {
    expect(parseKon('constructor')).toBeUndefined();
    expect(parseKon('Kvinna')).toBe('K');
  });

  it('läge `constructor` is refused with the läge message', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'situationer.csv'), 'deltagare;lage;post;manader\nD01;fore;kommun.forsorjningsstod;12\nD01;constructor;kommun.forsorjningsstod;12\n');
    writeFileSync(join(dir, 'projekt.yaml'), 'name: T\npriceYear: 2025\ncost: {total: 1000, financing: finsam}\nparticipantsFile: situationer.csv\n');
    const r = await readProject(join(dir, 'projekt.yaml'), catalog);
    const lage = r.problems.filter((p) => p.severity === 'error' && p.sv.startsWith('läge ska vara'));
    expect(lage.length, JSON.stringify(r.problems)).toBe(1);
    expect(lage[0].value).toBe('constructor');
  });
});

/**
 * Follow-up years in participant files (method §5.1): the `uppfoljningsar` column puts efter rows
 * in year 1 (blank), 2 or 3; a bad year names file, row, column and value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { nodeFiles } from '../../lib/model/node-files.js';
import { readParticipantsFile } from '../../lib/model/participants-file.js';
import { readProject } from '../../lib/model/read-project.js';
import { calculate } from '../../lib/calculate.js';
import { swedishExcelCsv, testCatalog } from './fixtures.js';

const catalog = testCatalog();
const HEAD = ['Deltagare', 'Läge', 'Uppföljningsår', 'Post', 'Månader'];

describe('uppfoljningsar column', () => {
  it('reads years 1 (blank or 1), 2 and 3 into efter, efter2 and efter3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-fu-'));
    writeFileSync(join(dir, 's.csv'), swedishExcelCsv([
      HEAD,
      ['D1', 'före', null, 'kommun.forsorjningsstod', 12],
      ['D1', 'efter', null, 'kommun.forsorjningsstod', 6],
      ['D1', 'efter', 3, 'kommun.forsorjningsstod', 2],
      ['D2', 'före', null, 'kommun.forsorjningsstod', 12],
      ['D2', 'efter', 1, 'kommun.forsorjningsstod', 4],
      ['D2', 'efter', '2', 'kommun.forsorjningsstod', 3],
    ]));
    const r = await readParticipantsFile(join(dir, 's.csv'), catalog, { files: nodeFiles });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.participants[0]).toMatchObject({ id: 'D1', efter: { lines: [{ months: 6 }] }, efter3: { lines: [{ months: 2 }] } });
    expect(r.participants[0].efter2).toBeUndefined();
    expect(r.participants[1]).toMatchObject({ id: 'D2', efter: { lines: [{ months: 4 }] }, efter2: { lines: [{ months: 3 }] } });
    expect(r.origins[0].lines).toEqual({ fore: [2], efter: [3], efter3: [4] });
  });

  it('refuses year 0, 4, "två" and a year on a före row, naming file, row, column and value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-fu-'));
    writeFileSync(join(dir, 's.csv'), swedishExcelCsv([
      HEAD,
      ['D1', 'före', null, 'kommun.forsorjningsstod', 12],
      ['D1', 'efter', 0, 'kommun.forsorjningsstod', 6],
      ['D1', 'efter', 4, 'kommun.forsorjningsstod', 6],
      ['D1', 'efter', 'två', 'kommun.forsorjningsstod', 6],
      ['D1', 'före', 2, 'kommun.forsorjningsstod', 6],
    ]));
    const r = await readParticipantsFile(join(dir, 's.csv'), catalog, { files: nodeFiles });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => [e.row, e.column, e.path, e.value])).toEqual([
      [3, 'Uppföljningsår', 'C3', '0'], [4, 'Uppföljningsår', 'C4', '4'], [5, 'Uppföljningsår', 'C5', 'två'], [6, 'Uppföljningsår', 'C6', '2'],
    ]);
    expect(errors[0].file).toContain('s.csv');
    expect(errors[0].sv).toBe('uppföljningsår ska vara 1, 2 eller 3 (tomt = 1)');
    expect(errors[3].sv).toContain('bara rader med läge efter');
    expect(r.counts[0]).toMatchObject({ read: 5, used: 1, rejected: 4 });
  });

  it('the bundled example reads every row and uses the observed years', async () => {
    const real = loadCatalog();
    const { project, problems } = await readProject('data/examples/uppfoljning-tre-ar', real);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const r = calculate(project!, real);
    // D01–D03, D05, D08 observed in years 1–3 (D04 in 1 and 3); D06, D07 in year 1 only.
    expect(r.followUpYears).toEqual({ '1': 8, '2': 5, '3': 6 });
    expect(r.groups.samhallet.effectByYear).toHaveLength(3);
  });
});

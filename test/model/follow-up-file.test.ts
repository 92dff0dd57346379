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
import { validateProject } from '../../lib/model/project.js';
import { readTransitions } from '../../lib/model/transitions.js';
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

describe('uppfoljningsar in a transition table (aggregated input)', () => {
  const real = loadCatalog();
  const project = async (rows: Record<string, unknown>[]) => {
    const read = await readTransitions(rows, real, { files: nodeFiles });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const v = validateProject({ name: 'T', priceYear: 2025, cost: { total: 0, financing: 'finsam' }, participants: read.participants }, real, 'projekt.yaml');
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return { read, result: calculate(v.project!, real) };
  };
  const year1 = [
    { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'arbete', antal: 3 },
    { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'forsorjningsstod', antal: 7 },
  ];
  const year3 = [
    { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'arbete', antal: 6, uppfoljningsar: 3 },
    { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'forsorjningsstod', antal: 4, uppfoljningsar: 3 },
  ];

  it('each year\'s table gives that year\'s effect; the cohort is counted once', async () => {
    // Year 1: 3 of 10 in work; year 3: 6 of 10. Paired in row order: 3 arbete→arbete, 3
    // försörjningsstöd→arbete, 4 försörjningsstöd→försörjningsstöd: 10 typfall-weights, not 20.
    const both = await project([...year1, ...year3]);
    expect(both.read.participants.map((p) => [p.id, p.weight])).toEqual([
      ['rad 1+3: forsorjningsstod → arbete (år 1) → arbete (år 3)', 3],
      ['rad 2+3: forsorjningsstod → forsorjningsstod (år 1) → arbete (år 3)', 3],
      ['rad 2+4: forsorjningsstod → forsorjningsstod (år 1) → forsorjningsstod (år 3)', 4],
    ]);
    const r = both.result;
    expect(r.participants).toBe(10);
    expect(r.followUpYears).toEqual({ '1': 10, '3': 10 });
    const one = (await project(year1)).result.groups.samhallet.annualEffect;
    const three = (await project(year3.map(({ uppfoljningsar: _, ...x }) => x))).result.groups.samhallet.annualEffect;
    expect(three).toBeCloseTo(2 * one, 4);
    const e = r.groups.samhallet.effectByYear!;
    expect(e[0]).toBeCloseTo(one, 4);
    expect(e[1]).toBeCloseTo(one, 4);
    expect(e[2]).toBeCloseTo(three, 4);
    expect(r.groups.samhallet.annualEffect).toBeCloseTo(one, 4);
  });

  it('without later years the typfall are exactly as before, one per row', async () => {
    const r = await project(year1);
    expect(r.read.participants.map((p) => p.id)).toEqual(['rad 1: forsorjningsstod → arbete', 'rad 2: forsorjningsstod → forsorjningsstod']);
    expect(r.result.followUpYears).toBeUndefined();
  });

  it('a bad year names the row, column and value', async () => {
    const read = await readTransitions([{ forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'arbete', antal: 3, uppfoljningsar: 'två' }], real, { files: nodeFiles, projectFile: 'projekt.yaml' });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ row: 1, column: 'uppfoljningsar', value: 'två', sv: 'uppföljningsår ska vara 1, 2 eller 3 (tomt = 1)' }),
    ]);
  });
});

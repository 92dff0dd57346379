/**
 * Worst cases for input hardening (issue 13), timed by `npm run bench` in their own child process:
 * a workbook with one stray cell at XFD1048576, 20 000 CSV rows that are all wrong, 20 000 XLSX rows
 * that are all wrong, and a 14 MB project file (refused by the size guard before parsing). Before
 * the fixes these took > 60 s, 11.5 s (superlinear), minutes and 34 s / 1.1 GB.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadCatalog } from '../lib/catalog/load.js';
import { readParticipantsFile } from '../lib/model/participants-file.js';
import { nodeFiles } from '../lib/model/node-files.js';
import { readProject } from '../lib/model/read-project.js';

export interface WorstCase { label: string; ms: number; problems: number }

const BAD_ROWS = 20_000;

async function time(label: string, f: () => Promise<number>): Promise<WorstCase> {
  const t0 = performance.now();
  const problems = await f();
  return { label, ms: performance.now() - t0, problems };
}

/** Runs every worst case once (the files are built first and not timed). */
export async function worstCases(): Promise<WorstCase[]> {
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-worst-'));
  const catalog = loadCatalog();
  const far = new ExcelJS.Workbook();
  const ws = far.addWorksheet('Situationer');
  ws.addRow(['deltagare', 'lage', 'post', 'manader']);
  ws.addRow(['D001', 'fore', 'kommun.forsorjningsstod', 12]);
  ws.getCell('XFD1048576').value = 'x';
  writeFileSync(join(dir, 'far.xlsx'), Buffer.from(await far.xlsx.writeBuffer()));
  const badRow = (i: number) => [`D${i}`, 'mitt emellan', 'kommun.okand', 'tolv', '-1'];
  writeFileSync(join(dir, 'bad.csv'), ['deltagare;lage;post;manader;omfattning', ...Array.from({ length: BAD_ROWS }, (_, i) => badRow(i).join(';'))].join('\n'));
  const bad = new ExcelJS.Workbook();
  const bs = bad.addWorksheet('Situationer');
  bs.addRow(['deltagare', 'lage', 'post', 'manader', 'omfattning']);
  for (let i = 0; i < BAD_ROWS; i++) bs.addRow(badRow(i));
  writeFileSync(join(dir, 'bad.xlsx'), Buffer.from(await bad.xlsx.writeBuffer()));
  writeFileSync(join(dir, 'stor.yaml'), `name: x\nparticipants:\n${'  - { id: D001, fore: { lines: [] }, efter: { lines: [] } }\n'.repeat(250_000)}`);
  const problems = async (paths: string) => (await readParticipantsFile(join(dir, paths), catalog, { files: nodeFiles })).problems.length;
  return [
    await time('workbook with one stray cell at XFD1048576', () => problems('far.xlsx')),
    await time(`${BAD_ROWS.toLocaleString('en-US')} CSV rows, every one wrong`, () => problems('bad.csv')),
    await time(`${BAD_ROWS.toLocaleString('en-US')} XLSX rows, every one wrong`, () => problems('bad.xlsx')),
    await time('14 MB project file (size guard)', async () => {
      try { await readProject(join(dir, 'stor.yaml'), catalog); return 0; } catch (e) { return (e as { problems?: unknown[] }).problems?.length ?? -1; }
    }),
  ];
}

/** The section bench/run.ts appends to RESULTS.md. */
export function worstCasesSection(cases: WorstCase[]): string {
  return `
## Worst-case inputs (issue 13)

Each is refused with a clear message (the problems column counts them); before the fixes these took > 60 s (stray
cell), 11.5 s for 20 000 bad CSV rows (superlinear), minutes for bad XLSX rows and 34 s / 1.1 GB for a 14 MB YAML.

| Case | Wall time | Problems reported |
|---|---|---|
${cases.map((c) => `| ${c.label} | ${Math.round(c.ms).toLocaleString('en-US')} ms | ${c.problems.toLocaleString('en-US')} |`).join('\n')}
`;
}

/**
 * Reading a project from files in memory (what the notebooks do with a picked folder) gives the
 * same project and the same problems as reading it from disk (what the CLI does).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { memoryFiles, normalizePath } from '../../lib/model/file-source.js';
import { findProjectFile, readProjectFromFiles } from '../../lib/model/project-files.js';
import { readProject } from '../../lib/model/read-project.js';
import { formatProblem } from '../../lib/util/errors.js';

const catalog = loadCatalog();
const examples = join('data', 'examples');
const options = {};

/** A folder's files as a browser's folder picker names them: `<folder>/<path>`. */
function picked(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const full = join(d, n);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(join(dir, '..'), full).split(sep).join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

describe('readProjectFromFiles()', () => {
  // Folders with a project file (a forecast plan, prognos.yaml, is read by samnytta prognos).
  for (const id of readdirSync(examples).sort().filter((d) => existsSync(join(examples, d, 'projekt.yaml')))) {
    it(`data/examples/${id}: the same project as readProject from disk`, async () => {
      const disk = await readProject(join(examples, id), catalog);
      const memory = await readProjectFromFiles(picked(join(examples, id)), catalog, options);
      expect(memory.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(memory.project).toBeDefined();
      // Problems and notes name files by their picked paths, so compare everything else.
      const { warnings: dw, ...dp } = disk.project!;
      const { warnings: mw, ...mp } = memory.project!;
      expect(mp).toEqual(dp);
      expect((mw ?? []).map((w) => w.sv)).toEqual((dw ?? []).map((w) => w.sv));
      expect(memory.notes.map((n) => n.sv.replaceAll(`${id}/`, ''))).toEqual(disk.notes.map((n) => n.sv.replaceAll(`${join(examples, id)}${sep}`, '')));
    });
  }

  it('a missing table file is named as the user picked it (not "minst en deltagare krävs" alone)', async () => {
    const files = picked(join(examples, 'excel-exempel'));
    files.delete('excel-exempel/deltagare.xlsx');
    const r = await readProjectFromFiles(files, catalog, options);
    expect(r.project).toBeUndefined();
    expect(formatProblem(r.problems[0], 'sv')).toMatch(/^excel-exempel\/deltagare\.xlsx: filen finns inte; kontrollera namnet i projektfilen/);
  });

  it('refuses files without a project file, saying what to pick', async () => {
    const r = await readProjectFromFiles(new Map([['deltagare.xlsx', new Uint8Array([1])]]), catalog, options);
    expect(r.project).toBeUndefined();
    expect(r.problems.map((p) => p.sv)).toEqual([expect.stringMatching(/^ingen projektfil \(projekt\.yaml\) bland filerna/)]);
  });

  it('finds the project file nearest the top, in PROJECT_FILE_NAMES order', () => {
    expect(findProjectFile(['a/b/projekt.yaml', 'a/project.json', 'a/projekt.yaml', 'a/x.csv'])).toBe('a/projekt.yaml');
    expect(findProjectFile(['mapp/Projekt.YAML'])).toBe('mapp/Projekt.YAML');
    expect(findProjectFile(['deltagare.xlsx'])).toBeUndefined();
  });

  it('resolves names in the project file against its folder, with \\, ./ and ../', () => {
    const f = memoryFiles(new Map([['p/csv/s.csv', Uint8Array.of(1)], ['q.csv', Uint8Array.of(2)]]));
    expect(f.read(f.join('p', 'csv\\s.csv'))).toEqual(Uint8Array.of(1));
    expect(f.read(f.join('p', './csv/../csv/s.csv'))).toEqual(Uint8Array.of(1));
    expect(f.read(f.join('p', '../q.csv'))).toEqual(Uint8Array.of(2));
    expect(f.read(f.join('p', '../../../q.csv'))).toEqual(Uint8Array.of(2));
    expect(normalizePath('/a//./b/')).toBe('a/b');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { nodeFiles } from '../../lib/model/node-files.js';
import { ageFromGroup, bundledMapping, findCategory, readTransitions } from '../../lib/model/transitions.js';
import { swedishExcelCsv, testCatalog, workbook } from './fixtures.js';

const catalog = testCatalog();
// The bundled mapping comes with the catalogue (data/mappings/transitions.yaml, checked by parseCatalog).
const bundled = bundledMapping(loadCatalog());
const base = { baseMapping: bundled, files: nodeFiles };
const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-tr-'));

describe('transition mapping (data/mappings/transitions.yaml)', () => {
  it('every category maps to catalogue items within the observation period', () => {
    const m = bundled;
    expect(m.months).toBe(12);
    for (const c of m.categories.values()) for (const l of c.lines) {
      expect(catalog.items.has(l.item as string), `${c.id}: ${l.item}`).toBe(true);
      expect(l.months as number).toBeLessThanOrEqual(12);
    }
    expect(findCategory(m, 'Ekonomiskt bistånd')?.id).toBe('forsorjningsstod');
    expect(findCategory(m, 'A-kassa')?.id).toBe('arbetsloshetsersattning');
    expect(findCategory(m, 'Förvärvsarbete')?.id).toBe('arbete');
  });
});

describe('ageFromGroup()', () => {
  it('reads age groups as typfall ages (midpoints)', () => {
    expect(ageFromGroup('16–24')).toEqual({ low: 16, high: 24, age: 20 });
    expect(ageFromGroup('25-29 år')).toEqual({ low: 25, high: 29, age: 27 });
    expect(ageFromGroup('50+')).toEqual({ low: 50, high: 66, age: 58 });
    expect(ageFromGroup('ung')).toBeUndefined();
  });
});

describe('readTransitions()', () => {
  it('turns a Windows-1252 transition table into weighted typfall, with several sources per cell', async () => {
    const f = join(tmp(), 'overgangar.csv');
    writeFileSync(f, swedishExcelCsv([
      ['Försörjning före', 'Försörjning efter', 'Antal', 'Kön'],
      ['Försörjningsstöd', 'Arbete', 6, 'K'],
      ['Sjukpenning + försörjningsstöd', 'Ingen offentlig försörjning', 3, 'M'],
      ['forsorjningsstod', 'forsorjningsstod', 0, 'K'],
    ]));
    const r = await readTransitions(f, catalog, base);
    expect(r.problems).toEqual([]);
    expect(r.participants.map((p) => [p.id, p.weight, p.attributes])).toEqual([
      ['rad 2: forsorjningsstod → arbete K', 6, { kon: 'K' }],
      ['rad 3: sjukpenning+forsorjningsstod → ingen_ersattning M', 3, { kon: 'M' }],
    ]);
    const fore = (r.participants[1].fore as { lines: { item: string }[] }).lines.map((l) => l.item);
    expect(fore).toContain('fk.sjukpenning');
    expect(fore).toContain('kommun.forsorjningsstod');
    expect(r.counts).toEqual([{ kind: 'transitions', file: f, sheet: undefined, read: 3, used: 3, rejected: 0 }]);
  });

  it('rejects bad rows naming row and column, and applies project overrides', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Övergångar');
      ws.addRow(['forsorjning_fore', 'forsorjning_efter', 'antal', 'aldersgrupp']);
      ws.addRow(['sjukpenning', 'lonebidrag', 4, '25–29']);
      ws.addRow(['sjukpenning', 'okänd kategori', 2.5, 'gammal']);
      ws.addRow(['', 'egen_kategori', 1, '50+']);
    });
    const f = join(tmp(), 'o.xlsx');
    writeFileSync(f, bytes);
    const r = await readTransitions(f, catalog, {
      ...base,
      mapping: { sjukpenning: { lines: [{ item: 'fk.sjukpenning', months: 12, extent: 0.5 }] }, egen_kategori: { label: 'Egen', lines: [] } },
    });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.sheet}!${p.row}:${p.column}`)).toEqual(['Övergångar!3:forsorjning_efter', 'Övergångar!3:antal', 'Övergångar!3:aldersgrupp', 'Övergångar!4:forsorjning_fore']);
    expect(r.participants).toHaveLength(1);
    expect(r.participants[0].attributes).toEqual({ alder: 27 });
    expect((r.participants[0].fore as { lines: unknown[] }).lines).toEqual([{ item: 'fk.sjukpenning', months: 12, extent: 0.5 }]);
    expect(r.counts[0]).toMatchObject({ read: 3, used: 1, rejected: 2 });
  });

  it('reports a bad override at its key path', async () => {
    const r = await readTransitions([{ forsorjning_fore: 'arbete', forsorjning_efter: 'arbete', antal: 2 }], catalog, {
      ...base, projectFile: 'p.yaml', mapping: { arbete: { lines: [{ item: 'finns.inte', months: 14 }] } },
    });
    expect(r.problems.map((p) => p.path)).toEqual(['mapping.arbete.lines[0].item', 'mapping.arbete.lines[0].months']);
  });
});

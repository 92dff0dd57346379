import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import { readProject } from '../../lib/model/read-project.js';
import { subgroupTables } from '../../lib/results/subgroups.js';

describe('bundled tabular examples', () => {
  const catalog = loadCatalog();

  it('data/examples/excel-exempel: every row used; unsuppressed subgroups never exceed the total', async () => {
    const { project, problems, notes } = await readProject('data/examples/excel-exempel', catalog);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(notes[0].sv).toMatch(/^149 rader lästa, 149 använda, 0 avvisade/);
    const result = calculate(project!, catalog);
    expect(result.participants).toBe(24);
    const tables = subgroupTables(priceProject(project!, catalog), result, project!);
    const kon = tables.find((t) => t.dimension === 'kon')!;
    expect(kon.rows.map((r) => [r.key, r.participants])).toEqual([['K', 12], ['M', 12]]);
    const sum = kon.rows.reduce((s, r) => s + r.annualEffect!.samhallet, 0);
    expect(sum).toBeCloseTo(result.groups.samhallet.annualEffect, 4);
    for (const t of tables) for (const r of t.rows) if (!r.suppressed) expect(r.participants!).toBeGreaterThanOrEqual(5);
  });

  it('data/examples/aggregerad-overgangar: typfall weights sum to the table, with the sjukpenning override', async () => {
    const { project, problems } = await readProject('data/examples/aggregerad-overgangar', catalog);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(project!.participants.reduce((s, p) => s + p.weight, 0)).toBe(60);
    const sp = project!.participants.find((p) => p.id.startsWith('rad 8:'))!;
    expect(sp.fore.lines[0]).toMatchObject({ item: 'fk.sjukpenning', extent: 0.5 });
    const result = calculate(project!, catalog);
    expect(result.groups.samhallet.annualEffect).toBeGreaterThan(0);
  });
});

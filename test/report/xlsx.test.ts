import { describe, expect, it } from 'vitest';
import { buildWorkbook, SHEETS } from '../../lib/report/xlsx.js';
import { evaluateBook, loadBook } from './formula-eval.js';
import { fixture, type Fixture } from './fixture.js';
import { evaluate } from '../../lib/results/evaluate.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

async function check(f: Fixture) {
  const buf = await buildWorkbook({ ...f, lang: 'sv', datum: '2025-12-31' });
  const book = await loadBook(buf);
  const get = evaluateBook(book);
  const res = book.cells.get(SHEETS.resultat)!;
  const H = String(f.result.project.horizonYears);
  let rows = 0;
  for (let r = 2; res.get(`A${r}`); r++) {
    const id = res.get(`A${r}`)!.value as string;
    const a = f.result.actors[id] ?? f.result.groups[id];
    if (!a) continue;
    rows++;
    const expected: [string, number][] = [['C', a.annualEffect], ['D', a.cost], ['E', a.horizons['1'].benefit], ['F', a.horizons['1'].net], ['G', a.horizons[H].benefit], ['H', a.horizons[H].net]];
    for (const [c, v] of expected) {
      const got = get(SHEETS.resultat, `${c}${r}`) as number;
      expect(close(got, v), `${id} ${c}: recomputed ${got}, engine ${v}`).toBe(true);
      expect(close(res.get(`${c}${r}`)!.cached as number, v), `${id} ${c}: cached`).toBe(true);
    }
  }
  // Every formula's cached result equals its recomputed value.
  for (const [sheet, cells] of book.cells) for (const [a, c] of cells) if (c.formula !== undefined && typeof c.cached === 'number') {
    expect(close(get(sheet, a) as number, c.cached), `${sheet}!${a} =${c.formula}`).toBe(true);
  }
  return { book, rows, buf };
}

describe('buildWorkbook()', () => {
  it('buildWorkbook(): formulas recomputed equal the engine per actor and group', async () => {
    const { rows } = await check(fixture());
    expect(rows).toBe(11);
  });

  it('buildWorkbook(): also with deadweight, drop-off, discounting and cost by year', async () => {
    await check(fixture({ deadweight: 0.2, dropOff: 0.1, discountRate: 0.035, cost: { byYear: [{ year: 1, amount: 800_000 }, { year: 2, amount: 400_000, financing: { kommun: 1 } }], financing: 'finsam' } }));
  });

  it('buildWorkbook(): changing a unit cost on Katalogvärden moves the totals as the engine would', async () => {
    const f = fixture();
    const { book } = await check(f);
    const kat = book.cells.get(SHEETS.katalog)!;
    let row = 0;
    for (const [a, c] of kat) if (a.startsWith('A') && c.value === 'kommun.forsorjningsstod') row = Number(a.slice(1));
    expect(row).toBeGreaterThan(0);
    const get = evaluateBook(book, { [`${SHEETS.katalog}!C${row}`]: 8400 });
    // The engine with the new unit cost.
    const item = f.catalog.items.get('kommun.forsorjningsstod')!;
    const catalog = { ...f.catalog, items: new Map(f.catalog.items) };
    catalog.items.set(item.id, { ...item, values: [{ ...item.values[0], value: 8400 }] });
    const { fixtureLedger } = await import('./fixture.js');
    const r2 = evaluate(fixtureLedger(f.project, catalog), f.project, catalog);
    const res = book.cells.get(SHEETS.resultat)!;
    for (let r = 2; res.get(`A${r}`); r++) {
      const id = res.get(`A${r}`)!.value as string;
      if (id !== 'kommun' && id !== 'samhallet' && id !== 'individ') continue;
      const a = r2.actors[id] ?? r2.groups[id];
      expect(close(get(SHEETS.resultat, `H${r}`) as number, a.horizons['5'].net), id).toBe(true);
    }
    expect(r2.actors.kommun.annualEffect).not.toBeCloseTo(f.result.actors.kommun.annualEffect, 0);
  });

  it('buildWorkbook(): two runs give identical bytes', async () => {
    const f = fixture();
    const a = await buildWorkbook({ ...f, lang: 'sv', datum: '2025-12-31' });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await buildWorkbook({ ...f, lang: 'sv', datum: '2025-12-31' });
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

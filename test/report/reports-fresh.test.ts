import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { reportFiles } from '../../lib/report/report-files.js';
import { bundledExamples, bundledPlans, loadExample, planReportFiles } from '../../scripts/reports.js';
import { buildWorkbook, SHEETS } from '../../lib/report/xlsx.js';
import { priceProject } from '../../lib/engine/price.js';
import { evaluate } from '../../lib/results/evaluate.js';
import { evaluateBook, loadBook } from './formula-eval.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('reports/ (npm run reports)', () => {
  for (const pl of bundledPlans()) {
    it(`reports/${pl.name}: the committed forecast report and one-page summary (html, md, json) are up to date (run npm run reports)`, async () => {
      const files = await planReportFiles(pl.plan, ['html', 'md', 'json']);
      expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['rapport.html', 'sammanfattning.html', 'rapport.md', 'sammanfattning.md', 'rapport.json']));
      for (const f of files.filter((x) => /\.(html|md|json)$/.test(x.path))) {
        const committed = join('reports', pl.name, f.path);
        expect(existsSync(committed), `${committed} missing: run npm run reports`).toBe(true);
        expect(readFileSync(committed, 'utf8') === f.data, `${committed} is out of date: run npm run reports`).toBe(true);
      }
    });
  }

  for (const ex of bundledExamples()) {
    it(`reports/${ex.name}: the committed html, md and json are up to date (run npm run reports)`, async () => {
      const catalog = loadCatalog();
      const project = await loadExample(ex.project, catalog);
      const files = await reportFiles(project, catalog, { formats: ['html', 'md', 'json'], lang: 'sv' });
      for (const f of files.filter((x) => /\.(html|md|json)$/.test(x.path))) {
        const committed = join('reports', ex.name, f.path);
        expect(existsSync(committed), `${committed} missing: run npm run reports`).toBe(true);
        expect(readFileSync(committed, 'utf8') === f.data, `${committed} is out of date: run npm run reports`).toBe(true);
      }
    });

    it(`reports/${ex.name}: the workbook's formulas recompute the engine's results`, async () => {
      const catalog = loadCatalog();
      const project = await loadExample(ex.project, catalog);
      const ledger = priceProject(project, catalog);
      const result = evaluate(ledger, project, catalog);
      const book = await loadBook(await buildWorkbook({ project, catalog, ledger, result, lang: 'sv', datum: '2025-12-31' }));
      const get = evaluateBook(book);
      const res = book.cells.get(SHEETS.resultat)!;
      const H = String(project.horizonYears);
      for (let r = 2; res.get(`A${r}`); r++) {
        const a = result.actors[res.get(`A${r}`)!.value as string] ?? result.groups[res.get(`A${r}`)!.value as string];
        if (!a) continue;
        for (const [c, v] of [['C', a.annualEffect], ['D', a.cost], ['F', a.horizons['1'].net], ['H', a.horizons[H].net]] as const) {
          expect(close(get(SHEETS.resultat, `${c}${r}`) as number, v), `${a.id} ${c}`).toBe(true);
        }
      }
    });
  }
});

/**
 * The report's charts are drawn in jsdom's one-file build (dist/vendor/jsdom.cjs, written by
 * `npm run build` from scripts/bundle-jsdom.ts) when run from dist/: it must draw exactly what the
 * jsdom package draws, every chart of two examples in both languages.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../lib/calculate.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { readProject } from '../../lib/model/read-project.js';
import { reportCharts } from '../../lib/report/charts.js';

const repo = join(import.meta.dirname, '..', '..');
const bundle = join(repo, 'dist', 'vendor', 'jsdom.cjs');

describe('jsdom bundle (dist/vendor/jsdom.cjs)', () => {
  it('exists after the build and draws the same charts as the jsdom package', async () => {
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
    const catalog = loadCatalog();
    const results: ReturnType<typeof calculate>[] = [];
    for (const ex of ['unga-vuxna-coachning', 'sa-ae-psykiatri']) {
      const { project } = await readProject(join(repo, 'data/examples', ex, 'projekt.yaml'), catalog);
      results.push(calculate(project!, catalog));
    }
    const draw = () => results.flatMap((r) => (['sv', 'en'] as const).flatMap((lang) => reportCharts(r, lang).map((c) => c.svg)));
    const fromPackage = draw(); // from source, charts.ts loads the jsdom package
    const { JSDOM } = createRequire(import.meta.url)(bundle) as typeof import('jsdom');
    const g = globalThis as { document?: Document };
    g.document = new JSDOM('').window.document;
    try {
      expect(draw()).toEqual(fromPackage);
    } finally {
      delete g.document;
    }
  });
});

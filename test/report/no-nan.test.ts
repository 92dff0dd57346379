/**
 * Guard (issue 10): no report of any bundled example, in any format, carries NaN, undefined or
 * Infinity — the catalogue's `tabell` parameters once printed as NaN and the workbook carried
 * `<v>NaN</v>` cells. The workbook is opened by an independent reader (SheetJS, not exceljs)
 * and every numeric cell must be finite.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { loadCatalog } from '../../lib/catalog/load.js';
import { reportFiles } from '../../lib/report/report-files.js';
import { bundledExamples, loadExample } from '../../scripts/reports.js';
import type { Lang } from '../../lib/util/errors.js';

const BAD = /\bNaN\b|\bundefined\b|Infinity/;

/** Every cell of every sheet as read by SheetJS: [sheet!address, type, value]. */
export function workbookCells(data: Uint8Array): [string, string, unknown][] {
  const wb = XLSX.read(data, { type: 'array', cellFormula: true });
  const out: [string, string, unknown][] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    for (const [addr, cell] of Object.entries(ws)) {
      if (addr.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      out.push([`${name}!${addr}`, c.t, c.v]);
    }
  }
  return out;
}

describe('no NaN, undefined or Infinity in any report', () => {
  const catalog = loadCatalog();
  const cases: [string, string, Lang][] = bundledExamples().map((ex) => [ex.name, ex.project, 'sv']);
  const main = bundledExamples().find((e) => e.name === 'unga-vuxna-coachning')!;
  cases.push([main.name, main.project, 'en']);
  for (const [name, file, lang] of cases) {
    it(`${name} (${lang}): html, md, json and xlsx`, async () => {
      const project = await loadExample(file, catalog);
      const files = await reportFiles(project, catalog, { formats: ['html', 'md', 'json', 'xlsx'], lang, datum: '2026-01-15' });
      for (const f of files.filter((x) => /\.(html|md|json)$/.test(x.path))) {
        const s = String(f.data);
        const m = BAD.exec(s);
        expect(m, `${f.path}: ${m ? s.slice(Math.max(0, m.index - 120), m.index + 40) : ''}`).toBeNull();
      }
      const xlsx = files.find((f) => f.path.endsWith('.xlsx'))!;
      const cells = workbookCells(xlsx.data as Uint8Array);
      expect(cells.length).toBeGreaterThan(100);
      for (const [where, t, v] of cells) {
        expect(t, where).not.toBe('e');
        if (t === 'n') expect(Number.isFinite(v), `${where} = ${String(v)}`).toBe(true);
        if (t === 's') expect(BAD.test(String(v)), `${where} = ${String(v)}`).toBe(false);
      }
    }, 60_000);
  }
});

/**
 * The portfolio as an Excel workbook (exceljs, loaded only when asked for): one sheet of projects
 * with their key figures and AVERAGE/MEDIAN formulas under them, one of deviations, one of payback
 * and funders' figures per project, one of the förbund's totals, and the notes. Same bytes for the
 * same input (metadata and ZIP dates fixed to 31 December of the price year).
 */
import ExcelJS from 'exceljs';
import { col } from '../xlsx.js';
import { fixZipDates } from '../zip-dates.js';
import type { Lang } from '../../util/errors.js';
import { formatProblem } from '../../util/errors.js';
import { KEY_FIGURES, keyFigure, type Portfolio } from '../../portfolio/portfolio.js';
import { portfolioNotes } from './present.js';
import { portfolioText } from './text.js';
import { SOCIETY } from '../../catalog/groups.js';

const KR = '#,##0;[Red]-#,##0';
const PCT = '0.0%';
const MONTHS = '0.0';

export async function portfolioWorkbook(p: Portfolio, lang: Lang = 'sv'): Promise<Uint8Array> {
  const t = portfolioText(lang);
  const sv = lang === 'sv';
  const datum = `${p.priceYear}-12-31`;
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(`${datum}T00:00:00Z`);
  wb.creator = 'samnytta';
  wb.lastModifiedBy = 'samnytta';
  wb.created = fixed;
  wb.modified = fixed;
  const fmt = (k: string) => (k === 'verkningsgrad' ? PCT : k === 'paybackMonths' ? MONTHS : KR);
  const bold = (ws: ExcelJS.Worksheet, r: number) => { ws.getRow(r).font = { bold: true }; };
  const funderName = (f: { label: string; labelEn: string }) => (sv ? f.label : f.labelEn);

  // Projects and key figures, with mean and median as live formulas.
  const ws = wb.addWorksheet(sv ? 'Projekt' : 'Projects');
  const head = [t.project, t.file, t.kind, t.klass, t.evidence, t.priceYearCol, sv ? 'KPI-faktor' : 'CPI factor', t.horizon, t.participantsCol, `${t.cost} (kr ${p.priceYear})`, ...KEY_FIGURES.map((k) => t.figures[k])];
  ws.addRow(head);
  bold(ws, 1);
  p.rows.forEach((r) => ws.addRow([r.name, r.file, t.kinds[r.kind], r.insatsklass ?? '', t.evidenceShort[r.evidence], r.priceYear, r.uprating, r.horizonYears, r.participants, r.cost, ...KEY_FIGURES.map((k) => keyFigure(r, k))]));
  const first = 2, last = p.rows.length + 1;
  const figCol0 = 10;
  for (const [label, fn, pick] of [[t.mean, 'AVERAGE', 'mean'], [t.median, 'MEDIAN', 'median']] as const) {
    const row = ws.addRow([label]);
    KEY_FIGURES.forEach((k, j) => {
      const c = col(figCol0 + j);
      const v = p.centres[k][pick];
      row.getCell(figCol0 + j + 1).value = v === null ? null : { formula: `${fn}(${c}${first}:${c}${last})`, result: v };
    });
    row.font = { bold: true };
  }
  ws.getColumn(10).numFmt = KR;
  ws.getColumn(7).numFmt = '0.0000';
  KEY_FIGURES.forEach((k, j) => { ws.getColumn(figCol0 + j + 1).numFmt = fmt(k); });
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 36;

  // Deviations from mean and median.
  const dev = wb.addWorksheet(sv ? 'Avvikelser' : 'Deviations');
  dev.addRow([t.project, ...KEY_FIGURES.flatMap((k) => [`${t.figures[k]}: ${sv ? 'från medel' : 'from mean'}`, sv ? '% av medel' : '% of mean', sv ? 'från median' : 'from median', sv ? '% av median' : '% of median'])]);
  bold(dev, 1);
  p.rows.forEach((r, i) => dev.addRow([r.name, ...KEY_FIGURES.flatMap((k) => { const d = p.deviations[i][k]; return [d.fromMean, d.fromMeanRelative, d.fromMedian, d.fromMedianRelative]; })]));
  KEY_FIGURES.forEach((k, j) => {
    dev.getColumn(2 + 4 * j).numFmt = fmt(k);
    dev.getColumn(3 + 4 * j).numFmt = PCT;
    dev.getColumn(4 + 4 * j).numFmt = fmt(k);
    dev.getColumn(5 + 4 * j).numFmt = PCT;
  });
  dev.getColumn(1).width = 40;

  // Per funder: cost, benefit and net over the horizon, payback months.
  const fs = wb.addWorksheet(sv ? 'Finansiärer' : 'Funders');
  const who = [{ id: SOCIETY, label: t.society, labelEn: t.society }, ...p.funders];
  fs.addRow([t.project, ...who.flatMap((f) => [`${funderName(f)}: ${t.cost}`, t.benefit, t.net, `${t.payback.split(' ')[0]} (${t.months})`])]);
  bold(fs, 1);
  p.rows.forEach((r) => fs.addRow([r.name, ...who.flatMap((f) => { const x = f.id === SOCIETY ? r.society : r.funders[f.id]; return [x.cost, x.benefit, x.net, x.payback.months]; })]));
  who.forEach((_, j) => { for (let c = 0; c < 3; c++) fs.getColumn(2 + 4 * j + c).numFmt = KR; fs.getColumn(5 + 4 * j).numFmt = MONTHS; });
  fs.getColumn(1).width = 40;

  // The förbund's totals.
  const tot = wb.addWorksheet(sv ? 'Summor' : 'Totals');
  tot.addRow([t.funder, t.cost, t.benefit, t.net, t.perKrona]);
  bold(tot, 1);
  for (const f of who) {
    const x = f.id === SOCIETY ? p.totals.society : p.totals.funders[f.id];
    const r = tot.addRow([funderName(f), x.cost, x.benefit, x.net, null]).number;
    tot.getCell(`E${r}`).value = x.returnPerKrona === null ? null : { formula: `IF(B${r}=0,"",C${r}/B${r})`, result: x.returnPerKrona };
  }
  for (const c of [2, 3, 4]) tot.getColumn(c).numFmt = KR;
  tot.getColumn(5).numFmt = '0.00';
  tot.getColumn(1).width = 28;

  const notes = wb.addWorksheet(sv ? 'Anteckningar' : 'Notes');
  for (const n of portfolioNotes(p, lang)) notes.addRow([n]);
  if (p.failures.length) {
    notes.addRow([t.failed(p.failures.length)]);
    for (const f of p.failures) for (const e of f.problems) notes.addRow([formatProblem(e, lang)]);
  }
  notes.getColumn(1).width = 120;

  const buf = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buf as ArrayBuffer), datum);
}

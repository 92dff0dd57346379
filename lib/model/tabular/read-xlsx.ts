/**
 * XLSX workbooks via exceljs (never danfo's readExcel or SheetJS on user files: see
 * reference/stack.md §1). Handles what real workbooks hold: title rows above the header,
 * merged header cells (over columns or over two header rows), empty rows, trailing spaces,
 * formula cells (their cached result), rich text and hyperlinks, dates as `Date`.
 */
import ExcelJS from 'exceljs';
import type { Problem } from '../../util/errors.js';
import { normalizeHeader } from './normalize-header.js';
import { columnLetter, extraCellProblem, isBlank, type Cell, type ReadTables, type Table, type TableRow } from './table.js';

export interface XlsxOptions {
  /** The header row is the first of the top 10 rows holding one of these keys (default: first non-empty row). */
  headerKeys?: string[];
}

/** Decodes an exceljs cell value to a plain cell. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return cellValue(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return cellValue((v as { text: string }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** Reads the value of a cell, taking a merged cell's value from its master. */
function valueAt(ws: ExcelJS.Worksheet, row: number, col: number): Cell {
  const c = ws.getCell(row, col);
  return cellValue(c.isMerged ? c.master.value : c.value);
}

/** The bottom row of the merge range covering (row, col), or row when not merged. */
function mergeBottom(ws: ExcelJS.Worksheet, row: number, col: number): number {
  const c = ws.getCell(row, col);
  if (!c.isMerged) return row;
  let r = row;
  while (r < row + 5 && ws.getCell(r + 1, col).isMerged && ws.getCell(r + 1, col).master.address === c.master.address) r++;
  return r;
}

/** A formula cell that carries no computed result (openpyxl and some exports never compute). */
function uncomputedFormula(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
  const v = ws.getCell(row, col).value;
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v) && ((v as { result?: unknown }).result === undefined || (v as { result?: unknown }).result === null);
}

/**
 * Reads one worksheet into a table (undefined when the sheet is empty). The used range comes from
 * the cells the sheet holds, row by row, never from its declared dimension: one stray cell at
 * XFD1048576 costs one row, not a billion empty cells.
 * @param problems receives formula cells without a computed value (they would read as empty)
 */
export function readWorksheet(ws: ExcelJS.Worksheet, file: string, options: XlsxOptions = {}, problems: Problem[] = []): Table | undefined {
  const rowNumbers: number[] = [];
  const widths = new Map<number, number>();
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rowNumbers.push(n);
    widths.set(n, row.cellCount);
  });
  if (rowNumbers.length === 0) return undefined;
  const rowCells = (r: number): Cell[] => Array.from({ length: widths.get(r) ?? 0 }, (_, i) => valueAt(ws, r, i + 1));
  const isEmpty = (cells: Cell[]) => cells.every((c) => isBlank(c));

  let headerRow = 0;
  for (const r of rowNumbers) {
    if (r > 10 || headerRow) break;
    const cells = rowCells(r);
    if (isEmpty(cells)) continue;
    if (!options.headerKeys || cells.some((c) => typeof c === 'string' && options.headerKeys!.includes(normalizeHeader(c)))) headerRow = r;
  }
  if (!headerRow) for (const r of rowNumbers) if (!headerRow && !isEmpty(rowCells(r))) headerRow = r;
  if (!headerRow) return undefined;

  // A header cell merged downwards makes a two-row header: take the lower row's text where it has one.
  const top = rowCells(headerRow);
  let bottom = headerRow;
  for (let c = 1; c <= top.length; c++) bottom = Math.max(bottom, mergeBottom(ws, headerRow, c));
  let headers = top.map((c) => (isBlank(c) ? '' : String(c instanceof Date ? c.toISOString().slice(0, 10) : c).trim()));
  if (bottom > headerRow) {
    const lower = rowCells(bottom);
    headers = headers.map((h, i) => {
      const own = ws.getCell(bottom, i + 1);
      const l = own.isMerged && Number(own.master.row) <= headerRow ? null : lower[i];
      return isBlank(l) ? h : String(l).trim();
    });
  }
  // Drop trailing columns without header or data.
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;

  const rows: TableRow[] = [];
  for (const r of rowNumbers) {
    if (r <= bottom) continue;
    const cells = rowCells(r);
    if (isEmpty(cells)) {
      for (let c = 0; c < cells.length; c++) if (uncomputedFormula(ws, r, c + 1)) problems.push(formulaProblem(file, ws.name, r, c));
      continue;
    }
    cells.forEach((c, i) => { if (c === null && uncomputedFormula(ws, r, i + 1)) problems.push(formulaProblem(file, ws.name, r, i)); });
    const last = lastNonBlank(cells);
    if (last >= width) problems.push(extraCellProblem(file, ws.name, r, last));
    rows.push({ row: r, cells: cells.slice(0, width) });
  }
  headers = headers.slice(0, width);
  return { file, sheet: ws.name, headers, keys: headers.map(normalizeHeader), headerRow: bottom, rows };
}

function formulaProblem(file: string, sheet: string, row: number, col: number): Problem {
  return {
    severity: 'error', file, sheet, row, column: columnLetter(col), path: `${columnLetter(col)}${row}`,
    sv: 'formeln saknar beräknat värde (arbetsboken är skriven av ett program som inte räknar formler); öppna och spara den i Excel eller LibreOffice, eller skriv värdet',
    en: 'the formula has no computed value (the workbook was written by a program that does not calculate formulas); open and save it in Excel or LibreOffice, or type the value',
  };
}

function lastNonBlank(cells: Cell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

/**
 * Reads every sheet of a workbook. A file exceljs cannot open becomes one problem, not a throw.
 * @example (await readXlsx(bytes, 'deltagare.xlsx')).tables.map((t) => t.sheet) // => ['Deltagare', 'Situationer', …]
 */
export async function readXlsx(bytes: Uint8Array, file: string, options: XlsxOptions = {}): Promise<ReadTables> {
  let wb = new ExcelJS.Workbook();
  try {
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      // exceljs cannot follow comments stored where openpyxl puts them; comments are notes, not data.
      const stripped = /comment/i.test((e as Error).message) ? await withoutComments(bytes) : undefined;
      if (!stripped) throw e;
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(stripped as unknown as ArrayBuffer);
    }
  } catch (e) {
    const problems: Problem[] = [{
      severity: 'error', file, path: '',
      sv: `filen kunde inte läsas som Excel-arbetsbok (.xlsx); spara den som .xlsx eller CSV (${(e as Error).message})`,
      en: `the file could not be read as an Excel workbook (.xlsx); save it as .xlsx or CSV (${(e as Error).message})`,
    }];
    return { tables: [], problems };
  }
  const tables: Table[] = [];
  const problems: Problem[] = [];
  wb.eachSheet((ws) => {
    const t = readWorksheet(ws, file, options, problems);
    if (t) tables.push(t);
  });
  return { tables, problems };
}

/**
 * The workbook without cell comments and their VML drawings (undefined when it has none), for
 * workbooks whose comment parts exceljs cannot resolve (openpyxl writes `/xl/comments/comment1.xml`).
 */
export async function withoutComments(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const rels = /^xl\/worksheets\/_rels\/[^/]+\.rels$/i.test(name);
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!rels && !sheet) continue;
    const xml = await zip.file(name)!.async('string');
    const out = rels
      ? xml.replace(/<Relationship\b[^>]*\/relationships\/(?:comments|vmlDrawing)"[^>]*\/>/g, '')
      : xml.replace(/<legacyDrawing\b[^>]*\/>/g, '');
    if (out !== xml) {
      zip.file(name, out);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'uint8array' }) : undefined;
}

/**
 * XLSX workbooks via exceljs (never danfo's readExcel or SheetJS on user files: see
 * reference/stack.md §1). Handles what real workbooks hold: title rows above the header,
 * merged header cells (over columns or over two header rows), empty rows, trailing spaces,
 * formula cells (their cached result), rich text and hyperlinks, dates as `Date`.
 */
import ExcelJS from 'exceljs';
import type { Problem } from '../../util/errors.js';
import { normalizeHeader } from './normalize-header.js';
import { isBlank, type Cell, type ReadTables, type Table, type TableRow } from './table.js';

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

/** Reads one worksheet into a table (undefined when the sheet is empty). */
export function readWorksheet(ws: ExcelJS.Worksheet, file: string, options: XlsxOptions = {}): Table | undefined {
  const lastRow = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const lastCol = ws.columnCount;
  if (lastRow === 0 || lastCol === 0) return undefined;
  const rowCells = (r: number): Cell[] => Array.from({ length: lastCol }, (_, i) => valueAt(ws, r, i + 1));
  const isEmpty = (cells: Cell[]) => cells.every((c) => isBlank(c));

  let headerRow = 0;
  for (let r = 1; r <= Math.min(lastRow, 10) && !headerRow; r++) {
    const cells = rowCells(r);
    if (isEmpty(cells)) continue;
    if (!options.headerKeys || cells.some((c) => typeof c === 'string' && options.headerKeys!.includes(normalizeHeader(c)))) headerRow = r;
  }
  if (!headerRow) for (let r = 1; r <= lastRow && !headerRow; r++) if (!isEmpty(rowCells(r))) headerRow = r;
  if (!headerRow) return undefined;

  // A header cell merged downwards makes a two-row header: take the lower row's text where it has one.
  const top = rowCells(headerRow);
  let bottom = headerRow;
  for (let c = 1; c <= lastCol; c++) bottom = Math.max(bottom, mergeBottom(ws, headerRow, c));
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
  for (let r = bottom + 1; r <= lastRow; r++) {
    const cells = rowCells(r);
    if (isEmpty(cells)) continue;
    rows.push({ row: r, cells: cells.slice(0, Math.max(width, lastNonBlank(cells) + 1)) });
  }
  headers = headers.slice(0, Math.max(width, ...rows.map((r) => r.cells.length)));
  while (headers.length < width) headers.push('');
  return { file, sheet: ws.name, headers, keys: headers.map(normalizeHeader), headerRow: bottom, rows };
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
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const problems: Problem[] = [{
      severity: 'error', file, path: '',
      sv: `filen kunde inte läsas som Excel-arbetsbok (.xlsx); spara den som .xlsx eller CSV (${(e as Error).message})`,
      en: `the file could not be read as an Excel workbook (.xlsx); save it as .xlsx or CSV (${(e as Error).message})`,
    }];
    return { tables: [], problems };
  }
  const tables: Table[] = [];
  wb.eachSheet((ws) => {
    const t = readWorksheet(ws, file, options);
    if (t) tables.push(t);
  });
  return { tables, problems: [] };
}

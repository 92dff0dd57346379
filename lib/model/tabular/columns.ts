/**
 * Column resolution for a table: which header is which field, through accepted aliases, with
 * unknown columns warned about and duplicates refused. Also builds row/column problems.
 */
import type { Problem, Severity } from '../../util/errors.js';
import { columnLetter, type Cell, type Table, type TableRow } from './table.js';

/** Field → accepted normalised header keys (the first is the canonical name). */
export type ColumnSpec = Record<string, string[]>;

/** Resolved columns of a table: field → column index. */
export interface Columns {
  index: Map<string, number>;
  problems: Problem[];
}

/**
 * Maps a table's headers to fields.
 * @param ignore header keys to skip silently (e.g. personal-data columns already reported)
 */
export function resolveColumns(table: Table, spec: ColumnSpec, ignore: Set<number> = new Set()): Columns {
  const index = new Map<string, number>();
  const problems: Problem[] = [];
  const byKey = new Map<string, string>();
  for (const [field, keys] of Object.entries(spec)) for (const k of keys) byKey.set(k, field);
  table.keys.forEach((k, i) => {
    if (ignore.has(i) || k === '') return;
    const field = byKey.get(k);
    const at = { file: table.file, sheet: table.sheet, row: table.headerRow, column: table.headers[i], path: `${columnLetter(i)}${table.headerRow}` };
    if (!field) {
      problems.push({ severity: 'warning', ...at, sv: `okänd kolumn ignoreras; kända kolumner: ${Object.keys(spec).join(', ')}`, en: `unknown column ignored; known columns: ${Object.keys(spec).join(', ')}`, value: table.headers[i] });
      return;
    }
    if (index.has(field)) {
      problems.push({ severity: 'error', ...at, sv: `kolumnen ${field} förekommer två gånger; ta bort den ena`, en: `column ${field} appears twice; remove one`, value: table.headers[i] });
      return;
    }
    index.set(field, i);
  });
  return { index, problems };
}

/** Builds problems about one row of a table, naming file, sheet, row and column. */
export class RowProblems {
  readonly items: Problem[] = [];
  /** Errors among `items`, kept as a count so a reader can ask "did this row add one?" in O(1). */
  errors = 0;
  /** `columns` as an object: read for every cell of every row (a national file has millions). */
  private readonly at: Record<string, unknown> = {};
  constructor(readonly table: Table, readonly columns: Map<string, number>) {
    for (const [field, i] of columns) this.at[field] = i;
  }

  /** The cell of `field` in a row (null when the column is absent). */
  cell(r: TableRow, field: string): Cell {
    const i = this.at[field];
    return typeof i !== 'number' ? null : r.cells[i] ?? null;
  }

  /** Records a problem at (row, field's column); returns it. */
  add(severity: Severity, r: TableRow | number, field: string, sv: string, en: string, value?: unknown): Problem {
    const row = typeof r === 'number' ? r : r.row;
    const i = this.columns.get(field);
    const p: Problem = {
      severity, file: this.table.file, sheet: this.table.sheet, row,
      column: i === undefined ? field : this.table.headers[i] || field,
      path: i === undefined ? `${row}` : `${columnLetter(i)}${row}`,
      sv, en, ...(value === undefined ? {} : { value: value instanceof Date ? value.toISOString().slice(0, 10) : value }),
    };
    this.items.push(p);
    if (severity === 'error') this.errors++;
    return p;
  }
}

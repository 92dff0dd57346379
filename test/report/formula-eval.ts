/**
 * A small evaluator for the spreadsheet formulas samnytta writes — cell references (with sheet
 * names, quoted or not, and `$` anchors), ranges, numbers, strings, + − * / ^, unary minus,
 * parentheses, SUM and SUMIFS — so tests can recompute a workbook without Excel or LibreOffice.
 */
import ExcelJS from 'exceljs';

type Value = number | string | null;
type Ref = { sheet: string; col: number; row: number };
type Range = Ref[];

export interface Book {
  /** sheet → "A1" → formula (without "=") or value */
  cells: Map<string, Map<string, { formula?: string; value: Value; cached?: Value }>>;
}

const colNum = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const colName = (n: number): string => { let s = ''; for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
export const addr = (c: number, r: number): string => `${colName(c)}${r}`;

export async function loadBook(buf: Uint8Array): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const cells: Book['cells'] = new Map();
  wb.eachSheet((ws) => {
    const m = new Map<string, { formula?: string; value: Value; cached?: Value }>();
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as any;
      if (v && typeof v === 'object' && 'formula' in v) m.set(cell.address, { formula: v.formula, value: null, cached: v.result ?? null });
      else m.set(cell.address, { value: typeof v === 'number' || typeof v === 'string' ? v : v === null || v === undefined ? null : String(v) });
    }));
    cells.set(ws.name, m);
  });
  return { cells };
}

/** Recomputes every formula; `overrides` replace input values first (sheet!A1 → value). */
export function evaluateBook(book: Book, overrides: Record<string, number> = {}): (sheet: string, a: string) => Value {
  const memo = new Map<string, Value>();
  const busy = new Set<string>();
  const get = (sheet: string, a: string): Value => {
    const key = `${sheet}!${a}`;
    if (key in overrides) return overrides[key];
    if (memo.has(key)) return memo.get(key)!;
    const c = book.cells.get(sheet)?.get(a);
    if (!c) return null;
    if (c.formula === undefined) return c.value;
    if (busy.has(key)) throw new Error(`circular reference at ${key}`);
    busy.add(key);
    const v = evalFormula(c.formula, sheet, get);
    busy.delete(key);
    memo.set(key, v);
    return v;
  };
  return get;
}

function evalFormula(src: string, sheet: string, get: (s: string, a: string) => Value): Value {
  let i = 0;
  const ws = () => { while (src[i] === ' ') i++; };
  const peek = () => { ws(); return src[i]; };
  const num = (v: Value | Range): number => {
    if (Array.isArray(v)) { if (v.length !== 1) throw new Error(`range used as a number in ${src}`); v = get(v[0].sheet, addr(v[0].col, v[0].row)); }
    if (v === null || v === '') return 0;
    if (typeof v === 'string') throw new Error(`text "${v}" used as a number in ${src}`);
    return v;
  };
  const parseRef = (): Ref | null => {
    const save = i;
    let sh = sheet;
    ws();
    if (src[i] === "'") {
      const j = src.indexOf("'!", i + 1);
      sh = src.slice(i + 1, j); i = j + 2;
    } else {
      const m = /^([A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*)!/.exec(src.slice(i));
      if (m) { sh = m[1]; i += m[0].length; }
    }
    const m = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(src.slice(i));
    if (!m) { i = save; return null; }
    i += m[0].length;
    return { sheet: sh, col: colNum(m[1]), row: Number(m[2]) };
  };
  const primary = (): Value | Range => {
    const ch = peek();
    if (ch === '(') { i++; const v = expr(); if (peek() !== ')') throw new Error(`expected ) in ${src}`); i++; return v; }
    if (ch === '"') { const j = src.indexOf('"', i + 1); const s = src.slice(i + 1, j); i = j + 1; return s; }
    const n = /^\d+(\.\d+)?(E[+-]?\d+)?/i.exec(src.slice(i));
    if (n) { i += n[0].length; return Number(n[0]); }
    const f = /^([A-Z]+)\(/.exec(src.slice(i));
    if (f && ['SUM', 'SUMIFS'].includes(f[1])) {
      i += f[0].length;
      const args: (Value | Range)[] = [];
      if (peek() !== ')') { for (;;) { args.push(expr()); if (peek() === ',') { i++; continue; } break; } }
      if (peek() !== ')') throw new Error(`expected ) after ${f[1]} in ${src}`);
      i++;
      return call(f[1], args);
    }
    const a = parseRef();
    if (!a) throw new Error(`cannot parse "${src.slice(i)}" in ${src}`);
    if (peek() === ':') {
      i++;
      const b = parseRef()!;
      const out: Range = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push({ sheet: a.sheet, col: c, row: r });
      return out;
    }
    return get(a.sheet, addr(a.col, a.row));
  };
  const call = (name: string, args: (Value | Range)[]): number => {
    const vals = (x: Value | Range): Value[] => (Array.isArray(x) ? x.map((r) => get(r.sheet, addr(r.col, r.row))) : [x]);
    if (name === 'SUM') return args.flatMap(vals).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    const sumR = vals(args[0]);
    const crits: [Value[], Value][] = [];
    for (let k = 1; k < args.length; k += 2) crits.push([vals(args[k]), Array.isArray(args[k + 1]) ? vals(args[k + 1])[0] : (args[k + 1] as Value)]);
    let s = 0;
    sumR.forEach((v, idx) => {
      if (crits.every(([range, c]) => (typeof c === 'string' ? String(range[idx] ?? '').toLowerCase() === c.toLowerCase() : range[idx] === c))) s += typeof v === 'number' ? v : 0;
    });
    return s;
  };
  const unary = (): Value | Range => { if (peek() === '-') { i++; return -num(unary()); } if (peek() === '+') { i++; return num(unary()); } return primary(); };
  const power = (): Value | Range => { let v = unary(); while (peek() === '^') { i++; v = num(v) ** num(unary()); } return v; };
  const term = (): Value | Range => { let v = power(); for (;;) { const c = peek(); if (c === '*') { i++; v = num(v) * num(power()); } else if (c === '/') { i++; v = num(v) / num(power()); } else return v; } };
  const expr = (): Value | Range => { let v = term(); for (;;) { const c = peek(); if (c === '+') { i++; v = num(v) + num(term()); } else if (c === '-') { i++; v = num(v) - num(term()); } else return v; } };
  const v = expr();
  ws();
  if (i !== src.length) throw new Error(`trailing input "${src.slice(i)}" in ${src}`);
  return Array.isArray(v) ? num(v) : v;
}

/**
 * User-facing problems. Every message exists in Swedish (default) and English, names where the
 * problem is (file, and a key path or sheet/row/column) and the offending value.
 */
export type Lang = 'sv' | 'en';
export type Severity = 'error' | 'warning';

/** One problem with the input: where it is, what is wrong (sv and en) and the value. */
export interface Problem {
  severity: Severity;
  file: string;
  /** Key path (`participants[3].efter.lines[1].months`) or a table location. */
  path: string;
  /** What is wrong and what was expected, in Swedish. */
  sv: string;
  /** The same in English. */
  en: string;
  /** The offending value, printed as `(fick …)` / `(got …)`. */
  value?: unknown;
  /** For tabular input. */
  sheet?: string;
  row?: number;
  column?: string;
}

/** Formats a problem as `<file>: <path>: <what> (fick <value>)`, without a final period. */
export function formatProblem(p: Problem, lang: Lang = 'sv'): string {
  const cellAt = p.row === undefined ? p.path
    : `${lang === 'sv' ? 'rad' : 'row'} ${p.row}${p.column ? `, ${lang === 'sv' ? 'kolumn' : 'column'} ${p.column}` : ''}${p.path && p.path !== String(p.row) ? ` (${p.path})` : ''}`;
  const where = [p.file, p.sheet ? `${lang === 'sv' ? 'blad' : 'sheet'} ${p.sheet}` : '', cellAt].filter(Boolean).join(': ');
  const got = p.value === undefined ? '' : ` (${lang === 'sv' ? 'fick' : 'got'} ${showValue(p.value)})`;
  return `${where}: ${lang === 'sv' ? p.sv : p.en}${got}`;
}

function showValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? s.slice(0, 77) + '…' : s;
  } catch {
    return String(v);
  }
}

/** Invalid input: the user can fix it. Carries every problem found, not just the first. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Collects problems while validating, so all can be reported at once. */
export class ProblemList {
  readonly items: Problem[] = [];
  /** Errors recorded so far (a counter: checking before/after a part stays constant-time). */
  errorCount = 0;
  constructor(readonly file: string) {}
  error(path: string, sv: string, en: string, value?: unknown, extra: Partial<Problem> = {}): void {
    this.errorCount++;
    this.items.push({ severity: 'error', file: this.file, path, sv, en, value, ...extra });
  }
  warn(path: string, sv: string, en: string, value?: unknown, extra: Partial<Problem> = {}): void {
    this.items.push({ severity: 'warning', file: this.file, path, sv, en, value, ...extra });
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }
  /** Throws an InputError when any error was recorded. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new InputError(this.items);
  }
}

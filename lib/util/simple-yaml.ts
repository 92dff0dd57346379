/**
 * A fast reader for the plain subset of YAML that project files are written in: block mappings
 * and sequences, one-line flow collections (`{ item: x, months: 12 }`), plain and simply quoted
 * scalars, `>`/`|` block scalars and comments. The first `yaml.parse` of a process runs cold
 * (unoptimised code) and was the largest part of a `samnytta calc`; this does the same work in a
 * fraction of the time.
 *
 * It gives either exactly what `yaml.parse(text, { uniqueKeys: true })` gives (YAML 1.2, core
 * schema) or `undefined`, for anything outside the subset or in doubt — including every input
 * `yaml` would refuse or warn about — so the caller then runs `yaml`, whose values, errors and
 * messages stay the only ones users see. Scalars resolve with the same tests and number parsing
 * as yaml's core schema. test/util/simple-yaml.test.ts compares the two on generated documents,
 * every example project and the inputs meant to fall back.
 */

type Value = unknown;

/** Returned (internally) when the text is outside the subset. */
const OUT = Symbol('out');

class Out extends Error {}
const out = (): never => {
  throw new Out();
};

// Characters besides printable ASCII, newline and ordinary letters/punctuation fall back:
// tabs, CR, control characters, BOM, non-ASCII spaces (JS trim and YAML disagree on them),
// line separators and anything outside the BMP.
const UNSUPPORTED_CHAR = /[^\n\x20-\x7e\u00a1-\u167f\u1681-\u1fff\u200b-\u2027\u2030-\u205e\u2060-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

// yaml's core schema (yaml/dist/schema/core and common/null.js), tried in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value as yaml's core schema resolves it. */
export function resolvePlain(s: string): Value {
  // Most scalars are words: none of the tests below can match one starting with another letter.
  if (/^[A-EG-MO-SU-Za-eg-mo-su-z\u00c0-\uffff]/.test(s)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** A plain mapping key: text that resolves to itself, on one line, short, with no structure in it. */
const KEY = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#,[\]{}]*$/;
const keyOk = (k: string): boolean => k.length <= 1000 && KEY.test(k) && !/\s$/.test(k) && k !== '__proto__' && k !== '<<' && resolvePlain(k) === k;

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
}

/**
 * The value of `text` when it is within the subset (see the module comment), else undefined.
 * `text` is a whole project file without its BOM; its top level must be a block mapping.
 */
export function parseSimpleYaml(text: string): Value {
  if (UNSUPPORTED_CHAR.test(text)) return undefined;
  try {
    const v = new Reader(text).document();
    return v === OUT ? undefined : v;
  } catch (e) {
    if (e instanceof Out) return undefined;
    throw e;
  }
}

/**
 * Deeper nesting falls back to `yaml`: project files nest a handful of levels, and `yaml` itself
 * runs out of stack on documents nested a thousand deep, which this reader must not accept.
 */
const MAX_DEPTH = 50;

class Reader {
  private readonly lines: Line[];
  private i = 0;
  /** Block collections open around the current line. */
  private depth = 0;

  constructor(text: string) {
    this.lines = text.split('\n').map((l) => {
      let n = 0;
      while (l.charCodeAt(n) === 32) n++;
      return { indent: n, text: l.slice(n) };
    });
  }

  /** Skips blank and comment-only lines; the next content line, if any. */
  private next(): Line | undefined {
    while (this.i < this.lines.length) {
      const l = this.lines[this.i];
      if (l.text !== '' && l.text[0] !== '#') return l;
      this.i++;
    }
    return undefined;
  }

  document(): Value {
    const first = this.next();
    if (!first || first.indent !== 0) return OUT;
    const v = this.mapping(0);
    if (this.next()) out();
    return v;
  }

  /** A block mapping whose keys are at column `indent`, starting at the current line. */
  private mapping(indent: number, firstText?: string): Record<string, Value> {
    if (++this.depth > MAX_DEPTH) out();
    try {
      return this.mappingEntries(indent, firstText);
    } finally {
      this.depth--;
    }
  }

  private mappingEntries(indent: number, firstText: string | undefined): Record<string, Value> {
    const map: Record<string, Value> = {};
    let text = firstText;
    for (;;) {
      if (text === undefined) {
        const l = this.next();
        if (!l || l.indent < indent) return map;
        if (l.indent > indent) out();
        text = l.text;
        this.i++;
      }
      const colon = text.indexOf(':');
      if (colon < 1 || (colon + 1 < text.length && text[colon + 1] !== ' ')) out();
      const key = text.slice(0, colon);
      if (!keyOk(key) || Object.prototype.hasOwnProperty.call(map, key)) out();
      map[key] = this.value(text.slice(colon + 1), indent);
      text = undefined;
    }
  }

  /** The value after `key:` (`rest`, the text after the colon) of a mapping at `indent`. */
  private value(rest: string, indent: number): Value {
    const s = skipSpaces(rest, 0);
    if (s === rest.length || rest[s] === '#') {
      // Nothing or a comment after the colon: a nested block, a sequence at the same column, or null.
      const l = this.next();
      if (l && l.indent > indent) return l.text.startsWith('- ') || l.text === '-' ? this.sequence(l.indent) : this.mapping(l.indent);
      if (l && l.indent === indent && (l.text.startsWith('- ') || l.text === '-')) return this.sequence(indent);
      return null;
    }
    const c = rest[s];
    if (c === '>' || c === '|') return this.blockScalar(rest.slice(s), indent);
    const v = this.inline(rest, s);
    this.endOfNode(indent);
    return v;
  }

  /** After a value that ended its line: the next content line may not be more indented (a continuation). */
  private endOfNode(indent: number): void {
    const l = this.next();
    if (l && l.indent > indent) out();
  }

  /** A block sequence whose dashes are at column `indent`. */
  private sequence(indent: number): Value[] {
    if (++this.depth > MAX_DEPTH) out();
    try {
      return this.sequenceItems(indent);
    } finally {
      this.depth--;
    }
  }

  private sequenceItems(indent: number): Value[] {
    const seq: Value[] = [];
    for (;;) {
      const l = this.next();
      if (!l || l.indent < indent) return seq;
      if (l.indent > indent) out();
      if (!l.text.startsWith('- ')) return seq; // the parent decides: a key after a sequence at its own column, or an error
      this.i++;
      const s = skipSpaces(l.text, 2);
      const rest = l.text.slice(s);
      if (rest === '' || rest[0] === '#' || rest[0] === '-' || rest[0] === '>' || rest[0] === '|' || rest[0] === '?') out();
      if (rest[0] === '{' || rest[0] === '[' || rest[0] === '"' || rest[0] === "'" || !/^[^:#]*?: |^[^:#]*:$/.test(rest)) {
        seq.push(this.inline(l.text, s));
        this.endOfNode(indent);
      } else {
        // `- key: value`: a mapping whose keys are at the column of the first one.
        seq.push(this.mapping(l.indent + s, rest));
      }
    }
  }

  /** A one-line value from `text[s]` on: a flow collection, a quoted or a plain scalar, then only a comment. */
  private inline(text: string, s: number): Value {
    const c = text[s];
    let v: Value, end: number;
    if (c === '{' || c === '[') [v, end] = flow(text, s, this.depth + 1);
    else if (c === '"' || c === "'") [v, end] = quoted(text, s);
    else {
      const p = plainEnd(text, s, false);
      const raw = text.slice(s, p).replace(/ +$/, '');
      if (!plainOk(raw, false)) out();
      return resolvePlain(raw);
    }
    const e = skipSpaces(text, end);
    if (e < text.length && !(text[e] === '#' && e > end)) out();
    return v;
  }

  /** A `>`/`>-`/`|`/`|-` block scalar of a mapping value at `indent`; `header` starts at the indicator. */
  private blockScalar(header: string, indent: number): string {
    const m = /^([>|])(-?)( +#.*| *)$/.exec(header);
    if (!m) out();
    const [, style, strip] = m as RegExpExecArray;
    // Content: following lines that are blank or indented deeper than the mapping.
    const body: string[] = [];
    let blockIndent = -1;
    while (this.i < this.lines.length) {
      const l = this.lines[this.i];
      if (l.text === '') {
        if (blockIndent < 0 || l.indent > blockIndent) out(); // leading blank lines, or spaces that would be content
        body.push('');
      } else {
        if (l.indent <= indent) break;
        if (blockIndent < 0) blockIndent = l.indent;
        // More-indented lines (kept verbatim in `>`), trailing spaces and under-indented lines fall back.
        if (l.indent !== blockIndent || / $/.test(l.text)) out();
        body.push(l.text);
      }
      this.i++;
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    if (!body.length) out();
    let v = body[0];
    for (let k = 1; k < body.length; k++) {
      if (style === '|') v += '\n' + body[k];
      else if (body[k] === '') v += '\n';
      else v += body[k - 1] === '' ? body[k] : ' ' + body[k];
    }
    return strip ? v : v + '\n';
  }
}

const skipSpaces = (t: string, i: number): number => {
  while (t.charCodeAt(i) === 32) i++;
  return i;
};

/** Where a plain scalar starting at `s` ends: a comment, the end of the line, or (in flow) `,]}`. */
function plainEnd(t: string, s: number, inFlow: boolean): number {
  let i = s;
  for (; i < t.length; i++) {
    const c = t[i];
    if (c === '#' && t[i - 1] === ' ') return i;
    if (inFlow && (c === ',' || c === ']' || c === '}' || c === '[' || c === '{')) return i;
  }
  return i;
}

/** A plain scalar within the subset: no indicator first, no `: `/`:` end (nor any `:` in flow). */
function plainOk(raw: string, inFlow: boolean): boolean {
  if (raw === '') return false;
  const c = raw[0];
  if ('?:,[]{}#&*!|>\'"%@`'.includes(c)) return false;
  if (c === '-' && (raw.length === 1 || raw[1] === ' ' || raw.startsWith('---'))) return false;
  if (inFlow ? raw.includes(':') : raw.includes(': ') || raw.endsWith(':')) return false;
  return true;
}

/** A quoted scalar on one line without escapes: `"…"` (no `\`) or `'…'` (`''` is a quote). Returns value and end. */
function quoted(t: string, s: number): [string, number] {
  const q = t[s];
  if (q === '"') {
    const e = t.indexOf('"', s + 1);
    if (e < 0 || t.slice(s + 1, e).includes('\\')) out();
    return [t.slice(s + 1, e), e + 1];
  }
  let v = '';
  let i = s + 1;
  for (;;) {
    const e = t.indexOf("'", i);
    if (e < 0) out();
    v += t.slice(i, e);
    if (t[e + 1] !== "'") return [v, e + 1];
    v += "'";
    i = e + 2;
  }
}

/** A flow mapping or sequence closed on the same line, from `t[s]` (`{` or `[`). Returns value and end. */
function flow(t: string, s: number, depth = 1): [Value, number] {
  if (depth > MAX_DEPTH) out();
  const isMap = t[s] === '{';
  const close = isMap ? '}' : ']';
  const map: Record<string, Value> = {};
  const seq: Value[] = [];
  let i = skipSpaces(t, s + 1);
  if (t[i] === close) return [isMap ? map : seq, i + 1];
  for (;;) {
    if (isMap) {
      const colon = t.indexOf(':', i);
      if (colon < 0 || t[colon + 1] !== ' ') out();
      const key = t.slice(i, colon);
      if (!keyOk(key) || Object.prototype.hasOwnProperty.call(map, key)) out();
      i = skipSpaces(t, colon + 1);
      const [v, e] = flowItem(t, i, depth);
      map[key] = v;
      i = e;
    } else {
      const [v, e] = flowItem(t, i, depth);
      seq.push(v);
      i = e;
    }
    i = skipSpaces(t, i);
    if (t[i] === close) return [isMap ? map : seq, i + 1];
    if (t[i] !== ',') out();
    i = skipSpaces(t, i + 1);
    if (t[i] === close || t[i] === ',') out(); // a trailing or doubled comma
  }
}

function flowItem(t: string, i: number, depth: number): [Value, number] {
  const c = t[i];
  if (c === '{' || c === '[') return flow(t, i, depth + 1);
  if (c === '"' || c === "'") return quoted(t, i);
  const p = plainEnd(t, i, true);
  const raw = t.slice(i, p).replace(/ +$/, '');
  if (!plainOk(raw, true) || raw.includes('#')) out();
  return [resolvePlain(raw), p];
}

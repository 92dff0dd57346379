/**
 * The fast reader of plain project YAML (lib/util/simple-yaml.ts) must give exactly what
 * `yaml.parse(text, { uniqueKeys: true })` gives, or undefined (then yaml runs, with its own
 * values and messages): on every example and fixture, on generated documents, on generated
 * documents with stray characters put in, and on inputs that must fall back.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProjectText } from '../../lib/model/project-files.js';
import { parseSimpleYaml, resolvePlain } from '../../lib/util/simple-yaml.js';

const root = join(import.meta.dirname, '..', '..');

type Outcome = { value: unknown } | { error: string };
const viaYaml = (text: string): Outcome => {
  try {
    return { value: parse(text, { uniqueKeys: true }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

/** The fast reader agrees with yaml or falls back; returns whether it took the text. */
function agrees(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return false;
  const y = viaYaml(text);
  if (!('value' in y) || !isDeepStrictEqual(fast, y.value)) {
    throw new Error(`fast reader differs from yaml on:\n${text}\nfast: ${JSON.stringify(fast)}\nyaml: ${JSON.stringify(y)}`);
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? (e.name === 'node_modules' ? [] : yamlFiles(full)) : /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

describe('parseSimpleYaml', () => {
  it('agrees with yaml on every YAML file of the repository (examples, catalogue, fixtures)', () => {
    const files = [...yamlFiles(join(root, 'data')), ...yamlFiles(join(root, 'test'))];
    expect(files.length).toBeGreaterThan(80);
    const taken = files.filter((f) => agrees(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))).map((f) => relative(root, f).split('\\').join('/'));
    // The examples users start from take the fast path (so calc is fast on them).
    for (const ex of ['unga-vuxna-coachning', 'ips-stodjande-anstallning', 'medlemskommuner']) expect(taken).toContain(`data/examples/${ex}/projekt.yaml`);
  });

  it('reads the plain subset', () => {
    const text = [
      '# kommentar', 'name: Unga vuxna – coachningsteam', 'description: >-', '  Rad ett', '  fortsätter.', '', '  Nytt stycke.',
      'lit: |', '  a', '  # inte en kommentar', 'n: 12   # antal', 'f: 0.75', 'neg: -3', 'url: https://x.se/a#b', 'tom:', 'q: "a # b"', "s: 'it''s'",
      'list:', '- { item: kommun.x, months: 12, options: { niva: lag } }', '- [1, two, "3"]', '- id: A', '  weight: 8', 'last: ~',
    ].join('\n');
    expect(parseSimpleYaml(text)).toStrictEqual({
      name: 'Unga vuxna – coachningsteam', description: 'Rad ett fortsätter.\nNytt stycke.', lit: 'a\n# inte en kommentar\n', n: 12, f: 0.75, neg: -3,
      url: 'https://x.se/a#b', tom: null, q: 'a # b', s: "it's",
      list: [{ item: 'kommun.x', months: 12, options: { niva: 'lag' } }, [1, 'two', '3'], { id: 'A', weight: 8 }], last: null,
    });
    expect(agrees(text)).toBe(true);
  });

  it('resolves plain scalars as yaml 1.2 core does (yes/no and dates stay text)', () => {
    for (const s of ['~', 'null', 'Null', 'NULL', '', 'true', 'True', 'FALSE', 'yes', 'no', 'on', 'Off', '0o7', '0o8', '012', '+5', '-0', '0x1F', '0X1F', '1e3', '1E-2', '.5', '1.', '+.inf', '-.Inf', '.NaN', '.nan', '1_000', '2025-01-01', '12:30', '0b101', '9007199254740993', '1.0e+400', 'nULL', 'tRUE', 'Fals', 'x1', 'Ö', 'é1']) {
      expect(resolvePlain(s), s).toStrictEqual((parse(`v: ${s}`) as { v: unknown }).v);
    }
    expect(Object.is(resolvePlain('-0'), -0)).toBe(true);
  });

  it('falls back on what it does not read, so yaml decides (and reports its errors)', () => {
    const tricky = [
      'a: &x 1\nb: *x', 'a: !!str 1', '"a": 1', "'a': 1", '? a\n: 1', 'a: [1,\n  2]', 'a: {b: 1,\n  c: 2}', 'a: {b: 1, }', 'a: b\n  c', 'a: "b\n  c"',
      'a: "\\t"', 'a:\tb', 'a: b\r\nc: d', '\uFEFFa: 1', 'a: 1\na: 2', 'a: {b: 1, b: 2}', '---\na: 1', 'a: 1\n...', '%YAML 1.2\n---\na: 1', '- a\n- b', 'a', '',
      'a: >+\n  x\n', 'a: >2\n   x', 'a: |\n  x\n    y', 'a: >\n\n  x', 'a: >\n  x \n', 'a: b: c', 'a:b', '  a: 1', 'a:\n  - x\n  y: 1', 'a:\n    b: 1\n  c: 2',
      '<<: {b: 1}', '__proto__: 1', '1: a', 'true: a', 'null: a', 'a: @x', 'a: `x`', 'a: %x', 'a: - x', 'a: \u00a0x', 'a: x\u2028y', 'a: 😀', 'a: {b: c#d}', 'a: [b, [c]]x',
    ];
    for (const t of tricky) expect(parseSimpleYaml(t), JSON.stringify(t)).toBeUndefined();
    // Through the project reader the outcome, error message included, is yaml's.
    for (const t of tricky) {
      const y = viaYaml(t.replace(/^\uFEFF/, ''));
      let got: Outcome;
      try {
        got = { value: parseProjectText(t, 'p.yaml') };
      } catch (e) {
        got = { error: String((e as { problems?: { en: string }[] }).problems?.[0].en) };
      }
      if ('value' in y) expect(got).toStrictEqual(y);
      else expect('error' in got && got.error.startsWith('invalid YAML: ') && y.error.startsWith(got.error.slice('invalid YAML: '.length)), t).toBe(true);
    }
  });

  // Generated documents: nested mappings and sequences in block or flow style, scalars plain,
  // quoted or as block scalars, comments and odd spacing; words chosen to hit the core schema.
  // Mostly ordinary words and numbers, some made to hit the core schema or the syntax.
  const word = fc.oneof(
    { arbitrary: fc.stringMatching(/^[a-zA-ZåäöÅÄÖ][a-zA-Z0-9åäö _.\-/]{0,10}$/), weight: 5 },
    { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true })).map(String), weight: 2 },
    fc.tuple(fc.constantFrom('0x', '0o', '0b', '+', '-', '.', '0', '1e', '1.5E-', '.inf', ''), fc.nat(0xffff), fc.constantFrom(16, 8, 10)).map(([p, n, r]) => p + n.toString(r)),
    fc.constantFrom('null', '~', 'true', 'False', 'yes', 'no', '1e3', '0x10', '0o7', '012', '+5', '-0', '.inf', '-.Inf', '.nan', '2025-01-01', '1.5', '3.', '1_000', 'kommun.x', 'a b', 'x-y', 'å ä', '–', '#', 'a#b', 'a:b', '- a', '&a', '*a', '!a', "it's", 'say "hi"', '\\n', '[x]', '{x}', 'a, b', '%', '@', '`', '?', ':', '-', '---', '...', ''),
    fc.stringMatching(/^[a-zA-Z0-9åäö _.:#,'"\-{}[\]&*!|>?%@`~+\\]{0,8}$/),
  );
  const key = fc.oneof({ arbitrary: fc.stringMatching(/^[a-zA-Z_åö][a-zA-Z0-9_.\-]{0,6}$/), weight: 8 }, fc.constantFrom('name', 'weight', 'perMonth', 'id', 'a b', 'x.y', '2025', 'true', 'null', 'é', '<<', '__proto__', 'a#', '-a', 'a:', 'a b'), fc.stringMatching(/^[a-zA-Z_åö][a-zA-Z0-9_.\- ]{0,6}$/));
  type Node = string | Node[] | [string, Node][] | { map: [string, Node][] };
  const { node } = fc.letrec<{ node: Node; map: { map: [string, Node][] }; seq: Node[] }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, word, tie('map'), tie('seq')),
    map: fc.record({ map: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }) }),
    seq: fc.array(tie('node'), { maxLength: 4 }),
  }));
  const style = fc.record({
    step: fc.integer({ min: 1, max: 4 }), quote: fc.constantFrom('plain', 'plain', 'plain', 'double', 'single', 'block'), flow: fc.boolean(), sameIndentSeq: fc.boolean(),
    comment: fc.constantFrom('', '', '', ' # c', '  #c', '#c'), blank: fc.boolean(), block: fc.constantFrom('>', '>-', '|', '|-'),
  });

  type Style = { step: number; quote: string; flow: boolean; sameIndentSeq: boolean; comment: string; blank: boolean; block: string };

  const scalar = (s: string, st: Style, inFlow: boolean): string => {
    if (st.quote === 'double') return `"${s}"`;
    if (st.quote === 'single') return `'${s.replaceAll("'", "''")}'`;
    if (st.quote === 'block' && !inFlow) return '\u0000'; // marker: rendered by the caller
    return s;
  };
  const flowText = (n: Node, st: Style): string =>
    typeof n === 'string' ? scalar(n, st, true) : Array.isArray(n) ? `[${n.map((x) => flowText(x as Node, st)).join(', ')}]` : `{ ${n.map.map(([k, v]) => `${k}: ${flowText(v, st)}`).join(', ')} }`;

  function render(doc: { map: [string, Node][] }, st: Style): string {
    const lines: string[] = [];
    const value = (prefix: string, v: Node, indent: number): void => {
      if (typeof v === 'string') {
        const s = scalar(v, st, false);
        if (s === '\u0000') {
          lines.push(`${prefix} ${st.block}${st.comment}`);
          for (const part of v.split(' ')) lines.push(part === '' ? '' : ' '.repeat(indent + st.step) + part);
        } else lines.push(`${prefix} ${s}${st.comment}`);
      } else if (st.flow && JSON.stringify(v).length < 60) lines.push(`${prefix} ${flowText(v, st)}${st.comment}`);
      else if (Array.isArray(v)) {
        lines.push(`${prefix}${st.comment}`);
        const at = st.sameIndentSeq && prefix.endsWith(':') ? indent : indent + st.step;
        for (const x of v) item(x as Node, at);
      } else {
        lines.push(`${prefix}${st.comment}`);
        mapping(v, indent + st.step);
      }
      if (st.blank) lines.push('');
    };
    const item = (v: Node, indent: number): void => {
      const pad = ' '.repeat(indent);
      if (!Array.isArray(v) && typeof v !== 'string' && v.map.length && !st.flow) {
        const [[k0, v0], ...rest] = v.map;
        value(`${pad}- ${k0}:`, v0, indent + 2);
        mapping({ map: rest }, indent + 2);
      } else value(`${pad}-`, v, indent);
    };
    const mapping = (m: { map: [string, Node][] }, indent: number): void => {
      for (const [k, v] of m.map) value(`${' '.repeat(indent)}${k}:`, v, indent);
    };
    mapping(doc, 0);
    return lines.join('\n') + '\n';
  }

  const doc = fc.record({ map: fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 6 }) });

  it('agrees with yaml on generated documents', () => {
    let taken = 0, runs = 0;
    fc.assert(fc.property(doc, style, (d, st) => {
      runs++;
      if (agrees(render(d, st))) taken++;
    }), { numRuns: Number(process.env.SIMPLE_YAML_RUNS ?? 3000) });
    // Not vacuous: a good share of the documents is read by the fast path.
    expect(taken / runs).toBeGreaterThan(0.2);
  });

  it('agrees with yaml on generated documents with stray characters put in', () => {
    const stray = fc.constantFrom(' ', '  ', '\n', '\n  ', ':', ': ', '#', ' #', '-', '- ', '{', '}', '[', ']', ',', '"', "'", '&', '*', '!', '|', '>', '?', '~', '\t', '\r', '.', '0', 'e3', '\\');
    let taken = 0, runs = 0;
    fc.assert(fc.property(doc, style, fc.array(fc.tuple(fc.nat(), stray), { minLength: 1, maxLength: 3 }), (d, st, edits) => {
      let text = render(d, st);
      for (const [at, s] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + s + text.slice(i);
      }
      runs++;
      if (agrees(text)) taken++;
    }), { numRuns: Number(process.env.SIMPLE_YAML_RUNS ?? 6000) });
    // Most edits break the subset (a fallback); enough do not to test the ones it reads.
    expect(taken / runs).toBeGreaterThan(0.03);
  });
});

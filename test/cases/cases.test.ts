/**
 * Economist-editable golden cases (issue 12 item 9): every `*.yaml` in test/cases is a project
 * with the results worked out by hand. Each case is validated, calculated and compared key by key
 * with its `expected` block; see test/cases/README.md for the format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { calculate } from '../../lib/calculate.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import type { Catalog } from '../../lib/catalog/types.js';
import { validateProject } from '../../lib/model/project.js';
import type { Result } from '../../lib/results/result.js';
import { testCatalog } from '../helpers/catalog.js';

const DIR = dirname(fileURLToPath(import.meta.url));
const CASE_KEYS = ['description', 'catalog', 'tolerance', 'project', 'expected'];
const EXPECTED_KEYS = ['participants', 'followUpYears', 'costTotal', 'evidence', 'actors', 'groups'];

/** Kronor: to the öre unless a case says otherwise. */
const DEFAULT_TOLERANCE = 0.005;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compares what a case expects with what the engine gives: every key the case writes must exist in
 * the result (a typo is a failure, never a silent pass); numbers within the tolerance; anything
 * else equal. Returns one line per mismatch, naming the path.
 */
export function mismatches(expected: unknown, actual: unknown, path: string, tolerance: number): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) return [`${path}: väntat ${expected}, fick ${JSON.stringify(actual)}`];
    return [];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: väntat ${expected.length} värden, fick ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => mismatches(e, actual[i], `${path}[${i}]`, tolerance));
  }
  if (isObj(expected)) {
    if (!isObj(actual)) return [`${path}: väntat ett objekt, fick ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, e]) =>
      k in actual ? mismatches(e, actual[k], `${path}.${k}`, tolerance) : [`${path}.${k}: finns inte i resultatet (nycklar: ${Object.keys(actual).join(', ')})`]);
  }
  return expected === actual ? [] : [`${path}: väntat ${JSON.stringify(expected)}, fick ${JSON.stringify(actual)}`];
}

/** The part of a result a case can speak of (see README.md). */
function view(r: Result): Obj {
  return {
    participants: r.participants, followUpYears: r.followUpYears, costTotal: r.project.costTotal, evidence: r.project.evidence,
    actors: r.actors, groups: r.groups,
  };
}

const catalogs: Record<string, () => Catalog> = { test: testCatalog, real: loadCatalog };
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('test/cases: hand-worked golden cases in YAML', () => {
  it('has cases', () => expect(files.length).toBeGreaterThanOrEqual(5));

  for (const file of files) {
    it(file, () => {
      const doc = parseYaml(readFileSync(join(DIR, file), 'utf8')) as unknown;
      expect(isObj(doc), `${file}: ska vara ett objekt med project och expected`).toBe(true);
      const c = doc as Obj;
      const unknown = Object.keys(c).filter((k) => !CASE_KEYS.includes(k));
      expect(unknown, `${file}: okända nycklar (tillåtna: ${CASE_KEYS.join(', ')})`).toEqual([]);
      const catalog = catalogs[String(c.catalog ?? 'test')];
      expect(catalog, `${file}: catalog ska vara test eller real`).toBeDefined();
      const v = validateProject(c.project, catalog(), join('test/cases', file));
      expect(v.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.sv} (${JSON.stringify(p.value)})`)).toEqual([]);
      expect(isObj(c.expected), `${file}: expected saknas`).toBe(true);
      const expected = c.expected as Obj;
      const badKeys = Object.keys(expected).filter((k) => !EXPECTED_KEYS.includes(k));
      expect(badKeys, `${file}: okända nycklar under expected (tillåtna: ${EXPECTED_KEYS.join(', ')})`).toEqual([]);
      const tolerance = typeof c.tolerance === 'number' ? c.tolerance : DEFAULT_TOLERANCE;
      expect(mismatches(expected, view(calculate(v.project!, catalog())), 'expected', tolerance)).toEqual([]);
    });
  }
});

describe('the case comparison itself', () => {
  it('a misspelt key, a wrong number and a wrong status each fail, naming the path', () => {
    const actual = { actors: { kommun: { horizons: { '5': { net: 100.004 } }, payback: { status: 'months' } } } };
    expect(mismatches({ actors: { kommun: { horizons: { '5': { net: 100 } } } } }, actual, 'expected', DEFAULT_TOLERANCE)).toEqual([]);
    expect(mismatches({ actors: { kommun: { horizon: {} } } }, actual, 'expected', DEFAULT_TOLERANCE)[0]).toMatch(/^expected\.actors\.kommun\.horizon: finns inte/);
    expect(mismatches({ actors: { kommun: { horizons: { '5': { net: 100.01 } } } } }, actual, 'expected', DEFAULT_TOLERANCE)).toEqual(['expected.actors.kommun.horizons.5.net: väntat 100.01, fick 100.004']);
    expect(mismatches({ actors: { kommun: { payback: { status: 'never' } } } }, actual, 'expected', DEFAULT_TOLERANCE)).toHaveLength(1);
  });
});

/**
 * The layers of lib/ import one way (issue 12): vocabulary and util → catalog → model → engine →
 * results → sensitivity/forecast/portfolio → report → the entry points. A module may import its
 * own layer or an earlier one, never a later one; a new folder under lib/ must be given a layer here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = join(root, 'lib');

/** Layer of each top-level module or folder of lib/ (lower = earlier). */
export const LAYERS: Record<string, number> = {
  'vocabulary.ts': 0, util: 0,
  catalog: 1,
  model: 2,
  engine: 3,
  results: 4,
  sensitivity: 5, forecast: 5, portfolio: 5,
  report: 6,
  // calculate() is price then evaluate: the results layer's one-call form, usable by portfolio and forecast.
  'calculate.ts': 4,
  'index.ts': 7, 'node.ts': 7,
};

const IMPORT = /(?:^\s*(?:import|export)\s[^'"]*?from\s+|^\s*import\s+|import\()\s*['"](\.[^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const top = (file: string): string => relative(lib, file).split(/[\\/]/)[0];

/** Every import against the layer order, as `from → to`. */
export function backwardImports(): string[] {
  const out: string[] = [];
  for (const file of files(lib)) {
    const from = top(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]);
      if (!target.startsWith(lib)) continue;
      const to = top(target.replace(/\.js$/, '.ts'));
      if (LAYERS[to] > LAYERS[from]) out.push(`${relative(root, file)} → ${m[1]} (${from} may not import ${to})`);
    }
  }
  return out;
}

describe('lib/ layers', () => {
  it('every folder and top-level module of lib/ has a layer', () => {
    const unknown = readdirSync(lib).filter((e) => !(e in LAYERS) && (e.endsWith('.ts') || !e.includes('.')));
    expect(unknown, 'add the new folder to LAYERS in test/structure/layers.test.ts').toEqual([]);
  });

  it('no module imports a later layer', () => {
    expect(backwardImports()).toEqual([]);
  });

  it('the scan finds imports (a backward import in a fixture line is caught)', () => {
    const line = "import { reportModel } from '../report/model.js';";
    expect([...line.matchAll(IMPORT)].map((m) => m[1])).toEqual(['../report/model.js']);
    expect([..."const x = await import('../report/x.js');".matchAll(IMPORT)].map((m) => m[1])).toEqual(['../report/x.js']);
  });
});

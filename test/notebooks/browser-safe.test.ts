/**
 * The notebooks import the library's TypeScript directly into the browser, so every module they
 * reach must be free of Node built-ins. `notebooks build` tree-shakes an unused `node:` import
 * away, but the preview (`npm run notebooks`, Vite dev server) fails on it at load time — this
 * test catches what the built-site test cannot.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Chains from `entry` to a `node:` (or bare Node built-in) import, e.g. `lib/index.ts → … → node:crypto`. */
function nodeImports(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1];
      const here = [...chain, file.slice(root.length + 1)];
      if (spec.startsWith('node:')) found.push([...here, spec].join(' → '));
      else if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), here);
    }
  };
  walk(entry, []);
  return found;
}

const components = readdirSync(join(root, 'notebooks', 'components')).filter((f) => f.endsWith('.ts')).map((f) => join('notebooks', 'components', f));

describe('modules the notebooks load in the browser', () => {
  // The project readers are imported lazily (so `calc` loads no table library), which the walk
  // does not follow: they are entries of their own.
  const lazy = ['lib/model/participants-file.ts', 'lib/model/transitions.ts', 'lib/report/build-report.ts'];
  for (const entry of ['lib/index.ts', ...lazy, ...components]) {
    it(`${entry} reaches no node: import`, () => {
      expect(nodeImports(join(root, entry))).toEqual([]);
    });
  }
});

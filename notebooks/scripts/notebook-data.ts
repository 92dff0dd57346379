/**
 * Writes the notebooks' data files (run by `npm run notebooks:data`):
 *
 * - `notebooks/data/catalog.json` — the catalogue's YAML file texts, `{ "<path under data/>": "<yaml>" }`.
 *   The notebooks parse it in the browser with `parseCatalog`, the same function the CLI uses; it
 *   holds the transition mapping for aggregated input (`mappings/transitions.yaml`) too.
 * - `notebooks/data/benchmarks.json` — the reference set `data/benchmarks/*.yaml` as texts
 *   `{ "benchmarks/<file>": "<yaml>" }`, parsed in the browser by `parseBenchmarks` (Portföljen).
 * - `notebooks/data/examples.json` — every example under `data/examples/`, as
 *   `[{ id, readme, files }]` where `files` holds the example folder's files (base64), read in the
 *   browser by `readProjectFromFiles` exactly like a folder the user opens.
 *
 * Only file reading happens here; reading the project, pricing and evaluation run in the notebook
 * on the real library. The output depends only on the repository's files — no dates, no clock —
 * so the same checkout gives the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, readCatalogFiles } from '../../lib/catalog/load.js';
import { parseProjectText, PROJECT_FILE_NAMES } from '../../lib/model/project-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outDir = join(here, '..', 'data');
const dataDir = defaultDataDir();

/** Sorts object keys so the output does not depend on directory order. */
function sortedObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export interface ExampleEntry {
  id: string;
  /** The project's name (for the example list). */
  name: string;
  /** The example's README (Markdown), when there is one. */
  readme: string | null;
  /** The example folder's files by `/`-path under `data/examples/` (`<id>/projekt.yaml`), base64. */
  files: Record<string, string>;
}

/** Every file under `dir` (README excluded), by `/`-path relative to `base`. */
function folderFiles(dir: string, base: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, folderFiles(full, base));
    else if (name !== 'README.md') out[relative(base, full).split(sep).join('/')] = readFileSync(full).toString('base64');
  }
  return out;
}

function readExamples(): ExampleEntry[] {
  const dir = join(dataDir, 'examples');
  if (!existsSync(dir)) return [];
  const out: ExampleEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    const projectFile = PROJECT_FILE_NAMES.map((f) => join(folder, f)).find((f) => existsSync(f));
    if (!projectFile) continue;
    const project = parseProjectText(readFileSync(projectFile, 'utf8'), projectFile) as { name?: unknown } | null;
    const readmePath = join(folder, 'README.md');
    out.push({ id: name, name: typeof project?.name === 'string' ? project.name : name, readme: existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : null, files: folderFiles(folder, dir) });
  }
  return out;
}

mkdirSync(outDir, { recursive: true });
const catalog = sortedObject(readCatalogFiles(dataDir));
const examples = readExamples();
writeFileSync(join(outDir, 'catalog.json'), JSON.stringify(catalog, null, 1) + '\n');
const benchmarksDir = join(dataDir, 'benchmarks');
const benchmarks = existsSync(benchmarksDir)
  ? Object.fromEntries(readdirSync(benchmarksDir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => [`benchmarks/${f}`, readFileSync(join(benchmarksDir, f), 'utf8')]))
  : {};
writeFileSync(join(outDir, 'benchmarks.json'), JSON.stringify(benchmarks, null, 1) + '\n');
writeFileSync(join(outDir, 'examples.json'), JSON.stringify(examples, null, 1) + '\n');
console.log(`notebooks/data: catalog.json (${Object.keys(catalog).length} filer), examples.json (${examples.length} exempel: ${examples.map((e) => e.id).join(', ') || '–'})`);

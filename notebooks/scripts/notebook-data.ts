/**
 * Writes the notebooks' data files (run by `npm run notebooks:data`):
 *
 * - `notebooks/data/catalog.json` — the catalogue's YAML file texts, `{ "<path under data/>": "<yaml>" }`.
 *   The notebooks parse it in the browser with `parseCatalog`, the same function the CLI uses.
 * - `notebooks/data/examples.json` — every example under `data/examples/`, as
 *   `[{ id, file, readme, project }]` where `project` is the raw project object (participants
 *   included), ready for `validateProject`.
 *
 * Only Node-side work happens here (reading files); pricing and evaluation run in the notebook on
 * the real engine. The output depends only on the repository's files — no dates, no clock — so
 * the same checkout gives the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { defaultDataDir, readCatalogFiles } from '../../lib/catalog/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outDir = join(here, '..', 'data');
const dataDir = defaultDataDir();

const PROJECT_FILES = ['projekt.yaml', 'projekt.yml', 'projekt.json', 'project.yaml', 'project.json'];

/** Sorts object keys so the output does not depend on directory order. */
function sortedObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

export interface ExampleEntry {
  id: string;
  /** Project file, relative to the repository root. */
  file: string;
  /** The example's README (Markdown), when there is one. */
  readme: string | null;
  /** The raw project object as written (participants included). */
  project: unknown;
}

async function readExamples(): Promise<ExampleEntry[]> {
  const dir = join(dataDir, 'examples');
  if (!existsSync(dir)) return [];
  const out: ExampleEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    const projectFile = PROJECT_FILES.map((f) => join(folder, f)).find((f) => existsSync(f));
    if (!projectFile) continue;
    const text = readFileSync(projectFile, 'utf8').replace(/^\uFEFF/, '');
    const project = /\.json$/.test(projectFile) ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
    const rel = relative(root, projectFile).split(sep).join('/');
    if (project && typeof project === 'object' && typeof (project as Record<string, unknown>).participantsFile === 'string') {
      // A tabular participant file is read in Node and inlined, so the browser needs no file access.
      const { loadCatalog } = await import('../../lib/catalog/load.js');
      const { readParticipantsFile } = await import('../../lib/model/participants-file.js');
      const p = project as Record<string, unknown>;
      const read = await readParticipantsFile(join(folder, String(p.participantsFile)), loadCatalog(dataDir));
      const errors = read.problems.filter((x) => x.severity === 'error');
      if (errors.length) throw new Error(`${rel}: participantsFile: ${errors.map((e) => e.sv).join('; ')}`);
      p.participants = read.participants;
      delete p.participantsFile;
    }
    const readmePath = join(folder, 'README.md');
    out.push({ id: name, file: rel, readme: existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : null, project });
  }
  return out;
}

mkdirSync(outDir, { recursive: true });
const catalog = sortedObject(readCatalogFiles(dataDir));
const examples = await readExamples();
writeFileSync(join(outDir, 'catalog.json'), JSON.stringify(catalog, null, 1) + '\n');
writeFileSync(join(outDir, 'examples.json'), JSON.stringify(examples, null, 1) + '\n');
console.log(`notebooks/data: catalog.json (${Object.keys(catalog).length} filer), examples.json (${examples.length} exempel: ${examples.map((e) => e.id).join(', ') || '–'})`);

/**
 * Reading a portfolio folder (Node only): every project under it — a folder holding projekt.yaml
 * (or another project file name), or a loose JSON/YAML file that looks like a project (a forecast
 * plan, prognos.yaml, counts with its optimism-adjusted forecast) — read,
 * validated and calculated one by one. A project that fails is kept as a failure with its file
 * and problems; the others still count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { calculate } from '../calculate.js';
import type { Catalog } from '../catalog/types.js';
import { PROJECT_FILE_NAMES, parseProjectText, readProject } from '../model/read-project.js';
import { forecast } from '../forecast/forecast.js';
import { isPlan, readPlan } from '../forecast/plan.js';
import { InputError } from '../util/errors.js';
import type { PortfolioFailure, PortfolioInput } from './portfolio.js';

/** Keys of which at least one marks a loose JSON/YAML file as a project (not a mapping or data file). */
const PROJECT_MARKERS = ['priceYear', 'participants', 'participantsFile', 'transitionsFile', 'transitions', 'cost', 'insatsklass', 'kind'];
const SKIP_DIRS = new Set(['node_modules', 'benchmarks', 'mappings']);

/**
 * Finds the project files under a folder, sorted. A folder with a project file is one project
 * (its other files are its data); elsewhere each JSON/YAML file with a project key is one.
 */
export function findProjects(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const own = PROJECT_FILE_NAMES.find((n) => existsSync(join(dir, n)));
    if (own) {
      found.push(join(dir, own));
      return;
    }
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full);
      } else if (/\.(ya?ml|json)$/i.test(e.name) && looksLikeProject(full)) found.push(full);
    }
  };
  walk(root);
  return found;
}

/** A top-level YAML key that marks a project (at the start of a line: nested keys are indented). */
const YAML_MARKER = new RegExp(`^(?:${PROJECT_MARKERS.join('|')})[ \\t]*:`, 'm');

function looksLikeProject(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  // A YAML file with a marker key needs no parse here (readProject parses it once, and reports it if broken).
  if (!/\.json$/i.test(file) && YAML_MARKER.test(text)) return true;
  try {
    const doc = /\.json$/i.test(file) ? JSON.parse(text.replace(/^\uFEFF/, '')) : parseYaml(text.replace(/^\uFEFF/, ''));
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) && PROJECT_MARKERS.some((k) => k in doc);
  } catch {
    // An unparseable file is reported as a broken project rather than skipped silently.
    return true;
  }
}

export interface LoadPortfolioResult {
  inputs: PortfolioInput[];
  failures: PortfolioFailure[];
}

/**
 * Reads and calculates every project under `root`.
 * @param onProgress called after each project with (done, total)
 * @throws InputError when the folder does not exist or holds no project
 */
export async function loadPortfolio(root: string, catalog: Catalog, onProgress?: (done: number, total: number) => void): Promise<LoadPortfolioResult> {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError([{ severity: 'error', file: root, path: '', sv: 'mappen finns inte; ange en mapp med projekt', en: 'folder not found; give a folder of projects' }]);
  }
  const files = findProjects(root);
  if (files.length === 0) {
    throw new InputError([{ severity: 'error', file: root, path: '', sv: `inga projekt i mappen (letar efter ${PROJECT_FILE_NAMES[0]} och JSON/YAML-filer med priceYear, cost eller participants)`, en: `no projects in the folder (looking for ${PROJECT_FILE_NAMES[0]} and JSON/YAML files with priceYear, cost or participants)` }]);
  }
  const inputs: PortfolioInput[] = [];
  const failures: PortfolioFailure[] = [];
  const shown = (f: string) => relative(root, f).split(sep).join('/');
  for (let i = 0; i < files.length; i++) {
    const file = shown(files[i]);
    try {
      if (isPlan(parseProjectText(readFileSync(files[i], 'utf8'), files[i]))) {
        // A forecast plan counts with its optimism-adjusted forecast (docs/prognos.md).
        const plan = await readPlan(files[i], catalog);
        const errors = plan.problems.filter((p) => p.severity === 'error');
        if (!plan.plan || errors.length) failures.push({ file, problems: errors });
        else {
          const f = forecast(plan.plan, catalog);
          inputs.push({ file, project: f.adjusted.project, result: f.adjusted.result });
        }
        onProgress?.(i + 1, files.length);
        continue;
      }
      const read = await readProject(files[i], catalog);
      const errors = read.problems.filter((p) => p.severity === 'error');
      if (!read.project || errors.length) failures.push({ file, problems: errors });
      else inputs.push({ file, project: read.project, result: calculate(read.project, catalog) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push({ file, problems: e.problems.filter((p) => p.severity === 'error') });
    }
    onProgress?.(i + 1, files.length);
  }
  return { inputs, failures };
}

/**
 * Where a notebook's project comes from: a bundled example (notebooks/data/examples.json), text
 * pasted by the researcher (a project or a result JSON, in JSON or YAML), or a file they choose.
 * Everything is validated by the library's own `validateProject`; nothing is recalculated here.
 */
import { parse as parseYaml } from 'yaml';
import {
  formatProblem, parseCatalog, priceProject, validateProject, RESULT_SCHEMA,
  type Catalog, type Ledger, type Problem, type Project, type ResultJson,
} from '../../lib/index.js';

/** One entry of notebooks/data/examples.json (written by notebooks/scripts/notebook-data.ts). */
export interface ExampleEntry {
  id: string;
  file: string;
  readme: string | null;
  project: unknown;
}

export type Loaded =
  | { kind: 'project'; label: string; project: Project; ledger: Ledger; warnings: string[] }
  | { kind: 'result'; label: string; result: ResultJson; warnings: string[] }
  | { kind: 'error'; label: string; errors: string[] };

/** Parses the catalogue file texts from notebooks/data/catalog.json. */
export function catalogFromFiles(files: Record<string, string>): Catalog {
  return parseCatalog(files, 'data');
}

/** Parses pasted or uploaded text: YAML is a superset of JSON, so one parser reads both. */
export function parseText(text: string, label: string): unknown {
  try {
    return parseYaml(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
  } catch (e) {
    throw new Error(`${label}: kunde inte läsa texten som JSON eller YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

const messages = (problems: readonly Problem[], severity: Problem['severity']): string[] =>
  problems.filter((p) => p.severity === severity).map((p) => formatProblem(p, 'sv'));

/**
 * Turns a raw object into something a notebook can show: a validated and priced project, a
 * result JSON (`samnytta/result@1`, shown as calculated), or the list of problems.
 */
export function loadInput(raw: unknown, catalog: Catalog, label: string): Loaded {
  if (raw && typeof raw === 'object' && (raw as { schema?: unknown }).schema === RESULT_SCHEMA) {
    return { kind: 'result', label, result: raw as ResultJson, warnings: [] };
  }
  // The project is cloned: validation may normalise the object it is given.
  const v = validateProject(structuredClone(raw), catalog, label);
  if (!v.project) return { kind: 'error', label, errors: messages(v.problems, 'error') };
  try {
    const ledger = priceProject(v.project, catalog);
    return { kind: 'project', label, project: v.project, ledger, warnings: messages(v.problems, 'warning') };
  } catch (e) {
    const problems = (e as { problems?: Problem[] }).problems;
    return { kind: 'error', label, errors: problems ? messages(problems, 'error') : [String((e as Error).message ?? e)] };
  }
}

/**
 * Picks the input to show: a chosen file wins over pasted text, pasted text over the example.
 * @param file the value of an `Inputs.file` (null when none is chosen)
 */
export async function chooseInput(example: ExampleEntry, pasted: string, file: { name: string; text(): Promise<string> } | null, catalog: Catalog): Promise<Loaded> {
  try {
    if (file) return loadInput(parseText(await file.text(), file.name), catalog, file.name);
    if (pasted && pasted.trim()) return loadInput(parseText(pasted, 'inklistrad text'), catalog, 'inklistrad text');
  } catch (e) {
    return { kind: 'error', label: file ? file.name : 'inklistrad text', errors: [(e as Error).message] };
  }
  return loadInput(example.project, catalog, example.file);
}

/**
 * Where a notebook's project comes from: a bundled example (notebooks/data/examples.json), text
 * pasted by the researcher (a project or a result JSON, in JSON or YAML), or files the user picks
 * or drops — a project folder, `projekt.yaml` with its Excel/CSV tables, or a filled Excel
 * template alone. Every project is read by the library's `readProjectFromFiles`, the same
 * reading as `samnytta calc` (tables, transitions, messages); nothing is recalculated here, and
 * the files never leave the browser.
 */
import { parse as parseYaml } from 'yaml';
import {
  calculate, findProjectFile, formatProblem, memoryFiles, normalizePath, parseCatalog, priceProject, readProjectFromFiles, readProjectSource, PROJECT_FILE_NAMES, RESULT_SCHEMA,
  type Catalog, type Ledger, type PortfolioFailure, type PortfolioInput, type Problem, type Project, type ProjectRead, type ResultJson,
} from '../../lib/index.js';

/** One entry of notebooks/data/examples.json (written by notebooks/scripts/notebook-data.ts). */
export interface ExampleEntry {
  id: string;
  name: string;
  readme: string | null;
  /** The example folder's files, `<id>/<path>` → base64. */
  files: Record<string, string>;
}

/** The catalogue, parsed from the notebooks' data file (it holds the transition mapping too, `catalog.transitions`). */
export interface NotebookData {
  catalog: Catalog;
}

export type Loaded =
  | { kind: 'project'; label: string; project: Project; ledger: Ledger; warnings: string[]; notes: string[] }
  | { kind: 'result'; label: string; result: ResultJson; warnings: string[]; notes: string[] }
  | { kind: 'error'; label: string; errors: string[]; notes: string[] };

/** Parses the catalogue file texts from notebooks/data/catalog.json. */
export function catalogFromFiles(files: Record<string, string>): Catalog {
  return parseCatalog(files, 'data');
}

/** The catalogue from data/catalog.json, with the transition mapping checked at load like the CLI's. */
export function notebookData(catalogFiles: Record<string, string>): NotebookData {
  return { catalog: catalogFromFiles(catalogFiles) };
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

/** A read project as a notebook shows it: priced, or its errors as `samnytta validate` lists them. */
function loaded(read: ProjectRead, catalog: Catalog, label: string): Loaded {
  const notes = read.notes.map((n) => n.sv);
  if (!read.project) return { kind: 'error', label, errors: messages(read.problems, 'error'), notes };
  try {
    const ledger = priceProject(read.project, catalog);
    return { kind: 'project', label, project: read.project, ledger, warnings: messages(read.problems, 'warning'), notes };
  } catch (e) {
    const problems = (e as { problems?: Problem[] }).problems;
    return { kind: 'error', label, errors: problems ? messages(problems, 'error') : [String((e as Error).message ?? e)], notes };
  }
}

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A result JSON (`samnytta/result@1`) among the files, shown as calculated. */
function resultIn(files: ReadonlyMap<string, Uint8Array>, label: string): Loaded | undefined {
  if (files.size !== 1) return undefined;
  const [[path, bytes]] = [...files];
  if (!/\.(json|ya?ml)$/i.test(path)) return undefined;
  let raw: unknown;
  try {
    raw = parseText(new TextDecoder().decode(bytes), path);
  } catch {
    return undefined; // the project reader reports the syntax error with its line
  }
  return raw && typeof raw === 'object' && (raw as { schema?: unknown }).schema === RESULT_SCHEMA
    ? { kind: 'result', label, result: raw as ResultJson, warnings: [], notes: [] }
    : undefined;
}

/**
 * Reads picked or dropped files (`/`-path → bytes) as a project, with the library's reader.
 * @param label how the source is named in the notebook
 */
export async function loadFiles(files: ReadonlyMap<string, Uint8Array>, data: NotebookData, label: string): Promise<Loaded> {
  const result = resultIn(files, label);
  if (result) return result;
  try {
    return loaded(await readProjectFromFiles(files, data.catalog), data.catalog, label);
  } catch (e) {
    const problems = (e as { problems?: Problem[] }).problems;
    return { kind: 'error', label, errors: problems ? messages(problems, 'error') : [String((e as Error).message ?? e)], notes: [] };
  }
}

/** A bundled example's files. */
export function exampleFiles(example: ExampleEntry): Map<string, Uint8Array> {
  return new Map(Object.entries(example.files).map(([p, b64]) => [p, Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
}

/**
 * Picks the input to show: picked files win over pasted text, pasted text over the example.
 * @param picked the value of `projectPicker()` (null when nothing is picked)
 */
export async function chooseInput(example: ExampleEntry, pasted: string, picked: Picked | null, data: NotebookData): Promise<Loaded> {
  if (picked) return loadFiles(picked.files, data, picked.label);
  if (pasted && pasted.trim()) {
    const label = 'inklistrad text';
    const files = new Map([[label, bytesOf(pasted)]]);
    const result = resultIn(new Map([['inklistrad.yaml', bytesOf(pasted)]]), label);
    if (result) return result;
    try {
      return loaded(await readProjectSource(memoryFiles(files), label, data.catalog), data.catalog, label);
    } catch (e) {
      const problems = (e as { problems?: Problem[] }).problems;
      return { kind: 'error', label, errors: problems ? messages(problems, 'error') : [String((e as Error).message ?? e)], notes: [] };
    }
  }
  return loadFiles(exampleFiles(example), data, `data/examples/${example.id}`);
}

/** Files the user picked or dropped. */
export interface Picked {
  /** `/`-path (a picked folder's files are `<mapp>/<fil>`) → bytes. */
  files: Map<string, Uint8Array>;
  /** "mapp/", or the file names. */
  label: string;
}

const TABLE_OR_PROJECT = '.yaml,.yml,.json,.xlsx,.xlsm,.csv,.txt,.tsv';

/** Reads every file of a dropped folder entry (the File System Entry API of Chrome, Edge, Firefox, Safari). */
async function entryFiles(entry: FileSystemEntry, out: [string, File][]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
    out.push([entry.fullPath.replace(/^\/+/, ''), file]);
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns the folder in batches; an empty batch ends it.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const e of batch) await entryFiles(e, out);
    }
  }
}

async function toPicked(list: [string, File][]): Promise<Picked | null> {
  // Hidden files (.samnytta-nyckel, .DS_Store) are never read.
  const kept = list.filter(([p]) => !p.split('/').some((s) => s.startsWith('.')));
  if (kept.length === 0) return null;
  const files = new Map<string, Uint8Array>();
  for (const [p, f] of kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files.set(p, new Uint8Array(await f.arrayBuffer()));
  const top = new Set([...files.keys()].map((p) => (p.includes('/') ? `${p.split('/')[0]}/` : p)));
  return { files, label: [...top].join(', ') };
}

/**
 * A view for a notebook (`view(projectPicker())`): choose a project folder (`#valj-mapp`,
 * `webkitdirectory`), choose files (`#valj-filer`, several at once: `projekt.yaml` with its
 * tables, or an Excel template alone) or drop either on it. Its value is a `Picked` or null.
 * The files are read in the browser; nothing is uploaded.
 */
export function projectPicker(document: Document = globalThis.document): HTMLElement & { value: Picked | null } {
  const root = Object.assign(document.createElement('div'), { className: 'projektval', id: 'projektval', value: null as Picked | null });
  const button = (id: string, label: string, directory: boolean) => {
    const l = document.createElement('label');
    l.className = 'projektval-knapp';
    const input = Object.assign(document.createElement('input'), { type: 'file', id, multiple: true });
    if (directory) input.setAttribute('webkitdirectory', '');
    else input.accept = TABLE_OR_PROJECT;
    input.addEventListener('change', async () => set(await toPicked([...(input.files ?? [])].map((f) => [f.webkitRelativePath || f.name, f]))));
    l.append(input, document.createTextNode(label));
    return l;
  };
  const status = Object.assign(document.createElement('span'), { className: 'projektval-status', id: 'projektval-status', textContent: 'Inget valt – exemplen visas.' });
  const clear = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Töm', id: 'projektval-tom' });
  clear.addEventListener('click', () => set(null));
  const set = (p: Picked | null) => {
    root.value = p;
    status.textContent = p ? `Valt: ${p.label} (${p.files.size} ${p.files.size === 1 ? 'fil' : 'filer'}; läses bara i webbläsaren)` : 'Inget valt – exemplen visas.';
    root.dispatchEvent(new Event('input', { bubbles: true }));
  };
  root.append(
    button('valj-mapp', 'Välj projektmapp …', true), ' ', button('valj-filer', 'Välj filer …', false), ' ', clear,
    Object.assign(document.createElement('div'), { className: 'projektval-slapp', textContent: '… eller släpp mappen eller filerna här (projekt.yaml med Excel/CSV, eller en ifylld Excel-mall).' }),
    status,
  );
  root.addEventListener('dragover', (e) => { e.preventDefault(); root.classList.add('over'); });
  root.addEventListener('dragleave', () => root.classList.remove('over'));
  root.addEventListener('drop', async (e) => {
    e.preventDefault();
    root.classList.remove('over');
    const out: [string, File][] = [];
    const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => Boolean(x));
    if (entries.length) for (const en of entries) await entryFiles(en, out);
    else for (const f of e.dataTransfer?.files ?? []) out.push([f.name, f]);
    set(await toPicked(out));
  });
  const style = document.createElement('style');
  style.textContent = `.projektval { border: 2px dashed var(--theme-foreground-faint, #bbb); border-radius: 8px; padding: 0.7rem 0.9rem; margin: 0.4rem 0; }
.projektval.over { border-color: #2f6f9f; background: #2f6f9f12; }
.projektval-knapp { display: inline-block; border: 1px solid #999; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; font-size: 0.9rem; }
.projektval-knapp input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.projektval-slapp { font-size: 0.85rem; color: var(--theme-foreground-muted, #666); margin: 0.4rem 0 0.2rem; }
.projektval-status { font-size: 0.85rem; }`;
  root.append(style);
  return root;
}

/** True when picked files hold a table but no project file: a filled Excel template dropped alone. */
export function needsProjectFile(files: ReadonlyMap<string, Uint8Array>): boolean {
  return !findProjectFile(files.keys()) && [...files.keys()].some((p) => TABLE.test(p));
}

const TABLE = /\.(xlsx|xlsm|csv|txt|tsv)$/i;

/** What a dropped Excel template needs besides its tables (the rest are the defaults of `projekt.yaml`). */
export interface ProjectDetails {
  name: string;
  priceYear: number;
  cost: number;
  financing: string;
}

/**
 * Adds a `projekt.json` beside the picked tables when there is no project file, from the details
 * the user gave; the tables become its `participantsFile` (an XLSX, or the CSV files).
 */
export function withProjectFile(files: ReadonlyMap<string, Uint8Array>, details: ProjectDetails | null): Map<string, Uint8Array> {
  const out = new Map(files);
  if (!details || !needsProjectFile(files)) return out;
  const tables = [...files.keys()].filter((p) => TABLE.test(p));
  const dir = tables[0].includes('/') ? tables[0].slice(0, tables[0].lastIndexOf('/') + 1) : '';
  const inDir = tables.filter((p) => p.startsWith(dir)).map((p) => p.slice(dir.length));
  const xlsx = inDir.find((p) => /\.xlsx?m?$/i.test(p));
  const project = {
    name: details.name, priceYear: details.priceYear,
    cost: { total: details.cost, financing: details.financing },
    participantsFile: xlsx ?? (inDir.length === 1 ? inDir[0] : inDir),
  };
  out.set(`${dir}projekt.json`, new TextEncoder().encode(JSON.stringify(project, null, 2)));
  return out;
}

/**
 * What was read, as `samnytta validate` and `calc` say it: notes (`info:`), warnings
 * (`varning:`) and, when the project cannot be used, "N fel hittades; rätta dem och kör igen:"
 * with every error on its own line — the same text as on the command line.
 */
export function problemList(l: Loaded, document: Document = globalThis.document): HTMLElement {
  const root = document.createElement('div');
  const line = (cls: string, text: string) => Object.assign(document.createElement('li'), { className: cls, textContent: text });
  const head = Object.assign(document.createElement('p'), {
    className: l.kind === 'error' ? 'fel' : '',
    textContent: l.kind === 'error'
      ? `${l.errors.length} fel hittades; rätta dem och kör igen:`
      : l.kind === 'project' ? `Läst: ${l.project.name} (${l.label}), ${l.project.participants.length} deltagare eller typfall, prisår ${l.project.priceYear}.`
      : `Ett färdigt resultat (${l.label}).`,
  });
  head.id = l.kind === 'error' ? 'indata-fel' : 'indata-ok';
  const list = document.createElement('ul');
  list.id = 'indata-meddelanden';
  if (l.kind === 'error') for (const e of l.errors) list.append(line('fel', e));
  for (const n of l.notes) list.append(line('info', `info: ${n}`));
  if (l.kind !== 'error') for (const w of l.warnings) list.append(line('varning', `varning: ${w}`));
  root.append(head, list);
  return root;
}

/**
 * Every project among picked files (a förbund's folder with one folder per project), read and
 * calculated as `samnytta portfolj` does; a project that cannot be read is a failure with its
 * errors, and the rest still count.
 */
export async function portfolioInputs(files: ReadonlyMap<string, Uint8Array>, data: NotebookData): Promise<{ inputs: PortfolioInput[]; failures: PortfolioFailure[] }> {
  const source = memoryFiles(files);
  const byFolder = new Map<string, string>();
  for (const p of [...files.keys()].map(normalizePath).sort()) {
    const parts = p.split('/');
    if (!PROJECT_FILE_NAMES.includes(parts[parts.length - 1].toLowerCase())) continue;
    const folder = parts.slice(0, -1).join('/');
    const had = byFolder.get(folder);
    if (!had || PROJECT_FILE_NAMES.indexOf(parts[parts.length - 1].toLowerCase()) < PROJECT_FILE_NAMES.indexOf(had.split('/').pop()!.toLowerCase())) byFolder.set(folder, p);
  }
  const inputs: PortfolioInput[] = [];
  const failures: PortfolioFailure[] = [];
  for (const file of [...byFolder.values()].sort()) {
    try {
      const read = await readProjectSource(source, file, data.catalog);
      const errors = read.problems.filter((p) => p.severity === 'error');
      if (!read.project || errors.length) failures.push({ file, problems: errors });
      else inputs.push({ file, project: read.project, result: calculate(read.project, data.catalog) });
    } catch (e) {
      const problems = (e as { problems?: Problem[] }).problems;
      if (!problems) throw e;
      failures.push({ file, problems: problems.filter((p) => p.severity === 'error') });
    }
  }
  return { inputs, failures };
}

/** All bundled examples' files in one map (`<id>/<path>`), as one förbund folder. */
export function allExampleFiles(examples: readonly ExampleEntry[]): Map<string, Uint8Array> {
  return new Map(examples.flatMap((e) => [...exampleFiles(e)]));
}

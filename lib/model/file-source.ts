/**
 * Where a project's files come from (browser-safe): the CLI reads them from disk, the notebooks
 * from files the user picked in the browser. Project reading (`project-files.ts`) and the table
 * readers only see this interface, so both read a project the same way, with the same messages.
 */

/** Read access to a project's files. Paths are this source's own (native on disk, `/` in memory). */
export interface FileSource {
  /** The file's bytes, or undefined when there is no such file. */
  read(path: string): Uint8Array | undefined;
  /** `name` (as written in the project file, `/` or `\`) relative to the folder `dir`. */
  join(dir: string, name: string): string;
  /** The folder a path lies in. */
  dirname(path: string): string;
  /** How a path appears in problems (default: as is). */
  shown?(path: string): string;
  /**
   * Why the file cannot be read as an input — a folder, a dangling or looping link, no permission,
   * not a regular file, larger than `maxBytes` — or undefined when it can (or does not exist).
   */
  refuse?(path: string, maxBytes: number): { sv: string; en: string } | undefined;
  /** One key per file, so the same file named twice (or through a link) is seen (default: the path). */
  identity?(path: string): string;
}

/** Largest project file (YAML/JSON) read: inline projects are small; big data belongs in a table file. */
export const MAX_PROJECT_BYTES = 10 * 1024 * 1024;
/** Largest table file (CSV/XLSX) read. */
export const MAX_TABLE_BYTES = 512 * 1024 * 1024;

/** Normalises a `/`-path: `\` → `/`, no `.` or empty segments, `..` resolved (never above the root). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * Files held in memory, by `/`-separated path (e.g. `mitt-projekt/projekt.yaml`, as a folder
 * picked in the browser names them). Paths are matched after `normalizePath`.
 * @example memoryFiles(new Map([['p/projekt.yaml', bytes]])).read('p/./projekt.yaml') // => bytes
 */
export function memoryFiles(files: ReadonlyMap<string, Uint8Array>): FileSource {
  const byPath = new Map<string, Uint8Array>();
  for (const [p, b] of files) byPath.set(normalizePath(p), b);
  return {
    read: (path) => byPath.get(normalizePath(path)),
    identity: (path) => normalizePath(path),
    refuse: (path, maxBytes) => {
      const n = byPath.get(normalizePath(path))?.length ?? 0;
      return n > maxBytes ? { sv: `filen är för stor (${Math.round(n / 1048576)} MB; högst ${Math.round(maxBytes / 1048576)} MB läses)`, en: `the file is too large (${Math.round(n / 1048576)} MB; at most ${Math.round(maxBytes / 1048576)} MB is read)` } : undefined;
    },
    join: (dir, name) => normalizePath(`${dir}/${name}`),
    dirname: (path) => normalizePath(path).split('/').slice(0, -1).join('/'),
  };
}

/** The lower-case extension of a path, with the dot (`.xlsx`), or '' when there is none. */
export function extensionOf(path: string): string {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(i).toLowerCase() : '';
}

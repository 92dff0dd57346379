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
}

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

/**
 * Node-only: reading an input file (project file, participant or transition table) without ever throwing on
 * a file-system condition: a missing file, a folder, a dangling or looping symbolic link, a
 * device or pipe, no read permission, or a file too large to be an input all become one problem
 * naming the path, in Swedish and English. A size guard keeps an absurd file from taking minutes
 * and gigabytes before it is refused.
 */
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../util/errors.js';

const mb = (n: number) => (n / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 });

/** The reads `readInputFile` makes after `stat` (replaceable in tests: as root every file is readable). */
export interface InputFileOps {
  accessSync: typeof accessSync;
  readFileSync: (path: string) => Buffer;
}

/**
 * Reads a file's bytes, or returns the problem that stops it.
 * @param file the name shown in the problem
 * @param maxBytes refuse larger files
 * @example readInputFile('projekt.yaml', 'projekt.yaml', MAX_PROJECT_BYTES) // => { bytes } or { problem }
 */
export function readInputFile(path: string, file: string, maxBytes: number, read = true, ops: InputFileOps = { accessSync, readFileSync }): { bytes: Buffer; problem?: undefined } | { bytes?: undefined; problem: Problem } {
  const fail = (sv: string, en: string) => ({ problem: { severity: 'error' as const, file, path: '', sv, en } });
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      let link = false;
      try { link = lstatSync(path).isSymbolicLink(); } catch { /* missing */ }
      return link
        ? fail('filen är en symbolisk länk till något som inte finns', 'the file is a symbolic link to something that does not exist')
        : fail('filen finns inte; kontrollera namnet', 'file not found; check the name');
    }
    if (code === 'ELOOP') return fail('filen är en symbolisk länk i en slinga', 'the file is a symbolic link in a loop');
    if (code === 'EACCES' || code === 'EPERM') return fail('saknar behörighet att läsa filen (eller mappen den ligger i)', 'no permission to read the file (or the folder it is in)');
    if (code === 'ENOTDIR') return fail('sökvägen går genom något som inte är en mapp', 'the path goes through something that is not a folder');
    return fail(`filen kunde inte läsas (${code ?? (e as Error).message})`, `the file could not be read (${code ?? (e as Error).message})`);
  }
  if (st.isDirectory()) return fail('är en mapp, inte en fil; ange en fil', 'is a folder, not a file; give a file');
  if (!st.isFile()) return fail('är inte en vanlig fil (utan t.ex. en enhet eller en pipe)', 'is not a regular file (but e.g. a device or a pipe)');
  if (st.size > maxBytes) {
    return fail(`filen är för stor (${mb(st.size)} MB; högst ${mb(maxBytes)} MB läses)`, `the file is too large (${mb(st.size)} MB; at most ${mb(maxBytes)} MB is read)`);
  }
  try {
    // stat succeeds on a file without read permission; the check must not wait for the read.
    if (!read) {
      ops.accessSync(path, constants.R_OK);
      return { bytes: Buffer.alloc(0) };
    }
    return { bytes: ops.readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return fail('saknar behörighet att läsa filen', 'no permission to read the file');
    return fail(`filen kunde inte läsas (${code ?? (e as Error).message})`, `the file could not be read (${code ?? (e as Error).message})`);
  }
}

/** Why a file on disk cannot be read as an input, or undefined when it can or does not exist (`FileSource.refuse`). */
export function diskRefusal(path: string, maxBytes: number): { sv: string; en: string } | undefined {
  const r = readInputFile(path, path, maxBytes, false);
  if (!r.problem || /^filen finns inte/.test(r.problem.sv)) return undefined;
  return { sv: r.problem.sv, en: r.problem.en };
}

/** One key per file on disk: symbolic links and `./a.csv` vs `a.csv` are the same file. */
export function diskIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

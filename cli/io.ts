/**
 * Output channels and exit codes for commands, so commands are plain functions tests can call.
 * Exit codes: 0 ok, 1 invalid input (the message says how to fix it), 2 usage error, 3 bug.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Lang } from '../lib/util/errors.js';
import { personalNumberOutputs } from '../lib/report/output-screen.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars). */
  isTTY: boolean;
}

// A plain calc writes its output with fs.writeSync, so Node never builds process.stdout: the
// stream classes that loads cost as much as the calculation. Not on Windows, whose console
// stream writes wide characters; and on any failure (a full non-blocking pipe, a closed reader)
// the rest goes to process.stdout, which waits or reports it as it always did.
let stdoutStream = true;

/** Lets processIo write stdout directly (cli/dispatch.ts, for a plain calc). */
export function directStdout(): void {
  if (process.platform !== 'win32') stdoutStream = false;
}

/** Whether process.stdout may hold output not yet written (the bin then waits for it before exiting). */
export function stdoutStreamUsed(): boolean {
  return stdoutStream;
}

function writeOut(text: string): void {
  if (stdoutStream) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done);
  } catch {
    stdoutStream = true;
    process.stdout.write(bytes.subarray(done));
  }
}

export const processIo: Io = {
  out: writeOut,
  err: (t) => process.stderr.write(t),
  // A getter: opening process.stderr costs a plain calc, which never writes to it, several ms.
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

/** An expected failure with an exit code; the message is already in the user's language. */
export class ExitError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export interface GlobalOptions {
  lang: Lang;
}

/** File-system operations used by `writeFilesAtomically` (replaceable in tests to simulate a full disk). */
export interface WriteOps {
  writeFileSync: typeof writeFileSync;
  renameSync: typeof renameSync;
}

/**
 * Writes a set of output files all or nothing. Every file is first written into a temporary folder
 * beside the target folder; only when all were written are they moved into place (the whole folder
 * in one rename when it is new). If anything fails, files already moved are moved back, the old
 * files are restored, the temporary folders are removed, and the message names the path and the
 * reason. So a failure never leaves a partial, mixed or temporary output. Files that would hold a
 * personnummer are refused before anything is written.
 * @param files absolute or relative paths, all under one folder (the common parent is the target)
 */
export function writeFilesAtomically(files: { path: string; data: string | Uint8Array }[], lang: Lang = 'sv', ops: WriteOps = { writeFileSync, renameSync }): void {
  if (files.length === 0) return;
  // Nothing is written when any output would hold a personnummer (defence behind the input screen).
  const leaks = personalNumberOutputs(files, (d) => inflateRawSync(d));
  if (leaks.length > 0) {
    throw new ExitError(1, lang === 'sv'
      ? `${leaks.join(', ')}: utdata skulle innehålla ett personnummer eller samordningsnummer (värdet visas inte); ingenting skrevs. Ta bort det ur indata (projektfil, tabeller, etiketter)`
      : `${leaks.join(', ')}: the output would hold a personal identity or coordination number (value not shown); nothing was written. Remove it from the input (project file, tables, labels)`);
  }
  const root = commonFolder(files.map((f) => resolve(f.path)));
  const rel = files.map((f) => relative(root, resolve(f.path)));
  let failedAt = root;
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    const path = (e as NodeJS.ErrnoException).path ?? failedAt;
    const why = WRITE_ERRORS[code] ?? { sv: 'kan inte skriva', en: 'cannot write' };
    // A file-system refusal (no permission, full disk, a folder in the way) is the user's to fix, not a bug.
    throw new ExitError(1, lang === 'sv'
      ? `${path}: ${why.sv} (${code}); inget i ${root} har ändrats. Välj en annan utdatamapp eller frigör utrymme`
      : `${path}: ${why.en} (${code}); nothing in ${root} was changed. Choose another output folder or free some space`);
  };
  let stage: string | undefined;
  let backup: string | undefined;
  const moved: number[] = [];
  const saved: number[] = [];
  const madeDirs: string[] = [];
  try {
    // A folder where a file is to go is the user's, not ours to move: refuse before writing anything.
    for (const r of rel) {
      failedAt = join(root, r);
      if (existsSync(failedAt) && statSync(failedAt).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR', path: failedAt });
    }
    failedAt = dirname(root);
    mkdirSync(dirname(root), { recursive: true });
    stage = mkdtempSync(join(dirname(root), `.${basename(root)}.samnytta-ny-`));
    files.forEach((f, i) => {
      const to = join(stage!, rel[i]);
      failedAt = join(root, rel[i]);
      mkdirSync(dirname(to), { recursive: true });
      ops.writeFileSync(to, f.data);
    });
    if (!existsSync(root)) {
      failedAt = root;
      ops.renameSync(stage, root);
      stage = undefined;
      return;
    }
    failedAt = root;
    if (!statSync(root).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: root });
    backup = mkdtempSync(join(dirname(root), `.${basename(root)}.samnytta-gammal-`));
    rel.forEach((r, i) => {
      const target = join(root, r);
      failedAt = target;
      for (let d = dirname(target); d !== root && !existsSync(d); d = dirname(d)) madeDirs.unshift(d);
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) {
        mkdirSync(dirname(join(backup!, r)), { recursive: true });
        ops.renameSync(target, join(backup!, r));
        saved.push(i);
      }
      ops.renameSync(join(stage!, r), target);
      moved.push(i);
    });
  } catch (e) {
    // Undo in reverse: new files out, old files back, folders this run created removed.
    for (const i of moved.reverse()) rmSync(join(root, rel[i]), { force: true, recursive: true });
    for (const i of saved.reverse()) try { renameSync(join(backup!, rel[i]), join(root, rel[i])); } catch { /* reported below */ }
    for (const d of madeDirs.reverse()) try { rmdirSync(d); } catch { /* not empty: not ours */ }
    fail(e);
  } finally {
    if (stage) rmSync(stage, { recursive: true, force: true });
    if (backup) rmSync(backup, { recursive: true, force: true });
  }
}

/** Reasons for a failed write, by error code. */
const WRITE_ERRORS: Record<string, { sv: string; en: string }> = {
  EACCES: { sv: 'saknar skrivbehörighet', en: 'no permission to write' },
  EPERM: { sv: 'saknar skrivbehörighet', en: 'no permission to write' },
  ENOSPC: { sv: 'disken är full', en: 'the disk is full' },
  EDQUOT: { sv: 'diskkvoten är slut', en: 'the disk quota is used up' },
  EROFS: { sv: 'filsystemet är skrivskyddat', en: 'the file system is read-only' },
  EISDIR: { sv: 'en mapp med samma namn står i vägen', en: 'a folder of the same name is in the way' },
  ENOTDIR: { sv: 'en fil med samma namn som en mapp står i vägen', en: 'a file of the same name as a folder is in the way' },
  EEXIST: { sv: 'finns redan', en: 'already exists' },
};

/** The deepest folder holding every path. */
function commonFolder(paths: string[]): string {
  let root = dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root);
  return root;
}

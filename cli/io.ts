/**
 * Output channels and exit codes for commands, so commands are plain functions tests can call.
 * Exit codes: 0 ok, 1 invalid input (the message says how to fix it), 2 usage error, 3 bug.
 */
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Lang } from '../lib/util/errors.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars). */
  isTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
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

/**
 * Writes files atomically: every file goes to a temporary name first and is renamed only when all
 * were written, so a failure never leaves a partial output.
 */
export function writeFilesAtomically(files: { path: string; data: string | Uint8Array }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = `${f.path}.tmp-${process.pid}`;
      writeFileSync(tmp, f.data);
      temps.push(tmp);
    }
    files.forEach((f, i) => renameSync(temps[i], f.path));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    // A file-system refusal (existing file, no permission, full disk) is the user's to fix, not a bug.
    if (code) throw new ExitError(1, `${(e as NodeJS.ErrnoException).path ?? ''}: kan inte skriva (${code}); välj en annan utdatamapp / cannot write (${code}); choose another output folder`);
    throw e;
  }
}

/** Maps what a command threw to the exit code and message (shared by the full CLI and the calc fast path). */
import { InputError, formatProblem, type Lang } from '../lib/util/errors.js';
import { packageVersion } from '../lib/util/version.js';
import { ExitError, type Io } from './io.js';

/** Writes the message for `e` to `io.err` and returns the exit code: 1 input, 2 usage (ExitError's own), 3 bug. */
export function exitCode(e: unknown, lang: Lang, io: Io): number {
  if (e instanceof ExitError) {
    io.err(e.message + '\n');
    return e.code;
  }
  if (e instanceof InputError) {
    const errors = e.problems.filter((p) => p.severity === 'error');
    io.err(`${lang === 'sv' ? `${errors.length} fel:` : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}:`}\n${errors.map((p) => `  ${formatProblem(p, lang)}`).join('\n')}\n`);
    return 1;
  }
  const err = e as Error;
  const version = packageVersion();
  io.err(lang === 'sv'
    ? `Internt fel — detta är en bugg i samnytta ${version}. Rapportera gärna med kommandot och felet nedan.\n${err?.stack ?? String(e)}\n`
    : `Internal error — this is a bug in samnytta ${version}. Please report it with the command and the error below.\n${err?.stack ?? String(e)}\n`);
  return 3;
}

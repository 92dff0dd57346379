/**
 * A plain `report` command line (cli/dispatch.ts) run without yargs. A module of its own so the
 * bin can bundle it, with the report command, into a file of its own (scripts/bundle-cli.ts):
 * the command and `exitCode` must come from one copy of cli/io.ts, whose ExitError exitCode checks.
 */
import { report } from './commands/report.js';
import type { PlainReport } from './dispatch.js';
import { exitCode } from './exit.js';
import type { Io } from './io.js';

/** Runs the report command as main.ts would for these options; returns the exit code (never throws). */
export async function plainReportRun(r: PlainReport, io: Io): Promise<number> {
  try {
    await report(r, io);
    return 0;
  } catch (e) {
    return exitCode(e, r.lang, io);
  }
}

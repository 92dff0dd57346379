/**
 * The bin's first step. `calc PROJECT [--format table|json] [--lang sv|en]`, the command users
 * wait on most, runs without loading yargs: its parser, help layout and string-width cost more
 * than the calculation. Every other command line, including any calc option not recognised here,
 * goes through the full parser (main.ts), which gives the same output and exit code for these
 * (test/cli/dispatch.test.ts).
 */
import type { Lang } from '../lib/util/errors.js';
import { directStdout, processIo, type Io } from './io.js';

export interface PlainCalc {
  project: string;
  format: 'table' | 'json';
  lang: Lang;
}

const CHOICES: Record<string, readonly string[]> = { format: ['table', 'json'], lang: ['sv', 'en'] };

/** The options of a plain `calc` command line, or undefined when the full parser must decide. */
export function plainCalc(args: readonly string[]): PlainCalc | undefined {
  if (args[0] !== 'calc') return undefined;
  const opts: Record<string, string> = {};
  let project: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const value = eq < 0 ? args[++i] : a.slice(eq + 1);
      if (!(name in CHOICES) || name in opts || value === undefined || !CHOICES[name].includes(value)) return undefined;
      opts[name] = value;
    } else if (a.startsWith('-') || project !== undefined || a === '') return undefined;
    else project = a;
  }
  if (project === undefined) return undefined;
  return { project, format: (opts.format ?? 'table') as PlainCalc['format'], lang: (opts.lang ?? 'sv') as Lang };
}

/** Runs a command line and returns the exit code (never throws). */
export async function dispatch(args: string[], io: Io = processIo): Promise<number> {
  const c = plainCalc(args);
  if (!c) return (await import('./main.js')).run(args, io);
  const [{ calc }, { exitCode }] = await Promise.all([import('./commands/calc.js'), import('./exit.js')]);
  if (io === processIo) directStdout(); // calc writes nothing to stdout but through io.out
  try {
    await calc(c, io);
    return 0;
  } catch (e) {
    return exitCode(e, c.lang, io);
  }
}

/**
 * The bin's first step. `calc PROJECT [--format table|json] [--lang sv|en]`, the command users
 * wait on most, and `report PROJECT --out DIR [--format LIST] [--datum D] [--lang sv|en]` run
 * without loading yargs: its parser, help layout and string-width cost more than the calculation
 * (and a sixth of a report). Every other command line, including any option not recognised here,
 * goes through the full parser (main.ts), which gives the same output, files and exit code for
 * these (test/cli/dispatch.test.ts).
 */
import type { Lang } from '../lib/util/errors.js';
import { directStdout, processIo, type Io } from './io.js';

export interface PlainCalc {
  project: string;
  format: 'table' | 'json';
  lang: Lang;
}

const CHOICES: Record<string, readonly string[]> = { format: ['table', 'json'], lang: ['sv', 'en'] };

/**
 * `COMMAND PROJECT --name value …` (or `--name=value`) split into its project and options, or
 * undefined when the line is not that plain: another command, an option `option` refuses, one given
 * twice, a missing value, a second positional or one `positional` refuses.
 */
function plainLine(
  args: readonly string[], command: string, option: (name: string, value: string) => boolean, positional: (arg: string) => boolean,
): { project: string; opts: Record<string, string> } | undefined {
  if (args[0] !== command) return undefined;
  const opts: Record<string, string> = {};
  let project: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const value = eq < 0 ? args[++i] : a.slice(eq + 1);
      if (value === undefined || Object.hasOwn(opts, name) || !option(name, value)) return undefined;
      opts[name] = value;
    } else if (project !== undefined || !positional(a)) return undefined;
    else project = a;
  }
  return project === undefined ? undefined : { project, opts };
}

/** The options of a plain `calc` command line, or undefined when the full parser must decide. */
export function plainCalc(args: readonly string[]): PlainCalc | undefined {
  const line = plainLine(args, 'calc', (name, value) => Object.hasOwn(CHOICES, name) && CHOICES[name].includes(value), (a) => a !== '' && !a.startsWith('-'));
  if (!line) return undefined;
  return { project: line.project, format: (line.opts.format ?? 'table') as PlainCalc['format'], lang: (line.opts.lang ?? 'sv') as Lang };
}

export interface PlainReport {
  project: string;
  out: string;
  formats: string[];
  datum?: string;
  lang: Lang;
}

/** The default of main.ts's `report --format`. */
const REPORT_DEFAULT_FORMATS = 'html,pdf,xlsx,md,json';
const REPORT_OPTIONS = ['out', 'format', 'datum', 'lang'];

/**
 * The options of a plain `report` command line, as main.ts passes them to `report()`, or undefined
 * when the full parser must decide: any other option, help, a repeated option (yargs makes an
 * array of it), a missing project or --out, and values yargs might read otherwise — empty, starting
 * with `-` (a flag to yargs) or with a quote (yargs strips quotes from `--x="v"`).
 */
export function plainReport(args: readonly string[]): PlainReport | undefined {
  const plainValue = (v: string): boolean => v !== '' && !/^[-"']/.test(v);
  const line = plainLine(args, 'report', (name, value) => REPORT_OPTIONS.includes(name) && plainValue(value), plainValue);
  if (!line || line.opts.out === undefined) return undefined;
  const { project, opts } = line;
  const lang = opts.lang ?? 'sv';
  if (lang !== 'sv' && lang !== 'en') return undefined;
  return {
    project,
    out: opts.out,
    formats: (opts.format ?? REPORT_DEFAULT_FORMATS).split(',').map((f) => f.trim()).filter(Boolean),
    ...(opts.datum !== undefined && { datum: opts.datum }),
    lang,
  };
}

/** Runs a command line and returns the exit code (never throws). */
export async function dispatch(args: string[], io: Io = processIo): Promise<number> {
  const c = plainCalc(args);
  if (!c) {
    const r = plainReport(args);
    if (r) return (await import('./plain-report.js')).plainReportRun(r, io);
    return (await import('./main.js')).run(args, io);
  }
  const [{ calc }, { exitCode }] = await Promise.all([import('./commands/calc.js'), import('./exit.js')]);
  if (io === processIo) directStdout(); // calc writes nothing to stdout but through io.out
  try {
    await calc(c, io);
    return 0;
  } catch (e) {
    return exitCode(e, c.lang, io);
  }
}

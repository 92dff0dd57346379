/**
 * Shared by every command that takes a PROJECT: read, validate, print notes (row accounting,
 * key file) and warnings, and stop with every error listed (exit 1) when the project is invalid.
 */
import type { Catalog } from '../../lib/catalog/types.js';
import { readProject } from '../../lib/model/read-project.js';
import type { Project } from '../../lib/model/types.js';
import { formatProblem, type Lang, type Problem } from '../../lib/util/errors.js';
import { ExitError, type GlobalOptions, type Io } from '../io.js';

export interface LoadProjectOptions extends GlobalOptions {
  /** Replace participant identifiers with keyed hashes (`--pseudonymisera`). */
  pseudonymisera?: boolean;
  /** Pseudonymisation key file (`--nyckelfil`; default `<project folder>/.samnytta-nyckel`). */
  nyckelfil?: string;
  /** Folders this run writes outputs to; the key file may not lie inside one. */
  outputDirs?: string[];
}

export async function loadProject(path: string, catalog: Catalog, o: LoadProjectOptions, io: Io): Promise<Project> {
  const { project, problems, notes } = await readProject(path, catalog, { pseudonymise: o.pseudonymisera, keyFile: o.nyckelfil, outputDirs: o.outputDirs });
  const errors = problems.filter((p) => p.severity === 'error');
  for (const n of notes) io.err(`info: ${n[o.lang]}\n`);
  for (const w of shownProblems(problems.filter((p) => p.severity === 'warning'), o.lang, '')) io.err(`${o.lang === 'sv' ? 'varning' : 'warning'}: ${w}\n`);
  if (!project || errors.length) {
    const head = o.lang === 'sv' ? `${errors.length} fel hittades; rätta dem och kör igen:` : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} found; fix them and run again:`;
    throw new ExitError(1, [head, ...shownProblems(errors, o.lang)].join('\n'));
  }
  return project;
}

/** At most this many problems of one kind are printed; the rest are counted. */
export const MAX_SHOWN = 50;

/** The first `MAX_SHOWN` problems formatted, then one line with how many more (and the total). */
export function shownProblems(problems: Problem[], lang: Lang, indent = '  '): string[] {
  const lines = problems.slice(0, MAX_SHOWN).map((p) => `${indent}${formatProblem(p, lang)}`);
  const more = problems.length - MAX_SHOWN;
  if (more > 0) lines.push(`${indent}${lang === 'sv' ? `… och ${more.toLocaleString('sv-SE')} till (totalt ${problems.length.toLocaleString('sv-SE')}); rätta de första och kör igen` : `… and ${more.toLocaleString('en-US')} more (${problems.length.toLocaleString('en-US')} in all); fix the first ones and run again`}`);
  return lines;
}

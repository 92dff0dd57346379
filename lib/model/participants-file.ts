/**
 * Tabular participant files (CSV/XLSX, method §10). Placeholder until the tabular reader lands:
 * refuses the file with a clear message rather than guessing.
 */
import type { Catalog } from '../catalog/types.js';
import type { Problem } from '../util/errors.js';

export interface ParticipantsFileOptions {
  /** Replace identifiers with keyed hashes instead of refusing personal data. */
  pseudonymise?: boolean;
  /** Where the pseudonymisation key file is written (never next to the outputs). */
  keyFile?: string;
}

export async function readParticipantsFile(path: string, _catalog: Catalog, _options: ParticipantsFileOptions = {}): Promise<{ participants: unknown[]; problems: Problem[] }> {
  return {
    participants: [],
    problems: [{ severity: 'error', file: path, path: '', sv: 'tabellfiler för deltagare stöds inte ännu i denna version', en: 'tabular participant files are not supported yet in this version' }],
  };
}

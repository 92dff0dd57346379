/**
 * Personal-data protection (issue 3; reference/sus.md §0.3: Finsam law gives förbund no basis to
 * process personal data about participants). Input holding personnummer or samordningsnummer, or
 * columns that look like names, is refused with an explanation. With `--pseudonymisera`,
 * participant identifiers are replaced by keyed HMAC-SHA256 hashes; the key is kept in a file
 * outside any output folder so the same person gets the same pseudonym in every run, and no
 * identifier ever reaches an output.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';

import type { Note, Pseudonymiser } from './participants-file.js';
import { containsPersonalNumber } from './personal-number.js';

export { luhnValid, containsPersonalNumber, personalDataColumn, PERSONAL_DATA_HELP } from './personal-number.js';

/** Where a pseudonymisation key lives, and the key. */
/** node:crypto, loaded on first use: only --pseudonymisera needs it, and its import cost every calc. */
const crypto = () => process.getBuiltinModule('node:crypto');

export interface PseudonymKey {
  file: string;
  key: Buffer;
  /** True when the key file was created in this run. */
  created: boolean;
}

/** Default key file: hidden in the project folder, never in an output folder. */
export const DEFAULT_KEY_FILE = '.samnytta-nyckel';

/** True when `file` lies inside `dir`. */
export function isInside(file: string, dir: string): boolean {
  const r = relative(resolve(dir), resolve(file));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/**
 * Reads the pseudonymisation key, creating it (32 random bytes, hex, mode 0600) if missing.
 * @param file key file path
 * @param outputDirs folders that outputs are written to; a key file inside one is refused
 * @throws Error (with `.sv`/`.en` messages) when the key would sit next to outputs
 */
export function loadOrCreateKey(file: string, outputDirs: string[] = []): PseudonymKey {
  for (const d of outputDirs) {
    if (isInside(file, d)) {
      throw Object.assign(new Error(`key file ${file} is inside output folder ${d}`), {
        sv: `nyckelfilen ${file} får inte ligga i utdatamappen ${d}; ange en annan plats`,
        en: `the key file ${file} must not be inside the output folder ${d}; choose another location`,
      });
    }
  }
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) {
      throw Object.assign(new Error(`invalid key file ${file}`), {
        sv: `nyckelfilen ${file} är ogiltig (64 hexadecimala tecken väntades); ta bort den för att skapa en ny — då ändras alla pseudonymer`,
        en: `the key file ${file} is invalid (64 hex characters expected); delete it to create a new one — all pseudonyms will change`,
      });
    }
    return { file, key: Buffer.from(hex, 'hex'), created: false };
  }
  const key = crypto().randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return { file, key, created: true };
}

/**
 * Keyed pseudonym for an identifier: `p-` + the first 16 hex digits of HMAC-SHA256(key, id),
 * with separators, spaces and a personnummer's century removed first so the 12-digit form, the
 * 10-digit form and the form with a separator get the same pseudonym.
 * @example pseudonym(key, 'D001') // => 'p-…' (16 hex digits)
 */
export function pseudonym(key: Buffer, id: string): string {
  let norm = id.trim().replace(/[\s+-]/g, '').toUpperCase();
  if (/^(18|19|20)\d{10}$/.test(norm) && containsPersonalNumber(norm)) norm = norm.slice(2);
  return 'p-' + crypto().createHmac('sha256', key).update(norm, 'utf8').digest('hex').slice(0, 16);
}

/**
 * The pseudonymiser for a key file (read or created, see `loadOrCreateKey`) and a note saying
 * where the key is. @throws Error (with `.sv`/`.en`) like `loadOrCreateKey`
 */
export function keyPseudonymiser(file: string, outputDirs: string[] = []): { pseudonymiser: Pseudonymiser; note: Note } {
  const k = loadOrCreateKey(file, outputDirs);
  return {
    pseudonymiser: (id) => pseudonym(k.key, id),
    note: k.created
      ? { sv: `pseudonymiseringsnyckeln skapades i ${k.file}; förvara den åtskild från resultaten och dela den inte`, en: `the pseudonymisation key was created in ${k.file}; keep it apart from the results and do not share it` }
      : { sv: `pseudonymiseringsnyckeln lästes från ${k.file}`, en: `the pseudonymisation key was read from ${k.file}` },
  };
}

/**
 * Personal-data protection (issue 3; reference/sus.md §0.3: Finsam law gives förbund no basis to
 * process personal data about participants). Input holding personnummer or samordningsnummer, or
 * columns that look like names, is refused with an explanation. With `--pseudonymisera`,
 * participant identifiers are replaced by keyed HMAC-SHA256 hashes; the key is kept in a file
 * outside any output folder so the same person gets the same pseudonym in every run, and no
 * identifier ever reaches an output.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { normalizeHeader } from './tabular/normalize-header.js';

/** Luhn check over a digit string (the last digit is the check digit). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const PNR = /(?<![\d])(?:(18|19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4}))(?![\d])/g;

/**
 * Whether a string is (or holds) a personnummer or samordningsnummer: 10 or 12 digits
 * (`ÅÅMMDDNNNK`, `ÅÅÅÅMMDDNNNK`), with or without `-`/`+`, a valid month, a day 01–31 (61–91 for
 * samordningsnummer, day + 60) and a valid Luhn check digit over the 10-digit form.
 * @example containsPersonalNumber('Deltagare 19121212-1212') // => true
 */
export function containsPersonalNumber(text: string): boolean {
  for (const m of text.matchAll(PNR)) {
    const [, , yy, mm, dd, nnnk] = m;
    const month = Number(mm), day = Number(dd);
    if (month < 1 || month > 12) continue;
    if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) continue;
    if (luhnValid(`${yy}${mm}${dd}${nnnk}`)) return true;
  }
  return false;
}

/** Header keys that name a person or a national identity number. */
const NAME_KEYS = new Set([
  'namn', 'fornamn', 'efternamn', 'tilltalsnamn', 'mellannamn', 'fullstandigt_namn', 'deltagarnamn', 'deltagares_namn',
  'name', 'first_name', 'firstname', 'last_name', 'lastname', 'surname', 'given_name', 'family_name', 'full_name', 'fullname',
]);
const ID_KEYS = new Set(['personnummer', 'personnr', 'pnr', 'person_nr', 'samordningsnummer', 'samordningsnr', 'personal_number', 'ssn']);

/**
 * Why a column header suggests personal data: `name`, `id` (personnummer column) or null.
 * @example personalDataColumn('Förnamn') // => 'name'
 */
export function personalDataColumn(header: string): 'name' | 'id' | null {
  const k = normalizeHeader(header);
  if (ID_KEYS.has(k)) return 'id';
  if (NAME_KEYS.has(k) || k.split('_').some((t) => t === 'namn' || t === 'name' || t === 'fornamn' || t === 'efternamn')) return 'name';
  return null;
}

/** The explanation shown when personal data is refused. */
export const PERSONAL_DATA_HELP = {
  sv: 'samnytta tar inte emot personuppgifter: samordningsförbund saknar stöd i lag att behandla personuppgifter om deltagare. Ersätt identiteten med ett löpnummer (t.ex. D001), ta bort namnkolumner, eller kör med --pseudonymisera så ersätts deltagar-id med nycklade hashvärden',
  en: 'samnytta does not accept personal data: coordination associations have no legal basis to process personal data about participants. Replace the identity with a serial number (e.g. D001), remove name columns, or run with --pseudonymisera to replace participant ids with keyed hashes',
};

/** Where a pseudonymisation key lives, and the key. */
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
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return { file, key, created: true };
}

/**
 * Keyed pseudonym for an identifier: `p-` + the first 16 hex digits of HMAC-SHA256(key, id),
 * with separators, spaces and a personnummer's century removed first so `19121212-1212`,
 * `191212121212` and `1212121212` get the same pseudonym.
 * @example pseudonym(key, '19121212-1212') // => 'p-…' (16 hex digits)
 */
export function pseudonym(key: Buffer, id: string): string {
  let norm = id.trim().replace(/[\s+-]/g, '').toUpperCase();
  if (/^(18|19|20)\d{10}$/.test(norm) && containsPersonalNumber(norm)) norm = norm.slice(2);
  return 'p-' + createHmac('sha256', key).update(norm, 'utf8').digest('hex').slice(0, 16);
}

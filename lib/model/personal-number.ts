/**
 * Detecting personal data (browser-safe, no Node imports): personnummer and samordningsnummer
 * (Luhn-checked) and column headers that name a person. The Node-only pseudonymisation lives in
 * `personal-data.ts`.
 */
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

/** What people put between the digit groups of a personnummer: up to 3 spaces, any dash or `+`. */
const SEP = '[\\s\\u00a0\\u202f]{0,3}[-+\\u2010-\\u2015\\u2212]?[\\s\\u00a0\\u202f]{0,3}';
/** A run of digits with a separator or nothing between any two digits. */
const DIGIT_RUN = new RegExp(`(?<![\\d])\\d(?:${SEP}\\d)*(?![\\d])`, 'g');
/** Where a 10- or 12-digit number may be split into groups (`ÅÅ MM DD-NNNN`, `ÅÅÅÅ-MM-DD-NNNN`). */
const SPLITS: Record<number, Set<number>> = { 10: new Set([2, 4, 6]), 12: new Set([2, 4, 6, 8]) };

/** Whether 10 or 12 digits (no separators) form a valid personnummer or samordningsnummer. */
function validNumber(digits: string): boolean {
  if (digits.length === 12) {
    if (!/^(18|19|20)/.test(digits)) return false;
    digits = digits.slice(2);
  } else if (digits.length !== 10) return false;
  const month = Number(digits.slice(2, 4)), day = Number(digits.slice(4, 6));
  if (month < 1 || month > 12) return false;
  if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return false;
  return luhnValid(digits);
}

/**
 * Whether a string is (or holds) a personnummer or samordningsnummer in any common spelling:
 * 10 or 12 digits (`ÅÅMMDDNNNK`, `ÅÅÅÅMMDDNNNK`), digit groups separated by nothing, `-`, `+`,
 * any Unicode dash (– — ‑ −) or spaces (`ÅÅMMDD - NNNN`, `ÅÅÅÅ-MM-DD-NNNN`), a valid month, a
 * day 01–31 (61–91 for samordningsnummer, day + 60) and a valid Luhn check digit over the
 * 10-digit form. Inside a longer run (`… ÅÅMMDD-NNNN 20`), stretches set off by spaces are tried;
 * a date range `2023-01-01 – 2024-06-30` is not a number.
 * @example containsPersonalNumber('Deltagare D001') // => false
 */
export function containsPersonalNumber(text: string): boolean {
  // Fewer than 10 digits in all cannot hold one (every cell of a register extract but the ids):
  // counted without a regex before the full search, and not at all in a shorter text.
  if (text.length < 10) return false;
  let digits = 0;
  for (let i = 0; i < text.length && digits < 10; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 10) return false;
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0];
    const groups = run.split(/\D+/);
    const seps = run.match(/\D+/g) ?? [];
    const total = groups.reduce((n, g) => n + g.length, 0);
    if (total < 10) continue;
    // Try every stretch of whole groups i..j whose inner splits are plausible and whose outer
    // edges are the run's ends or a separator holding a space.
    for (let i = 0; i < groups.length; i++) {
      if (i > 0 && !/\s/.test(seps[i - 1])) continue;
      let digits = '';
      const splits: number[] = [];
      for (let j = i; j < groups.length && digits.length < 12; j++) {
        if (j > i) splits.push(digits.length);
        digits += groups[j];
        const allowed = SPLITS[digits.length];
        if (!allowed || !(j === groups.length - 1 || /\s/.test(seps[j]))) continue;
        if (splits.every((s) => allowed.has(s)) && validNumber(digits)) return true;
      }
    }
  }
  return false;
}

/**
 * Header keys (normalised, see `normalizeHeader`) that name a person, give contact details or a
 * national identity number. Besides the list, any header word ending in `namn`, `name` or `names`
 * is a name column (klientnamn, deltagarnamn, tilltalsnamn), except the few below that name a
 * place or a thing.
 */
export const NAME_KEYS = new Set([
  'namn', 'fornamn', 'efternamn', 'tilltalsnamn', 'mellannamn', 'fullstandigt_namn', 'deltagarnamn', 'deltagares_namn', 'klientnamn',
  'kontaktperson', 'kontakt_person', 'handlaggare', 'vardnadshavare', 'anhorig',
  'name', 'first_name', 'firstname', 'last_name', 'lastname', 'surname', 'given_name', 'family_name', 'full_name', 'fullname',
  'client_name', 'contact_person', 'contact', 'caseworker', 'guardian',
]);
/** Contact details: as personal as a name. */
export const CONTACT_KEYS = new Set(['adress', 'gatuadress', 'address', 'street_address', 'telefon', 'telefonnummer', 'mobil', 'mobilnummer', 'phone', 'phone_number', 'mobile', 'e_post', 'epost', 'mejl', 'email', 'e_mail', 'mail']);
export const ID_KEYS = new Set(['personnummer', 'personnr', 'pnr', 'person_nr', 'samordningsnummer', 'samordningsnr', 'personal_number', 'personal_identity_number', 'ssn', 'social_security_number']);
/** Words ending in namn/name that are not a person's name. */
const NOT_PERSON = new Set(['kommunnamn', 'lansnamn', 'postnamn', 'filnamn', 'bladnamn', 'kolumnnamn', 'projektnamn', 'file_name', 'filename', 'sheet_name', 'project_name', 'item_name', 'municipality_name']);

/**
 * Why a column header suggests personal data: `name` (names, contact details), `id`
 * (personnummer column) or null.
 * @example personalDataColumn('Förnamn') // => 'name'
 * @example personalDataColumn('Kommunnamn') // => null
 */
export function personalDataColumn(header: string): 'name' | 'id' | null {
  const k = normalizeHeader(header);
  if (ID_KEYS.has(k)) return 'id';
  if (NOT_PERSON.has(k)) return null;
  if (NAME_KEYS.has(k) || CONTACT_KEYS.has(k)) return 'name';
  const words = k.split('_');
  if (words.some((w) => !NOT_PERSON.has(w) && (w.endsWith('namn') || /^(name|names|surname|firstname|lastname|fullname)$/.test(w)))) return 'name';
  if (k.includes('kontaktperson') || k.includes('contact_person')) return 'name';
  return null;
}

/** What replaces a refused value, so no later message can echo it. */
export const REDACTED = '[personnummer]';

/**
 * The one screen for structured input (a parsed project file, inline tables, mapping labels):
 * every string, every key and every 10- or 12-digit integer that holds a personnummer or
 * samordningsnummer is replaced in place by `[personnummer]`, and its key path is returned, so
 * the value can be refused by place without ever being shown.
 * @param skip key paths left alone (participant ids, which are checked or pseudonymised apart)
 * @example screenPersonalData({ name: 'x' }) // => []
 */
export function screenPersonalData(value: unknown, skip: (path: string) => boolean = () => false, path = ''): string[] {
  const found: string[] = [];
  const hit = (v: unknown) => (typeof v === 'string' && containsPersonalNumber(v)) || (typeof v === 'number' && Number.isInteger(v) && containsPersonalNumber(String(v)));
  // A leaf that cannot hold a number needs neither its key path nor `skip` (a file-read project
  // has millions of them): with or without skipping, nothing would be found or replaced there.
  const inert = (v: unknown) => v === null || typeof v === 'boolean' || typeof v === 'undefined' || (typeof v === 'number' && !(Number.isInteger(v) && Math.abs(v) >= 1e9)) || (typeof v === 'string' && !containsPersonalNumber(v));
  const walk = (v: unknown, at: string, set: (x: unknown) => void): void => {
    if (skip(at)) return;
    if (hit(v)) {
      found.push(at);
      set(REDACTED);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!inert(v[i])) walk(v[i], `${at}[${i}]`, (y) => { v[i] = y; });
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (inert(k) && inert(o[k])) continue;
        let key = k;
        const kAt = at ? `${at}.${k}` : k;
        if (hit(k)) {
          const shown = at ? `${at}.${REDACTED}` : REDACTED;
          found.push(shown);
          key = REDACTED;
          const x = o[k];
          delete o[k];
          o[key] = x;
          walk(x, shown, (y) => { o[key] = y; });
          continue;
        }
        walk(o[k], kAt, (y) => { o[key] = y; });
      }
    }
  };
  walk(value, path, () => {});
  return found;
}

/** The message for a refused value found by `screenPersonalData` or in a table cell. */
export const PERSONAL_NUMBER_FOUND = {
  sv: 'innehåller ett personnummer eller samordningsnummer (värdet visas inte); ta bort det',
  en: 'holds a personal identity or coordination number (value not shown); remove it',
};

/** The explanation shown when personal data is refused. */
export const PERSONAL_DATA_HELP = {
  sv: 'samnytta tar inte emot personuppgifter: samordningsförbund saknar stöd i lag att behandla personuppgifter om deltagare. Ersätt identiteten med ett löpnummer (t.ex. D001), ta bort namnkolumner, eller kör med --pseudonymisera så ersätts deltagar-id med nycklade hashvärden',
  en: 'samnytta does not accept personal data: coordination associations have no legal basis to process personal data about participants. Replace the identity with a serial number (e.g. D001), remove name columns, or run with --pseudonymisera to replace participant ids with keyed hashes',
};

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

const PNR = /(?<![\d])(?:(18|19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4}))(?![\d])/g;

/**
 * Whether a string is (or holds) a personnummer or samordningsnummer: 10 or 12 digits
 * (`ÅÅMMDDNNNK`, `ÅÅÅÅMMDDNNNK`), with or without `-`/`+`, a valid month, a day 01–31 (61–91 for
 * samordningsnummer, day + 60) and a valid Luhn check digit over the 10-digit form.
 * @example containsPersonalNumber('Deltagare D001') // => false
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

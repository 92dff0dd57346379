/**
 * Decoding CSV bytes: UTF-8 with or without BOM, else Windows-1252 (what Swedish Excel writes
 * for "CSV (semikolonavgränsad)"). Invalid UTF-8 is detected with a fatal decoder, never guessed.
 * No Node built-ins, so the browser decodes exactly as the CLI does.
 */

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1); unassigned bytes become U+FFFD. Written
 * out because Node's `TextDecoder('windows-1252')` decodes as Latin-1 (0x80 → U+0080, not €).
 */
const CP1252_80_9F = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b)));
    out += chunk.join('');
  }
  return out;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Why bytes are not text samnytta reads (the encoding or file type named), in Swedish and English. */
export interface Refusal { sv: string; en: string }

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Decodes file bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without
 * one when every other byte is NUL), else Windows-1252. UTF-32, a zip (an .xlsx saved under
 * another name) and binary data are refused by name instead of decoded into noise.
 * @example decodeText(new Uint8Array([0x4d, 0xe5, 0x6e])) // => { text: 'Mån', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; refused?: Refusal } {
  const b = bytes;
  const refuse = (sv: string, en: string) => ({ text: '', encoding: 'utf-8' as const, refused: { sv, en } });
  if ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) {
    return refuse('filen är kodad som UTF-32, som inte stöds; spara den som UTF-8', 'the file is encoded as UTF-32, which is not supported; save it as UTF-8');
  }
  if (ZIP.every((x, i) => b[i] === x)) {
    return refuse('filen är en zip-fil (t.ex. en Excel-arbetsbok), inte text; ange .xlsx som filändelse eller spara som CSV', 'the file is a zip file (e.g. an Excel workbook), not text; name it .xlsx or save it as CSV');
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without BOM: ASCII text has NUL in every other byte.
  const n = Math.min(b.length, 4096) & ~1;
  if (n >= 4) {
    let evenNul = 0, oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (b[i] === 0) evenNul++;
      if (b[i + 1] === 0) oddNul++;
    }
    if (oddNul > n / 4 && evenNul === 0) return { text: new TextDecoder('utf-16le').decode(b.subarray(0, b.length & ~1)), encoding: 'utf-16le' };
    if (evenNul > n / 4 && oddNul === 0) return { text: new TextDecoder('utf-16be').decode(b.subarray(0, b.length & ~1)), encoding: 'utf-16be' };
  }
  let text: string, encoding: TextEncoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    encoding = 'utf-8';
  } catch {
    text = decodeWindows1252(b);
    encoding = 'windows-1252';
  }
  if (text.includes('\u0000')) {
    return refuse('filen innehåller binära data (NUL-tecken) och är inte text i UTF-8, UTF-16 eller Windows-1252', 'the file holds binary data (NUL characters) and is not text in UTF-8, UTF-16 or Windows-1252');
  }
  return { text, encoding };
}

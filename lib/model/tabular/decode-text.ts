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

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';

/**
 * Decodes file bytes to text.
 * @example decodeText(new Uint8Array([0x4d, 0xe5, 0x6e])) // => { text: 'Mån', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

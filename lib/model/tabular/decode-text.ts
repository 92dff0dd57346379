/**
 * Decoding CSV bytes: UTF-8 with or without BOM, else Windows-1252 (what Swedish Excel writes
 * for "CSV (semikolonavgränsad)"). Invalid UTF-8 is detected with a fatal decoder, never guessed.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';

/**
 * Decodes file bytes to text.
 * @example decodeText(Buffer.from([0x4d, 0xe5, 0x6e])) // => { text: 'Mån', encoding: 'windows-1252' }
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
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

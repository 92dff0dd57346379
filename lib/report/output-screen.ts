/**
 * The last check before anything is written: no output file may hold a personnummer or
 * samordningsnummer. The input screen (lib/model/personal-number.ts) refuses them where they enter;
 * this one catches whatever a future path lets through, so a leak stops the run instead of reaching
 * a board. Text files are read as UTF-8; a workbook (XLSX, a ZIP archive) is read entry by entry.
 * PNG charts are drawn from the same screened model, and the PDF is printed from the HTML that is
 * checked in the same run, so neither is opened.
 */
import { containsPersonalNumber } from '../model/personal-number.js';

/** Inflates a raw DEFLATE stream (Node: `zlib.inflateRawSync`). */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

const TEXT = /\.(html?|md|txt|svg|ya?ml)$/i;
const ZIP = /\.(xlsx|zip)$/i;
/** A decimal fraction after a digit (`.NNNNNNNNNN`), no identity number. */
const DECIMALS = /(\d)\.\d+/g;
/** A workbook cell's plain number (`<v>NNNNNNNNNN</v>`): an amount; identities are text cells. */
const NUMBER_VALUE = /<v>[-+\d.eE]*<\/v>/g;
/** A CSV cell that is a plain number. */
const NUMBER_CELL = /(^|[;,\t\n])-?\d+(?:[.,]\d+)?(?=$|[;,\t\r\n])/g;

/** The text with decimal fractions dropped (`1726236.NNNNNNNNNN` → `1726236`): a computed amount's decimals are no identity number. */
export const withoutDecimals = (text: string): string => text.replace(DECIMALS, '$1');

/**
 * The paths of the files that hold a personnummer or samordningsnummer (the value is never returned).
 * Machine numbers — JSON numbers, numeric workbook cells, numeric CSV cells — are amounts and not
 * read: a 10-digit krona total may pass the Luhn check by chance, and identities reach outputs only
 * as text. In HTML and Markdown every amount is formatted with digit grouping, so a bare digit run
 * there is read.
 * @example personalNumberOutputs([{ path: 'rapport.md', data: '| D001 | 8 |' }], inflateRawSync) // => []
 */
export function personalNumberOutputs(files: readonly { path: string; data: string | Uint8Array }[], inflateRaw: InflateRaw): string[] {
  const decoder = new TextDecoder();
  const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : decoder.decode(d));
  const found = (t: string) => containsPersonalNumber(withoutDecimals(t));
  return files
    .filter((f) => {
      if (/\.json$/i.test(f.path)) return jsonStrings(text(f.data)).some(found);
      if (/\.csv$/i.test(f.path)) return found(text(f.data).replace(NUMBER_CELL, '$1'));
      if (TEXT.test(f.path)) return found(text(f.data));
      if (ZIP.test(f.path) && typeof f.data !== 'string') return zipTexts(f.data, inflateRaw).some((x) => found(x.replace(NUMBER_VALUE, '')));
      return false;
    })
    .map((f) => f.path);
}

/** Every string and key in a JSON document (the whole text when it does not parse). */
function jsonStrings(json: string): string[] {
  let doc: unknown;
  try { doc = JSON.parse(json); } catch { return [json]; }
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); walk(x); }
  };
  walk(doc);
  return out;
}

/** The XML entries of a ZIP archive as text (walks the central directory; stored or deflated entries). */
function zipTexts(zip: Uint8Array, inflateRaw: InflateRaw): string[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return [new TextDecoder().decode(zip)];
  const decoder = new TextDecoder();
  const out: string[] = [];
  let p = v.getUint32(eocd + 16, true);
  for (let e = v.getUint16(eocd + 10, true); e > 0; e--) {
    const method = v.getUint16(p + 10, true);
    const size = v.getUint32(p + 20, true);
    const nameLength = v.getUint16(p + 28, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
    const local = v.getUint32(p + 42, true);
    p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const raw = zip.subarray(start, start + size);
    out.push(decoder.decode(method === 8 ? inflateRaw(raw) : raw));
  }
  return out;
}

/**
 * Sets every entry's modification time in a ZIP archive (an XLSX) to one fixed date, so the
 * same workbook gives the same bytes on every run. Walks the central directory and patches both
 * the central and the local headers; the data is untouched. Plain typed arrays (no Buffer), so
 * the notebooks build the same workbook in the browser.
 */

/** MS-DOS date of a `YYYY-MM-DD` string (time 00:00). */
function dosDate(datum: string): number {
  const [y, m, d] = datum.split('-').map(Number);
  return ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d;
}

/**
 * @param zip the archive
 * @param datum `YYYY-MM-DD`
 * @returns a patched copy
 */
export function fixZipDates(zip: Uint8Array, datum: string): Uint8Array {
  const b = Uint8Array.from(zip);
  const v = new DataView(b.buffer);
  const date = dosDate(datum);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('fixZipDates: no end of central directory');
  const entries = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let e = 0; e < entries; e++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error('fixZipDates: bad central directory entry');
    v.setUint16(p + 12, 0, true);
    v.setUint16(p + 14, date, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error('fixZipDates: bad local header');
    v.setUint16(local + 10, 0, true);
    v.setUint16(local + 12, date, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return b;
}

/**
 * Sets every entry's modification time in a ZIP archive (an XLSX) to one fixed date, so the
 * same workbook gives the same bytes on every run. Walks the central directory and patches both
 * the central and the local headers; the data is untouched.
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
export function fixZipDates(zip: Uint8Array, datum: string): Buffer {
  const b = Buffer.from(zip);
  const date = dosDate(datum);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('fixZipDates: no end of central directory');
  const entries = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error('fixZipDates: bad central directory entry');
    b.writeUInt16LE(0, p + 12);
    b.writeUInt16LE(date, p + 14);
    const local = b.readUInt32LE(p + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error('fixZipDates: bad local header');
    b.writeUInt16LE(0, local + 10);
    b.writeUInt16LE(date, local + 12);
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return b;
}

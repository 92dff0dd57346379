/**
 * Excel date serials (1900 date system): day 1 = 1900-01-01, with Lotus's phantom 1900-02-29
 * (serial 60) kept, so serials above 60 are one day ahead. A date typed into a cell formatted as a
 * number, or a CSV exported without date formatting, arrives as such a serial.
 */

/**
 * Converts an Excel serial to a UTC date.
 * @example excelSerialToDate(45292).toISOString().slice(0, 10) // => '2024-01-01'
 */
export function excelSerialToDate(serial: number): Date {
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  return new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
}

/** Whether a number is plausibly a date serial for a birth date (1900–2100), not a year. */
export function isPlausibleDateSerial(n: number): boolean {
  return Number.isInteger(n) && n > 2200 && n < 73_051;
}

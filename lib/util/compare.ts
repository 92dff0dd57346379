/** Code-point order for strings: deterministic across locales and ICU versions (unlike localeCompare). */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

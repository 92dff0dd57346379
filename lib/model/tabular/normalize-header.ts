/**
 * Header and category matching that forgives how people type Swedish headers: any case,
 * surrounding spaces, å/ä/ö written as a/a/o, spaces or hyphens for underscores.
 * `Månader` and `manader`, `Antal per månad` and `antal_per_manad` match.
 */

/**
 * Normalises a header (or category label) to an ASCII snake_case key.
 * @example normalizeHeader(' Antal per Månad ') // => 'antal_per_manad'
 */
export function normalizeHeader(text: string): string {
  // Already a key (every row's `fore`/`efter` in a national file): the steps below would not change it.
  if (KEY.test(text)) return text;
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/[öø]/g, 'o')
    .replace(/é/g, 'e')
    .replace(/ü/g, 'u')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

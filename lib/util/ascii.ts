/**
 * `text` with every non-ASCII UTF-16 unit written as `\uXXXX`: the same value in JSON and the same
 * meaning in JavaScript strings, regular expressions and comments (not in raw template strings).
 * The build writes the bin and the compiled catalogue so, as Node reads pure ASCII faster.
 */
export function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

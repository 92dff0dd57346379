import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../lib/util/ascii.js';

describe('asciiOnly', () => {
  const text = 'Försörjningsstöd – 5 220 kr × 1,028 ≈ 😀 "å"\\';
  it('gives ASCII text that means the same in JSON, strings and regular expressions', () => {
    const json = asciiOnly(JSON.stringify({ [text]: [text] }));
    expect(/[^\x00-\x7f]/.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual({ [text]: [text] });
    const code = asciiOnly(`[${JSON.stringify(text)}, /^[åä]ö+$/.test('äöö'), /😀/u.test('😀'), /[😀]/u.test('😀')]`);
    expect(/[^\x00-\x7f]/.test(code)).toBe(false);
    expect(new Function(`return ${code}`)()).toEqual([text, true, true, true]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../lib/util/closest.js';

describe('editDistance() and closest()', () => {
  it('editDistance(): insertions, deletions, substitutions and a swap of neighbours cost 1 each', () => {
    expect(editDistance('faktr', 'faktor')).toBe(1);
    expect(editDistance('unti', 'unit')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('closest(): within a third of the length, else undefined', () => {
    expect(closest('faktr', ['sgiTakPbb', 'faktor', 'niva'])).toBe('faktor');
    expect(closest('Faktor', ['faktor'])).toBe('faktor');
    expect(closest('xyz', ['faktor', 'niva'])).toBeUndefined();
  });
  it('editDistance() is symmetric and 0 only for equal strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, b) === 0).toBe(a === b);
    }));
  });
});

import { describe, expect, it } from 'vitest';
import { oneSidedNote } from '../../lib/report/sensitivity.js';
import type { UncertainInput } from '../../lib/sensitivity/ranges.js';

const input = (x: Partial<UncertainInput> & Pick<UncertainInput, 'id' | 'base' | 'low' | 'high' | 'unit'>): UncertainInput =>
  ({ kind: 'deadweight', label: x.id, labelEn: x.id, rangeSource: 'default', ...x }) as UncertainInput;

describe('why the base case can sit at the edge of the Monte Carlo band', () => {
  it('names the one-sided ranges, generated from the ranges (sv and en)', () => {
    const inputs = [
      input({ id: 'Dödvikt', base: 0, low: 0, high: 0.25, unit: 'andel' }),
      input({ id: 'Effektstorlek', base: 1, low: 0.8, high: 1.2, unit: 'faktor' }),
    ];
    expect(oneSidedNote(inputs, 'sv')).toBe('Varför basfallet kan ligga vid bandets kant: intervallet för Dödvikt 0,0 %–25,0 % (bas 0,0 %) börjar eller slutar i basvärdet, så den osäkerheten drar resultatet åt ett håll och basfallet kan hamna vid eller utanför P5–P95.');
    expect(oneSidedNote(inputs, 'en')).toBe('Why the base case can sit at the edge of the band: the range of Dödvikt 0.0%–25.0% (base 0.0%) starts or ends at the base value, so that uncertainty pulls the result one way only and the base case can fall at or outside P5–P95.');
  });
  it('nothing to explain when every range straddles its base (or is a point)', () => {
    expect(oneSidedNote([input({ id: 'x', base: 1, low: 0.8, high: 1.2, unit: 'faktor' }), input({ id: 'r', base: 0, low: 0, high: 0, unit: 'andel' })], 'sv')).toBeNull();
  });
});

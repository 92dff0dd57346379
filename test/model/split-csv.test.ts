/**
 * The direct CSV split (quote-free text with one kind of line break) must give exactly the rows
 * papaparse gives: same non-empty rows, same cells, same line numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../lib/model/tabular/split-csv.js';

const nonEmpty = (rows: { row: number; cells: string[] }[]) => rows.filter((r) => r.cells.some((c) => c !== ''));

function both(text: string, delimiter: string) {
  const pa: never[] = [], pb: never[] = [];
  return { direct: nonEmpty(splitCsv(text, delimiter, 'f.csv', pa)), papa: nonEmpty(splitCsv(text, delimiter, 'f.csv', pb, false)), problems: [pa, pb] };
}

describe('splitCsv', () => {
  it('splits a register extract like papaparse, line numbers included', () => {
    // Line 3 is empty and line 5 blank: both dropped, numbering continues (row 4 is line 4).
    const text = 'deltagare;lage;post\r\nR1;fore; kommun.forsorjningsstod \r\n\r\nR1;efter;;\r\n  ;  \r\nR2;fore;x\r\n';
    const { direct, papa } = both(text, ';');
    expect(direct).toEqual([
      { row: 1, cells: ['deltagare', 'lage', 'post'] }, { row: 2, cells: ['R1', 'fore', 'kommun.forsorjningsstod'] },
      { row: 4, cells: ['R1', 'efter', '', ''] }, { row: 6, cells: ['R2', 'fore', 'x'] },
    ]);
    expect(direct).toEqual(papa);
  });

  it('agrees with papaparse on random quote-free text (any delimiter, LF or CRLF, ragged rows, blanks)', () => {
    const cell = fc.stringMatching(/^[ a-zA-Z0-9åäöÅÄÖ.,;\t_\u00a0-]{0,6}$/);
    fc.assert(fc.property(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 }), fc.constantFrom(';', ',', '\t'), fc.constantFrom('\n', '\r\n'), fc.boolean(),
      (rows, delimiter, br, trailing) => {
        const text = rows.map((r) => r.join(delimiter)).join(br) + (trailing ? br : '');
        const { direct, papa, problems } = both(text, delimiter);
        expect(direct).toEqual(papa);
        expect(problems[0]).toEqual(problems[1]);
      },
    ), { numRuns: 2000 });
  });

  it('agrees with papaparse when values repeat row after row (the direct route reuses them)', () => {
    const cell = fc.constantFrom('R1', 'R2', 'fore', 'efter', '12', '1,5', ' 12', '12 ', '', ' ', 'R12');
    fc.assert(fc.property(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 20 }), fc.constantFrom(';', ','), fc.constantFrom('\n', '\r\n'),
      (rows, delimiter, br) => {
        const text = rows.map((r) => r.join(delimiter)).join(br);
        const { direct, papa } = both(text, delimiter);
        expect(direct).toEqual(papa);
      },
    ), { numRuns: 2000 });
  });

  it('leaves quoted or mixed-line-break text to papaparse', () => {
    for (const text of ['a;b\n"x;y";z\n', 'a;b\r\nc;d\ne;f\n', 'a;b\rc;d\r']) {
      const { direct, papa } = both(text, ';');
      expect(direct).toEqual(papa);
    }
    const problems: unknown[] = [];
    splitCsv('a;b\n"x;y\n', ';', 'f.csv', problems as never[]);
    expect(problems.length).toBeGreaterThan(0);
  });
});

/**
 * A register extract (the bench's seeded national file, small) with broken rows: the fast route
 * for large CSV (read in one pass, row by row: direct split with reused strings, each row screened
 * and checked as it is split, lines grouped per participant) must give exactly what the general
 * route (papaparse, taken when the text has a quote, the whole table read first) gives —
 * participants, every problem and the row accounting — and no row may be dropped or counted twice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNationalCsv } from '../../bench/national.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { nodeFiles } from '../../lib/model/node-files.js';
import { readParticipantsFile } from '../../lib/model/participants-file.js';

const catalog = loadCatalog();

describe('a national situations file', () => {
  it('gives the same participants, problems and counts on the fast and the general CSV route', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-national-'));
    const f = join(dir, 'situationer.csv');
    await writeNationalCsv(f, 300, 7);
    const lines = readFileSync(f, 'utf8').split('\n');
    // Broken rows of every kind the reader checks, spread through the file.
    const broken = [
      'R0000003;fore;kommun.forsorjningsstöd;12;;', // unknown item (with a suggestion)
      'R0000010;mitten;af.handlaggning;12;;', // bad situation
      ';fore;af.handlaggning;12;;', // id missing
      'R0000020;efter;af.handlaggning;14;;', // more months than the period
      'R0000030;efter;af.handlaggning;-1;;', // negative
      'R0000040;efter;region.primarvard_besok;12;x;', // not a number
      'R0000050;fore;arbete.osubventionerad_anstallning;6;;9000', // wage below the floor (a warning)
      'R0000060;fore;af.handlaggning;12;;;extra', // too many fields
      'R0000070;fore;egen;12;;', // egen in a table
      ' R0000080 ; efter ; af.handlaggning ; 1,5 ;  ; ', // spaces to trim, decimal comma
    ];
    broken.forEach((b, i) => lines.splice(50 + i * 97, 0, b));
    const text = lines.join('\n');
    const read = async (t: string) => {
      writeFileSync(f, t);
      return readParticipantsFile(f, catalog, { files: nodeFiles, priceYear: 2025 });
    };
    const fast = await read(text);
    const general = await read(text.replace(/^deltagare;/, '"deltagare";')); // a quote: papaparse
    expect(fast).toEqual(general);

    const [c] = fast.counts;
    expect(c.read).toBe(1500 + broken.length);
    expect(c.read).toBe(c.used + c.rejected);
    // Seven rows rejected by their cells; the row with a field too many is refused by the reader
    // (an error naming the row), its cells read as the header's.
    expect(c.rejected).toBe(7);
    expect(fast.problems.filter((p) => p.severity === 'error' && p.row === 50 + 7 * 97 + 1)).toHaveLength(1);
    const linesOut = fast.participants.reduce((s, p) => s + (p.fore as { lines: unknown[] }).lines.length + (p.efter as { lines: unknown[] }).lines.length, 0);
    expect(linesOut).toBe(c.used);
    expect(fast.problems.filter((p) => p.severity === 'warning' && p.column === 'lon')).toHaveLength(1);
  });
});

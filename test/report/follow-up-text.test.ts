/**
 * Follow-up years (method §5.1) are named where a reader meets the numbers: the calc summary and
 * the report's method appendix say which years were observed (years only; a year's count may be
 * below the disclosure threshold).
 */
import { describe, expect, it } from 'vitest';
import { methodAppendix } from '../../lib/report/method-text.js';
import { summaryTable } from '../../lib/report/summary-table.js';
import { calculate } from '../../lib/calculate.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const bidrag = (months: number) => ({ item: 'test.bidrag', months });

describe('follow-up years in the text', () => {
  it('the method appendix adds the rule right after the annual-effect formula, only with later years', () => {
    for (const lang of ['sv', 'en'] as const) {
      const plain = methodAppendix(lang);
      expect(methodAppendix(lang, { '1': 8 })).toEqual(plain);
      const withYears = methodAppendix(lang, { '1': 8, '3': 2, '2': 5 });
      expect(withYears.length).toBe(plain.length + 1);
      const at = plain.findIndex((p) => /Δ = Σ/.test(p)) + 1;
      expect(withYears[at]).toMatch(lang === 'sv' ? /^- Deltagare som följts upp år 2 och 3 bidrar/ : /^- Participants followed up in year 2 and 3 contribute/);
      expect(withYears[at]).not.toMatch(/\b[25]\b.*deltagare|\b[25]\b.*participants/);
      expect([...withYears.slice(0, at), ...withYears.slice(at + 1)]).toEqual(plain);
    }
  });

  it('calc names the observed years under the assumptions line', () => {
    const r = calculate(makeProject({ participants: [
      { id: 'a', fore: { lines: [bidrag(12)] }, efter: { lines: [bidrag(6)] }, efter3: { lines: [] } },
      { id: 'b', fore: { lines: [bidrag(12)] }, efter: { lines: [] } },
    ] }), catalog);
    expect(summaryTable(r, 'sv').split('\n')[2]).toBe('uppföljning år 3 (metoden §5.1)');
    expect(summaryTable(r, 'en').split('\n')[2]).toBe('follow-up in year 3 (method §5.1)');
    const one = calculate(makeProject({ participants: [{ id: 'b', fore: { lines: [bidrag(12)] }, efter: { lines: [] } }] }), catalog);
    expect(summaryTable(one, 'sv')).not.toMatch(/uppföljning år/);
  });
});

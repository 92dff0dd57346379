import { describe, expect, it } from 'vitest';
import { paybackText } from '../../lib/report/summary-table.js';

describe('paybackText (method §5, revised)', () => {
  it('an actor that loses every year reads "obefintlig – förlorar … kr/år", never "ingen insatskostnad"', () => {
    // AF in the issue: no cost share, Δ = −304 638 kr/år.
    expect(paybackText({ status: 'never', months: null, simpleMonths: null }, 5, 'sv', -304638)).toBe('obefintlig – förlorar 304 638 kr/år');
    // The old status order said noCost for it; the words follow the effect, whatever the status.
    expect(paybackText({ status: 'noCost', months: 0, simpleMonths: null }, 5, 'sv', -304638)).toBe('obefintlig – förlorar 304 638 kr/år');
    expect(paybackText({ status: 'never', months: null, simpleMonths: null }, 5, 'en', -304638)).toBe('never – loses SEK 304,638 a year');
  });
  it('no cost and no loss: "ingen insatskostnad"; the other statuses unchanged', () => {
    expect(paybackText({ status: 'noCost', months: 0, simpleMonths: null }, 5, 'sv', 1000)).toBe('ingen insatskostnad');
    expect(paybackText({ status: 'noCost', months: 0, simpleMonths: null }, 5, 'sv', 0)).toBe('ingen insatskostnad');
    expect(paybackText({ status: 'months', months: 7.5, simpleMonths: 7.5 }, 5, 'sv', 1000)).toBe('7,5 mån');
    expect(paybackText({ status: 'beyondHorizon', months: null, simpleMonths: 90 }, 5, 'sv', 1000)).toBe('> 5 år');
    expect(paybackText({ status: 'never', months: null, simpleMonths: null }, 5, 'sv', 0)).toBe('obefintlig');
  });
});

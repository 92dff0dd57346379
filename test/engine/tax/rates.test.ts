/**
 * Kommunal tax rates by kommun (Skatteverket 2025), by project override or the year's average.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../lib/catalog/load.js';
import { foldKommun } from '../../../lib/catalog/kommun.js';
import { taxRatesFor } from '../../../lib/engine/tax/rates.js';
import { InputError, formatProblem } from '../../../lib/util/errors.js';
import { paramAt } from '../../../lib/catalog/value-at.js';

const catalog = loadCatalog();

describe('taxRatesFor', () => {
  it('gives the average of the year without a kommun or override', () => {
    expect(taxRatesFor(catalog, 2023)).toEqual({ kommun: 20.67, region: 11.57, source: 'medel' });
    expect(taxRatesFor(catalog, 2026)).toEqual({ kommun: 20.69, region: 11.69, source: 'medel' });
    // Totals are SCB's (32,24 / 32,37 / 32,41 / 32,38); the 2024 and 2025 splits are estimates.
    for (const [y, total] of [[2023, 32.24], [2024, 32.37], [2025, 32.41], [2026, 32.38]] as const) {
      const r = taxRatesFor(catalog, y);
      expect(r.kommun + r.region, String(y)).toBeCloseTo(total, 10);
    }
  });

  it('matches a kommun case-insensitively with å/ä/ö folded (Skatteverket 2025)', () => {
    expect(taxRatesFor(catalog, 2025, 'Stockholm')).toEqual({ kommun: 18.22, region: 12.38, source: 'kommun' });
    expect(taxRatesFor(catalog, 2025, 'göteborg')).toEqual({ kommun: 21.12, region: 11.48, source: 'kommun' });
    expect(taxRatesFor(catalog, 2025, 'Goteborg')).toEqual({ kommun: 21.12, region: 11.48, source: 'kommun' });
    expect(taxRatesFor(catalog, 2025, ' MALMÖ ')).toEqual({ kommun: 21.24, region: 11.18, source: 'kommun' });
    expect(taxRatesFor(catalog, 2025, 'Osteraker kommun')).toEqual({ kommun: 16.6, region: 12.38, source: 'kommun' });
    expect(taxRatesFor(catalog, 2025, 'Malung Sälen')).toEqual(taxRatesFor(catalog, 2025, 'MALUNG-SÄLEN'));
    expect(foldKommun('Upplands-Väsby')).toBe(foldKommun('UPPLANDS VÄSBY'));
    const degerfors = taxRatesFor(catalog, 2025, 'Degerfors');
    expect(degerfors.kommun + degerfors.region).toBeCloseTo(35.3, 10); // highest 2025 (SCB)
  });

  it('has all 290 kommuner in the 2025 table', () => {
    const table = paramAt<Record<string, unknown>>(catalog, 'params.skatt.kommunalskatt_per_kommun', '2025-07-01').value;
    expect(Object.keys(table)).toHaveLength(290);
  });

  it('uses the latest per-kommun table for later years and the average before the first table', () => {
    expect(taxRatesFor(catalog, 2026, 'Stockholm')).toEqual({ kommun: 18.22, region: 12.38, source: 'kommun' });
    expect(taxRatesFor(catalog, 2024, 'Stockholm')).toEqual({ ...taxRatesFor(catalog, 2024), source: 'medel' });
  });

  it('prefers a known kommun to the project override, and the override to the average', () => {
    const override = { kommun: 21, region: 11.5 };
    expect(taxRatesFor(catalog, 2025, undefined, override)).toEqual({ ...override, source: 'override' });
    expect(taxRatesFor(catalog, 2025, '', override)).toEqual({ ...override, source: 'override' });
    expect(taxRatesFor(catalog, 2025, 'Stockholm', override).source).toBe('kommun');
    expect(taxRatesFor(catalog, 2024, 'Stockholm', override).source).toBe('override');
  });

  it('rejects an unknown kommun with an InputError naming the value', () => {
    expect(() => taxRatesFor(catalog, 2025, 'Atlantis')).toThrow(InputError);
    try {
      taxRatesFor(catalog, 2024, 'Stokholm');
    } catch (e) {
      const msg = formatProblem((e as InputError).problems[0], 'sv');
      expect(msg).toContain('"Stokholm"');
      expect(msg).toContain('okänd kommun');
      expect(msg.length).toBeLessThan(300); // a hint, not a list of 290 names
    }
  });
});

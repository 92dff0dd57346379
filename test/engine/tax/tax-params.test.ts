/**
 * Reading the tax parameters from the catalogue: every year 2023–2026 resolves, and a broken
 * parameter file is reported as an InputError naming the file and field. The broken case uses an
 * in-test fixture: the real catalogue files with one file replaced, parsed with parseCatalog.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog, readCatalogFiles } from '../../../lib/catalog/load.js';
import { parseCatalog } from '../../../lib/catalog/parse.js';
import { taxYearParams } from '../../../lib/engine/tax/tax-params.js';
import { InputError } from '../../../lib/util/errors.js';

describe('taxYearParams', () => {
  const catalog = loadCatalog();

  it('resolves every year 2023–2026 with that year\'s pbb and ibb', () => {
    const pbb = { 2023: 52500, 2024: 57300, 2025: 58800, 2026: 59200 } as const;
    for (const y of [2023, 2024, 2025, 2026] as const) {
      const p = taxYearParams(catalog, y);
      expect(p.pbb, String(y)).toBe(pbb[y]);
      expect(Object.values(p).every((v) => typeof v === 'number' && !Number.isNaN(v)), String(y)).toBe(true);
    }
  });

  it('reads the year\'s jobbskatteavdrag and phase-out', () => {
    expect(taxYearParams(catalog, 2024).jsaRate3).toBeCloseTo(0.1643, 12);
    expect(taxYearParams(catalog, 2024).jsaPhaseOutFrom).toBeCloseTo(13.54 * 57300, 6);
    expect(taxYearParams(catalog, 2026).jsaRate3).toBeCloseTo(0.251, 12);
    expect(taxYearParams(catalog, 2026).jsaPhaseOutFrom).toBe(Infinity);
  });

  it('a missing field is a catalogue error at load, with file and key (issue 12: checked against metadata.fields)', () => {
    const files = readCatalogFiles();
    files['params/skatt/grundavdrag.yaml'] = files['params/skatt/grundavdrag.yaml'].replace('golvPbb: 0.293, ', '');
    expect(() => parseCatalog(files)).toThrow(InputError);
    expect(() => parseCatalog(files)).toThrow(/grundavdrag\.yaml: values\.[0-9-]+\.value\.golvPbb: field missing/);
  });

  it('reports a missing index year', () => {
    expect(() => taxYearParams(catalog, 2030)).toThrow(InputError);
  });
});

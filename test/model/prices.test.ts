/**
 * Issue 10 item 4: a project's own prices (`prices:` item → { amount, priceYear?, source }) replace
 * the catalogue's value for that project; the report lists them beside the catalogue's value and
 * the item leaves the "rests on estimates" warning. Hand-worked with the bundled catalogue.
 *
 * The project: 10 participants (one typfall, weight 10), psychiatric outpatient visits
 * (region.psykiatri_oppenvard_besok: real cost to the region, status estimate in the catalogue,
 * 3 500 kr in 2024 prices, uprated with the inkomstbasbelopp 76 200 → 80 600 to 2025) twice a month
 * before and once a month after, 12 months each. Intervention 100 000 kr paid by the kommun.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../lib/catalog/load.js';
import { validateProject } from '../../lib/model/project.js';
import { calculate } from '../../lib/calculate.js';
import { priceProject } from '../../lib/engine/price.js';
import { reportModel } from '../../lib/report/model.js';
import { resultWarnings } from '../../lib/report/result-json.js';
import { renderMarkdown } from '../../lib/report/markdown.js';
import { validate } from '../../cli/commands/validate.js';
import { catalogRepricer } from '../../lib/sensitivity/prepare.js';
import { evaluate } from '../../lib/results/evaluate.js';
import { captureIo } from '../helpers/io.js';
import { sensitivity } from '../../cli/commands/sensitivity.js';

const catalog = loadCatalog();
const ITEM = 'region.psykiatri_oppenvard_besok';

const raw = (prices?: unknown) => ({
  name: 'Egna priser', priceYear: 2025, cost: { total: 100000, financing: 'kommun' },
  participants: [{
    id: 'typfall', weight: 10,
    fore: { months: 12, lines: [{ item: ITEM, months: 12, perMonth: 2 }] },
    efter: { months: 12, lines: [{ item: ITEM, months: 12, perMonth: 1 }] },
  }],
  ...(prices === undefined ? {} : { prices }),
});

function run(prices?: unknown) {
  const v = validateProject(raw(prices), catalog, 'projekt.yaml');
  expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { project: v.project!, result: calculate(v.project!, catalog) };
}

describe('prices: the project’s own unit prices', () => {
  it('without an override the catalogue value is used (3 500 kr 2024 → 2025 with the ibb)', () => {
    const { result: r } = run();
    // 3 500 × 80 600 / 76 200 = 3 702,0997… kr per visit; 1 visit a month fewer × 12 × 10 participants:
    // Δ region = 120 × 3 702,0997… = 444 251,97 kr/år.
    expect(r.actors.region.annualEffect).toBeCloseTo(120 * 3500 * 80600 / 76200, 6);
    expect(r.estimates.map((e) => e.id)).toContain(ITEM);
  });

  it('an override in the project’s price year is used as is: exact kronor per actor', () => {
    const { result: r } = run({ [ITEM]: { amount: 3000, source: 'Region Exempel, utomlänsprislista 2025' } });
    // Före: 2 visits × 12 months × 3 000 kr = 72 000 kr/person; efter: 1 × 12 × 3 000 = 36 000.
    // Δ region = −36 000 − (−72 000) = +36 000 per person × 10 = 360 000 kr/år.
    expect(r.actors.region.annualEffect).toBe(360000);
    // The kommun pays the intervention and has no posting: effect 0, cost 100 000, 1-year net −100 000.
    expect(r.actors.kommun.annualEffect).toBe(0);
    expect(r.actors.kommun.horizons['1'].net).toBe(-100000);
    // A real resource: society saves what the region saves, 360 000 kr/år; 1-year net 360 000 − 100 000.
    expect(r.groups.samhallet.annualEffect).toBe(360000);
    expect(r.groups.samhallet.horizons['1'].net).toBe(260000);
    // The item is the project's sourced figure, not a catalogue estimate any more.
    expect(r.estimates.map((e) => e.id)).not.toContain(ITEM);
    expect(resultWarnings(r, 'sv').join('\n')).not.toContain('Psykiatrisk öppenvård');
    const used = r.used.find((u) => u.id === ITEM)!;
    expect(used.value).toBe(3000);
    expect(used.source.title).toBe('Region Exempel, utomlänsprislista 2025');
    expect(used.override?.catalogueValue).toBeCloseTo(3500 * 80600 / 76200, 6);
  });

  it('an override in another price year is uprated with the item’s index', () => {
    const { result: r } = run({ [ITEM]: { amount: 3000, priceYear: 2024, source: 'Prislista 2024' } });
    // 3 000 × 80 600 / 76 200 = 3 173,2283… kr per visit; × 120 visits fewer = 380 787,40 kr/år.
    expect(r.actors.region.annualEffect).toBeCloseTo(360000 * 80600 / 76200, 6);
    expect(r.actors.region.annualEffect).toBeCloseTo(380787.4016, 3);
  });

  it('the report lists the override (item, catalogue value, own price, source) in the catalogue section', () => {
    const { project, result } = run({ [ITEM]: { amount: 3000, source: 'Region Exempel, utomlänsprislista 2025' } });
    const ledger = priceProject(project, catalog);
    const m = reportModel({ project, catalog, ledger, result, lang: 'sv' });
    const t = m.tables.find((x) => x.id === 'egna-priser')!;
    expect(t.columns.map((c) => c.label)).toEqual(['Post', 'Katalogens värde', 'Eget pris', 'Enhet', 'Källa (projektets)']);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].own).toBe(3000);
    expect(t.rows[0].catalogue).toBeCloseTo(3702.0997, 3);
    expect(t.rows[0].source).toBe('Region Exempel, utomlänsprislista 2025');
    expect(m.tables.find((x) => x.id === 'katalog')!.rows.find((x) => x.id === ITEM)!.status).toBe('eget pris');
    const md = renderMarkdown(m, []);
    const katalog = md.slice(md.indexOf('Katalogvärden som resultatet vilar på'));
    expect(katalog).toContain('### Projektets egna priser (prices:)');
    expect(katalog).toContain('Region Exempel, utomlänsprislista 2025');
    expect(m.warnings.join('\n')).not.toContain('Psykiatrisk öppenvård');
    // Without overrides the section has no such table.
    const plain = run();
    const m0 = reportModel({ project: plain.project, catalog, ledger: priceProject(plain.project, catalog), result: plain.result, lang: 'sv' });
    expect(m0.tables.some((x) => x.id === 'egna-priser')).toBe(false);
  });

  it('a switching-value re-pricing scales the own price, not the catalogue value it replaced', () => {
    const { project } = run({ [ITEM]: { amount: 3000, source: 'x' } });
    const ledger = catalogRepricer(project, catalog, priceProject)(ITEM, 2)!;
    // 2 × 3 000 = 6 000 kr per visit × 120 visits fewer = 720 000 kr/år for the region.
    expect(evaluate(ledger, project, catalog).actors.region.annualEffect).toBe(720000);
  });

  it('the region’s effect is linear in the own price (any amount)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50000 }), (amount) => {
      const v = validateProject(raw({ [ITEM]: { amount, source: 'x' } }), catalog, 'projekt.yaml');
      const r = calculate(v.project!, catalog);
      // 120 visits fewer per year in all: Δ region = 120 × amount.
      return Math.abs(r.actors.region.annualEffect - 120 * amount) < 1e-6;
    }), { numRuns: 25 });
  });

  const errors = (prices: unknown) => validateProject(raw(prices), catalog, 'projekt.yaml').problems.filter((p) => p.severity === 'error');

  it('an unknown item is an error with a suggestion', () => {
    const [e] = errors({ 'regionen.psykiatri_oppenvard_besok': { amount: 3000, source: 'x' } });
    expect(e.path).toBe('prices.regionen.psykiatri_oppenvard_besok');
    expect(e.sv).toContain(`menade du "${ITEM}"?`);
    expect(e.en).toContain(`did you mean "${ITEM}"?`);
  });

  it('a missing source, a bare number, a rule item and a negative amount are errors', () => {
    expect(errors({ [ITEM]: { amount: 3000 } }).map((e) => e.path)).toEqual([`prices.${ITEM}.source`]);
    expect(errors({ [ITEM]: 3000 })[0].sv).toContain('ange källan');
    expect(errors({ 'fk.aktivitetsersattning': { amount: 3000, source: 'x' } })[0].sv).toContain('räknas med en regel');
    expect(errors({ [ITEM]: { amount: -1, source: 'x' } }).map((e) => e.path)).toEqual([`prices.${ITEM}.amount`]);
    expect(errors({ [ITEM]: { amount: 1, source: 'x', kalla: 'y' } }).map((e) => e.path)).toEqual([`prices.${ITEM}.kalla`]);
  });

  it('samnytta validate: a missing source is a Swedish error naming file and path, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-prices-'));
    const file = join(dir, 'projekt.json');
    writeFileSync(file, JSON.stringify(raw({ [ITEM]: { amount: 3000 } })));
    const io = captureIo();
    const e = await validate({ project: file, lang: 'sv' }, io).then(() => null, (x: { code?: number; message?: string }) => x);
    expect(e?.code).toBe(1);
    const text = `${io.stderr}${e?.message ?? ''}`;
    expect(text).toContain('projekt.json');
    expect(text).toContain(`prices.${ITEM}.source`);
    expect(text).toContain('källa krävs');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('samnytta sensitivity: the own price is an input with the verified range, marked "eget pris"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-prices-'));
    const file = join(dir, 'projekt.json');
    writeFileSync(file, JSON.stringify(raw({ [ITEM]: { amount: 3000, source: 'Prislista' } })));
    const io = captureIo();
    const rep = await sensitivity({ project: file, format: 'table', lang: 'sv' }, io);
    const input = rep.inputs.find((x) => x.id === ITEM)!;
    expect(input.rangeSource).toBe('ownPrice');
    // Verified range ± 5 % of 3 000 kr (data/params/osakerhet): 2 850–3 150 kr per visit.
    expect([input.base, input.low, input.high]).toEqual([3000, 2850, 3150]);
    expect(io.stdout).toMatch(/Psykiatrisk öppenvård, besök\s+eget pris\s+2 850 kr\/besök/);
  });
});

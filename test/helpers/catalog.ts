/**
 * Test catalogue: the real catalogue plus a few items with round numbers, so golden cases can be
 * worked by hand. Values are in 2025 prices and never uprated (uprating: none).
 */
import { readCatalogFiles } from '../../lib/catalog/load.js';
import { parseCatalog } from '../../lib/catalog/parse.js';
import type { Catalog } from '../../lib/catalog/types.js';
import { validateProject } from '../../lib/model/project.js';
import type { Project } from '../../lib/model/types.js';

const src = 'source: {title: "Testvärde", href: "https://example.org/test", retrieved: 2026-11-23}';
const item = (meta: string, value: number) => `description: Testpost.
metadata: {label: Test, unit: ${meta.includes('besok') ? 'kr/besok' : 'kr/manad'}, ${meta}, uprating: none}
values:
  "2020-01-01": {value: ${value}, priceYear: 2025, status: verified, ${src}}
`;

export const TEST_ITEMS: Record<string, string> = {
  // A tax-free benefit the kommun pays: 10 000 kr per month.
  'items/test/bidrag.yaml': item('quantity: manad, kind: transfer, category: ersattning, payer: kommun, receiver: individ, taxable: false', 10000),
  // A taxable benefit FK pays: 15 000 kr per month (like sjukersättning, not earned, not pensionable).
  'items/test/skattebidrag.yaml': item('quantity: manad, kind: transfer, category: ersattning, payer: fk, receiver: individ, taxable: true', 15000),
  // A visit the region pays: 1 000 kr per visit.
  'items/test/vard.yaml': item('quantity: besok, kind: real, category: real, payer: region', 1000),
  // A patient fee: 200 kr per visit from individ to region.
  'items/test/avgift.yaml': item('quantity: besok, kind: transfer, category: avgift, payer: individ, receiver: region', 200),
};

let cached: Catalog | undefined;
export function testCatalog(): Catalog {
  cached ??= parseCatalog({ ...readCatalogFiles(), ...TEST_ITEMS });
  return cached;
}

/** A validated project from a partial raw project (defaults: price year 2025, cost 0 via finsam). */
export function makeProject(raw: Record<string, unknown>, catalog: Catalog = testCatalog()): Project {
  const r = validateProject({ name: 'Test', priceYear: 2025, cost: { total: 0, financing: 'finsam' }, ...raw }, catalog, 'test.yaml');
  if (!r.project) throw new Error(r.problems.map((p) => `${p.path}: ${p.en} ${JSON.stringify(p.value)}`).join('\n'));
  return r.project;
}

/** One participant with the given före/efter lines (12-month situations unless given). */
export function person(fore: unknown[], efter: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: extra.id ?? 'p', weight: 1, fore: { lines: fore }, efter: { lines: efter }, ...extra };
}

/**
 * Test fixtures for tabular input: a small catalogue (so reader tests do not depend on the full
 * data/ tree), generated test persons whose numbers FAIL the Luhn check, and builders for files
 * saved the way Swedish Excel saves them.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Catalog, Item } from '../../lib/catalog/types.js';

const item = (id: string, o: Partial<Item> = {}): Item => ({
  id, file: `items/${id.replace('.', '/')}.yaml`, description: id, label: id, unit: 'kr/manad', quantity: 'manad', defaultPerMonth: 1,
  kind: 'transfer', category: 'ersattning', payer: 'kommun', receiver: 'individ', taxable: false, pensionable: false, earned: false,
  uprating: 'none', parameters: {}, values: [], ...o,
});

/** A catalogue with the handful of items and the wage floor the reader tests need. */
export function testCatalog(): Catalog {
  const items = [
    item('kommun.forsorjningsstod'),
    item('region.primarvard_besok', { kind: 'real', category: 'real', payer: 'region', receiver: undefined, unit: 'kr/besok', quantity: 'besok' }),
    item('region.psykiatri_oppenvard_besok', { kind: 'real', category: 'real', payer: 'region', receiver: undefined, unit: 'kr/besok', quantity: 'besok' }),
    item('fk.sjukpenning', { payer: 'fk', taxable: true, rule: 'sjukpenning' }),
    item('af.lonebidrag', { kind: 'wage', category: 'produktion', payer: 'af', receiver: undefined, rule: 'lonebidrag' }),
    item('arbete.osubventionerad_anstallning', { kind: 'wage', category: 'produktion', payer: undefined, receiver: undefined, rule: 'lon' }),
    item('af.aktivitetsstod', { payer: 'af', rule: 'aktivitetsstod' }),
    item('csn.studiemedel', { payer: 'ovrigStat', rule: 'studiemedel' }),
    item('fk.sjukersattning', { payer: 'fk', rule: 'garantiersattning' }),
    item('fk.aktivitetsersattning', { payer: 'fk', rule: 'garantiersattning' }),
    item('af.utvecklingsersattning', { payer: 'af', rule: 'utvecklingsersattning' }),
    item('af.etableringsersattning', { payer: 'af' }),
    item('akassa.arbetsloshetsersattning', { payer: 'forsakringsgivare', rule: 'arbetsloshetsersattning' }),
    item('af.nystartsjobb', { kind: 'wage', category: 'produktion', payer: 'af', receiver: undefined, rule: 'nystartsjobb' }),
    item('af.handlaggning', { kind: 'real', category: 'real', payer: 'af', receiver: undefined }),
    item('fk.handlaggning', { kind: 'real', category: 'real', payer: 'fk', receiver: undefined }),
    item('fk.handlaggning_sa_ae', { kind: 'real', category: 'real', payer: 'fk', receiver: undefined }),
    item('kommun.handlaggning_forsorjningsstod', { kind: 'real', category: 'real', payer: 'kommun', receiver: undefined }),
  ];
  const src = { title: 't', href: 'https://example.org', retrieved: '2026-01-01' };
  return {
    actors: ['kommun', 'region', 'fk', 'af', 'ovrigStat', 'forsakringsgivare', 'individ', 'arbetsgivare'].map((id) => ({ id, label: id, labelEn: id, description: id })),
    groups: [],
    roles: { individ: 'individ', kommunalskatt: 'kommun', regionskatt: 'region', statligSkatt: 'ovrigStat', arbetsgivare: 'arbetsgivare' },
    funders: ['fk', 'af', 'kommun', 'region'],
    classes: { targetGroups: [], kinds: [] },
    financing: new Map(),
    series: new Map([['params.arbetsmarknad.lagsta_avtalslon', {
      id: 'params.arbetsmarknad.lagsta_avtalslon', file: 'params/arbetsmarknad/lagsta_avtalslon.yaml', description: '', label: 'Lägsta avtalslön', unit: 'kr/manad',
      values: [{ validFrom: '2024-01-01', value: 21570, priceYear: 2024, status: 'verified', source: src }],
    }]]),
    items: new Map(items.map((i) => [i.id, i])),
  };
}

/**
 * A 10-digit personnummer-shaped string whose check digit is WRONG (fails Luhn), for realistic
 * test persons that must not be detected. Deterministic from `n`.
 */
export function fakePersonnummer(n: number): string {
  const yy = String(60 + (n % 40)).padStart(2, '0');
  const mm = String(1 + (n % 12)).padStart(2, '0');
  const dd = String(1 + (n % 28)).padStart(2, '0');
  const nnn = String(100 + ((n * 37) % 900)).padStart(3, '0');
  const base = `${yy}${mm}${dd}${nnn}`;
  const wrong = (luhnDigit(base) + 1 + (n % 8)) % 10;
  return `${yy}${mm}${dd}-${nnn}${wrong}`;
}

/** The Luhn check digit for a 9-digit base (used to build valid numbers at runtime only). */
export function luhnDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    let d = Number(base[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** CSV text encoded the way Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, CRLF. */
export function swedishExcelCsv(rows: (string | number | null)[][]): Buffer {
  const text = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : c)).join(';')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'win1252');
}

/** Builds an XLSX workbook in memory. */
export async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Rows and charts for browsing the catalogue (kostnadskatalog): every item and parameter with
 * its latest value, unit, status and source, and one entry's history across price years —
 * nominal and uprated with the library's own `uprate`.
 */
import * as Plot from '@observablehq/plot';
import { decimal, kr, uprate, type Catalog, type DatedValue, type Status } from '../../lib/index.js';

export const STATUS_LABELS: Record<Status, string> = { verified: 'verifierat', derived: 'härlett', estimate: 'uppskattat' };
const STATUS_FILL: Record<Status, string> = { verified: '#3a8a5c', derived: '#2f6f9f', estimate: '#c9a227' };

export interface CatalogRow {
  id: string;
  typ: string;
  label: string;
  unit: string;
  /** Latest numeric value (null for tables and rule items without a value). */
  value: number | null;
  /** The latest value as shown: the number with its unit, a table's fields, or the rule that prices the item. */
  shown: string;
  validFrom: string;
  priceYear: number | null;
  status: Status | null;
  source: string;
  href: string;
  uprating: string;
  file: string;
}

const TYPES: Record<string, string> = { transfer: 'post: överföring', real: 'post: real resurs', wage: 'post: lön' };

/** One row per item and parameter/index series, sorted by id. */
export function catalogRows(c: Catalog): CatalogRow[] {
  const row = (id: string, typ: string, label: string, unit: string, values: DatedValue<unknown>[], uprating: string, file: string): CatalogRow => {
    const last = values[values.length - 1];
    const value = typeof last?.value === 'number' ? last.value : null;
    const shown = value !== null ? valueText(value, unit)
      : last?.value && typeof last.value === 'object' ? `tabell: ${Object.keys(last.value).join(', ')}`
      : uprating.startsWith('regel') ? `räknas med ${uprating}` : '–';
    return {
      id, typ, label, unit, value, shown, validFrom: last?.validFrom ?? '',
      priceYear: last?.priceYear ?? null, status: last?.status ?? null, source: last?.source.title ?? '', href: last?.source.href ?? '', uprating, file,
    };
  };
  const rows: CatalogRow[] = [];
  for (const it of c.items.values()) rows.push(row(it.id, TYPES[it.kind] ?? it.kind, it.label, it.unit, it.values, it.rule ? `regel: ${it.rule}` : it.uprating, it.file));
  for (const s of c.series.values()) rows.push(row(s.id, s.id.startsWith('index.') ? 'index' : 'parameter', s.label, s.unit, s.values, '', s.file));
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A number with its unit: "12 345 kr/manad", "31,42 %" for a share, "1,5 besok". */
export function valueText(v: number | null, unit: string): string {
  if (v === null) return '–';
  if (unit === 'andel') return `${decimal(v * 100, 2)} %`;
  if (unit.startsWith('kr')) return `${kr(v)} ${unit}`;
  return `${decimal(v, Number.isInteger(v) ? 0 : 2)} ${unit}`;
}

/** Price years the catalogue can express amounts in (years with a prisbasbelopp value). */
export function priceYears(c: Catalog): number[] {
  return (c.series.get('index.prisbasbelopp')?.values ?? []).map((v) => Number(v.validFrom.slice(0, 4))).sort((a, b) => a - b);
}

export interface HistoryRow {
  validFrom: string;
  date: Date;
  value: number;
  /** The value uprated to the chosen price year (null when it cannot be). */
  inPriceYear: number | null;
  priceYear: number | null;
  status: Status;
  source: string;
  href: string;
  note: string;
}

/** The dated values of an item or series, each also expressed in `targetYear`'s prices. */
export function history(c: Catalog, id: string, targetYear: number): HistoryRow[] {
  const item = c.items.get(id);
  const series = item ? undefined : c.series.get(id);
  const values = (item?.values ?? series?.values ?? []) as DatedValue<unknown>[];
  const index = item?.uprating ?? 'none';
  return values
    .filter((v) => typeof v.value === 'number')
    .map((v) => {
      const value = v.value as number;
      let inPriceYear: number | null = null;
      if (item && v.priceYear !== undefined) {
        try {
          inPriceYear = uprate(c, value, index, v.priceYear, targetYear);
        } catch {
          inPriceYear = null; // the index lacks one of the years
        }
      }
      return {
        validFrom: v.validFrom, date: new Date(`${v.validFrom}T00:00:00Z`), value, inPriceYear, priceYear: v.priceYear ?? null,
        status: v.status, source: v.source.title, href: v.source.href, note: v.note ?? '',
      };
    });
}

/** The history as a step line of nominal values (dots coloured by status) and, for items, the values in one price year. */
export function historyChart(rows: readonly HistoryRow[], { width = 640, unit = '', targetYear }: { width?: number; unit?: string; targetYear: number }): SVGSVGElement | HTMLElement {
  const uprated = rows.filter((r) => r.inPriceYear !== null);
  const series = [
    ...rows.map((r) => ({ date: r.date, y: r.value, serie: 'nominellt (värdets eget prisår)' })),
    ...uprated.map((r) => ({ date: r.date, y: r.inPriceYear as number, serie: `i ${targetYear} års priser` })),
  ];
  return Plot.plot({
    width, height: 300, marginLeft: 80,
    x: { type: 'utc', label: 'Gäller från', ticks: 'year' },
    y: { label: unit, grid: true, zero: unit !== 'index', tickFormat: (d: number) => d.toLocaleString('sv-SE') },
    color: { legend: true, domain: [...new Set(series.map((s) => s.serie))], range: ['#7a8b99', '#2f6f9f'] },
    marks: [
      Plot.line(series, { x: 'date', y: 'y', stroke: 'serie', curve: 'step-after', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'date', y: 'value', r: 5, fill: (r: HistoryRow) => STATUS_FILL[r.status], stroke: 'white', title: (r: HistoryRow) => `${r.validFrom}: ${r.value.toLocaleString('sv-SE')} ${unit}\n${STATUS_LABELS[r.status]} · ${r.source}` }),
      Plot.text(rows, { x: 'date', y: 'value', text: (r: HistoryRow) => STATUS_LABELS[r.status], dy: -12, fontSize: 9, fill: (r: HistoryRow) => STATUS_FILL[r.status] }),
    ],
  });
}

/**
 * `samnytta catalog list | show ID | diff YEAR1 YEAR2`: the cost catalogue, one item's history
 * with sources, and the change between two price years.
 */
import { loadCatalog } from '../../lib/catalog/load.js';
import type { Catalog, DatedValue, Item, Series } from '../../lib/catalog/types.js';
import { latestPriceYear, uprate, valueAt, referenceDate } from '../../lib/catalog/value-at.js';
import { decimal, kr, percent } from '../../lib/report/format.js';
import type { Lang } from '../../lib/util/errors.js';
import { ExitError, type GlobalOptions, type Io } from '../io.js';
import { text } from '../../lib/report/text.js';
import { byCodePoint } from '../../lib/util/compare.js';

export interface CatalogOptions extends GlobalOptions {
  action: 'list' | 'show' | 'diff';
  id?: string;
  year1?: number;
  year2?: number;
  year?: number;
  format: 'table' | 'json';
}

const STATUS_SV: Record<string, string> = { verified: 'verifierad', derived: 'härledd', estimate: 'uppskattning' };
const status = (s: string, lang: Lang) => (lang === 'sv' ? STATUS_SV[s] ?? s : s);

function pad(rows: string[][]): string {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((x, c) => x.padEnd(w[c])).join('  ').trimEnd()).join('\n') + '\n';
}

/** An item's value in a price year (uprated as the engine does), or null for rule items. */
export function itemValueIn(catalog: Catalog, item: Item, year: number): { value: number; v: DatedValue<number> } | null {
  if (item.values.length === 0) return null;
  const v = valueAt(item.values, referenceDate(year))!;
  const value = item.uprating === 'none' ? v.value : uprate(catalog, v.value, item.uprating, v.priceYear ?? year, year);
  return { value, v };
}

function showValue(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return Number.isInteger(v) ? kr(v, lang) : decimal(v, 4, lang).replace(/[,.]?0+$/, '');
  return JSON.stringify(v);
}

export async function catalog(o: CatalogOptions, io: Io): Promise<void> {
  const c = loadCatalog();
  const lang = o.lang;
  if (o.action === 'list') {
    const year = o.year ?? latestPriceYear(c);
    const items = [...c.items.values()].sort((a, b) => byCodePoint(a.id, b.id));
    if (o.format === 'json') {
      io.out(JSON.stringify(items.map((it) => ({ id: it.id, label: it.label, unit: it.unit, kind: it.kind, rule: it.rule ?? null, value: itemValueIn(c, it, year)?.value ?? null, status: itemValueIn(c, it, year)?.v.status ?? 'derived' })), null, 2) + '\n');
      return;
    }
    const head = lang === 'sv' ? ['id', 'benämning', 'enhet', `värde ${year}`, 'status'] : ['id', 'label', 'unit', `value ${year}`, 'status'];
    const rows = items.map((it) => {
      const r = itemValueIn(c, it, year);
      return [it.id, lang === 'en' && it.labelEn ? it.labelEn : it.label, it.unit, r ? kr(r.value, lang) : (lang === 'sv' ? `regel: ${it.rule}` : `rule: ${it.rule}`), r ? status(r.v.status, lang) : status('derived', lang)];
    });
    io.out(pad([head, ...rows]));
    return;
  }
  if (o.action === 'show') {
    const id = o.id ?? '';
    const it = c.items.get(id);
    const s: Item | Series | undefined = it ?? c.series.get(id);
    if (!s) throw new ExitError(1, lang === 'sv' ? `okänt id i katalogen: ${JSON.stringify(id)} (se \`samnytta catalog list\`)` : `unknown catalogue id: ${JSON.stringify(id)} (see \`samnytta catalog list\`)`);
    if (o.format === 'json') {
      io.out(JSON.stringify(s, null, 2) + '\n');
      return;
    }
    const lines = [`${s.id} — ${s.label}`, s.description, `${lang === 'sv' ? 'fil' : 'file'}: data/${s.file}`, `${lang === 'sv' ? 'enhet' : 'unit'}: ${s.unit}`];
    if (it) {
      const kindText = (lang === 'sv' ? { transfer: 'transferering', real: 'real resurs', wage: 'lön' } : { transfer: 'transfer', real: 'real resource', wage: 'wage' })[it.kind];
      lines.push(`${lang === 'sv' ? 'slag' : 'kind'}: ${kindText} (${it.kind}), ${lang === 'sv' ? 'kategori' : 'category'}: ${text(lang).categories[it.category]} (${it.category})${it.payer ? `, ${lang === 'sv' ? 'betalare' : 'payer'}: ${it.payer}` : ''}${it.receiver ? `, ${lang === 'sv' ? 'mottagare' : 'receiver'}: ${it.receiver}` : ''}`);
      lines.push(`${lang === 'sv' ? 'skattepliktig' : 'taxable'}: ${it.taxable ? (lang === 'sv' ? 'ja' : 'yes') : (lang === 'sv' ? 'nej' : 'no')}, ${lang === 'sv' ? 'uppräkning' : 'uprating'}: ${it.uprating}`);
      if (it.rule) lines.push(`${lang === 'sv' ? 'regel' : 'rule'}: ${it.rule} (${Object.entries(it.parameters).map(([k, v]) => `${k}=${v}`).join(', ')})`);
    }
    lines.push('', lang === 'sv' ? 'Historik:' : 'History:');
    for (const v of s.values as DatedValue[]) {
      lines.push(`  ${v.validFrom}  ${showValue(v.value, lang)}${v.priceYear ? ` (${lang === 'sv' ? 'prisår' : 'price year'} ${v.priceYear})` : ''}  [${status(v.status, lang)}]`);
      lines.push(`      ${v.source.title} — ${v.source.href} (${lang === 'sv' ? 'hämtad' : 'retrieved'} ${v.source.retrieved})`);
      if (v.note) lines.push(`      ${v.note}`);
    }
    io.out(lines.join('\n') + '\n');
    return;
  }
  // diff
  const y1 = o.year1!, y2 = o.year2!;
  const rows: string[][] = [];
  const json: unknown[] = [];
  for (const it of [...c.items.values()].sort((a, b) => byCodePoint(a.id, b.id))) {
    const a = itemValueIn(c, it, y1), b = itemValueIn(c, it, y2);
    if (!a || !b) continue;
    const change = a.value === 0 ? null : b.value / a.value - 1;
    json.push({ id: it.id, [y1]: a.value, [y2]: b.value, change });
    rows.push([it.id, kr(a.value, lang), kr(b.value, lang), percent(change, 1, lang), a.v.validFrom === b.v.validFrom ? (lang === 'sv' ? 'uppräknat' : 'uprated') : (lang === 'sv' ? 'nytt värde' : 'new value')]);
  }
  for (const s of [...c.series.values()].sort((a, b) => byCodePoint(a.id, b.id))) {
    const a = valueAt(s.values, referenceDate(y1)), b = valueAt(s.values, referenceDate(y2));
    if (!a || !b || JSON.stringify(a.value) === JSON.stringify(b.value)) continue;
    json.push({ id: s.id, [y1]: a.value, [y2]: b.value });
    rows.push([s.id, showValue(a.value, lang).slice(0, 40), showValue(b.value, lang).slice(0, 40), typeof a.value === 'number' && typeof b.value === 'number' && a.value !== 0 ? percent(b.value / a.value - 1, 1, lang) : '', lang === 'sv' ? 'ändrad' : 'changed']);
  }
  if (o.format === 'json') io.out(JSON.stringify(json, null, 2) + '\n');
  else io.out(pad([['id', String(y1), String(y2), lang === 'sv' ? 'förändring' : 'change', ''], ...rows]));
}

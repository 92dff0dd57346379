/**
 * The readable summary `samnytta calc` prints: per actor and group, the annual effect, net for
 * 1 and H years and återbetalningstid; then potential and the estimates the result rests on.
 */
import type { ActorResult, Result } from '../results/result.js';
import type { Payback } from '../results/horizon.js';
import type { Lang } from '../util/errors.js';
import { CATEGORIES } from '../vocabulary.js';
import { decimal, kr, percent } from './format.js';
import { resultWarnings } from './result-json.js';
import { text } from './text.js';

const T = {
  sv: {
    title: 'Samhällsekonomisk kalkyl', price: 'prisår', participants: 'deltagare', horizon: 'horisont', years: 'år',
    cost: 'Insatskostnad', actor: 'Aktör', effect: 'Årlig effekt', net: 'Netto', payback: 'Återbetalningstid',
    groups: 'Grupper', potential: 'Samhällsekonomisk potential', fore: 'före', efter: 'efter', vg: 'verkningsgrad',
    discount: 'diskontering', deadweight: 'dödvikt', dropOff: 'avklingning', notes: 'Att observera',
    followUps: (years: string) => `uppföljning år ${years} (metoden §5.1)`,
    months: (m: number) => `${decimal(m, 1, 'sv')} mån`, never: 'obefintlig', beyond: (h: number) => `> ${h} år`, noCost: 'ingen insatskostnad',
    losing: (x: string) => `obefintlig – förlorar ${x} kr/år`,
    simple: 'enkel', costCol: 'Kostnad',
    byCategory: 'Årlig effekt per kategori', category: 'Kategori', total: 'Summa',
  },
  en: {
    title: 'Socio-economic calculation', price: 'price year', participants: 'participants', horizon: 'horizon', years: 'years',
    cost: 'Intervention cost', actor: 'Actor', effect: 'Annual effect', net: 'Net', payback: 'Payback',
    groups: 'Groups', potential: 'Socio-economic potential', fore: 'before', efter: 'after', vg: 'efficiency',
    discount: 'discount rate', deadweight: 'deadweight', dropOff: 'drop-off', notes: 'Notes',
    followUps: (years: string) => `follow-up in year ${years} (method §5.1)`,
    months: (m: number) => `${decimal(m, 1, 'en')} mo`, never: 'never', beyond: (h: number) => `> ${h} yrs`, noCost: 'no intervention cost',
    losing: (x: string) => `never – loses SEK ${x} a year`,
    simple: 'simple', costCol: 'Cost',
    byCategory: 'Annual effect by category', category: 'Category', total: 'Total',
  },
};

/**
 * Payback as text: "7,5 mån", "obefintlig", "> 5 år", "ingen insatskostnad". Given the annual
 * effect, an actor that loses every year reads "obefintlig – förlorar 304 638 kr/år" whatever its
 * cost share (method §5, revised): never "ingen insatskostnad".
 */
export function paybackText(p: Payback, horizonYears: number, lang: Lang = 'sv', annualEffect?: number): string {
  const t = T[lang];
  if (annualEffect !== undefined && Math.round(annualEffect) < 0) return t.losing(kr(-annualEffect, lang));
  if (p.status === 'months') return t.months(p.months!);
  if (p.status === 'never') return t.never;
  if (p.status === 'beyondHorizon') return t.beyond(horizonYears);
  return t.noCost;
}

/** A plain-text table: header row, a rule, then rows; columns padded (right-aligned where asked). */
export function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/** The text summary of a result. */
export function summaryTable(r: Result, lang: Lang = 'sv'): string {
  const t = T[lang];
  const H = r.project.horizonYears;
  const name = (a: ActorResult) => (lang === 'sv' ? a.label : a.labelEn);
  const head = [t.actor, t.effect, t.costCol, `${t.net} 1 ${t.years}`, `${t.net} ${H} ${t.years}`, t.payback];
  const row = (a: ActorResult) => [
    name(a), kr(a.annualEffect, lang), kr(a.cost, lang), kr(a.horizons['1'].net, lang), kr(a.horizons[String(H)].net, lang),
    paybackText(a.payback, H, lang, a.annualEffect),
  ];
  const right = [false, true, true, true, true, true];
  const lines: string[] = [];
  lines.push(`${t.title}: ${r.project.name}`);
  lines.push(`${t.price} ${r.project.priceYear} · ${decimal(r.participants, Number.isInteger(r.participants) ? 0 : 1, lang)} ${t.participants} · ${t.horizon} ${H} ${t.years} · ${t.discount} ${percent(r.project.discountRate, 1, lang)} · ${t.deadweight} ${percent(r.project.deadweight, 0, lang)} · ${t.dropOff} ${percent(r.project.dropOff, 0, lang)}`);
  const later = Object.keys(r.followUpYears ?? {}).filter((y) => y !== '1').sort();
  if (later.length > 0) lines.push(t.followUps(later.join(lang === 'sv' ? ' och ' : ' and ')));
  lines.push(`${t.cost}: ${kr(r.project.costTotal, lang)} kr (${r.project.financing})`);
  lines.push('');
  lines.push(table([head, ...Object.values(r.actors).map(row)], right));
  lines.push('');
  lines.push(table([[t.groups, ...head.slice(1)], ...Object.values(r.groups).map(row)], right));
  lines.push('');
  const pot = r.potential;
  lines.push(`${t.potential}: ${t.fore} ${kr(pot.fore, lang)} kr/${lang === 'sv' ? 'år' : 'yr'}, ${t.efter} ${kr(pot.efter, lang)} kr/${lang === 'sv' ? 'år' : 'yr'}, ${t.vg} ${percent(pot.verkningsgrad, 1, lang)}`);
  const notes = resultWarnings(r, lang);
  if (notes.length) {
    lines.push('');
    lines.push(`${t.notes}:`);
    for (const n of notes) lines.push(`- ${n}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The `calc --per-kategori` view: per actor and group, the annual level before and after and the
 * annual effect by category (method §7), then the actor's total. Categories where nothing moves
 * are left out; the rows of an actor sum to its annual effect (up to the kronor rounding shown).
 */
export function categoryTable(r: Result, lang: Lang = 'sv'): string {
  const t = T[lang];
  const cats = text(lang).categories;
  const name = (a: ActorResult) => (lang === 'sv' ? a.label : a.labelEn);
  const head = [t.actor, t.category, t.fore, t.efter, t.effect];
  const rows: string[][] = [head];
  for (const a of [...Object.values(r.actors), ...Object.values(r.groups)]) {
    const moved = CATEGORIES.filter((c) => a.byCategory[c].fore !== 0 || a.byCategory[c].efter !== 0 || a.byCategory[c].delta !== 0);
    if (moved.length === 0) continue;
    moved.forEach((c, i) => {
      const bc = a.byCategory[c];
      rows.push([i === 0 ? name(a) : '', cats[c], kr(bc.fore, lang), kr(bc.efter, lang), kr(bc.delta, lang)]);
    });
    rows.push(['', t.total, kr(a.fore, lang), kr(a.efter, lang), kr(a.annualEffect, lang)]);
  }
  return `${t.byCategory}: ${r.project.name} (${t.price} ${r.project.priceYear}, kr/${lang === 'sv' ? 'år' : 'yr'})\n\n${table(rows, [false, false, true, true, true])}\n`;
}

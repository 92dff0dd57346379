/**
 * The Excel workbook (exceljs) a controller can audit and change: inputs, the catalogue values
 * used, every participant's lines, postings per item and actor, per-participant positions and
 * per-actor results (aggregated to situation × item unless participant rows are asked for). Totals are live formulas — SUMIFS over the postings, which for
 * catalogue-priced lines are volume × the unit-cost cell on the catalogue sheet — so changing a
 * unit cost moves the totals. Cached results are the engine's numbers. Amounts computed by rules
 * (wages, benefit rules, income tax, explicit amounts) are written as values and say so.
 */
import ExcelJS from 'exceljs';
import type { Catalog } from '../catalog/types.js';
import { financingShares } from '../results/cost.js';
import type { Ledger } from '../engine/ledger.js';
import type { Result } from '../results/result.js';
import type { Line, Project } from '../model/types.js';
import type { Lang } from '../util/errors.js';
import { fieldsText } from './format.js';
import { paybackText } from './summary-table.js';
import { text } from './text.js';
import { fixZipDates } from './zip-dates.js';

export interface WorkbookInput {
  project: Project;
  catalog: Catalog;
  ledger: Ledger;
  result: Result;
  lang: Lang;
  datum: string;
  /**
   * Participant-level rows (`--deltagarrader`, for internal use): the Rader sheet lists every line
   * of every participant and a Deltagare sheet gives each participant's position; every sheet is
   * marked "internt – ej för publicering". Default: rows aggregated to situation × item, so the
   * workbook, like the other outputs, shows no individual.
   */
  participantRows?: boolean;
}

/** The mark on every sheet of a workbook with participant rows. */
export const INTERNAL_MARK = { sv: 'internt – ej för publicering', en: 'internal – not for publication' } as const;

/** Sheet names (also used by tests that recompute the formulas). */
export const SHEETS = { indata: 'Indata', katalog: 'Katalogvärden', rader: 'Rader', poster: 'Poster', deltagare: 'Deltagare', resultat: 'Resultat' } as const;

export const col = (n: number): string => {
  let s = '';
  for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const ref = (sheet: string, addr: string): string => `'${sheet}'!${addr}`;
const abs = (c: number, r: number): string => `$${col(c)}$${r}`;

type Cell = string | number | null | { formula: string; result: number };

const KR = '#,##0;[Red]-#,##0';

/** A catalogue-priced line: its annual volume and the unit value it is multiplied by. */
interface LinearLine { participant: string; weight: number; when: 'fore' | 'efter'; line: Line; months: number; perMonth: number; extent: number; price: number; }

/**
 * Builds the workbook.
 * @returns the .xlsx bytes, identical for identical input (fixed dates in metadata and ZIP)
 */
export async function buildWorkbook(w: WorkbookInput): Promise<Uint8Array> {
  const { project, catalog, ledger, result: r, lang } = w;
  const sv = lang === 'sv';
  const t = text(lang);
  const H = r.project.horizonYears;
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(`${w.datum}T00:00:00Z`);
  wb.creator = 'samnytta';
  wb.lastModifiedBy = 'samnytta';
  wb.created = fixed;
  wb.modified = fixed;
  wb.lastPrinted = fixed;
  wb.calcProperties.fullCalcOnLoad = true;

  const put = (ws: ExcelJS.Worksheet, addr: string, v: Cell, numFmt?: string): void => {
    const c = ws.getCell(addr);
    c.value = v as ExcelJS.CellValue;
    if (numFmt) c.numFmt = numFmt;
  };
  const header = (ws: ExcelJS.Worksheet, row: number, labels: string[], widths?: number[]): void => {
    labels.forEach((l, i) => {
      const c = ws.getCell(row, i + 1);
      c.value = l;
      c.font = { bold: true };
      c.border = { bottom: { style: 'thin' } };
    });
    widths?.forEach((wd, i) => { ws.getColumn(i + 1).width = wd; });
  };

  // Indata: assumptions, year factors, cost and financing.
  const ind = wb.addWorksheet(SHEETS.indata);
  ind.getColumn(1).width = 44;
  ind.getColumn(2).width = 16;
  put(ind, 'A1', `${sv ? 'Indata' : 'Inputs'}: ${r.project.name}`);
  ind.getCell('A1').font = { bold: true, size: 13 };
  const P = { priceYear: 3, horizon: 4, rate: 5, deadweight: 6, dropOff: 7, weight: 8 };
  put(ind, 'A3', sv ? 'Prisår' : 'Price year'); put(ind, 'B3', r.project.priceYear);
  put(ind, 'A4', sv ? 'Horisont (år)' : 'Horizon (years)'); put(ind, 'B4', H);
  put(ind, 'A5', sv ? 'Diskonteringsränta' : 'Discount rate'); put(ind, 'B5', r.project.discountRate, '0.0%');
  put(ind, 'A6', sv ? 'Dödvikt (yttre faktorer)' : 'Deadweight (external factors)'); put(ind, 'B6', r.project.deadweight, '0%');
  put(ind, 'A7', sv ? 'Avklingning per år' : 'Drop-off per year'); put(ind, 'B7', r.project.dropOff, '0%');
  put(ind, 'A8', sv ? 'Deltagare (viktat)' : 'Participants (weighted)'); put(ind, 'B8', r.participants);
  header(ind, 10, [sv ? 'År' : 'Year', sv ? 'Faktor (1−avklingning)^(t−1)/(1+r)^(t−1)' : 'Factor (1−drop-off)^(t−1)/(1+r)^(t−1)']);
  const factorRow = (y: number) => 10 + y;
  for (let y = 1; y <= H; y++) {
    put(ind, `A${factorRow(y)}`, y);
    put(ind, `B${factorRow(y)}`, { formula: `(1-$B$${P.dropOff})^(A${factorRow(y)}-1)/(1+$B$${P.rate})^(A${factorRow(y)}-1)`, result: (1 - r.project.dropOff) ** (y - 1) / (1 + r.project.discountRate) ** (y - 1) }, '0.0000');
  }
  const factors = `Indata!$B$${factorRow(1)}:$B$${factorRow(H)}`;
  let factorSum = 0;
  for (let y = 1; y <= H; y++) factorSum += (1 - r.project.dropOff) ** (y - 1) / (1 + r.project.discountRate) ** (y - 1);
  const actors = ledger.actors;
  const costHead = 12 + H;
  header(ind, costHead, [sv ? 'Kostnadsår' : 'Cost year', sv ? 'Belopp (kr)' : 'Amount (SEK)', ...actors.map((a) => `${sv ? 'Andel' : 'Share'} ${a}`)]);
  const costYears = project.cost.byYear ?? [{ year: 1, amount: project.cost.total ?? 0 }];
  costYears.forEach((y, i) => {
    const row = costHead + 1 + i;
    put(ind, `A${row}`, y.year);
    put(ind, `B${row}`, y.amount, KR);
    const shares = financingShares(catalog, ('financing' in y && y.financing) || project.cost.financing);
    actors.forEach((a, ai) => put(ind, `${col(2 + ai)}${row}`, shares[a] ?? 0, '0%'));
  });
  const costRow = costHead + 1 + costYears.length;
  put(ind, `A${costRow}`, sv ? 'Kostnad per aktör (nuvärde, kr)' : 'Cost per actor (present value, SEK)');
  ind.getCell(`A${costRow}`).font = { bold: true };
  const costCell: Record<string, string> = {};
  actors.forEach((a, ai) => {
    const c = col(2 + ai);
    const formula = costYears.map((_, i) => `$B$${costHead + 1 + i}*${c}${costHead + 1 + i}/(1+$B$${P.rate})^($A$${costHead + 1 + i}-1)`).join('+');
    put(ind, `${c}${costRow}`, { formula, result: r.actors[a]?.cost ?? 0 }, KR);
    costCell[a] = `Indata!$${c}$${costRow}`;
    ind.getColumn(3 + ai).width = 14;
  });

  // Katalogvärden: the unit costs the formulas point to.
  const kat = wb.addWorksheet(SHEETS.katalog, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(kat, 1, ['Id', sv ? 'Benämning' : 'Label', sv ? 'Värde' : 'Value', sv ? 'Enhet' : 'Unit', sv ? 'Prisår' : 'Price year', sv ? 'Basprisår' : 'Base price year', 'Status', sv ? 'Källa' : 'Source', sv ? 'Länk' : 'Link', sv ? 'Hämtad' : 'Retrieved'], [42, 40, 14, 10, 9, 11, 11, 50, 50, 11]);
  const priceCell = new Map<string, string>();
  r.used.forEach((u, i) => {
    const row = i + 2;
    put(kat, `A${row}`, u.id); put(kat, `B${row}`, u.label); put(kat, `C${row}`, u.value ?? (u.fields ? fieldsText(u.fields, lang) : null), u.value !== null && !Number.isInteger(u.value) ? '#,##0.0000' : '#,##0');
    put(kat, `D${row}`, u.unit); put(kat, `E${row}`, u.priceYear); put(kat, `F${row}`, u.basePriceYear ?? null);
    put(kat, `G${row}`, u.override ? t.catalogueTable.ownPrice : t.dataStatus[u.status]); put(kat, `H${row}`, u.source.title); put(kat, `I${row}`, u.source.href); put(kat, `J${row}`, u.source.retrieved);
    if (u.status === 'estimate') kat.getCell(`G${row}`).font = { bold: true, color: { argb: 'FFD55E00' } };
    priceCell.set(u.id, ref(SHEETS.katalog, abs(2, row)));
  });

  // Rader: every line of every participant; catalogue-priced lines get live amounts.
  const usedValue = new Map(r.used.flatMap((u) => (u.value === null ? [] : [[u.id, u.value] as const])));
  const linearOf = (line: Line): { perMonth: number; price: number } | null => {
    const it = catalog.items.get(line.item);
    if (!it || it.rule || (it.kind !== 'real' && it.kind !== 'transfer') || line.amountPerMonth !== undefined) return null;
    const price = usedValue.get(it.id);
    const perMonth = line.perMonth ?? (typeof it.defaultPerMonth === 'number' ? it.defaultPerMonth : usedValue.get(it.defaultPerMonth));
    return price === undefined || perMonth === undefined ? null : { perMonth, price };
  };
  const lines: LinearLine[] = [];
  for (const p of project.participants) {
    for (const when of ['fore', 'efter'] as const) {
      for (const line of p[when].lines) {
        const lin = linearOf(line);
        if (lin) lines.push({ participant: p.id, weight: p.weight, when, line, months: p[when].months, perMonth: lin.perMonth, extent: line.extent ?? 1, price: lin.price });
      }
    }
  }
  const volumeOf = (l: LinearLine) => (l.line.months * l.perMonth * l.extent * 12) / l.months;
  const ruleNote = sv ? 'beräknas av regel, lön, skatt eller angivet belopp (se Poster)' : 'computed by a rule, wage, tax or explicit amount (see Poster)';
  const rad = wb.addWorksheet(SHEETS.rader, { views: [{ state: 'frozen', ySplit: 1 }] });
  let row = 2;
  // Column letters of Rader that Poster's SUMIFS reads: situation, item and weighted amount.
  let RC: { when: string; item: string; amount: string };
  if (w.participantRows) {
    header(rad, 1, [sv ? 'Deltagare' : 'Participant', sv ? 'Vikt' : 'Weight', sv ? 'Läge' : 'Situation', sv ? 'Post' : 'Item', sv ? 'Månader' : 'Months', sv ? 'Antal per månad' : 'Quantity per month', sv ? 'Omfattning' : 'Extent', sv ? 'Situationens månader' : 'Situation months', sv ? 'Volym per år' : 'Volume per year', sv ? 'À-pris (kr)' : 'Unit price (SEK)', sv ? 'Belopp per år, viktat (kr)' : 'Amount per year, weighted (SEK)', sv ? 'Anmärkning' : 'Note'], [14, 7, 8, 40, 9, 10, 11, 11, 12, 12, 16, 44]);
    RC = { when: 'C', item: 'D', amount: 'K' };
    for (const p of project.participants) {
      for (const when of ['fore', 'efter'] as const) {
        const sit = p[when];
        for (const line of sit.lines) {
          const id = line.item === 'egen' ? `egen:${line.label ?? 'egen'}` : line.item;
          put(rad, `A${row}`, p.id); put(rad, `B${row}`, p.weight); put(rad, `C${row}`, when); put(rad, `D${row}`, id); put(rad, `E${row}`, line.months);
          put(rad, `H${row}`, sit.months);
          const lin = linearOf(line);
          if (lin) {
            const extent = line.extent ?? 1;
            put(rad, `F${row}`, lin.perMonth); put(rad, `G${row}`, extent);
            const vol = (line.months * lin.perMonth * extent * 12) / sit.months;
            put(rad, `I${row}`, { formula: `E${row}*F${row}*G${row}*12/H${row}`, result: vol }, '#,##0.00');
            put(rad, `J${row}`, { formula: priceCell.get(catalog.items.get(line.item)!.id)!, result: lin.price }, '#,##0');
            put(rad, `K${row}`, { formula: `B${row}*I${row}*J${row}`, result: p.weight * vol * lin.price }, KR);
          } else {
            if (line.perMonth !== undefined) put(rad, `F${row}`, line.perMonth);
            if (line.extent !== undefined) put(rad, `G${row}`, line.extent);
            put(rad, `L${row}`, ruleNote);
          }
          row++;
        }
      }
    }
  } else {
    // Situation × item: the weighted volume of every catalogue-priced line summed, times the live
    // unit price; participants counted by weight, shown only at or above the disclosure threshold.
    header(rad, 1, [sv ? 'Läge' : 'Situation', sv ? 'Post' : 'Item', sv ? 'Deltagare (viktat)' : 'Participants (weighted)', sv ? 'Volym per år, viktad' : 'Volume per year, weighted', sv ? 'À-pris (kr)' : 'Unit price (SEK)', sv ? 'Belopp per år, viktat (kr)' : 'Amount per year, weighted (SEK)', sv ? 'Anmärkning' : 'Note'], [8, 40, 12, 14, 12, 16, 44]);
    RC = { when: 'A', item: 'B', amount: 'F' };
    interface Group { when: 'fore' | 'efter'; id: string; item: string; linear: boolean; ruled: boolean; people: Map<string, number>; volume: number; amount: number; price: number }
    const groups = new Map<string, Group>();
    for (const p of project.participants) {
      for (const when of ['fore', 'efter'] as const) {
        for (const line of p[when].lines) {
          const id = line.item === 'egen' ? `egen:${line.label ?? 'egen'}` : line.item;
          const lin = linearOf(line);
          const k = `${when}\u0000${id}`;
          const g = groups.get(k) ?? { when, id, item: line.item, linear: false, ruled: false, people: new Map(), volume: 0, amount: 0, price: 0 };
          g.people.set(p.id, p.weight);
          if (lin) {
            const vol = (line.months * lin.perMonth * (line.extent ?? 1) * 12) / p[when].months;
            g.linear = true;
            g.price = lin.price;
            g.volume += p.weight * vol;
            g.amount += p.weight * vol * lin.price;
          } else g.ruled = true;
          groups.set(k, g);
        }
      }
    }
    const threshold = project.disclosureThreshold;
    for (const g of groups.values()) {
      const n = [...g.people.values()].reduce((a, b) => a + b, 0);
      put(rad, `A${row}`, g.when); put(rad, `B${row}`, g.id);
      put(rad, `C${row}`, n >= threshold ? n : `< ${threshold}`);
      if (g.linear) {
        put(rad, `D${row}`, g.volume, '#,##0.00');
        put(rad, `E${row}`, { formula: priceCell.get(catalog.items.get(g.item)!.id)!, result: g.price }, '#,##0');
        put(rad, `F${row}`, { formula: `D${row}*E${row}`, result: g.amount }, KR);
      }
      if (g.ruled) put(rad, `G${row}`, g.linear ? (sv ? 'delvis: ' : 'partly: ') + ruleNote : ruleNote);
      row++;
    }
  }
  const lastRad = Math.max(2, row - 1);
  const radRange = (c: string) => `${ref(SHEETS.rader, `$${c}$2:$${c}$${lastRad}`)}`;

  // Poster: item × actor × category. A payer's or receiver's row of a catalogue item sums the live
  // amounts of its catalogue-priced lines (Rader) plus what other lines of the item gave (a value).
  const pos = wb.addWorksheet(SHEETS.poster, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(pos, 1, [sv ? 'Post' : 'Item', sv ? 'Benämning' : 'Label', sv ? 'Aktör' : 'Actor', sv ? 'Kategori' : 'Category', `${t.fore} (kr/år)`, `${t.efter} (kr/år)`, sv ? 'Jämförelsegruppens förändring' : 'Comparison group change', sv ? 'Årlig effekt (kr/år)' : 'Annual effect (SEK/yr)', sv ? 'Före: ej à-prissatt' : 'Before: not unit-priced', sv ? 'Efter: ej à-prissatt' : 'After: not unit-priced', sv ? 'Källa' : 'Source'], [40, 36, 16, 12, 14, 14, 14, 16, 14, 14, 44]);
  const tiny = (x: number, scale: number) => Math.abs(x) <= 1e-9 * Math.max(1, Math.abs(scale));
  r.items.forEach((x, i) => {
    const rr = i + 2;
    put(pos, `A${rr}`, x.item); put(pos, `B${rr}`, x.label); put(pos, `C${rr}`, x.actor); put(pos, `D${rr}`, t.categories[x.category]);
    const it = catalog.items.get(x.item);
    let sign = 0;
    if (it && (it.kind === 'real' || it.kind === 'transfer') && x.category === it.category) sign = x.actor === it.payer ? -1 : x.actor === it.receiver && it.kind === 'transfer' ? 1 : 0;
    const sumOf = (when: 'fore' | 'efter') => lines.filter((l) => l.line.item === x.item && l.when === when).reduce((s, l) => s + l.weight * volumeOf(l) * l.price, 0);
    const hasLive = sign !== 0 && lines.some((l) => l.line.item === x.item);
    if (hasLive) {
      const side = (when: 'fore' | 'efter', c: string, restCol: string, engine: number) => {
        const liveSum = sign * sumOf(when);
        const rest = tiny(engine - liveSum, engine) ? 0 : engine - liveSum;
        put(pos, `${restCol}${rr}`, rest, KR);
        put(pos, `${c}${rr}`, { formula: `${sign < 0 ? '-' : ''}SUMIFS(${radRange(RC.amount)},${radRange(RC.item)},$A${rr},${radRange(RC.when)},"${when}")+${restCol}${rr}`, result: engine }, KR);
      };
      side('fore', 'E', 'I', x.fore);
      side('efter', 'F', 'J', x.efter);
      put(pos, `K${rr}`, sv ? 'volym × à-pris (Rader) + ej à-prissatt' : 'volume × unit price (Rader) + not unit-priced');
    } else {
      put(pos, `E${rr}`, x.fore, KR); put(pos, `F${rr}`, x.efter, KR);
      put(pos, `K${rr}`, sv ? 'motorn (regel, lön, skatt eller angivet belopp)' : 'engine (rule, wage, tax or explicit amount)');
    }
    const dw = r.project.deadweight;
    const g = ledger.comparison && dw < 1 ? (x.efter - x.fore) - x.delta / (1 - dw) : 0;
    put(pos, `G${rr}`, g, KR);
    put(pos, `H${rr}`, { formula: `(F${rr}-E${rr}-G${rr})*(1-Indata!$B$${P.deadweight})`, result: x.delta }, KR);
  });
  const lastPos = Math.max(2, r.items.length + 1);
  const posRange = (c: string) => `${ref(SHEETS.poster, `$${c}$2:$${c}$${lastPos}`)}`;

  // Deltagare (participant rows only): each participant's annual net position per actor (unweighted).
  if (w.participantRows) {
  const del = wb.addWorksheet(SHEETS.deltagare, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(del, 1, [sv ? 'Deltagare' : 'Participant', sv ? 'Vikt' : 'Weight', sv ? 'Aktör' : 'Actor', `${t.fore} (kr/år)`, `${t.efter} (kr/år)`, sv ? 'Förändring (kr/år)' : 'Change (SEK/yr)'], [14, 7, 18, 14, 14, 16]);
  let dr = 2;
  const rows = ledger.rows;
  rows.ids.forEach((id, pi) => {
    actors.forEach((a, ai) => {
      const f = rows.actorFore[pi * actors.length + ai], e = rows.actorEfter[pi * actors.length + ai];
      if (f === 0 && e === 0) return;
      put(del, `A${dr}`, id); put(del, `B${dr}`, rows.weights[pi]); put(del, `C${dr}`, a); put(del, `D${dr}`, f, KR); put(del, `E${dr}`, e, KR);
      put(del, `F${dr}`, { formula: `E${dr}-D${dr}`, result: e - f }, KR);
      dr++;
    });
  });
  }

  // Resultat: per actor and group, live from Poster and Indata.
  const res = wb.addWorksheet(SHEETS.resultat, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(res, 1, ['Id', t.actor, `${t.annualEffect} (kr)`, `${t.cost} (kr)`, `${t.benefit} 1 ${t.year}`, `${t.net} 1 ${t.year}`, `${t.benefit} ${H} ${t.years}`, `${t.net} ${H} ${t.years}`, t.status, t.simpleMonths], [18, 22, 16, 14, 16, 16, 16, 16, 16, 14]);
  const rowOf = new Map<string, number>();
  const HS = String(H);
  // Follow-up years (method §5.1): column K holds what the observed years 2–3 add over H years
  // beyond the year-1 effect × the factors (the engine's figure; members sum to a group's).
  const later = r.followUpYears !== undefined;
  if (later) {
    put(res, 'K1', sv ? `Tillägg uppföljningsår ${H} år (kr)` : `Follow-up years addition ${H} years (SEK)`);
    res.getCell('K1').font = { bold: true };
    res.getColumn('K').width = 22;
  }
  const writeRow = (rr: number, a: Result['actors'][string], effect: string, cost: string, laterFormula?: string) => {
    put(res, `A${rr}`, a.id); put(res, `B${rr}`, sv ? a.label : a.labelEn);
    put(res, `C${rr}`, { formula: effect, result: a.annualEffect }, KR);
    put(res, `D${rr}`, { formula: cost, result: a.cost }, KR);
    put(res, `E${rr}`, { formula: `C${rr}*Indata!$B$${factorRow(1)}`, result: a.horizons['1'].benefit }, KR);
    put(res, `F${rr}`, { formula: `E${rr}-D${rr}`, result: a.horizons['1'].net }, KR);
    const extra = a.horizons[HS].benefit - a.annualEffect * factorSum;
    if (later) put(res, `K${rr}`, laterFormula ? { formula: laterFormula, result: extra } : extra, KR);
    put(res, `G${rr}`, { formula: `C${rr}*SUM(${factors})${later ? `+K${rr}` : ''}`, result: a.horizons[HS].benefit }, KR);
    put(res, `H${rr}`, { formula: `G${rr}-D${rr}`, result: a.horizons[HS].net }, KR);
    put(res, `I${rr}`, a.payback.status === 'months' && a.annualEffect >= 0 ? a.payback.months : paybackText(a.payback, H, lang, a.annualEffect));
    put(res, `J${rr}`, a.payback.simpleMonths);
  };
  let rr = 2;
  for (const a of actors) {
    const ar = r.actors[a];
    if (!ar) continue;
    writeRow(rr, ar, `SUMIFS(${posRange('H')},${posRange('C')},$A${rr})`, costCell[a]);
    rowOf.set(a, rr++);
  }
  for (const g of Object.values(r.groups)) {
    const members = g.members.map((m) => rowOf.get(m)).filter((x): x is number => x !== undefined);
    writeRow(rr, g, members.map((m) => `C${m}`).join('+') || '0', members.map((m) => `D${m}`).join('+') || '0', members.map((m) => `K${m}`).join('+') || '0');
    res.getRow(rr).font = { bold: true };
    rr++;
  }
  put(res, `A${rr + 1}`, sv
    ? 'Ändra ett à-pris på bladet Katalogvärden (kolumn C) så räknas Rader, Poster och Resultat om. Belopp som motorn beräknar med regler (löner, regelstyrda ersättningar, inkomstskatt, angivna belopp) och återbetalningstiden (kolumn I) är värden och räknas inte om.'
    : 'Change a unit price on the Katalogvärden sheet (column C) and Rader, Poster and Resultat recalculate. Amounts the engine computes by rules (wages, rule-based benefits, income tax, explicit amounts) and the payback period (column I) are values and do not recalculate.');

  if (w.participantRows) {
    // Every sheet says it is internal: in its header row, in print and by a red tab.
    const mark = INTERNAL_MARK[lang];
    wb.eachSheet((ws) => {
      const c = ws.getCell(1, Math.max(ws.getRow(1).cellCount, 1) + 2);
      c.value = mark.toUpperCase();
      c.font = { bold: true, color: { argb: 'FFC00000' } };
      ws.headerFooter = { oddHeader: `&C&"-,Bold"&KC00000${mark}`, oddFooter: `&C${mark}` };
      ws.properties.tabColor = { argb: 'FFC00000' };
    });
  }

  const buf = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buf as ArrayBuffer), w.datum);
}

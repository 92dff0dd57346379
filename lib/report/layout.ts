/**
 * The report's one section layout (issue 12 item 7): every section — its id, its heading (a key
 * of `text(lang).sections`) and its content blocks in order — read by both the HTML and the
 * Markdown renderer, so the two formats cannot drift. A renderer only says how to draw a block.
 *
 * Adding a section (e.g. the member kommuner's): either a fixed entry in `REPORT_LAYOUT` (id and
 * heading in text.ts's `SECTION_IDS` and `sections`), or — for a section shown only when the model
 * has its tables — an entry in `OPTIONAL_SECTIONS` naming the section it follows and the id prefix
 * of its tables. Tables built elsewhere can also join a fixed section through `ReportTable.section`.
 */
import type { ReportModel, ReportTable } from './model.js';
import { REFERENCE_TABLE_ID } from './reference-values.js';
import { text, type ChartId, type SectionId } from './text.js';

/** One piece of a section's content. */
export type Block =
  /** The three key figures (page one). */
  | { kind: 'keyFigures' }
  /** The answer in a few sentences (page one). */
  | { kind: 'sentences' }
  /** The upper-bound callout of a before/after design (a slot even when not shown). */
  | { kind: 'upperBound' }
  /** What a forecast rests on; absent (not an empty slot) for an evaluation. */
  | { kind: 'basis' }
  /** "Att observera": the result's warnings. */
  | { kind: 'warnings' }
  /** The project's free-text description. */
  | { kind: 'description' }
  /**
   * A model table by id; `caption: false` when the section heading says it all. An absent table
   * leaves an empty slot (a blank line in the HTML) unless `optional`, when it leaves nothing.
   */
  | { kind: 'table'; id: string; caption: boolean; optional?: boolean }
  /** The table for the horizon H (`<prefix>H`), only when H > 1 (the 1-year table is its own block). */
  | { kind: 'horizonTable'; prefix: string }
  /** Every model table whose id starts with `prefix`, captioned, in model order. */
  | { kind: 'tables'; prefix: string }
  /** A chart by id. */
  | { kind: 'chart'; id: ChartId }
  /** The method appendix's fixed prose. */
  | { kind: 'method' };

/** A section of the layout: id (the HTML anchor), heading key and blocks. */
export interface SectionLayout {
  id: SectionId;
  heading: SectionId;
  blocks: readonly Block[];
}

const table = (id: string, caption = true, optional = false): Block => (optional ? { kind: 'table', id, caption, optional } : { kind: 'table', id, caption });
const chart = (id: ChartId): Block => ({ kind: 'chart', id });

/** The fixed sections, in report order (issue 4). */
export const REPORT_LAYOUT: readonly SectionLayout[] = [
  { id: 'sammanfattning', heading: 'sammanfattning', blocks: [{ kind: 'keyFigures' }, { kind: 'sentences' }, table('finansiarer'), { kind: 'upperBound' }, { kind: 'basis' }, { kind: 'warnings' }] },
  { id: 'antaganden', heading: 'antaganden', blocks: [{ kind: 'description' }, table('antaganden', false)] },
  { id: 'deltagare', heading: 'deltagare', blocks: [{ kind: 'tables', prefix: 'deltagare-' }] },
  { id: 'potential', heading: 'potential', blocks: [table('potential', false)] },
  { id: 'lonsamhet', heading: 'lonsamhet', blocks: [table('lonsamhet-1'), { kind: 'horizonTable', prefix: 'lonsamhet-' }, chart('kumulativt-netto')] },
  { id: 'aterbetalningstid', heading: 'aterbetalningstid', blocks: [chart('aterbetalningstid'), table('aterbetalningstid', false)] },
  { id: 'kostnadsforskjutningar', heading: 'kostnadsforskjutningar', blocks: [table('kostnadsforskjutningar', false), chart('vattenfall'), chart('vem-betalar'), table('poster')] },
  { id: 'kanslighet', heading: 'kanslighet', blocks: [table('kanslighet', false)] },
  { id: 'katalog', heading: 'katalog', blocks: [table('katalog', false), table('egna-priser', true, true)] },
  { id: 'metod', heading: 'metod', blocks: [{ kind: 'method' }] },
];

/**
 * A section shown only when the model has tables whose id starts with `tablePrefix`, placed after
 * the section `after`. Its heading is the first table's title; a single table is drawn without its
 * own caption. The hook for sections that other modules add (member kommuner, references).
 */
export interface OptionalSection {
  id: string;
  after: string;
  tablePrefix: string;
}

/** "Jämförande värden" (issue 15) after the sensitivity section, when the references are given. */
export const OPTIONAL_SECTIONS: OptionalSection[] = [
  { id: REFERENCE_TABLE_ID, after: 'kanslighet', tablePrefix: REFERENCE_TABLE_ID },
];

/** A section as rendered: id, numbered heading text, the blocks and the extra tables appended to it. */
export interface LaidOutSection {
  id: string;
  title: string;
  blocks: readonly Block[];
  /** Tables built elsewhere that name this section (`ReportTable.section`), captioned, after the blocks. */
  extra: ReportTable[];
}

/** Resolves a table block to the model's tables (none when absent). */
export function blockTables(m: Pick<ReportModel, 'tables' | 'horizonYears'>, b: Block): ReportTable[] | undefined {
  if (b.kind === 'table') return m.tables.filter((x) => x.id === b.id).slice(0, 1);
  if (b.kind === 'horizonTable') return m.horizonYears > 1 ? m.tables.filter((x) => x.id === `${b.prefix}${m.horizonYears}`).slice(0, 1) : [];
  if (b.kind === 'tables') return m.tables.filter((x) => x.id.startsWith(b.prefix));
  return undefined;
}

/** The report's sections for a model, in order: the fixed layout plus the optional sections present. */
export function layoutSections(m: Pick<ReportModel, 'tables' | 'lang' | 'sectionTitles'>): LaidOutSection[] {
  const t = text(m.lang);
  const out: LaidOutSection[] = REPORT_LAYOUT.map((s) => ({
    id: s.id, title: m.sectionTitles?.[s.heading] ?? t.sections[s.heading], blocks: s.blocks,
    extra: m.tables.filter((x) => x.section === s.id),
  }));
  for (const o of OPTIONAL_SECTIONS) {
    const tables = m.tables.filter((x) => x.id.startsWith(o.tablePrefix));
    if (!tables.length) continue;
    const at = out.findIndex((x) => x.id === o.after) + 1;
    const blocks: Block[] = tables.length === 1 ? [table(tables[0].id, false)] : [{ kind: 'tables', prefix: o.tablePrefix }];
    out.splice(at > 0 ? at : out.length, 0, { id: o.id, title: tables[0].title, blocks, extra: [] });
  }
  return out;
}

/** Whether an absent block leaves no slot at all (the forecast basis, optional tables). */
export const vanishesWhenEmpty = (b: Block): boolean => b.kind === 'basis' || (b.kind === 'table' && b.optional === true);

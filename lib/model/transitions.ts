/**
 * Aggregated input (method §10; reference/sus.md §6 "försörjningskällor efter, given källa före"):
 * a transition table `forsorjning_fore; forsorjning_efter; antal` (optionally split by `kon` or
 * `aldersgrupp`) becomes one typfall per row with weight = antal. Each försörjning category maps to
 * catalogue lines (months, visits; never amounts) from `data/mappings/transitions.yaml`, which the
 * project file's `mapping:` can override or extend. For förbund that hold no participant-level
 * data (Finsam law gives them no basis to process personal data about participants).
 */
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../catalog/types.js';
import type { Problem } from '../util/errors.js';
import type { FileSource } from './file-source.js';
import { protectTable, type Note, type ParticipantOrigin, type RowCount } from './participants-file.js';
import { KON_EXPECTED, parseKon } from './attributes.js';
import { RowProblems, resolveColumns, type ColumnSpec } from './tabular/columns.js';
import { normalizeHeader } from './tabular/normalize-header.js';
import { parseNumber } from './tabular/parse-number.js';
import { readTableFile } from './tabular/read-table-file.js';
import { isBlank, type Cell, type Table } from './tabular/table.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One försörjning category and the catalogue lines that price it over `months`. */
export interface TransitionCategory {
  id: string;
  label: string;
  labelEn: string;
  /** Normalised labels that mean this category in a table (the id is always one). */
  aliases: string[];
  note?: string;
  /** Lines in project format (`{ item, months, perMonth?, … }`). */
  lines: Obj[];
}

/** The category mapping: observation months per situation and the categories. */
export interface TransitionMapping {
  months: number;
  categories: Map<string, TransitionCategory>;
}

/** Columns of a transition table and their accepted header spellings (normalised). */
export const TRANSITION_COLUMNS: ColumnSpec = {
  forsorjning_fore: ['forsorjning_fore', 'forsorjningskalla_fore', 'kalla_fore', 'fore'],
  forsorjning_efter: ['forsorjning_efter', 'forsorjningskalla_efter', 'kalla_efter', 'efter'],
  antal: ['antal', 'antal_deltagare', 'n', 'count'],
  kon: ['kon', 'gender', 'sex'],
  aldersgrupp: ['aldersgrupp', 'alder', 'age_group'],
};


/** Age used for a typfall whose group has no upper bound (`50+`). */
const OPEN_AGE_MAX = 66;

/**
 * Parses a mapping document (the bundled file, or a project's `mapping:` object as overrides).
 * @param base categories to extend; a category given again replaces the base one's lines
 */
export function parseMapping(doc: unknown, file: string, pathPrefix: string, base?: TransitionMapping): { mapping: TransitionMapping; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (path: string, sv: string, en: string, value?: unknown) => problems.push({ severity: 'error', file, path, sv, en, value });
  const mapping: TransitionMapping = { months: base?.months ?? 12, categories: new Map(base?.categories ?? []) };
  const cats = base ? doc : isObj(doc) ? doc.categories : undefined;
  if (!base && isObj(doc) && isObj(doc.metadata) && typeof doc.metadata.months === 'number') mapping.months = doc.metadata.months;
  if (!isObj(cats)) {
    err(pathPrefix, 'ska vara en tabell kategori → { lines: [...] }', 'must be a map category → { lines: [...] }', cats);
    return { mapping, problems };
  }
  for (const [rawId, c] of Object.entries(cats)) {
    const id = normalizeHeader(rawId);
    const at = `${pathPrefix}${pathPrefix ? '.' : ''}${rawId}`;
    if (!isObj(c)) {
      err(at, 'ska vara { lines: [...], label?, aliases? }', 'must be { lines: [...], label?, aliases? }', c);
      continue;
    }
    for (const k of Object.keys(c)) if (!['label', 'label_en', 'aliases', 'note', 'lines'].includes(k)) err(`${at}.${k}`, 'okänd nyckel; tillåtna: label, label_en, aliases, note, lines', 'unknown key; allowed: label, label_en, aliases, note, lines', k);
    if (!Array.isArray(c.lines)) {
      err(`${at}.lines`, 'en lista med rader { item, months, … } krävs (tom lista = inga poster)', 'a list of lines { item, months, … } is required (empty list = no items)', c.lines);
      continue;
    }
    const prev = mapping.categories.get(id);
    const aliases = new Set([id, ...(prev?.aliases ?? []), ...(Array.isArray(c.aliases) ? c.aliases.map((a) => normalizeHeader(String(a))) : [])]);
    mapping.categories.set(id, {
      id,
      label: typeof c.label === 'string' ? c.label : prev?.label ?? rawId,
      labelEn: typeof c.label_en === 'string' ? c.label_en : prev?.labelEn ?? (typeof c.label === 'string' ? c.label : rawId),
      aliases: [...aliases],
      note: typeof c.note === 'string' ? c.note : prev?.note,
      lines: c.lines.map((l) => (isObj(l) ? { ...l } : l)) as Obj[],
    });
  }
  return { mapping, problems };
}

/**
 * Parses a mapping file's text (the bundled data/mappings/transitions.yaml; the CLI reads it
 * from disk, the notebooks get it as text). @throws Error when the file is broken
 */
export function parseMappingText(text: string, file: string): TransitionMapping {
  const { mapping, problems } = parseMapping(parseYaml(text), file, 'categories');
  if (problems.length) throw new Error(`${file}: ${problems.map((p) => `${p.path}: ${p.en}`).join('; ')}`);
  return mapping;
}

/** Finds a category by id or alias (labels are normalised like headers). */
export function findCategory(mapping: TransitionMapping, label: string): TransitionCategory | undefined {
  const k = normalizeHeader(label);
  for (const c of mapping.categories.values()) if (c.id === k || c.aliases.includes(k)) return c;
  return undefined;
}

/** Parses an age group such as `16–24`, `25-29 år`, `50+` or `-24` to a typfall age (the midpoint). */
export function ageFromGroup(text: string): { low: number; high: number; age: number } | undefined {
  const t = text.replace(/\s|år|ar|years?/gi, '').replace(/[–—]/g, '-');
  let m = /^(\d{1,3})-(\d{1,3})$/.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) return { low: Number(m[1]), high: Number(m[2]), age: Math.floor((Number(m[1]) + Number(m[2])) / 2) };
  m = /^(\d{1,3})\+$/.exec(t) ?? /^(?:over|över|>=?)(\d{1,3})$/i.exec(t);
  if (m) return { low: Number(m[1]), high: OPEN_AGE_MAX, age: Math.floor((Number(m[1]) + OPEN_AGE_MAX) / 2) };
  m = /^(?:-|under|<=?)(\d{1,3})$/i.exec(t);
  if (m) return { low: 16, high: Number(m[1]), age: Math.floor((16 + Number(m[1])) / 2) };
  return undefined;
}

export interface TransitionsResult {
  participants: Obj[];
  problems: Problem[];
  counts: RowCount[];
  origins: ParticipantOrigin[];
  notes: Note[];
}

export interface TransitionsOptions {
  /** The project's `mapping:` overrides. */
  mapping?: unknown;
  /** The project file (for problems about `mapping:` and inline `transitions:`). */
  projectFile?: string;
  /** The base mapping (the bundled one, see `loadTransitionMapping`), which `mapping` overrides. */
  baseMapping: TransitionMapping;
  /** Where a table file is read from. */
  files: FileSource;
  /** How file names appear in problems. */
  display?: (path: string) => string;
}

/**
 * Reads a transition table from a CSV/XLSX file, or from an inline list
 * `[{ forsorjning_fore, forsorjning_efter, antal, kon?, aldersgrupp? }]`, into typfall.
 * @example (await readTransitions('overgangar.csv', catalog, { baseMapping: loadTransitionMapping(), files: nodeFiles })).participants[0].weight // => antal of row 2
 */
export async function readTransitions(source: string | unknown[], catalog: Catalog, options: TransitionsOptions): Promise<TransitionsResult> {
  const problems: Problem[] = [];
  const projectFile = options.projectFile ?? 'projekt.yaml';
  let mapping = options.baseMapping;
  if (options.mapping !== undefined) {
    const r = parseMapping(options.mapping, projectFile, 'mapping', mapping);
    problems.push(...r.problems);
    mapping = r.mapping;
  }
  // Check the mapping's lines once, so a bad override is reported at its key path, not per row.
  for (const c of mapping.categories.values()) {
    c.lines.forEach((l, j) => {
      const at = `mapping.${c.id}.lines[${j}]`;
      if (!isObj(l)) return problems.push({ severity: 'error', file: projectFile, path: at, sv: 'ska vara { item, months, … }', en: 'must be { item, months, … }', value: l });
      if (typeof l.item !== 'string' || (l.item !== 'egen' && !catalog.items.has(l.item))) problems.push({ severity: 'error', file: projectFile, path: `${at}.item`, sv: 'okänd post (se `samnytta catalog list`)', en: 'unknown item (see `samnytta catalog list`)', value: l.item });
      if (typeof l.months === 'number' && l.months > mapping.months) problems.push({ severity: 'error', file: projectFile, path: `${at}.months`, sv: `högst ${mapping.months} månader`, en: `at most ${mapping.months} months`, value: l.months });
    });
  }

  let tables: Table[];
  // Personal data: refused in every sheet's headers, cells and name columns, including sheets not
  // read (no pseudonymisation: a transition table has no ids).
  const ignored = new Map<Table, Set<number>>();
  if (typeof source === 'string') {
    const read = await readTableFile(source, { files: options.files, headerKeys: [...TRANSITION_COLUMNS.forsorjning_fore, ...TRANSITION_COLUMNS.antal], display: options.display?.(source) });
    problems.push(...read.problems);
    for (const t of read.tables) ignored.set(t, protectTable(t, {}, problems));
    tables = read.tables.filter((t) => t.keys.some((k) => TRANSITION_COLUMNS.antal.includes(k)));
    if (read.tables.length > 0 && tables.length === 0) {
      problems.push({ severity: 'error', file: options.display?.(source) ?? source, path: '', sv: 'hittade ingen övergångstabell med kolumnerna forsorjning_fore, forsorjning_efter, antal; skapa en mall med `samnytta init --aggregerad`', en: 'found no transition table with columns forsorjning_fore, forsorjning_efter, antal; create a template with `samnytta init --aggregerad`' });
    }
  } else {
    tables = [inlineTable(source, projectFile)];
    ignored.set(tables[0], protectTable(tables[0], {}, problems));
  }

  const participants: Obj[] = [];
  const origins: ParticipantOrigin[] = [];
  const counts: RowCount[] = [];
  const unknownUsed = new Set<string>();
  for (const t of tables) {
    const cols = resolveColumns(t, TRANSITION_COLUMNS, ignored.get(t));
    problems.push(...cols.problems);
    for (const required of ['forsorjning_fore', 'forsorjning_efter', 'antal']) {
      if (!cols.index.has(required)) problems.push({ severity: 'error', file: t.file, sheet: t.sheet, row: t.headerRow, column: required, path: '', sv: `kolumnen ${required} saknas`, en: `column ${required} is missing` });
    }
    const rp = new RowProblems(t, cols.index);
    const columns = Object.fromEntries([...cols.index].map(([f, i]) => [f, t.headers[i] || f]));
    let used = 0;
    for (const r of t.rows) {
      const before = rp.errors;
      const side = (field: 'forsorjning_fore' | 'forsorjning_efter'): TransitionCategory[] | undefined => {
        const c = rp.cell(r, field);
        if (isBlank(c)) {
          rp.add('error', r, field, 'försörjningskategori saknas (t.ex. forsorjningsstod, sjukpenning, arbete, ingen_ersattning)', 'support category missing (e.g. forsorjningsstod, sjukpenning, arbete, ingen_ersattning)');
          return undefined;
        }
        const parts = String(c).split('+').map((s) => s.trim()).filter(Boolean);
        const found = parts.map((p) => findCategory(mapping, p));
        if (found.some((f) => !f)) {
          rp.add('error', r, field, `okänd försörjningskategori; kända: ${[...mapping.categories.keys()].join(', ')} (lägg till egna under mapping: i projektfilen)`, `unknown support category; known: ${[...mapping.categories.keys()].join(', ')} (add your own under mapping: in the project file)`, show(c));
          return undefined;
        }
        return found as TransitionCategory[];
      };
      const fore = side('forsorjning_fore');
      const efter = side('forsorjning_efter');
      const antalCell = rp.cell(r, 'antal');
      let antal: number | undefined;
      if (isBlank(antalCell)) rp.add('error', r, 'antal', 'antal deltagare krävs (ett heltal, 0 eller mer)', 'number of participants required (a whole number, 0 or more)');
      else {
        const n = parseNumber(antalCell);
        if (!n.ok || !Number.isInteger(n.value) || n.value < 0) rp.add('error', r, 'antal', 'antal ska vara ett heltal, 0 eller mer', 'antal must be a whole number, 0 or more', show(antalCell));
        else antal = n.value;
      }
      const attributes: Obj = {};
      const kon = rp.cell(r, 'kon');
      if (!isBlank(kon)) {
        const k = parseKon(kon);
        if (k) attributes.kon = k;
        else rp.add('error', r, 'kon', KON_EXPECTED.sv, KON_EXPECTED.en, show(kon));
      }
      const ag = rp.cell(r, 'aldersgrupp');
      if (!isBlank(ag)) {
        const a = ageFromGroup(String(show(ag)));
        if (a) attributes.alder = a.age;
        else rp.add('error', r, 'aldersgrupp', 'åldersgrupp anges som t.ex. 16–24, 25-29 eller 50+', 'age group is given as e.g. 16–24, 25-29 or 50+', show(ag));
      }
      if (rp.errors > before) continue;
      used++;
      if (antal === 0) continue;
      for (const c of [...fore!, ...efter!]) if (c.id === 'okand') unknownUsed.add(String(r.row));
      const label = (cs: TransitionCategory[]) => cs.map((c) => c.id).join('+');
      const lines = (cs: TransitionCategory[]) => cs.flatMap((c) => c.lines.map((l) => ({ ...l })));
      participants.push({
        id: `rad ${r.row}: ${label(fore!)} → ${label(efter!)}${attributes.kon ? ` ${attributes.kon}` : ''}${isBlank(ag) ? '' : ` ${String(show(ag))}`}`,
        weight: antal,
        attributes,
        fore: { months: mapping.months, lines: lines(fore!) },
        efter: { months: mapping.months, lines: lines(efter!) },
      });
      origins.push({ file: t.file, sheet: t.sheet, row: r.row, columns, lines: { fore: [], efter: [] } });
    }
    problems.push(...rp.items);
    counts.push({ kind: 'transitions', file: t.file, sheet: t.sheet, read: t.rows.length, used, rejected: t.rows.length - used });
  }
  if (unknownUsed.size) {
    problems.push({ severity: 'warning', file: tables[0]?.file ?? projectFile, path: '', sv: `kategorin okand prissätts inte (rad ${[...unknownUsed].join(', ')}); resultatet kan bli missvisande`, en: `the category okand is not priced (row ${[...unknownUsed].join(', ')}); the result may mislead` });
  }
  const read = counts.reduce((s, c) => s + c.read, 0);
  const used = counts.reduce((s, c) => s + c.used, 0);
  const notes: Note[] = counts.length ? [{ sv: `${read} rader lästa, ${used} använda, ${read - used} avvisade`, en: `${read} rows read, ${used} used, ${read - used} rejected` }] : [];
  notes.push({
    sv: 'aggregerad indata: varje rad blir ett typfall med vikt = antal; kategoriernas månader och vårdbesök är antaganden ur data/mappings/transitions.yaml (ändras under mapping: i projektfilen)',
    en: 'aggregated input: each row becomes a typfall with weight = antal; the categories\' months and care visits are assumptions from data/mappings/transitions.yaml (override under mapping: in the project file)',
  });
  return { participants, problems, counts, origins, notes };
}

const show = (c: Cell): unknown => (c instanceof Date ? c.toISOString().slice(0, 10) : c);

/** An inline `transitions:` list as a table (row n = list item n, 1-based). */
function inlineTable(list: unknown[], file: string): Table {
  const fields = Object.keys(TRANSITION_COLUMNS);
  const rows = (Array.isArray(list) ? list : []).map((o, i) => ({
    row: i + 1,
    cells: fields.map((f) => {
      const v = isObj(o) ? (o[f] ?? (f === 'forsorjning_fore' ? o.fore : f === 'forsorjning_efter' ? o.efter : undefined)) : undefined;
      return v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v);
    }),
  }));
  return { file, sheet: 'transitions', headers: fields, keys: fields, headerRow: 0, rows };
}

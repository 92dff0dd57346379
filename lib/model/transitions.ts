/**
 * Aggregated input (method §10; reference/sus.md §6 "försörjningskällor efter, given källa före"):
 * a transition table `forsorjning_fore; forsorjning_efter; antal` (optionally split by `kon` or
 * `aldersgrupp`) becomes one typfall per row with weight = antal. Each försörjning category maps to
 * catalogue lines (months, visits; never amounts) from `data/mappings/transitions.yaml` — read and
 * checked with the catalogue (`catalog.transitions`, lib/catalog/transitions.ts), never from disk
 * here — which the project file's `mapping:` can override or extend. For förbund that hold no participant-level
 * data (Finsam law gives them no basis to process personal data about participants).
 */
import type { Catalog } from '../catalog/types.js';
import { InputError, type Problem } from '../util/errors.js';
import type { FileSource } from './file-source.js';
import { protectTable, type Note, type ParticipantOrigin, type RowCount } from './participants-file.js';
import { KON_EXPECTED, parseKon } from './attributes.js';
import { RowProblems, resolveColumns, type ColumnSpec } from './tabular/columns.js';
import { normalizeHeader } from './tabular/normalize-header.js';
import { parseNumber } from './tabular/parse-number.js';
import { readTableFile } from './tabular/read-table-file.js';
import { isBlank, type Cell, type Table, type TableRow } from './tabular/table.js';

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
  andel: ['andel', 'andel_deltagare', 'share'],
  kon: ['kon', 'gender', 'sex'],
  aldersgrupp: ['aldersgrupp', 'alder', 'age_group'],
  uppfoljningsar: ['uppfoljningsar', 'uppfoljning', 'follow_up_year'],
};

/** Extra columns of a forecast plan's outcome table (lib/forecast): low and high share, evidence, source. */
export const PLAN_COLUMNS: ColumnSpec = {
  lag: ['lag', 'low', 'andel_lag', 'lagsta'],
  hog: ['hog', 'high', 'andel_hog', 'hogsta'],
  evidens: ['evidens', 'evidence', 'underlag'],
  kalla: ['kalla', 'source', 'kallhanvisning'],
};

/** Efter labels meaning "the same support as before" (the före lines are kept). */
const UNCHANGED = new Set(['oforandrad', 'oforandrat', 'samma', 'unchanged']);


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

const bundled = new WeakMap<Catalog, TransitionMapping>();

/**
 * The catalogue's transition mapping (data/mappings/transitions.yaml, checked by `parseCatalog`)
 * as a lookup structure.
 * @throws InputError when the catalogue has no mapping file
 */
export function bundledMapping(catalog: Catalog): TransitionMapping {
  let m = bundled.get(catalog);
  if (!m) {
    const src = catalog.transitions;
    if (!src) {
      throw new InputError([{ severity: 'error', file: 'data/mappings/transitions.yaml', path: '', sv: 'katalogen saknar mappningen för aggregerad indata (data/mappings/transitions.yaml)', en: 'the catalogue has no mapping for aggregated input (data/mappings/transitions.yaml)' }]);
    }
    m = parseMapping(src, `data/${src.file}`, 'categories').mapping;
    bundled.set(catalog, m);
  }
  return m;
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
  /** Plan mode: per outcome row its share, range and evidence; per target-group key its size and the index of its unchanged typfall. */
  shares?: PlanShare[];
  groups?: { fore: string; n: number; unchanged: number | null }[];
}

export interface TransitionsOptions {
  /** The project's `mapping:` overrides. */
  mapping?: unknown;
  /** The project file (for problems about `mapping:` and inline `transitions:`). */
  projectFile?: string;
  /** The base mapping, which `mapping` overrides (default: the catalogue's, `bundledMapping`). */
  baseMapping?: TransitionMapping;
  /** Where a table file is read from. */
  files: FileSource;
  /** How file names appear in problems. */
  display?: (path: string) => string;
  /**
   * A forecast's target group (lib/forecast): planned participants per före situation. With it a
   * row may give `andel` (share of that före group) instead of `antal`, and whoever is not moved
   * by a row stays in the före situation (an `oförändrad` typfall per group).
   */
  targetGroup?: { fore: string; n: number; path: string }[];
  /** Sheet name shown in problems about an inline list (default `transitions`). */
  inlineSheet?: string;
}

/** A forecast outcome row's share and evidence (plan mode only). */
export interface PlanShare {
  /** Index of the typfall in `participants`. */
  participant: number;
  /** Target-group key (före category ids joined by `+`) and the efter key. */
  fore: string;
  efter: string;
  /** Share of the före group (antal / n when the row gave a count). */
  share: number;
  low?: number;
  high?: number;
  evidence?: string;
  source?: string;
  file: string;
  sheet?: string;
  row: number;
}

/**
 * Reads a transition table from a CSV/XLSX file, or from an inline list
 * `[{ forsorjning_fore, forsorjning_efter, antal, kon?, aldersgrupp? }]`, into typfall.
 * @example (await readTransitions('overgangar.csv', catalog, { files: nodeFiles })).participants[0].weight // => antal of row 2
 */
export async function readTransitions(source: string | unknown[], catalog: Catalog, options: TransitionsOptions): Promise<TransitionsResult> {
  const problems: Problem[] = [];
  const projectFile = options.projectFile ?? 'projekt.yaml';
  let mapping = options.baseMapping ?? bundledMapping(catalog);
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

  const plan = options.targetGroup !== undefined;
  // A forecast's outcome rows have no follow-up years (their columns keep their letters).
  const { uppfoljningsar: _years, ...observed } = TRANSITION_COLUMNS;
  const spec: ColumnSpec = plan ? { ...observed, ...PLAN_COLUMNS } : TRANSITION_COLUMNS;
  const countKeys = [...TRANSITION_COLUMNS.antal, ...TRANSITION_COLUMNS.andel];
  const catKey = (cs: TransitionCategory[]) => cs.map((c) => c.id).join('+');
  // Plan mode: the target group's size per före key (category ids joined by +).
  const groups = new Map<string, { n: number; cats: TransitionCategory[]; sum: number; rows: number[]; file?: string; sheet?: string }>();
  for (const g of options.targetGroup ?? []) {
    const parts = g.fore.split('+').map((x) => x.trim()).filter(Boolean);
    const found = parts.map((x) => findCategory(mapping, x));
    if (parts.length === 0 || found.some((f) => !f)) {
      problems.push({ severity: 'error', file: projectFile, path: `${g.path}.fore`, sv: `okänd försörjningskategori; kända: ${[...mapping.categories.keys()].join(', ')}`, en: `unknown support category; known: ${[...mapping.categories.keys()].join(', ')}`, value: g.fore });
      continue;
    }
    const key = catKey(found as TransitionCategory[]);
    if (groups.has(key)) problems.push({ severity: 'error', file: projectFile, path: `${g.path}.fore`, sv: 'försörjningen före förekommer två gånger i målgruppen', en: 'the before-support appears twice in the target group', value: g.fore });
    else groups.set(key, { n: g.n, cats: found as TransitionCategory[], sum: 0, rows: [] });
  }
  const shares: PlanShare[] = [];

  let tables: Table[];
  // Personal data: refused in every sheet's headers, cells and name columns, including sheets not
  // read (no pseudonymisation: a transition table has no ids).
  const ignored = new Map<Table, Set<number>>();
  if (typeof source === 'string') {
    const read = await readTableFile(source, { files: options.files, headerKeys: [...TRANSITION_COLUMNS.forsorjning_fore, ...countKeys], display: options.display?.(source) });
    problems.push(...read.problems);
    for (const t of read.tables) ignored.set(t, protectTable(t, {}, problems));
    tables = read.tables.filter((t) => t.keys.some((k) => countKeys.includes(k)));
    if (read.tables.length > 0 && tables.length === 0) {
      problems.push({ severity: 'error', file: options.display?.(source) ?? source, path: '', sv: 'hittade ingen övergångstabell med kolumnerna forsorjning_fore, forsorjning_efter, antal; skapa en mall med `samnytta init --aggregerad`', en: 'found no transition table with columns forsorjning_fore, forsorjning_efter, antal; create a template with `samnytta init --aggregerad`' });
    }
  } else {
    tables = [inlineTable(source, projectFile, Object.keys(spec), options.inlineSheet)];
    ignored.set(tables[0], protectTable(tables[0], {}, problems));
  }

  const participants: Obj[] = [];
  const origins: ParticipantOrigin[] = [];
  const records: TransitionRecord[] = [];
  const counts: RowCount[] = [];
  const unknownUsed = new Set<string>();
  for (const t of tables) {
    const cols = resolveColumns(t, spec, ignored.get(t));
    problems.push(...cols.problems);
    for (const required of ['forsorjning_fore', 'forsorjning_efter', cols.index.has('andel') ? 'andel' : 'antal']) {
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
      const efterCell = rp.cell(r, 'forsorjning_efter');
      const efter = !isBlank(efterCell) && UNCHANGED.has(normalizeHeader(String(efterCell))) ? fore : side('forsorjning_efter');
      const antalCell = rp.cell(r, 'antal');
      const andelCell = rp.cell(r, 'andel');
      let antal: number | undefined;
      let andel: number | undefined;
      const shareCell = (field: string, c: Cell): number | undefined => {
        const n = parseNumber(c);
        if (!n.ok) rp.add('error', r, field, 'en andel mellan 0 och 1 krävs (t.ex. 0,25 eller 25 %)', 'a share between 0 and 1 is required (e.g. 0.25 or 25 %)', show(c));
        else if (n.value < 0) rp.add('error', r, field, 'andelen får inte vara negativ', 'the share must not be negative', show(c));
        else if (n.value > 1) rp.add('error', r, field, 'andelen är över 100 %; ange den mellan 0 och 1 (t.ex. 0,25 eller 25 %)', 'the share is above 100 %; give it between 0 and 1 (e.g. 0.25 or 25 %)', show(c));
        else return n.value;
        return undefined;
      };
      if (!isBlank(antalCell) && !isBlank(andelCell)) rp.add('error', r, 'andel', 'ange antal eller andel, inte båda', 'give antal or andel, not both', show(andelCell));
      else if (!isBlank(andelCell)) {
        andel = shareCell('andel', andelCell);
        if (andel !== undefined && !plan) {
          rp.add('error', r, 'andel', 'en andel kräver målgruppens antal per försörjning före: gör en prognos (kind: prognos, se samnytta prognos) eller ange antal', 'a share needs the target group\'s size per before-support: make a forecast (kind: prognos, see samnytta prognos) or give antal', show(andelCell));
          andel = undefined;
        }
      } else if (isBlank(antalCell)) rp.add('error', r, 'antal', plan ? 'antal eller andel krävs' : 'antal deltagare krävs (ett heltal, 0 eller mer)', plan ? 'antal or andel required' : 'number of participants required (a whole number, 0 or more)');
      else {
        const n = parseNumber(antalCell);
        // A plan's counts are expectations and may be fractional; an outcome's are whole people.
        if (!n.ok || (!plan && !Number.isInteger(n.value)) || n.value < 0) rp.add('error', r, 'antal', plan ? 'antal ska vara ett tal, 0 eller mer' : 'antal ska vara ett heltal, 0 eller mer', plan ? 'antal must be a number, 0 or more' : 'antal must be a whole number, 0 or more', show(antalCell));
        else antal = n.value;
      }
      let planShare: Omit<PlanShare, 'participant'> | undefined;
      if (plan && fore && efter && (antal !== undefined || andel !== undefined)) {
        const key = catKey(fore);
        const g = groups.get(key);
        if (!g) rp.add('error', r, 'forsorjning_fore', `försörjningen före finns inte i målgruppen (targetGroup); målgruppen har: ${[...groups.keys()].join(', ') || 'inga'}`, `the before-support is not in the target group (targetGroup); the target group has: ${[...groups.keys()].join(', ') || 'none'}`, key);
        else {
          const share = andel ?? (g.n > 0 ? antal! / g.n : 0);
          const low = isBlank(rp.cell(r, 'lag')) ? undefined : shareCell('lag', rp.cell(r, 'lag'));
          const high = isBlank(rp.cell(r, 'hog')) ? undefined : shareCell('hog', rp.cell(r, 'hog'));
          if ((low !== undefined && low > share + 1e-12) || (high !== undefined && high < share - 1e-12)) {
            rp.add('error', r, low !== undefined && low > share + 1e-12 ? 'lag' : 'hog', `lågt värde ≤ andel ≤ högt värde krävs (andelen är ${+share.toFixed(4)})`, `low ≤ share ≤ high is required (the share is ${+share.toFixed(4)})`, show(rp.cell(r, low !== undefined && low > share + 1e-12 ? 'lag' : 'hog')));
          }
          const ev = rp.cell(r, 'evidens');
          let evidence: string | undefined;
          if (!isBlank(ev)) {
            const key = normalizeHeader(String(ev));
            evidence = Object.hasOwn(EVIDENCE_ALIASES, key) ? EVIDENCE_ALIASES[key] : undefined; // not Object.prototype's
            if (!evidence) rp.add('error', r, 'evidens', `evidens anges som ${FORECAST_EVIDENCE.join(', ')} (egna tidigare resultat, publicerad utvärdering, antagande)`, `evidence is one of ${FORECAST_EVIDENCE.join(', ')} (own earlier results, published evaluation, assumption)`, show(ev));
          }
          const src = rp.cell(r, 'kalla');
          planShare = { fore: key, efter: catKey(efter), share, low, high, evidence, source: isBlank(src) ? undefined : String(show(src)), file: t.file, sheet: t.sheet, row: r.row };
          g.sum += share;
          g.rows.push(r.row);
          g.file ??= t.file;
          g.sheet ??= t.sheet;
        }
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
      const year = followUpYearCell(rp, r);
      if (rp.errors > before) continue;
      used++;
      const weight = planShare ? planShare.share * groups.get(planShare.fore)!.n : antal!;
      if (weight === 0 && !plan) continue;
      if (planShare) shares.push({ ...planShare, participant: records.length });
      for (const c of [...fore!, ...efter!]) if (c.id === 'okand') unknownUsed.add(String(r.row));
      const tail = `${attributes.kon ? ` ${attributes.kon}` : ''}${isBlank(ag) ? '' : ` ${String(show(ag))}`}`;
      records.push({
        key: `${catKey(fore!)}|${tail}`, year: year ?? 1, weight, row: r.row, fore: fore!, efter: efter!, tail, attributes,
        origin: { file: t.file, sheet: t.sheet, row: r.row, columns, lines: { fore: [], efter: [] } },
      });
    }
    problems.push(...rp.items);
    counts.push({ kind: 'transitions', file: t.file, sheet: t.sheet, read: t.rows.length, used, rejected: t.rows.length - used });
  }
  for (const t of typfallOf(records, mapping.months)) {
    participants.push(t.participant);
    origins.push(t.origin);
  }
  // Plan mode: shares per före group at most 100 %; whoever no row moves stays unchanged.
  const groupsOut: TransitionsResult['groups'] = plan ? [] : undefined;
  for (const [key, g] of groups) {
    if (g.sum > 1 + 1e-9) {
      problems.push({
        severity: 'error', file: g.file ?? projectFile, sheet: g.sheet, row: g.rows[0], column: 'andel', path: '',
        sv: `andelarna för försörjning före ${key} summerar till ${+(g.sum * 100).toFixed(2)} % (över 100 %) på rad ${g.rows.join(', ')}`,
        en: `the shares for before-support ${key} sum to ${+(g.sum * 100).toFixed(2)} % (above 100 %) on row ${g.rows.join(', ')}`,
      });
    }
    const lines = (cs: TransitionCategory[]) => cs.flatMap((c) => c.lines.map((l) => ({ ...l })));
    groupsOut!.push({ fore: key, n: g.n, unchanged: participants.length });
    participants.push({ id: `${key} → oförändrad`, weight: Math.max(0, g.n * (1 - g.sum)), attributes: {}, fore: { months: mapping.months, lines: lines(g.cats) }, efter: { months: mapping.months, lines: lines(g.cats) } });
    origins.push({ file: projectFile, row: 0, columns: {}, lines: { fore: [], efter: [] } });
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
  return { participants, problems, counts, origins, notes, ...(plan ? { shares, groups: groupsOut } : {}) };
}

/** One used row of a transition table, before it becomes typfall. */
interface TransitionRecord {
  /** Före categories, kön and åldersgrupp: rows of different follow-up years are paired within a key. */
  key: string;
  year: number;
  weight: number;
  row: number;
  fore: TransitionCategory[];
  efter: TransitionCategory[];
  tail: string;
  attributes: Obj;
  origin: ParticipantOrigin;
}

/**
 * The follow-up year of a transition row (column uppfoljningsar, method §5.1): blank = 1; 1, 2
 * or 3. A forecast's outcome rows have no such column (an unknown column there).
 */
function followUpYearCell(rp: RowProblems, r: TableRow): number | undefined {
  const c = rp.cell(r, 'uppfoljningsar');
  if (isBlank(c)) return 1;
  const n = parseNumber(c);
  const year = n.ok ? n.value : NaN;
  if (year !== 1 && year !== 2 && year !== 3) rp.add('error', r, 'uppfoljningsar', 'uppföljningsår ska vara 1, 2 eller 3 (tomt = 1)', 'the follow-up year must be 1, 2 or 3 (blank = 1)', show(c));
  else return year;
  return undefined;
}

const catLabel = (cs: TransitionCategory[]) => cs.map((c) => c.id).join('+');
const catLines = (cs: TransitionCategory[]) => cs.flatMap((c) => c.lines.map((l) => ({ ...l })));

/**
 * Typfall from the used rows. With only year-1 rows each row is one typfall. With rows for later
 * follow-up years (method §5.1), the tables of each year are marginals of the same cohort: within
 * each key (före, kön, åldersgrupp) the rows of successive years are paired in row order (the
 * north-west corner rule), so every typfall has one situation per observed year, the typfall of a
 * year sum to that year's table, and a year's effect is exactly its table's (the engine is linear
 * in the weights). Counts that differ between years leave typfall observed in fewer years.
 */
function typfallOf(records: TransitionRecord[], months: number): { participant: Obj; origin: ParticipantOrigin }[] {
  const situation = (cs: TransitionCategory[]) => ({ months, lines: catLines(cs) });
  if (records.every((r) => r.year === 1)) {
    return records.map((r) => ({
      participant: { id: `rad ${r.row}: ${catLabel(r.fore)} → ${catLabel(r.efter)}${r.tail}`, weight: r.weight, attributes: r.attributes, fore: situation(r.fore), efter: situation(r.efter) },
      origin: r.origin,
    }));
  }
  const EPS = 1e-9;
  const keys = [...new Set(records.map((r) => r.key))];
  const out: { participant: Obj; origin: ParticipantOrigin }[] = [];
  for (const key of keys) {
    const own = records.filter((r) => r.key === key);
    type Piece = { weight: number; by: Map<number, TransitionRecord> };
    let pieces: Piece[] = [];
    for (const year of [...new Set(own.map((r) => r.year))].sort((a, b) => a - b)) {
      const rows = own.filter((r) => r.year === year);
      const next: Piece[] = [];
      let i = 0, j = 0, pw = pieces[0]?.weight ?? 0, rw = rows[0]?.weight ?? 0;
      while (i < pieces.length && j < rows.length) {
        const m = Math.min(pw, rw);
        if (m > EPS) next.push({ weight: m, by: new Map([...pieces[i].by, [year, rows[j]]]) });
        pw -= m;
        rw -= m;
        if (pw <= EPS) pw = pieces[++i]?.weight ?? 0;
        if (rw <= EPS) rw = rows[++j]?.weight ?? 0;
      }
      for (; i < pieces.length; i++, pw = pieces[i]?.weight ?? 0) if (pw > EPS) next.push({ weight: pw, by: pieces[i].by });
      for (; j < rows.length; j++, rw = rows[j]?.weight ?? 0) if (rw > EPS) next.push({ weight: rw, by: new Map([[year, rows[j]]]) });
      pieces = next;
    }
    for (const piece of pieces) {
      const years = [...piece.by.keys()];
      const first = piece.by.get(years[0])!;
      const participant: Obj = {
        id: `rad ${years.map((y) => piece.by.get(y)!.row).join('+')}: ${catLabel(first.fore)} → ${years.map((y) => `${catLabel(piece.by.get(y)!.efter)} (år ${y})`).join(' → ')}${first.tail}`,
        weight: piece.weight, attributes: first.attributes, fore: situation(first.fore),
      };
      for (const y of years) participant[y === 1 ? 'efter' : `efter${y}`] = situation(piece.by.get(y)!.efter);
      out.push({ participant, origin: first.origin });
    }
  }
  return out;
}

/** Evidence levels of a forecast's outcome shares (lib/forecast/optimism.ts prices them). */
export const FORECAST_EVIDENCE = ['egna', 'publicerad', 'antagande'] as const;
export type ForecastEvidence = (typeof FORECAST_EVIDENCE)[number];
const EVIDENCE_ALIASES: Record<string, ForecastEvidence> = {
  egna: 'egna', egna_tidigare_resultat: 'egna', egen: 'egna', own: 'egna', own_results: 'egna',
  publicerad: 'publicerad', publicerad_utvardering: 'publicerad', utvardering: 'publicerad', published: 'publicerad', published_evaluation: 'publicerad',
  antagande: 'antagande', assumption: 'antagande', bedomning: 'antagande',
};

const show = (c: Cell): unknown => (c instanceof Date ? c.toISOString().slice(0, 10) : c);

/** An inline `transitions:` list as a table (row n = list item n, 1-based). */
function inlineTable(list: unknown[], file: string, fields: string[], sheet = 'transitions'): Table {
  const rows = (Array.isArray(list) ? list : []).map((o, i) => ({
    row: i + 1,
    cells: fields.map((f) => {
      const v = isObj(o) ? (o[f] ?? (f === 'forsorjning_fore' ? o.fore : f === 'forsorjning_efter' ? o.efter : undefined)) : undefined;
      return v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v);
    }),
  }));
  return { file, sheet, headers: fields, keys: fields, headerRow: 0, rows };
}

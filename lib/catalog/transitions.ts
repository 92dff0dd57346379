/**
 * The bundled transition mapping (data/mappings/transitions.yaml): försörjning categories of an
 * aggregated transition table → catalogue lines. Read and checked with the rest of the catalogue
 * (issue 12 item 8): an unknown key, item or out-of-range number is a catalogue error naming
 * file, path and, for a misspelling, the closest valid name. lib/model/transitions.ts builds the
 * lookup structure from it and applies a project's `mapping:` overrides.
 */
import { closest } from '../util/closest.js';
import type { ProblemList } from '../util/errors.js';
import { optionProblems } from './rule-specs.js';
import type { Catalog, TransitionMappingSource } from './types.js';

/** The one mapping file the catalogue knows. */
export const MAPPING_FILE = 'mappings/transitions.yaml';

const FILE_KEYS = ['description', 'metadata', 'categories'];
const METADATA_KEYS = ['months', 'reviewed', 'status', 'basis', 'source'];
const CATEGORY_KEYS = ['label', 'label_en', 'aliases', 'note', 'lines'];
/** Lines give months and quantities; amounts always come from the catalogue's items. */
const LINE_KEYS = ['item', 'months', 'perMonth', 'extent', 'wage', 'options'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(o: Obj, allowed: readonly string[], p: ProblemList, prefix: string): void {
  for (const k of Object.keys(o)) {
    if (allowed.includes(k)) continue;
    const c = closest(k, allowed);
    p.error(`${prefix}${k}`, `okänd nyckel${c ? ` (menade du ${c}?)` : ''}; tillåtna: ${allowed.join(', ')}`, `unknown key${c ? ` (did you mean ${c}?)` : ''}; allowed: ${allowed.join(', ')}`, k);
  }
}

/**
 * Reads the mapping document into `catalog.transitions`, checking its shape. Lines are checked
 * against the items by `checkTransitionLines` once every item is read.
 */
export function readTransitionMapping(doc: unknown, p: ProblemList, catalog: Catalog, file: string): void {
  if (!isObj(doc)) {
    p.error('', 'ska vara ett objekt { description, metadata: { months }, categories }', 'must be an object { description, metadata: { months }, categories }', doc);
    return;
  }
  unknownKeys(doc, FILE_KEYS, p, '');
  let months = 12;
  if (doc.metadata !== undefined) {
    if (!isObj(doc.metadata)) p.error('metadata', 'ska vara ett objekt', 'must be an object', doc.metadata);
    else {
      unknownKeys(doc.metadata, METADATA_KEYS, p, 'metadata.');
      const m = doc.metadata.months;
      if (m !== undefined && (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 120)) p.error('metadata.months', 'observationstid i hela månader 1–120 krävs', 'observation time in whole months 1–120 required', m);
      else if (typeof m === 'number') months = m;
    }
  }
  if (!isObj(doc.categories)) {
    p.error('categories', 'ska vara en tabell kategori → { label, lines: [...] }', 'must be a map category → { label, lines: [...] }', doc.categories);
    return;
  }
  const categories: TransitionMappingSource['categories'] = {};
  for (const [id, c] of Object.entries(doc.categories)) {
    const at = `categories.${id}`;
    if (!isObj(c)) {
      p.error(at, 'ska vara { label, lines: [...] }', 'must be { label, lines: [...] }', c);
      continue;
    }
    unknownKeys(c, CATEGORY_KEYS, p, `${at}.`);
    for (const k of ['label', 'label_en', 'note'] as const) if (c[k] !== undefined && typeof c[k] !== 'string') p.error(`${at}.${k}`, 'text krävs', 'text required', c[k]);
    if (c.aliases !== undefined && (!Array.isArray(c.aliases) || c.aliases.some((a) => typeof a !== 'string'))) p.error(`${at}.aliases`, 'en lista med etiketter krävs', 'a list of labels is required', c.aliases);
    if (!Array.isArray(c.lines)) {
      p.error(`${at}.lines`, 'en lista med rader { item, months, … } krävs (tom lista = inga poster)', 'a list of lines { item, months, … } is required (empty list = no items)', c.lines);
      continue;
    }
    c.lines.forEach((l, j) => {
      if (!isObj(l)) p.error(`${at}.lines[${j}]`, 'ska vara { item, months, perMonth?, extent?, wage? }', 'must be { item, months, perMonth?, extent?, wage? }', l);
      else unknownKeys(l, LINE_KEYS, p, `${at}.lines[${j}].`);
    });
    categories[id] = c as TransitionMappingSource['categories'][string];
  }
  catalog.transitions = { file, metadata: { months }, categories };
}

/** Checks the mapping's lines against the catalogue's items: item ids, months and quantities. */
export function checkTransitionLines(catalog: Catalog, p: ProblemList): void {
  const m = catalog.transitions;
  if (!m) return;
  const ids = [...catalog.items.keys()];
  for (const [id, c] of Object.entries(m.categories)) {
    c.lines.forEach((l: unknown, j: number) => {
      if (!isObj(l)) return;
      const at = `categories.${id}.lines[${j}]`;
      if (typeof l.item !== 'string' || !catalog.items.has(l.item)) {
        const hint = typeof l.item === 'string' ? closest(l.item, ids) : undefined;
        p.error(`${at}.item`, `okänd post${hint ? ` (menade du ${hint}?)` : ''}; se \`samnytta catalog list\``, `unknown item${hint ? ` (did you mean ${hint}?)` : ''}; see \`samnytta catalog list\``, l.item);
      }
      if (typeof l.months !== 'number' || !(l.months > 0) || l.months > m.metadata.months) {
        p.error(`${at}.months`, `månader mellan 0 och observationstiden (${m.metadata.months}) krävs`, `months between 0 and the observation time (${m.metadata.months}) required`, l.months);
      }
      if (l.perMonth !== undefined && (typeof l.perMonth !== 'number' || !(l.perMonth >= 0))) p.error(`${at}.perMonth`, 'ett tal 0 eller mer krävs', 'a number 0 or more is required', l.perMonth);
      if (l.extent !== undefined && (typeof l.extent !== 'number' || !(l.extent > 0 && l.extent <= 1))) p.error(`${at}.extent`, 'omfattning över 0 och högst 1 krävs', 'extent above 0 and at most 1 required', l.extent);
      if (l.wage !== undefined && (typeof l.wage !== 'number' || !(l.wage > 0))) p.error(`${at}.wage`, 'en månadslön över 0 krävs', 'a monthly wage above 0 is required', l.wage);
      if (l.options !== undefined) {
        if (!isObj(l.options)) p.error(`${at}.options`, 'ska vara ett objekt { val: värde }', 'must be an object { option: value }', l.options);
        else for (const o of optionProblems(l.options, typeof l.item === 'string' ? catalog.items.get(l.item)?.rule : undefined)) p.error(`${at}.options.${o.key}`, o.sv, o.en, o.value);
      }
    });
  }
}

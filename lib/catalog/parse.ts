/**
 * Parses the catalogue from its YAML files (pure: takes file texts, so it runs in Node and in
 * the browser). Checks metadata as hard as numbers and reports every problem at once.
 */
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, type Category } from '../vocabulary.js';
import { closest } from '../util/closest.js';
import { ProblemList } from '../util/errors.js';
import { CODE_PARAMETERS, RULE_SPECS } from './rule-specs.js';
import { MAPPING_FILE, checkTransitionLines, readTransitionMapping } from './transitions.js';
import {
  ACTOR_ROLES, FIELD_UNITS, QUANTITIES, STATUSES, TABLE_SHAPES, UNITS,
  type Actor, type ActorRole, type Catalog, type ClassPart, type DatedValue, type FieldSpec, type FieldUnit, type FinancingKey, type Group, type Item, type ItemKind,
  type Quantity, type Series, type Source, type Status, type TableShape, type Unit,
} from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ITEM_KINDS: readonly ItemKind[] = ['transfer', 'real', 'wage'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Folders of data/ that hold other things than the catalogue (examples, reference set); mappings/ is read with it. */
export const NOT_CATALOGUE = ['examples/', 'benchmarks/'];

/** Catalogue id of a file: `items/kommun/x.yaml` → `kommun.x`; `params/skatt/y.yaml` → `params.skatt.y`. */
export function idFromPath(path: string): string {
  const noExt = path.replace(/\.ya?ml$/, '');
  const parts = noExt.split('/');
  if (parts[0] === 'items') parts.shift();
  return parts.join('.');
}

/**
 * Parses catalogue files (paths relative to `data/`, e.g. `items/kommun/forsorjningsstod.yaml`).
 * Files under NOT_CATALOGUE folders and non-YAML files are ignored.
 * @throws InputError listing every problem found
 */
export function parseCatalog(files: Record<string, string>, root = 'data'): Catalog {
  return catalogFromDocs(parseCatalogYaml(files), root);
}

/** A catalogue file whose YAML did not parse (never compiled: the catalogue must be valid to compile). */
export class YamlFailure {
  constructor(readonly message: string) {}
}

/** Catalogue files as parsed YAML documents, by path: the form the build compiles to one JSON file. */
export type CatalogDocs = Record<string, unknown>;

/** Parses the YAML of every catalogue file (the slow step the compiled catalogue skips). */
export function parseCatalogYaml(files: Record<string, string>): CatalogDocs {
  const docs: CatalogDocs = {};
  for (const path of Object.keys(files).filter((p) => /\.ya?ml$/.test(p) && !NOT_CATALOGUE.some((d) => p.startsWith(d))).sort()) {
    try {
      docs[path] = parseYaml(files[path], { uniqueKeys: true, version: '1.2' });
    } catch (e) {
      docs[path] = new YamlFailure((e as Error).message);
    }
  }
  return docs;
}

/**
 * Builds and checks the catalogue from parsed documents (from {@link parseCatalogYaml} or the
 * compiled JSON): every check runs here, so both routes accept and refuse the same catalogues.
 * @throws InputError listing every problem found
 */
export function catalogFromDocs(docs: CatalogDocs, root = 'data'): Catalog {
  const all = new ProblemList(root);
  const catalog: Catalog = { actors: [], groups: [], roles: {} as Record<ActorRole, string>, funders: [], financing: new Map(), series: new Map(), items: new Map(), classes: { targetGroups: [], kinds: [] } };
  for (const path of Object.keys(docs).sort()) {
    const problems = new ProblemList(`${root}/${path}`);
    const doc = docs[path];
    if (doc instanceof YamlFailure) problems.error('', `ogiltig YAML: ${doc.message}`, `invalid YAML: ${doc.message}`);
    else if (path === 'actors.yaml') readActors(doc, problems, catalog);
    else if (path === 'insatsklasser.yaml') readClasses(doc, problems, catalog);
    else if (path.startsWith('financing/')) readFinancing(path, doc, problems, catalog);
    else if (path.startsWith('index/') || path.startsWith('params/')) readSeries(path, doc, problems, catalog);
    else if (path.startsWith('items/')) readItem(path, doc, problems, catalog);
    else if (path === MAPPING_FILE) readTransitionMapping(doc, problems, catalog, path);
    else problems.error('', `okänd katalogfil: lägg den under items/, params/, index/ eller financing/ (mappningen heter ${MAPPING_FILE})`, `unknown catalogue file: put it under items/, params/, index/ or financing/ (the mapping is ${MAPPING_FILE})`);
    all.items.push(...problems.items);
  }
  crossCheck(catalog, all);
  const mapping = new ProblemList(`${root}/${MAPPING_FILE}`);
  checkTransitionLines(catalog, mapping);
  all.items.push(...mapping.items);
  all.throwIfErrors();
  return catalog;
}

/** ` (menade du X?)` / ` (did you mean X?)` when a close candidate exists. */
function didYouMean(given: string, candidates: Iterable<string>): [string, string] {
  const c = closest(given, candidates);
  return c ? [` (menade du ${c}?)`, ` (did you mean ${c}?)`] : ['', ''];
}

/** Every key of `o` outside `allowed` is an error naming the allowed keys and the closest one. */
function unknownKeys(o: Obj, allowed: readonly string[], p: ProblemList, prefix: string): void {
  for (const k of Object.keys(o)) {
    if (allowed.includes(k)) continue;
    const [sv, en] = didYouMean(k, allowed);
    p.error(`${prefix}${k}`, `okänd nyckel${sv}; tillåtna: ${allowed.join(', ')}`, `unknown key${en}; allowed: ${allowed.join(', ')}`, k);
  }
}

function str(o: Obj, key: string, p: ProblemList, path: string, required = true): string {
  const v = o[key];
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (required || v !== undefined) p.error(`${path}${key}`, 'text krävs', 'text required', v);
  return '';
}

function readSource(v: unknown, p: ProblemList, path: string): Source {
  if (!isObj(v)) {
    p.error(path, 'källa krävs: { title, href, retrieved }', 'source required: { title, href, retrieved }', v);
    return { title: '', href: '', retrieved: '' };
  }
  const title = str(v, 'title', p, `${path}.`);
  const href = str(v, 'href', p, `${path}.`);
  const retrieved = String(v.retrieved ?? '');
  if (href && !/^https?:\/\//.test(href)) p.error(`${path}.href`, 'måste vara en http(s)-adress', 'must be an http(s) address', href);
  if (!DATE.test(retrieved)) p.error(`${path}.retrieved`, 'datum ÅÅÅÅ-MM-DD krävs', 'date YYYY-MM-DD required', v.retrieved);
  return { title, href, retrieved };
}

function readStatus(v: unknown, p: ProblemList, path: string): Status {
  if (STATUSES.includes(v as Status)) return v as Status;
  p.error(path, `status ska vara ${STATUSES.join(' | ')}`, `status must be ${STATUSES.join(' | ')}`, v);
  return 'estimate';
}

function readValues<T>(o: Obj, p: ProblemList, money: boolean, numeric: boolean): DatedValue<T>[] {
  const values = o.values;
  if (values === undefined) return [];
  if (!isObj(values)) {
    p.error('values', 'ska vara en tabell datum → värde', 'must be a map date → value', values);
    return [];
  }
  const out: DatedValue<T>[] = [];
  for (const [date, raw] of Object.entries(values)) {
    const path = `values.${date}`;
    if (!DATE.test(date)) p.error(path, 'nyckeln ska vara ett giltighetsdatum ÅÅÅÅ-MM-DD', 'key must be a valid-from date YYYY-MM-DD', date);
    if (!isObj(raw)) {
      p.error(path, 'ska vara { value, priceYear, status, source }', 'must be { value, priceYear, status, source }', raw);
      continue;
    }
    const value = raw.value;
    if (numeric && value !== null && (typeof value !== 'number' || !Number.isFinite(value))) p.error(`${path}.value`, 'tal krävs', 'number required', value);
    if (value === undefined) p.error(`${path}.value`, 'värde krävs', 'value required');
    const priceYear = raw.priceYear;
    if (money && (typeof priceYear !== 'number' || !Number.isInteger(priceYear))) p.error(`${path}.priceYear`, 'prisår (heltal) krävs för belopp', 'price year (integer) required for amounts', priceYear);
    if (typeof priceYear === 'number' && DATE.test(date) && Math.abs(priceYear - Number(date.slice(0, 4))) > 15) p.error(`${path}.priceYear`, 'prisåret ligger orimligt långt från giltighetsdatumet', 'price year is implausibly far from the valid-from date', priceYear);
    const source = readSource(raw.source, p, `${path}.source`);
    if (source.retrieved && DATE.test(date) && source.retrieved < `${Number(date.slice(0, 4)) - 15}`) p.error(`${path}.source.retrieved`, 'hämtdatum decennier före giltighetsdatum', 'retrieved date decades before the valid-from date', source.retrieved);
    const known = new Set(['value', 'priceYear', 'status', 'source', 'note']);
    for (const k of Object.keys(raw)) if (!known.has(k)) p.error(`${path}.${k}`, 'okänd nyckel', 'unknown key', k);
    out.push({
      validFrom: date, value: value as T, priceYear: typeof priceYear === 'number' ? priceYear : undefined,
      status: readStatus(raw.status, p, `${path}.status`), source,
      note: typeof raw.note === 'string' ? raw.note : undefined,
    });
  }
  return out.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

function readUnit(v: unknown, p: ProblemList, path: string): Unit {
  if (UNITS.includes(v as Unit)) return v as Unit;
  p.error(path, `enhet ska vara en av ${UNITS.join(', ')}`, `unit must be one of ${UNITS.join(', ')}`, v);
  return 'kr';
}

function readClasses(doc: unknown, p: ProblemList, c: Catalog): void {
  if (!isObj(doc) || !Array.isArray(doc.malgrupper) || !Array.isArray(doc.insatstyper)) {
    p.error('', 'ska ha listorna malgrupper och insatstyper', 'must have lists malgrupper and insatstyper');
    return;
  }
  const read = (list: unknown[], key: string): ClassPart[] => {
    const seen = new Set<string>();
    return list.flatMap((x: unknown, i: number) => {
      const at = `${key}[${i}].`;
      if (!isObj(x)) return (p.error(`${key}[${i}]`, 'ska vara { id, label, label_en, definition }', 'must be { id, label, label_en, definition }', x), []);
      const part: ClassPart = { id: str(x, 'id', p, at), label: str(x, 'label', p, at), labelEn: str(x, 'label_en', p, at), definition: str(x, 'definition', p, at) };
      if (part.id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(part.id)) p.error(`${at}id`, 'id med små bokstäver a–z, siffror och bindestreck', 'id of lower-case a–z, digits and hyphens', part.id);
      if (seen.has(part.id)) p.error(`${at}id`, 'id förekommer flera gånger', 'duplicate id', part.id);
      seen.add(part.id);
      return [part];
    });
  };
  c.classes = { targetGroups: read(doc.malgrupper, 'malgrupper'), kinds: read(doc.insatstyper, 'insatstyper') };
}

function readActors(doc: unknown, p: ProblemList, c: Catalog): void {
  if (!isObj(doc) || !Array.isArray(doc.actors) || !Array.isArray(doc.groups)) {
    p.error('', 'ska ha listorna actors och groups', 'must have lists actors and groups');
    return;
  }
  unknownKeys(doc, ['actors', 'groups', 'funders'], p, '');
  doc.actors.forEach((a: unknown, i: number) => {
    if (!isObj(a)) return p.error(`actors[${i}]`, 'ska vara en tabell', 'must be a map', a);
    unknownKeys(a, ['id', 'label', 'label_en', 'description', 'roles'], p, `actors[${i}].`);
    const actor: Actor = { id: str(a, 'id', p, `actors[${i}].`), label: str(a, 'label', p, `actors[${i}].`), labelEn: str(a, 'label_en', p, `actors[${i}].`), description: str(a, 'description', p, `actors[${i}].`) };
    c.actors.push(actor);
    readRoles(a.roles, `actors[${i}].roles`, actor.id, p, c);
  });
  // Every role held by exactly one actor: the engine posts taxes and wages to it.
  for (const role of ACTOR_ROLES) {
    if (c.roles[role] === undefined) p.error('actors', `ingen aktör har rollen ${role}; ange roles: [${role}] på den aktör som tar emot den`, `no actor has the role ${role}; give roles: [${role}] to the actor that receives it`, role);
  }
  if (!Array.isArray(doc.funders) || doc.funders.some((f) => typeof f !== 'string')) p.error('funders', 'ska vara en lista med aktörer (t.ex. [fk, af, kommun, region])', 'must be a list of actors (e.g. [fk, af, kommun, region])', doc.funders);
  else c.funders = doc.funders.map(String);
  doc.groups.forEach((g: unknown, i: number) => {
    if (!isObj(g) || !Array.isArray(g.members)) return p.error(`groups[${i}]`, 'ska ha id, label och members', 'must have id, label and members', g);
    const group: Group = { id: str(g, 'id', p, `groups[${i}].`), label: str(g, 'label', p, `groups[${i}].`), labelEn: str(g, 'label_en', p, `groups[${i}].`), members: g.members.map(String) };
    c.groups.push(group);
  });
}

/** An actor's `roles:` (optional): known roles, none held by another actor. */
function readRoles(v: unknown, path: string, actor: string, p: ProblemList, c: Catalog): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return p.error(path, `ska vara en lista med roller (${ACTOR_ROLES.join(', ')})`, `must be a list of roles (${ACTOR_ROLES.join(', ')})`, v);
  v.forEach((r: unknown, j: number) => {
    const role = String(r) as ActorRole;
    if (!ACTOR_ROLES.includes(role)) {
      const [sv, en] = didYouMean(String(r), ACTOR_ROLES);
      return p.error(`${path}[${j}]`, `okänd roll${sv}; roller: ${ACTOR_ROLES.join(', ')}`, `unknown role${en}; roles: ${ACTOR_ROLES.join(', ')}`, r);
    }
    if (c.roles[role] !== undefined) return p.error(`${path}[${j}]`, `rollen ${role} har redan aktören ${c.roles[role]}; en roll har en aktör`, `the role ${role} is already held by ${c.roles[role]}; a role has one actor`, r);
    c.roles[role] = actor;
  });
}

function readFinancing(path: string, doc: unknown, p: ProblemList, c: Catalog): void {
  const id = path.replace(/^financing\//, '').replace(/\.ya?ml$/, '');
  if (!isObj(doc) || !isObj(doc.shares)) return p.error('', 'ska ha label, description, shares, status och source', 'must have label, description, shares, status and source');
  const shares: Record<string, number> = {};
  let sum = 0;
  for (const [actor, share] of Object.entries(doc.shares)) {
    if (typeof share !== 'number' || share < 0 || share > 1) p.error(`shares.${actor}`, 'andel mellan 0 och 1 krävs', 'share between 0 and 1 required', share);
    else { shares[actor] = share; sum += share; }
  }
  if (Math.abs(sum - 1) > 1e-9) p.error('shares', 'andelarna ska summera till 1', 'shares must sum to 1', sum);
  unknownKeys(doc, ['label', 'description', 'shares', 'from', 'to', 'status', 'source'], p, '');
  // A programme period (ESF+ 2021-2027): YAML may read the dates as strings or Date objects.
  const date = (k: 'from' | 'to'): string | undefined => {
    const v = doc[k] instanceof Date ? (doc[k] as Date).toISOString().slice(0, 10) : doc[k];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && DATE.test(v)) return v;
    p.error(k, 'ett datum ÅÅÅÅ-MM-DD krävs', 'a date YYYY-MM-DD is required', v);
    return undefined;
  };
  const from = date('from'), to = date('to');
  if (from && to && from > to) p.error('to', `perioden slutar före den börjar (from ${from})`, `the period ends before it begins (from ${from})`, to);
  const key: FinancingKey = { id, label: str(doc, 'label', p, ''), description: str(doc, 'description', p, ''), shares, ...(from ? { from } : {}), ...(to ? { to } : {}), source: readSource(doc.source, p, 'source'), status: readStatus(doc.status, p, 'status') };
  c.financing.set(id, key);
}

const SERIES_KEYS = ['description', 'metadata', 'values'];
const SERIES_METADATA_KEYS = ['label', 'unit', 'reviewed', 'shape', 'fields'];

function readSeries(path: string, doc: unknown, p: ProblemList, c: Catalog): void {
  if (!isObj(doc) || !isObj(doc.metadata)) return p.error('', 'ska ha description, metadata och values', 'must have description, metadata and values');
  const m = doc.metadata;
  unknownKeys(doc, SERIES_KEYS, p, '');
  unknownKeys(m, SERIES_METADATA_KEYS, p, 'metadata.');
  const unit = readUnit(m.unit, p, 'metadata.unit');
  const money = unit.startsWith('kr');
  const series: Series = {
    id: idFromPath(path), file: path, description: str(doc, 'description', p, ''),
    label: str(m, 'label', p, 'metadata.'), unit,
    values: readValues(doc, p, money, unit !== 'tabell'),
    reviewed: typeof m.reviewed === 'string' ? m.reviewed : undefined,
  };
  if (series.values.length === 0) p.error('values', 'minst ett daterat värde krävs', 'at least one dated value required');
  if (unit === 'tabell') {
    series.shape = readShape(m.shape, p);
    series.fields = readFields(m.fields, p, 'metadata.fields');
    if (!series.fields) p.error('metadata.fields', 'en tabell kräver fields: fält → enhet (t.ex. { faktor: andel, takPbb: pbb })', 'a tabell needs fields: field → unit (e.g. { faktor: andel, takPbb: pbb })', m.fields);
    else for (const v of series.values) if (v.value !== null) checkTable(v.value, series.shape, series.fields, p, `values.${v.validFrom}.value`);
  } else if (m.fields !== undefined || m.shape !== undefined) {
    p.error('metadata.fields', 'fält anges bara för enheten tabell', 'fields are given only for unit tabell', m.fields ?? m.shape);
  }
  c.series.set(series.id, series);
}

function readShape(v: unknown, p: ProblemList): TableShape {
  if (v === undefined) return 'object';
  if (TABLE_SHAPES.includes(v as TableShape)) return v as TableShape;
  p.error('metadata.shape', `ska vara ${TABLE_SHAPES.join(' | ')}`, `must be ${TABLE_SHAPES.join(' | ')}`, v);
  return 'object';
}

/** `fields: { name: unit | { unit, optional?, nullable? } | { fields: {…} } }`. */
function readFields(v: unknown, p: ProblemList, path: string): Record<string, FieldSpec> | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v) || Object.keys(v).length === 0) {
    p.error(path, 'ska vara en tabell fält → enhet', 'must be a map field → unit', v);
    return undefined;
  }
  const out: Record<string, FieldSpec> = {};
  for (const [name, f] of Object.entries(v)) {
    const at = `${path}.${name}`;
    if (typeof f === 'string') {
      out[name] = { unit: readFieldUnit(f, p, at) };
      continue;
    }
    if (!isObj(f)) {
      p.error(at, 'ska vara en enhet eller { unit, optional, nullable } eller { fields }', 'must be a unit, { unit, optional, nullable } or { fields }', f);
      continue;
    }
    unknownKeys(f, ['unit', 'optional', 'nullable', 'fields', 'map'], p, `${at}.`);
    const spec: FieldSpec = { optional: f.optional === true, nullable: f.nullable === true };
    if (f.fields !== undefined) spec.fields = readFields(f.fields, p, `${at}.fields`);
    else if (f.map !== undefined) spec.map = readFieldUnit(f.map, p, `${at}.map`);
    else spec.unit = readFieldUnit(f.unit, p, `${at}.unit`);
    out[name] = spec;
  }
  return out;
}

function readFieldUnit(v: unknown, p: ProblemList, path: string): FieldUnit {
  if (FIELD_UNITS.includes(v as FieldUnit)) return v as FieldUnit;
  const [sv, en] = typeof v === 'string' ? didYouMean(v, FIELD_UNITS) : ['', ''];
  p.error(path, `fältets enhet ska vara en av ${FIELD_UNITS.join(', ')}${sv}`, `field unit must be one of ${FIELD_UNITS.join(', ')}${en}`, v);
  return 'antal';
}

/** Checks a tabell value against its declared layout and fields: every field known, present and of its type. */
function checkTable(value: unknown, shape: TableShape, fields: Record<string, FieldSpec>, p: ProblemList, path: string): void {
  if (shape === 'object') return checkFields(value, fields, p, path);
  if (shape === 'list') {
    if (!Array.isArray(value) || value.length === 0) return p.error(path, 'ska vara en lista med rader { … }', 'must be a list of rows { … }', value);
    value.forEach((row, i) => checkFields(row, fields, p, `${path}[${i}]`));
    return;
  }
  if (!isObj(value) || Object.keys(value).length === 0) return p.error(path, 'ska vara en tabell namn → { … }', 'must be a map name → { … }', value);
  if (shape === 'values') {
    const unit = Object.values(fields)[0]?.unit ?? 'antal';
    for (const [k, v] of Object.entries(value)) checkScalar(v, unit, p, `${path}.${k}`);
    return;
  }
  for (const [k, row] of Object.entries(value)) checkFields(row, fields, p, `${path}.${k}`);
}

function checkScalar(v: unknown, unit: FieldUnit, p: ProblemList, at: string): void {
  if (unit === 'text' ? typeof v !== 'string' : typeof v !== 'number' || !Number.isFinite(v)) {
    p.error(at, unit === 'text' ? 'text krävs' : `tal krävs (${unit})`, unit === 'text' ? 'text required' : `number required (${unit})`, v);
  }
}

function checkFields(value: unknown, fields: Record<string, FieldSpec>, p: ProblemList, path: string): void {
  if (!isObj(value)) return p.error(path, `ska vara { ${Object.keys(fields).join(', ')} }`, `must be { ${Object.keys(fields).join(', ')} }`, value);
  const names = Object.keys(fields);
  for (const k of Object.keys(value)) {
    if (k in fields) continue;
    const [sv, en] = didYouMean(k, names);
    p.error(`${path}.${k}`, `okänt fält${sv}; fälten är ${names.join(', ')} (metadata.fields)`, `unknown field${en}; the fields are ${names.join(', ')} (metadata.fields)`, k);
  }
  for (const [name, f] of Object.entries(fields)) {
    const v = value[name], at = `${path}.${name}`;
    if (v === undefined) {
      if (!f.optional) p.error(at, 'fältet saknas', 'field missing');
    } else if (v === null) {
      if (!f.nullable) p.error(at, 'värde krävs (fältet får inte vara null)', 'value required (the field may not be null)', v);
    } else if (f.fields) checkFields(v, f.fields, p, at);
    else if (f.map) {
      if (!isObj(v)) p.error(at, 'ska vara en tabell namn → värde', 'must be a map name → value', v);
      else for (const [k, x] of Object.entries(v)) checkScalar(x, f.map, p, `${at}.${k}`);
    } else checkScalar(v, f.unit ?? 'antal', p, at);
  }
}

const ITEM_METADATA_KEYS = ['label', 'label_en', 'unit', 'quantity', 'default_per_month', 'kind', 'category', 'payer', 'receiver', 'taxable', 'pensionable', 'earned', 'uprating', 'rule', 'parameters', 'reviewed'];

function readItem(path: string, doc: unknown, p: ProblemList, c: Catalog): void {
  if (!isObj(doc) || !isObj(doc.metadata)) return p.error('', 'ska ha description, metadata och values', 'must have description, metadata and values');
  const m = doc.metadata;
  unknownKeys(doc, SERIES_KEYS, p, '');
  unknownKeys(m, ITEM_METADATA_KEYS, p, 'metadata.');
  const kind = m.kind as ItemKind;
  if (!ITEM_KINDS.includes(kind)) p.error('metadata.kind', `ska vara ${ITEM_KINDS.join(' | ')}`, `must be ${ITEM_KINDS.join(' | ')}`, m.kind);
  const category = m.category as Category;
  if (!CATEGORIES.includes(category)) p.error('metadata.category', `ska vara ${CATEGORIES.join(' | ')}`, `must be ${CATEGORIES.join(' | ')}`, m.category);
  const quantity = (m.quantity ?? 'manad') as Quantity;
  if (!QUANTITIES.includes(quantity)) p.error('metadata.quantity', `ska vara ${QUANTITIES.join(' | ')}`, `must be ${QUANTITIES.join(' | ')}`, m.quantity);
  const dpm = m.default_per_month ?? 1;
  if (typeof dpm !== 'number' && typeof dpm !== 'string') p.error('metadata.default_per_month', 'tal eller parameter-id krävs', 'number or parameter id required', dpm);
  const bool = (k: string): boolean => {
    const v = m[k] ?? false;
    if (typeof v !== 'boolean') p.error(`metadata.${k}`, 'true eller false krävs', 'true or false required', v);
    return v === true;
  };
  const parameters: Record<string, string> = {};
  if (m.parameters !== undefined) {
    if (!isObj(m.parameters)) p.error('metadata.parameters', 'ska vara en tabell roll → parameter-id', 'must be a map role → parameter id', m.parameters);
    else for (const [role, id] of Object.entries(m.parameters)) parameters[role] = String(id);
  }
  const rule = typeof m.rule === 'string' ? m.rule : undefined;
  const item: Item = {
    id: idFromPath(path), file: path, description: str(doc, 'description', p, ''),
    label: str(m, 'label', p, 'metadata.'), labelEn: typeof m.label_en === 'string' ? m.label_en : undefined,
    unit: readUnit(m.unit, p, 'metadata.unit'), quantity, defaultPerMonth: dpm as number | string,
    kind, category,
    payer: typeof m.payer === 'string' ? m.payer : undefined,
    receiver: typeof m.receiver === 'string' ? m.receiver : undefined,
    taxable: bool('taxable'), pensionable: bool('pensionable'), earned: bool('earned'),
    uprating: typeof m.uprating === 'string' ? m.uprating : '',
    rule, parameters,
    values: readValues<number>(doc, p, true, true),
    reviewed: typeof m.reviewed === 'string' ? m.reviewed : undefined,
  };
  if (!item.uprating) p.error('metadata.uprating', 'uppräkningsindex krävs (t.ex. index.kpi_arsmedel, eller none för regelposter)', 'uprating index required (e.g. index.kpi_arsmedel, or none for rule items)');
  if (kind === 'transfer' && (!item.payer || !item.receiver)) p.error('metadata', 'en transferering kräver payer och receiver', 'a transfer needs payer and receiver');
  if (kind === 'real' && !item.payer) p.error('metadata.payer', 'en real kostnad kräver payer', 'a real cost needs a payer');
  if (!rule && item.values.length === 0) p.error('values', 'en post utan regel kräver minst ett värde', 'an item without a rule needs at least one value');
  c.items.set(item.id, item);
}

/** References between files: actors, parameters, indices. */
function crossCheck(c: Catalog, p: ProblemList): void {
  const actorIds = new Set(c.actors.map((a) => a.id));
  if (actorIds.size === 0) p.error('actors.yaml', 'aktörer saknas', 'actors missing');
  for (const g of c.groups) for (const m of g.members) if (!actorIds.has(m)) p.error(`actors.yaml: groups.${g.id}`, 'okänd aktör i grupp', 'unknown actor in group', m);
  c.funders.forEach((f, i) => { if (!actorIds.has(f)) p.error(`actors.yaml: funders[${i}]`, `okänd aktör${didYouMean(f, actorIds)[0]}`, `unknown actor${didYouMean(f, actorIds)[1]}`, f); });
  for (const f of c.financing.values()) for (const a of Object.keys(f.shares)) if (!actorIds.has(a)) p.error(`financing/${f.id}.yaml: shares.${a}`, 'okänd aktör', 'unknown actor', a);
  for (const it of c.items.values()) {
    const where = `items/${it.file.replace(/^items\//, '')}`;
    for (const a of [it.payer, it.receiver]) if (a && !actorIds.has(a)) p.error(`${where}: metadata`, 'okänd aktör', 'unknown actor', a);
    if (it.uprating !== 'none' && it.uprating && !c.series.has(it.uprating)) p.error(`${where}: metadata.uprating`, 'okänt index', 'unknown index', it.uprating);
    for (const [role, id] of Object.entries(it.parameters)) if (!c.series.has(id)) p.error(`${where}: metadata.parameters.${role}`, 'okänd parameter', 'unknown parameter', id);
    if (typeof it.defaultPerMonth === 'string' && !c.series.has(it.defaultPerMonth)) p.error(`${where}: metadata.default_per_month`, 'okänd parameter', 'unknown parameter', it.defaultPerMonth);
    if (it.rule !== undefined) checkRule(c, it, p, where);
  }
  for (const [id, fields] of Object.entries(CODE_PARAMETERS)) {
    const s = c.series.get(id);
    if (s) checkFieldsRead(s, fields, p, `params/${id.replace(/^params\./, '').replace(/\./g, '/')}.yaml: metadata.fields`);
  }
}

/** An item's rule: known, of the item's kind, its parameter roles as declared, each of the declared sort. */
function checkRule(c: Catalog, it: Item, p: ProblemList, where: string): void {
  const spec = RULE_SPECS[it.rule!];
  if (!spec) {
    const [sv, en] = didYouMean(it.rule!, Object.keys(RULE_SPECS));
    return p.error(`${where}: metadata.rule`, `okänd regel${sv}; regler: ${Object.keys(RULE_SPECS).join(', ')}`, `unknown rule${en}; rules: ${Object.keys(RULE_SPECS).join(', ')}`, it.rule);
  }
  if (spec.kind !== it.kind) p.error(`${where}: metadata.kind`, `regeln ${it.rule} kräver kind: ${spec.kind}`, `rule ${it.rule} requires kind: ${spec.kind}`, it.kind);
  const roles = Object.keys(spec.parameters);
  for (const role of Object.keys(it.parameters)) {
    if (role in spec.parameters) continue;
    const [sv, en] = didYouMean(role, roles);
    p.error(`${where}: metadata.parameters.${role}`, `regeln ${it.rule} läser ingen sådan parameter${sv}; roller: ${roles.join(', ')}`, `rule ${it.rule} reads no such parameter${en}; roles: ${roles.join(', ')}`, role);
  }
  for (const [role, use] of Object.entries(spec.parameters)) {
    const id = it.parameters[role];
    if (id === undefined) {
      p.error(`${where}: metadata.parameters`, `regeln ${it.rule} kräver parametern ${role}`, `rule ${it.rule} requires the parameter ${role}`);
      continue;
    }
    const s = c.series.get(id);
    if (!s) continue; // reported above as an unknown parameter
    if (!use.fields && s.unit === 'tabell') p.error(`${where}: metadata.parameters.${role}`, `regeln ${it.rule} läser ett tal här, inte en tabell`, `rule ${it.rule} reads a number here, not a tabell`, id);
    if (use.fields) checkFieldsRead(s, use.fields, p, `${where}: metadata.parameters.${role}`);
  }
}

/** Fields the code reads must be declared in the tabell parameter's `metadata.fields`. */
function checkFieldsRead(s: Series, read: readonly string[], p: ProblemList, where: string): void {
  if (s.unit !== 'tabell' || !s.fields) return p.error(where, `${s.id} ska vara en tabell med fälten ${read.join(', ')}`, `${s.id} must be a tabell with the fields ${read.join(', ')}`, s.unit);
  const declared = Object.keys(s.fields);
  for (const f of read) {
    if (declared.includes(f)) continue;
    const [sv, en] = didYouMean(f, declared);
    p.error(where, `${s.id} saknar fältet ${f} som beräkningen läser${sv}`, `${s.id} lacks the field ${f} the calculation reads${en}`, declared);
  }
}

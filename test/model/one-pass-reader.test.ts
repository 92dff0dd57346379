/**
 * The one-pass route for situations CSV (read row by row: split, screened for personnummer and
 * checked in one pass; lines built once and taken as they are by validateProject) against the
 * general route it replaced for such files (every table read whole first, then screened, then
 * checked, and every line checked and copied again by validateProject), kept as the reference
 * (`stream: false`, `generalRoute: true`). On random valid and invalid files both must give the
 * same participants, problems (Swedish and English, with file, row, column and value), row
 * counts, notes, project and result.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { calculate } from '../../lib/calculate.js';
import { memoryFiles } from '../../lib/model/file-source.js';
import { readParticipantsFile } from '../../lib/model/participants-file.js';
import { readProjectFromFiles } from '../../lib/model/project-files.js';
import { readTableFile } from '../../lib/model/tabular/read-table-file.js';
import { formatProblem } from '../../lib/util/errors.js';
import { luhnDigit } from './fixtures.js';

const catalog = loadCatalog();

/** A personnummer with a valid check digit, built at run time (never a literal in the repository). */
const personnummer = fc.tuple(fc.integer({ min: 40, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 100, max: 999 }), fc.constantFrom('', '-', '19'))
  .map(([y, m, d, n, form]) => {
    const base = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${n}`;
    const full = `${base}${luhnDigit(base)}`;
    return form === '-' ? `${full.slice(0, 6)}-${full.slice(6)}` : form === '19' ? `19${full}` : full;
  });

const ID = fc.constantFrom('D001', 'D002', 'D003', 'D004', ' D005 ', 'R0000001', 'd001', '');
const CELLS: Record<string, fc.Arbitrary<string>> = {
  deltagare: ID,
  lage: fc.constantFrom('fore', 'efter', 'före', 'Efter', 'innan', 'after', ' fore ', 'mitten', ''),
  post: fc.constantFrom(
    'kommun.forsorjningsstod', 'kommun.handlaggning_forsorjningsstod', 'region.primarvard_besok', 'af.lonebidrag', 'arbete.osubventionerad_anstallning',
    'fk.sjukpenning', 'Kommun.Forsorjningsstod', 'af.handlaggning', 'okänd.post', 'kommun.forsorjningsstöd', 'egen', '',
  ),
  manader: fc.constantFrom('12', '6', '3', '1,5', '0', '-1', '13', 'tolv', '', '12 ', '1.5', '2,5e1'),
  antal_per_manad: fc.constantFrom('', '', '1', '0,75', '40', '-2', 'x', '1 234', '32'),
  belopp_per_manad: fc.constantFrom('', '', '5000', '1 200 kr', '-5', 'fem', '12,5'),
  omfattning: fc.constantFrom('', '', '0,5', '75 %', '75', '1', '1,2', '-0,1'),
  lon: fc.constantFrom('', '', '26000', '26 000', '9000', '0', '-1', 'lön'),
  uppfoljningsar: fc.constantFrom('', '', '1', '2', '3', '4', 'två'),
  vikt: fc.constantFrom('', '1', '2', '0', '-1', 'x', '1,5'),
  kon: fc.constantFrom('', 'K', 'M', 'kvinna', 'man', 'X', '?'),
  fodelsear: fc.constantFrom('', '1990', '1850', '2024', '1990-05-01', '33000', 'nittio'),
  kommun: fc.constantFrom('', 'Umeå', 'Lomma', 'Umea', 'Ingenstans'),
  fore_manader: fc.constantFrom('', '12', '6', '0', '121', 'x'),
  efter_manader: fc.constantFrom('', '12', '24', '6', '0'),
  kommentar: fc.constantFrom('', 'ok', 'ring 070-1234567', 'se ovan'),
  namn: fc.constantFrom('', 'Anna', 'Bo'),
};
/** Cells that pass every check (a project that validates), with values that only warn. */
const VALID: Record<string, fc.Arbitrary<string>> = {
  deltagare: fc.constantFrom('D001', 'D002', 'D003', ' D004 '),
  lage: fc.constantFrom('fore', 'efter', 'före', 'Efter'),
  post: fc.constantFrom('kommun.forsorjningsstod', 'region.primarvard_besok', 'af.lonebidrag', 'arbete.osubventionerad_anstallning', 'fk.sjukpenning', 'af.handlaggning'),
  manader: fc.constantFrom('12', '6', '3', '1,5', '0'),
  antal_per_manad: fc.constantFrom('', '1', '0,75', '40'),
  belopp_per_manad: fc.constantFrom('', '', '5000', '1 200 kr'),
  omfattning: fc.constantFrom('', '0,5', '75 %', '1'),
  lon: fc.constantFrom('', '26000', '26 000', '9000'),
  uppfoljningsar: fc.constantFrom(''),
  vikt: fc.constantFrom('', '1', '2', '1,5'),
  kon: fc.constantFrom('', 'K', 'M', 'kvinna'),
  fodelsear: fc.constantFrom('', '1990', '1955', '2005'),
  kommun: fc.constantFrom('', 'Umeå', 'Lomma'),
  fore_manader: fc.constantFrom('', '12'),
  efter_manader: fc.constantFrom('', '12', '24'),
  kommentar: fc.constantFrom('', 'ok'),
  namn: fc.constantFrom(''),
};

/** Header spellings as users write them (å/ä/ö, spaces, case). */
const SPELLING: Record<string, string[]> = {
  deltagare: ['deltagare', 'Deltagare', 'id', 'Löpnummer', 'personnummer'],
  lage: ['lage', 'Läge', 'situation'],
  post: ['post', 'Post'],
  manader: ['manader', 'Månader', 'antal månader'],
  antal_per_manad: ['antal_per_manad', 'Antal per månad'],
  belopp_per_manad: ['belopp_per_manad', 'Belopp per månad'],
  omfattning: ['omfattning', 'Omfattning'],
  lon: ['lon', 'Lön'],
  uppfoljningsar: ['uppfoljningsar', 'Uppföljningsår'],
  vikt: ['vikt'], kon: ['kon', 'Kön'], fodelsear: ['fodelsear', 'Födelseår'], kommun: ['kommun'], fore_manader: ['fore_manader', 'Före månader'], efter_manader: ['efter_manader'],
  kommentar: ['kommentar', 'okänd kolumn'], namn: ['namn', 'Förnamn'],
};

const SITUATION_FIELDS = ['lage', 'post', 'manader', 'antal_per_manad', 'belopp_per_manad', 'omfattning', 'lon', 'uppfoljningsar', 'kommentar', 'namn'];
const PARTICIPANT_FIELDS = ['vikt', 'kon', 'fodelsear', 'kommun', 'fore_manader', 'efter_manader'];

/** A row as cells, then what is done to it: kept, a cell dropped or added, a personnummer put in, a cell quoted, a blank row. */
const rowOf = (fields: string[], valid: boolean) => fc.tuple(
  fc.tuple(...fields.map((f) => (valid ? VALID[f] : fc.oneof({ weight: 12, arbitrary: CELLS[f] }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) })))),
  valid ? fc.constantFrom('keep', 'keep', 'keep', 'blank', 'again') : fc.constantFrom('keep', 'keep', 'keep', 'keep', 'keep', 'keep', 'drop', 'add', 'pnr', 'quote', 'blank', 'again'),
  personnummer, fc.nat(),
).map(([cells, edit, pnr, at]) => ({ cells: cells as string[], edit, pnr, at }));

interface TableSpec { fields: string[]; header: string[]; rows: { cells: string[]; edit: string; pnr: string; at: number }[] }

/** A table: the id column and a random choice of the others, in random order, with random spellings. */
const tableOf = (others: string[], required: string[], valid = false) => fc.tuple(fc.shuffledSubarray(others), fc.nat(), fc.boolean())
  .chain(([chosen, spell, idLast]) => {
    const fields = [...new Set([...required, ...chosen])].filter((f) => !valid || !['namn', 'kommentar'].includes(f));
    const ordered = idLast ? [...fields, 'deltagare'] : ['deltagare', ...fields];
    // A valid table's id column is never spelled personnummer (refused without --pseudonymisera).
    const spellings = (f: string) => (valid && f === 'deltagare' ? SPELLING[f].slice(0, 4) : SPELLING[f]);
    const header = ordered.map((f, i) => spellings(f)[(spell + i) % spellings(f).length]);
    return fc.array(rowOf(ordered, valid), { minLength: valid ? 1 : 0, maxLength: 18 }).map((rows): TableSpec => ({ fields: ordered, header, rows }));
  });

/** A participants table with a row for every id a valid situations table uses. */
const validPeople = tableOf(PARTICIPANT_FIELDS, [], true).map((t) => ({
  ...t, rows: ['D001', 'D002', 'D003', 'D004'].map((id, i) => ({ ...t.rows[i % t.rows.length], edit: 'keep', cells: t.fields.map((f, j) => (f === 'deltagare' ? id : t.rows[i % t.rows.length].cells[j])) })),
}));

const format = fc.record({
  sep: fc.constantFrom(';', ';', ','),
  br: fc.constantFrom('\n', '\r\n', '\r\n', 'mixed'),
  bom: fc.boolean(),
  cp1252: fc.boolean(),
  title: fc.boolean(),
  trailing: fc.boolean(),
});

/** The file's bytes as the spec says (separator, line breaks, BOM, Windows-1252, a title line above the header). */
function csvBytes(t: TableSpec, f: typeof format extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
  const lines: string[] = f.title ? ['Registeruttag 2025'] : [];
  lines.push(t.header.join(f.sep));
  let previous: string[] | undefined;
  for (const r of t.rows) {
    let cells = [...r.cells];
    if (r.edit === 'drop' && cells.length > 1) cells.splice(r.at % cells.length, 1);
    if (r.edit === 'add') cells.push('extra');
    if (r.edit === 'pnr') cells[r.at % cells.length] = r.pnr;
    if (r.edit === 'quote') cells[r.at % cells.length] = `"${cells[r.at % cells.length]}"`;
    if (r.edit === 'blank') cells = cells.map(() => '');
    if (r.edit === 'again' && previous) cells = previous;
    previous = cells;
    lines.push(cells.join(f.sep));
  }
  const text = f.br === 'mixed' ? lines.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('') : lines.join(f.br) + (f.trailing ? f.br : '');
  if (f.cp1252) return iconv.encode(text, 'win1252');
  return new Uint8Array(Buffer.from((f.bom ? '\uFEFF' : '') + text, 'utf8'));
}

const anyProject = fc.record({
  situations: tableOf(SITUATION_FIELDS, ['post']),
  people: fc.option(tableOf(PARTICIPANT_FIELDS, []), { nil: undefined }),
  comparison: fc.option(tableOf(SITUATION_FIELDS, ['post', 'lage', 'manader']), { nil: undefined }),
  format, pseudonymise: fc.boolean(), peopleFirst: fc.boolean(),
});
const validProject = fc.record({
  situations: tableOf(SITUATION_FIELDS, ['post', 'lage', 'manader'], true),
  people: fc.option(validPeople, { nil: undefined }),
  comparison: fc.option(tableOf(SITUATION_FIELDS, ['post', 'lage', 'manader'], true), { nil: undefined }),
  // Comma-separated files split decimal commas into extra fields: valid files use ;.
  format: format.map((f) => ({ ...f, sep: ';' as const })), pseudonymise: fc.boolean(), peopleFirst: fc.boolean(),
});
const project = fc.oneof(anyProject, validProject);

function projectFiles(p: typeof project extends fc.Arbitrary<infer T> ? T : never): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([['p/situationer.csv', csvBytes(p.situations, p.format)]]);
  const names = ['situationer.csv'];
  if (p.people) {
    files.set('p/deltagare.csv', csvBytes(p.people, p.format));
    if (p.peopleFirst) names.unshift('deltagare.csv');
    else names.push('deltagare.csv');
  }
  let yaml = `name: Egenskapstest\npriceYear: 2025\ncost: { total: 100000, financing: finsam }\nparticipantsFile: [${names.join(', ')}]\n`;
  if (p.comparison) {
    files.set('p/jamforelse.csv', csvBytes(p.comparison, { ...p.format, title: false }));
    yaml += 'comparison: { participantsFile: jamforelse.csv }\n';
  }
  files.set('p/projekt.yaml', new Uint8Array(Buffer.from(yaml)));
  return files;
}

/** A keyed pseudonym stand-in (no key file): deterministic, so both routes hash alike. */
const pseudonymise = () => ({ pseudonymiser: (id: string) => `p-${[...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16)}` });

describe('one-pass reading of situations CSV', () => {
  it('is the route a quote-free situations file takes (rows streamed, none held)', async () => {
    const files = memoryFiles(new Map([['s.csv', new Uint8Array(Buffer.from('deltagare;lage;post;manader\nD1;fore;af.handlaggning;12\n'))]]));
    const read = await readTableFile('s.csv', { files, stream: (keys) => keys.includes('post') });
    expect(read.tables[0].rows).toEqual([]);
    expect(read.streams?.get(read.tables[0])?.hasRows).toBe(true);
    // A quote sends the file to papaparse: read whole, as before.
    const quoted = memoryFiles(new Map([['s.csv', new Uint8Array(Buffer.from('"deltagare";lage;post;manader\nD1;fore;af.handlaggning;12\n'))]]));
    const whole = await readTableFile('s.csv', { files: quoted, stream: () => true });
    expect(whole.streams).toBeUndefined();
    expect(whole.tables[0].rows).toHaveLength(1);
  });

  it('gives the participants, problems, counts and notes of the general route on random valid and invalid files', async () => {
    let streamed = 0, whole = 0;
    await fc.assert(fc.asyncProperty(project, async (p) => {
      const files = memoryFiles(projectFiles(p));
      const route = await readTableFile('p/situationer.csv', { files, headerKeys: ['deltagare', 'id', 'lopnummer', 'personnummer'], stream: (keys) => keys.includes('post') });
      if (route.streams) streamed++;
      else whole++;
      const paths = [...(p.people && p.peopleFirst ? ['p/deltagare.csv'] : []), 'p/situationer.csv', ...(p.people && !p.peopleFirst ? ['p/deltagare.csv'] : [])];
      const hash = p.pseudonymise ? pseudonymise().pseudonymiser : undefined;
      const options = { files, priceYear: 2025, ...(hash ? { pseudonymiser: hash } : {}) };
      const fast = await readParticipantsFile(paths, catalog, options);
      const general = await readParticipantsFile(paths, catalog, { ...options, stream: false });
      expect(fast).toEqual(general);
      for (const c of fast.counts) expect(c.read).toBe(c.used + c.rejected);
    }), { numRuns: 400 });
    // Both routes were taken: files the one-pass route reads, and files it leaves to the general route (quotes, mixed line breaks).
    expect(streamed).toBeGreaterThan(50);
    expect(whole).toBeGreaterThan(10);
  });

  it('gives the project, result and every message (Swedish and English) of the general route', async () => {
    let validated = 0, refused = 0, warned = 0;
    await fc.assert(fc.asyncProperty(project, async (p) => {
      const files = projectFiles(p);
      const options = p.pseudonymise ? { pseudonymise } : {};
      const fast = await readProjectFromFiles(files, catalog, options);
      const general = await readProjectFromFiles(files, catalog, { ...options, generalRoute: true });
      expect(fast).toEqual(general);
      for (const lang of ['sv', 'en'] as const) expect(fast.problems.map((x) => formatProblem(x, lang))).toEqual(general.problems.map((x) => formatProblem(x, lang)));
      if (fast.problems.some((x) => x.sv === 'fler än 31 besök per månad')) warned++;
      if (fast.project) {
        validated++;
        expect(calculate(fast.project, catalog)).toEqual(calculate(general.project!, catalog));
      } else refused++;
    }), { numRuns: 300 });
    // Both kinds of file were tried: some projects validate, some are refused.
    expect(validated).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
    expect(warned).toBeGreaterThan(0); // the one check validateProject still makes on table lines
  });
});

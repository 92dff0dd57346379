/**
 * The CLI contract: calc/validate/catalog outputs, method §9 JSON, bad input with file and path,
 * exit codes (1 invalid input, 2 usage), Swedish by default and English with --lang en.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { captureIo } from '../helpers/io.js';

const MAIN = 'data/examples/unga-vuxna-coachning/projekt.yaml';
const EXAMPLES = ['unga-vuxna-coachning', 'sa-ae-psykiatri', 'ips-stodjande-anstallning', 'egna-poster'];

async function cli(...args: string[]) {
  const io = captureIo();
  const code = await run(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

function tempProject(obj: unknown, name = 'projekt.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-'));
  const file = join(dir, name);
  writeFileSync(file, typeof obj === 'string' ? obj : JSON.stringify(obj, null, 2));
  return file;
}

const valid = () => ({
  name: 'T', priceYear: 2025, cost: { total: 100000, financing: 'finsam' },
  participants: [{ id: 'a', fore: { lines: [{ item: 'kommun.forsorjningsstod', months: 12 }] }, efter: { lines: [{ item: 'kommun.forsorjningsstod', months: 2 }] } }],
});

describe('samnytta calc', () => {
  it('prints a Swedish table for the main example', async () => {
    const r = await cli('calc', MAIN);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Samhällsekonomisk kalkyl: Unga vuxna – coachningsteam');
    expect(r.out).toContain('Återbetalningstid');
    expect(r.out).toContain('Kommunen');
    expect(r.out).toContain('Samhället');
  });

  it('--per-kategori prints the annual effect by actor and category', async () => {
    // valid(): 12 → 2 months of försörjningsstöd; the kommun's change is in Ersättningar.
    const r = await cli('calc', tempProject(valid()), '--per-kategori');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Årlig effekt per kategori: T');
    expect(r.out).toMatch(/Kommunen\s+Ersättningar\s+−/);
    const en = await cli('calc', tempProject(valid()), '--per-kategori', '--lang', 'en');
    expect(en.out).toMatch(/Municipality\s+Benefits\s+−/);
  });

  it.each(EXAMPLES)('honours the §9 JSON contract for %s', async (ex) => {
    const r = await cli('calc', `data/examples/${ex}/projekt.yaml`, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['schema', 'project', 'participants', 'actors', 'groups', 'potential', 'warnings']);
    expect(j.schema).toBe('samnytta/result@1');
    expect(Object.keys(j.project)).toEqual(['name', 'priceYear', 'horizonYears', 'discountRate', 'deadweight', 'dropOff']);
    expect(Object.keys(j.actors).sort()).toEqual(['af', 'arbetsgivare', 'fk', 'forsakringsgivare', 'individ', 'kommun', 'ovrigStat', 'region']);
    expect(Object.keys(j.groups)).toEqual(['staten', 'offentligSektor', 'samhallet']);
    for (const a of [...Object.values(j.actors), ...Object.values(j.groups)] as any[]) {
      expect(Object.keys(a)).toEqual(['annualEffect', 'byCategory', 'horizons', 'payback']);
      expect(Object.keys(a.horizons)).toEqual(['1', String(j.project.horizonYears)]);
      for (const h of Object.values(a.horizons) as any[]) expect(Object.keys(h)).toEqual(['benefit', 'cost', 'net', 'roi']);
      expect(['months', 'never', 'beyondHorizon', 'noCost']).toContain(a.payback.status);
      expect(Object.keys(a.payback)).toEqual(['status', 'months', 'simpleMonths']);
    }
    expect(Object.keys(j.potential)).toEqual(['fore', 'efter', 'verkningsgrad']);
    // samhället = Σ actors (to the öre, after rounding each)
    const sum = Object.values(j.actors).reduce((s: number, a: any) => s + a.annualEffect, 0);
    expect(Math.abs(sum - j.groups.samhallet.annualEffect)).toBeLessThan(0.05);
  });

  it('is deterministic: the same input gives identical bytes', async () => {
    const a = await cli('calc', MAIN, '--format', 'json');
    const b = await cli('calc', MAIN, '--format', 'json');
    expect(a.out).toBe(b.out);
  });

  it('speaks English with --lang en', async () => {
    const r = await cli('calc', MAIN, '--lang', 'en');
    expect(r.out).toContain('Socio-economic calculation');
    expect(r.out).toContain('Payback');
  });

  it('accepts a project folder', async () => {
    const r = await cli('calc', 'data/examples/unga-vuxna-coachning');
    expect(r.code).toBe(0);
  });
});

describe('bad input: a clear message naming file and path, exit 1, nothing on stdout', () => {
  const cases: [string, (p: any) => void, RegExp][] = [
    ['unknown item', (p) => { p.participants[0].efter.lines[0].item = 'kommun.forsorjningstod'; }, /participants\[0\]\.efter\.lines\[0\]\.item: okänd post; menade du "kommun\.forsorjningsstod"\?/],
    ['months above the situation', (p) => { p.participants[0].efter.lines[0].months = 14; }, /participants\[0\]\.efter\.lines\[0\]\.months: 14 > 12/],
    ['a negative count', (p) => { p.participants[0].weight = -2; }, /participants\[0\]\.weight: får inte vara negativt \(fick -2\)/],
    ['an unknown actor in an egen line', (p) => { p.participants[0].fore.lines.push({ item: 'egen', label: 'x', months: 1, postings: [{ actor: 'kommunen', kind: 'real', amountPerMonth: -1 }] }); }, /postings\[0\]\.actor: okänd aktör/],
    ['transfers not summing to zero', (p) => { p.participants[0].fore.lines.push({ item: 'egen', label: 'x', months: 1, postings: [{ actor: 'kommun', kind: 'transfer', amountPerMonth: -100 }, { actor: 'individ', kind: 'transfer', amountPerMonth: 90 }] }); }, /lines\[1\]\.postings: transfereringarna ska summera till noll .*\(fick -10\)/],
    ['a missing index year', (p) => { p.priceYear = 2019; }, /priceYear: prisåret 2019 ligger utanför katalogen: katalogen har värden för 2023–2026/],
    // The review's case: Futuro's 2012 with a kommun named; the year is the one error, not "okänd kommun".
    ['a price year before the catalogue, with a kommun', (p) => { p.priceYear = 2012; p.participants[0].attributes = { kommun: 'Kristinehamn' }; }, /^1 fel[^\n]*\n[^\n]*priceYear: prisåret 2012 ligger utanför katalogen: katalogen har värden för 2023–2026[^\n]*\n$/],
    ['a percentage given as a share', (p) => { p.deadweight = 25; }, /deadweight: anges som andel mellan 0 och 1/],
    ['an unknown financing key', (p) => { p.cost.financing = 'esf'; }, /cost\.financing: okänd finansieringsnyckel/],
  ];
  it.each(cases)('%s', async (_name, mutate, pattern) => {
    const p = valid();
    mutate(p);
    const file = tempProject(p);
    const r = await cli('calc', file, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(file);
    expect(r.err).toMatch(pattern);
  });

  it('lists every problem at once', async () => {
    const p: any = valid();
    p.participants[0].efter.lines[0].months = 14;
    p.participants[0].weight = -1;
    p.discountRate = 3.5;
    const r = await cli('validate', tempProject(p));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^3 fel hittades/);
  });

  it('validation warnings reach the JSON warnings', async () => {
    const p: any = valid();
    p.participants[0].attributes = { fodelsear: 1950 };
    const r = await cli('calc', tempProject(p), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).warnings.join('\n')).toMatch(/participants\[0\]\.attributes\.fodelsear: åldern 75 ligger utanför 16–66 år/);
  });

  it('a malformed file', async () => {
    const r = await cli('calc', tempProject('name: [unclosed', 'projekt.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/projekt\.yaml.*ogiltig YAML/);
    expect((await cli('calc', tempProject('name: [unclosed', 'projekt.yaml'), '--lang', 'en')).err).toMatch(/invalid YAML/);
  });

  it('messages in English with --lang en', async () => {
    const p = valid();
    p.participants[0].efter.lines[0].months = 14;
    const r = await cli('validate', tempProject(p), '--lang', 'en');
    expect(r.err).toMatch(/14 > 12: a line cannot run longer than its situation's observation period/);
  });

  it('a missing file', async () => {
    const r = await cli('calc', '/nonexistent/projekt.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/filen finns inte/);
  });
});

describe('usage errors exit 2', () => {
  it('unknown command', async () => {
    expect((await cli('kalkylera', MAIN)).code).toBe(2);
  });
  it('invalid choice', async () => {
    const r = await cli('calc', MAIN, '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Ogiltiga värden');
    expect((await cli('calc', MAIN, '--format', 'xml', '--lang', 'en')).err).toContain('Invalid values');
  });
});

describe('samnytta validate and catalog', () => {
  it('validate says the project is valid', async () => {
    const r = await cli('validate', MAIN);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/giltig \(5 deltagare\/typfall, 40 viktade deltagare, prisår 2025\)/);
  });

  it('catalog list shows items with value and status', async () => {
    const r = await cli('catalog', 'list', '--year', '2025');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kommun\.forsorjningsstod\s+Försörjningsstöd\s+kr\/manad\s+10 600\s+uppskattning/);
  });

  it('catalog show gives the history with sources', async () => {
    const r = await cli('catalog', 'show', 'index.prisbasbelopp');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2025-01-01  58 800');
    expect(r.out).toMatch(/https?:\/\//);
  });

  it('catalog diff compares two price years', async () => {
    const r = await cli('catalog', 'diff', '2024', '2025', '--format', 'json');
    const rows = JSON.parse(r.out);
    const pbb = rows.find((x: any) => x.id === 'index.prisbasbelopp');
    expect(pbb).toMatchObject({ 2024: 57300, 2025: 58800 });
  });

  it('catalog show without an id and catalog diff with one year are usage errors (exit 2)', async () => {
    const a = await cli('catalog', 'show');
    expect(a.code).toBe(2);
    expect(a.err).toContain('catalog show kräver ett id');
    expect((await cli('catalog', 'diff', '2024')).code).toBe(2);
  });

  it('catalog show of an unknown id exits 1', async () => {
    expect((await cli('catalog', 'show', 'nope')).code).toBe(1);
  });
});

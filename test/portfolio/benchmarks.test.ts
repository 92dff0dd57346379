import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../../cli/main.js';
import { calculate } from '../../lib/calculate.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { readProject } from '../../lib/model/read-project.js';
import { figureIn, isMoney, parseBenchmarks, validateBenchmark } from '../../lib/portfolio/benchmarks.js';
import { defaultBenchmarksDir, loadBenchmarks } from '../../lib/portfolio/benchmarks-load.js';
import { compare, entriesFor, ownValue } from '../../lib/portfolio/compare.js';
import { buildPortfolio } from '../../lib/portfolio/portfolio.js';
import { captureIo } from '../helpers/io.js';

const catalog = loadCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'samnytta-referens-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bundled reference set (data/benchmarks)', () => {
  const { entries, problems } = loadBenchmarks(catalog);

  it('validates on load without problems, at least five entries', () => {
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });

  it('every entry has a source (title, retrieved, what was read) and a year — or says why the year cannot be read and then holds no amounts', () => {
    for (const e of entries) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) {
        expect(s.title.length, e.id).toBeGreaterThan(10);
        expect(s.retrieved, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(s.read.length, e.id).toBeGreaterThan(5);
      }
      if (e.year === undefined) {
        expect(e.yearUnknown!.length, e.id).toBeGreaterThan(20);
        expect(e.figures.filter((f) => isMoney(f.key)), e.id).toEqual([]);
      } else expect(e.year, e.id).toBeGreaterThanOrEqual(2007);
      for (const f of e.figures) expect(f.quote.length, `${e.id} ${f.key}`).toBeGreaterThan(10);
    }
  });

  it('each figure quotes its source: the number written in the quote is the value (or its Mkr form)', () => {
    const spoken: Record<number, string[]> = { 7: ['sju månader'], 22: ['22 månader'], 9: ['9 månader'], 600000: ['600 000'], 100000: ['100 000'], 4000000: ['4 Mkr'], 2000000: ['2 Mkr'], 1600000: ['1,6 Mkr'] };
    for (const e of entries) for (const f of e.figures) {
      expect(spoken[f.value], `${e.id} ${f.key} ${f.value}`).toBeDefined();
      expect(spoken[f.value].some((w) => f.quote.includes(w)), `${e.id}: "${f.quote}"`).toBe(true);
    }
  });

  it('holds the Futuro result and the Ayande payback as published', () => {
    const futuro = entries.find((e) => e.id === 'futuro-karlstad-2011')!;
    expect(futuro.figures.map((f) => [f.key, f.actor, f.horizon ?? null, f.value, f.approx ?? null])).toEqual([
      ['benefit', 'samhallet', 5, 4000000, 'knappt'], ['net', 'samhallet', 5, 2000000, 'drygt'], ['payback', 'kommun', null, 9, null], ['net', 'kommun', 5, 1600000, null],
    ]);
    const ayande = entries.find((e) => e.id === 'ayande-goteborg-vaster')!;
    expect(ayande.participants).toBe(25);
    expect(ayande.figures).toEqual([expect.objectContaining({ key: 'payback', actor: 'samhallet', value: 22 })]);
  });

  it('uprating by KPI, hand-worked: 600 000 kr in 2011 prices = 600 000 × 418,0 / 311,43 = 805 317,41 kr in 2025', () => {
    const e = entries.find((x) => x.id === 'det-lonar-sig-2011')!;
    expect(e.priceYear).toBe(2011);
    const potential = e.figures.find((f) => f.key === 'potentialPerParticipantYear')!;
    expect(figureIn(e, potential, 2025, catalog)).toBeCloseTo(805317.41, 2);
    // 2011 to 2011: unchanged; months never uprated.
    expect(figureIn(e, potential, 2011, catalog)).toBe(600000);
    expect(figureIn(e, e.figures.find((f) => f.key === 'payback')!, 2025, catalog)).toBe(7);
  });
});

describe('validation of a reference entry', () => {
  const good = () => parseYaml(readFileSync(join(defaultBenchmarksDir(), 'futuro-karlstad-2011.yaml'), 'utf8')) as Record<string, any>;
  const problems = (raw: unknown) => validateBenchmark(raw, catalog, 'x/futuro-karlstad-2011.yaml').problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.sv}`);

  it('the bundled file passes', () => expect(problems(good())).toEqual([]));
  it('no source, no year: both named', () => {
    const raw = good();
    delete raw.sources;
    delete raw.year;
    expect(problems(raw)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^sources: minst en källa krävs/),
      expect.stringMatching(/^year: utgivningsår krävs/),
    ]));
  });
  it('an amount without a year cannot be uprated', () => {
    const raw = good();
    delete raw.year;
    raw.yearUnknown = 'Rapporten bär inget datum i den lästa delen.';
    expect(problems(raw)).toContain('figures[0]: belopp kräver ett prisår (year eller priceYear) för att kunna räknas om');
  });
  it('figure keys, actors, horizons and classes are checked', () => {
    const raw = good();
    raw.figures[0].horizon = undefined;
    raw.figures[2].actor = 'kommunen';
    raw.figures[3].key = 'vinst';
    raw.insatsklass = 'unga-vuxna/coaching';
    raw.id = 'annat-id';
    expect(problems(raw)).toEqual(expect.arrayContaining([
      'figures[0].horizon: horisont i år krävs för benefit (t.ex. 1 eller 5)',
      expect.stringMatching(/^figures\[2\]\.actor: aktör krävs för payback/),
      expect.stringMatching(/^figures\[3\]\.key: ska vara costTotal/),
      expect.stringMatching(/^insatsklass: okänd insatstyp "coaching"; menade du "coachning"\?/),
      'id: id ska vara filens namn (futuro-karlstad-2011)',
    ]));
  });
  it('duplicate ids across files are refused', () => {
    const text = readFileSync(join(defaultBenchmarksDir(), 'ayande-goteborg-vaster.yaml'), 'utf8');
    const r = parseBenchmarks({ 'a/ayande-goteborg-vaster.yaml': text, 'b/ayande-goteborg-vaster.yaml': text }, catalog);
    expect(r.problems.map((p) => p.sv)).toEqual(['id förekommer i flera filer']);
  });
});

describe('jamforelse', () => {
  it('a project beside the entries of its class and target group, own values from its calc', async () => {
    const { project } = await readProject('data/examples/unga-vuxna-coachning', catalog);
    const p = buildPortfolio([{ file: 'u', project: project!, result: calculate(project!, catalog) }], catalog);
    const { entries } = loadBenchmarks(catalog);
    expect(entriesFor('unga-vuxna/coachning', entries).map((x) => [x.entry.id, x.match])).toEqual([
      ['jobbcoach-ale-2011', 'klass'], ['det-lonar-sig-2011', 'malgrupp'], ['gora-skillnad', 'malgrupp'],
    ]);
    const c = compare(p, entries, catalog);
    const dls = c.projects[0].entries.find((e) => e.entry.id === 'det-lonar-sig-2011')!;
    const payback = dls.figures.find((f) => f.key === 'payback')!;
    expect(payback.own).toBe(p.rows[0].society.payback.months);
    expect(payback.reference).toBe(7);
    expect(dls.figures.find((f) => f.key === 'netPerParticipantYear')!.own).toBe(p.rows[0].netPerParticipantYear);
    // A horizon the project does not have gives no own value.
    expect(ownValue(p.rows[0], { key: 'net', actor: 'kommun', horizon: 3 })).toBeNull();
    expect(ownValue(p.rows[0], { key: 'net', actor: 'kommun', horizon: 5 })).toBe(p.rows[0].funders.kommun.net);
  });

  it('CLI: the table carries the caveat; lagg-till writes a template that passes kontrollera, and never overwrites', async () => {
    let io = captureIo();
    expect(await run(['jamforelse', 'data/examples/unga-vuxna-coachning'], io)).toBe(0);
    expect(io.stdout).toContain('Andra utvärderares siffror, andra metoder');
    expect(io.stdout).toContain('Återbetalningstid (mån), samhället');
    const file = join(tmp, 'mitt-projekt-2024.yaml');
    io = captureIo();
    expect(await run(['jamforelse', 'lagg-till', file], io)).toBe(0);
    expect(existsSync(file)).toBe(true);
    io = captureIo();
    expect(await run(['jamforelse', 'kontrollera', file], io)).toBe(0);
    expect(io.stdout).toBe('1 referensposter utan fel.\n');
    io = captureIo();
    expect(await run(['jamforelse', 'lagg-till', file], io)).toBe(1);
    expect(io.stderr).toContain('filen finns redan');
    writeFileSync(file, readFileSync(file, 'utf8').replace('year: 2024', 'year: tjugotjugofyra'));
    io = captureIo();
    expect(await run(['jamforelse', 'kontrollera', file], io)).toBe(1);
    expect(io.stderr).toContain(`${file}: year: ett årtal (ÅÅÅÅ) (fick "tjugotjugofyra")`);
  });
});

describe('report section Jämförande värden', () => {
  it('the project beside the entries of its class, amounts uprated, the caveat in the note', async () => {
    const { referenceTable } = await import('../../lib/report/reference-values.js');
    const { project } = await readProject('data/examples/unga-vuxna-coachning', catalog);
    const result = calculate(project!, catalog);
    const { entries } = loadBenchmarks(catalog);
    const t = referenceTable(project!, result, catalog, entries, 'sv');
    expect(t.title).toBe('Jämförande värden');
    expect(t.rows.map((r) => [String(r.reference).split('|')[0].slice(0, 30), r.match, r.figure])).toEqual([
      ['Samhällsekonomisk utvärdering ', 'samma klass', 'inga siffror i den lästa delen av källan'],
      ['Det lönar sig - en analys av 2', 'samma målgrupp', 'Potential per deltagare och år'],
      ['Det lönar sig - en analys av 2', 'samma målgrupp', 'Lönsamhet per deltagare och år'],
      ['Det lönar sig - en analys av 2', 'samma målgrupp', 'Återbetalningstid (mån), samhället'],
      ['Samhällsekonomisk utvärdering,', 'samma målgrupp', 'inga siffror i den lästa delen av källan'],
    ]);
    // 600 000 × 418,0 / 311,43 = 805 317,41 → 805 317 kr; the project's own potential per participant beside it.
    expect(t.rows[1].value).toBe(805317);
    expect(t.rows[1].own).toBe(Math.round(result.potential.perParticipant.potentialFore));
    expect(t.rows[3].value).toBe('7,0 mån');
    expect(t.note).toContain('Andra utvärderares siffror, andra metoder');
    expect(t.note).toContain('omräknade med KPI till 2025 års priser');
  });

  it('a project without a class gets an empty table that says why', async () => {
    const { referenceTable } = await import('../../lib/report/reference-values.js');
    const { project } = await readProject('data/examples/unga-vuxna-coachning', catalog);
    const bare = { ...project!, insatsklass: undefined };
    const t = referenceTable(bare, calculate(bare, catalog), catalog, loadBenchmarks(catalog).entries, 'en');
    expect(t.rows).toEqual([]);
    expect(t.note).toContain('The project has no insatsklass');
  });
});

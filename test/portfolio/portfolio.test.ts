import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { calculate } from '../../lib/calculate.js';
import { forecast } from '../../lib/forecast/forecast.js';
import { readPlan } from '../../lib/forecast/plan.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { indexValue } from '../../lib/catalog/value-at.js';
import { validateProject } from '../../lib/model/project.js';
import { loadPortfolio } from '../../lib/portfolio/load.js';
import { buildPortfolio, KEY_FIGURES, keyFigure, type PortfolioInput } from '../../lib/portfolio/portfolio.js';
import { portfolioJson } from '../../lib/report/portfolio/present.js';
import { centre, deviation } from '../../lib/portfolio/stats.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';
import { captureIo } from '../helpers/io.js';

const tmp = mkdtempSync(join(tmpdir(), 'samnytta-portfolj-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('portfolio over the bundled examples', () => {
  const catalog = loadCatalog();

  it('every number in a row equals the same project\'s own calc', async () => {
    const { inputs, failures } = await loadPortfolio('data/examples', catalog);
    expect(failures).toEqual([]);
    expect(inputs.map((i) => i.file)).toEqual([
      'aggregerad-overgangar/projekt.yaml', 'egna-poster/projekt.yaml', 'esf-prognos/prognos.yaml', 'esf-utfall/projekt.yaml', 'excel-exempel/projekt.yaml',
      'ips-stodjande-anstallning/projekt.yaml', 'medlemskommuner/projekt.yaml', 'sa-ae-psykiatri/projekt.yaml', 'unga-vuxna-coachning/projekt.yaml', 'uppfoljning-tre-ar/projekt.yaml',
    ]);
    const p = buildPortfolio(inputs, catalog);
    expect(p.priceYear).toBe(2025);
    expect(p.upratedFrom).toEqual([]);
    for (const row of p.rows) {
      // The project's own calc, read independently of the portfolio.
      const read = inputs.find((i) => i.file === row.file)!;
      // A plan's row is its optimism-adjusted forecast (staggered intake), computed here afresh.
      const r = read.project.kind === 'prognos' ? forecast((await readPlan(join('data/examples', row.file), catalog)).plan!, catalog).adjusted.result : calculate(read.project, catalog);
      const H = r.project.horizonYears;
      const N = r.participants;
      const s = r.groups.samhallet;
      expect(row.uprating).toBe(1);
      expect(row.participants).toBe(N);
      expect(row.cost).toBe(r.project.costTotal);
      expect(row.costPerParticipant).toBe(r.project.costTotal / N);
      expect(row.potentialPerParticipant).toBe(r.potential.fore / N);
      expect(row.verkningsgrad).toBe(r.potential.verkningsgrad);
      expect(row.annualEffectPerParticipant).toBe(s.annualEffect / N);
      expect(row.netPerParticipantYear).toBe(s.horizons[String(H)].net / N / H);
      expect(row.society).toEqual({ cost: s.cost, benefit: s.horizons[String(H)].benefit, net: s.horizons[String(H)].net, payback: { status: s.payback.status, months: s.payback.months } });
      for (const f of p.funders) {
        const a = r.actors[f.id];
        expect(row.funders[f.id]).toEqual({ cost: a.cost, benefit: a.horizons[String(H)].benefit, net: a.horizons[String(H)].net, payback: { status: a.payback.status, months: a.payback.months } });
      }
      expect(row.insatsklass).toBe(read.project.insatsklass);
      expect(row.evidence).toBe(r.project.evidence);
    }
    // Funders: every actor bearing cost in some example, in catalogue order.
    expect(p.funders.map((f) => f.id)).toEqual(['kommun', 'region', 'fk', 'ovrigStat']);
    // Totals are the sums of the rows.
    expect(p.totals.society.cost).toBeCloseTo(p.rows.reduce((x, r) => x + r.society.cost, 0), 6);
    expect(p.totals.funders.kommun.net).toBeCloseTo(p.rows.reduce((x, r) => x + r.funders.kommun.net, 0), 6);
  });

  it('every bundled example declares a known insatsklass', async () => {
    const { inputs } = await loadPortfolio('data/examples', catalog);
    for (const i of inputs) expect(i.project.insatsklass, i.file).toMatch(/^[a-z-]+\/[a-z-]+$/);
  });
});

describe('deviation from mean and median: three-project fixture', () => {
  const catalog = testCatalog();
  // test.vard: a real cost of 1 000 kr per visit the region pays; society saves it when visits stop.
  const project = (name: string, weight: number, visitsPerMonth: number, cost: number, priceYear = 2025): PortfolioInput => {
    const p = makeProject({
      name, priceYear, horizonYears: 5, cost: { total: cost, financing: 'finsam' },
      participants: [{ id: 'p', weight, fore: { lines: [{ item: 'test.vard', months: 12, perMonth: visitsPerMonth }] }, efter: { lines: [] } }],
    }, catalog);
    return { file: `${name}.yaml`, project: p, result: calculate(p, catalog) };
  };
  // A: 1 participant, 2 visits/month → saves 24 000 kr/yr; cost 10 000.
  // B: 2 participants, 1 visit/month each → 24 000 kr/yr in all, 12 000 per participant; cost 40 000.
  // C: 1 participant, 3 visits/month → 36 000 kr/yr; cost 60 000.
  const p = buildPortfolio([project('C', 1, 3, 60000), project('A', 1, 2, 10000), project('B', 2, 1, 40000)], catalog);

  it('rows sorted by file; key figures by hand', () => {
    expect(p.rows.map((r) => r.name)).toEqual(['A', 'B', 'C']);
    // cost per participant: 10 000/1, 40 000/2, 60 000/1
    expect(p.rows.map((r) => r.costPerParticipant)).toEqual([10000, 20000, 60000]);
    // annual effect per participant: 24 000/1, 24 000/2, 36 000/1
    expect(p.rows.map((r) => r.annualEffectPerParticipant)).toEqual([24000, 12000, 36000]);
    // lönsamhet per participant and year: (5·24 000 − 10 000)/1/5 = 22 000; (5·24 000 − 40 000)/2/5 = 8 000; (5·36 000 − 60 000)/1/5 = 24 000
    expect(p.rows.map((r) => r.netPerParticipantYear)).toEqual([22000, 8000, 24000]);
    // payback society 12·C/Δ: 12·10 000/24 000 = 5; 12·40 000/24 000 = 20; 12·60 000/36 000 = 20
    expect(p.rows.map((r) => keyFigure(r, 'paybackMonths'))).toEqual([5, 20, 20]);
  });

  it('means, medians and deviations by hand', () => {
    // cost/participant: mean (10 000 + 20 000 + 60 000)/3 = 30 000; median 20 000
    expect(p.centres.costPerParticipant).toEqual({ n: 3, mean: 30000, median: 20000 });
    // deviations from mean: −20 000 (−2/3), −10 000 (−1/3), +30 000 (+1); from median: −10 000 (−1/2), 0 (0), +40 000 (+2)
    expect(p.deviations.map((d) => d.costPerParticipant.fromMean)).toEqual([-20000, -10000, 30000]);
    expect(p.deviations.map((d) => d.costPerParticipant.fromMeanRelative)).toEqual([-2 / 3, -1 / 3, 1]);
    expect(p.deviations.map((d) => d.costPerParticipant.fromMedian)).toEqual([-10000, 0, 40000]);
    expect(p.deviations.map((d) => d.costPerParticipant.fromMedianRelative)).toEqual([-0.5, 0, 2]);
    // lönsamhet/participant/year: mean (22 000 + 8 000 + 24 000)/3 = 18 000; median 22 000
    expect(p.centres.netPerParticipantYear).toEqual({ n: 3, mean: 18000, median: 22000 });
    // from mean: +4 000 (+4/18), −10 000 (−10/18), +6 000 (+6/18)
    expect(p.deviations.map((d) => d.netPerParticipantYear.fromMean)).toEqual([4000, -10000, 6000]);
    expect(p.deviations.map((d) => d.netPerParticipantYear.fromMeanRelative)).toEqual([4000 / 18000, -10000 / 18000, 6000 / 18000]);
    // payback: mean (5 + 20 + 20)/3 = 15, median 20
    expect(p.centres.paybackMonths).toEqual({ n: 3, mean: 15, median: 20 });
    // totals: cost 110 000 kr; society benefit 5·(24 000 + 24 000 + 36 000) = 420 000; return 420 000/110 000
    expect(p.totals.society.cost).toBe(110000);
    expect(p.totals.society.benefit).toBe(420000);
    expect(p.totals.society.returnPerKrona).toBe(420000 / 110000);
    // finsam: the region bears 25 % of each cost (27 500 kr) and receives every saving (420 000 kr)
    expect(p.totals.funders.region).toEqual({ cost: 27500, benefit: 420000, net: 392500, returnPerKrona: 420000 / 27500 });
    const json = portfolioJson(p);
    expect(json.projects[0].deviations.costPerParticipant).toEqual({ fromMean: -20000, fromMeanRelative: -0.6667, fromMedian: -10000, fromMedianRelative: -0.5 });
  });

  it('uprating by KPI: a 2023 project in a 2025 portfolio', () => {
    const up = buildPortfolio([project('C', 1, 3, 60000, 2023), project('A', 1, 2, 10000)], catalog);
    expect(up.priceYear).toBe(2025);
    expect(up.upratedFrom).toEqual([2023]);
    const c = up.rows[1];
    // KPI årsmedel 2025 = 418,0 and 2023 = 403,70: 60 000 × 418,0/403,70 = 62 125,34 kr
    expect(indexValue(catalog, 'index.kpi_arsmedel', 2025)).toBe(418.0);
    expect(indexValue(catalog, 'index.kpi_arsmedel', 2023)).toBe(403.7);
    expect(c.costPerParticipant).toBeCloseTo(62125.34, 2);
    expect(c.verkningsgrad).toBe(up.rows[1].verkningsgrad);
    // months are not uprated: 12·60 000/36 000 = 20
    expect(c.society.payback.months).toBe(20);
    // --prisar 2023 moves A down instead: 10 000 × 403,70/418,0 = 9 657,89
    const down = buildPortfolio([project('C', 1, 3, 60000, 2023), project('A', 1, 2, 10000)], catalog, { priceYear: 2023 });
    expect(down.rows[0].costPerParticipant).toBeCloseTo(9657.89, 2);
    expect(down.rows[1].costPerParticipant).toBe(60000);
  });
});

describe('centre and deviation', () => {
  it('hand-worked: nulls left out, even count takes the middle pair', () => {
    expect(centre([1, 2, null, 6])).toEqual({ n: 3, mean: 3, median: 2 });
    expect(centre([4, 1, 3, 2])).toEqual({ n: 4, mean: 2.5, median: 2.5 });
    expect(centre([null])).toEqual({ n: 0, mean: null, median: null });
    expect(deviation(5, { n: 2, mean: 0, median: 5 })).toEqual({ fromMean: 5, fromMeanRelative: null, fromMedian: 0, fromMedianRelative: 0 });
  });

  it('property: deviations from the mean sum to zero; half the values lie on each side of the median', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 40 }), (xs) => {
      const c = centre(xs);
      const sum = xs.reduce((s, x) => s + deviation(x, c).fromMean!, 0);
      expect(Math.abs(sum)).toBeLessThan(1e-6 * xs.length * 1e6);
      expect(xs.filter((x) => x < c.median!).length).toBeLessThanOrEqual(xs.length / 2);
      expect(xs.filter((x) => x > c.median!).length).toBeLessThanOrEqual(xs.length / 2);
    }));
  });
});

describe('samnytta portfolj: one invalid project', () => {
  const dir = join(tmp, 'forbund');
  mkdirSync(join(dir, 'trasig'), { recursive: true });
  cpSync('data/examples/egna-poster', join(dir, 'egna-poster'), { recursive: true });
  cpSync('data/examples/unga-vuxna-coachning/projekt.yaml', join(dir, 'unga.yaml'));
  writeFileSync(join(dir, 'trasig', 'projekt.yaml'), 'name: Trasig\npriceYear: 2025\ninsatsklass: unga-vuxna/coaching\ncost: { total: -5, financing: finsam }\nparticipants: []\n');
  writeFileSync(join(dir, 'anteckningar.yaml'), 'text: inte ett projekt\n');

  it('reports the others, names the invalid one with its errors, exit 1', async () => {
    const io = captureIo();
    const code = await run(['portfolj', dir], io);
    expect(code).toBe(1);
    expect(io.stdout).toContain('Portfölj: 2 projekt');
    expect(io.stdout).toContain('Lokal arbetsträning – egna poster');
    expect(io.stdout).toContain('Unga vuxna – coachningsteam');
    expect(io.stdout).not.toContain('Trasig');
    expect(io.stderr).toContain('1 projekt kunde inte räknas');
    expect(io.stderr).toContain(`${join(dir, 'trasig', 'projekt.yaml')}: insatsklass: okänd insatstyp "coaching"; menade du "coachning"?`);
    expect(io.stderr).toContain(`${join(dir, 'trasig', 'projekt.yaml')}: cost.total: får inte vara negativt (fick -5)`);
  });

  it('JSON carries the error too; the alias portfolio and --lang en work', async () => {
    const io = captureIo();
    const code = await run(['portfolio', dir, '--format', 'json', '--lang', 'en'], io);
    expect(code).toBe(1);
    const json = JSON.parse(io.stdout);
    expect(json.projects.map((p: { file: string }) => p.file)).toEqual(['egna-poster/projekt.yaml', 'unga.yaml']);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].file).toBe('trasig/projekt.yaml');
    expect(json.errors[0].problems.join('\n')).toContain('unknown kind of insats "coaching"; did you mean "coachning"?');
  });

  it('xlsx and html need --out (usage error, exit 2)', async () => {
    const io = captureIo();
    expect(await run(['portfolj', 'data/examples', '--format', 'html'], io)).toBe(2);
    expect(io.stderr).toContain('--out');
  });
});

describe('insatsklass', () => {
  const catalog = loadCatalog();
  const base = { name: 'X', priceYear: 2025, cost: { total: 0, financing: 'finsam' }, participants: [{ id: 'a', fore: { lines: [] }, efter: { lines: [] } }] };
  it('accepts målgrupp/insatstyp and the × notation', () => {
    expect(validateProject({ ...base, insatsklass: 'sa-ae × ips' }, catalog, 'p.yaml').project?.insatsklass).toBe('sa-ae/ips');
  });
  it('unknown class: error naming the part, with a suggestion', () => {
    const r = validateProject({ ...base, insatsklass: 'unga/ips' }, catalog, 'p.yaml');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].path).toBe('insatsklass');
    expect(r.problems[0].sv).toContain('okänd målgrupp "unga"; menade du "unga-vuxna"?');
  });
});

describe('samnytta portfolj: files', () => {
  it('writes JSON, XLSX and a standalone HTML page with both charts; same bytes on a second run', async () => {
    const out1 = join(tmp, 'ut1'), out2 = join(tmp, 'ut2');
    for (const out of [out1, out2]) {
      const io = captureIo();
      expect(await run(['portfolj', 'data/examples', '--format', 'table,json,xlsx,html', '--out', out], io)).toBe(0);
      expect(io.stdout).toContain('Portfölj: 10 projekt');
    }
    const { readFileSync } = await import('node:fs');
    for (const f of ['portfolj.json', 'portfolj.xlsx', 'portfolj.html']) expect(readFileSync(join(out1, f)).equals(readFileSync(join(out2, f))), f).toBe(true);
    const html = readFileSync(join(out1, 'portfolj.html'), 'utf8');
    expect(html).toContain('id="chart-kostnad-lonsamhet"');
    expect(html).toContain('id="chart-aterbetalning-per-finansiar"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out1, 'portfolj.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Projekt')!;
    expect(ws.getCell('A2').value).toBe('Aggregerat exempel – arbetslivsinriktad rehabilitering');
    // Mean row under ten projects (the forecast plan included): AVERAGE over rows 2–11 of the cost-per-participant column.
    expect((ws.getCell('K12').value as { formula: string }).formula).toBe('AVERAGE(K2:K11)');
  });
});

/**
 * The forecast's report and one-page summary: labelled Prognos everywhere, what the forecast rests
 * on instead of the before/after upper bound, no participant tables, every funder (ESF included)
 * in break-even and Monte Carlo, the break-even sentence rounded up to whole participants.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { readPlan } from '../../lib/forecast/plan.js';
import { forecastReport } from '../../lib/report/forecast.js';
import { buildForecastReport, forecastCharts, forecastModel, summaryMarkdown } from '../../lib/report/forecast-report.js';
import { handPlan, writePlan } from './plan-fixture.js';

const catalog = loadCatalog();
const esf = async () => forecastReport((await readPlan('data/examples/esf-prognos', catalog)).plan!, catalog, { draws: 300, seed: 3 });

describe('forecast report', () => {
  it('is titled Prognos, states its basis instead of an upper bound, and has no participant tables', async () => {
    const rep = await esf();
    for (const lang of ['sv', 'en'] as const) {
      const m = forecastModel(rep, lang);
      expect(m.kind).toBe('forecast');
      expect(m.title).toMatch(lang === 'sv' ? /^Prognos/ : /^Forecast/);
      expect(m.evidence.upperBound).toBe(false);
      expect(m.basis!.join(' ')).toContain(lang === 'sv' ? 'Detta är en prognos' : 'This is a forecast');
      expect(m.tables.some((t) => t.id.startsWith('deltagare-'))).toBe(false);
      expect(m.tables.map((t) => t.id)).toEqual(expect.arrayContaining(['prognos-utfall', 'prognos-justering', 'prognos-aterforing', 'prognos-breakeven', 'prognos-montecarlo']));
      expect(m.warnings.join(' ')).not.toMatch(/övre gräns|upper bound/);
      for (const c of forecastCharts(rep, lang)) {
        expect(c.title).toMatch(lang === 'sv' ? /^Prognos: / : /^Forecast: /);
        expect(c.svg).toContain(c.title.slice(0, 20));
      }
    }
    const { files } = await buildForecastReport(rep, ['html', 'md', 'json'], 'sv');
    const get = (p: string) => String(files.find((f) => f.path === p)!.data);
    const html = get('rapport.html');
    expect(html).toContain('<h1>Prognos – samhällsekonomisk kalkyl: Steg till arbete – ESF-ansökan</h1>');
    expect(html).toContain('Målgruppen och de förväntade utfallen');
    expect(html).not.toContain('Övre gräns');
    expect(html).not.toContain('Deltagare efter');
    const json = JSON.parse(get('rapport.json'));
    expect(json.kind).toBe('forecast');
    expect(json.forecast.kind).toBe('forecast');
    expect(json.result.warnings.join(' ')).not.toContain('övre gräns');
    for (const id of ['ovrigStat', 'fk', 'kommun', 'region']) {
      expect(json.forecast.breakEven.findings.some((x: { target: string }) => x.target === id), id).toBe(true);
      expect(json.forecast.monteCarlo.targets.some((x: { id: string; funder: boolean }) => x.id === id && x.funder), id).toBe(true);
    }
  });

  it('the summary says, per funder, how many of the participants must find work — rounded up', async () => {
    // The hand-worked plan: the kommun needs s* = 50 000 / (144 000 × 1.4) = 0.248 of 10 → at least 3 (not 2).
    const rep = forecastReport((await readPlan(writePlan(handPlan()), catalog)).plan!, catalog, { draws: 200, seed: 1 });
    const md = summaryMarkdown(rep, 'sv', '2025-12-31');
    expect(md).toContain('Insatsen återbetalar sig för kommunen inom 2 år om minst 3 av 10 deltagare går till jobb (24,8 %).');
    expect(md).toContain('Insatsen återbetalar sig inte för regionen inom 2 år ens om alla 10 deltagare går till jobb.');
    expect(md).toContain('```json');
    const block = JSON.parse(md.split('```json\n')[1].split('\n```')[0]);
    expect(block.kind).toBe('forecast');
    expect(block.finansiarer.find((f: { id: string }) => f.id === 'kommun').breakEvenDeltagare).toBe(3);
    const en = summaryMarkdown(rep, 'en', '2025-12-31');
    expect(en).toContain('The intervention pays back for the municipality within 2 years if at least 3 of 10 participants move to jobb (24.8%).');
  });
});

/**
 * The plan's inputs: `andel` in a transition table (plan mode), its errors naming the row, the
 * misleading "at least one participant" message gone when a table was given, and every funder
 * (ESF included) in `breakeven` on an evaluation.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { readPlan } from '../../lib/forecast/plan.js';
import { readProject } from '../../lib/model/read-project.js';
import { priceProject } from '../../lib/engine/price.js';
import { breakEven, resolveBreakEvenTarget } from '../../lib/sensitivity/break-even.js';
import { formatProblem } from '../../lib/util/errors.js';
import { run } from '../../cli/main.js';
import { handPlan, writePlan } from './plan-fixture.js';

const catalog = loadCatalog();
const errors = (ps: { severity: string }[]) => ps.filter((p) => p.severity === 'error') as Parameters<typeof formatProblem>[0][];

describe('transition table with andel (plan mode)', () => {
  it('reads shares from a CSV outcome table, with percent, low/high, evidence and source', async () => {
    const csv = 'forsorjning_fore;forsorjning_efter;andel;lag;hog;evidens;kalla\nbidrag;jobb;50 %;30 %;60 %;egna tidigare resultat;förstudie\nvard;oförändrad;0,1;;;;\nvard;jobb;0,25;0,1;0,4;antagande;\n';
    const { outcomes: _o, ...rest } = handPlan();
    const r = await readPlan(writePlan({ ...rest, outcomesFile: 'utfall.csv' }, { 'utfall.csv': csv }), catalog);
    expect(errors(r.problems).map((p) => formatProblem(p))).toEqual([]);
    const p = r.plan!;
    expect(p.outcomes.map((o) => [o.fore, o.efter, o.share, o.low, o.high, o.evidence, o.source ?? null, o.row])).toEqual([
      ['bidrag', 'jobb', 0.5, 0.3, 0.6, 'egna', 'förstudie', 2],
      ['vard', 'vard', 0.1, 0.1, 0.1, 'antagande', null, 3],
      ['vard', 'jobb', 0.25, 0.1, 0.4, 'antagande', null, 4],
    ]);
    // Weights: 6 × 0.5 = 3, 4 × 0.1, 4 × 0.25; unchanged 3 and 4 × 0.65.
    expect(p.project.participants.map((x) => +x.weight.toFixed(9))).toEqual([3, 0.4, 1, 3, 2.6]);
  });

  it('refuses shares summing above 100 % for a före group, naming the rows', async () => {
    const r = await readPlan(writePlan(handPlan({ outcomes: [
      { fore: 'bidrag', efter: 'jobb', andel: 0.7 }, { fore: 'vard', efter: 'jobb', andel: 0.2 }, { fore: 'bidrag', efter: 'vard', andel: 0.4 },
    ] })), catalog);
    const msgs = errors(r.problems).map((p) => formatProblem(p));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('blad outcomes: rad 1, kolumn andel');
    expect(msgs[0]).toContain('andelarna för försörjning före bidrag summerar till 110 % (över 100 %) på rad 1, 3');
    expect(r.plan).toBeUndefined();
  });

  it('refuses a negative share, a share above 1, and low/high around the wrong side, naming row and column', async () => {
    const r = await readPlan(writePlan(handPlan({ outcomes: [
      { fore: 'bidrag', efter: 'jobb', andel: -0.1 }, { fore: 'vard', efter: 'jobb', andel: 1.5 }, { fore: 'vard', efter: 'bidrag', andel: 0.2, low: 0.3 },
    ] })), catalog);
    const msgs = errors(r.problems).map((p) => formatProblem(p));
    expect(msgs).toEqual([
      expect.stringMatching(/rad 1, kolumn andel \(D1\): andelen får inte vara negativ \(fick -0\.1\)/),
      expect.stringMatching(/rad 2, kolumn andel \(D2\): andelen är över 100 %.*\(fick 1\.5\)/),
      expect.stringMatching(/rad 3, kolumn lag \(G3\): lågt värde ≤ andel ≤ högt värde krävs/),
    ]);
  });

  it('an evaluation project refuses andel with a hint, and no longer says "minst en deltagare krävs" when a table was given', async () => {
    const dir = writePlan({ name: 'x', priceYear: 2025, cost: { total: 1000, financing: 'finsam' }, transitionsFile: 't.csv' }, { 't.csv': 'forsorjning_fore;forsorjning_efter;andel\nforsorjningsstod;arbete;0,5\n' });
    const r = await readProject(dir, catalog);
    const msgs = errors(r.problems).map((p) => formatProblem(p));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/rad 2, kolumn andel \(C2\): en andel kräver målgruppens antal per försörjning före: gör en prognos \(kind: prognos/);
    expect(msgs.join('\n')).not.toContain('minst en deltagare');
    const zero = await readProject(writePlan({ name: 'x', priceYear: 2025, cost: { total: 1000, financing: 'finsam' }, transitionsFile: 't.csv' }, { 't.csv': 'forsorjning_fore;forsorjning_efter;antal\nforsorjningsstod;arbete;0\n' }), catalog);
    expect(errors(zero.problems).map((p) => formatProblem(p))).toEqual([expect.stringContaining('transitionsFile: tabellen gav inga deltagare')]);
  });

  it('a plan given to calc is refused with a pointer to samnytta prognos (exit 1)', async () => {
    let err = '';
    const code = await run(['calc', 'data/examples/esf-prognos/prognos.yaml'], { out: () => {}, err: (t) => { err += t; }, isTTY: false });
    expect(code).toBe(1);
    expect(err).toContain('kör samnytta prognos');
  });
});

describe('breakeven on an evaluation: every funder', () => {
  it('includes Övrig stat when an ESF key finances a year (ips-stodjande-anstallning)', async () => {
    const { project } = await readProject('data/examples/ips-stodjande-anstallning', catalog);
    const be = breakEven(project!, catalog, resolveBreakEvenTarget('anstallning', catalog), { price: (p) => priceProject(p, catalog), verify: false });
    expect(be.findings.map((f) => f.target)).toEqual(['samhallet', 'fk', 'af', 'kommun', 'region', 'ovrigStat']);
  });
});

describe('samnytta prognos', () => {
  it('prints the forecast JSON with kind forecast, and a table headed Prognos in both languages', async () => {
    let out = '';
    const io = { out: (t: string) => { out += t; }, err: () => {}, isTTY: false };
    expect(await run(['prognos', 'data/examples/esf-prognos', '--format', 'json', '--draws', '200'], io)).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.kind).toBe('forecast');
    expect(doc.schema).toBe('samnytta/forecast@1');
    expect(doc.adjusted.warnings.join('\n')).not.toContain('övre gräns');
    out = '';
    expect(await run(['prognos', 'data/examples/esf-prognos', '--draws', '200'], io)).toBe(0);
    expect(out.split('\n')[0]).toBe('Prognos: Steg till arbete – ESF-ansökan');
    expect(out).toContain('Övrig stat (ESF)');
    out = '';
    expect(await run(['prognos', 'data/examples/esf-prognos', '--draws', '200', '--lang', 'en'], io)).toBe(0);
    expect(out.split('\n')[0]).toBe('Forecast: Steg till arbete – ESF-ansökan');
    expect(await run(['prognos', 'data/examples/esf-prognos', '--draws', '0'], io)).toBe(2);
  });
});

/**
 * Member kommuner (issue 11 item 1, method §5.2), a Futuro-like förbund of three members worked
 * by hand with test.bidrag (kommun → individ, 10 000 kr/month, tax-free, so the kommun's change is
 * just the bidrag). Price year 2025, H = 5, r = 0, no dödvikt or avklingning.
 *   Karlstad 8 × (12 months of bidrag → none) : 8 × 120 000 = 960 000 kr/år
 *   Hammarö  6 × (6 months → none)            : 6 ×  60 000 = 360 000 kr/år
 *   Grums    5 × (12 months → 6 months)       : 5 ×  60 000 = 300 000 kr/år
 *   kommun = 1 620 000 kr/år.
 * Cost 1 000 000 kr; financing fk 0.5, region 0.25, kommun:Karlstad 0.15, kommun:Hammarö 0.05,
 * kommun:Grums 0.05 → 150 000 / 50 000 / 50 000 kr; the kommun actor's cost 250 000 kr.
 * Payback 12·C/Δ (rounded up to a tenth): Karlstad 12 × 150 000 / 960 000 = 1.875 → 1.9 months;
 * Hammarö 12 × 50 000 / 360 000 = 1.667 → 1.7; Grums 12 × 50 000 / 300 000 = 2.0.
 * Lönsamhet 1 år: 960 000 − 150 000 = 810 000; 360 000 − 50 000 = 310 000; 300 000 − 50 000 = 250 000.
 * Lönsamhet 5 år: 5 × 960 000 − 150 000 = 4 650 000; 1 800 000 − 50 000 = 1 750 000; 1 500 000 − 50 000 = 1 450 000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceProject } from '../../lib/engine/price.js';
import { validateProject } from '../../lib/model/project.js';
import { evaluate } from '../../lib/results/evaluate.js';
import { checkMembersSupported, hasMembers, memberResults, membersSupported } from '../../lib/results/members.js';
import { membersJson } from '../../lib/report/members.js';
import { toResultJson } from '../../lib/report/result-json.js';
import { makeProject, testCatalog } from '../helpers/catalog.js';

const catalog = testCatalog();
const bidrag = (months: number) => ({ item: 'test.bidrag', months });
const member = (id: string, kommun: string, weight: number, fore: number, efter: number) => ({
  id, weight, attributes: { kommun }, fore: { lines: fore ? [bidrag(fore)] : [] }, efter: { lines: efter ? [bidrag(efter)] : [] },
});
const FUTURO = [member('k', 'Karlstad', 8, 12, 0), member('h', 'Hammarö', 6, 6, 0), member('g', 'grums', 5, 12, 6)];
const KEY = { fk: 0.5, region: 0.25, 'kommun:Karlstad': 0.15, 'kommun:hammarö': 0.05, 'KOMMUN:Grums': 0.05 };

const run = (raw: Record<string, unknown>, threshold?: number) => {
  const project = makeProject(raw);
  const ledger = priceProject(project, catalog);
  return { project, result: evaluate(ledger, project, catalog), members: memberResults(ledger, project, catalog, threshold ?? project.disclosureThreshold) };
};

describe('member kommuner: a Futuro-like förbund (Karlstad, Hammarö, Grums)', () => {
  const { result, members } = run({ cost: { total: 1_000_000, financing: KEY }, participants: FUTURO });
  const by = (name: string) => members.members.find((m) => m.name === name)!;

  it('states each member\'s effect, cost, payback and lönsamhet', () => {
    expect(members.members.map((m) => m.id)).toEqual(['kommun:Grums', 'kommun:Hammarö', 'kommun:Karlstad']);
    expect(members.costBasis).toBe('key');
    expect(by('Karlstad')).toMatchObject({ participants: 8, annualEffect: 960_000, cost: 150_000, withheld: null });
    expect(by('Karlstad').payback).toEqual({ status: 'months', months: 1.9, simpleMonths: 1.9 });
    expect(by('Karlstad').horizons!['1'].net).toBe(810_000);
    expect(by('Karlstad').horizons!['5'].net).toBe(4_650_000);
    expect(by('Hammarö')).toMatchObject({ participants: 6, annualEffect: 360_000, cost: 50_000 });
    expect(by('Hammarö').payback!.months).toBe(1.7);
    expect(by('Hammarö').horizons!['1'].net).toBe(310_000);
    expect(by('Hammarö').horizons!['5'].net).toBe(1_750_000);
    expect(by('Grums')).toMatchObject({ participants: 5, annualEffect: 300_000, cost: 50_000 });
    expect(by('Grums').payback!.months).toBe(2);
    expect(by('Grums').horizons!['1'].net).toBe(250_000);
    expect(by('Grums').horizons!['5'].net).toBe(1_450_000);
  });

  it('members sum to the kommun actor (effect, cost, 5-year net)', () => {
    const sum = (f: (m: (typeof members.members)[number]) => number) => members.members.reduce((s, m) => s + f(m), 0);
    expect(result.actors.kommun.annualEffect).toBe(1_620_000);
    expect(result.actors.kommun.cost).toBe(250_000);
    expect(sum((m) => m.annualEffect!)).toBe(1_620_000);
    expect(sum((m) => m.cost!)).toBe(250_000);
    expect(sum((m) => m.horizons!['5'].net)).toBe(result.actors.kommun.horizons['5'].net);
  });

  it('the actors see the members\' shares as the kommun\'s (financing key folded)', () => {
    expect(result.actors.fk.cost).toBe(500_000);
    expect(result.actors.region.cost).toBe(250_000);
  });

  it('gives the results JSON a members array', () => {
    const json = toResultJson(result, 'sv', membersJson(members.members));
    expect(json.members![2]).toEqual({
      id: 'kommun:Karlstad', name: 'Karlstad', participants: 8, withheld: null, annualEffect: 960000, cost: 150000,
      horizons: { '1': { benefit: 960000, cost: 150000, net: 810000, roi: 5.4 }, '5': { benefit: 4800000, cost: 150000, net: 4650000, roi: 31 } },
      payback: { status: 'months', months: 1.9, simpleMonths: 1.9 },
    });
  });
});

describe('member kommuner: disclosure', () => {
  // Kristinehamn has 2 participants (< 5): 2 × 120 000 = 240 000 kr/år, no cost share. Withholding
  // it alone would leave it as kommun − the others, so the smallest shown member (Grums, 5) joins
  // it in "övriga medlemmar": 7 participants, 240 000 + 300 000 = 540 000 kr/år, cost 50 000 kr,
  // payback 12 × 50 000 / 540 000 = 1.11 → 1.2 months.
  const { members } = run({ cost: { total: 1_000_000, financing: KEY }, participants: [...FUTURO, member('kr', 'Kristinehamn', 2, 12, 0)] });
  const by = (id: string) => members.members.find((m) => m.id === id)!;

  it('withholds the small member and the one that would reveal it, and shows their sum', () => {
    expect(by('kommun:Kristinehamn')).toMatchObject({ withheld: 'fewParticipants', annualEffect: null, cost: null, payback: null });
    expect(by('kommun:Grums')).toMatchObject({ withheld: 'complement', annualEffect: null });
    expect(by('kommun:Karlstad').withheld).toBeNull();
    expect(by('kommun:ovriga')).toMatchObject({ participants: 7, annualEffect: 540_000, cost: 50_000, withheld: null });
    expect(by('kommun:ovriga').payback!.months).toBe(1.2);
  });

  it('leaves withheld counts out of the JSON', () => {
    const json = membersJson(members.members);
    expect(json.find((m) => m.id === 'kommun:Kristinehamn')).toMatchObject({ participants: null, annualEffect: null, horizons: null });
  });
});

describe('member regions: a förbund spanning Värmland and Örebro', () => {
  // test.vard: the region pays 1 000 kr per visit. Karlstad (län 17, Värmland) 8 × 2 visits a
  // month → none: 8 × 24 000 = 192 000 kr/år; Karlskoga (län 18, Örebro) 6 × 1 visit → none:
  // 6 × 12 000 = 72 000 kr/år; the region actor 264 000 kr/år. Cost 1 000 000 kr with
  // region:Värmland 0.15 and region:örebro 0.10 → 150 000 and 100 000 kr. Payback 12 × 150 000 /
  // 192 000 = 9.375 → 9.4 months and 12 × 100 000 / 72 000 = 16.67 → 16.7; lönsamhet 5 år
  // 5 × 192 000 − 150 000 = 810 000 and 5 × 72 000 − 100 000 = 260 000 kr.
  const vard = (kommun: string, id: string, weight: number, perMonth: number) => ({
    id, weight, attributes: { kommun }, fore: { lines: [{ item: 'test.vard', months: 12, perMonth }] }, efter: { lines: [] },
  });
  const project = makeProject({
    cost: { total: 1_000_000, financing: { fk: 0.5, 'region:Värmland': 0.15, 'region:örebro': 0.1, 'kommun:Karlstad': 0.15, 'kommun:Karlskoga': 0.1 } },
    participants: [vard('Karlstad', 'k', 8, 2), vard('Karlskoga', 'g', 6, 1)],
  });
  const ledger = priceProject(project, catalog);
  const result = evaluate(ledger, project, catalog);
  const regions = memberResults(ledger, project, catalog, 5, 'regionskatt');
  const by = (name: string) => regions.members.find((m) => m.name === name)!;

  it('splits the region by the participants\' län, with each region\'s payback and lönsamhet', () => {
    expect(regions.members.map((m) => m.id)).toEqual(['region:Värmland', 'region:Örebro']);
    expect(by('Värmland')).toMatchObject({ participants: 8, annualEffect: 192_000, cost: 150_000 });
    expect(by('Värmland').payback!.months).toBe(9.4);
    expect(by('Värmland').horizons!['5'].net).toBe(810_000);
    expect(by('Örebro')).toMatchObject({ participants: 6, annualEffect: 72_000, cost: 100_000 });
    expect(by('Örebro').payback).toEqual({ status: 'months', months: 16.7, simpleMonths: 16.7 });
    expect(by('Örebro').horizons!['5'].net).toBe(260_000);
    expect(result.actors.region.annualEffect).toBe(264_000);
    expect(result.actors.region.cost).toBe(250_000);
  });

  it('refuses an unknown member region with a suggestion', () => {
    const r = validateProject({ name: 'T', priceYear: 2025, cost: { total: 1, financing: { fk: 0.75, 'region:Värmlnd': 0.25 } }, participants: FUTURO }, catalog, 'projekt.yaml');
    expect(r.problems[0]).toMatchObject({ path: 'cost.financing.region:Värmlnd', value: 'Värmlnd' });
    expect(r.problems[0].sv).toMatch(/^okänd medlemsregion; menade du Värmland\?/);
  });
});

describe('member kommuner: financing keys', () => {
  const check = (financing: unknown, participants = FUTURO) => validateProject({ name: 'T', priceYear: 2025, cost: { total: 100, financing }, participants }, catalog, 'projekt.yaml');

  it('refuses an unknown member with a suggestion', () => {
    const r = check({ fk: 0.5, region: 0.25, 'kommun:Karlstadt': 0.25 });
    expect(r.problems[0]).toMatchObject({ path: 'cost.financing.kommun:Karlstadt', sv: 'okänd medlemskommun; menade du Karlstad?', value: 'Karlstadt' });
  });

  it('refuses the kommun\'s share given both whole and per member', () => {
    const r = check({ fk: 0.5, kommun: 0.25, 'kommun:Karlstad': 0.25 });
    expect(r.problems.map((p) => p.path)).toContain('cost.financing.kommun');
  });

  it('splits the kommun\'s share by population', () => {
    // 0.25 × folkmängd / Σ: Karlstad 97 233, Hammarö 16 940, Grums 9 057 (31 Dec 2023), Σ 123 230:
    // Karlstad 0.25 × 97 233 / 123 230 = 0.197259…, Hammarö 0.034366…, Grums 0.018374…
    const r = check({ fk: 0.5, region: 0.25, kommun: { andel: 0.25, fordelning: 'befolkning' } });
    const shares = r.project!.cost.financing as Record<string, number>;
    expect(shares['kommun:Karlstad']).toBeCloseTo(0.25 * 97233 / 123230, 12);
    expect(shares['kommun:Hammarö']).toBeCloseTo(0.25 * 16940 / 123230, 12);
    expect(shares['kommun:Grums']).toBeCloseTo(0.25 * 9057 / 123230, 12);
  });

  it('refuses a population split over a kommun the table lacks, naming the file', () => {
    const r = check({ fk: 0.75, kommun: { andel: 0.25, fordelning: 'befolkning', medlemmar: ['Karlstad', 'Lomma'] } });
    expect(r.problems[0].path).toBe('cost.financing.kommun.medlemmar[1]');
    expect(r.problems[0].sv).toContain('folkmangd_per_kommun.yaml');
  });
});

describe('member kommuner: invariants (fast-check)', () => {
  const names = ['Karlstad', 'Hammarö', 'Grums', 'Kristinehamn', 'Karlskoga', ''];
  const efterLines = (m: number) => (m ? [bidrag(m), { item: 'test.skattebidrag', months: m }] : []);
  // Follow-up years (method §5.1): some participants are observed again in year 2 or 3.
  const person = (followUps: boolean) => fc.record({
    weight: fc.integer({ min: 0, max: 9 }), kommun: fc.constantFrom(...names),
    fore: fc.integer({ min: 0, max: 12 }), efter: fc.integer({ min: 0, max: 12 }), vard: fc.integer({ min: 0, max: 4 }),
    laterYear: followUps ? fc.constantFrom(0, 0, 2, 3) : fc.constant(0), later: fc.integer({ min: 0, max: 12 }),
  }).map((p) => ({
    weight: p.weight, attributes: p.kommun ? { kommun: p.kommun } : {},
    fore: { lines: [...(p.fore ? [bidrag(p.fore)] : []), ...(p.vard ? [{ item: 'test.vard', months: 12, perMonth: p.vard }] : [])] },
    efter: { lines: efterLines(p.efter) },
    ...(p.laterYear ? { [`efter${p.laterYear}`]: { lines: efterLines(p.later) } } : {}),
  }));
  const projects = fc.record({
    participants: fc.array(person(true), { minLength: 1, maxLength: 8 }),
    comparison: fc.option(fc.array(person(false), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    financing: fc.constantFrom<unknown>('finsam', KEY, { fk: 0.5, region: 0.25, kommun: { andel: 0.25, fordelning: 'befolkning', medlemmar: ['Karlstad', 'Grums'] } }),
    deadweight: fc.constantFrom(0, 0.25), dropOff: fc.constantFrom(0, 0.1), discountRate: fc.constantFrom(0, 0.035), utjamning: fc.boolean(),
  }).map((r) => ({
    cost: { total: 1_000_000, financing: r.financing }, participants: r.participants.map((p, i) => ({ id: `p${i}`, ...p })),
    ...(r.comparison ? { comparison: { participants: r.comparison.map((p, i) => ({ id: `c${i}`, ...p })) } } : {}),
    deadweight: r.deadweight, dropOff: r.dropOff, discountRate: r.discountRate, utjamning: r.utjamning,
  }));

  it('members sum to the kommun (and the region) actor: effect, cost, every year and horizon, also with follow-up years', () => {
    fc.assert(fc.property(projects, (raw) => {
      const project = makeProject(raw);
      const ledger = priceProject(project, catalog);
      const result = evaluate(ledger, project, catalog);
      if (!membersSupported(ledger, project)) {
        // Follow-up years with the utjämning: refused when asked, never shown unasked.
        expect(() => checkMembersSupported(ledger, project)).toThrow(/efter2\/efter3/);
        expect(hasMembers(ledger, project, catalog)).toBe(false);
        return;
      }
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));
      for (const role of ['kommunalskatt', 'regionskatt'] as const) {
        const { actor, members } = memberResults(ledger, project, catalog, 0, role);
        const k = result.actors[actor];
        const sum = (f: (m: (typeof members)[number]) => number) => members.reduce((s, m) => s + f(m), 0);
        close(sum((m) => m.annualEffect!), k.annualEffect);
        close(sum((m) => m.cost!), k.cost);
        k.yearly.forEach((y, t) => close(sum((m) => m.yearly![t]), y));
        for (const h of ['1', '5']) close(sum((m) => m.horizons![h].net), k.horizons[h].net);
        // One member: its payback is the actor's.
        if (members.length === 1) expect(members[0].payback).toEqual(k.payback);
      }
    }), { numRuns: 80 });
  });

  it('no shown row has fewer than N participants, and a withheld member is never the only part of what is withheld', () => {
    fc.assert(fc.property(projects, fc.integer({ min: 3, max: 8 }), (raw, N) => {
      const { members } = run(raw, N);
      const others = members.members.find((m) => m.id.endsWith(':ovriga'));
      for (const m of members.members) if (m.withheld === null) expect(m.participants === 0 || m.participants >= N).toBe(true);
      if (!others) {
        expect(members.members.every((m) => m.withheld === null)).toBe(true);
      } else {
        // The merged rest has N or more participants, or nothing shown is left to subtract from.
        const shownWithPeople = members.members.filter((m) => m.withheld === null && m !== others && m.participants > 0);
        expect(others.participants >= N || shownWithPeople.length === 0).toBe(true);
      }
    }), { numRuns: 60 });
  });
});

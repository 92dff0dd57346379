import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../lib/engine/ledger.js';
import type { Result } from '../../lib/results/result.js';
import type { Attributes, Project } from '../../lib/model/types.js';
import { subgroupKey, subgroupTables } from '../../lib/results/subgroups.js';

const ACTORS = ['kommun', 'region', 'individ'];

/** A hand-built ledger: per participant weight, attributes and annual net (fore, efter) per actor. */
function ledgerOf(people: { w: number; a: Attributes; fore: number[]; efter: number[] }[]): Ledger {
  return {
    priceYear: 2025, actors: ACTORS, items: [], categories: [],
    participants: { weight: people.reduce((s, p) => s + p.w, 0), fore: new Float64Array(), efter: new Float64Array(), productionFore: 0, productionEfter: 0, realFore: 0, realEfter: 0 },
    rows: {
      ids: people.map((_, i) => `D${i}`), weights: Float64Array.from(people, (p) => p.w), attributes: people.map((p) => p.a),
      actorFore: Float64Array.from(people.flatMap((p) => p.fore)), actorEfter: Float64Array.from(people.flatMap((p) => p.efter)),
      productionFore: new Float64Array(people.length), productionEfter: new Float64Array(people.length), realFore: new Float64Array(people.length), realEfter: new Float64Array(people.length),
    },
    referenceProduction: 0, used: [], warnings: [],
  } as unknown as Ledger;
}

const result = {
  actors: { kommun: { id: 'kommun', cost: 1300 }, region: { id: 'region', cost: 0 }, individ: { id: 'individ', cost: 0 } },
  groups: { samhallet: { id: 'samhallet', members: ACTORS, cost: 1300 } },
} as unknown as Result;

const project = { priceYear: 2025, horizonYears: 5, discountRate: 0, dropOff: 0, deadweight: 0.1, disclosureThreshold: 5 } as unknown as Project;

// 13 people: kön K×6, M×5, X×2; ages 20 (×8) and 40 (×5); no utbildning; hushållstyp as typfall below.
const people = [
  ...Array.from({ length: 6 }, (_, i) => ({ w: 1, a: { kon: 'K', fodelsear: i < 4 ? 2005 : 1985 }, fore: [-1000, -100, 1000], efter: [0, -50, 2000] })),
  ...Array.from({ length: 5 }, (_, i) => ({ w: 1, a: { kon: 'M', fodelsear: i < 3 ? 2005 : 1985, hushallstyp: 'ensamstaende' }, fore: [-1000, 0, 1000], efter: [-500, 0, 1200] })),
  ...Array.from({ length: 2 }, () => ({ w: 1, a: { kon: 'X', alder: 20, hushallstyp: 'sammanboende' }, fore: [0, 0, 0], efter: [100, 0, 0] })),
];

describe('subgroupTables()', () => {
  it('golden: kön with primary (X: 2) and secondary (M: 5, the next smallest) suppression', async () => {
    const [kon] = subgroupTables(ledgerOf(people), result, project);
    expect(kon.dimension).toBe('kon');
    expect(kon.columns).toEqual(['kommun', 'region', 'individ', 'samhallet']);
    expect(kon.suppressed).toEqual(['M', 'X']);
    // K: Δ per person kommun +1000, region +50, individ +1000; × 6 people × (1 − 0,1 dödvikt).
    expect(kon.rows).toEqual([
      {
        key: 'K', label: 'Kvinnor', labelEn: 'Women', suppressed: false, participants: 6,
        annualEffect: { kommun: 5400, region: 270, individ: 5400, samhallet: 11070 },
        annualEffectPerParticipant: { kommun: 900, region: 45, individ: 900, samhallet: 1845 },
        cost: { kommun: 600, region: 0, individ: 0, samhallet: 600 },
        net: { 1: { kommun: 4800, region: 270, individ: 5400, samhallet: 10470 }, 5: { kommun: 26400, region: 1350, individ: 27000, samhallet: 54750 } },
      },
      { key: 'M', label: 'Män', labelEn: 'Men', suppressed: true, participants: null, annualEffect: null, annualEffectPerParticipant: null, cost: null, net: null },
      { key: 'X', label: 'Annat/okänt kön', labelEn: 'Other/unknown sex', suppressed: true, participants: null, annualEffect: null, annualEffectPerParticipant: null, cost: null, net: null },
    ]);
    expect(kon.note?.sv).toMatch(/grupperna Män, Annat\/okänt kön visas inte: grupper med färre än 5 deltagare döljs/);
    expect(kon.note?.en).toMatch(/fewer than 5 participants are suppressed/);
  });

  it('golden: age groups, a dimension nobody stated, and a two-group table where hiding one hides both', async () => {
    const [, alder, utbildning, hushall] = subgroupTables(ledgerOf(people), result, project);
    // 16–24 = 9, 30–49 = 4: 30–49 is below the threshold, and 16–24 is hidden too (total − 16–24 would reveal 30–49).
    expect(alder.rows.map((r) => [r.key, r.participants, r.annualEffect?.samhallet])).toEqual([['16–24', null, undefined], ['30–49', null, undefined]]);
    expect(alder.suppressed).toEqual(['16–24', '30–49']);
    expect(utbildning.rows.map((r) => r.key)).toEqual(['okand']);
    expect(utbildning.note?.sv).toBe('uppgiften saknas för alla deltagare');
    // ensamstaende 5, sammanboende 2 (hidden), okand 6: the next smallest (ensamstaende) is hidden too.
    expect(hushall.rows.map((r) => [r.key, r.participants])).toEqual([['ensamstaende', null], ['sammanboende', null], ['okand', 6]]);
  });

  it('never applies a threshold below 3, and typfall weights count as participants', async () => {
    const typfall = [
      { w: 3, a: { kon: 'K' }, fore: [0, 0, 0], efter: [10, 0, 0] },
      { w: 3, a: { kon: 'M' }, fore: [0, 0, 0], efter: [20, 0, 0] },
      { w: 2, a: { kon: 'X' }, fore: [0, 0, 0], efter: [0, 0, 0] },
    ];
    const [kon] = subgroupTables(ledgerOf(typfall), result, { ...project, deadweight: 0, disclosureThreshold: 1 } as Project);
    expect(kon.threshold).toBe(3);
    expect(kon.rows.map((r) => [r.key, r.participants])).toEqual([['K', null], ['M', 3], ['X', null]]);
  });

  it('subgroupKey(): age from födelseår in the price year, else alder', () => {
    expect(subgroupKey('aldersgrupp', { fodelsear: 2001 }, 2025)).toBe('16–24');
    expect(subgroupKey('aldersgrupp', { alder: 67 }, 2025)).toBe('annan');
    expect(subgroupKey('aldersgrupp', {}, 2025)).toBe('okand');
    expect(subgroupKey('kon', { kon: 'k' }, 2025)).toBe('okand');
  });
});

/**
 * The bench's reference implementation (bench/reference.ts: one object per posting, danfo
 * groupby) must agree with the engine's ledger to less than one krona per cell. The bench checks
 * this at 5 000–20 000 participants; here it is checked at a small size on every `npm test`, so a
 * change to either side that moves any cell by a krona fails.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { priceProject } from '../../lib/engine/price.js';
import type { Project } from '../../lib/model/types.js';
import { readProject } from '../../lib/model/read-project.js';
import { syntheticCohort } from '../../bench/cohort.js';
import { compareLedgers, referenceLedger, referencePostings, type Granularity } from '../../bench/reference.js';

const catalog = loadCatalog();

function agreement(project: Project, granularity: Granularity) {
  return compareLedgers(priceProject(project, catalog), referenceLedger(referencePostings(project, catalog, granularity)));
}

/** Job lines with explicit gross wages (above and below the lönebidrag and nystartsjobb caps) and SA/AE. */
function edgeCases(): Project {
  const cohort = syntheticCohort(1, 7);
  const person = (id: string, fore: Project['participants'][number]['fore']['lines'], efter: Project['participants'][number]['efter']['lines']) =>
    ({ id, weight: 1, attributes: { fodelsear: 1990 }, fore: { months: 12, lines: fore }, efter: { months: 12, lines: efter } });
  return {
    ...cohort, name: 'edge cases',
    participants: [
      person('a', [{ item: 'fk.sjukersattning', months: 12 }], [{ item: 'af.lonebidrag', months: 12, amountPerMonth: 45000, extent: 0.5 }]),
      person('b', [{ item: 'fk.aktivitetsersattning', months: 12, wage: 30000 }], [{ item: 'af.nystartsjobb', months: 6, amountPerMonth: 12000 }, { item: 'fk.aktivitetsersattning', months: 6 }]),
      person('c', [{ item: 'kommun.forsorjningsstod', months: 12 }], [{ item: 'arbete.osubventionerad_anstallning', months: 12, amountPerMonth: 26000 }]),
    ],
  };
}

describe('bench reference agrees with the engine (< 1 kr per cell)', () => {
  const cohort = syntheticCohort(300, 20251123);

  for (const granularity of ['annual', 'monthly'] as const) {
    it(`seeded cohort of 300, ${granularity} postings`, () => {
      const a = agreement(cohort, granularity);
      expect(a.cells).toBeGreaterThan(80);
      expect(a.maxCellDiffKr, `largest difference in ${a.worst}`).toBeLessThan(1);
      expect(a.totalDiffKr).toBeLessThan(1);
      expect(a.agrees).toBe(true);
    });
  }

  it('job lines with explicit gross wages, SA/AE taxed as earned', () => {
    const a = agreement(edgeCases(), 'annual');
    expect(a.maxCellDiffKr, `largest difference in ${a.worst}`).toBeLessThan(1);
    expect(a.agrees).toBe(true);
  });

  for (const example of ['unga-vuxna-coachning', 'sa-ae-psykiatri', 'egna-poster', 'aggregerad-overgangar', 'ips-stodjande-anstallning']) {
    it(`data/examples/${example}`, async () => {
      const { project } = await readProject(`data/examples/${example}`, catalog);
      const a = agreement(project!, 'annual');
      expect(a.maxCellDiffKr, `largest difference in ${a.worst}`).toBeLessThan(1);
      expect(a.agrees).toBe(true);
    });
  }

  it('a one-krona difference in one cell is a disagreement', () => {
    const ledger = priceProject(cohort, catalog);
    const ref = referenceLedger(referencePostings(cohort, catalog, 'annual'));
    const [key, value] = [...ref].find(([, v]) => v !== 0)!;
    ref.set(key, value + 1);
    const a = compareLedgers(ledger, ref);
    expect(a.worst).toBe(key);
    expect(a.agrees).toBe(false);
  });
});

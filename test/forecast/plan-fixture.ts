import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Writes a plan (or project) object as projekt.yaml in a fresh folder; returns the folder. */
export function writePlan(doc: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-plan-'));
  writeFileSync(join(dir, 'projekt.yaml'), stringify(doc));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Three categories priced by user-defined lines only (no tax, no catalogue amounts), so a
 * forecast can be worked by hand: `bidrag` costs the kommun 2 000 kr/month (a transfer to the
 * individ), `vard` costs the region 500 kr/month (real), `jobb` costs no one.
 */
export const HAND_MAPPING = {
  bidrag: { label: 'Bidrag', lines: [{ item: 'egen', label: 'Bidrag', months: 12, postings: [{ actor: 'kommun', kind: 'transfer', amountPerMonth: -2000 }, { actor: 'individ', kind: 'transfer', amountPerMonth: 2000 }] }] },
  vard: { label: 'Vård', lines: [{ item: 'egen', label: 'Vård', months: 12, postings: [{ actor: 'region', kind: 'real', amountPerMonth: -500 }] }] },
  jobb: { label: 'Jobb', lines: [] },
};

/** The hand-worked plan of test/forecast/forecast.test.ts (shares), with overrides. */
export function handPlan(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'prognos', name: 'Handräknad prognos', priceYear: 2025, horizonYears: 2, discountRate: 0, deadweight: 0, dropOff: 0,
    participants: { total: 10, byYear: [4, 6] },
    cost: { total: 100000, financing: { kommun: 0.5, region: 0.5 } },
    targetGroup: [{ fore: 'bidrag', andel: 0.6 }, { fore: 'vard', andel: 0.4 }],
    outcomes: [
      { fore: 'bidrag', efter: 'jobb', andel: 0.5, low: 0.3, high: 0.6, evidens: 'egna', kalla: 'förstudie' },
      { fore: 'vard', efter: 'jobb', andel: 0.25, low: 0.1, high: 0.4, evidens: 'antagande' },
    ],
    mapping: HAND_MAPPING,
    optimismBias: { egna: 0.2, antagande: 0.5 },
    breakEven: { till: 'jobb' },
    ...over,
  };
}

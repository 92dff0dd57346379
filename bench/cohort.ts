/**
 * A seeded synthetic national cohort for the benchmark: participants with realistic mixes of
 * situations — försörjningsstöd (with handläggning and boendestöd), sjukpenning, sjuk- och
 * aktivitetsersättning (with bostadstillägg), aktivitetsstöd, a-kassa, work (unsubsidised,
 * lönebidrag, nystartsjobb), studies, and healthcare visits — before and after. Shares are
 * illustrative (the order of magnitude of Finsam and AF target groups), not statistics.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { Line, Participant, Project, Situation } from '../lib/model/types.js';

type Rng = () => number;

function pick<T>(rng: Rng, options: readonly (readonly [number, T])[]): T {
  let u = rng();
  for (const [p, v] of options) {
    if (u < p) return v;
    u -= p;
  }
  return options[options.length - 1][1];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const wage = (rng: Rng) => Math.round(20000 + rng() * 14000);

type Support = 'fbs' | 'sjukpenning' | 'sjukersattning' | 'aktivitetsersattning' | 'aktivitetsstod' | 'akassa' | 'arbete' | 'lonebidrag' | 'nystartsjobb' | 'studier';

/** Lines for a main source of support over `months` (of 12), with its handling costs. */
function supportLines(s: Support, months: number, rng: Rng, w: number): Line[] {
  switch (s) {
    case 'fbs': return [{ item: 'kommun.forsorjningsstod', months }, { item: 'kommun.handlaggning_forsorjningsstod', months }, ...(rng() < 0.15 ? [{ item: 'kommun.boendestod', months, perMonth: round(4 + rng() * 8, 0) }] : [])];
    case 'sjukpenning': return [{ item: 'fk.sjukpenning', months, wage: w, ...(rng() < 0.3 ? { extent: 0.5 } : {}) }, { item: 'fk.handlaggning', months }];
    case 'sjukersattning': return [{ item: 'fk.sjukersattning', months }, { item: 'fk.handlaggning', months }, ...(rng() < 0.4 ? [{ item: 'fk.bostadstillagg', months }] : [])];
    case 'aktivitetsersattning': return [{ item: 'fk.aktivitetsersattning', months }, { item: 'fk.handlaggning', months }];
    case 'aktivitetsstod': return [{ item: 'af.aktivitetsstod', months }, { item: 'af.handlaggning', months }];
    case 'akassa': return [{ item: 'akassa.arbetsloshetsersattning', months, wage: w }, { item: 'af.handlaggning', months }];
    case 'arbete': return [{ item: 'arbete.osubventionerad_anstallning', months, wage: w, ...(rng() < 0.3 ? { extent: 0.75 } : {}) }];
    case 'lonebidrag': return [{ item: 'af.lonebidrag', months, wage: w, extent: pick(rng, [[0.4, 1], [0.3, 0.75], [0.3, 0.5]] as const) }, { item: 'af.handlaggning', months }];
    case 'nystartsjobb': return [{ item: 'af.nystartsjobb', months, wage: w }];
    case 'studier': return [{ item: 'csn.studiemedel', months }];
  }
}

function care(rng: Rng, heavy: boolean): Line[] {
  const k = heavy ? 1 : 0.4;
  const lines: Line[] = [{ item: 'region.primarvard_besok', months: 12, perMonth: round(0.1 + rng() * 0.5 * k) }];
  if (rng() < (heavy ? 0.7 : 0.3)) lines.push({ item: 'region.psykiatri_oppenvard_besok', months: 12, perMonth: round(0.2 + rng() * 1.8 * k) });
  if (rng() < 0.25) lines.push({ item: 'region.akutbesok', months: 12, perMonth: round(rng() * 0.3 * k) });
  if (heavy && rng() < 0.08) lines.push({ item: 'region.slutenvard_psykiatri_dygn', months: 12, perMonth: round(rng() * 1.2) });
  return lines;
}

const FORE: readonly (readonly [number, Support])[] = [[0.32, 'fbs'], [0.18, 'sjukpenning'], [0.1, 'sjukersattning'], [0.06, 'aktivitetsersattning'], [0.22, 'aktivitetsstod'], [0.12, 'akassa']];
const EFTER: readonly (readonly [number, Support | 'same'])[] = [[0.4, 'same'], [0.22, 'arbete'], [0.08, 'lonebidrag'], [0.05, 'nystartsjobb'], [0.1, 'studier'], [0.15, 'aktivitetsstod']];

/** One synthetic participant. */
export function syntheticParticipant(i: number, rng: Rng): Participant {
  const w = wage(rng);
  const before = pick(rng, FORE);
  const heavy = before === 'sjukpenning' || before === 'sjukersattning' || before === 'aktivitetsersattning' || rng() < 0.3;
  const fore: Situation = { months: 12, lines: [...supportLines(before, 12, rng, w), ...care(rng, heavy)] };
  const next = pick(rng, EFTER);
  let efterLines: Line[];
  if (next === 'same' || next === before) efterLines = supportLines(before, 12, rng, w);
  else {
    const m = 3 + Math.floor(rng() * 10); // months in the new situation (3–12), the rest in the old one
    efterLines = [...supportLines(next, m, rng, w), ...(m < 12 ? supportLines(before, 12 - m, rng, w) : [])];
  }
  const efter: Situation = { months: 12, lines: [...efterLines, ...care(rng, heavy && rng() < 0.7)] };
  return { id: `p${i}`, weight: 1, attributes: { fodelsear: 1960 + Math.floor(rng() * 45) }, fore, efter };
}

/** A seeded cohort of n participants as a project (price year 2025, H = 5, finsam). */
export function syntheticCohort(n: number, seed: number): Project {
  const g = xoroshiro128plus(seed);
  const rng: Rng = () => uniformFloat64(g);
  const participants: Participant[] = new Array(n);
  for (let i = 0; i < n; i++) participants[i] = syntheticParticipant(i, rng);
  return {
    name: `Syntetisk kohort (${n} deltagare, frö ${seed})`, priceYear: 2025, horizonYears: 5, discountRate: 0, deadweight: 0, dropOff: 0,
    cost: { total: n * 60000, financing: 'finsam' }, participants, evidence: 'foreEfter', disclosureThreshold: 5,
  };
}

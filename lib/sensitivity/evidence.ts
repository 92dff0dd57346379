/**
 * Evidence grade (method §8): the evaluation design, carried into every sensitivity output. A
 * before/after-only design has no counterfactual, so its result is labelled an upper bound.
 * Levels follow the Maryland Scientific Methods Scale (before/after = 2, comparison group with
 * difference-in-differences = 3, randomised = 5).
 */
import type { EvidenceGrade } from '../model/types.js';
import type { Lang } from '../util/errors.js';

export interface Evidence {
  grade: EvidenceGrade;
  /** Maryland Scientific Methods Scale level. */
  smsLevel: number;
  /** True for before/after only: the effect is an upper bound. */
  upperBound: boolean;
  label: string;
  note: string;
}

const TEXT: Record<EvidenceGrade, { sms: number; sv: [string, string]; en: [string, string] }> = {
  foreEfter: {
    sms: 2,
    sv: ['Före/efter utan jämförelsegrupp', 'resultaten är en övre gräns för insatsens effekt: utan jämförelsegrupp räknas all förändring som effekt'],
    en: ['Before/after without a comparison group', 'the results are an upper bound on the effect: without a comparison group every change counts as effect'],
  },
  jamforelsegrupp: {
    sms: 3,
    sv: ['Jämförelsegrupp (skillnad i skillnader)', 'jämförelsegruppens förändring är avräknad; urvalseffekter kan finnas kvar'],
    en: ['Comparison group (difference in differences)', "the comparison group's change is subtracted; selection effects may remain"],
  },
  randomiserad: {
    sms: 5,
    sv: ['Randomiserad jämförelsegrupp', 'slumpad fördelning till insats och jämförelse'],
    en: ['Randomised comparison group', 'random assignment to intervention and comparison'],
  },
};

/** The evidence grade as it is shown and serialised. @example evidence('foreEfter').upperBound // => true */
export function evidence(grade: EvidenceGrade, lang: Lang = 'sv'): Evidence {
  const t = TEXT[grade];
  const [label, note] = t[lang];
  return { grade, smsLevel: t.sms, upperBound: grade === 'foreEfter', label, note };
}

/** One line for table headers: "Bevisgrad: … (SMS 2) — …". */
export function evidenceLine(grade: EvidenceGrade, lang: Lang = 'sv'): string {
  const e = evidence(grade, lang);
  return `${lang === 'sv' ? 'Bevisgrad' : 'Evidence grade'}: ${e.label} (SMS ${e.smsLevel}) — ${e.note}`;
}

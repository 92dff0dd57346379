/** User-facing strings of the portfolio outputs (table, JSON labels, XLSX, HTML), Swedish and English. */
import type { Lang } from '../../util/errors.js';
import type { KeyFigure, ProjectKind } from '../../portfolio/portfolio.js';

const SV = {
  title: 'Portfölj',
  projects: 'projekt', participants: 'deltagare', priceYear: 'prisår', priceYearCol: 'Prisår', participantsCol: 'Deltagare',
  project: 'Projekt', file: 'Fil', kind: 'Typ', klass: 'Insatsklass', evidence: 'Bevisgrad', horizon: 'Horisont', cost: 'Kostnad',
  kinds: { utvardering: 'utvärdering', prognos: 'prognos' } satisfies Record<ProjectKind, string>,
  evidenceShort: { foreEfter: 'före/efter', jamforelsegrupp: 'jämförelsegrupp', randomiserad: 'randomiserad' } as Record<string, string>,
  none: '–',
  keyFigures: 'Nyckeltal per projekt',
  figures: {
    costPerParticipant: 'Kostnad/deltagare', potentialPerParticipant: 'Potential/deltagare', verkningsgrad: 'Verkningsgrad',
    annualEffectPerParticipant: 'Årlig effekt/deltagare', netPerParticipantYear: 'Lönsamhet/deltagare och år', paybackMonths: 'Återbetalningstid samhället (mån)',
  } satisfies Record<KeyFigure, string>,
  mean: 'Medelvärde', median: 'Median',
  deviations: 'Avvikelse från portföljens medelvärde (och median), procent av medelvärdet',
  payback: 'Återbetalningstid per finansiär',
  society: 'Samhället',
  totals: 'Förbundets pengar: vad de gav tillbaka, per finansiär (summa över projekten, varje projekts horisont)',
  funder: 'Finansiär', benefit: 'Intäkt', net: 'Lönsamhet', perKrona: 'Kr tillbaka per krona',
  notes: 'Att observera',
  uprated: (years: number[], to: number) => `Belopp från projekt i prisår ${years.join(', ')} är uppräknade till ${to} års priser med KPI (årsmedeltal, SCB).`,
  sameYear: (to: number) => `Alla belopp i ${to} års priser.`,
  upperBound: (n: number) => `${n} projekt är före/efter-jämförelser utan jämförelsegrupp: deras resultat är en övre gräns för effekten.`,
  unweighted: 'Medelvärde och median räknas över projekt (varje projekt väger lika), utan projekt där värdet saknas.',
  netDef: 'Lönsamhet per deltagare och år = samhällets lönsamhet över horisonten ÷ deltagare ÷ horisontens år.',
  failed: (n: number) => `${n} projekt kunde inte räknas och ingår inte:`,
  months: 'mån',
};

const EN: typeof SV = {
  title: 'Portfolio',
  projects: 'projects', participants: 'participants', priceYear: 'price year', priceYearCol: 'Price year', participantsCol: 'Participants',
  project: 'Project', file: 'File', kind: 'Kind', klass: 'Class', evidence: 'Evidence', horizon: 'Horizon', cost: 'Cost',
  kinds: { utvardering: 'evaluation', prognos: 'forecast' },
  evidenceShort: { foreEfter: 'before/after', jamforelsegrupp: 'comparison group', randomiserad: 'randomised' },
  none: '–',
  keyFigures: 'Key figures per project',
  figures: {
    costPerParticipant: 'Cost/participant', potentialPerParticipant: 'Potential/participant', verkningsgrad: 'Efficiency',
    annualEffectPerParticipant: 'Annual effect/participant', netPerParticipantYear: 'Net/participant and year', paybackMonths: 'Payback society (months)',
  },
  mean: 'Mean', median: 'Median',
  deviations: 'Deviation from the portfolio mean (and median), percent of the mean',
  payback: 'Payback per funder',
  society: 'Society',
  totals: "The förbund's money: what it returned, per funder (sum over projects, each project's horizon)",
  funder: 'Funder', benefit: 'Benefit', net: 'Net', perKrona: 'SEK back per SEK',
  notes: 'Notes',
  uprated: (years, to) => `Amounts from projects in price year ${years.join(', ')} are uprated to ${to} prices with the CPI (annual average, Statistics Sweden).`,
  sameYear: (to) => `All amounts in ${to} prices.`,
  upperBound: (n) => `${n} projects are before/after comparisons without a comparison group: their results are an upper bound on the effect.`,
  unweighted: 'Mean and median are taken over projects (each project weighs the same), leaving out projects where the value is missing.',
  netDef: "Net per participant and year = society's net over the horizon ÷ participants ÷ years of the horizon.",
  failed: (n) => `${n} projects could not be calculated and are left out:`,
  months: 'mo',
};

export function portfolioText(lang: Lang): typeof SV {
  return lang === 'sv' ? SV : EN;
}

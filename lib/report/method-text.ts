/**
 * The method appendix (metodbilaga): a short statement of the conventions the numbers follow,
 * one paragraph per string; strings starting with "- " form a list. The full method is
 * docs/method.md in samnytta.
 */
import type { Lang } from '../util/errors.js';

const SV = [
  'Beräkningen följer NyttoSam-traditionen: deltagarnas situation före insatsen jämförs med situationen efter, och förändringen prissätts per aktör med samnyttas kostnadskatalog. Konventionerna nedan beskrivs utförligt i samnyttas docs/method.md.',
  '- Varje situation räknas om till en årstakt (summa poster × 12 / observationsmånader); typfall vägs med antalet deltagare de representerar.',
  '- Varje krona har en betalare och en mottagare: transfereringar (ersättningar, skatter, avgifter, subventioner) summerar till noll för samhället; reala resurser (vård, handläggning, insatser) och produktionsvärdet av arbete påverkar samhällets resultat.',
  '- Inkomstskatt beräknas på årsbasis med grundavdrag, kommunal och statlig skatt och jobbskatteavdrag; kommunalskatten fördelas mellan kommun och region.',
  '- Den årliga effekten per aktör är Δ = Σ vikt × (efter − före), minus jämförelsegruppens förändring om en sådan finns, gånger (1 − dödvikt). År t ger Δ × (1 − avklingning)^(t−1) / (1 + r)^(t−1).',
  '- Insatskostnaden fördelas på aktörerna med finansieringsnyckeln. Lönsamhet = intäkter − kostnad, på 1 år och på horisonten.',
  '- Återbetalningstiden är den första månad då de kumulerade intäkterna når kostnaden; ”obefintlig” när den årliga effekten inte är positiv. Den enkla NyttoSam-siffran 12 · C / Δ redovisas bredvid.',
  '- Potentialen är förlorad produktion (mot ett heltidsjobb till referenslön) plus real resursförbrukning per år; verkningsgraden är (potential före − potential efter) / potential före.',
  '- En kostnadsförskjutning markeras när en aktör förlorar medan samhället vinner.',
  'Alla belopp är kronor i prisåret. Katalogvärden räknas upp med sitt index (KPI, prisbasbelopp eller inkomstbasbelopp); källa, prisår och status för varje värde redovisas i avsnittet om katalogvärden.',
];

const EN = [
  'The calculation follows the NyttoSam tradition: the participants\' situation before the intervention is compared with the situation after, and the change is priced per actor with samnytta\'s cost catalogue. The conventions below are described in full in samnytta\'s docs/method.md.',
  '- Each situation is converted to an annual rate (sum of postings × 12 / months observed); typical cases are weighted by the number of participants they represent.',
  '- Every krona has a payer and a receiver: transfers (benefits, taxes, fees, subsidies) sum to zero for society; real resources (care, case handling, services) and the production value of work change society\'s result.',
  '- Income tax is computed on an annual basis with the basic allowance, municipal and state tax and the earned income tax credit; municipal tax is split between municipality and region.',
  '- The annual effect per actor is Δ = Σ weight × (after − before), minus the comparison group\'s change if there is one, times (1 − deadweight). Year t gives Δ × (1 − drop-off)^(t−1) / (1 + r)^(t−1).',
  '- The intervention cost is split between actors by the financing key. Net result = benefits − cost, over 1 year and over the horizon.',
  '- The payback period is the first month at which cumulative benefits reach the cost; "never" when the annual effect is not positive. The simple NyttoSam figure 12 · C / Δ is shown alongside.',
  '- The potential is lost production (against a full-time job at the reference wage) plus real resource use per year; efficiency is (potential before − potential after) / potential before.',
  '- A cost shift is flagged when an actor loses while society gains.',
  'All amounts are SEK in the price year. Catalogue values are uprated by their index (CPI, price base amount or income base amount); the source, price year and status of each value are listed in the section on catalogue values.',
];

/** The follow-up-years paragraph (method §5.1), after the annual-effect formula. Years only, no counts (a year may hold fewer participants than the disclosure threshold). */
function followUpParagraph(lang: Lang, years: string[]): string {
  const list = years.join(lang === 'en' ? ' and ' : ' och ');
  return lang === 'en'
    ? `- Participants followed up in year ${list} contribute their observed change in each observed year; the last observed year is carried forward and the drop-off starts only after it. Δ above is the effect in year 1 (method §5.1).`
    : `- Deltagare som följts upp år ${list} bidrar med sin observerade förändring varje observerat år; det senast observerade året förs vidare och avklingningen börjar först efter det. Δ ovan är effekten år 1 (metoden §5.1).`;
}

/**
 * @param followUpYears weighted participants per observed follow-up year, when any year after the first was observed
 */
export function methodAppendix(lang: Lang, followUpYears?: Record<string, number>): string[] {
  const base = lang === 'en' ? EN : SV;
  const later = Object.keys(followUpYears ?? {}).filter((y) => y !== '1').sort();
  if (later.length === 0) return base;
  const at = base.findIndex((p) => p.startsWith(lang === 'en' ? '- The annual effect per actor' : '- Den årliga effekten per aktör')) + 1;
  return [...base.slice(0, at), followUpParagraph(lang, later), ...base.slice(at)];
}

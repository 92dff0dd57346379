/**
 * The report's words in Swedish (default) and English: section titles, column heads, category
 * names and the fixed prose of the method appendix. Numbers are formatted by `format.ts`.
 */
import type { Status } from '../catalog/types.js';
import type { EvidenceGrade } from '../model/types.js';
import type { Category } from '../vocabulary.js';
import type { Lang } from '../util/errors.js';

export const SECTION_IDS = [
  'sammanfattning', 'antaganden', 'deltagare', 'potential', 'lonsamhet', 'aterbetalningstid',
  'kostnadsforskjutningar', 'kanslighet', 'katalog', 'metod',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const CHART_IDS = ['aterbetalningstid', 'kumulativt-netto', 'vattenfall', 'vem-betalar'] as const;
export type ChartId = (typeof CHART_IDS)[number];

const sv = {
  reportTitle: 'Samhällsekonomisk utvärdering',
  sections: {
    sammanfattning: 'Sammanfattning',
    antaganden: 'Projektet och antagandena',
    deltagare: 'Deltagarna',
    potential: 'Samhällsekonomisk potential och verkningsgrad',
    lonsamhet: 'Intäkter, kostnader och lönsamhet per aktör',
    aterbetalningstid: 'Återbetalningstid per aktör',
    kostnadsforskjutningar: 'Kostnadsförskjutningar mellan aktörer',
    kanslighet: 'Känslighetsanalyser',
    katalog: 'Katalogvärden som resultatet vilar på',
    metod: 'Metodbilaga',
  } satisfies Record<SectionId, string>,
  charts: {
    aterbetalningstid: 'Återbetalningstid per aktör, månader (linjen = horisonten)',
    'kumulativt-netto': 'Kumulativt netto för samhället och finansiärerna per år (intäkter minus insatskostnad), kr',
    vattenfall: 'Från före till efter: förändring av årlig nettoposition per kategori, kr/år (egen skala per aktör)',
    'vem-betalar': 'Vem betalar? Årlig nettoposition per aktör och kategori, före och efter, kr/år',
  } satisfies Record<ChartId, string>,
  categories: {
    ersattning: 'Ersättningar', subvention: 'Lönesubventioner', avgift: 'Avgifter', skatt: 'Skatter och avgifter',
    real: 'Reala resurser', produktion: 'Produktion', insats: 'Insatsen',
  } satisfies Record<Category, string>,
  evidence: {
    foreEfter: 'före/efter-jämförelse utan jämförelsegrupp',
    jamforelsegrupp: 'före/efter med jämförelsegrupp (skillnad-i-skillnader)',
    randomiserad: 'randomiserad jämförelse',
  } satisfies Record<EvidenceGrade, string>,
  upperBound: 'Resultatet är en övre gräns: utan jämförelsegrupp kan förändringen delvis bero på annat än insatsen (t.ex. återgång till det normala).',
  keyFigures: 'Nyckeltal',
  datum: 'Datum',
  generatedBy: 'Framtagen med samnytta',
  actor: 'Aktör', benefit: 'Intäkt', cost: 'Kostnad', net: 'Lönsamhet', roi: 'Avkastning', annualEffect: 'Årlig effekt',
  fore: 'Före', efter: 'Efter', change: 'Förändring', flagged: 'Förskjutning',
  months: 'Månader', simpleMonths: 'Enkel (12·C/Δ)', status: 'Återbetalningstid',
  year: 'år', years: 'år', perYear: 'kr/år',
  yes: 'ja', no: '',
  dataStatus: { verified: 'verifierad', derived: 'härledd', estimate: 'uppskattning' } satisfies Record<Status, string>,
  summary: {
    funders: (items: string[]) => `Återbetalning per finansiär: ${items.join('; ')}.`,
    paidBack: (months: string) => `återbetald efter ${months} månader`,
    notWithin: (h: number) => `inte återbetald inom ${h} år`,
    noCostGains: (x: string) => `ingen insatskostnad och vinner ${x} kr per år`,
    gains: (items: string[]) => `Vinner gör ${items.join(', ')}`,
    noGains: 'Ingen aktör vinner',
    pays: (items: string[]) => `; mer betalar ${items.join(', ')} — kostnaden flyttar mellan aktörerna.`,
    noPays: '; ingen aktör betalar mer.',
    perYear: (x: string) => `${x} kr per år`,
    individ: (x: string) => `Deltagarnas disponibla inkomst förändras med i genomsnitt ${x} per deltagare och år (individ/hushåll).`,
    fundersTable: 'Finansiärerna och deltagarna: årlig effekt och återbetalningstid',
    fundersNote: 'Positiv årlig effekt = aktören vinner på insatsen; negativ = aktören betalar mer än före. Hela tabellen per aktör: avsnitt 6 och 7.',
    tkr: 'tkr',
  },
  paybackNote: 'Återbetalningstiden är den första månad då de kumulerade intäkterna når aktörens del av insatskostnaden (med avklingning och diskontering); den enkla NyttoSam-siffran är 12 · kostnad / årlig effekt.',
  shiftNote: 'En förskjutning markeras när aktörens årliga effekt är negativ medan samhällets är positiv: kostnaden flyttar snarare än försvinner.',
};

type Text = typeof sv;

const en: Text = {
  reportTitle: 'Socio-economic evaluation',
  sections: {
    sammanfattning: 'Summary',
    antaganden: 'The project and the assumptions',
    deltagare: 'The participants',
    potential: 'Socio-economic potential and efficiency',
    lonsamhet: 'Benefits, costs and net result per actor',
    aterbetalningstid: 'Payback period per actor',
    kostnadsforskjutningar: 'Cost shifts between actors',
    kanslighet: 'Sensitivity analyses',
    katalog: 'Catalogue values the result rests on',
    metod: 'Method appendix',
  },
  charts: {
    aterbetalningstid: 'Payback period per actor, months (the line = the horizon)',
    'kumulativt-netto': 'Cumulative net for society and the funders per year (benefits minus intervention cost), SEK',
    vattenfall: 'From before to after: change in annual net position by category, SEK/year (own scale per actor)',
    'vem-betalar': 'Who pays? Annual net position per actor and category, before and after, SEK/year',
  },
  categories: {
    ersattning: 'Benefits', subvention: 'Wage subsidies', avgift: 'Fees', skatt: 'Taxes and contributions',
    real: 'Real resources', produktion: 'Production', insats: 'Intervention',
  },
  evidence: {
    foreEfter: 'before/after comparison without a comparison group',
    jamforelsegrupp: 'before/after with a comparison group (difference-in-differences)',
    randomiserad: 'randomised comparison',
  },
  upperBound: 'The result is an upper bound: without a comparison group part of the change may be due to other causes than the intervention (e.g. regression to the normal).',
  keyFigures: 'Key figures',
  datum: 'Date',
  generatedBy: 'Produced with samnytta',
  actor: 'Actor', benefit: 'Benefit', cost: 'Cost', net: 'Net', roi: 'Return', annualEffect: 'Annual effect',
  fore: 'Before', efter: 'After', change: 'Change', flagged: 'Shift',
  months: 'Months', simpleMonths: 'Simple (12·C/Δ)', status: 'Payback',
  year: 'year', years: 'years', perYear: 'SEK/yr',
  yes: 'yes', no: '',
  dataStatus: { verified: 'verified', derived: 'derived', estimate: 'estimate' },
  summary: {
    funders: (items: string[]) => `Payback per funder: ${items.join('; ')}.`,
    paidBack: (months: string) => `paid back after ${months} months`,
    notWithin: (h: number) => `not paid back within ${h} years`,
    noCostGains: (x: string) => `no intervention cost and gains SEK ${x} a year`,
    gains: (items: string[]) => `Gaining: ${items.join(', ')}`,
    noGains: 'No actor gains',
    pays: (items: string[]) => `; paying more: ${items.join(', ')} — the cost moves between actors.`,
    noPays: '; no actor pays more.',
    perYear: (x: string) => `SEK ${x} a year`,
    individ: (x: string) => `The participants' disposable income changes by ${x} per participant and year on average (individual/household).`,
    fundersTable: 'The funders and the participants: annual effect and payback',
    fundersNote: 'A positive annual effect = the actor gains from the intervention; negative = the actor pays more than before. The full table per actor: sections 6 and 7.',
    tkr: 'SEK k',
  },
  paybackNote: 'The payback period is the first month at which cumulative benefits reach the actor\'s share of the intervention cost (with drop-off and discounting); the simple NyttoSam figure is 12 · cost / annual effect.',
  shiftNote: 'A shift is flagged when an actor\'s annual effect is negative while society\'s is positive: the cost moves rather than disappears.',
};

export function text(lang: Lang): Text {
  return lang === 'en' ? en : sv;
}

/** Okabe–Ito colours (colour-blind safe), fixed per actor so every chart agrees. */
export const ACTOR_COLORS: Record<string, string> = {
  kommun: '#E69F00', region: '#56B4E9', fk: '#009E73', af: '#0072B2', ovrigStat: '#D55E00',
  forsakringsgivare: '#CC79A7', individ: '#000000', arbetsgivare: '#8C8C8C',
  samhallet: '#000000', offentligSektor: '#595959', staten: '#0072B2',
};

/** Okabe–Ito colours per category. */
export const CATEGORY_COLORS: Record<Category, string> = {
  ersattning: '#E69F00', subvention: '#56B4E9', avgift: '#CC79A7', skatt: '#0072B2',
  real: '#D55E00', produktion: '#009E73', insats: '#000000',
};

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
  chartText: {
    months: 'månader', horizon: 'horisont', year: 'år', payerAxis: 'kr per år (negativt = betalar)',
    millions: (x: string) => `${x} mn`, thousands: (x: string) => `${x} tn`,
  },
  upperBoundLead: 'Övre gräns.',
  forecastLead: 'Prognos.',
  notes: 'Att observera',
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
  /** The report model's prose and table heads (lib/report/model.ts), by section. */
  answer: {
    ownShares: 'egen fördelning',
    intro: (name: string, n: string, cost: string, priceYear: number, financing: string) => `${name} omfattar ${n} deltagare och kostar ${cost} kr i ${priceYear} års priser, finansierat enligt ${financing}.`,
    society: (effect: string, net1: string, netH: string, h: number) => `För samhället som helhet ger insatsen en årlig effekt på ${effect} kr; lönsamheten är ${net1} kr på ett år och ${netH} kr på ${h} år.`,
    paidBackMonths: (months: string) => `efter ${months} månader`,
    societyPaidBack: (months: string, publicSector: string | undefined) => `Insatsen är återbetald för samhället efter ${months} månader${publicSector ? `, för den offentliga sektorn ${publicSector}` : ''}.`,
    societyNever: 'Insatsen betalar sig inte för samhället: den årliga effekten är inte positiv (återbetalningstiden är obefintlig).',
    societyBeyond: (h: number) => `Insatsen är inte återbetald för samhället inom ${h} år.`,
    societyNoCost: 'Insatsen har ingen kostnad för samhället.',
    evidence: (grade: string, upper: boolean, h: number, net: string) => `Beräkningen bygger på ${grade}${upper ? ' och är därför en övre gräns för effekten' : ''}; om hälften av förändringen beror på yttre faktorer blir samhällets lönsamhet på ${h} år ${net} kr.`,
  },
  figures: {
    net: (h: number) => `Samhällets lönsamhet på ${h} år`,
    payback: 'Återbetalningstid för samhället',
    efficiency: 'Verkningsgrad',
  },
  assumptions: {
    key: 'Antagande', value: 'Värde',
    priceYear: 'Prisår', horizon: 'Horisont', discountRate: 'Diskonteringsränta', deadweight: 'Dödvikt (yttre faktorer)',
    dropOff: 'Avklingning per år', cost: 'Insatskostnad', financing: 'Finansieringsnyckel', participants: 'Deltagare (viktat)',
    comparison: 'Jämförelsegrupp', none: 'ingen', evidence: 'Evidensgrad', upperBound: ' — övre gräns',
  },
  subgroups: {
    title: (dimension: string) => `Deltagare efter ${dimension.toLowerCase()}`,
    count: 'Antal',
    society: 'Samhällets årliga effekt per deltagare',
    publicSector: 'Offentliga sektorns årliga effekt per deltagare',
  },
  potentialTable: {
    measure: 'Mått', value: 'Värde',
    fore: 'Potential före (kr/år)', efter: 'Potential efter (kr/år)', efficiency: 'Verkningsgrad',
    referenceProduction: 'Referensproduktion per heltidsjobb (kr/år)', forePerParticipant: 'Potential före per deltagare (kr/år)',
    costPerParticipant: 'Åtgärdskostnad per deltagare (kr)', effectPerParticipant: 'Samhällets årliga effekt per deltagare (kr)',
    net1PerParticipant: 'Lönsamhet per deltagare, 1 år (kr)', costPerPoint: 'Kostnad per procentenhet verkningsgrad (kr)',
    note: 'Potentialen är samhällets årliga kostnad för gruppens utanförskap: förlorad produktion (mot ett heltidsjobb till referenslön) plus real resursförbrukning. Verkningsgraden är den andel av potentialen i föreläget som realiserats.',
  },
  netTable: (h: string) => `Intäkter, kostnader och lönsamhet på ${h} år`,
  itemsTable: { title: 'Förändring per post och aktör (kr/år)', item: 'Post', category: 'Kategori' },
  sensitivityTable: {
    base1: 'Bas, 1 år', baseH: (h: number) => `Bas, ${h} år`, writeOff1: 'Kostnaden avskrivs på 3 år, 1 år',
    external25: (h: number) => `Yttre faktorer 25 %, ${h} år`, external50: (h: number) => `Yttre faktorer 50 %, ${h} år`,
    note: 'Lönsamhet (kr) för samhället och finansiärerna under NyttoSam-traditionens klassiska känslighetsanalyser: åtgärdskostnaden avskrivs på tre år (ettårsresultatet bär en tredjedel av kostnaden); en andel av den återstående förändringen (25 % respektive 50 %) beror på yttre faktorer (dödvikt); samt diskontering med 3,5 % (ASEK). Tornado, brytvärden och Monte Carlo: samnytta sensitivity och montecarlo.',
  },
  catalogueTable: {
    id: 'Id', label: 'Benämning', value: 'Värde', unit: 'Enhet', priceYear: 'Prisår (bas)', status: 'Status', source: 'Källa',
    note: (priceYear: number, estimates: number) => `Värden räknade upp till prisåret ${priceYear}. Uppskattningar (status uppskattning, ${estimates} st.) är markerade och bör ersättas med lokala uppgifter när sådana finns.`,
    ownPrice: 'eget pris',
  },
  pricesTable: {
    title: 'Projektets egna priser (prices:)',
    item: 'Post', catalogue: 'Katalogens värde', own: 'Eget pris', unit: 'Enhet', source: 'Källa (projektets)',
    note: (priceYear: number) => `Priserna i projektfilens prices: ersätter katalogens värden för detta projekt, räknade till prisåret ${priceYear} med postens index. Posterna räknas inte längre som uppskattningar.`,
  },
  /** Member kommuner and regions (method §5.2, lib/report/members.ts). */
  members: {
    title: 'Medlemskommuner', titleRegion: 'Medlemsregioner', member: 'Medlem', participants: 'Deltagare', effect: 'Årlig effekt', cost: 'Kostnad', net: 'Lönsamhet',
    years: 'år', payback: 'Återbetalningstid', noKommun: 'utan kommun', others: 'övriga medlemmar',
    few: (n: number) => `färre än ${n} deltagare`, complement: 'ingår i övriga medlemmar',
    who: { kommunalskatt: 'kommunen', regionskatt: 'regionen' },
    basis: {
      key: () => 'Kostnaden per medlem är medlemmens andel i finansieringsnyckeln.',
      participants: (w: string) => `Finansieringsnyckeln anger ${w}s andel utan medlemmar; den fördelas på medlemmarna efter antal deltagare.`,
      mixed: (w: string) => `Kostnaden per medlem är medlemmens andel i nyckeln; ${w}s andel under år då nyckeln inte anger medlemmar fördelas efter antal deltagare.`,
      none: (w: string) => `${w[0].toUpperCase()}${w.slice(1)} bär ingen del av insatskostnaden.`,
    },
    rule: (n: number, w: string) => `Medlemmar med 1–${n - 1} deltagare redovisas inte (en medlem som betalar utan deltagare visas med effekt 0); de och, om det behövs för att inga siffror ska gå att räkna fram, den minsta redovisade medlemmen ingår i "övriga medlemmar". Medlemmarna summerar till ${w}.`,
  },
  datumError: (d: string) => `--datum: ska vara ett datum ÅÅÅÅ-MM-DD (fick ${d})`,
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
  chartText: {
    months: 'months', horizon: 'horizon', year: 'year', payerAxis: 'SEK per year (negative = pays)',
    millions: (x: string) => `${x}m`, thousands: (x: string) => `${x}k`,
  },
  upperBoundLead: 'Upper bound.',
  forecastLead: 'Forecast.',
  notes: 'Notes',
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
  answer: {
    ownShares: 'own shares',
    intro: (name: string, n: string, cost: string, priceYear: number, financing: string) => `${name} covers ${n} participants and costs SEK ${cost} at ${priceYear} prices, financed by ${financing}.`,
    society: (effect: string, net1: string, netH: string, h: number) => `For society as a whole the intervention has an annual effect of SEK ${effect}; the net result is SEK ${net1} over one year and SEK ${netH} over ${h} years.`,
    paidBackMonths: (months: string) => `after ${months} months`,
    societyPaidBack: (months: string, publicSector: string | undefined) => `The intervention pays back for society after ${months} months${publicSector ? `, for the public sector ${publicSector}` : ''}.`,
    societyNever: 'The intervention does not pay back for society: the annual effect is not positive.',
    societyBeyond: (h: number) => `The intervention does not pay back for society within ${h} years.`,
    societyNoCost: 'The intervention has no cost for society.',
    evidence: (grade: string, upper: boolean, h: number, net: string) => `The calculation rests on a ${grade}${upper ? ' and is therefore an upper bound on the effect' : ''}; if half of the change is due to external factors, society's net result over ${h} years is SEK ${net}.`,
  },
  figures: {
    net: (h: number) => `Society's net result over ${h} years`,
    payback: 'Payback period for society',
    efficiency: 'Efficiency (share of potential realised)',
  },
  assumptions: {
    key: 'Assumption', value: 'Value',
    priceYear: 'Price year', horizon: 'Horizon', discountRate: 'Discount rate', deadweight: 'Deadweight (external factors)',
    dropOff: 'Drop-off per year', cost: 'Intervention cost', financing: 'Financing key', participants: 'Participants (weighted)',
    comparison: 'Comparison group', none: 'none', evidence: 'Evidence grade', upperBound: ' — upper bound',
  },
  subgroups: {
    title: (dimension: string) => `Participants by ${dimension.toLowerCase()}`,
    count: 'Count',
    society: "Society's annual effect per participant",
    publicSector: "Public sector's annual effect per participant",
  },
  potentialTable: {
    measure: 'Measure', value: 'Value',
    fore: 'Potential before (SEK/yr)', efter: 'Potential after (SEK/yr)', efficiency: 'Efficiency',
    referenceProduction: 'Reference production per full-time job (SEK/yr)', forePerParticipant: 'Potential before per participant (SEK/yr)',
    costPerParticipant: 'Intervention cost per participant (SEK)', effectPerParticipant: "Society's annual effect per participant (SEK)",
    net1PerParticipant: 'Net result per participant, 1 year (SEK)', costPerPoint: 'Cost per percentage point of efficiency (SEK)',
    note: "The potential is society's annual cost of the group's exclusion: lost production (against a full-time job at the reference wage) plus real resource use. The efficiency is the share of the before-potential that was realised.",
  },
  netTable: (h: string) => `Benefits, costs and net result over ${h} ${h === '1' ? 'year' : 'years'}`,
  itemsTable: { title: 'Change per item and actor (SEK/yr)', item: 'Item', category: 'Category' },
  sensitivityTable: {
    base1: 'Base, 1 yr', baseH: (h: number) => `Base, ${h} yrs`, writeOff1: 'Cost written off over 3 yrs, 1 yr',
    external25: (h: number) => `External factors 25%, ${h} yrs`, external50: (h: number) => `External factors 50%, ${h} yrs`,
    note: 'Net result (SEK) for society and the funders under the classic NyttoSam sensitivity analyses: the intervention cost written off over three years (the one-year result carries a third of the cost); a share of the remaining change (25% and 50%) due to external factors (deadweight); and discounting at 3.5% (ASEK). Tornado, switching values and Monte Carlo: samnytta sensitivity and montecarlo.',
  },
  catalogueTable: {
    id: 'Id', label: 'Label', value: 'Value', unit: 'Unit', priceYear: 'Price year (base)', status: 'Status', source: 'Source',
    note: (priceYear: number, estimates: number) => `Values uprated to the price year ${priceYear}. Estimates (${estimates}) are flagged and should be replaced by local figures where available.`,
    ownPrice: 'own price',
  },
  pricesTable: {
    title: "The project's own prices (prices:)",
    item: 'Item', catalogue: 'Catalogue value', own: 'Own price', unit: 'Unit', source: "Source (the project's)",
    note: (priceYear: number) => `The prices in the project file's prices: replace the catalogue's values for this project, converted to the price year ${priceYear} with the item's index. The items no longer count as estimates.`,
  },
  members: {
    title: 'Member kommuner', titleRegion: 'Member regions', member: 'Member', participants: 'Participants', effect: 'Annual effect', cost: 'Cost', net: 'Net',
    years: 'yrs', payback: 'Payback', noKommun: 'no kommun', others: 'other members',
    few: (n: number) => `fewer than ${n} participants`, complement: 'included in other members',
    who: { kommunalskatt: 'the kommun', regionskatt: 'the region' },
    basis: {
      key: () => "Each member's cost is its share in the financing key.",
      participants: (w: string) => `The financing key gives ${w}'s share without members; it is split between the members by participants.`,
      mixed: (w: string) => `Each member's cost is its share in the key; ${w}'s share in years whose key names no members is split by participants.`,
      none: (w: string) => `${w[0].toUpperCase()}${w.slice(1)} bears no part of the intervention cost.`,
    },
    rule: (n: number, w: string) => `Members with 1–${n - 1} participants are not shown (a paying member without participants is shown with effect 0); they, and where needed so that no figure can be derived the smallest shown member, are in "other members". The members sum to ${w}.`,
  },
  datumError: (d: string) => `--datum: must be a date YYYY-MM-DD (got ${d})`,
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

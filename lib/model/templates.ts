/**
 * Project templates written by `samnytta init` (issue 3): a commented `projekt.yaml`, an Excel
 * workbook with the sheets Deltagare, Situationer, Instruktioner and Poster (every valid post id
 * with label and unit, and drop-down lists for `post` and `lage`), and the CSV equivalents. The
 * aggregated variant holds a transition table (försörjning före × efter → antal). Pure: returns
 * file contents; the CLI writes them.
 */
import ExcelJS from 'exceljs';
import type { Catalog } from '../catalog/types.js';
import { bundledMapping, type TransitionMapping } from './transitions.js';
import { byCodePoint } from '../util/compare.js';
import type { Lang } from '../util/errors.js';
import { TEMPLATE_TEXT } from './placeholders.js';
import { kommunNames } from '../catalog/kommun.js';

/** A file to write, relative to the project folder. */
export interface TemplateFile {
  path: string;
  data: string | Uint8Array;
}

/** One participant row (participants table). */
export interface TemplateParticipant {
  deltagare: string;
  vikt?: number;
  kon?: string;
  fodelsear?: number;
  utbildning?: string;
  hushallstyp?: string;
  kommun?: string;
  fore_manader?: number;
  efter_manader?: number;
}

/** One situation row (long format). */
export interface TemplateSituation {
  deltagare: string;
  lage: 'fore' | 'efter';
  post: string;
  manader: number;
  antal_per_manad?: number;
  belopp_per_manad?: number;
  omfattning?: number;
  lon?: number;
  /** Follow-up year of an efter row, 1–3 (blank = 1; method §5.1). */
  uppfoljningsar?: number;
}

export const PARTICIPANT_HEADERS = ['deltagare', 'vikt', 'kon', 'fodelsear', 'utbildning', 'hushallstyp', 'kommun', 'fore_manader', 'efter_manader'] as const;
export const SITUATION_HEADERS = ['deltagare', 'lage', 'post', 'manader', 'antal_per_manad', 'belopp_per_manad', 'omfattning', 'lon', 'uppfoljningsar'] as const;
export const TRANSITION_HEADERS = ['forsorjning_fore', 'forsorjning_efter', 'antal', 'kon'] as const;

/** Example participants: three made-up people (ids are serial numbers, never personnummer). */
export const EXAMPLE_PARTICIPANTS: TemplateParticipant[] = [
  { deltagare: 'D001', vikt: 1, kon: 'K', fodelsear: 1998, utbildning: 'gymnasium', hushallstyp: 'ensamstaende', fore_manader: 12, efter_manader: 12 },
  { deltagare: 'D002', vikt: 1, kon: 'M', fodelsear: 1989, utbildning: 'grundskola', hushallstyp: 'ensamstaende', fore_manader: 12, efter_manader: 12 },
  { deltagare: 'D003', vikt: 1, kon: 'K', fodelsear: 1979, utbildning: 'eftergymnasial', hushallstyp: 'sammanboende_med_barn', fore_manader: 12, efter_manader: 12 },
];

/** Example situations for the example participants. */
export const EXAMPLE_SITUATIONS: TemplateSituation[] = [
  { deltagare: 'D001', lage: 'fore', post: 'kommun.forsorjningsstod', manader: 12 },
  { deltagare: 'D001', lage: 'fore', post: 'kommun.handlaggning_forsorjningsstod', manader: 12 },
  { deltagare: 'D001', lage: 'fore', post: 'region.psykiatri_oppenvard_besok', manader: 12, antal_per_manad: 1 },
  { deltagare: 'D001', lage: 'efter', post: 'kommun.forsorjningsstod', manader: 3 },
  { deltagare: 'D001', lage: 'efter', post: 'arbete.osubventionerad_anstallning', manader: 9, lon: 26000 },
  { deltagare: 'D002', lage: 'fore', post: 'fk.sjukpenning', manader: 12, lon: 24000 },
  { deltagare: 'D002', lage: 'fore', post: 'fk.handlaggning', manader: 12 },
  { deltagare: 'D002', lage: 'fore', post: 'region.primarvard_besok', manader: 12, antal_per_manad: 0.5 },
  { deltagare: 'D002', lage: 'efter', post: 'af.lonebidrag', manader: 12, omfattning: 0.75, lon: 24000 },
  { deltagare: 'D002', lage: 'efter', post: 'af.handlaggning', manader: 12 },
  { deltagare: 'D003', lage: 'fore', post: 'af.aktivitetsstod', manader: 12 },
  { deltagare: 'D003', lage: 'fore', post: 'af.handlaggning', manader: 12 },
  { deltagare: 'D003', lage: 'efter', post: 'csn.studiemedel', manader: 10 },
  { deltagare: 'D003', lage: 'efter', post: 'af.handlaggning', manader: 2 },
];

/** Example transition rows (aggregated input). */
export const EXAMPLE_TRANSITIONS: { forsorjning_fore: string; forsorjning_efter: string; antal: number; kon?: string }[] = [
  { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'arbete', antal: 5, kon: 'K' },
  { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'arbete', antal: 4, kon: 'M' },
  { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'studier', antal: 6, kon: 'K' },
  { forsorjning_fore: 'forsorjningsstod', forsorjning_efter: 'forsorjningsstod', antal: 8, kon: 'M' },
  { forsorjning_fore: 'sjukpenning', forsorjning_efter: 'lonebidrag', antal: 5, kon: 'K' },
  { forsorjning_fore: 'sjukpenning', forsorjning_efter: 'sjukpenning', antal: 4, kon: 'M' },
  { forsorjning_fore: 'aktivitetsersattning', forsorjning_efter: 'aktivitetsstod', antal: 6, kon: 'M' },
];

export interface TemplateOptions {
  /** Price year written into projekt.yaml. */
  priceYear: number;
  /** Project name. */
  name?: string;
  participants?: TemplateParticipant[];
  situations?: TemplateSituation[];
  /** Also write the CSV equivalents under `csv/` (default true). */
  csv?: boolean;
  /** Language of the template's comments and instructions (default sv; keys and sheet names stay). */
  lang?: Lang;
}

const INSTRUCTIONS = [
  'Så här fyller du i mallen',
  '',
  '1. Bladet Deltagare: en rad per deltagare (eller typfall). deltagare är ett löpnummer (D001, D002 …) – aldrig personnummer eller namn; samnytta vägrar läsa sådana.',
  '   vikt = hur många deltagare raden representerar (1 för en verklig deltagare). kon = K, M eller X. fodelsear = årtal (t.ex. 1990).',
  '   utbildning och hushallstyp är fri text (används för resultat per undergrupp). kommun = kommunens namn om dess skattesats ska användas.',
  '   fore_manader och efter_manader = observationstid i månader (standard 12).',
  '2. Bladet Situationer: en rad per deltagare × läge × post. lage = fore (före insatsen) eller efter. post väljs i listan (se bladet Poster).',
  '   manader = antal månader posten pågår inom observationstiden. antal_per_manad = t.ex. besök per månad (tomt = postens standard).',
  '   belopp_per_manad = faktiskt belopp i kronor om det är känt (tomt = katalogens belopp). omfattning = andel av heltid (0,75 eller 75 %).',
  '   lon = heltidslön per månad för anställningar, eller inkomstunderlag (SGI) för sjukpenning och a-kassa.',
  '   uppfoljningsar = vilket år efter insatsen en efter-rad gäller: 1, 2 eller 3 (tomt = 1). Ett år utan rader räknas som ej uppföljt; det senaste uppföljda året förs vidare.',
  '3. Tomma rader hoppas över. Decimaler skrivs med komma eller punkt. Rubrikerna får skrivas med eller utan å, ä, ö.',
  '4. Kontrollera: npx samnytta validate MAPP – alla fel listas på en gång med blad, rad och kolumn.',
  '5. Beräkna: npx samnytta calc MAPP.',
  '',
  'Personuppgifter: samordningsförbund saknar stöd i lag att behandla personuppgifter om deltagare. Använd löpnummer.',
  'Om data kommer med personnummer från en part som får behandla dem: kör med --pseudonymisera; nyckeln sparas i .samnytta-nyckel i projektmappen och ska förvaras åtskild från resultaten.',
  'Undergrupper med färre deltagare än disclosureThreshold (standard 5) visas inte i resultaten.',
];

const INSTRUCTIONS_EN = [
  'How to fill in the template',
  '',
  '1. Sheet Deltagare: one row per participant (or typical case). deltagare is a serial number (D001, D002 …) – never a personal identity number or a name; samnytta refuses to read those.',
  '   vikt = how many participants the row stands for (1 for a real participant). kon = K, M or X. fodelsear = year of birth (e.g. 1990).',
  '   utbildning and hushallstyp are free text (used for results per subgroup). kommun = the municipality whose tax rate applies.',
  '   fore_manader and efter_manader = observation time in months (default 12).',
  '2. Sheet Situationer: one row per participant × situation × item. lage = fore (before the intervention) or efter (after). post is chosen from the list (see sheet Poster).',
  '   manader = months the item lasts within the observation time. antal_per_manad = e.g. visits per month (empty = the item\'s default).',
  '   belopp_per_manad = the actual amount in kronor if known (empty = the catalogue amount). omfattning = share of full time (0.75 or 75 %).',
  '   lon = full-time monthly wage for jobs, or the income basis (SGI) for sickness benefit and unemployment insurance.',
  '   uppfoljningsar = the follow-up year an efter row belongs to: 1, 2 or 3 (empty = 1). A year without rows is not followed up; the latest followed-up year is carried forward.',
  '3. Empty rows are skipped. Decimals with comma or point. Headers may be written with or without å, ä, ö.',
  '4. Check: npx samnytta validate FOLDER – every error at once with sheet, row and column.',
  '5. Calculate: npx samnytta calc FOLDER.',
  '',
  'Personal data: coordination associations have no legal basis to process personal data about participants. Use serial numbers.',
  'If data arrive with personal identity numbers from a party allowed to process them: run with --pseudonymisera; the key is kept in .samnytta-nyckel in the project folder and must be stored apart from the results.',
  'Subgroups with fewer participants than disclosureThreshold (default 5) are not shown in the results.',
];

const AGGREGATED_INSTRUCTIONS = [
  'Aggregerad indata: övergångstabell',
  '',
  'För förbund som inte har uppgifter om enskilda deltagare. Varje rad anger hur många deltagare som gick från en försörjning före insatsen till en försörjning efter (jämför SUS-rapporten "försörjningskällor efter, given källa före").',
  'forsorjning_fore och forsorjning_efter väljs bland kategorierna på bladet Kategorier. Flera källor samtidigt skrivs med plustecken: sjukpenning + forsorjningsstod.',
  'antal = antal deltagare (heltal). kon (K, M, X) eller aldersgrupp (t.ex. 16–24, 50+) är frivilliga kolumner.',
  'Uppföljning efter flera år: en frivillig kolumn uppfoljningsar (1, 2 eller 3; tomt = 1) och en tabell per år för samma deltagare, t.ex. samma rader en gång med 1 och en gång med 3.',
  'Varje kategori prissätts med katalogposter under 12 månader; månader och vårdbesök är antaganden som kan ändras under mapping: i projekt.yaml.',
  'Kontrollera med npx samnytta validate MAPP och beräkna med npx samnytta calc MAPP.',
];

/** The commented projekt.yaml for a participant-level project, in Swedish or English. */
export function projectYaml(o: { name: string; priceYear: number; source: string; aggregated?: boolean; lang?: Lang }): string {
  const en = o.lang === 'en';
  const sourceBlock = o.aggregated
    ? (en
      ? `# Aggregated input: transition table support before × after → count (see the Instruktioner sheet).
transitionsFile: ${o.source}
# Change a category's assumptions (default in samnytta's data/mappings/transitions.yaml), e.g.:
`
      : `# Aggregerad indata: övergångstabell försörjning före × efter → antal (se bladet Instruktioner).
transitionsFile: ${o.source}
# Ändra en kategoris antaganden (standard i samnytta:s data/mappings/transitions.yaml), t.ex.:
`) + `# mapping:
#   sjukpenning:
#     lines:
#       - { item: fk.sjukpenning, months: 12, extent: 0.5 }
#       - { item: fk.handlaggning, months: 12 }
`
    : en
      ? `# Participant data: the Excel template (sheets Deltagare and Situationer). CSV works too:
# participantsFile: [csv/situationer.csv, csv/deltagare.csv]
participantsFile: ${o.source}
`
      : `# Deltagardata: Excel-mallen (bladen Deltagare och Situationer). CSV går också:
# participantsFile: [csv/situationer.csv, csv/deltagare.csv]
participantsFile: ${o.source}
`;
  const c = en
    ? { head: '# samnytta project. All amounts in kronor at the price year\'s prices; shares as decimals (0.25 = 25 %).', check: '# Check: npx samnytta validate FOLDER   Calculate: npx samnytta calc FOLDER', priceYear: 'price year of all amounts', horizon: 'horizon in years (results are always shown for 1 year too)', rate: 'discount rate; 0 for comparability with NyttoSam (0.035 as a sensitivity)', deadweight: 'deadweight: share of the effect that would have come anyway (0–1)', dropOff: 'drop-off per year after the first (0–1)', threshold: 'subgroups with fewer participants are not shown (at least 3)', insatsklass: 'target group/intervention type from data/insatsklasser.yaml (portfolio and comparison values)', cost: "the intervention's cost in kronor", financing: 'finsam = FK 50 %, region 25 %, kommun 25 %; or { kommun: 0.5, region: 0.5 }', prices: "# Your own unit prices instead of the catalogue's (kronor per unit in the price year; a source is required):", pricesSource: 'Region price list' }
    : { head: '# samnytta-projekt. Alla belopp i kronor i prisårets priser; andelar som decimaltal (0.25 = 25 %).', check: '# Kontrollera: npx samnytta validate MAPP   Beräkna: npx samnytta calc MAPP', priceYear: 'prisår för alla belopp', horizon: 'kalkylperiod i år (resultat visas alltid även för 1 år)', rate: 'diskonteringsränta; 0 för jämförbarhet med NyttoSam (0.035 som känslighet)', deadweight: 'dödvikt: andel av effekten som hade kommit ändå (0–1)', dropOff: 'avklingning per år efter första året (0–1)', threshold: 'undergrupper med färre deltagare visas inte (minst 3)', insatsklass: 'målgrupp/insatstyp ur data/insatsklasser.yaml (portfölj och jämförande värden)', cost: 'insatsens kostnad i kronor', financing: 'finsam = FK 50 %, region 25 %, kommun 25 %; eller { kommun: 0.5, region: 0.5 }', prices: '# Egna styckpriser i stället för katalogens (kronor per enhet i prisåret; källa krävs):', pricesSource: 'Regionens prislista' };
  return `${c.head}
${c.check}
name: ${JSON.stringify(o.name)}
description: >-
  ${TEMPLATE_TEXT[en ? 'en' : 'sv'].description}
# insatsklass: unga-vuxna/coachning   # ${c.insatsklass}
priceYear: ${o.priceYear}         # ${c.priceYear}
horizonYears: 5          # ${c.horizon}
discountRate: 0          # ${c.rate}
deadweight: 0            # ${c.deadweight}
dropOff: 0               # ${c.dropOff}
evidence: foreEfter      # foreEfter | jamforelsegrupp | randomiserad
disclosureThreshold: 5   # ${c.threshold}
cost:
  total: 1000000         # ${c.cost}
  financing: finsam      # ${c.financing}
${c.prices}
# prices:
#   region.psykiatri_oppenvard_besok: { amount: 3000, source: "${c.pricesSource} ${o.priceYear}" }
${sourceBlock}`;
}

/** Writes the participant workbook (Deltagare, Situationer, Instruktioner, Poster). */
export async function participantWorkbook(catalog: Catalog, participants: TemplateParticipant[], situations: TemplateSituation[], lang: Lang = 'sv'): Promise<Uint8Array> {
  const wb = newWorkbook();
  const people = wb.addWorksheet('Deltagare', { views: [{ state: 'frozen', ySplit: 1 }] });
  people.columns = PARTICIPANT_HEADERS.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 2) }));
  for (const p of participants) people.addRow(p);
  boldHeader(people);
  addValidation(people, 'C2:C5000', { type: 'list', allowBlank: true, formulae: ['"K,M,X"'], showErrorMessage: true, errorTitle: 'Kön', error: 'Ange K, M eller X' });
  addValidation(people, 'D2:D5000', { type: 'whole', operator: 'between', allowBlank: true, formulae: [1900, 2100], showErrorMessage: true, errorTitle: 'Födelseår', error: 'Ange ett årtal, t.ex. 1990' });
  // kommun: a drop-down of Skatteverket's kommun names from a hidden sheet (a name outside it is still accepted and checked).
  const kommuner = kommunNames(catalog);
  if (kommuner.length) {
    addValidation(people, 'G2:G5000', { type: 'list', allowBlank: true, formulae: [`Kommuner!$A$2:$A$${kommuner.length + 1}`], showErrorMessage: false, errorTitle: 'Kommun', error: 'Välj en kommun i listan' });
  }

  const sits = wb.addWorksheet('Situationer', { views: [{ state: 'frozen', ySplit: 1 }] });
  sits.columns = SITUATION_HEADERS.map((h) => ({ header: h, key: h, width: h === 'post' ? 40 : Math.max(12, h.length + 2) }));
  for (const s of situations) sits.addRow(s);
  boldHeader(sits);
  sits.getColumn('omfattning').numFmt = '0%';
  sits.getColumn('lon').numFmt = '# ##0';
  sits.getColumn('belopp_per_manad').numFmt = '# ##0';
  const items = [...catalog.items.values()].sort((a, b) => byCodePoint(a.id, b.id));
  addValidation(sits, 'B2:B5000', { type: 'list', allowBlank: false, formulae: ['"fore,efter"'], showErrorMessage: true, errorTitle: 'Läge', error: 'Ange fore eller efter' });
  addValidation(sits, 'C2:C5000', { type: 'list', allowBlank: false, formulae: [`Poster!$A$2:$A$${items.length + 1}`], showErrorMessage: true, errorTitle: 'Post', error: 'Välj en post från bladet Poster' });
  addValidation(sits, 'I2:I5000', { type: 'list', allowBlank: true, formulae: ['"1,2,3"'], showErrorMessage: true, errorTitle: 'Uppföljningsår', error: 'Ange 1, 2 eller 3 (tomt = 1)' });

  instructionsSheet(wb, lang === 'en' ? INSTRUCTIONS_EN : INSTRUCTIONS);
  const posts = wb.addWorksheet('Poster', { views: [{ state: 'frozen', ySplit: 1 }] });
  posts.columns = [{ header: 'post', key: 'post', width: 40 }, { header: 'benamning', key: 'label', width: 44 }, { header: 'enhet', key: 'unit', width: 12 }, { header: 'antal_per_manad_avser', key: 'quantity', width: 22 }, { header: 'betalare', key: 'payer', width: 12 }];
  for (const it of items) posts.addRow({ post: it.id, label: it.label, unit: it.unit, quantity: it.quantity, payer: it.payer ?? '' });
  boldHeader(posts);
  if (kommuner.length) {
    const list = wb.addWorksheet('Kommuner', { state: 'hidden' });
    list.getCell('A1').value = 'kommun';
    kommuner.forEach((k, n) => { list.getCell(`A${n + 2}`).value = k; });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Writes the transition workbook (Övergångar, Kategorier, Instruktioner). */
export async function transitionWorkbook(mapping: TransitionMapping, rows = EXAMPLE_TRANSITIONS): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Övergångar', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TRANSITION_HEADERS.map((h) => ({ header: h, key: h, width: h.startsWith('forsorjning') ? 28 : 10 }));
  for (const r of rows) ws.addRow(r);
  boldHeader(ws);
  const n = mapping.categories.size + 1;
  addValidation(ws, 'A2:B2000', { type: 'list', allowBlank: false, formulae: [`Kategorier!$A$2:$A$${n}`], showErrorMessage: false });
  addValidation(ws, 'D2:D2000', { type: 'list', allowBlank: true, formulae: ['"K,M,X"'], showErrorMessage: true, error: 'Ange K, M eller X' });
  instructionsSheet(wb, AGGREGATED_INSTRUCTIONS);
  const cats = wb.addWorksheet('Kategorier', { views: [{ state: 'frozen', ySplit: 1 }] });
  cats.columns = [{ header: 'kategori', key: 'id', width: 26 }, { header: 'benamning', key: 'label', width: 40 }, { header: 'poster_12_manader', key: 'lines', width: 90 }, { header: 'antagande', key: 'note', width: 90 }];
  for (const c of mapping.categories.values()) {
    cats.addRow({ id: c.id, label: c.label, lines: c.lines.map((l) => `${l.item} ${l.months} mån${l.perMonth !== undefined ? ` × ${l.perMonth}/mån` : ''}`).join('; '), note: c.note ?? '' });
  }
  boldHeader(cats);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** CSV text the way Swedish Excel opens it: UTF-8 with BOM, `;`, decimal comma, CRLF. */
export function swedishCsv(headers: readonly string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [headers.join(';'), ...rows.map((r) => headers.map((h) => cell(r[h])).join(';'))].join('\r\n') + '\r\n';
}

/**
 * The files of a new participant-level project folder.
 * @example (await participantTemplate(loadCatalog(), { priceYear: 2025 })).map((f) => f.path)
 *   // => ['projekt.yaml', 'deltagare.xlsx', 'csv/deltagare.csv', 'csv/situationer.csv']
 */
export async function participantTemplate(catalog: Catalog, o: TemplateOptions): Promise<TemplateFile[]> {
  const participants = o.participants ?? EXAMPLE_PARTICIPANTS;
  const situations = o.situations ?? EXAMPLE_SITUATIONS;
  const files: TemplateFile[] = [
    { path: 'projekt.yaml', data: projectYaml({ name: o.name ?? TEMPLATE_TEXT[o.lang ?? 'sv'].name, priceYear: o.priceYear, source: 'deltagare.xlsx', lang: o.lang }) },
    { path: 'deltagare.xlsx', data: await participantWorkbook(catalog, participants, situations, o.lang) },
  ];
  if (o.csv !== false) {
    files.push({ path: 'csv/deltagare.csv', data: swedishCsv(PARTICIPANT_HEADERS, participants as unknown as Record<string, unknown>[]) });
    files.push({ path: 'csv/situationer.csv', data: swedishCsv(SITUATION_HEADERS, situations as unknown as Record<string, unknown>[]) });
  }
  return files;
}

/** The files of a new aggregated project folder (transition table). */
export async function transitionTemplate(catalog: Catalog, o: TemplateOptions & { mapping?: TransitionMapping }): Promise<TemplateFile[]> {
  const mapping = o.mapping ?? bundledMapping(catalog);
  const files: TemplateFile[] = [
    { path: 'projekt.yaml', data: projectYaml({ name: o.name ?? TEMPLATE_TEXT[o.lang ?? 'sv'].nameAggregated, priceYear: o.priceYear, source: 'overgangar.xlsx', aggregated: true, lang: o.lang }) },
    { path: 'overgangar.xlsx', data: await transitionWorkbook(mapping) },
  ];
  if (o.csv !== false) files.push({ path: 'csv/overgangar.csv', data: swedishCsv(TRANSITION_HEADERS, EXAMPLE_TRANSITIONS) });
  return files;
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'samnytta';
  // Fixed dates so the same template gives the same workbook content.
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  return wb;
}

/** Adds a data validation (drop-down list or range) to a cell range; exceljs supports it but its types omit it. */
function addValidation(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, v);
}

function boldHeader(ws: ExcelJS.Worksheet): void {
  ws.getRow(1).font = { bold: true };
}

function instructionsSheet(wb: ExcelJS.Workbook, lines: string[]): void {
  const ws = wb.addWorksheet('Instruktioner');
  ws.getColumn(1).width = 140;
  lines.forEach((l, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = l;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true, size: 14 };
  });
}

/**
 * Generates data/examples/excel-exempel/deltagare.xlsx (and projekt.yaml): a participant-level
 * project as a controller would keep it in Excel — 24 made-up participants with serial ids
 * (never personnummer), deterministic from a fixed seed so the file is reproducible.
 * Run: npx tsx scripts/excel-exempel.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../lib/catalog/load.js';
import { participantWorkbook, projectYaml, type TemplateParticipant, type TemplateSituation } from '../lib/model/templates.js';

const OUT = join('data', 'examples', 'excel-exempel');
const PRICE_YEAR = 2025;

/** A small deterministic generator (LCG), so the example never depends on Math.random. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const rnd = lcg(20250101);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const participants: TemplateParticipant[] = [];
const situations: TemplateSituation[] = [];
const outcomes = ['arbete', 'lonebidrag', 'studier', 'program', 'oforandrad'] as const;
for (let i = 1; i <= 24; i++) {
  const id = `D${String(i).padStart(3, '0')}`;
  const kon = i % 2 === 0 ? 'K' : 'M';
  const fodelsear = 1970 + Math.floor(rnd() * 36);
  const before = i <= 14 ? 'fbs' : i <= 20 ? 'sjukpenning' : 'ae';
  participants.push({
    deltagare: id, vikt: 1, kon, fodelsear,
    utbildning: pick(['grundskola', 'gymnasium', 'gymnasium', 'eftergymnasial'] as const),
    hushallstyp: pick(['ensamstaende', 'ensamstaende', 'ensamstaende_med_barn', 'sammanboende'] as const),
    fore_manader: 12, efter_manader: 12,
  });
  const visits = Math.round(rnd() * 10) / 10;
  if (before === 'fbs') {
    situations.push({ deltagare: id, lage: 'fore', post: 'kommun.forsorjningsstod', manader: 12 });
    situations.push({ deltagare: id, lage: 'fore', post: 'kommun.handlaggning_forsorjningsstod', manader: 12 });
  } else if (before === 'sjukpenning') {
    situations.push({ deltagare: id, lage: 'fore', post: 'fk.sjukpenning', manader: 12, lon: 25000 });
    situations.push({ deltagare: id, lage: 'fore', post: 'fk.handlaggning', manader: 12 });
  } else {
    situations.push({ deltagare: id, lage: 'fore', post: 'fk.aktivitetsersattning', manader: 12 });
  }
  situations.push({ deltagare: id, lage: 'fore', post: 'region.psykiatri_oppenvard_besok', manader: 12, antal_per_manad: 0.5 + visits });
  const outcome = outcomes[i % outcomes.length];
  if (outcome === 'arbete') situations.push({ deltagare: id, lage: 'efter', post: 'arbete.osubventionerad_anstallning', manader: 10, lon: 26000 + Math.round(rnd() * 4) * 500 });
  else if (outcome === 'lonebidrag') situations.push({ deltagare: id, lage: 'efter', post: 'af.lonebidrag', manader: 12, omfattning: 0.75, lon: 24000 });
  else if (outcome === 'studier') situations.push({ deltagare: id, lage: 'efter', post: 'csn.studiemedel', manader: 10 });
  else if (outcome === 'program') {
    situations.push({ deltagare: id, lage: 'efter', post: 'af.aktivitetsstod', manader: 12 });
    situations.push({ deltagare: id, lage: 'efter', post: 'af.handlaggning', manader: 12 });
  } else {
    for (const s of situations.filter((x) => x.deltagare === id && x.lage === 'fore' && !x.post.startsWith('region.'))) situations.push({ ...s, lage: 'efter' });
  }
  situations.push({ deltagare: id, lage: 'efter', post: 'region.psykiatri_oppenvard_besok', manader: 12, antal_per_manad: Math.round((0.2 + visits / 2) * 10) / 10 });
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'deltagare.xlsx'), await participantWorkbook(loadCatalog(), participants, situations));
writeFileSync(join(OUT, 'projekt.yaml'), projectYaml({ name: 'Excel-exempel: samverkansteam för 24 deltagare', priceYear: PRICE_YEAR, source: 'deltagare.xlsx' })
  .replace('Beskriv insatsen: målgrupp, vad som gjordes, antal deltagare och hur före/efter mättes.', 'Påhittat exempel: 24 deltagare med försörjningsstöd, sjukpenning eller aktivitetsersättning i ett samverkansteam under ett år. Före = 12 månader före start, efter = 12 månader efter avslut. Data förs i Excel (deltagare.xlsx).')
  .replace('total: 1000000         # insatsens kostnad i kronor', 'total: 1800000         # insatsens kostnad i kronor'));
process.stdout.write(`wrote ${OUT}/deltagare.xlsx (${participants.length} deltagare, ${situations.length} situationsrader) and projekt.yaml\n`);

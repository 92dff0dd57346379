/**
 * A seeded synthetic national register extract for the bench: a long-format situations CSV
 * (`deltagare;lage;post;manader;antal_per_manad;lon`, `;`-separated with decimal commas, as
 * Swedish Excel writes it) with five rows per participant. Generated into a temporary folder by
 * the bench, never committed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

const SUPPORT = [
  ['kommun.forsorjningsstod', 'kommun.handlaggning_forsorjningsstod'],
  ['fk.sjukpenning', 'fk.handlaggning'],
  ['af.aktivitetsstod', 'af.handlaggning'],
  ['akassa.arbetsloshetsersattning', 'af.handlaggning'],
] as const;

/** Writes `participants` × 5 rows to `path`; returns the number of data rows. */
export async function writeNationalCsv(path: string, participants: number, seed: number): Promise<number> {
  const g = xoroshiro128plus(seed);
  const rng = () => uniformFloat64(g);
  const out = createWriteStream(path, { encoding: 'utf8' });
  let buf = 'deltagare;lage;post;manader;antal_per_manad;lon\n';
  let rows = 0;
  for (let i = 0; i < participants; i++) {
    const id = `R${String(i + 1).padStart(7, '0')}`;
    const [support, handling] = SUPPORT[Math.floor(rng() * SUPPORT.length)];
    const wage = 22000 + Math.round(rng() * 14000); // above the wage floor (a warning per row below it)
    const visits = (0.1 + rng()).toFixed(2).replace('.', ',');
    const worked = 3 + Math.floor(rng() * 10);
    const basis = support === 'fk.sjukpenning' || support === 'akassa.arbetsloshetsersattning' ? wage : '';
    buf += `${id};fore;${support};12;;${basis}\n${id};fore;${handling};12;;\n${id};fore;region.primarvard_besok;12;${visits};\n`;
    buf += `${id};efter;arbete.osubventionerad_anstallning;${worked};;${wage}\n${id};efter;${support};${12 - worked};;${basis}\n`;
    rows += 5;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return rows;
}

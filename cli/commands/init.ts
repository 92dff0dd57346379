/**
 * `samnytta init DIR [--aggregerad]`: a ready project folder. Participant level: `projekt.yaml`
 * with commented defaults, `deltagare.xlsx` (sheets Deltagare, Situationer, Instruktioner, Poster
 * with drop-down lists) and CSV equivalents under `csv/`. Aggregated: `projekt.yaml`,
 * `overgangar.xlsx` (Övergångar, Instruktioner, Kategorier) and `csv/overgangar.csv`. The example
 * rows validate and calculate. Refuses to write into an existing non-empty folder.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../lib/catalog/load.js';
import type { Catalog } from '../../lib/catalog/types.js';
import { participantTemplate, transitionTemplate } from '../../lib/model/templates.js';
import { ExitError, writeFilesAtomically, type GlobalOptions, type Io } from '../io.js';
import { latestPriceYear } from '../../lib/catalog/value-at.js';

export interface InitOptions extends GlobalOptions {
  dir: string;
  aggregerad?: boolean;
  /** Price year for the template (default: the latest year the catalogue's prisbasbelopp covers). */
  priceYear?: number;
}

export async function init(o: InitOptions, io: Io): Promise<{ files: string[] }> {
  const sv = o.lang === 'sv';
  if (existsSync(o.dir)) {
    if (!statSync(o.dir).isDirectory()) throw new ExitError(1, sv ? `${o.dir} finns redan och är ingen mapp; välj ett annat namn` : `${o.dir} already exists and is not a folder; choose another name`);
    if (readdirSync(o.dir).length > 0) {
      throw new ExitError(1, sv
        ? `mappen ${o.dir} finns redan och är inte tom; init skriver aldrig över filer. Välj en ny mapp, t.ex. samnytta init ${o.dir}-2`
        : `the folder ${o.dir} already exists and is not empty; init never overwrites files. Choose a new folder, e.g. samnytta init ${o.dir}-2`);
    }
  }
  const catalog = loadCatalog();
  const priceYear = o.priceYear ?? latestPriceYear(catalog);
  const files = o.aggregerad ? await transitionTemplate(catalog, { priceYear, lang: o.lang }) : await participantTemplate(catalog, { priceYear, lang: o.lang });
  writeFilesAtomically(files.map((f) => ({ path: join(o.dir, f.path), data: f.data })), o.lang);
  const list = files.map((f) => `  ${join(o.dir, f.path)}`).join('\n');
  const main = o.aggregerad ? 'overgangar.xlsx' : 'deltagare.xlsx';
  io.out(sv
    ? `Skapade ${o.dir}:\n${list}\n\nNästa steg:\n  1. Fyll i ${join(o.dir, main)} (exempelraderna visar formatet; bladet Instruktioner förklarar kolumnerna)\n  2. Ange namn, prisår och insatskostnad i ${join(o.dir, 'projekt.yaml')}\n  3. npx samnytta validate ${o.dir}   (listar alla fel på en gång)\n  4. npx samnytta calc ${o.dir}\n`
    : `Created ${o.dir}:\n${list}\n\nNext steps:\n  1. Fill in ${join(o.dir, main)} (the example rows show the format; the Instruktioner sheet explains the columns)\n  2. Set name, price year and intervention cost in ${join(o.dir, 'projekt.yaml')}\n  3. npx samnytta validate ${o.dir}   (lists every error at once)\n  4. npx samnytta calc ${o.dir}\n`);
  return { files: files.map((f) => f.path) };
}

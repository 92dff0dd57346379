/**
 * Detection tests: valid personnummer/samordningsnummer are BUILT AT RUNTIME here (no string
 * that passes Luhn is committed); everywhere else test persons fail the Luhn check.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles } from '../../lib/model/node-files.js';
import { containsPersonalNumber, keyPseudonymiser, loadOrCreateKey, luhnValid, personalDataColumn, pseudonym } from '../../lib/model/personal-data.js';
import { readParticipantsFile } from '../../lib/model/participants-file.js';
import { formatProblem } from '../../lib/util/errors.js';
import { fakePersonnummer, luhnDigit, swedishExcelCsv, testCatalog } from './fixtures.js';

/** A valid number for a birth date and serial, built at runtime. */
function validNumber(yymmdd: string, nnn: string): string {
  return `${yymmdd}${nnn}${luhnDigit(yymmdd + nnn)}`;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'samnytta-pd-'));

describe('containsPersonalNumber()', () => {
  const ten = validNumber('850709', '238');
  it('detects 10 and 12 digits, with or without - or +, and samordningsnummer (day + 60)', () => {
    expect(luhnValid(ten)).toBe(true);
    expect(containsPersonalNumber(ten)).toBe(true);
    expect(containsPersonalNumber(`${ten.slice(0, 6)}-${ten.slice(6)}`)).toBe(true);
    expect(containsPersonalNumber(`${ten.slice(0, 6)}+${ten.slice(6)}`)).toBe(true);
    expect(containsPersonalNumber(`19${ten}`)).toBe(true);
    expect(containsPersonalNumber(`19${ten.slice(0, 6)}-${ten.slice(6)}`)).toBe(true);
    expect(containsPersonalNumber(`Deltagare ${ten} ringde`)).toBe(true);
    const samordning = validNumber('850769', '238');
    expect(containsPersonalNumber(samordning)).toBe(true);
  });
  it('ignores numbers that fail Luhn, impossible dates, amounts and serial ids', () => {
    for (let n = 0; n < 200; n++) expect(containsPersonalNumber(fakePersonnummer(n))).toBe(false);
    expect(containsPersonalNumber(validNumber('851309', '238'))).toBe(false); // month 13
    expect(containsPersonalNumber(validNumber('850700', '238'))).toBe(false); // day 0
    for (const s of ['D001', '24000', '12,5', '2024-01-01', '123456789', '1234567890123']) expect(containsPersonalNumber(s)).toBe(false);
  });
});

describe('personalDataColumn()', () => {
  it('flags name and identity-number headers', () => {
    for (const h of ['Namn', 'Förnamn', 'efternamn', 'Name', 'First name', 'Deltagarens namn']) expect(personalDataColumn(h)).toBe('name');
    for (const h of ['Personnummer', 'pnr', 'Samordningsnummer']) expect(personalDataColumn(h)).toBe('id');
    for (const h of ['Deltagare', 'Kommun', 'Utbildning', 'Månader']) expect(personalDataColumn(h)).toBeNull();
  });
});

describe('readParticipantsFile(): personal data', () => {
  const catalog = testCatalog();
  it('refuses personnummer in any cell and name columns, never echoing the value', async () => {
    const dir = tmp();
    const pnr = validNumber('900101', '123');
    const f = join(dir, 's.csv');
    writeFileSync(f, swedishExcelCsv([['deltagare', 'Förnamn', 'lage', 'post', 'manader', 'anteckning'], [pnr, 'Anna', 'fore', 'kommun.forsorjningsstod', 12, null], ['D002', 'Bo', 'fore', 'kommun.forsorjningsstod', 12, `se ${pnr.slice(0, 6)}-${pnr.slice(6)}`]]));
    const r = await readParticipantsFile(f, catalog, { files: nodeFiles });
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.row}:${p.column}`)).toEqual(['1:Förnamn', '2:deltagare', '3:anteckning', '1:deltagare']);
    const all = JSON.stringify(r) + r.problems.map((p) => formatProblem(p, 'sv') + formatProblem(p, 'en')).join('\n');
    expect(all).not.toContain(pnr.slice(6));
    expect(all).not.toContain('Anna');
    expect(errors[0].sv).toMatch(/saknar stöd i lag/);
  });

  it('--pseudonymisera hashes ids with a keyed HMAC, drops name columns and keeps the key outside outputs', async () => {
    const dir = tmp();
    const pnr = validNumber('900101', '123');
    const f = join(dir, 's.csv');
    writeFileSync(f, swedishExcelCsv([['Personnummer', 'Namn', 'lage', 'post', 'manader'], [`19${pnr}`, 'Anna', 'fore', 'kommun.forsorjningsstod', 12], ['D002', 'Bo', 'fore', 'kommun.forsorjningsstod', 12]]));
    const keyFile = join(dir, 'hemligt', '.samnytta-nyckel');
    const k = keyPseudonymiser(keyFile, [join(dir, 'rapport')]);
    const r = await readParticipantsFile(f, catalog, { files: nodeFiles, pseudonymiser: k.pseudonymiser });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.problems.map((p) => p.column)).toEqual(['Namn']);
    const ids = r.participants.map((p) => p.id as string);
    expect(ids.every((id) => /^p-[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(JSON.stringify(r)).not.toContain(pnr.slice(6));
    expect(JSON.stringify(r)).not.toContain('Anna');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(k.note.sv).toContain(keyFile);
    // Same key, same pseudonym; the 10- and 12-digit forms agree.
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    expect(ids[0]).toBe(pseudonym(key, pnr));
    const again = await readParticipantsFile(f, catalog, { files: nodeFiles, pseudonymiser: keyPseudonymiser(keyFile).pseudonymiser });
    expect(again.participants.map((p) => p.id)).toEqual(ids);
  });

  it('refuses a key file inside an output folder', () => {
    const dir = tmp();
    expect(() => loadOrCreateKey(join(dir, 'ut', 'nyckel'), [join(dir, 'ut')])).toThrow(/inside output folder/);
    expect(existsSync(join(dir, 'ut', 'nyckel'))).toBe(false);
  });
});

describe('readProject(): inline participant ids', () => {
  it('refuses a personnummer as an inline id, and hashes it with --pseudonymisera', async () => {
    const { readProject } = await import('../../lib/model/read-project.js');
    const { loadCatalog } = await import('../../lib/catalog/load.js');
    const dir = tmp();
    const pnr = validNumber('770312', '456');
    const f = join(dir, 'projekt.json');
    writeFileSync(f, JSON.stringify({
      name: 'x', priceYear: 2025, cost: { total: 1, financing: 'finsam' },
      participants: [{ id: pnr, fore: { lines: [{ item: 'kommun.forsorjningsstod', months: 12 }] }, efter: { lines: [] } }],
    }));
    const refused = await readProject(f, loadCatalog());
    expect(refused.problems.map((p) => p.path)).toEqual(['participants[0].id']);
    expect(JSON.stringify(refused.problems)).not.toContain(pnr);
    const hashed = await readProject(f, loadCatalog(), { pseudonymise: true });
    expect(hashed.problems).toEqual([]);
    expect(hashed.project!.participants[0].id).toMatch(/^p-[0-9a-f]{16}$/);
    expect(existsSync(join(dir, '.samnytta-nyckel'))).toBe(true);
  });
});

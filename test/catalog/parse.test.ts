/**
 * parseCatalog's error paths (issue 12): a typo in any catalogue file is a catalogue error that
 * names the file, the key path and a suggestion — never a NaN in a result and never exit 3. Each
 * case changes one line of the bundled catalogue and reads the problems parseCatalog reports.
 */
import { describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../lib/catalog/load.js';
import { parseCatalog } from '../../lib/catalog/parse.js';
import { RULE_SPECS } from '../../lib/catalog/rule-specs.js';
import { subsidyRules, transferRules } from '../../lib/engine/rules.js';
import { validateProject } from '../../lib/model/project.js';
import { formatProblem, InputError, type Problem } from '../../lib/util/errors.js';

const bundled = readCatalogFiles();
const catalog = parseCatalog(bundled);

/** The problems of the bundled catalogue with one file's text replaced by `edit(text)`. */
function problemsWith(file: string, edit: (text: string) => string): Problem[] {
  const text = bundled[file];
  expect(text, file).toBeDefined();
  const changed = edit(text);
  expect(changed, 'the edit changed nothing').not.toBe(text);
  try {
    parseCatalog({ ...bundled, [file]: changed });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.filter((p) => p.severity === 'error');
  }
  throw new Error('parseCatalog accepted the typo');
}

const messages = (ps: Problem[], lang: 'sv' | 'en' = 'en') => ps.map((p) => formatProblem(p, lang));

describe('parseCatalog(): the bundled catalogue', () => {
  it('loads without a problem', () => {
    expect(catalog.items.size).toBeGreaterThan(20);
  });
});

describe('parseCatalog(): typos are errors with file, path and suggestion', () => {
  it('a misspelt rule id (sjukpening)', () => {
    const ps = problemsWith('items/fk/sjukpenning.yaml', (t) => t.replace('rule: sjukpenning', 'rule: sjukpening'));
    expect(messages(ps)).toEqual([expect.stringMatching(/items\/fk\/sjukpenning\.yaml: metadata\.rule: unknown rule \(did you mean sjukpenning\?\).*\(got "sjukpening"\)/)]);
    expect(formatProblem(ps[0], 'sv')).toContain('okänd regel (menade du sjukpenning?)');
  });

  it('faktr for faktor in params/fk/sjukpenning.yaml: unknown field and missing field, never NaN', () => {
    const ps = problemsWith('params/fk/sjukpenning.yaml', (t) => t.replace('faktor: 0.97', 'faktr: 0.97'));
    const m = messages(ps);
    expect(m).toContainEqual(expect.stringMatching(/^data\/params\/fk\/sjukpenning\.yaml: values\.2022-01-01\.value\.faktr: unknown field \(did you mean faktor\?\)/));
    expect(m).toContainEqual('data/params/fk/sjukpenning.yaml: values.2022-01-01.value.faktor: field missing');
  });

  it('a misspelt field in the declaration is caught against what the rule reads', () => {
    const ps = problemsWith('params/fk/sjukpenning.yaml', (t) => t.replace(/faktor: 0\.97/g, 'faktr: 0.97').replace('faktor: andel', 'faktr: andel'));
    expect(messages(ps)).toContainEqual(expect.stringMatching(/items\/fk\/sjukpenning\.yaml: metadata\.parameters\.regler: params\.fk\.sjukpenning lacks the field faktor the calculation reads \(did you mean faktr\?\)/));
  });

  it('a text where a number belongs', () => {
    const ps = problemsWith('params/fk/sjukpenning.yaml', (t) => t.replace('niva: 0.80', 'niva: "0,80"'));
    expect(messages(ps)).toEqual(['data/params/fk/sjukpenning.yaml: values.2022-01-01.value.niva: number required (andel) (got "0,80")']);
  });

  it('an unknown series key (unti for unit) and an unknown top-level key', () => {
    const ps = problemsWith('params/referenslon.yaml', (t) => t.replace('unit: kr/manad', 'unit: kr/manad, unti: kr').replace(/^description:/m, 'descripton: x\ndescription:'));
    const m = messages(ps);
    expect(m).toContainEqual(expect.stringMatching(/^data\/params\/referenslon\.yaml: metadata\.unti: unknown key \(did you mean unit\?\)/));
    expect(m).toContainEqual(expect.stringMatching(/^data\/params\/referenslon\.yaml: descripton: unknown key \(did you mean description\?\)/));
  });

  it('an unknown field unit and a tabell without fields', () => {
    const a = problemsWith('params/fk/sjukpenning.yaml', (t) => t.replace('faktor: andel', 'faktor: andl'));
    expect(messages(a)).toContainEqual(expect.stringMatching(/metadata\.fields\.faktor: field unit must be one of .* \(did you mean andel\?\)/));
    const b = problemsWith('params/fk/bostadstillagg.yaml', (t) => t.replace(/, fields: \{[^}]*\}\}/, '}'));
    expect(messages(b)).toContainEqual(expect.stringMatching(/^data\/params\/fk\/bostadstillagg\.yaml: metadata\.fields: a tabell needs fields/));
  });

  it('a parameter role the rule does not read, and a missing one', () => {
    const ps = problemsWith('items/fk/sjukpenning.yaml', (t) => t.replace('regler: params.fk.sjukpenning', 'regeler: params.fk.sjukpenning'));
    const m = messages(ps);
    expect(m).toContainEqual(expect.stringMatching(/metadata\.parameters\.regeler: rule sjukpenning reads no such parameter \(did you mean regler\?\)/));
    expect(m).toContainEqual(expect.stringMatching(/metadata\.parameters: rule sjukpenning requires the parameter regler/));
  });

  it('a row of a list-shaped tabell and a kommun of the per-kommun map', () => {
    const a = problemsWith('params/fk/garantiersattning_multiplar.yaml', (t) => t.replace('{maxAlder: 22, pbb: 2.53}', '{maxAlder: 22, pb: 2.53}'));
    expect(messages(a)).toContainEqual(expect.stringMatching(/values\.2022-01-01\.value\[1\]\.pb: unknown field \(did you mean pbb\?\)/));
    const b = problemsWith('params/skatt/kommunalskatt_per_kommun.yaml', (t) => t.replace('"ALE": {kommun: 21.37, region: 11.48}', '"ALE": {kommun: 21.37, regon: 11.48}'));
    expect(messages(b)).toContainEqual(expect.stringMatching(/values\.2025-01-01\.value\.ALE\.regon: unknown field \(did you mean region\?\)/));
  });
});

describe('parseCatalog(): the transition mapping (data/mappings/transitions.yaml) is checked at load', () => {
  const file = 'mappings/transitions.yaml';
  it('is part of the catalogue', () => {
    expect(catalog.transitions?.metadata.months).toBe(12);
    expect(Object.keys(catalog.transitions?.categories ?? {})).toContain('forsorjningsstod');
  });

  it('a misspelt item names the closest item', () => {
    const ps = problemsWith(file, (t) => t.replace('{ item: kommun.forsorjningsstod, months: 12 }', '{ item: kommun.forsorjningstod, months: 12 }'));
    expect(messages(ps)).toEqual([expect.stringMatching(/^data\/mappings\/transitions\.yaml: categories\.forsorjningsstod\.lines\[0\]\.item: unknown item \(did you mean kommun\.forsorjningsstod\?\).*\(got "kommun\.forsorjningstod"\)/)]);
    expect(formatProblem(ps[0], 'sv')).toContain('okänd post (menade du kommun.forsorjningsstod?)');
  });

  it('a misspelt line key (perMonht), category key (labl) and metadata key', () => {
    const ps = problemsWith(file, (t) => t.replace('perMonth: 0.3 }', 'perMonht: 0.3 }').replace('    label: Försörjningsstöd\n', '    labl: Försörjningsstöd\n').replace('  months: 12\n', '  monhts: 12\n'));
    const m = messages(ps);
    expect(m).toContainEqual(expect.stringMatching(/categories\.forsorjningsstod\.lines\[2\]\.perMonht: unknown key \(did you mean perMonth\?\)/));
    expect(m).toContainEqual(expect.stringMatching(/categories\.forsorjningsstod\.labl: unknown key \(did you mean label\?\)/));
    expect(m).toContainEqual(expect.stringMatching(/metadata\.monhts: unknown key \(did you mean months\?\)/));
  });

  it('months beyond the observation time, and an amount (amounts come from the items)', () => {
    const ps = problemsWith(file, (t) => t.replace('{ item: kommun.forsorjningsstod, months: 12 }', '{ item: kommun.forsorjningsstod, months: 14, amountPerMonth: 9000 }'));
    const m = messages(ps);
    expect(m).toContainEqual(expect.stringMatching(/lines\[0\]\.months: months between 0 and the observation time \(12\) required \(got 14\)/));
    expect(m).toContainEqual(expect.stringMatching(/lines\[0\]\.amountPerMonth: unknown key/));
  });
});

describe('line options against the rule (project validation)', () => {
  const project = (options: Record<string, unknown>) => ({
    name: 'x', priceYear: 2025, cost: { total: 0, financing: 'finsam' },
    participants: [{ id: 'a', fore: { lines: [] }, efter: { lines: [{ item: 'af.utvecklingsersattning', months: 12, options }] } }],
  });
  const errors = (options: Record<string, unknown>) => validateProject(project(options), catalog, 'projekt.yaml').problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'en'));

  it('an unknown option names the ones the item takes and the closest', () => {
    expect(errors({ nvia: 'lag' })).toEqual(['projekt.yaml: participants[0].efter.lines[0].options.nvia: unknown option (did you mean niva?); the item takes: niva (got "nvia")']);
  });
  it('a value outside the option\'s words', () => {
    expect(errors({ niva: 'lagg' })).toEqual(['projekt.yaml: participants[0].efter.lines[0].options.niva: must be hog | lag (got "lagg")']);
  });
  it('a valid option passes', () => {
    expect(errors({ niva: 'lag' })).toEqual([]);
  });
});

describe('RULE_SPECS and the engine', () => {
  it('every rule function is declared, with its kind, and every declaration has a function', () => {
    const transfer = Object.keys(transferRules).sort(), wage = Object.keys(subsidyRules).sort();
    expect(Object.entries(RULE_SPECS).filter(([, s]) => s.kind === 'transfer').map(([id]) => id).sort()).toEqual(transfer);
    expect(Object.entries(RULE_SPECS).filter(([, s]) => s.kind === 'wage').map(([id]) => id).sort()).toEqual(wage);
  });
});

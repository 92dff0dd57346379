/**
 * Actors' roles as data (issue 12 item 5): data/actors.yaml says which actor receives the kommunal
 * and regional tax, the state's taxes and fees, the individual's and the employer's postings, and
 * which actors are the usual funders. parseCatalog checks them; a gap is a catalogue error naming
 * data/actors.yaml and the path.
 */
import { describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../lib/catalog/load.js';
import { parseCatalog } from '../../lib/catalog/parse.js';
import { InputError } from '../../lib/util/errors.js';

const files = readCatalogFiles();
const withActors = (edit: (s: string) => string) => () => parseCatalog({ ...files, 'actors.yaml': edit(files['actors.yaml']) });
const problems = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => ({ file: p.file, path: p.path, sv: p.sv, value: p.value }));
    throw e;
  }
  return [];
};

describe('actor roles and funders in data/actors.yaml', () => {
  it('gives each role its actor and the funders in order', () => {
    const c = parseCatalog(files);
    expect(c.roles).toEqual({ individ: 'individ', kommunalskatt: 'kommun', regionskatt: 'region', statligSkatt: 'ovrigStat', arbetsgivare: 'arbetsgivare' });
    expect(c.funders).toEqual(['fk', 'af', 'kommun', 'region']);
  });

  it('names the file and path when a role is missing', () => {
    expect(problems(withActors((s) => s.replace('    roles: [regionskatt]\n', '')))).toEqual([{
      file: 'data/actors.yaml', path: 'actors', value: 'regionskatt',
      sv: 'ingen aktör har rollen regionskatt; ange roles: [regionskatt] på den aktör som tar emot den',
    }]);
  });

  it('suggests a role for a typo and refuses a role held twice', () => {
    const typo = problems(withActors((s) => s.replace('roles: [arbetsgivare]', 'roles: [arbetsgivar]')));
    expect(typo[0]).toMatchObject({ file: 'data/actors.yaml', path: 'actors[7].roles[0]', value: 'arbetsgivar' });
    expect(typo[0].sv).toContain('menade du arbetsgivare?');
    const twice = problems(withActors((s) => s.replace('roles: [regionskatt]', 'roles: [regionskatt, kommunalskatt]')));
    expect(twice[0]).toMatchObject({ path: 'actors[1].roles[1]', sv: 'rollen kommunalskatt har redan aktören kommun; en roll har en aktör' });
  });

  it('refuses an unknown funder with a suggestion', () => {
    const p = problems(withActors((s) => s.replace('funders: [fk, af, kommun, region]', 'funders: [fk, af, komun, region]')));
    expect(p[0]).toMatchObject({ path: 'actors.yaml: funders[2]', sv: 'okänd aktör (menade du kommun?)', value: 'komun' });
  });
});

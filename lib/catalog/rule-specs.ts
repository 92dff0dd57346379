/**
 * What each rule of lib/engine/rules.ts reads (method §3): its kind, its parameters by role (a
 * number series or index, or a `tabell` parameter and the fields the rule reads) and the line
 * options it accepts. `parseCatalog` checks every item's `rule:` and `parameters:` against these
 * declarations, and project validation checks every line's `options:`, so a typo is an error with
 * a suggestion, never a NaN or a silent default. test/catalog/rule-specs.test.ts ties the
 * declarations to the engine's rule functions.
 */
import { closest } from '../util/closest.js';

/** A line option a rule accepts: one of a list of words, a number in a range, or a date. */
export type OptionSpec =
  | { values: readonly string[] }
  | { min: number; max: number }
  | { date: true };

/** A parameter role: a number series or index (no fields), or a tabell parameter and the fields read. */
export interface ParameterUse {
  /** Fields the rule reads from a `tabell` parameter; absent for a number series or index. */
  fields?: readonly string[];
}

/** A rule's declaration. */
export interface RuleSpec {
  /** `transfer` rules price a benefit; `wage` rules price a job line (production, fees, subsidy). */
  kind: 'transfer' | 'wage';
  parameters: Record<string, ParameterUse>;
  options: Record<string, OptionSpec>;
}

const number: ParameterUse = {};
const employerFees = { arbetsgivaravgift: number, unga: { fields: ['procent', 'takLon', 'minAlderVidArsskiftet', 'maxAlderVidArsskiftet'] }, avtalade: number };
const produktivitet: OptionSpec = { min: 0, max: 2 };

/** Every rule an item may name, by id. */
export const RULE_SPECS: Readonly<Record<string, RuleSpec>> = {
  sjukpenning: {
    kind: 'transfer',
    parameters: { regler: { fields: ['sgiTakPbb', 'faktor', 'niva', 'fortsattningsniva'] }, pbb: number },
    options: { niva: { values: ['normal', 'fortsattning'] } },
  },
  garantiersattning: {
    kind: 'transfer',
    parameters: { multiplar: { fields: ['maxAlder', 'pbb'] }, inkomstrelaterad: { fields: ['andel', 'takPbb'] }, pbb: number },
    options: {},
  },
  bostadstillagg: {
    kind: 'transfer',
    parameters: { regler: { fields: ['andel1', 'grans1', 'andel2', 'grans2', 'boendekostnadStandard'] } },
    options: { boendekostnad: { min: 0, max: 100000 } },
  },
  aktivitetsstod: {
    kind: 'transfer',
    parameters: { lagsta: number, akassa: { fields: ['regim', 'andel'] } },
    options: {},
  },
  arbetsloshetsersattning: {
    kind: 'transfer',
    parameters: { regler: { fields: ['regim', 'andel'] } },
    options: { beslutsdatum: { date: true } },
  },
  utvecklingsersattning: {
    kind: 'transfer',
    parameters: { regler: { fields: ['hogAndelPbbPerVecka', 'dagarPerVecka', 'lagManad', 'lagDagarPerManad'] }, pbb: number },
    options: { niva: { values: ['hog', 'lag'] } },
  },
  studiemedel: {
    kind: 'transfer',
    parameters: { regler: { fields: ['bidragAndelPbbPerVecka', 'veckorPerManad'] }, pbb: number },
    options: {},
  },
  lon: { kind: 'wage', parameters: employerFees, options: { produktivitet } },
  lonebidrag: {
    kind: 'wage',
    parameters: { regler: { fields: ['takLon', 'bidragsandel'] }, ...employerFees },
    options: { bidragsandel: { min: 0, max: 1 }, produktivitet },
  },
  nystartsjobb: {
    kind: 'wage',
    parameters: { regler: { fields: ['antalAvgifter', 'takLon'] }, ...employerFees },
    options: { produktivitet },
  },
};

/** Whether a rule prices a job line (lön, lönebidrag, nystartsjobb). */
export function isWageRule(rule: string | undefined): boolean {
  return rule !== undefined && RULE_SPECS[rule]?.kind === 'wage';
}

/**
 * Checks one line option against a rule's declaration.
 * @returns null when valid, else what was expected (sv, en)
 */
export function checkOption(spec: OptionSpec, value: unknown): { sv: string; en: string } | null {
  if ('values' in spec) {
    return typeof value === 'string' && spec.values.includes(value) ? null : { sv: `ska vara ${spec.values.join(' | ')}`, en: `must be ${spec.values.join(' | ')}` };
  }
  if ('date' in spec) {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : { sv: 'datum ÅÅÅÅ-MM-DD krävs', en: 'date YYYY-MM-DD required' };
  }
  return typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max
    ? null : { sv: `tal mellan ${spec.min} och ${spec.max} krävs`, en: `number between ${spec.min} and ${spec.max} required` };
}

/**
 * Problems with a line's rule options (a project line or a mapping line): an unknown option names
 * the closest the item's rule takes; a bad value says what the option expects.
 */
export function optionProblems(options: Record<string, unknown>, rule: string | undefined): { key: string; sv: string; en: string; value: unknown }[] {
  const allowed = rule ? RULE_SPECS[rule]?.options ?? {} : {};
  const names = Object.keys(allowed);
  const out: { key: string; sv: string; en: string; value: unknown }[] = [];
  for (const [k, x] of Object.entries(options)) {
    const spec = allowed[k];
    if (!spec) {
      const hint = closest(k, names);
      const list = names.length ? names.join(', ') : '–';
      out.push({ key: k, sv: `okänt val${hint ? ` (menade du ${hint}?)` : ''}; posten tar: ${list}`, en: `unknown option${hint ? ` (did you mean ${hint}?)` : ''}; the item takes: ${list}`, value: k });
      continue;
    }
    const bad = checkOption(spec, x);
    if (bad) out.push({ key: k, ...bad, value: x });
  }
  return out;
}

/**
 * `tabell` parameters read by code outside the item rules (income tax, employer fees, kommunal
 * tax, sensitivity ranges) and the fields that code reads; checked against each file's
 * `metadata.fields` at load.
 */
export const CODE_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  'params.skatt.grundavdrag': ['lagstaPbb', 'grans1Pbb', 'okningProcent', 'grans2Pbb', 'hogstaPbb', 'grans3Pbb', 'minskningProcent', 'grans4Pbb', 'golvPbb', 'avrundningUppat'],
  'params.skatt.jobbskatteavdrag': ['grans1Pbb', 'grans2Pbb', 'grans3Pbb', 'sats2Procent', 'bas3Pbb', 'sats3Procent', 'takPbb', 'avtrappningFranPbb', 'avtrappningProcent'],
  'params.skatt.allman_pensionsavgift': ['procent', 'takIbb', 'golvPbb', 'avrundning'],
  'params.skatt.skattereduktion_forvarvsinkomst': ['grans', 'procent', 'max'],
  'params.skatt.public_service_avgift': ['procent', 'tak'],
  'params.skatt.arbetsgivaravgift_unga': ['procent', 'takLon', 'minAlderVidArsskiftet', 'maxAlderVidArsskiftet'],
  'params.skatt.kommunalskatt_medel': ['kommun', 'region'],
  'params.skatt.kommunalskatt_per_kommun': ['kommun', 'region'],
  'params.osakerhet.intervall': ['status', 'regelpost', 'egenpost', 'effektstorlek', 'insatskostnad', 'dodvikt_max', 'avklingning_max', 'jamforelsegrupp', 'fordelning'],
};

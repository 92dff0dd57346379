/**
 * The placeholder text `samnytta init` writes into projekt.yaml, in one place: the templates
 * write it, and validation warns when a project still carries it (a board should never get
 * "Mitt projekt" or "Beskriv insatsen: …").
 */
import type { Lang } from '../util/errors.js';

export const TEMPLATE_TEXT: Record<Lang, { name: string; nameAggregated: string; description: string }> = {
  sv: {
    name: 'Mitt projekt',
    nameAggregated: 'Mitt projekt (aggregerat)',
    description: 'Beskriv insatsen: målgrupp, vad som gjordes, antal deltagare och hur före/efter mättes.',
  },
  en: {
    name: 'My project',
    nameAggregated: 'My project (aggregated)',
    description: 'Describe the intervention: target group, what was done, number of participants and how before/after was measured.',
  },
};

const LANGS: Lang[] = ['sv', 'en'];

/** Whether a project name is the template's placeholder (either language). */
export const isPlaceholderName = (name: string): boolean => LANGS.some((l) => name.trim() === TEMPLATE_TEXT[l].name || name.trim() === TEMPLATE_TEXT[l].nameAggregated);

/** Whether a description still starts with the template's instruction (either language). */
export const isPlaceholderDescription = (d: string): boolean => LANGS.some((l) => d.trim().startsWith(TEMPLATE_TEXT[l].description.split(':')[0] + ':'));

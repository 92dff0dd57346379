/**
 * Shared vocabulary of every layer (catalogue, model, engine, results, report): the kinds of
 * posting and the cost-shift categories. A neutral module, so no layer imports these from a
 * later one.
 */

/** Kinds of posting (method §2). */
export const POSTING_KINDS = ['transfer', 'real', 'production'] as const;
/** A kind of posting (see POSTING_KINDS). */
export type PostingKind = (typeof POSTING_KINDS)[number];

/**
 * Categories used for the cost-shift decomposition (method §7).
 * `ersattning` benefits paid/received, `subvention` wage subsidies, `avgift` fees (e.g. patient
 * fees), `skatt` taxes and employer fees, `real` real resource use, `produktion` value of work,
 * `insats` the intervention's own cost.
 */
export const CATEGORIES = ['ersattning', 'subvention', 'avgift', 'skatt', 'real', 'produktion', 'insats'] as const;
/** A cost-shift category (see CATEGORIES). */
export type Category = (typeof CATEGORIES)[number];

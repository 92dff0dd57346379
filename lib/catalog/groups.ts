/**
 * The actor groups every result names (method §1): `samhallet` is always reported, so a
 * catalogue without that group gets one of all its actors here, the one place the fallback lives.
 */
import type { Catalog, Group } from './types.js';

/** Id of society, the group of all actors. */
export const SOCIETY = 'samhallet';

/** The catalogue's `samhallet` group, or all its actors when the catalogue defines none. */
export function societyGroup(catalog: Pick<Catalog, 'actors' | 'groups'>): Group {
  return catalog.groups.find((g) => g.id === SOCIETY) ?? { id: SOCIETY, label: 'Samhället', labelEn: 'Society', members: catalog.actors.map((a) => a.id) };
}

/**
 * Insatsklass (issue 15): a project's or reference entry's class, `målgrupp/insatstyp`, both parts
 * from data/insatsklasser.yaml. `unga-vuxna × coachning` and `unga-vuxna x coachning` are read
 * as the same class, so a controller can copy the notation of a NyttoSam report.
 */
import type { Catalog, ClassPart } from '../catalog/types.js';
import { editDistance } from '../util/closest.js';

/** A class check: the canonical id, or what was wrong and a suggestion. */
export type ClassCheck = { ok: true; id: string } | { ok: false; sv: string; en: string };

const fold = (s: string): string => s.trim().toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[\s_]+/g, '-');

/** The closest id: within a third of its length in edits, else one sharing a word or a prefix. */
function closest(given: string, parts: readonly ClassPart[]): string | undefined {
  const g = fold(given);
  const best = parts.map((p) => ({ id: p.id, d: editDistance(g, p.id) })).sort((x, y) => x.d - y.d)[0];
  if (best && best.d <= Math.max(1, Math.floor(best.id.length / 3))) return best.id;
  return parts.find((p) => g.length >= 3 && (p.id.startsWith(g) || g.split('-').some((w) => w.length >= 3 && p.id.split('-').includes(w))))?.id;
}

/**
 * Checks and normalises an insatsklass.
 * @example checkClass('unga-vuxna × coachning', catalog) // => { ok: true, id: 'unga-vuxna/coachning' }
 */
export function checkClass(value: unknown, catalog: Catalog): ClassCheck {
  const { targetGroups, kinds } = catalog.classes;
  const list = (ps: readonly ClassPart[]) => ps.map((p) => p.id).join(', ');
  if (typeof value !== 'string' || !value.trim()) {
    return { ok: false, sv: 'ange insatsklass som målgrupp/insatstyp, t.ex. unga-vuxna/coachning', en: 'give the insatsklass as målgrupp/insatstyp, e.g. unga-vuxna/coachning' };
  }
  const parts = value.split(/\s*(?:\/|×|\s+x\s+)\s*/);
  if (parts.length !== 2) {
    return { ok: false, sv: 'ange insatsklass som målgrupp/insatstyp, t.ex. unga-vuxna/coachning', en: 'give the insatsklass as målgrupp/insatstyp, e.g. unga-vuxna/coachning' };
  }
  const [group, kind] = parts.map((s) => s.trim());
  const g = targetGroups.find((p) => p.id === group);
  const k = kinds.find((p) => p.id === kind);
  if (g && k) return { ok: true, id: `${g.id}/${k.id}` };
  const sv: string[] = [], en: string[] = [];
  if (!g) {
    const hint = closest(group, targetGroups);
    sv.push(`okänd målgrupp "${group}"${hint ? `; menade du "${hint}"?` : ''} (finns: ${list(targetGroups)})`);
    en.push(`unknown target group "${group}"${hint ? `; did you mean "${hint}"?` : ''} (available: ${list(targetGroups)})`);
  }
  if (!k) {
    const hint = closest(kind, kinds);
    sv.push(`okänd insatstyp "${kind}"${hint ? `; menade du "${hint}"?` : ''} (finns: ${list(kinds)})`);
    en.push(`unknown kind of insats "${kind}"${hint ? `; did you mean "${hint}"?` : ''} (available: ${list(kinds)})`);
  }
  return { ok: false, sv: `${sv.join('; ')}; se data/insatsklasser.yaml`, en: `${en.join('; ')}; see data/insatsklasser.yaml` };
}

/** Labels of a class id, e.g. "Unga vuxna × Coachning". */
export function classLabel(id: string, catalog: Catalog, lang: 'sv' | 'en' = 'sv'): string {
  const [g, k] = id.split('/');
  const name = (ps: readonly ClassPart[], x: string) => { const p = ps.find((q) => q.id === x); return p ? (lang === 'sv' ? p.label : p.labelEn) : x; };
  return `${name(catalog.classes.targetGroups, g)} × ${name(catalog.classes.kinds, k)}`;
}

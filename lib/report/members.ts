/**
 * Member kommuner in every output (method §5.2): the `calc --per-kommun` table, the results
 * JSON's `members` array and the report's table under återbetalningstid. Withheld members read
 * "färre än N deltagare" (or "ingår i övriga medlemmar") with every figure and count left out.
 */
import { checkMembersSupported, hasMembers, memberResults, OTHER_MEMBERS, type MemberResult, type MembersResult } from '../results/members.js';
import type { Catalog } from '../catalog/types.js';
import type { Ledger } from '../engine/ledger.js';
import type { Project } from '../model/types.js';
import type { Lang } from '../util/errors.js';
import { decimal, kr } from './format.js';
import type { ReportTable } from './model.js';
import { horizonsJson, money } from './result-json.js';
import { paybackText, table } from './summary-table.js';
import { text } from './text.js';


/**
 * The members to show: member kommuner when asked (`--per-kommun`) or when the project has them;
 * member regions whenever the participants span two regions or the key names regions.
 * @returns undefined when there is nothing to show
 */
export function projectMembers(ledger: Ledger, project: Project, catalog: Catalog, asked = false): MembersResult[] | undefined {
  const out: MembersResult[] = [];
  if (asked) checkMembersSupported(ledger, project);
  if (asked || hasMembers(ledger, project, catalog)) out.push(memberResults(ledger, project, catalog, project.disclosureThreshold));
  if (out.length > 0 && hasMembers(ledger, project, catalog, 'regionskatt')) out.push(memberResults(ledger, project, catalog, project.disclosureThreshold, 'regionskatt'));
  return out.length > 0 ? out : undefined;
}

/** A member's name in the user's language. */
export function memberLabel(m: MemberResult, lang: Lang): string {
  const t = text(lang).members;
  if (m.id.endsWith(`:${OTHER_MEMBERS}`)) return t.others;
  return m.name ?? t.noKommun;
}

/** A withheld member's text: "färre än 5 deltagare" or "ingår i övriga medlemmar". */
export function withheldText(m: MemberResult, threshold: number, lang: Lang): string {
  return m.withheld === 'complement' ? text(lang).members.complement : text(lang).members.few(threshold);
}

/** The cells of one member row: name, participants, effect, cost, net 1 and H years, payback. */
function cells(m: MemberResult, H: number, threshold: number, lang: Lang): string[] {
  const t = text(lang).members;
  if (m.withheld) return [memberLabel(m, lang), withheldText(m, threshold, lang), '', '', '', '', ''];
  return [
    memberLabel(m, lang), decimal(m.participants, Number.isInteger(m.participants) ? 0 : 1, lang), kr(m.annualEffect!, lang), kr(m.cost!, lang),
    kr(m.horizons!['1'].net, lang), kr(m.horizons![String(H)].net, lang), paybackText(m.payback!, H, lang, m.annualEffect!),
  ];
}

const head = (H: number, lang: Lang): string[] => {
  const t = text(lang).members;
  return [t.member, t.participants, t.effect, t.cost, `${t.net} 1 ${t.years}`, `${t.net} ${H} ${t.years}`, t.payback];
};

/** How the member costs were set, and the disclosure rule. */
const note = (m: MembersResult, lang: Lang): string => {
  const t = text(lang).members;
  return `${t.basis[m.costBasis](t.who[m.role])} ${t.rule(m.threshold, t.who[m.role])}`;
};

/** The `calc --per-kommun` table. */
export function membersText(m: MembersResult, H: number, lang: Lang): string {
  const t = text(lang).members;
  const rows = [head(H, lang), ...m.members.map((x) => cells(x, H, m.threshold, lang))];
  return `${m.role === 'regionskatt' ? t.titleRegion : t.title} (kr)\n\n${table(rows, [false, true, true, true, true, true, true])}\n\n${note(m, lang)}\n`;
}

/** The report's member table, appended to the återbetalningstid section. */
export function membersTable(m: MembersResult, H: number, lang: Lang): ReportTable {
  const t = text(lang).members;
  const keys = ['member', 'participants', 'effect', 'cost', 'net1', 'netH', 'payback'];
  const kinds = ['text', 'text', 'kr', 'kr', 'kr', 'kr', 'text'] as const;
  return {
    id: m.role === 'regionskatt' ? 'medlemmar-region' : 'medlemmar', title: m.role === 'regionskatt' ? t.titleRegion : t.title, section: 'aterbetalningstid',
    columns: head(H, lang).map((label, i) => ({ key: keys[i], label, kind: kinds[i] })),
    rows: m.members.map((x) => {
      const c = cells(x, H, m.threshold, lang);
      const withheld = x.withheld !== null;
      return {
        member: c[0], participants: c[1],
        effect: withheld ? null : x.annualEffect, cost: withheld ? null : x.cost,
        net1: withheld ? null : x.horizons!['1'].net, netH: withheld ? null : x.horizons![String(H)].net, payback: withheld ? null : c[6],
      };
    }),
    note: `${note(m, lang)}`,
  };
}

/** One member in the results JSON (method §9): counts and figures null when withheld. */
export interface MemberJson {
  id: string;
  name: string | null;
  participants: number | null;
  withheld: string | null;
  annualEffect: number | null;
  cost: number | null;
  horizons: Record<string, { benefit: number; cost: number; net: number; roi: number | null }> | null;
  payback: { status: string; months: number | null; simpleMonths: number | null } | null;
}

/** The results JSON's `members` array. */
export function membersJson(members: readonly MemberResult[]): MemberJson[] {
  return members.map((x) => ({
    id: x.id, name: x.name, participants: x.withheld ? null : x.participants, withheld: x.withheld,
    annualEffect: x.annualEffect === null ? null : money(x.annualEffect), cost: x.cost === null ? null : money(x.cost),
    horizons: x.horizons && horizonsJson(x.horizons),
    payback: x.payback && { ...x.payback },
  }));
}

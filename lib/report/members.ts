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

const T = {
  sv: {
    title: 'Medlemskommuner', titleRegion: 'Medlemsregioner', member: 'Medlem', participants: 'Deltagare', effect: 'Årlig effekt', cost: 'Kostnad', net: 'Lönsamhet',
    years: 'år', payback: 'Återbetalningstid', noKommun: 'utan kommun', others: 'övriga medlemmar',
    few: (n: number) => `färre än ${n} deltagare`, complement: 'ingår i övriga medlemmar',
    who: { kommunalskatt: 'kommunen', regionskatt: 'regionen' },
    basis: {
      key: () => 'Kostnaden per medlem är medlemmens andel i finansieringsnyckeln.',
      participants: (w: string) => `Finansieringsnyckeln anger ${w}s andel utan medlemmar; den fördelas på medlemmarna efter antal deltagare.`,
      mixed: (w: string) => `Kostnaden per medlem är medlemmens andel i nyckeln; ${w}s andel under år då nyckeln inte anger medlemmar fördelas efter antal deltagare.`,
      none: (w: string) => `${w[0].toUpperCase()}${w.slice(1)} bär ingen del av insatskostnaden.`,
    },
    rule: (n: number, w: string) => `Medlemmar med färre än ${n} deltagare redovisas inte; de och, om det behövs för att inga siffror ska gå att räkna fram, den minsta redovisade medlemmen ingår i "övriga medlemmar". Medlemmarna summerar till ${w}.`,
  },
  en: {
    title: 'Member kommuner', titleRegion: 'Member regions', member: 'Member', participants: 'Participants', effect: 'Annual effect', cost: 'Cost', net: 'Net',
    years: 'yrs', payback: 'Payback', noKommun: 'no kommun', others: 'other members',
    few: (n: number) => `fewer than ${n} participants`, complement: 'included in other members',
    who: { kommunalskatt: 'the kommun', regionskatt: 'the region' },
    basis: {
      key: () => "Each member's cost is its share in the financing key.",
      participants: (w: string) => `The financing key gives ${w}'s share without members; it is split between the members by participants.`,
      mixed: (w: string) => `Each member's cost is its share in the key; ${w}'s share in years whose key names no members is split by participants.`,
      none: (w: string) => `${w[0].toUpperCase()}${w.slice(1)} bears no part of the intervention cost.`,
    },
    rule: (n: number, w: string) => `Members with fewer than ${n} participants are not shown; they, and where needed so that no figure can be derived the smallest shown member, are in "other members". The members sum to ${w}.`,
  },
};

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
  const t = T[lang];
  if (m.id.endsWith(`:${OTHER_MEMBERS}`)) return t.others;
  return m.name ?? t.noKommun;
}

/** A withheld member's text: "färre än 5 deltagare" or "ingår i övriga medlemmar". */
export function withheldText(m: MemberResult, threshold: number, lang: Lang): string {
  return m.withheld === 'complement' ? T[lang].complement : T[lang].few(threshold);
}

/** The cells of one member row: name, participants, effect, cost, net 1 and H years, payback. */
function cells(m: MemberResult, H: number, threshold: number, lang: Lang): string[] {
  const t = T[lang];
  if (m.withheld) return [memberLabel(m, lang), withheldText(m, threshold, lang), '', '', '', '', ''];
  return [
    memberLabel(m, lang), decimal(m.participants, Number.isInteger(m.participants) ? 0 : 1, lang), kr(m.annualEffect!, lang), kr(m.cost!, lang),
    kr(m.horizons!['1'].net, lang), kr(m.horizons![String(H)].net, lang), paybackText(m.payback!, H, lang, m.annualEffect!),
  ];
}

const head = (H: number, lang: Lang): string[] => {
  const t = T[lang];
  return [t.member, t.participants, t.effect, t.cost, `${t.net} 1 ${t.years}`, `${t.net} ${H} ${t.years}`, t.payback];
};

/** How the member costs were set, and the disclosure rule. */
const note = (m: MembersResult, lang: Lang): string => {
  const t = T[lang];
  return `${t.basis[m.costBasis](t.who[m.role])} ${t.rule(m.threshold, t.who[m.role])}`;
};

/** The `calc --per-kommun` table. */
export function membersText(m: MembersResult, H: number, lang: Lang): string {
  const t = T[lang];
  const rows = [head(H, lang), ...m.members.map((x) => cells(x, H, m.threshold, lang))];
  return `${m.role === 'regionskatt' ? t.titleRegion : t.title} (kr)\n\n${table(rows, [false, true, true, true, true, true, true])}\n\n${note(m, lang)}\n`;
}

/** The report's member table, appended to the återbetalningstid section. */
export function membersTable(m: MembersResult, H: number, lang: Lang): ReportTable {
  const t = T[lang];
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

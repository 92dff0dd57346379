/**
 * The report's JSON: the method §9 results document plus the report's tables, the answer in
 * five sentences, the key figures and the sensitivity classics — for ESF application texts
 * and other tools. Amounts rounded to öre, so the file is stable across platforms.
 */
import type { Result } from '../results/result.js';
import { roundTo } from './format.js';
import type { ReportModel } from './model.js';
import { toResultJson, type ResultJson } from './result-json.js';

export const REPORT_SCHEMA = 'samnytta/report@1';

export interface ReportJson {
  schema: typeof REPORT_SCHEMA;
  datum: string;
  lang: string;
  result: ResultJson;
  summary: { sentences: string[]; keyFigures: { id: string; label: string; value: number | null; text: string }[]; evidence: ReportModel['evidence'] };
  sensitivity: { id: string; label: string; deadweight: number; discountRate: number; outcomes: Record<string, { net1: number; netH: number; payback: { status: string; months: number | null; simpleMonths: number | null } }> }[];
  tables: { id: string; title: string; columns: { key: string; label: string; kind: string }[]; rows: Record<string, string | number | null>[]; note?: string }[];
}

const round = (v: unknown): any => (typeof v === 'number' ? roundTo(v, 2) : v);

/** Builds the report JSON document. */
export function reportJson(m: ReportModel, r: Result): ReportJson {
  return {
    schema: REPORT_SCHEMA,
    datum: m.datum,
    lang: m.lang,
    result: toResultJson(r, m.lang),
    summary: { sentences: m.sentences, keyFigures: m.keyFigures.map((k) => ({ ...k, value: k.value === null ? null : k.id === 'verkningsgrad' ? roundTo(k.value, 4) : roundTo(k.value, 2) })), evidence: m.evidence },
    sensitivity: m.classics.map((c) => ({
      id: c.id, label: m.lang === 'sv' ? c.label : c.labelEn, deadweight: roundTo(c.deadweight, 6), discountRate: c.discountRate,
      outcomes: Object.fromEntries(Object.entries(c.outcomes).map(([k, v]) => [k, { net1: round(v.net1), netH: round(v.netH), payback: { ...v.payback } }])),
    })),
    tables: m.tables.map((t) => ({
      id: t.id, title: t.title, columns: t.columns.map((c) => ({ ...c })),
      rows: t.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, t.columns.find((c) => c.key === k)?.kind === 'percent' ? (typeof v === 'number' ? roundTo(v, 4) : v) : round(v)]))),
      ...(t.note ? { note: t.note } : {}),
    })),
  };
}

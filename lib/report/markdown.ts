/**
 * The Markdown report, for pasting into ESF applications and board papers: the same sections and
 * tables as the HTML, charts as PNG images beside the file (`diagram/<id>.png`).
 */
import type { Chart } from './charts.js';
import { formatCell, type ReportModel, type ReportTable } from './model.js';
import { methodAppendix } from './method-text.js';
import { blockTables, layoutSections, type Block } from './layout.js';
import { text } from './text.js';

/** Escapes Markdown table/inline syntax in user text. */
export function escapeMd(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function mdTable(t: ReportTable, m: ReportModel, caption = true): string {
  const num = (k: string) => k !== 'text' && k !== 'link';
  const head = `| ${t.columns.map((c) => escapeMd(c.label)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (num(c.kind) ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = t.rows.map((row, i) => {
    const cells = t.columns.map((c) => {
      const v = row[c.key];
      if (c.kind === 'link' && typeof v === 'string') {
        const [title, href] = v.split('|');
        return /^https?:\/\/[^\s()<>]+$/i.test(href ?? '') ? `[${escapeMd(title)}](${href})` : escapeMd(title);
      }
      const s = escapeMd(formatCell(v ?? null, c.kind, m.lang));
      return t.strong?.includes(i) && s ? `**${s}**` : s;
    });
    return `| ${cells.join(' | ')} |`;
  });
  return [caption ? `### ${escapeMd(t.title)}\n` : '', head, rule, ...rows, t.note ? `\n*${escapeMd(t.note)}*` : ''].filter((x) => x !== '').join('\n');
}

/**
 * Renders the report as Markdown, section by section as `layoutSections` lays it out.
 * @param chartDir relative folder of the PNG copies
 */
export function renderMarkdown(m: ReportModel, charts: Chart[], chartDir = 'diagram'): string {
  const t = text(m.lang);
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'keyFigures': return m.keyFigures.map((k) => `- **${escapeMd(k.label)}:** ${escapeMd(k.text)}`).join('\n');
      case 'sentences': return m.sentences.map((s, i) => `${i + 1}. ${escapeMd(s)}`).join('\n');
      case 'upperBound': return m.evidence.upperBound ? `> **${t.upperBoundLead}** ${escapeMd(t.upperBound)}` : '';
      case 'basis': return m.basis ? `> **${t.forecastLead}** ${m.basis.map(escapeMd).join(' ')}` : '';
      case 'warnings': return m.warnings.length ? `${t.notes}:\n\n${m.warnings.map((w) => `- ${escapeMd(w)}`).join('\n')}` : '';
      case 'description': return m.description ? escapeMd(m.description) : '';
      case 'chart': { const c = charts.find((x) => x.id === b.id); return c ? `![${escapeMd(c.title)}](${chartDir}/${c.id}.png)` : ''; }
      case 'method': return methodAppendix(m.lang, m.followUpYears).map((p) => escapeMd(p).replace(/^- /, '- ')).join('\n\n');
      default: return (blockTables(m, b) ?? []).map((x) => mdTable(x, m, b.kind === 'table' ? b.caption : true)).join('\n\n');
    }
  };
  const out = [`# ${escapeMd(`${m.title}: ${m.projectName}`)}`, '', `${t.datum}: ${m.datum} · ${t.generatedBy}`];
  layoutSections(m).forEach((x, i) => {
    out.push('', `## ${i + 1}. ${x.title}`, '');
    out.push([...x.blocks.map(block), ...x.extra.map((tb) => mdTable(tb, m))].filter(Boolean).join('\n\n'));
  });
  return out.join('\n') + '\n';
}

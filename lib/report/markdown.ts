/**
 * The Markdown report, for pasting into ESF applications and board papers: the same sections and
 * tables as the HTML, charts as PNG images beside the file (`diagram/<id>.png`).
 */
import type { Chart } from './charts.js';
import { formatCell, type ReportModel, type ReportTable } from './model.js';
import { methodAppendix } from './method-text.js';
import { SECTION_IDS, text, type SectionId } from './text.js';

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
 * Renders the report as Markdown.
 * @param chartDir relative folder of the PNG copies
 */
export function renderMarkdown(m: ReportModel, charts: Chart[], chartDir = 'diagram'): string {
  const t = text(m.lang);
  const sv = m.lang === 'sv';
  const table = (id: string, caption = true) => {
    const tb = m.tables.find((x) => x.id === id);
    return tb ? mdTable(tb, m, caption) : '';
  };
  const chart = (id: string) => {
    const c = charts.find((x) => x.id === id);
    return c ? `![${escapeMd(c.title)}](${chartDir}/${c.id}.png)` : '';
  };
  const body: Record<SectionId, string[]> = {
    sammanfattning: [
      m.keyFigures.map((k) => `- **${escapeMd(k.label)}:** ${escapeMd(k.text)}`).join('\n'),
      m.sentences.map((s, i) => `${i + 1}. ${escapeMd(s)}`).join('\n'),
      m.evidence.upperBound ? `> **${sv ? 'Övre gräns.' : 'Upper bound.'}** ${escapeMd(t.upperBound)}` : '',
      m.basis ? `> **${sv ? 'Prognos.' : 'Forecast.'}** ${m.basis.map(escapeMd).join(' ')}` : '',
      m.warnings.length ? `${sv ? 'Att observera' : 'Notes'}:\n\n${m.warnings.map((w) => `- ${escapeMd(w)}`).join('\n')}` : '',
    ],
    antaganden: [m.description ? escapeMd(m.description) : '', table('antaganden', false)],
    deltagare: m.tables.filter((x) => x.id.startsWith('deltagare-')).map((x) => table(x.id)),
    potential: [table('potential', false)],
    lonsamhet: [table('lonsamhet-1'), m.horizonYears > 1 ? table(`lonsamhet-${m.horizonYears}`) : '', chart('kumulativt-netto')],
    aterbetalningstid: [chart('aterbetalningstid'), table('aterbetalningstid', false)],
    kostnadsforskjutningar: [table('kostnadsforskjutningar', false), chart('vattenfall'), chart('vem-betalar'), table('poster')],
    kanslighet: [table('kanslighet', false)],
    katalog: [table('katalog', false)],
    metod: [methodAppendix(m.lang).map((p) => escapeMd(p).replace(/^- /, '- ')).join('\n\n')],
  };
  const out = [`# ${escapeMd(`${m.title}: ${m.projectName}`)}`, '', `${t.datum}: ${m.datum} · ${t.generatedBy}`];
  SECTION_IDS.forEach((id, i) => {
    out.push('', `## ${i + 1}. ${m.sectionTitles?.[id] ?? t.sections[id]}`, '');
    out.push([...body[id], ...m.tables.filter((x) => x.section === id).map((x) => mdTable(x, m))].filter(Boolean).join('\n\n'));
  });
  return out.join('\n') + '\n';
}

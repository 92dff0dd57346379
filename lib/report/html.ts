/**
 * The HTML report: one self-contained file — inline CSS and SVG, no scripts, no network, no
 * external fonts — with the sections in the order of issue 4. All user and catalogue text is
 * escaped; only http(s) source links become anchors.
 */
import type { Lang } from '../util/errors.js';
import type { Chart } from './charts.js';
import { formatCell, type ReportModel, type ReportTable } from './model.js';
import { methodAppendix } from './method-text.js';
import { blockTables, layoutSections, vanishesWhenEmpty, type Block, type LaidOutSection } from './layout.js';
import { text } from './text.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes, and keeps grouped numbers ("1 169 520", "−1 169 520 kr") on one line. */
const nb = (s: string): string => escapeHtml(s).replace(/(\d) (?=\d{3}(?!\d))/g, '$1&#160;').replace(/(\d) (kr|mån|%)/g, '$1&#160;$2');

const safeHref = (href: string): string | null => (/^https?:\/\/[^\s"'<>]+$/i.test(href) ? href : null);

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
:root { color: #111; background: #fff; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; margin: 0 auto; max-width: 820px; padding: 24px; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 14pt; margin: 28px 0 8px; border-bottom: 2px solid #000; padding-bottom: 2px; break-after: avoid; }
h3 { font-size: 11pt; margin: 16px 0 6px; break-after: avoid; }
.meta { color: #333; margin: 0 0 16px; }
.keyfigures { display: flex; gap: 12px; margin: 12px 0 16px; }
.keyfigure { flex: 1; border: 2px solid #000; padding: 8px 10px; }
.keyfigure .value { font-size: 17pt; font-weight: bold; display: block; }
.keyfigure .label { font-size: 9.5pt; }
.answer li { margin: 0 0 4px; }
.callout { border-left: 6px solid #D55E00; background: #fff4ec; padding: 6px 10px; margin: 10px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 9pt; break-inside: auto; }
th, td { border-bottom: 1px solid #bbb; padding: 3px 5px; vertical-align: top; }
td { overflow-wrap: anywhere; }
th { text-align: left; border-bottom: 2px solid #000; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td.num.wrap { white-space: normal; text-align: left; }
table.wide { font-size: 7pt; }
table.wide th, table.wide td { padding: 2px 3px; }
tr.strong td { font-weight: bold; }
tr { break-inside: avoid; }
.note { font-size: 8.5pt; color: #333; margin: 2px 0 10px; }
figure { margin: 12px 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
a { color: #0050a0; }
.warnings { font-size: 9pt; }
footer { margin-top: 28px; font-size: 8.5pt; color: #444; border-top: 1px solid #999; padding-top: 4px; }
@media print { body { padding: 0; max-width: none; } a { color: #000; } }
`;

function tableHtml(t: ReportTable, lang: Lang, caption = true): string {
  const num = (k: string) => k !== 'text' && k !== 'link';
  const head = t.columns.map((c) => `<th${num(c.kind) ? ' class="num"' : ''} scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = t.rows.map((row, i) => {
    const cells = t.columns.map((c) => {
      const v = row[c.key];
      if (c.kind === 'link' && typeof v === 'string') {
        const [title, href] = v.split('|');
        const ok = safeHref(href ?? '');
        return `<td>${ok ? `<a href="${escapeHtml(ok)}">${escapeHtml(title)}</a>` : escapeHtml(title)}</td>`;
      }
      // Numbers stay on one line, right-aligned; long text in a number column (a table parameter's fields) wraps.
      const cls = !num(c.kind) ? '' : typeof v === 'string' && v.length > 16 ? ' class="num wrap"' : ' class="num"';
      return `<td${cls}>${escapeHtml(formatCell(v ?? null, c.kind, lang))}</td>`;
    }).join('');
    return `<tr${t.strong?.includes(i) ? ' class="strong"' : ''}>${cells}</tr>`;
  }).join('\n');
  return `${caption ? `<h3>${escapeHtml(t.title)}</h3>\n` : ''}<table id="tabell-${escapeHtml(t.id)}"${t.columns.length > 7 ? ' class="wide"' : ''}><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>${t.note ? `\n<p class="note">${escapeHtml(t.note)}</p>` : ''}`;
}

const figure = (c: Chart): string => `<figure id="figur-${c.id}">${c.svg}</figure>`;

/**
 * Renders the report as one HTML document, section by section as `layoutSections` lays it out.
 * @param charts from `reportCharts`, in report order
 */
export function renderHtml(m: ReportModel, charts: Chart[]): string {
  const t = text(m.lang);
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'keyFigures': return `<div class="keyfigures">${m.keyFigures.map((k) => `<div class="keyfigure" id="nyckeltal-${k.id}"><span class="value">${nb(k.text)}</span><span class="label">${escapeHtml(k.label)}</span></div>`).join('')}</div>`;
      case 'sentences': return `<ol class="answer">${m.sentences.map((s) => `<li>${nb(s)}</li>`).join('')}</ol>`;
      case 'upperBound': return m.evidence.upperBound ? `<p class="callout"><strong>${escapeHtml(t.upperBoundLead)}</strong> ${escapeHtml(t.upperBound)}</p>` : '';
      case 'basis': return m.basis ? `<p class="callout"><strong>${escapeHtml(t.forecastLead)}</strong> ${m.basis.map(escapeHtml).join(' ')}</p>` : '';
      case 'warnings': return m.warnings.length ? `<h3>${escapeHtml(t.notes)}</h3><ul class="warnings">${m.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '';
      case 'description': return m.description ? `<p>${escapeHtml(m.description)}</p>` : '';
      case 'chart': { const c = charts.find((x) => x.id === b.id); return c ? figure(c) : ''; }
      case 'method': return methodAppendix(m.lang, m.followUpYears).map((p) => (p.startsWith('- ') ? `<li>${escapeHtml(p.slice(2))}</li>` : `<p>${escapeHtml(p)}</p>`)).join('\n').replace(/(<li>[\s\S]*<\/li>)/, '<ul>$1</ul>');
      default: return (blockTables(m, b) ?? []).map((x) => tableHtml(x, m.lang, b.kind === 'table' ? b.caption : true)).join('\n');
    }
  };
  const body = (s: LaidOutSection): string => {
    const parts = s.blocks.map((b) => [b, block(b)] as const).filter(([b, x]) => x !== '' || !vanishesWhenEmpty(b)).map(([, x]) => x);
    return [parts.join('\n'), s.extra.map((x) => tableHtml(x, m.lang)).join('\n')].filter(Boolean).join('\n');
  };
  const sections = layoutSections(m).map((x, i) => `<section id="${x.id}">\n<h2>${i + 1}. ${escapeHtml(x.title)}</h2>\n${body(x)}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="samnytta">
<title>${escapeHtml(`${m.title}: ${m.projectName}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(m.title)}: ${escapeHtml(m.projectName)}</h1>
<p class="meta">${escapeHtml(`${t.datum}: ${m.datum} · ${t.generatedBy}`)}</p>
</header>
<main>
${sections}
</main>
<footer>${escapeHtml(`${m.projectName} · ${m.datum} · ${t.generatedBy}`)}</footer>
</body>
</html>
`;
}

/**
 * Issue 12 item 7: one section layout (lib/report/layout.ts) read by both renderers. The HTML and
 * the Markdown have the same numbered headings, in the layout's order, and a section added through
 * the hook (`OPTIONAL_SECTIONS`, as the member kommuner's will be) appears in both, numbered.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../lib/report/html.js';
import { renderMarkdown } from '../../lib/report/markdown.js';
import { layoutSections, OPTIONAL_SECTIONS, REPORT_LAYOUT } from '../../lib/report/layout.js';
import { reportModel, type ReportModel } from '../../lib/report/model.js';
import { SECTION_IDS } from '../../lib/report/text.js';
import { fixture } from './fixture.js';

const headings = (m: ReportModel) => ({
  html: [...renderHtml(m, []).matchAll(/<h2>([^<]+)<\/h2>/g)].map((x) => x[1]),
  md: [...renderMarkdown(m, []).matchAll(/^## (.+)$/gm)].map((x) => x[1]),
});

describe('one section layout', () => {
  it('covers every section id once, and both renderers number the same headings in its order', () => {
    expect(REPORT_LAYOUT.map((s) => s.id)).toEqual([...SECTION_IDS]);
    for (const lang of ['sv', 'en'] as const) {
      const m = reportModel({ ...fixture(), lang });
      const h = headings(m);
      expect(h.html).toEqual(h.md);
      expect(h.md).toEqual(layoutSections(m).map((s, i) => `${i + 1}. ${s.title}`));
    }
  });

  it('a section added through the hook appears after the section it names, in both formats', () => {
    const m = reportModel({ ...fixture(), lang: 'sv' });
    m.tables.push({ id: 'medlemmar-test', title: 'Medlemskommunerna', columns: [{ key: 'k', label: 'Kommun', kind: 'text' }, { key: 'v', label: 'Andel', kind: 'percent' }], rows: [{ k: 'Umeå', v: 0.6 }] });
    const before = headings(m).md;
    OPTIONAL_SECTIONS.push({ id: 'medlemmar', after: 'lonsamhet', tablePrefix: 'medlemmar-' });
    try {
      const h = headings(m);
      expect(h.html).toEqual(h.md);
      expect(h.md).toHaveLength(before.length + 1);
      const at = h.md.findIndex((x) => x.endsWith('Medlemskommunerna'));
      expect(h.md[at - 1]).toMatch(/Intäkter, kostnader och lönsamhet per aktör$/);
      expect(h.md[at]).toBe(`${at + 1}. Medlemskommunerna`);
      expect(renderMarkdown(m, [])).toContain('| Umeå | 60 % |');
      expect(renderHtml(m, [])).toContain('<section id="medlemmar">');
    } finally {
      OPTIONAL_SECTIONS.pop();
    }
  });
});

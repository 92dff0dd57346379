import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/report/build-report.js';
import { reportModel } from '../../lib/report/model.js';
import { SECTION_IDS, CHART_IDS } from '../../lib/report/text.js';
import { fixZipDates } from '../../lib/report/zip-dates.js';
import { paybackChart } from '../../lib/report/charts.js';
import { svgToPng } from '../../lib/report/png.js';
import { run } from '../../cli/main.js';
import type { Io } from '../../cli/io.js';
import { fixture } from './fixture.js';
import { golden } from './golden.js';

const all = ['html', 'md', 'json', 'xlsx'] as const;

describe('buildReport()', () => {
  it('buildReport(): HTML and Markdown match the golden files (sv and en)', async () => {
    const f = fixture();
    for (const lang of ['sv', 'en'] as const) {
      const { files } = await buildReport({ ...f, lang }, ['html', 'md']);
      const html = files.find((x) => x.path === 'rapport.html')!.data as string;
      const md = files.find((x) => x.path === 'rapport.md')!.data as string;
      expect(golden(`fixture-${lang}.html`, html)).toBeNull();
      expect(golden(`fixture-${lang}.md`, md)).toBeNull();
    }
  });

  it('buildReport(): two runs give identical bytes for every file', async () => {
    const f = fixture();
    const a = await buildReport({ ...f, lang: 'sv', datum: '2026-02-01' }, all);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await buildReport({ ...fixture(), lang: 'sv', datum: '2026-02-01' }, all);
    expect(a.files.map((x) => x.path)).toEqual(b.files.map((x) => x.path));
    a.files.forEach((x, i) => expect(Buffer.compare(Buffer.from(x.data), Buffer.from(b.files[i].data)), x.path).toBe(0));
    expect(a.files.map((x) => x.path)).toEqual(['rapport.html', 'rapport.md', ...CHART_IDS.map((c) => `diagram/${c}.png`), 'rapport.json', 'rapport.xlsx']);
  });

  it('buildReport(): the HTML is self-contained, has every section and chart, and escapes user text', async () => {
    const { html } = await buildReport({ ...fixture(), lang: 'sv' }, ['html']);
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
    for (const id of CHART_IDS) expect(html).toContain(`<svg xmlns="http://www.w3.org/2000/svg" id="chart-${id}"`);
    expect(html).not.toMatch(/<script|<link |@import|url\(http|src="http/);
    expect(html).not.toContain('<coachning>');
    expect(html).toContain('Unga vuxna &lt;coachning&gt; &amp; &quot;stöd&quot;');
    expect(html).not.toContain('<b>x</b>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="https://example.org/kalla?a=1&amp;b=2"');
    // Sections in the order.
    const pos = SECTION_IDS.map((id) => html.indexOf(`<section id="${id}">`));
    expect([...pos].sort((x, y) => x - y)).toEqual(pos);
  });

  it('buildReport(): PNG charts have text (the bundled font is used)', async () => {
    const chart = paybackChart(fixture().result, 'sv');
    const png = svgToPng(chart.svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Without a usable font resvg silently drops text; with it, removing the text changes the image.
    const noText = svgToPng(chart.svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(Buffer.compare(png, noText)).not.toBe(0);
    expect(png.length - noText.length).toBeGreaterThan(5_000);
  });
});

describe('reportModel()', () => {
  it('reportModel(): the answer in seven sentences, three key figures, upper bound for before/after', () => {
    const f = fixture();
    const m = reportModel({ ...f, lang: 'sv' });
    expect(m.sentences).toHaveLength(7);
    // Page one tells the story (issue 10): payback per funder (fk, af, kommun, region), who gains
    // and who pays more, and the individ's change per participant: 520 320 kr / 13 = 40 025 kr ≈ +40 tkr.
    expect(m.sentences[3]).toBe('Återbetalning per finansiär: Försäkringskassan obefintlig – förlorar 201 600 kr/år; Arbetsförmedlingen obefintlig – förlorar 1 476 109 kr/år; Kommunen återbetald efter 3,7 månader; Regionen återbetald efter 6,4 månader.');
    expect(m.sentences[4]).toBe('Vinner gör Kommunen (+997 020 kr per år), Regionen (+570 060 kr per år), Individ/hushåll (+520 320 kr per år), Övrig stat (+441 137 kr per år); mer betalar Arbetsförmedlingen (−1 476 109 kr per år), Försäkringskassan (−201 600 kr per år) — kostnaden flyttar mellan aktörerna.');
    expect(m.sentences[5]).toBe('Deltagarnas disponibla inkomst förändras med i genomsnitt +40 tkr per deltagare och år (individ/hushåll).');
    const story = m.tables.find((t) => t.id === 'finansiarer')!;
    expect(story.rows.map((r) => [r.actor, r.payback])).toEqual([
      ['Samhället', 'återbetald efter 17,0 månader'], ['Försäkringskassan', 'obefintlig – förlorar 201 600 kr/år'],
      ['Arbetsförmedlingen', 'obefintlig – förlorar 1 476 109 kr/år'], ['Kommunen', 'återbetald efter 3,7 månader'],
      ['Regionen', 'återbetald efter 6,4 månader'], ['Individ/hushåll', 'ingen insatskostnad och vinner 520 320 kr per år'],
    ]);
    expect(m.keyFigures.map((k) => k.id)).toEqual(['lonsamhet', 'aterbetalningstid', 'verkningsgrad']);
    expect(m.keyFigures[0].value).toBeCloseTo(f.result.groups.samhallet.horizons['5'].net, 6);
    expect(m.evidence.upperBound).toBe(true);
    expect(m.datum).toBe('2025-12-31');
    expect(m.sentences[6]).toContain('övre gräns');
    const withComparison = reportModel({ ...f, result: { ...f.result, project: { ...f.result.project, evidence: 'jamforelsegrupp' } }, lang: 'en' });
    expect(withComparison.evidence.upperBound).toBe(false);
  });

  it('reportModel(): the sensitivity table has the NyttoSam classics for society', () => {
    const m = reportModel({ ...fixture(), lang: 'sv' });
    const t = m.tables.find((x) => x.id === 'kanslighet')!;
    const soc = t.rows.find((r) => r.actor === 'Samhället')!;
    expect(soc.avskr1 as number).toBeGreaterThan(soc.bas1 as number);
    expect(soc.dw50H as number).toBeLessThan(soc.dw25H as number);
    expect(soc.dw25H as number).toBeLessThan(soc.basH as number);
  });

  it('reportModel(): participants by kön from subgroupTables, small groups suppressed', () => {
    // Fixture kön: K = d1, d3, d5, d7, d10 (weight 1) + d12 (weight 2) = 7; M = d2, d4, d6, d8, d11 = 5; X = d9 = 1.
    // Threshold 5: X (1) is hidden, and as the only hidden group the next smallest, M (5), is hidden too.
    const m = reportModel({ ...fixture(), lang: 'sv' });
    const t = m.tables.find((x) => x.id === 'deltagare-kon')!;
    expect(t.rows.map((r) => [r.group, r.count, r.soc === '–'])).toEqual([['Kvinnor', 7, false], ['Män', '< 5', true], ['Annat/okänt kön', '< 5', true]]);
    expect(t.note).toContain('Män');
    expect(m.tables.some((x) => x.id === 'deltagare-aldersgrupp')).toBe(true);
  });

  it('fixZipDates(): rejects data that is not a ZIP', () => {
    expect(() => fixZipDates(new Uint8Array(40), '2025-12-31')).toThrow(/central directory/);
  });
});

describe('samnytta report (CLI)', () => {
  const io = () => {
    const out: string[] = [], err: string[] = [];
    const x: Io = { out: (t) => { out.push(t); }, err: (t) => { err.push(t); }, isTTY: false };
    return { x, out, err };
  };
  it('report: an unknown format is a usage error (exit 2)', async () => {
    const { x, err } = io();
    expect(await run(['report', 'data/examples/unga-vuxna-coachning/projekt.yaml', '--out', 'x', '--format', 'html,docx'], x)).toBe(2);
    expect(err.join('')).toContain('docx');
  });
  it('report: a bad --datum is a usage error (exit 2) with the remedy', async () => {
    const { x, err } = io();
    expect(await run(['report', 'data/examples/unga-vuxna-coachning/projekt.yaml', '--out', 'x', '--datum', '2025-02-30'], x)).toBe(2);
    expect(err.join('')).toContain('ÅÅÅÅ-MM-DD');
  });
  const withBrowserEnv = async (value: string, f: () => Promise<void>) => {
    const prev = process.env.SAMNYTTA_CHROMIUM;
    process.env.SAMNYTTA_CHROMIUM = value;
    try { await f(); } finally { if (prev === undefined) delete process.env.SAMNYTTA_CHROMIUM; else process.env.SAMNYTTA_CHROMIUM = prev; }
  };
  it('report: without a browser, the other formats are written, one line says how to get the PDF, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-report-'));
    try {
      await withBrowserEnv('/nonexistent/chromium', async () => {
        const { x, err } = io();
        expect(await run(['report', 'data/examples/unga-vuxna-coachning/projekt.yaml', '--out', dir, '--format', 'html,pdf,json', '--datum', '2026-01-15'], x)).toBe(0);
        const lines = err.join('').split('\n').filter((l) => l.startsWith('PDF'));
        expect(lines).toEqual(['PDF skrevs inte: SAMNYTTA_CHROMIUM pekar på /nonexistent/chromium, som inte finns. Installera Chrome, Edge eller Chromium (eller ange sökvägen i SAMNYTTA_CHROMIUM), eller öppna rapport.html i en webbläsare och skriv ut till PDF.']);
        expect(readdirSync(dir).sort()).toEqual(['diagram', 'rapport.html', 'rapport.json']);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('report: without a browser, --format pdf alone exits 1 with that line and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-report-'));
    try {
      await withBrowserEnv('/nonexistent/chromium', async () => {
        const { x, err } = io();
        expect(await run(['report', 'data/examples/unga-vuxna-coachning/projekt.yaml', '--out', dir, '--format', 'pdf', '--lang', 'en'], x)).toBe(1);
        expect(err.join('')).toContain('PDF not written: SAMNYTTA_CHROMIUM points to /nonexistent/chromium, which does not exist. Install Chrome, Edge or Chromium');
        expect(readdirSync(dir)).toEqual([]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('report: the printed date is today by default, SOURCE_DATE_EPOCH or --datum fix it (byte-identical reruns)', async () => {
    const { defaultReportDatum } = await import('../../cli/commands/report.js');
    // 1767225600 s = 2026-01-01T00:00:00Z.
    expect(defaultReportDatum('sv', { SOURCE_DATE_EPOCH: '1767225600' }, new Date(2030, 5, 1))).toBe('2026-01-01');
    expect(defaultReportDatum('sv', {}, new Date(2030, 5, 1, 12))).toBe('2030-06-01');
    expect(() => defaultReportDatum('sv', { SOURCE_DATE_EPOCH: 'igår' })).toThrow(/SOURCE_DATE_EPOCH/);
    const dirs = [mkdtempSync(join(tmpdir(), 'samnytta-report-')), mkdtempSync(join(tmpdir(), 'samnytta-report-'))];
    const prev = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    try {
      for (const d of dirs) expect(await run(['report', 'data/examples/unga-vuxna-coachning/projekt.yaml', '--out', d, '--format', 'html,xlsx'], io().x)).toBe(0);
      for (const f of ['rapport.html', 'rapport.xlsx']) expect(readFileSync(join(dirs[0], f)).equals(readFileSync(join(dirs[1], f))), f).toBe(true);
      expect(readFileSync(join(dirs[0], 'rapport.html'), 'utf8')).toContain('Datum: 2026-01-01');
    } finally {
      if (prev === undefined) delete process.env.SOURCE_DATE_EPOCH; else process.env.SOURCE_DATE_EPOCH = prev;
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
  it('report: writes html, md, json, xlsx and charts for the main example', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-report-'));
    try {
      const { x, out } = io();
      expect(await run(['report', 'data/examples/unga-vuxna-coachning/projekt.yaml', '--out', dir, '--format', 'html,md,json,xlsx'], x)).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['diagram', 'rapport.html', 'rapport.json', 'rapport.md', 'rapport.xlsx']);
      expect(out.join('').split('\n').filter(Boolean)).toHaveLength(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

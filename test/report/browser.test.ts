/**
 * The report in a real browser: headless Chromium (playwright-core, /usr/bin/chromium) opens the
 * HTML and finds every section and chart with no console errors; the PDF exists and pdftotext
 * finds the key figures. Needs the Debian packages chromium and poppler-utils; outside CI the
 * tests are skipped when they are missing, in CI (CI set) they fail.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath, fixPdfDates, htmlToPdf } from '../../lib/report/pdf.js';
import { buildReport } from '../../lib/report/build-report.js';
import { reportModel } from '../../lib/report/model.js';
import { CHART_IDS, SECTION_IDS } from '../../lib/report/text.js';
import { browserRequired as required, hasChromium, hasPdftotext, useReportBrowser } from '../helpers/report-browser.js';
import { fixture } from './fixture.js';

describe.skipIf(!hasChromium && !required)('report in headless Chromium', () => {
  const browser = useReportBrowser('samnytta-browser-');

  for (const lang of ['sv', 'en'] as const) {
    it(`HTML (${lang}): every section and chart is there, with no console errors and no requests`, async () => {
      const { html } = await buildReport({ ...fixture(), lang }, ['html']);
      const file = join(browser().dir, `rapport-${lang}.html`);
      writeFileSync(file, html);
      const page = await browser().ctx.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      for (const id of SECTION_IDS) {
        const h2 = page.locator(`section#${id} > h2`);
        expect(await h2.count(), id).toBe(1);
        expect(await h2.isVisible(), id).toBe(true);
      }
      for (const id of CHART_IDS) {
        const box = await page.locator(`svg#chart-${id}`).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.width, id).toBeGreaterThan(300);
        expect(box!.height, id).toBeGreaterThan(100);
        expect(await page.locator(`svg#chart-${id} text`).count(), id).toBeGreaterThan(5);
      }
      expect(await page.locator('.keyfigure').count()).toBe(3);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it.skipIf(!hasPdftotext && !required)('PDF: A4 with page numbers, and pdftotext finds the key figures', async () => {
    const f = fixture();
    const { html } = await buildReport({ ...f, lang: 'sv' }, ['html']);
    const pdf = await htmlToPdf(html, { lang: 'sv', datum: '2025-12-31', executablePath: chromiumPath(process.env) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(browser().dir, 'rapport.pdf');
    writeFileSync(file, pdf);
    const txt = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
    const m = reportModel({ ...f, lang: 'sv' });
    for (const k of m.keyFigures) expect(txt, k.id).toContain(k.text.replace(/[\s\u00a0\u202f]+/g, ' '));
    expect(txt).toContain('Sida 1 av');
    for (const s of ['Sammanfattning', 'Känslighetsanalyser', 'Metodbilaga']) expect(txt).toContain(s);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45][.\d]* x 84[12][.\d]* pts \(A4\)/);
    // Same HTML, same bytes.
    const again = await htmlToPdf(html, { lang: 'sv', datum: '2025-12-31', executablePath: chromiumPath(process.env) });
    expect(Buffer.compare(pdf, again)).toBe(0);
  }, 60_000);

  it('PDF: the same bytes as playwright-core printed before (its setContent and page.pdf with the same options)', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const { html } = await buildReport({ ...fixture(), lang }, ['html']);
      const ours = await htmlToPdf(html, { lang, datum: '2025-12-31', executablePath: chromiumPath(process.env) });
      const page = await browser().ctx.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const theirs = await page.pdf({
        format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; width: 100%; text-align: center; color: #333;">${lang === 'sv' ? 'Sida' : 'Page'} <span class="pageNumber"></span> ${lang === 'sv' ? 'av' : 'of'} <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      });
      await page.close();
      expect(Buffer.compare(ours, fixPdfDates(theirs, '2025-12-31')), lang).toBe(0);
    }
  }, 120_000);

  it('PDF: the page reaches nothing outside the HTML', async () => {
    const got: string[] = [];
    const server = createServer((req, res) => { got.push(req.url ?? ''); res.end('x'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Also what a script could send past the page's own request interception: a beacon, a
      // keep-alive fetch, a prefetch and a WebSocket (the printer's proxy and resolver refuse them).
      const html = `<!doctype html><html><body><p>Hej</p><img src="${url}/bild.png"><link rel="stylesheet" href="${url}/stil.css">
        <link rel="prefetch" href="${url}/prefetch"><script>navigator.sendBeacon('${url}/beacon', 'x');
        fetch('${url}/keepalive', { keepalive: true }).catch(() => {}); try { new WebSocket('${url.replace('http', 'ws')}/ws'); } catch {}</script></body></html>`;
      const pdf = await htmlToPdf(html, { lang: 'sv', datum: '2025-12-31', executablePath: chromiumPath(process.env) });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await new Promise((r) => setTimeout(r, 500)); // a beacon is sent after its page
      expect(got).toEqual([]);
    } finally {
      server.close();
    }
  }, 60_000);
});

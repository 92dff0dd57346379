/**
 * The PDF report: the HTML printed by headless Chromium (playwright-core), with fixed dates and
 * document id so the same HTML gives the same bytes. Node-only; the caller says where Chromium is.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Lang } from '../util/errors.js';

/** Where Chromium is looked for unless `SAMNYTTA_CHROMIUM` says otherwise. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Chromium's path from an environment (`SAMNYTTA_CHROMIUM`), else the default. */
export const chromiumPath = (env: Record<string, string | undefined>): string => env.SAMNYTTA_CHROMIUM || DEFAULT_CHROMIUM;

/** Flags for headless Chromium on a closed network (no background connections, no sandbox as root). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium is not at the given path (the CLI turns this into exit 1 with the remedy). */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string) {
    super(`Chromium not found at ${path}`);
    this.name = 'ChromiumMissingError';
  }
}

/** A headless Chromium ready to print (see `launchPdfPrinter`). */
export interface PdfPrinter {
  /** Prints HTML to an A4 PDF (see `htmlToPdf`). */
  print(html: string, o: { lang: Lang; datum: string }): Promise<Buffer>;
  /** Closes Chromium and removes its profile folder. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium for printing, so a caller can start it before the HTML is ready (its
 * start-up, a separate process, then overlaps building the report).
 * @throws ChromiumMissingError when `executablePath` does not exist
 */
export async function launchPdfPrinter(executablePath: string): Promise<PdfPrinter> {
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-pdf-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const context = ctx;
  return {
    async print(html, o) {
      const page = await context.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; width: 100%; text-align: center; color: #333;">${o.lang === 'sv' ? 'Sida' : 'Page'} <span class="pageNumber"></span> ${o.lang === 'sv' ? 'av' : 'of'} <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      });
      return fixPdfDates(pdf, o.datum);
    },
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Prints HTML to an A4 PDF with page numbers in the footer. Network requests are blocked; the
 * PDF's creation dates and document id are fixed so the same HTML gives the same bytes.
 * @throws ChromiumMissingError when `executablePath` does not exist
 */
export async function htmlToPdf(html: string, o: { lang: Lang; datum: string; executablePath: string }): Promise<Buffer> {
  const printer = await launchPdfPrinter(o.executablePath);
  try {
    return await printer.print(html, o);
  } finally {
    await printer.close();
  }
}

/** Replaces the PDF's creation/modification dates and document id in place (same lengths, so offsets hold). */
export function fixPdfDates(pdf: Buffer, datum: string): Buffer {
  let s = pdf.toString('latin1');
  const d = datum.replace(/-/g, '');
  s = s.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_, k: string, ts: string, rest: string) => `/${k} (D:${(d + '000000').slice(0, ts.length)}${rest.replace(/[0-9]/g, '0')})`);
  const id = createHash('sha256').update(s.replace(/\/ID \[[^\]]*\]/g, '')).digest('hex');
  s = s.replace(/\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/g, (_, a: string, b: string) => `/ID [<${id.slice(0, a.length).toUpperCase().padEnd(a.length, '0')}> <${id.slice(0, b.length).toUpperCase().padEnd(b.length, '0')}>]`);
  return Buffer.from(s, 'latin1');
}

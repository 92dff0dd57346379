/**
 * Headless Chromium for the report tests: playwright-core with the PDF printer's flags, in a
 * temporary profile. The tests skip outside CI when chromium or pdftotext is missing, and fail in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../lib/report/pdf.js';

export const hasChromium = existsSync(chromiumPath(process.env));
export const hasPdftotext = (() => { try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } })();
/** In CI the browser tests must run. */
export const browserRequired = Boolean(process.env.CI);

/** A launched browser context and its temporary folder; `close` removes both. */
export interface ReportBrowser { ctx: BrowserContext; dir: string; close(): Promise<void> }

export async function reportBrowser(prefix: string): Promise<ReportBrowser> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: chromiumPath(process.env), headless: true, args: CHROMIUM_ARGS });
  return { ctx, dir, close: async () => { await ctx.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Registers the hooks of a describe block that shares one browser; call the result inside a test. */
export function useReportBrowser(prefix: string): () => ReportBrowser {
  let browser: ReportBrowser | undefined;
  beforeAll(async () => { browser = await reportBrowser(prefix); }, 60_000);
  afterAll(async () => { await browser?.close(); });
  return () => browser!;
}

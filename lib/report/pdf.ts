/**
 * The PDF report: the HTML printed by headless Chromium, with fixed dates and document id so the
 * same HTML gives the same bytes. Node-only; the caller says where Chromium is.
 *
 * Chromium is driven over its DevTools pipe (`--remote-debugging-pipe`: private to this process,
 * no port) with the few protocol commands printing needs. playwright-core, used before, took
 * longer to load (about 0.5 s, 1 s on a loaded machine) than the report took to build, and it
 * could only start Chromium once loaded; the PDF's bytes are the same (test/report/browser.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
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

/** How long one protocol command (starting Chromium, loading the page, printing) may take. */
const COMMAND_TIMEOUT_MS = 120_000;

type Message = { id?: number; method?: string; params?: Record<string, any>; result?: any; error?: { message: string }; sessionId?: string };

/** One Chromium process and its DevTools pipe: commands out on fd 3, replies and events in on fd 4, NUL-separated JSON. */
class Cdp {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly listeners = new Set<(m: Message) => void>();
  private stderr = '';
  private failure: Error | undefined;
  readonly exited: Promise<void>;

  constructor(readonly proc: ChildProcess) {
    const input = proc.stdio[4] as Readable;
    const chunks: Buffer[] = [];
    input.on('data', (d: Buffer) => {
      // Split at NUL bytes, not characters: a multi-byte character may straddle two chunks.
      let at = d.indexOf(0);
      if (at < 0) { chunks.push(d); return; }
      let from = 0;
      while (at >= 0) {
        chunks.push(d.subarray(from, at));
        this.dispatch(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Message);
        chunks.length = 0;
        from = at + 1;
        at = d.indexOf(0, from);
      }
      if (from < d.length) chunks.push(d.subarray(from));
    });
    input.on('error', () => {}); // the process's exit reports the failure
    (proc.stdio[3] as Writable).on('error', () => {});
    proc.stderr?.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString('utf8')).slice(-4000); });
    this.exited = new Promise((resolve) => {
      const fail = (e: Error) => {
        this.failure ??= e;
        for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(this.failure); }
        this.pending.clear();
        resolve();
      };
      proc.on('error', (e) => fail(new Error(`Chromium could not be started: ${e.message}`)));
      proc.on('exit', (code, signal) => fail(new Error(`Chromium exited (${signal ?? `code ${code}`})${this.stderr.trim() ? `:\n${this.stderr.trim()}` : ''}`)));
    });
  }

  private dispatch(m: Message): void {
    if (m.id === undefined) {
      for (const l of this.listeners) l(m);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.error) p.reject(new Error(`Chromium: ${m.error.message}`));
    else p.resolve(m.result);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<any> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Chromium did not answer ${method} within ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      (this.proc.stdio[3] as Writable).write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  /** Calls `f` with every event until it returns true. */
  on(f: (m: Message) => boolean | void): void {
    const l = (m: Message) => { if (f(m) === true) this.listeners.delete(l); };
    this.listeners.add(l);
  }
}

/** Resolves in the page when its document has loaded. */
const LOADED = "new Promise((resolve) => document.readyState === 'complete' ? resolve() : addEventListener('load', () => resolve(), { once: true }))";

/** A CSS length in inches, as Chromium's printToPDF takes margins (the units playwright-core accepted). */
const inches = (mm: number): number => (mm * 3.78) / 96;

/**
 * Starts headless Chromium for printing, so a caller can start it before the HTML is ready (its
 * start-up, a separate process, then overlaps building the report). Its page is made ready
 * (network blocked but for data: URLs) before `print` is called.
 * @throws ChromiumMissingError when `executablePath` does not exist
 */
export async function launchPdfPrinter(executablePath: string): Promise<PdfPrinter> {
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-pdf-'));
  // Playwright-core's headless extras kept, so pages lay out as they did.
  const args = [...CHROMIUM_ARGS, '--hide-scrollbars', '--mute-audio', `--user-data-dir=${dir}`, '--remote-debugging-pipe', 'about:blank'];
  // Its own process group (not on Windows), so that every Chromium process is stopped at once.
  const group = process.platform !== 'win32';
  const cdp = new Cdp(spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: group }));
  // Chromium must not outlive this process (an error, the CLI exiting, Ctrl-C) nor leave its
  // profile: it is killed, not asked to close (its profile is thrown away, and a close took ~0.5 s).
  const kill = () => {
    try {
      if (group && cdp.proc.pid) process.kill(-cdp.proc.pid, 'SIGKILL');
      else cdp.proc.kill('SIGKILL');
    } catch { /* already gone */ }
  };
  const abandon = () => {
    kill();
    try { rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* a temporary folder */ }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    process.kill(process.pid, signal); // this listener is gone: the signal now does what it would have
  };
  const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.once('exit', abandon);
  for (const s of SIGNALS) process.once(s, onSignal);
  const close = async () => {
    kill();
    await cdp.exited;
    process.removeListener('exit', abandon);
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  let session: string, frameId: string;
  try {
    const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: { type: string; targetId: string }[] };
    const targetId = targetInfos.find((t) => t.type === 'page')?.targetId ?? (await cdp.send('Target.createTarget', { url: 'about:blank' })).targetId;
    session = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })).sessionId;
    // Every request but data: URLs is refused: the report is self-contained and must not reach out.
    cdp.on((m) => {
      if (m.method !== 'Fetch.requestPaused' || m.sessionId !== session) return;
      const { requestId, request } = m.params as { requestId: string; request: { url: string } };
      const data = request.url.startsWith('data:');
      cdp.send(data ? 'Fetch.continueRequest' : 'Fetch.failRequest', data ? { requestId } : { requestId, errorReason: 'BlockedByClient' }, session).catch(() => {});
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, session);
    frameId = (await cdp.send('Page.getFrameTree', {}, session)).frameTree.frame.id;
  } catch (e) {
    await close();
    throw e;
  }
  return {
    async print(html, o) {
      await cdp.send('Page.setDocumentContent', { frameId, html }, session);
      // Printed once the new document has loaded (its load event, as playwright-core's setContent waited for).
      await cdp.send('Runtime.evaluate', { expression: LOADED, awaitPromise: true }, session);
      // A4 in inches and the margins in mm, as playwright-core's page.pdf({ format: 'A4', margin }) sent them.
      const { data } = await cdp.send('Page.printToPDF', {
        landscape: false, displayHeaderFooter: true, printBackground: true, scale: 1, paperWidth: 8.27, paperHeight: 11.7,
        marginTop: inches(16), marginBottom: inches(18), marginLeft: inches(14), marginRight: inches(14), pageRanges: '', preferCSSPageSize: true,
        generateTaggedPDF: false, generateDocumentOutline: false,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; width: 100%; text-align: center; color: #333;">${o.lang === 'sv' ? 'Sida' : 'Page'} <span class="pageNumber"></span> ${o.lang === 'sv' ? 'av' : 'of'} <span class="totalPages"></span></div>`,
      }, session) as { data: string };
      return fixPdfDates(Buffer.from(data, 'base64'), o.datum);
    },
    close,
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

/**
 * The PDF report: the HTML printed by headless Chromium, with fixed dates and document id so the
 * same HTML gives the same bytes. Node-only; the caller says where Chromium is.
 *
 * Chromium is driven over its DevTools pipe (`--remote-debugging-pipe`: private to this process,
 * no port) with the few protocol commands printing needs. playwright-core, used before, took
 * longer to load (about 0.5 s, 1 s on a loaded machine) than the report took to build, and it
 * could only start Chromium once loaded; the PDF's bytes are the same (test/report/browser.test.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/**
 * The switches playwright-core 1.65.1 started Chromium, Chrome and Edge with (its chromiumSwitches
 * and headless extras, Apache-2.0), kept so the printer behaves as it did on every platform: among
 * them, on Windows, no relaunch unelevated (`--do-not-de-elevate`) or without Edge's compatibility
 * layer (either would lose the DevTools pipe and leave a browser running); on macOS no Keychain
 * prompt (`--use-mock-keychain`, `--password-store=basic`); no extensions or default apps of a
 * managed browser; no small-/dev/shm crash; sRGB colours, so the PDF does not depend on the display.
 */
const PLAYWRIGHT_SWITCHES = [
  '--disable-field-trial-config', '--disable-background-networking', '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows', '--disable-back-forward-cache', '--disable-breakpad',
  '--disable-component-extensions-with-background-pages', '--disable-component-update', '--no-default-browser-check',
  '--disable-default-apps', '--disable-dev-shm-usage', '--disable-edgeupdater', '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion',
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--allow-pre-commit-input', '--disable-hang-monitor', '--disable-ipc-flooding-protection', '--disable-popup-blocking',
  '--disable-prompt-on-repost', '--disable-renderer-backgrounding', '--disable-updater-scheduler', '--force-color-profile=srgb',
  '--metrics-recording-only', '--no-first-run', '--password-store=basic', '--use-mock-keychain', '--no-service-autorun',
  '--disable-search-engine-choice-screen', '--unsafely-disable-devtools-self-xss-warnings', '--enable-unsafe-swiftshader',
  '--edge-skip-compat-layer-relaunch', '--disable-stack-profiler', '--disable-infobars', '--disable-sync', '--do-not-de-elevate',
  '--hide-scrollbars', '--mute-audio', '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
];

/**
 * The printer's switches: playwright-core's, and no network at all. Requests are also refused in
 * the page (Fetch), but a beacon or a keep-alive fetch outlives its page and is not paused there;
 * every connection goes to a proxy that does not exist (loopback included), and no host resolves.
 */
const PRINTER_SWITCHES = [
  ...PLAYWRIGHT_SWITCHES, '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Chromium is not at the given path (the CLI turns this into exit 1 with the remedy). */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string) {
    super(`Chromium not found at ${path}`);
    this.name = 'ChromiumMissingError';
  }
}

/**
 * Chromium started but could not print: it could not be run, exited, or stopped answering (the
 * CLI turns this into exit 1 with the remedy; `detail` is one line, without Chromium's own log).
 */
export class ChromiumFailedError extends Error {
  constructor(readonly detail: string) {
    super(`Chromium failed: ${detail}`);
    this.name = 'ChromiumFailedError';
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
  private failure: ChromiumFailedError | undefined;
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
    proc.stderr?.resume(); // Chromium's own log (dbus, GPU notices) is not the user's business
    this.exited = new Promise((resolve) => {
      const fail = (e: ChromiumFailedError) => {
        this.failure ??= e;
        for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(this.failure); }
        this.pending.clear();
        resolve();
      };
      proc.on('error', (e) => fail(new ChromiumFailedError(`could not be started (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
      proc.on('exit', (code, signal) => fail(new ChromiumFailedError(`exited (${signal ?? `code ${code}`})`)));
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
    if (m.error) p.reject(new ChromiumFailedError(m.error.message));
    else p.resolve(m.result);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<any> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ChromiumFailedError(`no answer to ${method} within ${COMMAND_TIMEOUT_MS / 1000} s`));
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
  const args = [...new Set([...CHROMIUM_ARGS, ...PRINTER_SWITCHES]), `--user-data-dir=${dir}`, '--remote-debugging-pipe', 'about:blank']; // the lists share a few
  // Its own process group (not on Windows), so that every Chromium process is stopped at once.
  const group = process.platform !== 'win32';
  const cdp = new Cdp(spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: group }));
  // Chromium must not outlive this process (an error, the CLI exiting, Ctrl-C) nor leave its
  // profile: it is killed, not asked to close (its profile is thrown away, and a close took ~0.5 s).
  const kill = () => {
    try {
      if (group && cdp.proc.pid) process.kill(-cdp.proc.pid, 'SIGKILL');
      // Windows has no process groups: the browser's whole process tree, else its GPU and utility
      // processes could outlive it and hold the profile folder.
      else if (cdp.proc.pid && cdp.proc.exitCode === null) spawnSync('taskkill', ['/pid', String(cdp.proc.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      else cdp.proc.kill('SIGKILL');
    } catch { /* already gone */ }
  };
  const abandon = () => {
    kill();
    try { rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* a temporary folder */ }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    // This listener is gone: the signal now does what it would have. Windows cannot send itself
    // SIGHUP (a closed console), so there it ends as Node would (128 + signal number).
    try {
      process.kill(process.pid, signal);
    } catch {
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    }
  };
  const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.once('exit', abandon);
  for (const s of SIGNALS) process.once(s, onSignal);
  const close = async () => {
    kill();
    await cdp.exited;
    process.removeListener('exit', abandon);
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    // Best effort: the PDF is made, and a profile folder a late child process still holds is
    // only a temporary folder (the OS clears them); it must not cost the user the report.
    await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
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

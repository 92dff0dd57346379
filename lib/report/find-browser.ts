/**
 * Finds a Chromium-family browser to print the PDF with: `SAMNYTTA_CHROMIUM` when set (it wins,
 * and a wrong path is reported rather than silently replaced), else the browsers on PATH, else
 * the known install paths of Chrome, Edge and Chromium on Linux (incl. snap), macOS and Windows
 * — the same places playwright-core's `chrome`/`msedge` channels look. The file system,
 * environment and platform are injected so the search is unit-tested for every platform.
 */
import { existsSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export interface BrowserSearchEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Whether an executable file exists at the path. */
  exists(path: string): boolean;
}

export type BrowserFound =
  | { found: true; path: string; source: 'env' | 'path' | 'installed' }
  | { found: false; envPath?: string; searched: string[] };

/** The real machine: Node's platform, environment and file system. */
export const nodeBrowserEnv = (): BrowserSearchEnv => ({
  platform: process.platform,
  env: process.env,
  exists: (p) => { try { return existsSync(p) && statSync(p).isFile(); } catch { return false; } },
});

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

const LINUX_PATHS = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/var/lib/snapd/snap/bin/chromium',
  '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Chromium.app/Contents/MacOS/Chromium',
];

const WINDOWS_APPS = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];

/** Every place looked at, in order (after SAMNYTTA_CHROMIUM). */
export function browserCandidates(e: Pick<BrowserSearchEnv, 'platform' | 'env'>): string[] {
  const out: string[] = [];
  if (e.platform === 'win32') {
    const roots = [e.env.PROGRAMFILES ?? 'C:\\Program Files', e.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', e.env.LOCALAPPDATA];
    for (const app of WINDOWS_APPS) for (const root of roots) if (root) out.push(win32.join(root, app));
  } else if (e.platform === 'darwin') {
    const roots = ['/Applications', ...(e.env.HOME ? [posix.join(e.env.HOME, 'Applications')] : [])];
    for (const app of MAC_APPS) for (const root of roots) out.push(posix.join(root, app));
  } else {
    for (const dir of (e.env.PATH ?? '').split(':').filter(Boolean)) for (const n of LINUX_NAMES) out.push(posix.join(dir, n));
    out.push(...LINUX_PATHS);
  }
  return [...new Set(out)];
}

/** The browser to use, or where it was looked for. */
export function findBrowser(e: BrowserSearchEnv = nodeBrowserEnv()): BrowserFound {
  const override = e.env.SAMNYTTA_CHROMIUM;
  if (override) return e.exists(override) ? { found: true, path: override, source: 'env' } : { found: false, envPath: override, searched: [override] };
  const searched = browserCandidates(e);
  const path = searched.find((p) => e.exists(p));
  if (!path) return { found: false, searched };
  const onPath = e.platform !== 'win32' && e.platform !== 'darwin' && !LINUX_PATHS.includes(path);
  return { found: true, path, source: onPath ? 'path' : 'installed' };
}

import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser, type BrowserSearchEnv } from '../../lib/report/find-browser.js';

const machine = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): BrowserSearchEnv => ({
  platform, env, exists: (p) => files.includes(p),
});

describe('findBrowser: Chrome, Edge or Chromium on any machine', () => {
  it('Linux: Debian chromium, snap chromium, google-chrome, Edge', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium'], { PATH: '/usr/bin:/bin' }))).toEqual({ found: true, path: '/usr/bin/chromium', source: 'installed' });
    expect(findBrowser(machine('linux', ['/snap/bin/chromium'], { PATH: '/usr/bin' }))).toEqual({ found: true, path: '/snap/bin/chromium', source: 'installed' });
    expect(findBrowser(machine('linux', ['/opt/google/chrome/chrome'], {}))).toMatchObject({ found: true, path: '/opt/google/chrome/chrome' });
    expect(findBrowser(machine('linux', ['/opt/microsoft/msedge/msedge'], {}))).toMatchObject({ found: true, path: '/opt/microsoft/msedge/msedge' });
    // A browser in a PATH folder outside the known paths.
    expect(findBrowser(machine('linux', ['/home/a/bin/google-chrome-stable'], { PATH: '/home/a/bin:/usr/bin' }))).toEqual({ found: true, path: '/home/a/bin/google-chrome-stable', source: 'path' });
  });
  it('macOS: Chrome, Edge and Chromium apps, also under ~/Applications', () => {
    expect(findBrowser(machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))).toMatchObject({ found: true, path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' });
    expect(findBrowser(machine('darwin', ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']))).toMatchObject({ found: true, path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' });
    expect(findBrowser(machine('darwin', ['/Users/k/Applications/Chromium.app/Contents/MacOS/Chromium'], { HOME: '/Users/k' }))).toMatchObject({ found: true, path: '/Users/k/Applications/Chromium.app/Contents/MacOS/Chromium' });
  });
  it('Windows: Program Files, Program Files (x86) and LOCALAPPDATA, Chrome before Edge', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\k\\AppData\\Local' };
    expect(findBrowser(machine('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env))).toMatchObject({ found: true, path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' });
    expect(findBrowser(machine('win32', ['C:\\Users\\k\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env)))
      .toMatchObject({ found: true, path: 'C:\\Users\\k\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe' });
    // Without the environment variables the default folders are still searched.
    expect(browserCandidates({ platform: 'win32', env: {} })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });
  it('SAMNYTTA_CHROMIUM wins when set; a wrong path is reported, not replaced by another browser', () => {
    expect(findBrowser(machine('linux', ['/usr/bin/chromium', '/x/chrome'], { SAMNYTTA_CHROMIUM: '/x/chrome' }))).toEqual({ found: true, path: '/x/chrome', source: 'env' });
    expect(findBrowser(machine('linux', ['/usr/bin/chromium'], { SAMNYTTA_CHROMIUM: '/missing/chrome' }))).toEqual({ found: false, envPath: '/missing/chrome', searched: ['/missing/chrome'] });
  });
  it('nothing installed and a PATH without browsers: not found, with the places searched', () => {
    const r = findBrowser(machine('linux', ['/usr/bin/ls'], { PATH: '/usr/bin:/bin' }));
    expect(r.found).toBe(false);
    if (!r.found) {
      expect(r.searched).toContain('/bin/chromium');
      expect(r.searched).toContain('/snap/bin/chromium');
      expect(r.envPath).toBeUndefined();
    }
  });
});

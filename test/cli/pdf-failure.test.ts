/**
 * A browser that is found but cannot print (it will not start, or exits at once) ends `report`
 * with exit 1 and a message with the remedy — before, an internal error with a stack trace and
 * Chromium's own log (exit 3). No file is written.
 */
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../cli/dispatch.js';
import { run } from '../../cli/main.js';
import { captureIo } from '../helpers/io.js';

const MAIN = 'data/examples/unga-vuxna-coachning/projekt.yaml';
const saved = process.env.SAMNYTTA_CHROMIUM;
afterEach(() => {
  if (saved === undefined) delete process.env.SAMNYTTA_CHROMIUM;
  else process.env.SAMNYTTA_CHROMIUM = saved;
});

describe.skipIf(process.platform === 'win32')('report when the browser cannot print', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samnytta-pdffail-'));
  const crash = join(dir, 'crash.sh');
  writeFileSync(crash, '#!/bin/sh\nexit 3\n');
  chmodSync(crash, 0o755);
  const notExecutable = join(dir, 'not-executable');
  writeFileSync(notExecutable, 'x');
  chmodSync(notExecutable, 0o644);

  for (const [name, browser, detail] of [['exits at once', crash, 'exited (code 3)'], ['cannot be run', notExecutable, 'could not be started (EACCES)']] as const) {
    for (const [route, go] of [['fast path', dispatch], ['full parser', run]] as const) {
      it(`${name} (${route}): exit 1, the remedy, no files`, async () => {
        process.env.SAMNYTTA_CHROMIUM = browser;
        const out = join(dir, `${name}-${route}`.replace(/\W+/g, '-'));
        for (const lang of ['sv', 'en'] as const) {
          const io = captureIo();
          const code = await go(['report', MAIN, '--out', out, '--format', 'html,pdf', '--lang', lang], io);
          expect(code, io.stderr).toBe(1);
          expect(io.stderr).toContain(lang === 'sv' ? `PDF skrevs inte: webbläsaren kunde inte skriva ut (${detail})` : `PDF not written: the browser could not print (${detail})`);
          expect(io.stderr).not.toMatch(/\n\s+at |Internt fel|Internal error/);
        }
        expect(existsSync(out)).toBe(false);
      }, 60_000);
    }
  }
});

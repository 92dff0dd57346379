/**
 * Golden-file comparison in the Plot style: a missing golden file is written (review it with
 * git diff); a mismatch writes `<name>-changed.<ext>` beside it and fails. To accept a change,
 * delete the golden file, rerun and review.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** @returns null when equal (or newly written), else a message naming the changed file */
export function golden(name: string, actual: string): string | null {
  const path = join(DIR, name);
  const changed = path.replace(/(\.[^.]+)$/, '-changed$1');
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    return null;
  }
  if (readFileSync(path, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return null;
  }
  writeFileSync(changed, actual);
  return `${name} differs from the golden file; see ${changed}`;
}

/**
 * No file in the repository holds a personnummer or samordningsnummer: examples, fixtures, docs,
 * committed reports and tests build the numbers they need at runtime. Binary files (images, PDF,
 * fonts) are skipped; workbooks are read through the output screen.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { personalNumberOutputs, withoutDecimals } from '../../lib/report/output-screen.js';
import { containsPersonalNumber } from '../../lib/model/personal-number.js';

const repo = join(import.meta.dirname, '..', '..');
const BINARY = /\.(png|jpe?g|gif|pdf|ttf|woff2?|ico|zip)$/i;

describe('the repository holds no personal identity numbers', () => {
  it('every tracked text file and workbook is free of them', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter((f) => f && !BINARY.test(f));
    expect(files.length).toBeGreaterThan(200);
    const found: string[] = [];
    for (const f of files) {
      const data = new Uint8Array(readFileSync(join(repo, f)));
      if (/\.xlsx$/i.test(f)) {
        if (personalNumberOutputs([{ path: f, data }], (d) => inflateRawSync(d)).length) found.push(f);
        continue;
      }
      // Line by line, decimals dropped (1726236.NNNNNNNNNN is an amount), so a hit names its line.
      new TextDecoder().decode(data).split('\n').forEach((line, i) => {
        if (containsPersonalNumber(withoutDecimals(line))) found.push(`${f}:${i + 1}`);
      });
    }
    expect(found).toEqual([]);
  });
});

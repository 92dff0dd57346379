/**
 * An English report names catalogue items by their English label (data/items `label_en`) in the
 * item table and the catalogue table; parameters keep their Swedish names (terms of art).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { loadCatalog } from '../../lib/catalog/load.js';
import { captureIo } from '../helpers/io.js';

describe('item labels follow the report language', () => {
  it('English report: the item and catalogue tables use label_en; Swedish: label', async () => {
    const item = loadCatalog().items.get('kommun.forsorjningsstod')!;
    expect(item.labelEn).toBeTruthy();
    expect(item.labelEn).not.toBe(item.label);
    for (const lang of ['en', 'sv'] as const) {
      const out = join(mkdtempSync(join(tmpdir(), 'samnytta-en-')), 'ut');
      expect(await run(['report', 'data/examples/unga-vuxna-coachning', '--out', out, '--format', 'md', '--datum', '2025-12-31', '--lang', lang], captureIo())).toBe(0);
      const md = readFileSync(join(out, 'rapport.md'), 'utf8');
      const label = lang === 'en' ? item.labelEn! : item.label;
      // Item table row (item | actor | category | …) and catalogue table row (id | label | …).
      expect(md).toMatch(new RegExp(`^\\| ${label} \\| ${lang === 'en' ? 'Municipality' : 'Kommunen'} \\|`, 'm'));
      expect(md).toContain(`| **kommun.forsorjningsstod** | **${label}** |`);
    }
  });
});

/**
 * A chart's PNG may be drawn from other markup than its SVG (`Chart.pngSvg`: the waterfall
 * without its stack's redundant clip, which costs resvg a layer the size of the image). It must
 * give the same pixels: for every chart of every bundled example, in both languages, the PNG from
 * `pngSvg` is byte for byte the PNG from `svg`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { loadPortfolio } from '../../lib/portfolio/load.js';
import { reportCharts } from '../../lib/report/charts.js';
import { svgToPngAsync } from '../../lib/report/png.js';

const repo = join(import.meta.dirname, '..', '..');

describe('chart PNGs drawn from Chart.pngSvg', () => {
  it('are the PNGs of the charts\' SVG, for every bundled example', async () => {
    const { inputs } = await loadPortfolio(join(repo, 'data/examples'), loadCatalog());
    const charts = inputs.flatMap((i) => (['sv', 'en'] as const).flatMap((lang) => reportCharts(i.result, lang).map((c) => ({ ...c, file: `${i.file} ${lang}` }))));
    const redrawn = charts.filter((c) => c.pngSvg !== undefined);
    expect(redrawn.length).toBe(inputs.length * 2); // the waterfall of each
    for (const c of redrawn) {
      expect(c.pngSvg).not.toBe(c.svg);
      const [a, b] = await Promise.all([svgToPngAsync(c.svg), svgToPngAsync(c.pngSvg!)]);
      expect(Buffer.compare(a, b) === 0, `${c.file} ${c.id}: the PNG differs`).toBe(true);
    }
  }, 120_000);
});

/**
 * PNG copies of the charts via resvg, with the bundled DejaVu Sans (lib/report/fonts, Bitstream
 * Vera licence) and system fonts off, so text always renders and output does not depend on the
 * machine. resvg reads the font file itself; this module does not touch the disk.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundled font, found next to the source or, from dist/, in the package's lib/report/fonts. */
export function bundledFont(): string {
  const candidates = ['./fonts/DejaVuSans.ttf', '../../../lib/report/fonts/DejaVuSans.ttf'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`samnytta: bundled font DejaVuSans.ttf not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Rasterises an SVG string at `scale` × its size.
 * @example svgToPng(chart.svg).subarray(1, 4).toString() // => 'PNG'
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, renderOptions(scale)).render().asPng();
}

/**
 * `svgToPng` on libuv's thread pool (resvg's `renderAsync`, the same renderer): a report's charts
 * are rasterised side by side, and while the main thread builds the HTML and Markdown.
 */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Buffer> {
  return (await renderAsync(svg, renderOptions(scale))).asPng();
}

function renderOptions(scale: number): ResvgRenderOptions {
  const font = bundledFont();
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans', serifFamily: 'DejaVu Sans', monospaceFamily: 'DejaVu Sans' },
  };
}

/**
 * In Node the charts are drawn in linkedom (lib/report/chart-dom.ts), no longer in jsdom: every
 * chart of every bundled example (the report's four in both languages, with the markup their
 * PNGs are drawn from, a plan's forecast among them, and the portfolio's two) must be the same
 * drawing in both — same element tree and order, same attributes, same inline style
 * declarations, same text — and, as chart-dom.ts writes the markup as jsdom does, the same bytes.
 * From dist/, the one-file builds (dist/vendor/linkedom.cjs, dist/vendor/charts.js with Plot) must
 * draw what the packages and modules draw.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../lib/catalog/load.js';
import { loadPortfolio } from '../../lib/portfolio/load.js';
import { buildPortfolio, type Portfolio } from '../../lib/portfolio/portfolio.js';
import { reportCharts } from '../../lib/report/charts.js';
import { costVsNetChart, paybackPerFunderChart } from '../../lib/report/portfolio/charts.js';
import type { Result } from '../../lib/results/result.js';

const repo = join(import.meta.dirname, '..', '..');

/** An element as data: name, attributes (style parsed into declarations), children in order. */
interface Canon { name: string; attrs: Record<string, string | Record<string, string>>; children: (Canon | string)[] }

/** Inline style declarations, property → value. */
function declarations(style: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of style.split(';')) {
    const i = d.indexOf(':');
    if (i > 0) out[d.slice(0, i).trim()] = d.slice(i + 1).trim();
  }
  return out;
}

function canon(el: Element): Canon {
  const attrs: Canon['attrs'] = {};
  for (const a of el.attributes) attrs[a.name] = a.name === 'style' ? declarations(a.value) : a.value;
  const children: Canon['children'] = [];
  for (const c of el.childNodes) {
    if (c.nodeType === 1) children.push(canon(c as Element));
    else if (c.nodeType === 3) children.push((c as Text).data);
  }
  return { name: el.tagName, attrs, children };
}

/** A chart's SVG parsed as XML (by a parser that drew neither) into its canonical form. */
const canonical = (svg: string): Canon => canon(new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document.documentElement);

let results: Result[];
let portfolio: Portfolio;

/** Every chart, drawn in the document Node gives (linkedom) or, when set, `globalThis.document`. */
function drawAll(charts: typeof reportCharts = reportCharts, pf: { costVsNetChart: typeof costVsNetChart; paybackPerFunderChart: typeof paybackPerFunderChart } = { costVsNetChart, paybackPerFunderChart }): { id: string; svg: string }[] {
  return (['sv', 'en'] as const).flatMap((lang) => [
    ...results.flatMap((r, i) => charts(r, lang).flatMap((c) => [{ id: `${i}/${lang}/${c.id}`, svg: c.svg }, ...(c.pngSvg ? [{ id: `${i}/${lang}/${c.id}/png`, svg: c.pngSvg }] : [])])),
    ...[pf.costVsNetChart(portfolio, lang), pf.paybackPerFunderChart(portfolio, lang)].map((c) => ({ id: `portfolio/${lang}/${c.id}`, svg: c.svg })),
  ]);
}

/** The same, drawn in a jsdom document (the DOM the charts were drawn in before). */
function drawAllInJsdom(): { id: string; svg: string }[] {
  const g = globalThis as { document?: Document };
  g.document = new JSDOM('').window.document;
  try {
    return drawAll();
  } finally {
    delete g.document;
  }
}

describe('charts drawn in linkedom (Node) and in jsdom', () => {
  beforeAll(async () => {
    const catalog = loadCatalog();
    const { inputs, failures } = await loadPortfolio(join(repo, 'data/examples'), catalog);
    expect(failures).toEqual([]);
    results = inputs.map((i) => i.result);
    portfolio = buildPortfolio(inputs, catalog);
  });

  it('every chart of every bundled example is the same drawing, and the same bytes', () => {
    const ours = drawAll();
    const theirs = drawAllInJsdom();
    expect(ours.length).toBeGreaterThan(80);
    expect(ours.map((c) => c.id)).toEqual(theirs.map((c) => c.id));
    for (let i = 0; i < ours.length; i++) {
      expect(canonical(ours[i].svg), ours[i].id).toEqual(canonical(theirs[i].svg));
      expect(ours[i].svg === theirs[i].svg, `${ours[i].id}: bytes differ from jsdom's`).toBe(true);
    }
  });

  it('the comparison sees one changed attribute, style declaration or text', () => {
    const svg = drawAll()[2].svg; // the waterfall: nested plots, styles, many texts
    const base = canonical(svg);
    const perturbed = [
      svg.replace(/(<rect [^>]*?height=")([\d.]+)"/, (_, a: string, h: string) => `${a}${Number(h) + 0.001}"`),
      svg.replace('font-size: 11px;', 'font-size: 12px;'),
      svg.replace(/(<svg [^>]*?)( x="0")/, '$1'),
      svg.replace(/>([^<]+)<\/text>/, '>$1 <\/text>'),
    ];
    for (const p of perturbed) {
      expect(p).not.toBe(svg);
      expect(canonical(p)).not.toEqual(base);
    }
    // Attribute order and style spacing are not part of the drawing.
    const reordered = svg.replace('width="12" height="12"', 'height="12" width="12"').replace('font-size: 11px; background:', 'font-size:11px;background:');
    expect(reordered).not.toBe(svg);
    expect(canonical(reordered)).toEqual(base);
  });

  it('draws the same bytes every time', () => {
    expect(drawAll()).toEqual(drawAll());
  });

  it('from dist/, the one-file builds (linkedom; the charts with Plot) draw what the modules and packages draw', async () => {
    for (const f of ['linkedom.cjs', 'charts.js']) expect(existsSync(join(repo, 'dist', 'vendor', f)), `dist/vendor/${f} is missing: run npm run build`).toBe(true);
    // dist's chart modules load linkedom's build; these (from source) the linkedom package.
    const dist = await import(join(repo, 'dist', 'lib', 'report', 'charts.js')) as typeof import('../../lib/report/charts.js');
    const distPortfolio = await import(join(repo, 'dist', 'lib', 'report', 'portfolio', 'charts.js')) as typeof import('../../lib/report/portfolio/charts.js');
    const expected = drawAll();
    expect(drawAll(dist.reportCharts, distPortfolio)).toEqual(expected);
    // The charts' build (what the CLI's report loads), with Plot inside it.
    const built = await import(join(repo, 'dist', 'vendor', 'charts.js')) as typeof import('../../lib/report/charts.js');
    expect(drawAll(built.reportCharts, distPortfolio)).toEqual(expected);
  });
});

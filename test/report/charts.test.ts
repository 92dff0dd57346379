/**
 * Issue 10: the waterfall's small multiples each get their own scale (no slivers, no truncated
 * step labels); the cumulative-net chart shows samhället and the funders with direct labels.
 * The (data, options) functions are the ones the notebooks import.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { cumulativeChart, cumulativeData, cumulativePlot, waterfallChart, waterfallData, waterfallPlot } from '../../lib/report/charts.js';
import { fixture } from './fixture.js';

const parse = (svg: string) => new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;

describe('report charts', () => {
  it('waterfall: one plot per actor, each with its own y scale, step labels whole', () => {
    const r = fixture().result;
    const w = waterfallData(r, 'sv');
    const d = parse(waterfallChart(r, 'sv').svg);
    const plots = [...d.querySelectorAll('svg > svg > svg')];
    expect(plots).toHaveLength(w.actors.length);
    // Each actor's y axis spans its own data, so its tallest bar fills at least half the panel
    // (on one shared scale Försäkringskassan's −200 tn were slivers beside Kommunen's −6 mn).
    const ticks = plots.map((p) => [...p.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent).join('|'));
    expect(new Set(ticks).size).toBeGreaterThan(3);
    for (const p of plots) {
      const inner = Number(p.getAttribute('height')) - 22 - 36;
      const tallest = Math.max(...[...p.querySelectorAll('[aria-label="bar"] rect')].map((x) => Number(x.getAttribute('height'))));
      expect(tallest, p.outerHTML.slice(0, 80)).toBeGreaterThanOrEqual(inner / 2);
    }
    // Every step label is there in full (words may wrap onto two lines, never "…").
    const labels = [...d.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent ?? '').join(' ');
    expect(labels).not.toContain('…');
    for (const step of w.steps) for (const word of step.split(' ')) expect(labels).toContain(word);
  });
  it('cumulative net: samhället and the funders only, labelled at the line ends (no legend)', () => {
    const r = fixture().result;
    const ids = [...new Set(cumulativeData(r, 'sv').map((x) => x.id))];
    expect(ids).toEqual(['samhallet', 'fk', 'af', 'kommun', 'region']);
    const d = parse(cumulativeChart(r, 'sv').svg);
    const text = [...d.querySelectorAll('text')].map((t) => t.textContent ?? '');
    for (const n of ['Samhället', 'Försäkringskassan', 'Arbetsförmedlingen', 'Kommunen', 'Regionen']) expect(text.some((t) => t.startsWith(`${n} `)), n).toBe(true);
    expect(text.some((t) => t.startsWith('Individ'))).toBe(false);
  });
  it('the (data, options) functions draw into a given document', () => {
    const document = new JSDOM('').window.document;
    const svg = cumulativePlot([{ id: 'samhallet', name: 'Samhället', year: 0, value: -100 }, { id: 'samhallet', name: 'Samhället', year: 1, value: 50 }], { lang: 'sv', horizonYears: 1, width: 400, document });
    expect(svg.ownerDocument).toBe(document);
    expect(svg.getAttribute('width')).toBe('400');
    const wf = waterfallPlot([{ actor: 'A', step: 'Före', y1: 0, y2: -10, fill: '#999' }], { lang: 'en', steps: ['Före'], document });
    expect(wf.querySelectorAll('rect').length).toBeGreaterThan(0);
  });
});

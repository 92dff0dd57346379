/**
 * The three commands on every bundled example, as JSON and as tables, in both languages — run on
 * the real catalogue and engine. Break-even is checked against a fresh pricing at the share found.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakeven } from '../../cli/commands/breakeven.js';
import { montecarlo } from '../../cli/commands/montecarlo.js';
import { sensitivity } from '../../cli/commands/sensitivity.js';
import type { Io } from '../../cli/io.js';

const root = join(import.meta.dirname, '../../data/examples');
const examples = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'projekt.yaml'))) : [];

function capture(isTTY = false): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY, out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; } };
  return io;
}

describe.each(examples)('example %s', (name) => {
  const project = join(root, name, 'projekt.yaml');

  it('sensitivity: JSON with evidence, classics, tornado and verified switching values; a table in sv and en', async () => {
    const io = capture();
    await sensitivity({ project, format: 'json', lang: 'sv' }, io);
    const doc = JSON.parse(io.stdout);
    expect(doc.schema).toBe('samnytta/sensitivity@1');
    expect(doc.evidence.grade).toMatch(/foreEfter|jamforelsegrupp|randomiserad/);
    expect(doc.evidence.upperBound).toBe(doc.evidence.grade === 'foreEfter');
    expect(doc.classics.map((c: { id: string }) => c.id)).toEqual(['bas', 'avskrivning3', 'yttreFaktorer25', 'yttreFaktorer50', 'diskontering35']);
    expect(doc.tornado.rows.length).toBeGreaterThan(3);
    for (const s of doc.switchingValues.filter((x: { status: string }) => x.status === 'found')) {
      expect(s.verified, `${s.input} → ${s.target}`).toBe(true);
      expect(Math.abs(s.verifiedNet)).toBeLessThanOrEqual(1);
    }
    for (const lang of ['sv', 'en'] as const) {
      const t = capture();
      await sensitivity({ project, format: 'table', lang }, t);
      expect(t.stdout).toContain(lang === 'sv' ? 'Bevisgrad' : 'Evidence grade');
      expect(t.stdout).toContain(lang === 'sv' ? 'Brytvärden' : 'Switching values');
    }
  });

  it('breakeven --till anstallning: JSON per variant and target, every interior share verified', async () => {
    const io = capture();
    await breakeven({ project, till: 'anstallning', format: 'json', lang: 'sv' }, io);
    const doc = JSON.parse(io.stdout);
    expect(doc.schema).toBe('samnytta/breakeven@1');
    expect(Object.keys(doc.variants)).toEqual(['efter', 'fore']);
    for (const v of Object.values(doc.variants) as { status: string; verified: boolean; share: number | null }[][]) {
      // Society, the usual funders, and every other funder of the financing key (ESF: Övrig stat).
      const esf = /esf_/.test(readFileSync(project, 'utf8'));
      expect(v.map((f: any) => f.target)).toEqual(['samhallet', 'fk', 'af', 'kommun', 'region', ...(esf ? ['ovrigStat'] : [])]);
      for (const f of v) if (f.status === 'share') expect(f.verified).toBe(true);
    }
    const t = capture();
    await breakeven({ project, till: 'studier', format: 'table', lang: 'en' }, t);
    expect(t.stdout).toContain('Evidence grade');
  });

  it('montecarlo: same seed → same JSON; progress on stderr only', async () => {
    const a = capture(), b = capture();
    await montecarlo({ project, draws: 400, seed: 5, format: 'json', lang: 'sv' }, a);
    await montecarlo({ project, draws: 400, seed: 5, format: 'json', lang: 'sv' }, b);
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.schema).toBe('samnytta/montecarlo@1');
    expect(doc.groups.samhallet.horizons['1']).toHaveProperty('p95');
    expect(doc.groups.samhallet.horizons[String(doc.project.horizonYears)]).toHaveProperty('p5');
    expect(doc.evidence).toHaveProperty('smsLevel');
    expect(a.stderr).toMatch(/400\/400/);
    const t = capture();
    await montecarlo({ project, draws: 200, seed: 1, format: 'table', lang: 'sv' }, t);
    expect(t.stdout).toContain('P(netto > 0)');
  });
});

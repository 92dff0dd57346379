/**
 * The package's bin is the esbuild bundle dist/cli/samnytta.cjs (scripts/bundle-cli.ts, written
 * by `npm run build`): it must behave exactly like the unbundled tsc output dist/cli/index.js —
 * same stdout, stderr and exit code — on the plain-calc fast path (YAML, JSON, CSV and XLSX
 * participants, errors) and on the commands it hands to the unbundled yargs command line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const run = (bin: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [join(repo, bin), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const same = (args: string[]) => {
  const bundled = run('dist/cli/samnytta.cjs', args);
  expect(bundled).toEqual(run('dist/cli/index.js', args));
  return bundled;
};

describe('the bundled bin (dist/cli/samnytta.cjs)', () => {
  it('is the package bin', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.samnytta).toBe('dist/cli/samnytta.cjs');
  });

  it('calc gives the unbundled output, table and JSON, sv and en', () => {
    const ex = 'data/examples/unga-vuxna-coachning/projekt.yaml';
    expect(same(['calc', ex]).status).toBe(0);
    expect(same(['calc', ex, '--format', 'json', '--lang', 'en']).stdout).toContain('"groups"');
    same(['calc', '--format=json', 'data/examples/ips-stodjande-anstallning']);
  });

  it('calc reads CSV, XLSX and transition tables (lazily loaded readers) the same', () => {
    for (const ex of ['excel-exempel', 'aggregerad-overgangar', 'esf-utfall']) expect(same(['calc', `data/examples/${ex}`]).status, ex).toBe(0);
  });

  it('invalid projects and usage errors: same messages and exit codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-bundle-'));
    writeFileSync(join(dir, 'projekt.yaml'), 'name: x\npriceYear: 1999\ncost: { total: -1 }\n');
    expect(same(['calc', join(dir, 'projekt.yaml')]).status).toBe(1);
    expect(same(['calc', join(dir, 'saknas.yaml')]).status).toBe(1);
    expect(same(['calc']).status).toBe(2);
    expect(same(['calc', 'x', '--format', 'xml']).status).toBe(2);
  });

  it('a project outside the plain YAML subset, or with a YAML error, reads the same (yaml loaded on demand)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-bundle-'));
    const ex = readFileSync(join(repo, 'data/examples/unga-vuxna-coachning/projekt.yaml'), 'utf8');
    writeFileSync(join(dir, 'anchors.yaml'), ex.replace('priceYear: 2025', 'priceYear: &year 2025\nx-year: *year'));
    writeFileSync(join(dir, 'broken.yaml'), ex.replace('horizonYears: 5', 'horizonYears: [5'));
    writeFileSync(join(dir, 'dup.yaml'), ex.replace('horizonYears: 5', 'horizonYears: 5\nhorizonYears: 6'));
    for (const f of ['anchors.yaml', 'broken.yaml', 'dup.yaml']) expect(same(['calc', join(dir, f)]).status, f).toBe(1);
    writeFileSync(join(dir, 'flow.yaml'), ex.replace('horizonYears: 5', 'horizonYears: !!int "5"'));
    expect(same(['calc', join(dir, 'flow.yaml')]).status).toBe(0);
  });

  it('a plain calc does not load yaml (dist/cli/yaml.cjs); a YAML error does', () => {
    const loaded = (project: string) => {
      const r = spawnSync(process.execPath, ['-e', `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)))); require(${JSON.stringify(join(repo, 'dist/cli/samnytta.cjs'))})`, 'x', 'calc', project], { cwd: repo, encoding: 'utf8' });
      return JSON.parse(/LOADED (.*)$/.exec(r.stderr)?.[1] ?? 'null') as string[];
    };
    const files = loaded('data/examples/unga-vuxna-coachning/projekt.yaml');
    expect(files.some((f) => f.endsWith('samnytta.cjs'))).toBe(true);
    expect(files.some((f) => f.endsWith('yaml.cjs'))).toBe(false);
    expect(files.some((f) => f.endsWith('report.cjs'))).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'samnytta-bundle-'));
    writeFileSync(join(dir, 'projekt.yaml'), 'name: [x\n');
    expect(loaded(join(dir, 'projekt.yaml')).some((f) => f.endsWith(join('dist', 'cli', 'yaml.cjs')))).toBe(true);
  });

  it('a plain calc writes stdout without building process.stdout (no stream modules loaded), the same bytes', () => {
    const ex = 'data/examples/unga-vuxna-coachning/projekt.yaml';
    const probe = (bin: string, args: string[]) => spawnSync(process.execPath, ['-e', `process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + process.moduleLoadList.join(','))); require(${JSON.stringify(join(repo, bin))})`, 'x', ...args], { cwd: repo, encoding: 'utf8' });
    const streams = (stderr: string) => /MODULES .*NativeModule stream\b/.test(stderr);
    const json = probe('dist/cli/samnytta.cjs', ['calc', ex, '--format', 'json']);
    expect(json.status).toBe(0);
    expect(streams(json.stderr)).toBe(false);
    expect(json.stdout).toBe(run('dist/cli/index.js', ['calc', ex, '--format', 'json']).stdout);
    expect(JSON.parse(json.stdout)).toHaveProperty('groups');
    // Through the full command line, stdout is the stream as before.
    const full = probe('dist/cli/samnytta.cjs', ['calc', ex, '--per-kategori']);
    expect(full.status).toBe(0);
    expect(full.stdout).not.toBe('');
    expect(streams(full.stderr)).toBe(true);
  });

  it('is pure ASCII (Node reads and parses it faster), as are its yaml and report files', () => {
    for (const f of ['dist/cli/samnytta.cjs', 'dist/cli/yaml.cjs', 'dist/cli/report.cjs']) expect(/[^\x00-\x7f]/.test(readFileSync(join(repo, f), 'latin1')), f).toBe(false);
  });

  it('other commands go through the unbundled command line', () => {
    expect(same(['catalog', 'show', 'kommun.forsorjningsstod']).status).toBe(0);
    expect(same(['report', 'data/examples/unga-vuxna-coachning', '--help']).status).toBe(0);
    expect(same(['validate', 'data/examples/excel-exempel']).status).toBe(0);
    expect(same(['--help']).status).toBe(0);
  });
});

describe('a plain report from the bundled bin (dist/cli/report.cjs)', () => {
  const ex = 'data/examples/unga-vuxna-coachning/projekt.yaml';
  const root = mkdtempSync(join(tmpdir(), 'samnytta-bundle-report-'));
  const out = join(root, 'ut');
  /** Exit code, output (the duration in the last line varies) and every file written. */
  const report = (bin: string, args: string[]) => {
    rmSync(out, { recursive: true, force: true });
    const r = run(bin, ['report', ex, '--out', out, ...args], { SOURCE_DATE_EPOCH: '1767225600', SAMNYTTA_CHROMIUM: join(root, 'ingen-chromium') });
    const files: Record<string, Buffer> = {};
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) if (e.isFile()) files[join(e.parentPath, e.name).slice(root.length + 1)] = readFileSync(join(e.parentPath, e.name));
    return { ...r, stderr: r.stderr.replace(/ \d+\.\d s\n$/, ' N s\n'), files };
  };

  for (const args of [['--format', 'html,md,json'], ['--format=xlsx,json', '--lang', 'en', '--datum', '2026-02-03'], [], ['--format', 'html,svg'], ['--per-kommun', '--format', 'md']]) {
    it(`writes byte-identical files and output to the unbundled bin's: ${args.join(' ')}`, () => {
      const bundled = report('dist/cli/samnytta.cjs', args);
      expect(bundled).toEqual(report('dist/cli/index.js', args));
      if (!args.includes('html,svg')) expect(Object.keys(bundled.files).length, bundled.stderr).toBeGreaterThan(1);
    });
  }

  it('loads the charts and linkedom builds in dist/vendor, png.js and the bundled font; never yargs, the packages they replace, or yaml (plain reference entries)', () => {
    // What a run loads: ES modules (a resolve hook), CommonJS files (the require cache) and the
    // font files png.js looks for (fs.existsSync, seen by ES-module imports of node:fs once synced).
    const probe = `
      const fs = require('node:fs'), mod = require('node:module');
      const seen = [];
      const exists = fs.existsSync;
      fs.existsSync = (p) => { const r = exists(p); if (String(p).endsWith('.ttf') && r) seen.push('FONT ' + p); return r; };
      mod.syncBuiltinESMExports();
      mod.register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) process.stderr.write(String.fromCharCode(10) + "ESM " + r.url + String.fromCharCode(10)); return r; }'));
      process.on('exit', () => fs.writeSync(2, '\\n' + [...seen, ...Object.keys(require.cache).map((f) => 'CJS ' + f)].join('\\n') + '\\n'));
      require(process.argv[1]);`;
    const loads = (bin: string) => {
      rmSync(out, { recursive: true, force: true });
      const r = spawnSync(process.execPath, ['-e', probe, join(repo, bin), 'report', ex, '--out', out, '--format', 'html,md'], { cwd: repo, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return [...r.stderr.matchAll(/^(ESM|CJS|FONT) (.+)$/gm)].map((m) => m[2].replace(/^file:\/\//, '').replace(repo + '/', ''));
    };
    const bundled = loads('dist/cli/samnytta.cjs');
    for (const f of ['dist/cli/report.cjs', 'dist/vendor/charts.js', 'dist/vendor/linkedom.cjs', 'dist/lib/report/png.js', 'lib/report/fonts/DejaVuSans.ttf']) expect(bundled, f).toContain(f);
    for (const f of ['node_modules/yargs/', 'node_modules/@observablehq/plot/', 'node_modules/linkedom/', 'dist/cli/main.js', 'dist/lib/report/charts.js', 'dist/cli/yaml.cjs']) expect(bundled.filter((p) => p.includes(f)), f).toEqual([]);
    // The unbundled bin finds the same builds and font.
    const unbundled = loads('dist/cli/index.js');
    for (const f of ['dist/vendor/charts.js', 'dist/vendor/linkedom.cjs', 'dist/lib/report/png.js', 'lib/report/fonts/DejaVuSans.ttf']) expect(unbundled, f).toContain(f);
  });
});

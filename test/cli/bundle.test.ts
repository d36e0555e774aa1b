/**
 * `gossipsim` runs the one-file bundle of the CLI (package.json `bin`, made by
 * scripts/bundle.mjs): it must be the same program as the module graph it is made from
 * (dist/sim/cli/main.js), finding the same files (report assets, the worker bundle,
 * package.json) from its own place.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutWallClock } from '../../sim/run/serialize';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli';

const MODULES = join(ROOT, 'dist', 'sim', 'cli', 'main.js');
const SCENARIO = `name: Bundle check
seed: 3
duration: 1min
peers: { count: 2000 }
network: { latency: { dist: uniform, min: 20ms, max: 80ms } }
overlay: { model: random-regular, degree: 6 }
workload:
  broadcasts: { protocol: push, origin: 0, forward: rounds, fanout: 2, period: 1s }
`;

describe('the bundled CLI', () => {
  it('is the package bin, an executable next to the modules it bundles', () => {
    expect(BIN).toBe(join(ROOT, 'dist', 'sim', 'cli', 'gossipsim.cjs'));
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the same help and version as the module graph', () => {
    for (const args of [['--help'], ['run', '--help'], ['--version']]) {
      const a = runCli(BIN, args), b = runCli(MODULES, args);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('writes the same results and report, on 1 and 2 threads, as the module graph', () => {
    const dir = tempDir();
    const file = join(dir, 'bundle.yaml');
    writeFileSync(file, SCENARIO);
    const results = (entry: string, tag: string, workers: number) => {
      const json = join(dir, `${tag}.json`), html = join(dir, `${tag}.html`);
      const r = runCli(entry, ['run', file, '--quiet', '--workers', String(workers), '--json', json, '--out', html]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return { json: withoutWallClock(JSON.parse(readFileSync(json, 'utf8'))), html: readFileSync(html, 'utf8') };
    };
    const modules = results(MODULES, 'modules', 1);
    for (const [tag, workers] of [['bundle-1', 1], ['bundle-2', 2]] as const) {
      const bundled = results(BIN, tag, workers);
      const { workers: _w, ...engine } = bundled.json.engine as Record<string, unknown>;
      const { workers: _m, ...moduleEngine } = modules.json.engine as Record<string, unknown>;
      expect({ ...bundled.json, engine }).toEqual({ ...modules.json, engine: moduleEngine });
      // The report inlines the same client files and d3 (it differs only in wall-clock figures).
      expect(bundled.html.length).toBeGreaterThan(100_000);
      expect(bundled.html.slice(0, 2000)).toBe(modules.html.slice(0, 2000));
    }
  });

  it('exits 2 with one paragraph on bad input, as the module graph does', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\npeers: { count: -5 }\n');
    const a = runCli(BIN, ['run', file]), b = runCli(MODULES, ['run', file]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stderr).toContain('peers.count');
  });
});

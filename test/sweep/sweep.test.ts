import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gossipsim, tempDir } from '../helpers/cli';
import { withoutWallClock } from '../../sim/run/serialize';
import { planTasks, parseShard, planPoints, parseVary, replicateSeed } from '../../sim/sweep/plan';
import { summarize, tQuantile975, flattenMetrics } from '../../sim/sweep/metrics';
import { scenarioHash } from '../../sim/run/provenance';
import { GOSSIPSIM_VERSION } from '../../sim/version';

const SCENARIO = `name: Sweep me
seed: 3
duration: 20s
peers: { count: 120 }
network: { latency: 30ms }
overlay: { model: erdos-renyi, degree: 4 }
`;

const load = (f: string) => JSON.stringify(withoutWallClock(JSON.parse(readFileSync(f, 'utf8'))));

describe('sweep planning', () => {
  it('takes the cartesian product, first --vary slowest', () => {
    const pts = planPoints([parseVary('a.b=1,2'), parseVary('c=x,y,z')]);
    expect(pts.map((p) => p.values)).toEqual([
      { 'a.b': 1, c: 'x' }, { 'a.b': 1, c: 'y' }, { 'a.b': 1, c: 'z' },
      { 'a.b': 2, c: 'x' }, { 'a.b': 2, c: 'y' }, { 'a.b': 2, c: 'z' },
    ]);
  });
  it('shards cover every task exactly once, in near-equal contiguous slices', () => {
    for (const [points, reps, n] of [[7, 3, 4], [1, 1, 3], [10, 10, 7], [5, 2, 10]]) {
      const all = planTasks(points, reps).map((t) => t.index);
      const parts = Array.from({ length: n }, (_, k) => planTasks(points, reps, { index: k + 1, count: n }));
      expect(parts.flat().map((t) => t.index)).toEqual(all);
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
  it('rejects malformed shards', () => {
    expect(() => parseShard('0/4')).toThrow(/between 1 and N/);
    expect(() => parseShard('5/4')).toThrow(/between 1 and N/);
    expect(() => parseShard('a/b')).toThrow(/K\/N/);
  });
  it('replicate seeds: replicate 0 keeps the scenario seed, others differ and are stable', () => {
    expect(replicateSeed(42, 0)).toBe(42);
    expect(replicateSeed(42, 1)).toBe(replicateSeed(42, 1));
    expect(new Set([0, 1, 2, 3].map((r) => replicateSeed(42, r))).size).toBe(4);
  });
  it('95% interval uses Student t (values checked against tables)', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 2);
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.ci95).toBeCloseTo(2.776 * Math.sqrt(2.5 / 5), 6);
    expect(summarize([7]).ci95).toBe(0);
  });
  it('flattens numeric metrics, skipping the scenario, series and wall-clock figures', () => {
    const m = flattenMetrics({ format: 'x', scenario: { a: 1 }, series: { time: [1] }, engine: { events: 5, wallSeconds: 1 },
      broadcasts: [{ rounds: 3, allReached: true, timeline: { time: [1, 2] } }], capacity: { lowerBound: 2.5, mode: 'p2p' } });
    expect(m).toEqual({ 'engine.events': 5, 'broadcasts[0].rounds': 3, 'broadcasts[0].allReached': 1, 'capacity.lowerBound': 2.5 });
  });
});

describe('gossipsim sweep and merge', () => {
  it('gives identical results whatever --workers is, and merge of shards equals one sweep', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, SCENARIO);
    const common = ['sweep', file, '--vary', 'overlay.degree=2,4', '--vary', 'peers.count=60,120', '--replicates', '3', '--quiet'];
    const one = gossipsim([...common, '--workers', '1', '--json', join(dir, 'w1.json'), '--out', join(dir, 'w1.html')]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const two = gossipsim([...common, '--workers', '2', '--json', join(dir, 'w2.json'), '--out', join(dir, 'w2.html')]);
    expect(two.code).toBe(0);
    expect(load(join(dir, 'w2.json'))).toBe(load(join(dir, 'w1.json')));

    const res = JSON.parse(readFileSync(join(dir, 'w1.json'), 'utf8'));
    expect(res.format).toBe('gossipsim-sweep/1');
    expect(res.points).toHaveLength(4);
    expect(res.points[0].values).toEqual({ 'overlay.degree': 2, 'peers.count': 60 });
    expect(res.points[3].metrics['overlay.meanDegree'].mean).toBeCloseTo(4, 0);
    expect(res.points[3].metrics['overlay.peers']).toMatchObject({ mean: 120, n: 3, ci95: 0 });
    expect(res.points[0].runs).toHaveLength(3);

    for (const k of [1, 2, 3]) {
      const r = gossipsim([...common, '--workers', '1', '--shard', `${k}/3`, '--json', join(dir, `part-${k}.json`)]);
      expect(r.code).toBe(0);
    }
    const m = gossipsim(['merge', join(dir, 'part-1.json'), join(dir, 'part-2.json'), join(dir, 'part-3.json'), '--json', join(dir, 'merged.json'), '--quiet']);
    expect(m.code).toBe(0);
    expect(load(join(dir, 'merged.json'))).toBe(load(join(dir, 'w1.json')));

    const incomplete = gossipsim(['merge', join(dir, 'part-1.json'), join(dir, 'part-3.json'), '--json', join(dir, 'bad.json')]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(/incomplete/);

    // Provenance: recorded in every file; merge refuses parts of other versions or scenarios.
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(res.provenance).toMatchObject({ gossipsim: GOSSIPSIM_VERSION, engine: { name: 'node', version: process.versions.node },
      scenarioHash: scenarioHash(res.scenario) });
    expect(merged.provenance.parts).toEqual([{ engine: res.provenance.engine, platform: res.provenance.platform }]);
    const part2 = JSON.parse(readFileSync(join(dir, 'part-2.json'), 'utf8'));
    const tampered = (name: string, change: (p: Record<string, unknown>) => void) => {
      const copy = structuredClone(part2);
      change(copy);
      writeFileSync(join(dir, name), JSON.stringify(copy));
      return gossipsim(['merge', join(dir, 'part-1.json'), join(dir, name), join(dir, 'part-3.json'), '--json', join(dir, `${name}-merged.json`)]);
    };
    const older = tampered('older.json', (p) => { (p.provenance as Record<string, unknown>).gossipsim = '0.1.9'; });
    expect(older.code).toBe(2);
    expect(older.stderr).toMatch(/written by gossipsim 0\.1\.9 and .*part-1\.json by gossipsim/);
    const unversioned = tampered('unversioned.json', (p) => { delete p.provenance; });
    expect(unversioned.stderr).toMatch(/before 0\.2\.0 \(no provenance\)/);
    const otherScenario = tampered('other.json', (p) => { (p.provenance as Record<string, unknown>).scenarioHash = 'sha256:00'; });
    expect(otherScenario.code).toBe(2);
    expect(otherScenario.stderr).toMatch(/scenario hash differs/);
    // Parts from another machine merge (results are the same on every engine) and are named.
    const otherEngine = tampered('engine.json', (p) => { (p.provenance as Record<string, unknown>).engine = { name: 'chromium', version: '156.0' }; });
    expect(otherEngine.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'engine.json-merged.json'), 'utf8')).provenance.parts).toHaveLength(2);
  });

  it('rejects a bad --vary value before running anything', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, SCENARIO);
    const r = gossipsim(['sweep', file, '--vary', 'peers.count=10,-1', '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/peers\.count/);
  });
});

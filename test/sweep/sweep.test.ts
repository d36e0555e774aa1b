import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gossipsim, tempDir } from '../helpers/cli';
import { withoutWallClock } from '../../sim/run/serialize';
import { planTasks, parseShard, planPoints, parseVary, replicateSeed } from '../../sim/sweep/plan';
import { summarize, flattenMetrics } from '../../sim/sweep/metrics';
import { tQuantile975 } from '../../sim/sweep/special';
import { assemble } from '../../sim/sweep/sweep';
import { loadScenarioText } from '../../sim/scenario/load';
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
    const s = summarize([1, 2, 3, 4, 5], 'real');
    expect(s.mean).toBe(3);
    expect(s.method).toBe('t');
    expect(s.high! - s.mean).toBeCloseTo(2.7764 * Math.sqrt(2.5 / 5), 4);
    expect(s.mean - s.low!).toBeCloseTo(2.7764 * Math.sqrt(2.5 / 5), 4);
    expect(summarize([7], 'real')).toMatchObject({ low: null, high: null, method: 'none', n: 1 });
  });
  it('flattens numeric metrics, skipping the scenario, series and wall-clock figures', () => {
    const m = flattenMetrics({ format: 'x', scenario: { a: 1 }, series: { time: [1] }, engine: { events: 5, wallSeconds: 1 },
      broadcasts: [{ rounds: 3, allReached: true, timeline: { time: [1, 2] } }], capacity: { lowerBound: 2.5, mode: 'p2p' } });
    expect(m).toEqual({ 'engine.events': 5, 'broadcasts[0].rounds': 3, 'broadcasts[0].allReached': 1, 'capacity.lowerBound': 2.5 });
  });
});

describe('assembling a sweep', () => {
  it('expands metrics.highlight to the metrics present ([] = every index) and gives every metric its domain', () => {
    const base = loadScenarioText(`${SCENARIO}workload: { broadcasts: { count: 2, every: 1s } }\nmetrics:\n  highlight: [overlay.clustering, 'broadcasts[].coverage']\n`, 's.yaml');
    const run = (replicate: number, coverage: number) => ({ replicate, seed: replicate,
      metrics: { 'broadcasts[0].coverage': coverage, 'broadcasts[1].coverage': 1, 'broadcasts[0].allReached': 1, 'overlay.clustering': 0.1, 'broadcasts[0].origin': 4 } });
    const r = assemble(base, [parseVary('peers.count=60')], 3, planPoints([parseVary('peers.count=60')]), [[run(2, 0.9), run(0, 0.8), run(1, 1)]], 0);
    expect(r.highlight).toEqual(['overlay.clustering', 'broadcasts[0].coverage', 'broadcasts[1].coverage']);
    expect(r.domains).toEqual({ 'broadcasts[0].coverage': 'fraction', 'broadcasts[1].coverage': 'fraction',
      'broadcasts[0].allReached': 'proportion', 'overlay.clustering': 'fraction', 'broadcasts[0].origin': 'input' });
    const m = r.points[0].metrics;
    expect(m['broadcasts[0].coverage']).toMatchObject({ n: 3, method: 'logit-t-squeezed', min: 0.8, max: 1 });
    expect(m['broadcasts[0].allReached']).toMatchObject({ mean: 1, method: 'wilson', high: 1 });
    expect(m['broadcasts[0].origin']).toMatchObject({ mean: 4, low: null, high: null, method: 'none' });
    expect(r.points[0].runs.map((x) => x.replicate)).toEqual([0, 1, 2]);
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
    expect(res.format).toBe('gossipsim-sweep/2');
    expect(res.domains).toMatchObject({ 'overlay.peers': 'count', 'overlay.largestComponentFraction': 'fraction' });
    expect(res.points).toHaveLength(4);
    expect(res.points[0].values).toEqual({ 'overlay.degree': 2, 'peers.count': 60 });
    expect(res.points[3].metrics['overlay.meanDegree'].mean).toBeCloseTo(4, 0);
    expect(res.points[3].metrics['overlay.peers']).toMatchObject({ mean: 120, n: 3, low: 120, high: 120, method: 'log-t' });
    expect(res.points[0].runs).toHaveLength(3);

    for (const k of [1, 2, 3]) {
      const r = gossipsim([...common, '--workers', '1', '--shard', `${k}/3`, '--json', join(dir, `part-${k}.json`)]);
      expect(r.code).toBe(0);
    }
    const m = gossipsim(['merge', join(dir, 'part-3.json'), join(dir, 'part-1.json'), join(dir, 'part-2.json'), '--json', join(dir, 'merged.json'), '--quiet']);
    expect(m.code).toBe(0);
    expect(load(join(dir, 'merged.json'))).toBe(load(join(dir, 'w1.json')));

    // A file of the previous format (a Student t half-width, no domains) is read by
    // recomputing its summaries from its runs.
    const v1 = JSON.parse(readFileSync(join(dir, 'w1.json'), 'utf8'));
    v1.format = 'gossipsim-sweep/1';
    delete v1.domains;
    for (const p of v1.points) for (const k of Object.keys(p.metrics)) p.metrics[k] = { mean: p.metrics[k].mean, ci95: 0, n: 3, min: 0, max: 0 };
    writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1));
    const again = gossipsim(['merge', join(dir, 'v1.json'), '--json', join(dir, 'from-v1.json'), '--quiet']);
    expect(again.code).toBe(0);
    expect(load(join(dir, 'from-v1.json'))).toBe(load(join(dir, 'w1.json')));
    // Recomputing its summaries does not make a part of an older gossipsim look like this one's.
    const oldPart = JSON.parse(readFileSync(join(dir, 'part-2.json'), 'utf8'));
    oldPart.format = 'gossipsim-sweep/1';
    delete oldPart.domains;
    delete oldPart.provenance;
    for (const p of oldPart.points) for (const k of Object.keys(p.metrics)) p.metrics[k] = { mean: p.metrics[k].mean, ci95: 0, n: 3, min: 0, max: 0 };
    writeFileSync(join(dir, 'old-part-2.json'), JSON.stringify(oldPart));
    const mixed = gossipsim(['merge', join(dir, 'part-1.json'), join(dir, 'old-part-2.json'), join(dir, 'part-3.json'), '--json', join(dir, 'mixed.json')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/before 0\.2\.0 \(no provenance\)/);

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

  it('notes in its summary that fewer than 5 replicates give wide, unreliable intervals', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, SCENARIO);
    const few = gossipsim(['sweep', file, '--vary', 'peers.count=60,80', '--replicates', '2', '--workers', '1', '--json', join(dir, 'a.json'), '--out', join(dir, 'a.html')]);
    expect(few.code).toBe(0);
    expect(few.stdout).toContain('note: 2 replicate(s) per point: the 95% intervals are wide and unreliable; use --replicates 5 or more');
    const enough = gossipsim(['sweep', file, '--vary', 'peers.count=60', '--replicates', '5', '--workers', '1', '--json', join(dir, 'b.json'), '--out', join(dir, 'b.html')]);
    expect(enough.code).toBe(0);
    expect(enough.stdout).not.toContain('note:');
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

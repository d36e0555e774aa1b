/**
 * Chord and Kademlia split across threads (sim/protocols/structured/split.ts): the same
 * results, byte for byte, with --workers 1, 2 and 3, for ideal tables or joins, with upkeep
 * (stabilise, fix fingers, bucket refresh), dht searches beside a flood, loss, failures
 * (Chord's handovers to new predecessors), churn and the index's republishing, iterative
 * and recursive Chord lookups. Needs the built worker (npm run build).
 */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../sim/run/run';
import { runScenario } from '../../../sim/run/run-scenario';
import { SPLIT_STATE_FACTOR, estimateMemory } from '../../../sim/run/memory-estimate';
import { withoutWallClock } from '../../../sim/run/serialize';
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../../sim/scenario/load';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

const base = (structured: string, extra = '') => `
name: structured split
seed: 11
duration: 90s
peers: { count: 400 }
network: { latency: { dist: uniform, min: 20ms, max: 120ms }, loss: 0.02 }
data: { objects: 60, replication: { strategy: proportional, ratio: 0.02 } }
structured: ${structured}
workload:
  searches:
    - { protocol: dht, count: 150, start: 10s, spacing: 300ms }
    - { protocol: flood, ttl: 3, count: 40, start: 20s, spacing: 1s }
metrics: { sample: 5s }
${extra}`;

const CASES: Record<string, [string, string]> = {
  'Chord, iterative, ideal ring with stabilise, fix fingers and republish': [
    '{ protocol: chord, bootstrap: ideal, republish: 30s, expiry: 70s, chord: { successors: 6, stabilize: 5s, fixFingers: 15s } }', ''],
  'Chord after a failure of 20% of the peers (predecessors change, pointers handed over across threads)': [
    '{ protocol: chord, bootstrap: ideal, republish: 20s, expiry: 50s, chord: { successors: 4, stabilize: 3s, fixFingers: 10s } }',
    'failures: { at: 30s, fraction: 0.2 }'],
  'Chord built by joins through bootstrap peers (known at refreshes of global knowledge)': [
    '{ protocol: chord, bootstrap: join, joinWindow: 8s, republish: 30s, expiry: 70s, chord: { successors: 6, stabilize: 2s, fixFingers: 10s } }', ''],
  'Kademlia built by joins through bootstrap peers': [
    '{ protocol: kademlia, bootstrap: join, joinWindow: 8s, timeout: 400ms, kademlia: { k: 8, alpha: 3, refresh: 20s } }', ''],
  'Chord under churn (joins, departures, rejoins through the live snapshot)': [
    '{ protocol: chord, bootstrap: join, joinWindow: 8s, republish: 20s, expiry: 50s, chord: { successors: 6, stabilize: 2s, fixFingers: 10s } }',
    'churn: { session: { dist: exponential, mean: 60s }, downtime: { dist: exponential, mean: 20s } }'],
  'Kademlia under churn': [
    '{ protocol: kademlia, bootstrap: join, joinWindow: 8s, timeout: 300ms, republish: 20s, expiry: 50s, kademlia: { k: 8, alpha: 3, refresh: 15s } }',
    'churn: { session: { dist: exponential, mean: 60s }, downtime: { dist: exponential, mean: 20s } }'],
  'Chord, recursive lookups (the forwarded message carries the path and counters across threads), loss and a failure of 20%': [
    '{ protocol: chord, bootstrap: ideal, republish: 20s, expiry: 50s, chord: { lookup: recursive, successors: 4, stabilize: 3s, fixFingers: 10s } }',
    'failures: { at: 30s, fraction: 0.2 }'],
  'Chord, recursive lookups under churn': [
    '{ protocol: chord, bootstrap: join, joinWindow: 8s, republish: 20s, expiry: 50s, chord: { lookup: recursive, successors: 6, stabilize: 2s, fixFingers: 10s } }',
    'churn: { session: { dist: exponential, mean: 60s }, downtime: { dist: exponential, mean: 20s } }'],
  'Kademlia, ideal buckets with refresh and republish': [
    '{ protocol: kademlia, bootstrap: ideal, republish: 30s, expiry: 70s, timeout: 400ms, kademlia: { k: 8, alpha: 3, refresh: 20s } }', ''],
  'Kademlia, alpha 1, short timeouts (many expire), and a failure of 20%': [
    '{ protocol: kademlia, bootstrap: ideal, timeout: 150ms, kademlia: { k: 6, alpha: 1, refresh: 10s } }',
    'failures: { at: 40s, fraction: 0.2 }'],
};

describe('structured overlays split across threads', () => {
  for (const [name, [structured, extra]] of Object.entries(CASES)) {
    it(`${name}: --workers 1, 2, 3 give the one-thread results`, async () => {
      const scenario = loadScenarioText(base(structured, extra), 'split.yaml');
      const one = runScenario(scenario);
      // The run does lookups, finds items and sends upkeep: the comparison is not of empty sections.
      expect(one.structured!.lookups.count).toBeGreaterThan(100);
      expect(one.structured!.lookups.successRate).toBeGreaterThan(0.5);
      expect(one.structured!.maintenance.messages).toBeGreaterThan(0);
      // With failures, Chord peers get new predecessors and hand pointers over (some to another thread's peer).
      if (structured.includes('chord') && extra.includes('failures')) {
        expect(one.structured!.messages.find((m) => m.type === 'chord/handover')!.maintenanceMessages).toBeGreaterThan(20);
      }
      // Recursive lookups hop by forwarded messages (about half of them to another thread's peer).
      if (structured.includes('recursive')) {
        expect(one.structured!.messages.find((m) => m.type === 'chord/forward')!.lookupMessages).toBeGreaterThan(300);
      }
      const expected = text(one);
      for (const workers of [1, 2, 3]) {
        const r = await runSimulation(scenario, { workers });
        if (workers > 1) expect(r.engine.workers, r.engine.workersNote).toBe(workers);
        expect(text(r)).toBe(expected);
      }
    });
  }

  it('the three-kinds-of-p2p lesson without its directory search (churn with directory searches is not split yet): Chord and Kademlia under churn beside floods and random walks, --workers 2 and 3', async () => {
    const lesson = readFileSync(new URL('../../../scenarios/lessons/three-kinds-of-p2p.yaml', import.meta.url), 'utf8');
    const yaml = lesson.split('\n').filter((line) => !line.includes('protocol: directory')).join('\n');
    for (const protocol of ['chord', 'kademlia']) {
      const scenario = loadScenarioText(yaml, 'three-kinds.yaml', ['peers.count=600', 'duration=3min', `structured.protocol=${protocol}`]);
      const expected = text(runScenario(scenario));
      for (const workers of [2, 3]) {
        const r = await runSimulation(scenario, { workers });
        expect(r.engine.workers, r.engine.workersNote).toBe(workers);
        expect(text(r)).toBe(expected);
      }
    }
  });

  it('the memory guard counts the DHT IDs whole in every thread (each draws every peer\'s) and the routing tables once (shared)', () => {
    const scenario = loadScenarioText(base(CASES['Kademlia, ideal buckets with refresh and republish'][0]), 'split.yaml', ['peers.count=100000', 'data.objects=10']);
    const one = estimateMemory(scenario, 1), three = estimateMemory(scenario, 3);
    const ids = one.terms.filter((t) => t.perThread).reduce((sum, t) => sum + t.bytes, 0);
    expect(one.terms.filter((t) => t.perThread).map((t) => t.what)).toEqual(['DHT IDs and state']);
    const tables = one.terms.find((t) => t.what === 'kademlia routing tables')!;
    expect(tables.perThread).toBeFalsy();
    expect(tables.bytes).toBeGreaterThan(10 * ids);
    // With dht searches, the pointers: each replica's holder on k peers (2% of 10^5 peers hold each of 10 items, k = 8).
    expect(one.terms.find((t) => t.what.startsWith('DHT pointers'))!.bytes).toBeCloseTo(48 * 10 * 0.02 * 100_000 * 8, -3);
    expect(three.terms.find((t) => t.what.startsWith('the rest of a whole copy'))!.bytes).toBeCloseTo(2 * (1 - SPLIT_STATE_FACTOR) * ids, -3);
  });

  it('Kademlia with churn arrivals (new peers draw their IDs in every thread): --workers 2 gives the one-thread results', async () => {
    const scenario = loadScenarioText(base('{ protocol: kademlia, bootstrap: ideal }', 'churn: { session: { dist: exponential, mean: 10min }, arrivals: 0.5/s }'), 'split.yaml', ['duration=25s']);
    const expected = runScenario(scenario);
    expect(expected.churn!.arrivals).toBeGreaterThan(5);
    const r = await runSimulation(scenario, { workers: 2 });
    expect(r.engine.workers, r.engine.workersNote).toBe(2);
    expect(text(r)).toBe(text(expected));
  });
});

/**
 * A parallel run gives the results of a one-thread run, byte for byte (wall-clock figures
 * and the threads used apart), for every broadcast protocol, with loss, random latency,
 * overlays that partitions cut a lot or little, runs cut short by `duration`, windows
 * exactly one latency long (constant latency), controller events at one instant, and
 * failures before, during and after broadcasts. Needs the built worker (npm run build).
 */
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ParallelRunStats } from '../../sim/parallel/run-parallel';
import { runSimulation } from '../../sim/run/run';
import { CHUNK_WORDS } from '../../sim/parallel/tick-share';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { validate } from '../../sim/scenario/validate';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));
const uniformLatency = { dist: 'uniform', min: '50ms', max: '300ms' };

const cases: Array<[string, Record<string, unknown>]> = [
  ['push, uniform targets, rounds, 10% loss', {
    network: { latency: uniformLatency, loss: 0.1 },
    workload: { broadcasts: [{ at: '1s', protocol: 'push', targets: 'uniform', fanout: 1, period: '1s' }] },
  }],
  ['push, neighbours, fanout 2, watts-strogatz overlay', {
    overlay: { model: 'watts-strogatz', degree: 6, rewire: 0.1 },
    workload: { broadcasts: [{ protocol: 'push', targets: 'neighbours', fanout: 2, period: '500ms' }] },
  }],
  ['pull, uniform targets, pareto latency (its floor, 40 ms, is the lookahead)', {
    network: { latency: { dist: 'pareto', scale: '40ms', shape: 2.5 } },
    workload: { broadcasts: [{ at: '2s', protocol: 'pull', targets: 'uniform', fanout: 1, period: '1s' }] },
  }],
  ['push-pull, neighbours, erdos-renyi overlay, 5% loss', {
    overlay: { model: 'erdos-renyi', degree: 6 },
    network: { latency: uniformLatency, loss: 0.05 },
    workload: { broadcasts: [{ protocol: 'push-pull', targets: 'neighbours', fanout: 1, period: '1s' }] },
  }],
  ['flood, random-regular overlay, 5% loss', {
    overlay: { model: 'random-regular', degree: 8 },
    network: { latency: uniformLatency, loss: 0.05 },
    metrics: { sample: '200ms' },
    workload: { broadcasts: [{ protocol: 'flood', maxRounds: 40 }] },
  }],
  ['flood and push once on a barabasi-albert overlay, constant latency (windows of exactly one latency)', {
    overlay: { model: 'barabasi-albert', degree: 4 },
    network: { latency: '100ms' },
    workload: { broadcasts: [{ protocol: 'flood', origin: 5 }, { at: '3s', protocol: 'push', forward: 'once', fanout: 3, targets: 'neighbours' }] },
  }],
  ['three overlapping push-pull broadcasts from random origins', {
    network: { latency: uniformLatency, loss: 0.02 },
    workload: { broadcasts: [{ count: 3, every: '2s', origin: 'random', protocol: 'push-pull', targets: 'uniform', period: '700ms' }] },
  }],
  ['push cut short by the duration (messages still in flight, not ended)', {
    duration: '4200ms',
    metrics: { sample: '500ms' },
    workload: { broadcasts: [{ protocol: 'push', targets: 'uniform', fanout: 2, period: '1s' }] },
  }],
  ['push with few rounds allowed (never reaches everyone)', {
    workload: { broadcasts: [{ protocol: 'push', targets: 'uniform', fanout: 1, period: '1s', maxRounds: 6 }] },
  }],
  // Two controller events at one instant: a thread must not gossip in the second while
  // another still acts for the same peers in the first (tick-share.ts, `separate`).
  ['push every second and pull every 500 ms at once (their ticks fall at the same instants)', {
    workload: { broadcasts: [
      { at: '1s', protocol: 'push', targets: 'uniform', fanout: 1, period: '1s' },
      { at: '3s', protocol: 'pull', targets: 'neighbours', fanout: 1, period: '500ms' }] },
  }],
  ['a flood and a push once starting at the instants of a push-pull tick', {
    workload: { broadcasts: [
      { at: '1s', protocol: 'push-pull', targets: 'uniform', fanout: 1, period: '1s' },
      { at: '3s', protocol: 'flood', origin: 'random' },
      { at: '4s', protocol: 'push', forward: 'once', fanout: 3, targets: 'uniform', origin: 'random' }] },
  }],
];

function scenario(seed: number, peers: number, extra: Record<string, unknown>) {
  return validate({
    name: 'parallel test',
    seed,
    duration: '2min',
    peers: { count: peers },
    network: { latency: uniformLatency },
    overlay: { model: 'random-regular', degree: 6 },
    ...extra,
  });
}

/** Runs `s` split on 2 and 3 threads, each with the one-thread results; returns those. */
async function splitAsOneThread(s: ReturnType<typeof scenario>) {
  const one = runScenario(s);
  const expected = text(one);
  for (const workers of [2, 3]) {
    const r = await runSimulation(s, { workers });
    expect(r.engine.workers).toBe(workers);
    expect(r.engine.workersNote).toBeUndefined();
    expect(text(r)).toBe(expected);
  }
  return one;
}

describe('runSimulation gives the one-thread results', () => {
  cases.forEach(([name, extra], i) => {
    it(name, async () => {
      const s = scenario(11 + i, 1500 + 97 * i, extra);
      const one = await splitAsOneThread(s);
      // the run is not trivial: the rumour spread, and the time series has rows
      expect(one.broadcasts!.every((b) => b.reached > 1)).toBe(true);
      expect(one.series.time.length).toBeGreaterThan(3);
    });
  });

  describe('failures (each thread applies them to its own copy of the overlay and of who is alive)', () => {
    const failureCases: Array<[string, Record<string, unknown>]> = [
      ['a targeted attack, then a flood (the resilience lesson, larger)', {
        overlay: { model: 'barabasi-albert', degree: 4 },
        failures: [{ at: '10s', fraction: 0.05, target: 'degree' }],
        workload: { broadcasts: [{ at: '20s', protocol: 'flood', origin: 'random' }] },
      }],
      ['crashes while a push and a pull spread (their ticks after them), 5% loss, and one after both ended', {
        network: { latency: uniformLatency, loss: 0.05 },
        failures: [
          { at: '3s', fraction: 0.3, target: 'random' },
          { at: '5500ms', fraction: 0.2, target: 'degree' },
          { at: '100s', fraction: 0.5, target: 'random' }],
        workload: { broadcasts: [
          { at: '1s', protocol: 'push', targets: 'uniform', fanout: 1, period: '1s' },
          { at: '2s', protocol: 'pull', targets: 'neighbours', fanout: 1, period: '500ms' }] },
      }],
      ['a crash at the instant a flood starts and push-pull ticks, with a trace (under 500 peers)', {
        network: { latency: '100ms' },
        failures: [{ at: '4s', fraction: 0.4, target: 'random' }],
        workload: { broadcasts: [
          { at: '1s', protocol: 'push-pull', targets: 'neighbours', fanout: 1, period: '1s', origin: 'random' },
          { at: '4s', protocol: 'flood', origin: 'random' }] },
      }],
    ];
    failureCases.forEach(([name, extra], i) => {
      it(name, async () => {
        const s = scenario(31 + i, i === 2 ? 450 : 3000 + 101 * i, extra);
        const one = await splitAsOneThread(s);
        // the failures did something the results show: peers down, links lost, rumours cut off
        const n = s.peers.count;
        expect(one.resilience!.length).toBe(s.failures.length);
        expect(one.resilience!.every((f) => (f.removed as number) > 0 && (f.largestComponentFraction as number) < 1)).toBe(true);
        expect(one.series.largestComponentFraction.some((x) => x !== null && x < 1)).toBe(true);
        expect(one.broadcasts!.some((b) => b.alive < n && b.reached > 1)).toBe(true);
        expect(one.broadcasts!.some((b) => (b.reachedEver as number) > b.reached || (b.dropped as number) > 0 || b.reached < b.alive)).toBe(true);
      });
    });
  });

  it('shares out the largest-component searches among the threads, also when only every k-th sample has one', async () => {
    // 20,000 peers of degree 4 sampled every second for 3,000 s: over the observer's budget,
    // so it searches every k-th sample (k > 1); the floods every 500 s keep the run going.
    const s = validate({
      name: 'observer split', seed: 5, duration: '3000s', peers: { count: 20_000 },
      network: { latency: uniformLatency }, overlay: { model: 'random-regular', degree: 4 },
      failures: [{ at: '200s', fraction: 0.3 }, { at: '1200s', fraction: 0.2, target: 'degree' }],
      workload: { broadcasts: [{ protocol: 'flood', origin: 'random', count: 6, every: '500s' }] },
      metrics: { sample: '1s' },
    });
    const one = await splitAsOneThread(s);
    const k = (one.dynamics as { largestComponentEvery: number }).largestComponentEvery;
    expect(k).toBeGreaterThan(1);
    const lcf = one.series.largestComponentFraction;
    expect(lcf.length).toBeGreaterThan(2000);
    lcf.forEach((x, i) => (i % k === 0 ? expect(x).not.toBeNull() : expect(x).toBeNull()));
    expect(lcf[0]).toBe(1);
    expect(lcf[lcf.length - 1 - ((lcf.length - 1) % k)]).toBeLessThan(1);
  });

  it('a duration cut leaves the broadcast not ended, and in-flight duplicates uncounted, as one thread does', async () => {
    const s = scenario(3, 2000, cases[7][1]);
    const r = await runSimulation(s, { workers: 2 });
    expect(r.broadcasts![0].ended).toBe(false);
    expect(r.engine.simulatedSeconds).toBe(4.2);
  });

  it('says how many threads it used when fewer than requested (at least 32 peers each)', async () => {
    const s = scenario(5, 100, cases[0][1]);
    const r = await runSimulation(s, { workers: 4 });
    expect(r.engine.workers).toBe(2);
    expect(r.engine.workersNote).toMatch(/2 threads used of the 4 requested/);
    expect(text(r)).toBe(text(runScenario(s)));
  });

  it('workers 1 is the one-thread run, with no note', async () => {
    const s = scenario(6, 500, cases[4][1]);
    const r = await runSimulation(s, { workers: 1 });
    expect(r.engine.workers).toBe(1);
    expect(r.engine.workersNote).toBeUndefined();
    expect(text(r)).toBe(text(runScenario(s)));
  });

  it('shares out round ticks and the path-length BFS among the workers, with the one-thread results', async () => {
    // 20,000 peers: 625 bitset words, 3 chunks a tick; more than 2,000 peers: 64 sampled BFS sources
    const s = scenario(8, 20_000, cases[0][1]);
    const expected = text(runScenario(s));
    for (const workers of [2, 3]) {
      let stats: ParallelRunStats | null = null;
      const r = await runSimulation(s, { workers, onStats: (x) => { stats = x; } });
      expect(text(r)).toBe(expected);
      const parts = (stats as ParallelRunStats | null)!.partitions;
      // One broadcast: each tick that gossiped was shared out, then settled by one barrier.
      const ticks = parts[0].tickBarriers;
      expect(ticks).toBeGreaterThanOrEqual(r.broadcasts![0].rounds! - 1);
      for (const p of parts) expect(p.tickBarriers).toBe(ticks);
      const chunks = Math.ceil(Math.ceil(20_000 / 32) / CHUNK_WORDS);
      expect(chunks).toBe(3);
      expect(parts.reduce((a, p) => a + p.tickChunks, 0)).toBe(ticks * chunks);
      for (const p of parts) expect(p.pathSeconds).toBeGreaterThan(0);
      // Arrivals of push in rounds send nothing: after each tick's window (one latency long,
      // ~0.05 s here) one window runs to the next tick, instead of one a latency (~6 a round).
      expect(parts[0].windows).toBeLessThanOrEqual(2 * ticks + 6);
    }
  });

  it('reports the one-thread components, whether the split BFS shows the overlay connected or not', async () => {
    // Above 2,000 peers the BFS is split among the workers; the components come from it when
    // it reached every peer from every source, and are searched after it otherwise.
    const connected = scenario(12, 3000, cases[4][1]);
    const disconnected = scenario(13, 3000, { ...cases[4][1], overlay: { model: 'erdos-renyi', degree: 2 } });
    const components: number[] = [];
    for (const s of [connected, disconnected]) {
      const one = runScenario(s);
      components.push(one.overlay.components as number);
      expect(text(await runSimulation(s, { workers: 2 }))).toBe(text(one));
    }
    expect(components[0]).toBe(1);
    expect(components[1]).toBeGreaterThan(100);
  });

  it('runs partition 0 on this thread and the others on workers (one Node runtime fewer)', async () => {
    const s = scenario(14, 3000, cases[4][1]);
    let stats: ParallelRunStats | null = null;
    const r = await runSimulation(s, { workers: 3, onStats: (x) => { stats = x; } });
    expect(text(r)).toBe(text(runScenario(s)));
    const ids = (stats as ParallelRunStats | null)!.partitions.map((p) => p.threadId);
    expect(ids[0]).toBe(threadId);
    expect(new Set(ids).size).toBe(3);
  });

  it('without overlap the main thread summarises the overlay alone, with the same results', async () => {
    const s = scenario(9, 3000, cases[4][1]);
    let stats: ParallelRunStats | null = null;
    const r = await runSimulation(s, { workers: 2, overlap: false, onStats: (x) => { stats = x; } });
    expect(text(r)).toBe(text(runScenario(s)));
    for (const p of (stats as ParallelRunStats | null)!.partitions) expect(p.pathSeconds).toBe(0);
  });
});

/**
 * Property: every scenario the split engine accepts gives the one-thread results, byte for
 * byte, on 2 and 3 workers. fast-check draws the scenarios from a fixed seed (the same cases
 * every run): mixes of push, pull, push-pull and flood broadcasts on either engine, in rounds or once, that
 * start and tick at shared instants; failures (random or by degree) before, during and after
 * them, some at those instants; four overlays, three latency laws, loss. A second property
 * mixes every family (searches, churn, peer sampling, capacity, aggregation, failures with
 * and without repair, both engines). A failing case is shrunk to a small one and printed.
 * Needs the built worker (npm run build).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../sim/run/run';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { loadScenarioText } from '../../sim/scenario/load';
import type { Scenario } from '../../sim/scenario/schema';
import { validate } from '../../sim/scenario/validate';
import { splitsToday } from '../helpers/splits';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

/** Where two results texts first differ, in a few words (the whole texts are long). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? 'identical' : `first difference at character ${i}: …${a.slice(Math.max(0, i - 80), i + 40)}… against …${b.slice(Math.max(0, i - 80), i + 40)}…`;
}

/** `s` splits on 2 and 3 workers and gives its one-thread results, whose text it returns. */
async function splitsAlike(s: Scenario): Promise<string> {
  expect(splitsToday(s)).toBe(true);
  const expected = text(runScenario(s));
  for (const workers of [2, 3]) {
    const r = await runSimulation(s, { workers });
    expect(r.engine.workers).toBe(workers);
    expect(firstDifference(text(r), expected), `${workers} workers`).toBe('identical');
  }
  return expected;
}

/** Instants on a coarse grid, so that starts, ticks and failures often coincide. */
const instant = fc.constantFrom('0s', '500ms', '1s', '2s', '2500ms', '3s', '4s');

const broadcast = fc.oneof(
  fc.record({ protocol: fc.constant('flood'), at: instant, origin: fc.oneof(fc.constant('random'), fc.nat(99)) }),
  fc.record({
    protocol: fc.constantFrom('push', 'pull', 'push-pull'),
    at: instant,
    origin: fc.oneof(fc.constant('random'), fc.nat(99)),
    targets: fc.constantFrom('uniform', 'neighbours'),
    fanout: fc.integer({ min: 1, max: 2 }),
    period: fc.constantFrom('500ms', '1s'),
    forward: fc.constantFrom('rounds', 'once'),
    count: fc.integer({ min: 1, max: 2 }),
    every: fc.constantFrom('1s', '3s'),
  }).map((b) => (b.protocol === 'pull' ? { ...b, forward: 'rounds' } : b)),
);

/** `arb` one time in `1 + absent`, else `none`. */
const sometimes = <T, N>(arb: fc.Arbitrary<T>, absent: number, none: N) =>
  fc.oneof({ arbitrary: fc.constant(none), weight: absent }, { arbitrary: arb, weight: 1 });

const failure = fc.record({
  at: instant,
  fraction: fc.constantFrom(0.05, 0.3, 0.6, 0.95),
  target: fc.constantFrom('random', 'degree'),
});

const scenario = fc.record({
  seed: fc.nat(10_000),
  engine: fc.constantFrom('event', 'event', 'cycle'),
  peers: fc.constantFrom(150, 700, 2500),
  duration: fc.constantFrom('6s', '30s'),
  latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '50ms', max: '300ms' }, '100ms', { dist: 'pareto', scale: '40ms', shape: 2.5 }),
  loss: fc.constantFrom(0, 0.05),
  model: fc.constantFrom('random-regular', 'barabasi-albert', 'erdos-renyi', 'watts-strogatz'),
  degree: fc.constantFrom(4, 6),
  sample: fc.constantFrom('500ms', '1s'),
  broadcasts: fc.array(broadcast, { minLength: 1, maxLength: 3 }),
  failures: fc.array(failure, { maxLength: 2 }),
});

describe('random scenarios split across workers', () => {
  it('give the one-thread results on 2 and 3 workers, on both engines (fast-check, fixed seed)', async () => {
    let cycles = 0, lossyAsks = 0;
    await fc.assert(fc.asyncProperty(scenario, async (c) => {
      const s = validate({
        name: 'random', seed: c.seed, duration: c.duration, engine: c.engine, peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss }, overlay: { model: c.model, degree: c.degree },
        failures: c.failures, workload: { broadcasts: c.broadcasts }, metrics: { sample: c.sample },
      });
      const expected = text(runScenario(s));
      // Broadcasts and failures split on both engines (docs/parallel.md), pull and push-pull
      // rounds with loss on the cycle engine too (a pull's answer draws its loss from the requester's stream).
      if (c.engine === 'cycle') cycles++;
      if (c.engine === 'cycle' && c.loss > 0 && c.broadcasts.some((b) => b.protocol === 'pull' || b.protocol === 'push-pull')) lossyAsks++;
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(firstDifference(text(r), expected), `${workers} workers`).toBe('identical');
      }
    }), { seed: 20261202, numRuns: 20, endOnFailure: false });
    // The draw covers split cycle-engine rounds, pull or push-pull with loss among them (a
    // fixed seed: the same cases every run).
    expect(cycles).toBeGreaterThan(2);
    expect(lossyAsks).toBeGreaterThan(0);
  });

  // Every family, mixed: what splits runs on 2 and 3 threads, what does not falls back to
  // one thread and says so; either way the results are the one-thread ones.
  const search = fc.record({
    protocol: fc.constantFrom('flood', 'random-walk', 'expanding-ring', 'directory'),
    count: fc.integer({ min: 1, max: 6 }),
    start: instant,
    spacing: fc.constantFrom('100ms', '700ms'),
    ttl: fc.integer({ min: 2, max: 4 }),
  });
  const mixed = fc.record({
    seed: fc.nat(10_000),
    peers: fc.constantFrom(150, 600),
    engine: fc.constantFrom('event', 'event', 'event', 'cycle'),
    latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '50ms', max: '300ms' }, '100ms'),
    loss: fc.constantFrom(0, 0.05),
    broadcasts: fc.array(broadcast, { maxLength: 2 }),
    searches: sometimes(fc.array(search, { minLength: 1, maxLength: 2 }), 1, []),
    failures: fc.array(failure, { maxLength: 1 }),
    repair: fc.boolean(),
    churn: sometimes(fc.record({ session: fc.constantFrom('3s', '20s'), downtime: fc.constantFrom('1s', '5s'), sync: fc.boolean() }), 3, null),
    sampling: sometimes(fc.record({ protocol: fc.constantFrom('cyclon', 'newscast'), period: fc.constantFrom('500ms', '1s'), viewSize: fc.constantFrom(4, 8), shuffleLength: fc.constantFrom(2, 4) }), 3, null),
    aggregation: sometimes(fc.record({
      aggregate: fc.constantFrom('average', 'count'), targets: fc.constantFrom('uniform', 'neighbours'),
      period: fc.constantFrom('500ms', '1s'), cycles: fc.integer({ min: 1, max: 8 }), start: instant,
    }), 1, null),
    capacity: sometimes(fc.constant({ mode: 'p2p', file: '4MB', chunk: '256KiB', server: { upload: '20Mbps' }, peer: { upload: '2Mbps', download: '10Mbps' }, neighbours: 8 }), 5, null),
  });

  it('every family, mixed: the one-thread results on 2 and 3 workers, split where every family splits (fast-check, fixed seed)', async () => {
    let split = 0, single = 0, splitRings = 0, splitDirectories = 0;
    await fc.assert(fc.asyncProperty(mixed, async (c) => {
      const s = validate({
        name: 'mixed', seed: c.seed, duration: '6s', engine: c.engine, peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss },
        overlay: { model: 'random-regular', degree: 4, repair: c.repair, ...(c.sampling ? { sampling: c.sampling } : {}) },
        failures: c.failures, workload: { broadcasts: c.broadcasts, searches: c.searches },
        ...(c.churn ? { churn: c.churn } : {}),
        ...(c.aggregation ? { aggregation: c.aggregation } : {}),
        ...(c.capacity ? { capacity: c.capacity } : {}),
        ...(c.searches.some((x) => x.protocol === 'directory') ? { hybrid: { superPeers: 0.05 } } : {}),
        metrics: { sample: '1s' },
      });
      const expected = text(runScenario(s));
      const splits = splitsToday(s);
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(firstDifference(text(r), expected), `${workers} workers`).toBe('identical');
        if (splits) expect(r.engine.workers).toBe(workers);
        else {
          expect(r.engine.workers).toBe(1);
          expect(r.engine.workersNote).toMatch(/ran on one thread/);
        }
      }
      if (splits) split++; else single++;
      if (splits && c.searches.some((x) => x.protocol === 'expanding-ring')) splitRings++;
      if (splits && c.searches.some((x) => x.protocol === 'directory')) splitDirectories++;
    }), { seed: 20261207, numRuns: 60, endOnFailure: false });
    // The draw covers both sides, and split rings and directories (a fixed seed: the same cases every run).
    expect(split).toBeGreaterThan(2);
    expect(single).toBeGreaterThan(2);
    expect(splitRings).toBeGreaterThan(0);
    expect(splitDirectories).toBeGreaterThan(0);
  });
});

// Churn (with peer sampling, or with walks and repair, with or without arrivals) and peer
// sampling, whose peer events change who is alive, the views and the links, with searches
// (the directory too), broadcasts, anti-entropy and aggregation, on both engines: split on
// 2 and 3 threads, the one-thread results byte for byte.
describe('random churn and peer-sampling scenarios split across workers', () => {
  const dynamics = fc.record({
    seed: fc.nat(10_000),
    engine: fc.constantFrom('event', 'event', 'cycle'),
    peers: fc.constantFrom(150, 700),
    latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '20ms', max: '120ms' }, '100ms', { dist: 'pareto', scale: '40ms', shape: 2.5 }),
    loss: fc.constantFrom(0, 0.05),
    refresh: fc.constantFrom('300ms', '1s', '4s'),
    // Without peer sampling: churn with or without repair, its links made by walks.
    sampling: fc.oneof(fc.constant(null), fc.record({ protocol: fc.constantFrom('cyclon', 'newscast'), period: fc.constantFrom('500ms', '2s'), viewSize: fc.constantFrom(4, 8), shuffleLength: fc.constantFrom(2, 4) })),
    repair: fc.boolean(),
    churn: fc.oneof(fc.constant(null), fc.record({
      session: fc.constantFrom<unknown>('3s', '20s', { dist: 'weibull', shape: 0.6, scale: '10s' }), downtime: fc.constantFrom('1s', '5s'),
      sync: fc.constantFrom(true, true, false),
      // Brand-new peers: none, a few, or enough (up to 300 in 20 s) to fill many 32-peer words.
      arrivals: fc.constantFrom(0, 0, 0.5, 4, 15),
    })),
    searches: fc.array(fc.record({
      protocol: fc.constantFrom('flood', 'random-walk', 'directory'), count: fc.integer({ min: 1, max: 6 }), start: instant, spacing: fc.constantFrom('100ms', '700ms'), ttl: fc.integer({ min: 2, max: 4 }),
    }), { maxLength: 2 }),
    // Half of them pushes once to uniform targets, which under drawn churn forward to targets
    // drawn from the live snapshot (global knowledge) at the receiving peer's event.
    broadcasts: fc.array(fc.oneof(broadcast, broadcast.map((b) => ({ ...b, protocol: b.protocol === 'push-pull' ? 'push-pull' : 'push', forward: 'once', targets: 'uniform' }))), { maxLength: 2 }),
    // Uniform partners under drawn churn come from the live snapshot (global knowledge).
    aggregation: fc.oneof(fc.constant(null), fc.constant(null), fc.record({
      aggregate: fc.constantFrom('average', 'count'), targets: fc.constantFrom('uniform', 'neighbours'), period: fc.constantFrom('500ms', '1s'), cycles: fc.integer({ min: 1, max: 12 }), start: instant,
    })),
    sample: fc.constantFrom('500ms', '1s'),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    let split = 0, churnBroadcasts = 0, synced = 0, aggregated = 0, cycles = 0, directories = 0, arrived = 0, arrivedBroadcasts = 0, arrivedOthers = 0, knownTargets = 0, knownPartners = 0;
    await fc.assert(fc.asyncProperty(dynamics, async (c) => {
      // Churn or peer sampling in every case; churn in every cycle-engine case.
      const cycle = c.engine === 'cycle';
      const drawn = c.churn ?? (c.sampling && !cycle ? null : { session: '20s', downtime: '5s' });
      // Brand-new peers split beside every family (up to 300 arrivals: a traced cycle round's keys fit).
      const arriving = drawn !== null && 'arrivals' in drawn && drawn.arrivals > 0;
      const churn = drawn;
      const broadcasts = c.broadcasts;
      const searches = c.searches;
      const aggregation = cycle ? null : c.aggregation;
      const s = validate({
        name: 'dynamics', seed: c.seed, duration: '20s', engine: c.engine, peers: { count: c.peers },
        // (The cycle engine's aggregation stays on one thread; its pull replies with loss split.)
        network: { latency: c.latency, loss: c.loss, knowledgeRefresh: c.refresh },
        overlay: { model: 'random-regular', degree: 6, ...(c.sampling ? { sampling: c.sampling } : { repair: c.repair, maxDegree: 10 }) },
        workload: { searches, broadcasts },
        ...(churn ? { churn } : {}),
        ...(aggregation ? { aggregation } : {}),
        ...(searches.some((x) => x.protocol === 'directory') ? { hybrid: { superPeers: 0.05 } } : {}),
        metrics: { sample: c.sample },
      });
      await splitsAlike(s);
      split++;
      if (churn && broadcasts.length > 0) churnBroadcasts++;
      if (churn && 'sync' in churn && churn.sync && broadcasts.length > 0) synced++;
      if (churn && aggregation) aggregated++;
      if (arriving) arrived++;
      if (arriving && broadcasts.length > 0) arrivedBroadcasts++;
      if (arriving && (aggregation || searches.some((x) => x.protocol === 'directory'))) arrivedOthers++;
      if (cycle && churn && broadcasts.length > 0) cycles++;
      if (churn && searches.some((x) => x.protocol === 'directory')) directories++;
      // Forwarding on receipt to uniform targets, drawn from the live snapshot at a peer's event.
      if (churn && !cycle && broadcasts.some((b) => 'forward' in b && b.forward === 'once' && b.targets === 'uniform')) knownTargets++;
      if (churn && aggregation?.targets === 'uniform') knownPartners++;
    }), { seed: 20261207, numRuns: 30, endOnFailure: false });
    expect(split).toBe(30);
    // The draw covers each combination (a fixed seed: the same cases every run).
    expect(churnBroadcasts).toBeGreaterThan(3);
    expect(synced).toBeGreaterThan(1);
    expect(aggregated).toBeGreaterThan(1);
    expect(cycles).toBeGreaterThan(2);
    expect(directories).toBeGreaterThan(1);
    expect(arrived).toBeGreaterThan(2);
    expect(arrivedBroadcasts).toBeGreaterThan(1);
    expect(arrivedOthers).toBeGreaterThan(1);
    expect(knownTargets).toBeGreaterThan(1);
    expect(knownPartners).toBeGreaterThan(0);
  });
});

// Cycle-engine pull and push-pull rounds with loss: a pull's answer draws its loss from the
// requester's stream, in its own turn of the round (cycle-delivery.ts), so they split, here
// under drawn churn (brand-new peers too), with or without failures and peer sampling.
describe('cycle-engine pull and push-pull rounds with loss, under churn, split across workers', () => {
  const lossy = fc.record({
    seed: fc.nat(10_000),
    peers: fc.constantFrom(150, 700),
    latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '20ms', max: '120ms' }, '100ms'),
    loss: fc.constantFrom(0.05, 0.3),
    sampling: fc.oneof(fc.constant(null), fc.record({ protocol: fc.constantFrom('cyclon', 'newscast'), period: fc.constantFrom('500ms', '2s'), viewSize: fc.constant(8), shuffleLength: fc.constant(4) })),
    churn: fc.record({ session: fc.constantFrom('3s', '20s'), downtime: fc.constantFrom('1s', '5s'), sync: fc.boolean(), arrivals: fc.constantFrom(0, 0.5, 4) }),
    failures: fc.array(failure, { maxLength: 1 }),
    broadcasts: fc.array(broadcast.filter((b) => b.protocol === 'pull' || b.protocol === 'push-pull'), { minLength: 1, maxLength: 2 }),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    await fc.assert(fc.asyncProperty(lossy, async (c) => {
      const s = validate({
        name: 'lossy cycle', seed: c.seed, duration: '20s', engine: 'cycle', peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss, knowledgeRefresh: '1s' },
        overlay: { model: 'random-regular', degree: 6, ...(c.sampling ? { sampling: c.sampling } : { maxDegree: 10 }) },
        churn: c.churn, failures: c.failures, workload: { broadcasts: c.broadcasts }, metrics: { sample: '1s' },
      });
      const expected = await splitsAlike(s);
      // Messages were lost (the draws this split depends on).
      expect(JSON.parse(expected).broadcasts.some((b: { lost: number }) => b.lost > 0)).toBe(true);
    }), { seed: 20261208, numRuns: 8, endOnFailure: false });
  });
});

// A failure by degree under churn takes the directory's super-peers down: their members
// attach again at the failure (global knowledge rebuilt), before the repairs, in every
// thread for its own peers, as on one thread (a peer may draw from its streams for both).
describe('the super-peer directory under churn, failures by degree and repair, split across workers', () => {
  for (const seed of [0, 1, 2]) {
    it(`seed ${seed}: the one-thread results on 2 and 3 workers`, async () => {
      const s = validate({
        name: 'directory', seed, duration: '10s', peers: { count: 130 },
        network: { latency: { dist: 'uniform', min: '20ms', max: '120ms' }, knowledgeRefresh: '1s' },
        overlay: { model: 'random-regular', degree: 6, repair: true, maxDegree: 10 },
        churn: { session: { dist: 'weibull', shape: 0.6, scale: '5s' }, downtime: '2s' },
        failures: [{ at: '6s', fraction: 0.3, target: 'degree' }],
        workload: { searches: [{ protocol: 'directory', count: 10, start: '1s', spacing: '700ms', ttl: 3 }] },
        hybrid: { superPeers: 0.05 },
        metrics: { sample: '1s' },
      });
      const expected = runScenario(s);
      expect(expected.searches!.directory!.reattachments).toBeGreaterThan(0);
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(firstDifference(text(r), text(expected)), `${workers} workers`).toBe('identical');
      }
    });
  }
});

// Failures and trace steps: controller events that take peers of every thread down (and a
// trace's back up) while peers' events change the links (repair, joins' walks), the views
// (peer sampling) or who is alive (churn), beside broadcasts, searches (the directory too)
// and aggregation. Each thread writes its own peers' part between barriers
// (sim/dynamics/membership.ts): the one-thread results byte for byte.
describe('random failures and replayed traces over dynamic state split across workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gossipsim-split-trace-'));
  // A trace peer's sessions: (gap before it, length) in seconds, one after the other.
  const tracePeer = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 4 });
  const cases = fc.record({
    seed: fc.nat(10_000),
    peers: fc.constantFrom(150, 700),
    latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '20ms', max: '120ms' }, '100ms'),
    loss: fc.constantFrom(0, 0.05),
    refresh: fc.constantFrom('300ms', '1s', '4s'),
    sampling: sometimes(fc.record({ protocol: fc.constantFrom('cyclon', 'newscast'), period: fc.constantFrom('500ms', '2s'), viewSize: fc.constantFrom(4, 8), shuffleLength: fc.constantFrom(2, 4) }), 1, null),
    repair: fc.boolean(),
    // Drawn sessions, a replayed trace (sessions in tenths of a second), or failures alone.
    churn: fc.constantFrom('none', 'sessions', 'trace'),
    tracePeers: fc.array(tracePeer, { minLength: 1, maxLength: 100 }),
    traceScale: fc.constantFrom(0.1, 0.05),
    failures: fc.array(failure, { maxLength: 2 }),
    searches: fc.array(fc.record({
      protocol: fc.constantFrom('flood', 'random-walk', 'directory'), count: fc.integer({ min: 1, max: 4 }), start: instant, spacing: fc.constantFrom('100ms', '700ms'), ttl: fc.integer({ min: 2, max: 4 }),
    }), { maxLength: 1 }),
    // And a directory search beside them, half the time.
    directory: fc.boolean(),
    broadcasts: fc.array(broadcast, { maxLength: 2 }),
    aggregation: sometimes(fc.record({
      aggregate: fc.constantFrom('average', 'count'), targets: fc.constantFrom('uniform', 'neighbours'), period: fc.constantFrom('500ms', '1s'), cycles: fc.integer({ min: 1, max: 12 }), start: instant,
    }), 1, null),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    let split = 0, traces = 0, tracedBroadcasts = 0, tracedAggregation = 0, tracedDirectories = 0, withFailures = 0, runs = 0;
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const failures = c.churn === 'none' && c.failures.length === 0 ? [{ at: '2s', fraction: 0.3, target: 'random' }] : c.failures;
      let churn: object | null = null;
      if (c.churn === 'sessions') churn = { session: '8s', downtime: '2s' };
      if (c.churn === 'trace') {
        const file = join(dir, `trace-${runs}.csv`);
        const rows = c.tracePeers.flatMap((sessions, i) => {
          let end = 0;
          return sessions.map(([gap, length]) => [i, end + gap, (end += gap + length)]);
        }).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
        writeFileSync(file, `peer,start,end\n${rows.map(([i, start, end]) => `p${i},${start},${end}`).join('\n')}\n`);
        churn = { trace: file, traceScale: c.traceScale };
      }
      runs++;
      const searches = c.directory ? [...c.searches, { protocol: 'directory', count: 3, start: '1s', spacing: '500ms' }] : c.searches;
      const s = loadScenarioText(JSON.stringify({
        name: 'failures', seed: c.seed, duration: '8s', peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss, knowledgeRefresh: c.refresh },
        overlay: { model: 'random-regular', degree: 6, ...(c.sampling ? { sampling: c.sampling } : { repair: c.repair, maxDegree: 10 }) },
        failures, workload: { searches, broadcasts: c.broadcasts },
        ...(churn ? { churn } : {}),
        ...(c.aggregation ? { aggregation: c.aggregation } : {}),
        ...(searches.some((x) => x.protocol === 'directory') ? { hybrid: { superPeers: 0.05 } } : {}),
        metrics: { sample: '500ms' },
      }), join(dir, 'scenario.yaml'));
      // (A broadcast family may still refuse some protocol under churn: test/helpers/splits.ts.)
      const splits = splitsToday(s);
      const expected = text(runScenario(s));
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(splits ? workers : 1);
        expect(firstDifference(text(r), expected), `${workers} workers`).toBe('identical');
      }
      if (!splits) return;
      split++;
      if (c.churn === 'trace') traces++;
      if (c.churn === 'trace' && c.broadcasts.length > 0) tracedBroadcasts++;
      if (c.churn === 'trace' && c.aggregation) tracedAggregation++;
      if (c.churn === 'trace' && searches.some((x) => x.protocol === 'directory')) tracedDirectories++;
      if (failures.length > 0) {
        withFailures++;
        seen.add(`failures with ${c.churn === 'none' ? '' : `${c.churn} and `}${c.sampling ? 'sampling' : c.repair ? 'repair' : 'links'}`);
      }
    }), { seed: 20261208, numRuns: 32, endOnFailure: false });
    // The draw covers traces and failures over every kind of dynamic state (a fixed seed:
    // the same cases every run).
    expect(split).toBeGreaterThan(26);
    expect(traces).toBeGreaterThan(3);
    expect(tracedBroadcasts).toBeGreaterThan(1);
    expect(tracedAggregation).toBeGreaterThan(1);
    expect(tracedDirectories).toBeGreaterThan(1);
    expect(withFailures).toBeGreaterThan(10);
    for (const state of ['links', 'repair', 'sampling']) {
      for (const churn of ['', 'sessions and ', 'trace and ']) {
        if (!(churn === 'trace and ' && state === 'links')) expect([...seen]).toContain(`failures with ${churn}${state}`);
      }
    }
  });

  // Two cases this property found (shrunk), kept as they are: a failure under drawn churn
  // did not tell the directory that global knowledge was rebuilt in a split run; with peer
  // sampling, one thread chose the super-peers from the overlay before a trace's first
  // departures, a split run after them.
  it('failures under churn, and a trace with peer sampling, beside directory searches', async () => {
    const file = join(dir, 'two-peers.csv');
    writeFileSync(file, 'peer,start,end\np0,0,1\np1,1,2\n');
    const common = {
      name: 'regression', seed: 0, duration: '8s', peers: { count: 150 },
      network: { latency: { dist: 'uniform', min: '20ms', max: '120ms' }, knowledgeRefresh: '300ms' },
      workload: { searches: [{ protocol: 'directory', count: 3, start: '0s', spacing: '500ms' }] }, hybrid: { superPeers: 0.05 },
      metrics: { sample: '500ms' },
    };
    for (const extra of [
      { overlay: { model: 'random-regular', degree: 6, maxDegree: 10 }, churn: { session: '8s', downtime: '2s' }, failures: [{ at: '0s', fraction: 0.05, target: 'degree' }] },
      { overlay: { model: 'random-regular', degree: 6, sampling: { protocol: 'cyclon', period: '500ms', viewSize: 4, shuffleLength: 2 } }, churn: { trace: file, traceScale: 0.1 } },
    ]) {
      const s = loadScenarioText(JSON.stringify({ ...common, ...extra }), join(dir, 'scenario.yaml'));
      const expected = text(runScenario(s));
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(firstDifference(text(r), expected), `${workers} workers`).toBe('identical');
      }
    }
  });
});

/**
 * Churn arrivals in a split run (docs/parallel.md): who owns a brand-new peer (ids dealt to
 * the partitions by 32-peer words in turn), that the shared arrays' room is the run's exact
 * number of arrivals, and that runs with many arrivals give the one-thread results on 2
 * and 3 workers. Needs the built worker (npm run build).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalsIn } from '../../sim/dynamics/churn/split';
import { allocateOutbox, OutboxWriter } from '../../sim/parallel/outbox';
import { Ownership, partitionPeers, usableThreads } from '../../sim/parallel/partition';
import { PartitionSimulator } from '../../sim/parallel/partition-simulator';
import { runSimulation } from '../../sim/run/run';
import { planParallelRun } from '../../sim/parallel/eligibility';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { validate } from '../../sim/scenario/validate';
import type { Results } from '../../sim/run/results';
import type { Scenario } from '../../sim/scenario/schema';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

/** 2 and 3 workers split `s` and give `expected`, its one-thread results, byte for byte. */
async function expectSplitAlike(s: Scenario, expected: Results): Promise<void> {
  for (const workers of [2, 3]) {
    const r = await runSimulation(s, { workers });
    expect(r.engine.workers, String(r.engine.workersNote)).toBe(workers);
    expect(text(r)).toBe(text(expected));
  }
}

/** Peer sampling, or none: then links made by walks, with or without repair. */
const sampling = fc.oneof(fc.constant(null), fc.record({ protocol: fc.constantFrom('cyclon', 'newscast'), period: fc.constantFrom('500ms', '2s'), viewSize: fc.constantFrom(4, 8), shuffleLength: fc.constant(4) }));
const overlay = (c: { sampling: unknown; repair: boolean }) => ({ model: 'random-regular', degree: 6, ...(c.sampling ? { sampling: c.sampling } : { repair: c.repair, maxDegree: 10 }) });
const network = { latency: { dist: 'uniform', min: '20ms', max: '120ms' }, knowledgeRefresh: '1s' };

describe('Ownership: the initial peers by range, the arrivals by 32-peer words in turn', () => {
  for (const [initial, requested] of [[64, 2], [100, 3], [150, 3], [1000, 3], [4097, 4], [96, 2]]) {
    const threads = usableThreads(initial, requested);
    const { blockSize, bounds } = partitionPeers(initial, threads);
    const parts = Array.from({ length: threads }, (_, me) => new Ownership(initial, threads, blockSize, me));
    const count = parts[0].dealtFrom + 32 * threads * 5 + 17;
    it(`${initial} peers on ${threads} threads, ${count - initial} arrivals: one owner each, word-aligned, spread evenly`, () => {
      const ownedBy = new Int32Array(count).fill(-1);
      for (const part of parts) {
        const r = part.ranges(count);
        for (let i = 0; i < r.length; i += 2) {
          // Whole words, but where the ids end; in increasing order.
          expect(r[i] % 32).toBe(0);
          expect(r[i + 1] % 32 === 0 || r[i + 1] === count).toBe(true);
          if (i > 0) expect(r[i]).toBeGreaterThanOrEqual(r[i - 1]);
          for (let p = r[i]; p < r[i + 1]; p++) {
            expect(ownedBy[p]).toBe(-1);
            ownedBy[p] = part.me;
          }
        }
      }
      for (let p = 0; p < count; p++) {
        expect(ownedBy[p]).toBeGreaterThanOrEqual(0);
        // owns() and owner() say the same as the ranges, in every partition.
        for (const part of parts) {
          expect(part.owner(p)).toBe(ownedBy[p]);
          expect(part.owns(p)).toBe(ownedBy[p] === part.me);
        }
        // The initial peers keep their contiguous ranges.
        if (p < initial) expect(p >= bounds[ownedBy[p]] && p < bounds[ownedBy[p] + 1]).toBe(true);
      }
      // The arrivals past the initial words: each partition gets 5 whole words of them, one a part of a sixth.
      const dealtFrom = parts[0].dealtFrom;
      for (const part of parts) {
        let arrivals = 0;
        for (let p = dealtFrom; p < count; p++) if (ownedBy[p] === part.me) arrivals++;
        expect(arrivals).toBeGreaterThanOrEqual(5 * 32);
        expect(arrivals).toBeLessThanOrEqual(5 * 32 + 17);
      }
    });
  }

  it('the engine routes an event for an arrival to its owner: this partition\'s queue or the owner\'s outbox', () => {
    // 128 initial peers in two partitions of 64; this is partition 0; ids from 128 dealt by words.
    const out = new OutboxWriter(allocateOutbox());
    const sim = new PartitionSimulator(512, 0, 64, 64, [null, out], undefined, 1024, 128);
    const kind = sim.registerKind('k', () => undefined);
    sim.at(1, kind, 130, 2);  // word 0 past 128: partition 0
    sim.at(1, kind, 170, 2);  // word 1: partition 1
    sim.at(1, kind, 200, 2);  // word 2: partition 0
    sim.at(1, kind, 100, 2);  // an initial peer of partition 1
    expect(sim.queue.size).toBe(2);
    expect(out.count).toBe(2);
  });
});

describe('the room for arrivals', () => {
  it('is the number of peers that arrive in the one-thread run, exactly', () => {
    for (const [seed, rate, duration] of [[1, 10, '20s'], [2, 0.5, '60s'], [3, 40, '5s'], [4, 0.01, '10s']] as const) {
      const s = validate({ name: 'room', seed, duration, peers: { count: 100 }, churn: { session: '5s', downtime: '2s', arrivals: rate } });
      expect(arrivalsIn(s)).toBe(runScenario(s).churn!.arrivals);
    }
  });
});

describe('many arrivals, split across workers', () => {
  // 200 initial peers (7 words: 3 partitions) and about 300 arrivals in 15 s: about 9 more
  // words, dealt to the partitions in turn. Searches start from and reach the new peers.
  const cases = fc.record({
    seed: fc.nat(10_000),
    sampling,
    repair: fc.boolean(),
    session: fc.constantFrom<unknown>('4s', { dist: 'weibull', shape: 0.6, scale: '6s' }),
    search: fc.constantFrom('flood', 'random-walk'),
    refresh: fc.constantFrom('300ms', '1s'),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const s = validate({
        name: 'arrivals', seed: c.seed, duration: '15s', peers: { count: 200 },
        network: { latency: { dist: 'uniform', min: '20ms', max: '120ms' }, knowledgeRefresh: c.refresh },
        overlay: overlay(c),
        churn: { session: c.session, downtime: '3s', arrivals: 20 },
        workload: { searches: [{ protocol: c.search, count: 8, start: '2s', spacing: '1s', ttl: 4 }] },
        metrics: { sample: '1s' },
      });
      const expected = runScenario(s);
      expect(expected.churn!.arrivals).toBeGreaterThan(6 * 32);
      await expectSplitAlike(s, expected);
    }), { seed: 20261208, numRuns: 6, endOnFailure: false });
  });
});

describe('arrivals with failures, split across workers', () => {
  // Failures take down the peers alive at their instant, arrivals among them, each
  // thread its own victims (membership.ts); peers that arrive after a failure are spared.
  const cases = fc.record({
    seed: fc.nat(10_000),
    sampling,
    repair: fc.boolean(),
    failures: fc.array(fc.record({ at: fc.constantFrom('1s', '2s', '3500ms', '6s'), fraction: fc.constantFrom(0.05, 0.3, 0.6), target: fc.constantFrom('random', 'degree') }), { minLength: 1, maxLength: 2 }),
    search: fc.constantFrom('flood', 'random-walk'),
    peers: fc.constantFrom(130, 200),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const s = validate({
        name: 'arrivals', seed: c.seed, duration: '10s', peers: { count: c.peers },
        network,
        overlay: overlay(c),
        churn: { session: { dist: 'weibull', shape: 0.6, scale: '6s' }, downtime: '3s', arrivals: 20 },
        failures: c.failures,
        workload: { searches: [{ protocol: c.search, count: 8, start: '1s', spacing: '1s', ttl: 4 }] },
        metrics: { sample: '1s' },
      });
      const expected = runScenario(s);
      // Arrivals past the initial words, and failures that took peers down.
      expect(expected.churn!.arrivals).toBeGreaterThan(64);
      expect(expected.resilience!.some((f) => f.removed > 0)).toBe(true);
      await expectSplitAlike(s, expected);
    }), { seed: 4242, numRuns: 8, endOnFailure: false });
  });
});

describe('arrivals with broadcasts and anti-entropy, split across workers', () => {
  // The broadcast split acts for each thread's own peers by ownership: the arrivals' words
  // go round the threads, their informed bits too (bitset-exchange.ts), and each thread
  // counts its arrivals going down and coming back (churn.ts). Random origins may be arrivals.
  const cases = fc.record({
    seed: fc.nat(10_000),
    sampling,
    repair: fc.boolean(),
    sync: fc.constantFrom(true, true, false),
    broadcasts: fc.array(fc.oneof(
      fc.record({ protocol: fc.constant('flood'), at: fc.constantFrom('2s', '5s', '9s'), origin: fc.constantFrom<unknown>('random', 3) }),
      fc.record({
        protocol: fc.constantFrom('push', 'pull', 'push-pull'), at: fc.constantFrom('1s', '4s', '8s'), origin: fc.constant('random'),
        targets: fc.constantFrom('uniform', 'neighbours'), fanout: fc.integer({ min: 1, max: 2 }), period: fc.constantFrom('500ms', '1s'),
        count: fc.integer({ min: 1, max: 3 }), every: fc.constantFrom('1s', '3s'),
      }),
    ), { minLength: 1, maxLength: 2 }),
    failures: fc.oneof(fc.constant([]), fc.constant([{ at: '6s', fraction: 0.3, target: 'degree' }])),
    peers: fc.constantFrom(130, 200),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    let arrivalsInformed = 0;
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const s = validate({
        name: 'arrivals', seed: c.seed, duration: '12s', peers: { count: c.peers },
        network,
        overlay: overlay(c),
        churn: { session: { dist: 'weibull', shape: 0.6, scale: '5s' }, downtime: '2s', arrivals: 20, sync: c.sync },
        failures: c.failures,
        workload: { broadcasts: c.broadcasts, searches: [{ protocol: 'flood', count: 3, start: '3s', spacing: '2s', ttl: 3 }] },
        metrics: { sample: '1s' },
      });
      const expected = runScenario(s);
      expect(expected.churn!.arrivals).toBeGreaterThan(64);
      if (expected.broadcasts!.some((b) => b.reached > c.peers)) arrivalsInformed++;
      await expectSplitAlike(s, expected);
    }), { seed: 27005, numRuns: 15, endOnFailure: false });
    // Broadcasts reached more peers than there were at the start: arrivals among them.
    expect(arrivalsInformed).toBeGreaterThan(3);
  });
});

describe('arrivals with aggregation and directory searches, split across workers', () => {
  // Aggregation keeps the initial peers' estimates (an arrival neither ticks nor is a
  // partner: component.ts); the directory's arrivals attach and register at their owner's
  // thread, and may be queries' origins and items' holders (super-peers.ts).
  const cases = fc.record({
    seed: fc.nat(10_000),
    sampling,
    repair: fc.boolean(),
    aggregation: fc.oneof(fc.constant(null), fc.record({ aggregate: fc.constantFrom('average', 'count'), period: fc.constantFrom('500ms', '1s'), cycles: fc.integer({ min: 2, max: 12 }), start: fc.constantFrom('1s', '3s') })),
    directory: fc.boolean(),
    failures: fc.oneof(fc.constant([]), fc.constant([{ at: '6s', fraction: 0.3, target: 'degree' }])),
    peers: fc.constantFrom(130, 200),
  }).filter((c) => c.aggregation !== null || c.directory);

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    let aggregated = 0, directories = 0;
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const searches = [{ protocol: c.directory ? 'directory' : 'flood', count: 10, start: '1s', spacing: '700ms', ttl: 3 }];
      const s = validate({
        name: 'arrivals', seed: c.seed, duration: '12s', peers: { count: c.peers },
        network,
        overlay: overlay(c),
        churn: { session: { dist: 'weibull', shape: 0.6, scale: '5s' }, downtime: '2s', arrivals: 20 },
        failures: c.failures,
        workload: { searches },
        ...(c.aggregation ? { aggregation: { ...c.aggregation, targets: 'neighbours' } } : {}),
        ...(c.directory ? { hybrid: { superPeers: 0.05 } } : {}),
        metrics: { sample: '1s' },
      });
      const expected = runScenario(s);
      expect(expected.churn!.arrivals).toBeGreaterThan(64);
      if (c.aggregation) aggregated++;
      if (c.directory) directories++;
      await expectSplitAlike(s, expected);
    }), { seed: 27006, numRuns: 12, endOnFailure: false });
    expect(aggregated).toBeGreaterThan(2);
    expect(directories).toBeGreaterThan(2);
  });
});

describe('arrivals with cycle-engine broadcast rounds, split across workers', () => {
  // A split round keys each message by its sender among every peer id of the run, arrivals
  // included, and each thread settles the bids of its own peers (cycle-rounds.ts).
  const cases = fc.record({
    seed: fc.nat(10_000),
    sampling,
    repair: fc.boolean(),
    sync: fc.boolean(),
    broadcasts: fc.array(fc.oneof(
      fc.record({ protocol: fc.constant('flood'), at: fc.constantFrom('2s', '5s', '9s'), origin: fc.constant('random') }),
      fc.record({
        protocol: fc.constantFrom('push', 'pull', 'push-pull'), at: fc.constantFrom('1s', '4s', '8s'), origin: fc.constant('random'),
        targets: fc.constantFrom('uniform', 'neighbours'), fanout: fc.integer({ min: 1, max: 2 }), period: fc.constantFrom('500ms', '1s'),
        forward: fc.constantFrom('rounds', 'once'), count: fc.integer({ min: 1, max: 3 }), every: fc.constantFrom('1s', '3s'),
      }).map((b) => (b.protocol === 'pull' ? { ...b, forward: 'rounds' } : b)),
    ), { minLength: 1, maxLength: 2 }),
    // With and without a trace (up to 500 initial peers).
    peers: fc.constantFrom(130, 600),
  });

  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    let arrivalsInformed = 0;
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      const s = validate({
        name: 'arrivals', seed: c.seed, duration: '12s', engine: 'cycle', peers: { count: c.peers },
        network,
        overlay: overlay(c),
        churn: { session: { dist: 'weibull', shape: 0.6, scale: '5s' }, downtime: '2s', arrivals: 20, sync: c.sync },
        workload: { broadcasts: c.broadcasts },
        metrics: { sample: '1s' },
      });
      const expected = runScenario(s);
      expect(expected.churn!.arrivals).toBeGreaterThan(64);
      if (expected.broadcasts!.some((b) => b.reached > c.peers)) arrivalsInformed++;
      await expectSplitAlike(s, expected);
    }), { seed: 27007, numRuns: 12, endOnFailure: false });
    expect(arrivalsInformed).toBeGreaterThan(3);
  });

  it('split with a trace when the arrivals take the run\'s peer ids past an Int32\'s keys (Int64 bids), and give the one-thread results', async () => {
    // 400 initial peers (a trace) and about 600 arrivals: 8 · 1000³ keys, past 2^31, bid in Int64 cells.
    const s = validate({
      name: 'arrivals', seed: 1, duration: '10s', engine: 'cycle', peers: { count: 400 }, network,
      churn: { session: '5s', downtime: '2s', arrivals: 60 },
      workload: { broadcasts: [{ protocol: 'push', at: '1s', period: '1s', targets: 'neighbours' }] },
    });
    const expected = runScenario(s);
    expect(expected.churn!.arrivals).toBeGreaterThan(500);
    expect(8 * (400 + arrivalsIn(s)) ** 3).toBeGreaterThan(2 ** 31);
    expect(expected.broadcasts![0].trace).toBeTruthy();
    await expectSplitAlike(s, expected);
  });

  it('stay on one thread with a trace when the run\'s peer ids are too many for a round\'s keys (over 104,031), and say so', () => {
    const s = validate({
      name: 'arrivals', seed: 1, duration: '10s', engine: 'cycle', peers: { count: 400 }, network,
      churn: { session: '5s', downtime: '2s', arrivals: 12_000 },
      workload: { broadcasts: [{ protocol: 'push', at: '1s', period: '1s', targets: 'neighbours' }] },
    });
    const plan = planParallelRun(s, 2);
    expect(plan.threads).toBe(1);
    expect(plan.note).toMatch(/cycle-engine rounds with a trace \(at most 500 peers\) and \d+ peer ids with the churn arrivals/);
  });

});

/**
 * Property: random scenarios with a structured overlay (Chord or Kademlia, ideal tables or
 * joins, iterative or recursive Chord lookups), dht searches beside floods and broadcasts,
 * loss, failures and churn give the one-thread results, byte for byte, on 2 and 3 workers:
 * every draw splits (test/helpers/splits.ts).
 * fast-check draws them from a fixed seed (the same cases every run). Needs the built
 * worker (npm run build).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../sim/run/run';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { validate } from '../../sim/scenario/validate';
import { splitsToday } from '../helpers/splits';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

/** `arb` one time in `1 + absent`, else `none`. */
const sometimes = <T, N>(arb: fc.Arbitrary<T>, absent: number, none: N) =>
  fc.oneof({ arbitrary: fc.constant(none), weight: absent }, { arbitrary: arb, weight: 1 });

const structured = fc.record({
  protocol: fc.constantFrom('chord', 'kademlia'),
  bootstrap: fc.constantFrom('ideal', 'ideal', 'ideal', 'join'),
  joinWindow: fc.constantFrom('1s', '3s'),
  timeout: fc.constantFrom('200ms', '1s'),
  republish: fc.constantFrom('0s', '2s'),
  expiry: fc.constantFrom('0s', '5s'),
  chord: fc.record({ lookup: fc.constantFrom('iterative', 'iterative', 'iterative', 'recursive'), successors: fc.integer({ min: 2, max: 6 }), stabilize: fc.constantFrom('500ms', '2s'), fixFingers: fc.constantFrom('0s', '1s', '3s') }),
  kademlia: fc.record({ k: fc.integer({ min: 3, max: 10 }), alpha: fc.integer({ min: 1, max: 3 }), refresh: fc.constantFrom('0s', '1s', '3s') }),
});

const cases = fc.record({
  seed: fc.nat(10_000),
  peers: fc.constantFrom(150, 400),
  latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '20ms', max: '150ms' }, '60ms'),
  loss: fc.constantFrom(0, 0, 0.05),
  structured,
  dht: fc.record({ count: fc.integer({ min: 5, max: 40 }), start: fc.constantFrom('0s', '1s', '2500ms'), spacing: fc.constantFrom('20ms', '100ms') }),
  flood: fc.boolean(),
  broadcast: fc.boolean(),
  failure: sometimes(fc.record({ at: fc.constantFrom('1s', '2500ms', '4s'), fraction: fc.constantFrom(0.1, 0.3) }), 2, null),
  churn: sometimes(fc.record({ session: fc.constantFrom('3s', '20s'), downtime: fc.constantFrom('1s', '5s') }), 4, null),
});

describe('structured overlays in random scenarios', () => {
  it('the one-thread results on 2 and 3 workers, split (fast-check, fixed seed)', async () => {
    let split = 0, single = 0, splitRecursive = 0, splitChord = 0, splitKademlia = 0, splitFailures = 0, splitChurn = 0, splitJoins = 0;
    await fc.assert(fc.asyncProperty(cases, async (c) => {
      // Republish with an expiry that outlives it, or neither (the schema's check).
      const st = { ...c.structured, expiry: c.structured.republish === '0s' ? c.structured.expiry : '5s' };
      const s = validate({
        name: 'structured mixed', seed: c.seed, duration: '6s', peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss },
        overlay: { model: 'random-regular', degree: 4 },
        data: { objects: 30 },
        structured: st,
        failures: c.failure ? [c.failure] : [],
        ...(c.churn ? { churn: c.churn } : {}),
        workload: {
          searches: [{ protocol: 'dht', ...c.dht }, ...(c.flood ? [{ protocol: 'flood', ttl: 3, count: 5, start: '1s', spacing: '300ms' }] : [])],
          broadcasts: c.broadcast ? [{ protocol: 'push', at: '1s' }] : [],
        },
        metrics: { sample: '1s' },
      });
      const expected = text(runScenario(s));
      const splits = splitsToday(s);
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(text(r) === expected, `${workers} workers`).toBe(true);
        if (splits) expect(r.engine.workers, r.engine.workersNote).toBe(workers);
        else {
          expect(r.engine.workers).toBe(1);
          expect(r.engine.workersNote).toMatch(/ran on one thread/);
        }
      }
      if (splits) {
        split++;
        if (c.structured.protocol === 'chord') splitChord++; else splitKademlia++;
        if (c.structured.protocol === 'chord' && c.structured.chord.lookup === 'recursive') splitRecursive++;
        if (c.failure) splitFailures++;
        if (c.churn) splitChurn++;
        if (c.structured.bootstrap === 'join') splitJoins++;
      } else single++;
    }), { seed: 20261207, numRuns: 24, endOnFailure: false });
    // Every draw splits (recursive Chord lookups too); it covers both protocols, failures, churn and joins (a fixed seed: the same cases every run).
    expect(single).toBe(0);
    expect(split).toBe(24);
    expect(splitRecursive).toBeGreaterThan(0);
    expect(splitChord).toBeGreaterThan(1);
    expect(splitKademlia).toBeGreaterThan(1);
    expect(splitFailures).toBeGreaterThan(0);
    expect(splitChurn).toBeGreaterThan(0);
    expect(splitJoins).toBeGreaterThan(0);
  });
});

// Brand-new peers (churn arrivals): each draws its ID from its own stream when it arrives,
// in every thread, and joins through a bootstrap peer in its owner's thread; the joined
// flags are shared with room for every arrival (protocols/structured/split.ts).
describe('structured overlays with churn arrivals', () => {
  it('the one-thread results on 2 and 3 workers, split (fast-check, fixed seed)', async () => {
    let arrived = 0;
    await fc.assert(fc.asyncProperty(fc.record({
      seed: fc.nat(10_000),
      protocol: fc.constantFrom('chord', 'kademlia'),
      bootstrap: fc.constantFrom('ideal', 'join'),
      arrivals: fc.constantFrom(5, 20),
      flood: fc.boolean(),
    }), async (c) => {
      const s = validate({
        name: 'structured arrivals', seed: c.seed, duration: '6s', peers: { count: 150 },
        network: { latency: { dist: 'uniform', min: '20ms', max: '150ms' } },
        overlay: { model: 'random-regular', degree: 4 },
        data: { objects: 30 },
        structured: { protocol: c.protocol, bootstrap: c.bootstrap, joinWindow: '1s', timeout: '500ms' },
        churn: { session: '10s', downtime: '2s', arrivals: c.arrivals },
        workload: {
          searches: [{ protocol: 'dht', count: 30, start: '1s', spacing: '150ms' }, ...(c.flood ? [{ protocol: 'flood', ttl: 3, count: 5, start: '1s', spacing: '300ms' }] : [])],
        },
        metrics: { sample: '1s' },
      });
      expect(splitsToday(s)).toBe(true);
      const one = runScenario(s);
      arrived += one.churn!.arrivals;
      const expected = text(one);
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers, r.engine.workersNote).toBe(workers);
        expect(text(r) === expected, `${workers} workers`).toBe(true);
      }
    }), { seed: 20261207, numRuns: 8, endOnFailure: true });
    // New peers came in the drawn cases (about 30 or 120 a case).
    expect(arrived).toBeGreaterThan(100);
  }, 300_000);
});

/**
 * Property: searches of every split protocol, mixed, with failures (random or of the
 * super-peers, by degree), loss and a constant or variable latency, give the one-thread
 * results byte for byte on 2 and 3 workers. Rings often restart, some with every message
 * lost; fast-check draws from a fixed seed (the same cases every run) and shrinks a
 * failing case. Needs the built worker (npm run build).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../sim/run/run';
import { runScenario } from '../../../sim/run/run-scenario';
import { withoutWallClock } from '../../../sim/run/serialize';
import { validate } from '../../../sim/scenario/validate';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

const search = fc.record({
  protocol: fc.constantFrom('flood', 'random-walk', 'expanding-ring', 'expanding-ring', 'directory'),
  count: fc.integer({ min: 5, max: 40 }),
  start: fc.constantFrom('0s', '300ms', '1s'),
  spacing: fc.constantFrom('10ms', '100ms', '250ms'),
  ttl: fc.integer({ min: 2, max: 6 }),
});

const scenario = fc.record({
  seed: fc.nat(10_000),
  peers: fc.constantFrom(200, 900),
  duration: fc.constantFrom('2s', '8s'),
  latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '20ms', max: '150ms' }, '50ms', { dist: 'pareto', scale: '30ms', shape: 2.5 }),
  loss: fc.constantFrom(0, 0.1, 0.3),
  model: fc.constantFrom('random-regular', 'barabasi-albert', 'erdos-renyi'),
  degree: fc.constantFrom(2, 4),
  ringStep: fc.integer({ min: 1, max: 2 }),
  searches: fc.array(search, { minLength: 1, maxLength: 3 }),
  failures: fc.array(fc.record({ at: fc.constantFrom('500ms', '1s', '1500ms'), fraction: fc.constantFrom(0.02, 0.2), target: fc.constantFrom('random', 'degree') }), { maxLength: 2 }),
});

describe('searches split across threads, random scenarios', () => {
  it('give the one-thread results on 2 and 3 workers (fast-check, fixed seed)', async () => {
    let rings = 0;
    await fc.assert(fc.asyncProperty(scenario, async (c) => {
      const s = validate({
        name: 'search property', seed: c.seed, duration: c.duration, peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss }, overlay: { model: c.model, degree: c.degree },
        data: { objects: 50, replication: { strategy: 'uniform', ratio: 0.01 } },
        hybrid: { superPeers: 0.03 },
        failures: c.failures,
        workload: { searches: c.searches.map((x) => (x.protocol === 'expanding-ring' ? { ...x, ringStart: 1, ringStep: c.ringStep } : x)) },
        metrics: { sample: '500ms' },
      });
      const one = runScenario(s);
      const expected = text(one);
      rings += one.searches!.meanRings !== undefined && one.searches!.meanRings !== null && one.searches!.meanRings > 1 ? 1 : 0;
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(text(r) === expected, `${workers} workers`).toBe(true);
      }
    }), { seed: 20261207, numRuns: 20, endOnFailure: false });
    // Restarting rings were drawn (a fixed seed: the same cases every run).
    expect(rings).toBeGreaterThan(3);
  });
});

// Expanding rings where the origin's links change while the run goes: churn (its walks,
// with or without repair, or its departures from peer sampling's views), peer sampling's
// refreshes (at instants that launches share), failures with repair. A ring restarts at
// the barrier after its quiet instant, from the origin's links as of that instant.
const changing = fc.record({
  seed: fc.nat(10_000),
  peers: fc.constantFrom(150, 500),
  latency: fc.constantFrom<unknown>({ dist: 'uniform', min: '20ms', max: '150ms' }, '50ms'),
  loss: fc.constantFrom(0, 0.1, 0.4),
  degree: fc.constantFrom(2, 3, 5),
  dynamics: fc.constantFrom('churn', 'churn-repair', 'sampling', 'churn-sampling', 'failures-repair'),
  ringStart: fc.integer({ min: 1, max: 2 }),
  ringStep: fc.integer({ min: 1, max: 2 }),
  searches: fc.array(fc.record({
    count: fc.integer({ min: 20, max: 300 }),
    start: fc.constantFrom('0s', '500ms', '1s'),
    spacing: fc.constantFrom('5ms', '20ms', '500ms'),
    ttl: fc.integer({ min: 2, max: 6 }),
  }), { minLength: 1, maxLength: 2 }),
  session: fc.constantFrom('500ms', '2s'),
  refresh: fc.constantFrom('500ms', '1s'),
  failures: fc.array(fc.record({ at: fc.constantFrom('500ms', '1s', '1500ms'), fraction: fc.constantFrom(0.05, 0.3), target: fc.constantFrom('random', 'degree') }), { minLength: 1, maxLength: 2 }),
});

describe('expanding rings split where the origin\'s links change', () => {
  it('give the one-thread results on 2 and 3 workers with churn, peer sampling, failures with repair (fast-check, fixed seed)', async () => {
    const restarted = new Map<string, number>();
    await fc.assert(fc.asyncProperty(changing, async (c) => {
      const d = c.dynamics;
      const churn = d.startsWith('churn');
      const sampling = d.endsWith('sampling') ? { protocol: 'cyclon', period: '300ms', viewSize: 4, shuffleLength: 2 } : null;
      const s = validate({
        name: 'ring property', seed: c.seed, duration: '4s', peers: { count: c.peers },
        network: { latency: c.latency, loss: c.loss, knowledgeRefresh: c.refresh },
        overlay: { model: 'random-regular', degree: c.degree, repair: d.endsWith('repair'), ...(sampling ? { sampling } : {}) },
        data: { objects: 50, replication: { strategy: 'uniform', ratio: 0.01 } },
        ...(churn ? { churn: { session: { dist: 'exponential', mean: c.session }, downtime: { dist: 'exponential', mean: '1s' } } } : {}),
        failures: d === 'failures-repair' ? c.failures : [],
        workload: { searches: c.searches.map((x) => ({ ...x, protocol: 'expanding-ring', ringStart: Math.min(c.ringStart, x.ttl), ringStep: c.ringStep })) },
        metrics: { sample: '500ms' },
      });
      const one = runScenario(s);
      const expected = text(one);
      const rings = one.searches!.meanRings;
      if (rings !== undefined && rings !== null && rings > 1) restarted.set(d, (restarted.get(d) ?? 0) + 1);
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(text(r) === expected, `${workers} workers`).toBe(true);
      }
    }), { seed: 20261207, numRuns: 30, endOnFailure: false });
    // Rings restarted under every kind of change (a fixed seed: the same cases every run).
    for (const d of ['churn', 'churn-repair', 'sampling', 'churn-sampling', 'failures-repair']) expect(restarted.get(d) ?? 0, d).toBeGreaterThan(1);
  });
});

/**
 * Floods and random walks split across threads (protocols/search/split.ts) give the
 * one-thread results byte for byte: queries that end at a barrier, search sizes counted
 * across partitions, queries cut off by the end of the run, loss and failures. Each case
 * checks that the figures it is about are there (hits, unfinished queries), so that it
 * cannot pass on an empty run. Needs the built worker (npm run build).
 */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../sim/run/run';
import { runScenario } from '../../../sim/run/run-scenario';
import { withoutWallClock } from '../../../sim/run/serialize';
import { validate } from '../../../sim/scenario/validate';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

function scenario(extra: Record<string, unknown>, searches: unknown[]) {
  return validate({
    name: 'search split', seed: 11, duration: '20s', peers: { count: 2000 },
    network: { latency: { dist: 'uniform', min: '20ms', max: '80ms' }, loss: 0.02 },
    overlay: { model: 'random-regular', degree: 5 },
    data: { objects: 100, replication: { strategy: 'square-root', ratio: 0.005 } },
    workload: { searches },
    metrics: { sample: '500ms' },
    ...extra,
  });
}

const flood = { protocol: 'flood', count: 120, spacing: '40ms', ttl: 4 };
const walk = { protocol: 'random-walk', count: 60, start: '1s', spacing: '60ms', ttl: 40, walkers: 4 };

describe('searches split across threads', () => {
  const cases: Array<[string, ReturnType<typeof scenario>, (r: ReturnType<typeof runScenario>) => void]> = [
    ['floods and random walks, with loss', scenario({}, [flood, walk]), (r) => {
      expect(r.searches!.meanProbesToHit).toBeGreaterThan(0);
      expect(r.searches!.unfinished).toBe(0);
    }],
    ['queries cut off by the end of the run', scenario({ duration: '2s' }, [flood, walk]), (r) => {
      expect(r.searches!.unfinished).toBeGreaterThan(0);
    }],
    ['a constant latency (many events at one instant) and a failure', scenario({
      network: { latency: '50ms' }, failures: [{ at: '1s', fraction: 0.3 }],
    }, [flood]), (r) => {
      expect(r.resilience).toHaveLength(1);
      expect(r.searches!.successRate).toBeGreaterThan(0);
    }],
    ['a Poisson stream of queries', scenario({ duration: '5s' }, [{ protocol: 'flood', rate: 30, ttl: 3 }]), (r) => {
      expect(r.searches!.queries).toBeGreaterThan(100);
    }],
  ];
  for (const [name, s, check] of cases) {
    it(name, async () => {
      const one = runScenario(s);
      check(one);
      const expected = text(one);
      for (const workers of [2, 3]) {
        const r = await runSimulation(s, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(text(r) === expected, `${workers} workers`).toBe(true);
      }
    });
  }

  it('expanding ring stays on one thread, and says why', async () => {
    const ring = scenario({}, [{ protocol: 'expanding-ring', count: 5 }]);
    const r = await runSimulation(ring, { workers: 2 });
    expect(r.engine.workers).toBe(1);
    expect(r.engine.workersNote).toMatch(/expanding-ring search \(a ring restarts .*\)\) cannot run split; ran on one thread/);
    expect(text(r)).toBe(text(runScenario(ring)));
  });
});

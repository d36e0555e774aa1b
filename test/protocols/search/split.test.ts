/**
 * Searches split across threads (protocols/search/split.ts) give the one-thread results
 * byte for byte: floods, random walks, expanding rings (whose next ring starts at the
 * barrier that learns the query fell quiet) and the super-peer directory (with failing
 * super-peers); queries that end at a barrier, search sizes counted across partitions,
 * queries cut off by the end of the run, loss and failures. Each case
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
const ring = { protocol: 'expanding-ring', count: 100, start: '500ms', spacing: '50ms', ttl: 7, ringStart: 1, ringStep: 2 };
const directory = { protocol: 'directory', count: 100, start: '500ms', spacing: '50ms' };

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
    ['expanding rings beside floods, with loss', scenario({}, [ring, flood]), (r) => {
      expect(r.searches!.byProtocol!['expanding-ring'].meanRings).toBeGreaterThan(1.2);
      expect(r.searches!.byProtocol!['expanding-ring'].successRate).toBeGreaterThan(0);
    }],
    // Every ring of a degree-1 origin is lost one time in four: rings that restart at once.
    ['expanding rings with heavy loss on a sparse overlay', scenario({
      network: { latency: { dist: 'uniform', min: '20ms', max: '80ms' }, loss: 0.25 }, overlay: { model: 'barabasi-albert', degree: 2 },
    }, [{ ...ring, ringStep: 1, ttl: 6 }]), (r) => {
      expect(r.searches!.meanRings).toBeGreaterThan(1.5);
    }],
    ['expanding rings at a constant latency, with a failure', scenario({
      network: { latency: '50ms' }, failures: [{ at: '1s', fraction: 0.3 }],
    }, [ring]), (r) => {
      expect(r.resilience).toHaveLength(1);
      expect(r.searches!.meanRings).toBeGreaterThan(1.2);
    }],
    ['expanding rings cut off by the end of the run', scenario({ duration: '1s' }, [{ ...ring, count: 400, spacing: '2ms' }]), (r) => {
      expect(r.searches!.unfinished).toBeGreaterThan(0);
    }],
    ['the super-peer directory beside random walks, with loss', scenario({ hybrid: { superPeers: 0.02 } }, [directory, walk]), (r) => {
      expect(r.searches!.directory!.registrationMessages).toBeGreaterThan(1900);
      expect(r.searches!.byProtocol!.directory.successRate).toBeGreaterThan(0.5);
    }],
    // Failures by degree take the super-peers down: their members re-attach and register again.
    ['the directory when its super-peers fail', scenario({
      hybrid: { superPeers: 0.02 }, overlay: { model: 'barabasi-albert', degree: 4 }, failures: [{ at: '1s', fraction: 0.01, target: 'degree' }],
    }, [directory, walk]), (r) => {
      expect(r.searches!.directory!.reattachments).toBeGreaterThan(100);
      expect(r.searches!.byProtocol!.directory.successRate).toBeGreaterThan(0);
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
});

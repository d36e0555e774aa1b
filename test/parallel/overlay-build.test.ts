/**
 * A parallel run builds its overlay in shared memory, a large random-regular one with a
 * worker wiring the runs while this thread draws the pairing: the overlay must be exactly
 * the one buildOverlay makes on one thread (the same links in the same slot order, so that
 * every later draw is the same), whatever the number of workers. Needs the built worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NamedStream } from '../../sim/engine/random';
import { buildOverlay } from '../../sim/overlay/build';
import type { Graph } from '../../sim/overlay/graph';
import { buildSharedOverlay, WORKER_WIRING_MIN_STUBS } from '../../sim/parallel/overlay-build';
import { shareGraph } from '../../sim/parallel/shared-graph';
import { PartitionWorkers } from '../../sim/parallel/workers';
import type { Scenario } from '../../sim/scenario/schema';

/** Each peer's run, in slot order, and the link count. */
function layout(g: Graph): { edges: number; runs: number[][] } {
  const runs: number[][] = [];
  for (let p = 0; p < g.size; p++) runs.push(Array.from(g.adj.subarray(g.offset[p], g.offset[p] + g.deg[p])));
  return { edges: g.edges, runs };
}

const spec = (model: string, degree: number) => ({ model, degree, rewire: 0.1, maxDegree: 50 }) as Scenario['overlay'];
const pools = new Map<number, PartitionWorkers>();
const workersOf = (threads: number) => {
  if (!pools.has(threads)) pools.set(threads, new PartitionWorkers(threads));
  return pools.get(threads)!;
};
afterAll(() => { for (const w of pools.values()) w.terminate(); });

describe('buildSharedOverlay', () => {
  // Small and dense ones need many repairs (self-loops, repeated links) and, up to 10^5
  // links, the mixing chain; with minStubs 0 even 60 peers are wired by the worker, in
  // slices of PAIRING_CHUNK stubs (the larger ones take several).
  const cases: Array<[number, number]> = [[60, 10], [500, 7], [2000, 6], [3001, 4], [20_000, 8]];
  for (const threads of [2, 3]) {
    it(`wires random-regular overlays on ${threads} workers exactly as one thread does`, async () => {
      for (const [n, k] of cases) {
        for (const seed of [1, 2, 3]) {
          const one = buildOverlay(spec('random-regular', k), n, new NamedStream(seed, 'overlay'));
          const split = await buildSharedOverlay(spec('random-regular', k), n, new NamedStream(seed, 'overlay'), workersOf(threads), 0);
          expect(layout(split), `n=${n} k=${k} seed=${seed}`).toEqual(layout(one));
        }
      }
    });
  }

  it('builds it in shared memory, so that sharing it with the workers copies nothing', async () => {
    const g = await buildSharedOverlay(spec('random-regular', 8), 10_000, new NamedStream(4, 'overlay'), workersOf(2), 0);
    expect(g.adj.buffer).toBeInstanceOf(SharedArrayBuffer);
    const shared = shareGraph(g);
    expect(shared.adj).toBe(g.adj.buffer);
    expect(shared.deg).toBe(g.deg.buffer);
  });

  it('builds other models, dense random-regular ones and small ones on this thread, as buildOverlay does', async () => {
    const never = { wire: () => Promise.reject(new Error('not to be asked')) };
    for (const [model, n, k] of [['erdos-renyi', 3000, 6], ['watts-strogatz', 3000, 6], ['random-regular', 40, 30], ['random-regular', 3000, 6]] as const) {
      const one = buildOverlay(spec(model, k), n, new NamedStream(9, 'overlay'));
      const built = await buildSharedOverlay(spec(model, k), n, new NamedStream(9, 'overlay'), never);
      expect(layout(built), model).toEqual(layout(one));
    }
    expect(3000 * 6).toBeLessThan(WORKER_WIRING_MIN_STUBS);
  });

  it("reports this thread's own failure while a worker wires, and leaves nothing unheard when the workers end", async () => {
    const workers = new PartitionWorkers(2);
    try {
      let draws = 0;
      const failing = { next: () => { if (++draws > 10_000) throw new Error('pairing failed'); return 0.5; } };
      await expect(buildSharedOverlay(spec('random-regular', 8), 20_000, failing, workers, 0)).rejects.toThrow('pairing failed');
    } finally {
      // The run ends its workers (blocked, waiting for pairs): their exits reject the
      // pending wiring, which must not surface as an unhandled rejection.
      workers.terminate();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('refuses impossible parameters with the one-thread error', async () => {
    const never = { wire: () => Promise.reject(new Error('not to be asked')) };
    await expect(buildSharedOverlay(spec('random-regular', 3), 7, new NamedStream(1, 'overlay'), never, 0)).rejects.toThrow(/odd/);
  });
});

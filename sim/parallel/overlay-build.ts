/**
 * The overlay of a parallel run, built straight into SharedArrayBuffers, and for a large
 * random-regular overlay with the workers' help. This thread draws the pairing of the stubs
 * (one seeded stream, so one thread) while a worker wires each slice of pairs into the
 * peers' runs as soon as it is settled; then each worker finds the peers of its range
 * whose runs need repair, and this thread repairs them. Wiring (a cache miss a link) takes
 * less time than the pairing, so it ends soon after it. Each run lists its links in pair
 * order, so the overlay is exactly the one buildOverlay makes on one thread. Other models
 * are built as by buildOverlay, on this thread.
 */
import type { RandomSource } from '../engine/random.js';
import { buildOverlay } from '../overlay/build.js';
import {
  isSparseRegular, pairStubs, REGULAR_MAX_RESTARTS, settleRegular, stalled,
} from '../overlay/generators/random-regular.js';
import { Graph } from '../overlay/graph.js';
import type { Scenario } from '../scenario/schema.js';
import { sharedInt32 } from './shared-graph.js';
import type { WiringJob } from './workers.js';

/** Below this many stubs (n·k) a worker is not worth a message: this thread wires. */
export const WORKER_WIRING_MIN_STUBS = 1 << 16;

/** What wires the runs as the pairs are settled, and scans them: the run's workers (PartitionWorkers.wire). */
export interface RunWiring {
  wire(job: WiringJob, n: number): Promise<Int32Array>;
}

export async function buildSharedOverlay(
  spec: Scenario['overlay'], n: number, rng: RandomSource, wiring: RunWiring, minStubs = WORKER_WIRING_MIN_STUBS,
): Promise<Graph> {
  const k = spec.degree;
  if (spec.model !== 'random-regular' || !isSparseRegular(n, k) || n * k < minStubs) return buildOverlay(spec, n, rng);
  // Drives the stages as randomRegular does (random-regular.ts, sparseRegular).
  const stubs = sharedInt32(n * k);
  for (let restart = 0; restart < REGULAR_MAX_RESTARTS; restart++) {
    const g = Graph.withUniformCapacity(n, k, sharedInt32);
    const progress = sharedInt32(2);
    const buffer = (a: Int32Array) => a.buffer as SharedArrayBuffer;
    const irregular = wiring.wire({ stubs: buffer(stubs), progress: buffer(progress), adj: buffer(g.adj), deg: buffer(g.deg), k }, n);
    // Should this thread fail before the await, the workers' ends (terminated) would
    // reject `irregular` unheard: mark it heard (the await still sees a rejection).
    irregular.catch(() => undefined);
    // The wirer follows progress[0] (a worker that fails is reported by the await).
    pairStubs(n, k, stubs, rng, progress);
    const settled = settleRegular(g, k, await irregular, rng);
    if (settled) return settled;
  }
  throw stalled(n, k);
}

/**
 * The overlay of a parallel run, built straight into SharedArrayBuffers, and for a large
 * random-regular overlay with the workers' help: this thread draws the pairing of the stubs
 * (one seeded stream, so one thread), then each worker writes the runs of a range of peers
 * and finds those that need repair, and this thread repairs them. Writing the runs is most
 * of the build (a cache miss a link); each run depends only on the pairing, so the overlay
 * is exactly the one buildOverlay makes on one thread. Other models are built as by
 * buildOverlay, on this thread.
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

/** Below this many stubs (n·k) the workers are not worth a message: this thread wires. */
export const SPLIT_WIRING_MIN_STUBS = 1 << 16;

/** What wires a share of the runs: the run's workers (PartitionWorkers.wire). */
export interface RunWiring {
  wire(job: WiringJob, n: number): Promise<Int32Array>;
}

export async function buildSharedOverlay(
  spec: Scenario['overlay'], n: number, rng: RandomSource, wiring: RunWiring, minStubs = SPLIT_WIRING_MIN_STUBS,
): Promise<Graph> {
  const k = spec.degree;
  if (spec.model !== 'random-regular' || !isSparseRegular(n, k) || n * k < minStubs) return buildOverlay(spec, n, rng);
  // Drives the stages as randomRegular does (random-regular.ts, sparseRegular).
  const stubs = sharedInt32(n * k);
  for (let restart = 0; restart < REGULAR_MAX_RESTARTS; restart++) {
    pairStubs(n, k, stubs, rng);
    const g = Graph.withUniformCapacity(n, k, sharedInt32);
    const buffer = (a: Int32Array) => a.buffer as SharedArrayBuffer;
    const irregular = await wiring.wire({ stubs: buffer(stubs), adj: buffer(g.adj), deg: buffer(g.deg), k }, n);
    const settled = settleRegular(g, k, irregular, rng);
    if (settled) return settled;
  }
  throw stalled(n, k);
}

/**
 * A worker's part in building a random-regular overlay (see overlay-build.ts). The job's
 * wirer follows the main thread's pairing, wiring each slice of pairs as soon as pairStubs
 * has settled it (progress[0] counts the settled stubs), so that wiring ends soon after the
 * pairing; then it sets progress[1]. Every worker, the wirer too, then scans the runs of
 * its range of peers for repair.
 */
import { irregularRuns, wirePairs } from '../overlay/generators/random-regular.js';
import type { WiringRequest } from './protocol.js';

/** The peers of [m.lo, m.hi) whose runs need repair, in increasing order. */
export function wireShare(m: WiringRequest): Int32Array {
  const progress = new Int32Array(m.progress);
  const adj = new Int32Array(m.adj), deg = new Int32Array(m.deg);
  if (m.wirer) {
    const stubs = new Int32Array(m.stubs);
    for (let wired = 0; wired < stubs.length;) {
      Atomics.wait(progress, 0, wired);
      const settled = Atomics.load(progress, 0);
      wirePairs(stubs, adj, deg, m.k, wired, settled);
      wired = settled;
    }
    Atomics.store(progress, 1, 1);
    Atomics.notify(progress, 1);
  } else {
    while (Atomics.load(progress, 1) === 0) Atomics.wait(progress, 1, 0);
  }
  return irregularRuns(adj, deg, m.k, m.lo, m.hi);
}

/**
 * The overlay summary's sampled path-length BFS (up to 64 sources, one batch) split among
 * the workers of a parallel run by peer range, level by level, instead of by source: in a
 * bit-parallel BFS each level costs a sweep over the links whatever the number of sources,
 * so giving each worker half the sources left each with nearly the whole cost. Here each
 * worker advances every search for its own peers:
 * - a level with a large frontier goes bottom-up: each of its peers not yet reached gathers
 *   its neighbours' frontier bits (it writes only its own peers' words);
 * - a small one goes top-down: each of its frontier peers offers its bits to its neighbours,
 *   whoever owns them (Atomics.or, as two workers may offer to one peer);
 * then, after a barrier, each applies the newly reached bits of its own peers and counts
 * them. Levels are those of a one-thread BFS, so the sums, added over the workers, are
 * exactly its sums (integers below 2^53). Two barriers a level.
 */
import type { Graph } from '../overlay/graph.js';
import { bottomUp2, popcount, type PathSums } from '../metrics/path-length.js';
import { partitionPeers } from './partition.js';

/** At most this many sources: two 32-bit words a peer. */
export const SPLIT_BFS_MAX_SOURCES = 64;

/** Shared state of one split BFS (see allocate). */
export interface SplitBfsBuffers {
  /** Int32, two words a peer each: sources reached; reached at the current level; newly reached. */
  visited: SharedArrayBuffer;
  frontier: SharedArrayBuffer;
  next: SharedArrayBuffer;
  /** Float64 [parity][worker]: frontier peers of each worker after a level. */
  counts: SharedArrayBuffer;
}

export function allocateSplitBfs(n: number, threads: number): SplitBfsBuffers {
  const words = () => new SharedArrayBuffer(Math.max(1, 2 * n) * Int32Array.BYTES_PER_ELEMENT);
  return { visited: words(), frontier: words(), next: words(), counts: new SharedArrayBuffer(2 * threads * Float64Array.BYTES_PER_ELEMENT) };
}

/**
 * Worker `me` of `parts`: its part of the sums of the BFS from `from` (every worker passes
 * the same sources, at most 64, distinct). `sync` waits for every worker (a barrier); the
 * buffers are zero on entry and used once.
 */
export function splitPathSums(
  graph: Graph, alive: Uint8Array | null, from: Int32Array, me: number, parts: number,
  buffers: SplitBfsBuffers, sync: () => void,
): PathSums {
  if (from.length > SPLIT_BFS_MAX_SOURCES) throw new Error(`parallel: ${from.length} BFS sources for a split BFS (at most ${SPLIT_BFS_MAX_SOURCES})`);
  const n = graph.size;
  if (from.length === 0 || graph.edges === 0) return { total: 0, pairs: 0 };
  const { offset, deg, adj } = graph;
  const visited = new Int32Array(buffers.visited, 0, 2 * n);
  const frontier = new Int32Array(buffers.frontier, 0, 2 * n);
  const next = new Int32Array(buffers.next, 0, 2 * n);
  const counts = new Float64Array(buffers.counts);
  // This worker's peers: its partition's (any split gives the same sums).
  const { bounds } = partitionPeers(n, parts);
  const lo = bounds[me], hi = bounds[me + 1];
  const bottomUpAbove = n / 16;
  const scratch = new Int32Array(hi - lo);

  let all0 = 0, all1 = 0;
  // This worker's frontier peers (each at most once a level).
  const active = new Int32Array(hi - lo);
  let activeCount = 0;
  for (let i = 0; i < from.length; i++) {
    const bit = 1 << (i & 31);
    if (i < 32) all0 |= bit; else all1 |= bit;
    const s = from[i];
    if (s < lo || s >= hi) continue;
    const w = 2 * s + (i >>> 5);
    visited[w] = frontier[w] = bit; // sources are distinct
    active[activeCount++] = s;
  }
  let parity = 0;
  const globalActive = () => {
    counts[parity * parts + me] = activeCount;
    sync();
    let sum = 0;
    for (let j = 0; j < parts; j++) sum += counts[parity * parts + j];
    parity ^= 1;
    return sum;
  };

  let total = 0, pairs = 0;
  for (let level = 1, frontierSize = globalActive(); frontierSize > 0; level++) {
    if (frontierSize <= bottomUpAbove) offerTopDown(offset, deg, adj, alive, active, activeCount, visited, frontier, next);
    // (The peers it lists are found again below, with those of top-down levels.)
    else bottomUp2(offset, deg, adj, alive, all0, all1, visited, frontier, next, scratch, lo, hi);
    sync(); // every offer made: `next` is complete, `frontier` no longer read

    clearFrontier(frontier, active, activeCount);
    activeCount = takeNext(visited, frontier, next, active, lo, hi);
    const reached = bitsOf(frontier, active, activeCount);
    total += level * reached;
    pairs += reached;
    frontierSize = globalActive(); // and every worker's new frontier is in place
  }
  return { total, pairs };
}

// The steps of a level, each a small function of its own: V8 compiles each as soon as its
// loop is hot, with its whole type feedback, instead of compiling, dropping and compiling
// again one large function as each of its loops is first reached (the search runs once
// per worker, in a fresh thread).

/** A top-down level: each frontier peer of this worker offers its bits to its neighbours. */
function offerTopDown(
  offset: Int32Array, deg: Int32Array, adj: Int32Array, alive: Uint8Array | null, active: Int32Array, activeCount: number,
  visited: Int32Array, frontier: Int32Array, next: Int32Array,
): void {
  for (let a = 0; a < activeCount; a++) {
    const pw = 2 * active[a], f0 = frontier[pw], f1 = frontier[pw + 1];
    for (let i = offset[active[a]], e = i + deg[active[a]]; i < e; i++) {
      const q = adj[i];
      if (alive && alive[q] !== 1) continue;
      const qw = 2 * q;
      const b0 = f0 & ~visited[qw], b1 = f1 & ~visited[qw + 1];
      if (b0 !== 0) Atomics.or(next, qw, b0);
      if (b1 !== 0) Atomics.or(next, qw + 1, b1);
    }
  }
}

/** Clears the frontier bits of this worker's `count` frontier peers. */
function clearFrontier(frontier: Int32Array, active: Int32Array, count: number): void {
  for (let a = 0; a < count; a++) frontier[2 * active[a]] = frontier[2 * active[a] + 1] = 0;
}

/**
 * Moves the newly reached bits of peers [lo, hi) from `next` into `visited` and `frontier`;
 * lists those peers in `active` and returns how many.
 */
function takeNext(visited: Int32Array, frontier: Int32Array, next: Int32Array, active: Int32Array, lo: number, hi: number): number {
  let count = 0;
  for (let v = lo; v < hi; v++) {
    const vw = 2 * v, b0 = next[vw], b1 = next[vw + 1];
    if ((b0 | b1) === 0) continue;
    next[vw] = next[vw + 1] = 0;
    visited[vw] |= b0;
    visited[vw + 1] |= b1;
    frontier[vw] = b0;
    frontier[vw + 1] = b1;
    active[count++] = v;
  }
  return count;
}

/** Frontier bits of the `count` peers listed in `active`: the (source, peer) pairs reached. */
function bitsOf(frontier: Int32Array, active: Int32Array, count: number): number {
  let bits = 0;
  for (let a = 0; a < count; a++) bits += popcount(frontier[2 * active[a]]) + popcount(frontier[2 * active[a] + 1]);
  return bits;
}

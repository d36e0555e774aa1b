/**
 * Helpers shared by the overlay metrics: the list of peers a metric looks at (all peer
 * ids of the graph, or those marked alive) and a seeded sample of them.
 */
import type { RandomSource } from '../engine/random.js';
import type { Graph } from '../overlay/graph.js';

/**
 * Ids 0..graph.size-1 that are alive (all of them when `alive` is absent). The mask may be
 * longer than the graph (a peer table with spare capacity); entries past graph.size are
 * ignored.
 */
export function alivePeers(graph: Graph, alive?: Uint8Array | null): Int32Array {
  const n = graph.size;
  if (!alive) {
    const all = new Int32Array(n);
    for (let p = 0; p < n; p++) all[p] = p;
    return all;
  }
  let count = 0;
  for (let p = 0; p < n; p++) if (alive[p] === 1) count++;
  const list = new Int32Array(count);
  for (let p = 0, i = 0; p < n; p++) if (alive[p] === 1) list[i++] = p;
  return list;
}

/**
 * The mask a metric needs: null when every peer of the graph is alive (the metric then
 * skips the test, a random read per link), else `alive`. Same results either way.
 */
export function liveMask(graph: Graph, alive?: Uint8Array | null): Uint8Array | null {
  if (!alive) return null;
  const n = graph.size;
  if (alive.length < n) return alive;
  for (let p = 0; p < n; p++) if (alive[p] !== 1) return alive;
  return null;
}

/**
 * Moves a uniform sample of `count` distinct entries of `list` to its front (partial
 * Fisher–Yates, `count` draws from `rng`) and returns that prefix. Reorders `list`.
 */
export function sampleInPlace(list: Int32Array, count: number, rng: RandomSource): Int32Array {
  const k = Math.min(count, list.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (list.length - i));
    const t = list[i]; list[i] = list[j]; list[j] = t;
  }
  return list.subarray(0, k);
}

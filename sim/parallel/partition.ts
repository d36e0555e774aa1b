/**
 * How a parallel run splits the peers: contiguous id ranges of (nearly) equal size, each
 * a whole number of 32-peer bitset words, so that no word of a per-peer bitset is written
 * by two threads. Contiguous ranges keep a ring-like overlay (watts-strogatz) almost
 * entirely inside partitions; for random overlays any split cuts about (N−1)/N of links.
 */

/** Smallest partition: one bitset word. */
export const MIN_PEERS_PER_PARTITION = 32;

/**
 * Threads a run of `peers` peers can use when `requested` are asked for: partitions of
 * whole words, none of them empty (so at most one per 32 peers).
 */
export function usableThreads(peers: number, requested: number): number {
  const threads = Math.max(1, Math.min(requested, Math.floor(peers / MIN_PEERS_PER_PARTITION)));
  const words = Math.ceil(peers / 32);
  return Math.ceil(words / Math.ceil(words / threads));
}

/**
 * Partition boundaries: partition i owns peers [bounds[i], bounds[i+1]). All but the last
 * have `blockSize` peers (a multiple of 32), so the owner of peer p is floor(p / blockSize).
 */
export interface Partitioning {
  readonly threads: number;
  readonly blockSize: number;
  readonly bounds: number[];
}

export function partitionPeers(peers: number, threads: number): Partitioning {
  const words = Math.ceil(peers / 32);
  const blockSize = Math.ceil(words / threads) * 32;
  const bounds: number[] = [];
  for (let i = 0; i <= threads; i++) bounds.push(Math.min(peers, i * blockSize));
  return { threads, blockSize, bounds };
}

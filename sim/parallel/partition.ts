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

/**
 * Who owns a peer, the initial ones and those that arrive during the run (ids n, n+1, ...):
 * partition i owns its contiguous range [lo, hi) of the initial peers, and the rest of the
 * last initial word goes with them to the last partition. Later ids are dealt out by
 * whole 32-peer words, in turn: word w past `dealtFrom` (the end of the initial words)
 * goes to partition w mod threads. So ownership is a function of the id that every thread
 * computes alike, arrivals spread evenly over the threads, and no bitset word has two
 * writers. A run without arrivals never asks about an id past `dealtFrom`.
 */
export class Ownership {
  /** This partition's initial peers: [lo, hi). */
  readonly lo: number;
  readonly hi: number;
  /** The first id dealt out by words: the initial peers' words rounded up (a multiple of 32). */
  readonly dealtFrom: number;

  constructor(readonly initial: number, readonly threads: number, readonly blockSize: number, readonly me: number) {
    this.lo = me * blockSize;
    this.hi = Math.min(initial, this.lo + blockSize);
    this.dealtFrom = Math.ceil(initial / 32) * 32;
  }

  /** The partition that owns peer p. */
  owner(p: number): number {
    return p < this.dealtFrom ? Math.floor(p / this.blockSize) : ((p - this.dealtFrom) >>> 5) % this.threads;
  }

  owns(p: number): boolean {
    return (p >= this.lo && p < this.hi) || this.owner(p) === this.me;
  }

  /**
   * The ranges [from, to) of this partition's peers among 0..count-1, in increasing
   * order, as a flat list (from0, to0, from1, to1, ...).
   */
  ranges(count: number): number[] {
    const out: number[] = [];
    const hi = this.me === this.threads - 1 ? Math.min(count, this.dealtFrom) : Math.min(count, this.hi);
    if (hi > this.lo) out.push(this.lo, hi);
    for (let w = this.dealtFrom + 32 * this.me; w < count; w += 32 * this.threads) out.push(w, Math.min(count, w + 32));
    return out;
  }
}

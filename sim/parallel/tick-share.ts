/**
 * Shares out the work of a controller event (a broadcast's round tick) among the threads
 * of a parallel run. Every thread runs a controller event at the same point; each then
 * takes chunks of the work (e.g. bitset words) from one shared counter per lane until none
 * is left, and acts for the peers of its chunks, whoever owns them. A thread slowed down (by another
 * process, a garbage collection) takes fewer chunks, instead of keeping the others
 * waiting at the next barrier. Who acts for a peer changes nothing: a peer draws from its
 * own streams and numbers its own events, and those counters are shared (SharedArrayBuffer).
 *
 * The counter of a lane only grows: tick j hands out claims j·(chunks + threads) and
 * up, since each thread makes exactly one claim past the last chunk. After a shared-out
 * tick every thread waits at a barrier (`settle`) before handling any arrival, and between
 * two controller events due at the same instant (`separate`), so that no two threads act
 * for the same peer at once.
 */
import type { Barrier } from './barrier.js';

/** Bitset words a chunk (8,192 peers). */
export const CHUNK_WORDS = 256;

export class TickShare {
  readonly chunkWords = CHUNK_WORDS;
  private readonly claims: Int32Array;
  /** Per lane: the first claim of the tick in progress. */
  private readonly base: Float64Array;
  private shared = false;
  /** Chunks this thread took (for benchmarks and tests). */
  taken = 0;

  constructor(buffer: SharedArrayBuffer, lanes: number, private readonly threads: number) {
    this.claims = new Int32Array(buffer, 0, lanes);
    this.base = new Float64Array(lanes);
  }

  static allocate(lanes: number): SharedArrayBuffer {
    return new SharedArrayBuffer(Math.max(1, lanes) * Int32Array.BYTES_PER_ELEMENT);
  }

  /** The first word of this thread's next chunk of `lane`'s tick, or -1 when all `words` are taken. */
  nextChunk(lane: number, words: number): number {
    const chunks = Math.ceil(words / CHUNK_WORDS);
    const i = Atomics.add(this.claims, lane, 1) - this.base[lane];
    this.shared = true;
    if (i < chunks) {
      this.taken++;
      return i * CHUNK_WORDS;
    }
    this.base[lane] += chunks + this.threads;
    return -1;
  }

  /**
   * Between two controller events due at the same instant: every thread waits for the
   * others, whether or not a tick was shared out. A shared tick acts for any peer, so it
   * must not overlap another tick's gossip, or a broadcast's start, which may have the
   * origin send (its owner alone), drawing from the same peers' streams.
   */
  separate(barrier: Barrier): void {
    this.shared = false;
    barrier.wait();
  }

  /** After the controller events of a window: if a tick was shared out, wait for everyone's part. */
  settle(barrier: Barrier): boolean {
    if (!this.shared) return false;
    this.shared = false;
    barrier.wait();
    return true;
  }
}

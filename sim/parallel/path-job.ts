/**
 * The path-length BFS of the overlay summary, shared out to the workers of a parallel run.
 * The main thread chooses the BFS sources (planOverlaySummary, from the seeded stream, as a
 * one-thread run does) while the workers simulate; each worker, once its partition is
 * done, computes its part of the sums: of every source's BFS for its own peers when there
 * are at most 64 sources (the sampled estimate of a large overlay, see path-split.ts), else
 * of its share of the sources (every peer of a small overlay). Parts add up exactly to the
 * sums of one thread (integers below 2^53), so the mean path length is the same.
 * Layout of the SharedArrayBuffer (Int32): [state, count, sources...].
 */
import { Barrier, BarrierAborted } from './barrier.js';

const STATE = 0;
const COUNT = 1;
const HEADER = 2;
const PENDING = 0;
const READY = 1;
const CANCELLED = 2;
/** How often a waiting worker checks whether the run was aborted (ms). */
const POLL_MS = 50;

export class PathJob {
  private readonly cells: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
  }

  /** A job for at most `capacity` sources. */
  static allocate(capacity: number): SharedArrayBuffer {
    return new SharedArrayBuffer((HEADER + Math.max(0, capacity)) * Int32Array.BYTES_PER_ELEMENT);
  }

  /** Main thread: hands out the sources (all of them, in the order drawn). */
  publish(sources: Int32Array): void {
    const c = this.cells;
    if (sources.length > c.length - HEADER) throw new Error(`parallel: ${sources.length} BFS sources, room for ${c.length - HEADER}`);
    c.set(sources, HEADER);
    Atomics.store(c, COUNT, sources.length);
    Atomics.store(c, STATE, READY);
    Atomics.notify(c, STATE);
  }

  /** Main thread: no sources will come (the summary failed); waiting workers give up. */
  cancel(): void {
    Atomics.store(this.cells, STATE, CANCELLED);
    Atomics.notify(this.cells, STATE);
  }

  /**
   * Worker: waits for the sources and returns them all. Throws BarrierAborted if the run is
   * aborted meanwhile.
   */
  all(barrier: Barrier): Int32Array {
    const c = this.cells;
    while (Atomics.load(c, STATE) === PENDING) {
      if (barrier.aborted) throw new BarrierAborted();
      Atomics.wait(c, STATE, PENDING, POLL_MS);
    }
    if (Atomics.load(c, STATE) === CANCELLED) throw new BarrierAborted();
    return c.slice(HEADER, HEADER + Atomics.load(c, COUNT));
  }

  /** Share `index` of `parts` of the sources (contiguous, sizes differing by at most one). */
  static share(sources: Int32Array, index: number, parts: number): Int32Array {
    const count = sources.length;
    return sources.slice(Math.floor((index * count) / parts), Math.floor(((index + 1) * count) / parts));
  }
}

/**
 * A broadcast's timeline built as a split run goes (runs without failures or trace): each
 * partition writes the times of its informings in the window in progress to a shared
 * buffer (one per broadcast, partition and window parity) and publishes how many at the
 * barrier; then partition 0 merges that window's times of every partition into the
 * timeline. A window's informings all come after the previous window's, and the k-th
 * informing's time does not depend on how equal times are ordered, so the timeline is the
 * one-thread run's, and no partition keeps a log of every informing.
 */
import type { Timeline } from '../timeline.js';

/** A growable SharedArrayBuffer (ES2024; Node 20 has it, the ES2022 typings do not). */
interface Growable {
  grow(bytes: number): void;
  readonly maxByteLength: number;
}
type GrowableConstructor = new (bytes: number, options: { maxByteLength: number }) => SharedArrayBuffer;

/** Room a buffer starts with, and grows by doubling from (committed only as written). */
const FIRST_ENTRIES = 1 << 12;

export class TimelineStream {
  /** buffers[(b · threads + i) · 2 + parity]: broadcast b's times of partition i's window. */
  private readonly buffers: SharedArrayBuffer[];
  private readonly views: Float64Array[];
  /** This partition's entries in its window in progress, per broadcast. */
  private readonly count: Int32Array;
  /** Informings merged so far, per broadcast (partition 0). */
  private readonly merged: Float64Array;
  private parity = 0;

  /** The shared buffers of `broadcasts` broadcasts over `threads` partitions of at most `block` peers. */
  static allocate(broadcasts: number, threads: number, block: number): SharedArrayBuffer[] {
    const most = Math.max(8, block * 8);
    return Array.from({ length: broadcasts * threads * 2 }, () =>
      new (SharedArrayBuffer as unknown as GrowableConstructor)(0, { maxByteLength: most }));
  }

  constructor(buffers: SharedArrayBuffer[], private readonly broadcasts: number, private readonly me: number, private readonly threads: number) {
    this.buffers = buffers;
    this.views = buffers.map((b) => new Float64Array(b));
    this.count = new Int32Array(broadcasts);
    this.merged = new Float64Array(broadcasts);
  }

  private at(b: number, partition: number, parity: number): number {
    return (b * this.threads + partition) * 2 + parity;
  }

  /** This partition informed a peer of broadcast b at `time` (in its event order). */
  push(b: number, time: number): void {
    const k = this.at(b, this.me, this.parity);
    let view = this.views[k];
    const i = this.count[b]++;
    if (i === view.length) {
      const buffer = this.buffers[k];
      const growable = buffer as unknown as Growable;
      growable.grow(Math.min(growable.maxByteLength, Math.max(FIRST_ENTRIES * 8, buffer.byteLength * 2)));
      view = this.views[k] = new Float64Array(buffer);
    }
    view[i] = time;
  }

  /** Before the barrier (every partition): the window's entries of broadcast b, published. */
  entries(b: number): number {
    return this.count[b];
  }

  /** After publishing every broadcast's count: the next window writes to the other buffers. */
  flip(): void {
    this.count.fill(0);
    this.parity ^= 1;
  }

  /**
   * Partition 0, after the barrier: merges the window just published of broadcast b
   * (partition i wrote counts(i) times) into its timeline, value k + 1 for the k-th
   * informing (every peer alive: no failures in such a run).
   */
  merge(b: number, timeline: Timeline, counts: (partition: number) => number): void {
    const parity = this.parity ^ 1;
    const views: Float64Array[] = [], lengths: number[] = [], next: number[] = [];
    for (let i = 0; i < this.threads; i++) {
      const n = counts(i);
      if (n === 0) continue;
      const k = this.at(b, i, parity);
      views.push(i === this.me ? this.views[k] : new Float64Array(this.buffers[k], 0, n));
      lengths.push(n);
      next.push(0);
    }
    let done = this.merged[b];
    for (;;) {
      let best = -1, bestTime = Infinity;
      for (let j = 0; j < views.length; j++) {
        if (next[j] < lengths[j] && (best < 0 || views[j][next[j]] < bestTime)) {
          best = j;
          bestTime = views[j][next[j]];
        }
      }
      if (best < 0) break;
      next[best]++;
      timeline.offer(bestTime, ++done);
    }
    this.merged[b] = done;
  }
}

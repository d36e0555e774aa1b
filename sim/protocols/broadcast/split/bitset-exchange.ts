/**
 * The informed bitsets in a parallel run: each partition works on a private copy of each
 * broadcast's bitset, exact for its own peers' words (only it writes them) and, for the
 * other partitions' words, as of the last barrier. Around each barrier a partition copies
 * its own words out to the shared bitset (before) and the others' words in (after), only
 * where the informed count says something changed. The engine reads the other partitions'
 * bits for one thing: eliding, at the sender, a rumour its target already holds; a bit
 * seen late only leaves that duplicate to its receiver (broadcast-admission.ts). A copy
 * taken while the owner already publishes its next window may hold a few of those later
 * bits too: they were set before the window's end, so before any message sent in this
 * window can land, and the elision stays exact. A partition's words are those of its initial
 * peers and, with churn arrivals, its share of the later ids' words (partition.ts: Ownership).
 */
import { Ownership } from '../../../parallel/partition.js';
import type { PeerTable } from '../../../run/peers.js';
import type { BroadcastState } from '../state.js';

export class BitsetExchange {
  private readonly shared: Uint32Array[];
  /** Informed count of each partition when its words were last copied (-1: never). */
  private readonly copied: Float64Array[];
  /** Per partition: its words as flat [first, end) pairs, in increasing order. */
  private readonly wordRanges: number[][];

  /** `initial` peers, room for `capacity` ids (arrivals included); `peers`: the ids numbered so far. */
  constructor(
    buffers: SharedArrayBuffer[],
    private readonly states: readonly BroadcastState[],
    initial: number,
    capacity: number,
    blockSize: number,
    private readonly me: number,
    threads: number,
    private readonly peers: PeerTable,
  ) {
    const words = Math.ceil(Math.max(initial, capacity) / 32);
    this.shared = buffers.map((b) => new Uint32Array(b, 0, words));
    this.copied = states.map(() => new Float64Array(threads).fill(-1));
    this.wordRanges = Array.from({ length: threads }, (_, i) => new Ownership(initial, threads, blockSize, i).ranges(capacity).map((p) => Math.ceil(p / 32)));
    for (const st of states) st.informed = new Uint32Array(words);
  }

  /** Before the barrier: publish this partition's words of broadcast b (informed: its count). */
  publish(b: number, informed: number): void {
    if (this.copied[b][this.me] === informed) return;
    this.copy(this.states[b].informed, this.shared[b], this.me);
    this.copied[b][this.me] = informed;
  }

  /** After the barrier: take partition i's words of broadcast b (informed: its published count). */
  take(b: number, i: number, informed: number): void {
    if (i === this.me || this.copied[b][i] === informed) return;
    this.copy(this.shared[b], this.states[b].informed, i);
    this.copied[b][i] = informed;
  }

  /**
   * Cycle engine, at the end of a round (which informs peers within a controller event):
   * this partition's words of broadcast b out now, and, after a barrier, everyone's in.
   */
  publishNow(b: number): void {
    this.copy(this.states[b].informed, this.shared[b], this.me);
  }

  takeNow(b: number): void {
    for (let i = 0; i < this.copied[b].length; i++) if (i !== this.me) this.copy(this.shared[b], this.states[b].informed, i);
  }

  /** Partition i's words from `from` to `to`, up to the last peer numbered so far. */
  private copy(from: Uint32Array, to: Uint32Array, i: number): void {
    const ranges = this.wordRanges[i], words = (this.peers.count + 31) >>> 5;
    for (let k = 0; k < ranges.length && ranges[k] < words; k += 2) {
      const first = ranges[k], end = Math.min(words, ranges[k + 1]);
      if (end - first === 1) to[first] = from[first];
      else to.set(from.subarray(first, end), first);
    }
  }
}

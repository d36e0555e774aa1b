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
 * window can land, and the elision stays exact.
 */
import type { BroadcastState } from '../state.js';

export class BitsetExchange {
  private readonly shared: Uint32Array[];
  /** Informed count of each partition when its words were last copied (-1: never). */
  private readonly copied: Float64Array[];
  private readonly words: number;

  constructor(
    buffers: SharedArrayBuffer[],
    private readonly states: readonly BroadcastState[],
    peers: number,
    private readonly blockSize: number,
    private readonly me: number,
    threads: number,
  ) {
    this.words = Math.ceil(peers / 32);
    this.shared = buffers.map((b) => new Uint32Array(b, 0, this.words));
    this.copied = states.map(() => new Float64Array(threads).fill(-1));
    for (const st of states) st.informed = new Uint32Array(this.words);
  }

  /** Before the barrier: publish this partition's words of broadcast b (informed: its count). */
  publish(b: number, informed: number): void {
    if (this.copied[b][this.me] === informed) return;
    const [first, end] = this.wordsOf(this.me);
    this.shared[b].set(this.states[b].informed.subarray(first, end), first);
    this.copied[b][this.me] = informed;
  }

  /** After the barrier: take partition i's words of broadcast b (informed: its published count). */
  take(b: number, i: number, informed: number): void {
    if (i === this.me || this.copied[b][i] === informed) return;
    const [first, end] = this.wordsOf(i);
    this.states[b].informed.set(this.shared[b].subarray(first, end), first);
    this.copied[b][i] = informed;
  }

  /**
   * Cycle engine, at the end of a round (which informs peers within a controller event):
   * this partition's words of broadcast b out now, and, after a barrier, everyone's in.
   */
  publishNow(b: number): void {
    const [first, end] = this.wordsOf(this.me);
    this.shared[b].set(this.states[b].informed.subarray(first, end), first);
  }

  takeNow(b: number): void {
    const informed = this.states[b].informed;
    for (let i = 0; i < this.copied[b].length; i++) {
      if (i === this.me) continue;
      const [first, end] = this.wordsOf(i);
      informed.set(this.shared[b].subarray(first, end), first);
    }
  }

  /** Words [first, end) of partition i's peers. */
  private wordsOf(i: number): [number, number] {
    const first = (i * this.blockSize) >>> 5;
    return [first, Math.min(this.words, first + (this.blockSize >>> 5))];
  }
}

/**
 * A 4-ary min-heap of pending events over typed arrays: no object per event.
 * Events are ordered by (time, tie); `tie` is a caller-supplied deterministic number.
 *
 * Layout, tuned on the hold model at 10^6 pending events (see bench/queue.ts):
 * - the heap holds only (time, slot): a Float64Array of times and an Int32Array of slots,
 *   so sifting moves 12 bytes per level, not the whole event;
 * - the heap is stored from index 3, so the four children of an entry start at a multiple
 *   of four: their times share one 32-byte block and usually one cache line;
 * - +Infinity sentinels after the last entry let sift-down compare four children
 *   unconditionally;
 * - each event's tie and payload (kind, target, src, a, b) live in one 32-byte record of
 *   a shared buffer, one cache line per event, read once on pop. A tie is only read when
 *   two times are equal.
 */

const INITIAL_CAPACITY = 1024;
/** Heap entry k is stored at index k + OFF: children of index i are 4i − 8 … 4i − 5. */
const OFF = 3;
/** Extra heap cells: the offset and four sentinels after the last entry. */
const PAD = OFF + 4;

/**
 * Pending events. `pop()` copies the earliest event into the public `cur*` fields, so the
 * hot path allocates nothing.
 */
export class EventQueue {
  size = 0;
  private heapTime: Float64Array;
  private heapSlot: Int32Array;
  /** Payload records, 32 bytes per slot: [tie, b] as Float64, then [kind, target, src, a] as Int32. */
  private recF: Float64Array;
  private recI: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private capacity: number;

  /** Fields of the event returned by the last `pop()`. */
  curTime = 0;
  curTie = 0;
  curKind = 0;
  curTarget = 0;
  curSrc = 0;
  curA = 0;
  curB = 0;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    const c = Math.max(16, initialCapacity);
    this.capacity = c;
    this.heapTime = new Float64Array(c + PAD);
    this.heapSlot = new Int32Array(c + PAD);
    const rec = new ArrayBuffer(c * 32);
    this.recF = new Float64Array(rec);
    this.recI = new Int32Array(rec);
    this.freeSlots = new Int32Array(c);
    this.warmUp();
  }

  /**
   * Runs the tie-breaking paths once, so that the JIT has seen them before it optimises
   * push and pop. Events at exactly the same time are rare but do happen (two latency
   * draws alike at a busy tick); met for the first time in optimised code, each of these
   * paths would throw it away for a few milliseconds of interpreted code, stalling the
   * whole of a parallel run at the next barrier. Leaves the queue empty.
   */
  private warmUp(): void {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 16; i++) this.push(0.5, (i * 7) % 16, 0, 0, 0, 0, 0);
      while (this.pop());
    }
    this.clear();
  }

  /** Bytes held by the queue's arrays (for memory accounting). */
  get bytes(): number {
    return (this.capacity + PAD) * (8 + 4) + this.capacity * (32 + 4);
  }

  private grow(): void {
    const c = this.capacity * 2;
    const ht = new Float64Array(c + PAD); ht.set(this.heapTime);
    const hs = new Int32Array(c + PAD); hs.set(this.heapSlot);
    const rec = new ArrayBuffer(c * 32);
    new Uint8Array(rec).set(new Uint8Array(this.recF.buffer));
    const free = new Int32Array(c); free.set(this.freeSlots);
    this.heapTime = ht;
    this.heapSlot = hs;
    this.recF = new Float64Array(rec);
    this.recI = new Int32Array(rec);
    this.freeSlots = free;
    this.capacity = c;
  }

  /** Queues an event; `time` must be finite (the sift-down's +Infinity sentinels rely on it). */
  push(time: number, tie: number, kind: number, target: number, src: number, a: number, b: number): void {
    if (!(time < Infinity)) throw new RangeError(`event time must be a finite number, got ${time}`);
    if (this.size === this.capacity) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.slotsUsed++;
    const rf = this.recF, ri = this.recI, f = slot << 2, n = slot << 3;
    rf[f] = tie; rf[f + 1] = b;
    ri[n + 4] = kind; ri[n + 5] = target; ri[n + 6] = src; ri[n + 7] = a;
    // sift up
    const ht = this.heapTime, hs = this.heapSlot;
    let i = this.size++ + OFF;
    while (i > OFF) {
      const p = (i + 8) >> 2;
      const pt = ht[p];
      if (pt < time || (pt === time && rf[hs[p] << 2] <= tie)) break;
      ht[i] = pt; hs[i] = hs[p];
      i = p;
    }
    ht[i] = time; hs[i] = slot;
  }

  /** Time of the earliest event, or +Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.heapTime[OFF] : Infinity;
  }

  /** Tie-break of the earliest event (call only when not empty). */
  peekTie(): number {
    return this.recF[this.heapSlot[OFF] << 2];
  }

  /** Removes the earliest event into the `cur*` fields; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const ht = this.heapTime, hs = this.heapSlot, rf = this.recF, ri = this.recI;
    const slot = hs[OFF];
    const f = slot << 2, n = slot << 3;
    this.curTime = ht[OFF];
    this.curTie = rf[f];
    this.curB = rf[f + 1];
    this.curKind = ri[n + 4];
    this.curTarget = ri[n + 5];
    this.curSrc = ri[n + 6];
    this.curA = ri[n + 7];
    this.freeSlots[this.freeCount++] = slot;
    const last = --this.size + OFF;
    if (last > OFF) {
      const t = ht[last], sl = hs[last];
      const tie = rf[sl << 2];
      ht[last] = Infinity; ht[last + 1] = Infinity; ht[last + 2] = Infinity; ht[last + 3] = Infinity;
      let i = OFF;
      for (;;) {
        const first = (i << 2) - 8;
        if (first >= last) break;
        // the smallest of four children; cells past the last entry hold +Infinity
        let c = first, ct = ht[first], jt: number;
        jt = ht[first + 1];
        if (jt < ct || (jt === ct && rf[hs[first + 1] << 2] < rf[hs[c] << 2])) { c = first + 1; ct = jt; }
        jt = ht[first + 2];
        if (jt < ct || (jt === ct && rf[hs[first + 2] << 2] < rf[hs[c] << 2])) { c = first + 2; ct = jt; }
        jt = ht[first + 3];
        if (jt < ct || (jt === ct && rf[hs[first + 3] << 2] < rf[hs[c] << 2])) { c = first + 3; ct = jt; }
        if (t < ct || (t === ct && tie <= rf[hs[c] << 2])) break;
        ht[i] = ct; hs[i] = hs[c];
        i = c;
      }
      ht[i] = t; hs[i] = sl;
    }
    return true;
  }

  clear(): void {
    this.size = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
  }
}

/**
 * The figures each partition publishes at the end of every window, read by all after the
 * barrier: a Float64Array with one row per (window parity, partition). Two parities, so a
 * fast partition writing the next window's row never overwrites one still being read.
 * Row fields (stride = 3 + threads + 3·broadcasts):
 *   [0] next    earliest time among its queued events and the messages it just sent out
 *   [1] phantom latest phantom event time (see PhantomEvents, protocols/broadcast/phantoms.ts)
 *   [2] last    time of its latest processed event
 *   [3 + j]     records it wrote to partition j's outbox in this window
 *   [3 + threads + 3b]      peers of this partition informed of broadcast b so far
 *   [3 + threads + 3b + 1]  messages of broadcast b it sent that are still in flight, less
 *                           those it received (summed over partitions: those in flight)
 *   [3 + threads + 3b + 2]  peers of this partition that went down holding broadcast b
 */
export const NEXT = 0;
export const PHANTOM = 1;
export const LAST = 2;
const FIXED = 3;
/** Fields per broadcast: informed, pending, down. */
const PER_BROADCAST = 3;

export class Board {
  readonly cells: Float64Array;
  readonly stride: number;

  constructor(buffer: SharedArrayBuffer, readonly threads: number, readonly broadcasts: number) {
    this.cells = new Float64Array(buffer);
    this.stride = FIXED + threads + PER_BROADCAST * broadcasts;
  }

  static allocate(threads: number, broadcasts: number): SharedArrayBuffer {
    return new SharedArrayBuffer(2 * threads * (FIXED + threads + PER_BROADCAST * broadcasts) * 8);
  }

  row(parity: number, partition: number): number {
    return (parity * this.threads + partition) * this.stride;
  }

  outCount(parity: number, from: number, to: number): number {
    return this.cells[this.row(parity, from) + FIXED + to];
  }

  /** Offset in a row of broadcast b's informed count (pending, then down, follow it). */
  informedField(b: number): number {
    return FIXED + this.threads + PER_BROADCAST * b;
  }

  outField(to: number): number {
    return FIXED + to;
  }
}

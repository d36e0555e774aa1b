/**
 * The figures each partition publishes at the end of every window, read by all after the
 * barrier: a Float64Array with one row per (window parity, partition). Two parities, so a
 * fast partition writing the next window's row never overwrites one still being read.
 * Row fields (stride = 3 + threads + the families' cells):
 *   [0] next    earliest time among its queued events and the messages it just sent out
 *   [1] phantom latest time of an arrival a family settled without queueing it
 *   [2] last    time of its latest processed event
 *   [3 + j]     records it wrote to partition j's outbox in this window
 *   [3 + threads ...]  each split family's cells, in registry order (SplitSetup.cells)
 */
export const NEXT = 0;
export const PHANTOM = 1;
export const LAST = 2;
const FIXED = 3;

export class Board {
  readonly cells: Float64Array;
  readonly stride: number;

  constructor(buffer: SharedArrayBuffer, readonly threads: number, familyCells: number) {
    this.cells = new Float64Array(buffer);
    this.stride = FIXED + threads + familyCells;
  }

  static allocate(threads: number, familyCells: number): SharedArrayBuffer {
    return new SharedArrayBuffer(2 * threads * (FIXED + threads + familyCells) * 8);
  }

  row(parity: number, partition: number): number {
    return (parity * this.threads + partition) * this.stride;
  }

  outCount(parity: number, from: number, to: number): number {
    return this.cells[this.row(parity, from) + FIXED + to];
  }

  /** Offset in a row of the family cells starting at `first` (of all families' cells). */
  familyField(first: number): number {
    return FIXED + this.threads + first;
  }

  outField(to: number): number {
    return FIXED + to;
  }
}

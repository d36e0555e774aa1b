/**
 * The payload layout of every peer-sampling message (lists of view entries, and the
 * joiner's epoch), over the transport's typed payload pools (network/messages.ts).
 */
import { PayloadPool } from '../../network/messages.js';

/**
 * Slot layout, 2 + 2·maxEntries Int32s:
 *   [0]          number of entries k (<= maxEntries)
 *   [1]          the joining peer's epoch (join messages; 0 otherwise)
 *   [2 + 2i]     id of entry i
 *   [3 + 2i]     age of entry i
 */
export class EntryPayloads extends PayloadPool {
  readonly maxEntries: number;

  constructor(maxEntries: number) {
    super(2 + 2 * maxEntries, 1024);
    this.maxEntries = maxEntries;
  }

  /** A new payload with no entries, carrying `epoch`. */
  compose(epoch = 0): number {
    const slot = this.take();
    const at = slot * this.stride;
    this.data[at] = 0;
    this.data[at + 1] = epoch;
    return slot;
  }

  count(slot: number): number {
    return this.data[slot * this.stride];
  }

  epoch(slot: number): number {
    return this.data[slot * this.stride + 1];
  }

  /** Appends an entry; ignored when the slot is full. */
  push(slot: number, id: number, age: number): void {
    const base = slot * this.stride;
    const k = this.data[base];
    if (k >= this.maxEntries) return;
    this.data[base + 2 + 2 * k] = id;
    this.data[base + 3 + 2 * k] = age;
    this.data[base] = k + 1;
  }

  id(slot: number, i: number): number {
    return this.data[slot * this.stride + 2 + 2 * i];
  }

  age(slot: number, i: number): number {
    return this.data[slot * this.stride + 3 + 2 * i];
  }
}

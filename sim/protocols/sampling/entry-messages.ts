/**
 * Payloads of peer-sampling messages (lists of view entries) in one pooled Int32Array:
 * an event carries only two numbers, so a message carries the index of its payload slot.
 */

/**
 * Slot layout, STRIDE = 1 + 2·maxEntries Int32s:
 *   [0]          number of entries k (<= maxEntries)
 *   [1 + 2i]     id of entry i
 *   [2 + 2i]     age of entry i
 * A slot is taken by `alloc` when a message is built and given back by `release` when the
 * message is consumed, lost, or reaches a peer that is down.
 */
export class EntryMessages {
  readonly maxEntries: number;
  readonly stride: number;
  data: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private slots = 0;
  /** Slots handed out and not yet released (messages in flight). */
  inFlight = 0;

  constructor(maxEntries: number, initialSlots = 1024) {
    this.maxEntries = maxEntries;
    this.stride = 1 + 2 * maxEntries;
    this.data = new Int32Array(initialSlots * this.stride);
    this.free = new Int32Array(initialSlots);
  }

  /** A fresh slot with no entries. */
  alloc(): number {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount];
    } else {
      slot = this.slots++;
      if (slot * this.stride + this.stride > this.data.length) {
        const b = new Int32Array(this.data.length * 2);
        b.set(this.data);
        this.data = b;
        const f = new Int32Array(this.free.length * 2);
        f.set(this.free);
        this.free = f;
      }
    }
    this.data[slot * this.stride] = 0;
    this.inFlight++;
    return slot;
  }

  release(slot: number): void {
    this.free[this.freeCount++] = slot;
    this.inFlight--;
  }

  count(slot: number): number {
    return this.data[slot * this.stride];
  }

  /** Appends an entry; ignored when the slot is full. */
  push(slot: number, id: number, age: number): void {
    const base = slot * this.stride;
    const k = this.data[base];
    if (k >= this.maxEntries) return;
    this.data[base + 1 + 2 * k] = id;
    this.data[base + 2 + 2 * k] = age;
    this.data[base] = k + 1;
  }

  id(slot: number, i: number): number {
    return this.data[slot * this.stride + 1 + 2 * i];
  }

  age(slot: number, i: number): number {
    return this.data[slot * this.stride + 2 + 2 * i];
  }
}

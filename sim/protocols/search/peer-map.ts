/**
 * A small open-addressing hash map from peer id to a non-negative integer below 2^53 (a
 * query's record of its visit to that peer, see QuerySlot). One per active query: memory
 * grows with the peers a query touches, not with the network, and `clear()` makes it
 * reusable for the next query.
 */

const EMPTY = 0;

export class PeerMap {
  /** peer + 1 per slot; 0 = empty. */
  private keys: Int32Array;
  private vals: Float64Array;
  private mask: number;
  /** Number of peers in the map. */
  size = 0;

  constructor(initialCapacity = 64) {
    let c = 16;
    while (c < initialCapacity * 2) c *= 2;
    this.keys = new Int32Array(c);
    this.vals = new Float64Array(c);
    this.mask = c - 1;
  }

  get bytes(): number {
    return this.keys.byteLength + this.vals.byteLength;
  }

  private slotOf(peer: number): number {
    const key = peer + 1;
    const keys = this.keys, mask = this.mask;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key || k === EMPTY) return i;
      i = (i + 1) & mask;
    }
  }

  /** Value stored for `peer`, or -1 when absent. */
  get(peer: number): number {
    const i = this.slotOf(peer);
    return this.keys[i] === EMPTY ? -1 : this.vals[i];
  }

  has(peer: number): boolean {
    return this.keys[this.slotOf(peer)] !== EMPTY;
  }

  /** Stores `value` for `peer`; returns true when the peer was not in the map before. */
  set(peer: number, value: number): boolean {
    const i = this.slotOf(peer);
    if (this.keys[i] !== EMPTY) {
      this.vals[i] = value;
      return false;
    }
    this.insertAt(i, peer, value);
    return true;
  }

  /** Stores `value` for `peer` only if absent; returns true when it was stored. */
  add(peer: number, value: number): boolean {
    const i = this.slotOf(peer);
    if (this.keys[i] !== EMPTY) return false;
    this.insertAt(i, peer, value);
    return true;
  }

  /** Puts an absent `peer` in free slot `i` (found by slotOf), growing the table first if full. */
  private insertAt(i: number, peer: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      i = this.slotOf(peer);
    }
    this.keys[i] = peer + 1;
    this.vals[i] = value;
    this.size++;
  }


  private grow(): void {
    const oldKeys = this.keys, oldVals = this.vals;
    const c = oldKeys.length * 2;
    this.keys = new Int32Array(c);
    this.vals = new Float64Array(c);
    this.mask = c - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j];
      if (k === EMPTY) continue;
      const i = this.slotOf(k - 1);
      this.keys[i] = k;
      this.vals[i] = oldVals[j];
    }
  }

  /** Calls `visit` with every peer in the map (in slot order, not insertion order). */
  forEachPeer(visit: (peer: number) => void): void {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) visit(keys[i] - 1);
  }

  clear(): void {
    if (this.size > 0) this.keys.fill(EMPTY);
    this.size = 0;
  }
}

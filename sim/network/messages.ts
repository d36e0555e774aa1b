/**
 * Typed message payloads, the one way every family's messages carry data. A message type
 * (Transport.messageType) lays its payload out as `stride` Int32 fields, documented by its
 * family; payloads live in a pool (one Int32Array, slot s at [s·stride, (s+1)·stride)), and
 * the event that carries a message holds only its type (the event kind) and its slot.
 * Slots are recycled: taken when a message is composed, given back by the transport once
 * the message is lost or its handler has returned. No object per message.
 */

/** Handles a message that arrived at `to` from `from`; its fields are at pool.data[slot·stride ...]. */
export type MessageHandler = (to: number, from: number, slot: number) => void;

export class PayloadPool {
  /** Int32 fields a slot. */
  readonly stride: number;
  /** The fields of every slot. Re-read after `take`: it is replaced when the pool grows. */
  data: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private slots = 0;
  /** Slots taken and not given back (messages composed or in flight). */
  inUse = 0;

  constructor(stride: number, initialSlots = 256) {
    this.stride = stride;
    this.data = new Int32Array(initialSlots * stride);
    this.free = new Int32Array(initialSlots);
  }

  /** A slot for a new message; its fields hold what an earlier message left: write them. */
  take(): number {
    this.inUse++;
    // Small enough to be inlined into every sender: the growth is out of line.
    return this.freeCount > 0 ? this.free[--this.freeCount] : this.fresh();
  }

  /** A slot never used before, growing the arrays when they are full. */
  private fresh(): number {
    const slot = this.slots++;
    if (slot >= this.free.length) {
      const f = new Int32Array(this.free.length * 2);
      f.set(this.free);
      this.free = f;
      const d = new Int32Array(f.length * this.stride);
      d.set(this.data);
      this.data = d;
    }
    return slot;
  }

  give(slot: number): void {
    this.free[this.freeCount++] = slot;
    this.inUse--;
  }

  /** Bytes held by the pool's arrays. */
  get bytes(): number {
    return this.data.byteLength + this.free.byteLength;
  }
}

/** A registered message type: its event kind and the pool its payloads live in. */
export class MessageType {
  constructor(
    readonly name: string,
    readonly kind: number,
    readonly pool: PayloadPool,
  ) {}
}

/**
 * A message type declared by its fields (Transport.message) whose fields fit in the event
 * itself, so the transport carries them there: at most two Int32 fields (the event's `a`,
 * and its `b`). Its handler gets them as arguments; a split run's outboxes copy them like
 * any event's numbers.
 */
export class InlineMessageType {
  constructor(
    readonly name: string,
    readonly kind: number,
    readonly fields: readonly string[],
  ) {}
}

/** Handles a message of an InlineMessageType: its fields in declaration order (0 when absent). */
export type InlineHandler = (to: number, from: number, f0: number, f1: number) => void;

/**
 * The state of one query in flight, reused from a pool once the query is over: who asked
 * for what, its message counters, the peers it reached and its trail (the reverse path
 * answers follow back to the origin). Messages carry the slot index, so a slot is only
 * reused after its last message has been delivered.
 */
import { PeerMap } from './peer-map.js';
import type { SearchProtocol } from './protocol.js';

const INITIAL_TRAIL = 64;

export class QuerySlot {
  readonly index: number;
  active = false;
  /** Index of the query in the run (0, 1, 2... in launch order). */
  query = 0;
  /** Index of the `workload.searches` entry that launched it. */
  spec = 0;
  protocol!: SearchProtocol;
  origin = 0;
  item = 0;
  /** Simulated time the query started. */
  startTime = 0;

  // Message counters (every message sent for the query, lost or dropped ones included).
  queryMessages = 0;
  answerMessages = 0;
  /** Walker checks and their replies, directory misses. */
  controlMessages = 0;
  /** Messages of this query handed to the network and not yet delivered. */
  inFlight = 0;

  /** Answers that reached the origin. */
  answers = 0;
  /** Time from start to the first answer at the origin (NaN until then). */
  timeToHit = NaN;
  /** Hops from the origin to the holder (or index) whose answer arrived first. */
  hopsToHit = -1;
  /** Distinct peers probed (origin excluded) when the first holder was probed; -1 before. */
  probesToHit = -1;
  /** True when the origin held the item itself (no message sent). */
  localHit = false;

  // Protocol-specific fields (documented where used).
  /** expanding-ring: rings tried so far. */
  rings = 0;
  /** expanding-ring: TTL of the current ring. */
  ringTtl = 0;
  /** Entries from this index on belong to the current ring (flood: 0). */
  ringStartEntry = 0;
  /** directory: super-peers asked so far by the origin's super-peer. */
  asked = 0;
  /** directory: position in the super-peer list where the asking order starts. */
  askFrom = 0;

  /** Peers that processed the query → their first trail entry (in the current ring). */
  readonly seen = new PeerMap();
  // The trail: entry e = (peer, previous entry, hops from the origin). Entry prev = -1 marks
  // the origin. Answers go from a peer to the sender of its first entry, and so on back.
  trailPeer = new Int32Array(INITIAL_TRAIL);
  trailPrev = new Int32Array(INITIAL_TRAIL);
  trailHops = new Int32Array(INITIAL_TRAIL);
  trailLength = 0;

  constructor(index: number) {
    this.index = index;
  }

  /** Appends a trail entry and returns its index. */
  addEntry(peer: number, prev: number, hops: number): number {
    if (this.trailLength === this.trailPeer.length) {
      const c = this.trailPeer.length * 2;
      const grow = (a: Int32Array) => { const b = new Int32Array(c); b.set(a); return b; };
      this.trailPeer = grow(this.trailPeer);
      this.trailPrev = grow(this.trailPrev);
      this.trailHops = grow(this.trailHops);
    }
    const e = this.trailLength++;
    this.trailPeer[e] = peer;
    this.trailPrev[e] = prev;
    this.trailHops[e] = hops;
    return e;
  }

  /** Distinct peers that processed the query, origin excluded. */
  get peersProbed(): number {
    return this.seen.has(this.origin) ? this.seen.size - 1 : this.seen.size;
  }

  get messages(): number {
    return this.queryMessages + this.answerMessages + this.controlMessages;
  }

  /** Prepares the slot for a new query. */
  reset(query: number, spec: number, protocol: SearchProtocol, origin: number, item: number, now: number): void {
    this.active = true;
    this.query = query;
    this.spec = spec;
    this.protocol = protocol;
    this.origin = origin;
    this.item = item;
    this.startTime = now;
    this.queryMessages = 0;
    this.answerMessages = 0;
    this.controlMessages = 0;
    this.inFlight = 0;
    this.answers = 0;
    this.timeToHit = NaN;
    this.hopsToHit = -1;
    this.probesToHit = -1;
    this.localHit = false;
    this.rings = 0;
    this.ringTtl = 0;
    this.ringStartEntry = 0;
    this.asked = 0;
    this.askFrom = 0;
    this.seen.clear();
    this.trailLength = 0;
  }
}

/** Slots handed out to queries in flight and taken back when they end. */
export class SlotPool {
  readonly slots: QuerySlot[] = [];
  private free: number[] = [];

  acquire(): QuerySlot {
    const i = this.free.pop();
    if (i !== undefined) return this.slots[i];
    const slot = new QuerySlot(this.slots.length);
    this.slots.push(slot);
    return slot;
  }

  release(slot: QuerySlot): void {
    slot.active = false;
    // Keep the pool deterministic: the most recently freed slot is reused first.
    this.free.push(slot.index);
  }

  /** Slots of queries still in flight, in slot order. */
  active(): QuerySlot[] {
    return this.slots.filter((s) => s.active);
  }
}

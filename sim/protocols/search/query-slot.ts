/**
 * The state of one query in flight, reused from a pool once the query is over: who asked
 * for what, its message counters, and the peers it reached with the peer each first heard
 * it from (the reverse path answers follow back to the origin). Messages carry the slot
 * index, so a slot is only reused after its last message has been delivered; all else a
 * peer needs to act on a message (hops so far, where a walker came from) travels in it.
 */
import { PeerMap } from './peer-map.js';
import type { SearchProtocol } from './protocol.js';

/** A visit record packs ring · PARENT_SPAN + parent + 1 (parent −1: the origin itself). */
const PARENT_SPAN = 134_217_728; // 2^27 > every peer id + 1; rings (TTL ≤ 2^16) keep records exact

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
  /**
   * expanding-ring: rings tried so far, the current one's number (0 for every other
   * protocol: a flood's one flood is ring 0). Visits record the ring they belong to.
   */
  rings = 0;
  /** expanding-ring: TTL of the current ring. */
  ringTtl = 0;
  /** directory: super-peers asked so far by the origin's super-peer. */
  asked = 0;
  /** directory: position in the super-peer list where the asking order starts. */
  askFrom = 0;

  /**
   * Peers that processed the query → the ring of their latest first visit and the peer it
   * came from (see `visit`). Answers go from a peer to that one, and so on back.
   */
  readonly seen = new PeerMap();

  constructor(index: number) {
    this.index = index;
  }

  /**
   * Records that `peer` processes the query, first heard from `parent` (−1: it is the
   * origin), in the current ring: replacing an earlier record when `replace`, else only if
   * the peer had none (a walk keeps each peer's first visit). True when the peer is new.
   */
  visit(peer: number, parent: number, replace: boolean): boolean {
    const record = this.rings * PARENT_SPAN + parent + 1;
    return replace ? this.seen.set(peer, record) : this.seen.add(peer, record);
  }

  /** Whether `peer` processed the query in the current ring. */
  seenInRing(peer: number): boolean {
    const record = this.seen.get(peer);
    return record >= 0 && Math.floor(record / PARENT_SPAN) === this.rings;
  }

  /** The peer `peer` (which processed the query) first heard it from; −1 for the origin. */
  parentOf(peer: number): number {
    const record = this.seen.get(peer);
    return record < 0 ? -1 : (record % PARENT_SPAN) - 1;
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
    this.asked = 0;
    this.askFrom = 0;
    this.seen.clear();
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

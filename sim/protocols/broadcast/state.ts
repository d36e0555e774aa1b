/**
 * One broadcast's state: which peers hold the rumour (a bitset, 1 bit a peer, kept after
 * the broadcast ends for anti-entropy) and the counters its result is made of.
 */
import type { BroadcastSpec } from './schema.js';
import type { BroadcastResult, TraceEntry } from './results-section.js';
import type { BroadcastProtocol } from './protocol.js';
import { Timeline } from './timeline.js';

/**
 * Lifecycle of a broadcast: Waiting (its start lies in the future), Running (ticks may
 * still come or messages are in flight), Ended (neither: the result is final).
 */
export const Phase = { Waiting: 0, Running: 1, Ended: 2 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export type { TraceEntry };

export class BroadcastState {
  phase: Phase = Phase.Waiting;
  origin = -1;
  /** Bit p set when peer p holds the rumour (peers keep it while offline). */
  informed: Uint32Array = new Uint32Array(0);

  /** Distinct peers that ever got the rumour (those that left since included). */
  reachedEver = 0;
  /** Peers that hold the rumour and are alive now. */
  liveInformed = 0;
  /** Messages handed to the network: pushes, pull requests and replies, lost ones included. */
  messages = 0;
  /** Messages that delivered the rumour to a peer that already had it. */
  duplicates = 0;
  /** Messages the network lost. */
  lost = 0;
  /** Messages that arrived at a peer that was offline (dropped). */
  dropped = 0;
  /** Peers given the rumour by anti-entropy (churn `sync`) rather than by gossip. */
  synced = 0;
  /** Messages of this broadcast in flight (sent, not lost, not yet arrived). */
  pending = 0;
  /** Round ticks done so far (the round in progress). */
  round = 0;
  /** Whether round ticks are still scheduled. */
  ticking = false;
  /** Round (or hop) and time of the latest informing; largest hop seen. */
  lastRound = 0;
  lastTime = 0;
  maxRound = 0;
  /** Alive count when the broadcast ended (or when the run ended, if it did not). */
  aliveAtEnd = 0;
  /**
   * While the broadcast runs with elision: the earliest arrival time of a copy in flight
   * to each peer (+Infinity: none), 8 bytes a peer, released when it ends.
   */
  earliest: Float64Array | null = null;
  /**
   * Cycle engine only, while the broadcast runs (1 bit a peer each): `fresh` marks the
   * peers informed by gossip in the round in progress (so `informed & ~fresh` is the
   * snapshot the round acts on), `forwarders` those informed in the previous round (they
   * forward in this one, for `forward: once` and flood). Released when it ends.
   */
  fresh: Uint32Array | null = null;
  forwarders: Uint32Array | null = null;
  /** Bits set in `fresh` / `forwarders`. */
  freshCount = 0;
  forwarderCount = 0;
  /**
   * Cycle engine, protocols whose forwarding skips the sender (flood): the peer each fresh
   * peer first got the rumour from (-1: none), 4 bytes a peer.
   */
  informedBy: Int32Array | null = null;
  readonly timeline = new Timeline();
  trace: TraceEntry[] | null = null;
  result: BroadcastResult | null = null;

  constructor(
    /** Rumour id: broadcasts are numbered in order of start time. */
    readonly id: number,
    /** Index of the entry in `workload.broadcasts` this broadcast comes from. */
    readonly specIndex: number,
    readonly spec: BroadcastSpec,
    /** What each peer does (push, pull, push-pull or flood). */
    readonly protocol: BroadcastProtocol,
    /** Simulated time the rumour is created at its origin. */
    readonly start: number,
  ) {}

  /** Allocates the bitsets for peers 0..capacity-1 (grows, keeping bits). */
  ensureCapacity(capacity: number): void {
    const words = (capacity + 31) >>> 5;
    if (words <= this.informed.length) return;
    const size = Math.max(words, this.informed.length * 2);
    this.informed = grownBits(this.informed, size);
    if (this.fresh) this.fresh = grownBits(this.fresh, size);
    if (this.forwarders) this.forwarders = grownBits(this.forwarders, size);
    if (this.informedBy) {
      const by = new Int32Array(size * 32).fill(-1);
      by.set(this.informedBy);
      this.informedBy = by;
    }
  }

  /** Cycle engine: allocates the round bitsets (the broadcast begins). */
  startRounds(): void {
    const size = this.informed.length;
    this.fresh = new Uint32Array(size);
    this.forwarders = new Uint32Array(size);
    this.freshCount = 0;
    this.forwarderCount = 0;
    if (this.protocol.forwardSkipsSender) this.informedBy = new Int32Array(size * 32).fill(-1);
  }

  /** Cycle engine: the peers informed in the round that ended become this round's forwarders. */
  nextRound(): void {
    const last = this.fresh!;
    this.fresh = this.forwarders!;
    this.fresh.fill(0);
    this.forwarders = last;
    this.forwarderCount = this.freshCount;
    this.freshCount = 0;
  }

  /** Cycle engine: releases the round bitsets (the broadcast ended). */
  endRounds(): void {
    this.fresh = null;
    this.forwarders = null;
    this.informedBy = null;
    this.freshCount = 0;
    this.forwarderCount = 0;
  }

  /** Cycle engine: `peer` was informed by gossip (from `from`) in the round in progress. */
  markFresh(peer: number, from: number): void {
    if ((peer >>> 5) >= this.fresh!.length) this.ensureCapacity(peer + 1);
    this.fresh![peer >>> 5] |= 1 << (peer & 31);
    this.freshCount++;
    if (this.informedBy) this.informedBy[peer] = from;
  }

  /**
   * Whether `peer` held the rumour when the round in progress began (cycle engine: informed
   * and not fresh); in the event engine, whether it holds it now.
   */
  heldBefore(peer: number): boolean {
    if (!this.has(peer)) return false;
    const fresh = this.fresh;
    return fresh === null || ((fresh[peer >>> 5] >>> (peer & 31)) & 1) === 0;
  }

  /**
   * Starts tracking the earliest arrival in flight to each peer; a partition of a split run,
   * to its own peers [lo, hi) only (the rest of the array is never written, so never takes
   * memory).
   */
  trackArrivals(capacity: number, lo = 0, hi = Infinity): void {
    const old = this.earliest;
    if (old && old.length >= capacity) return;
    const size = Math.max(capacity, old ? old.length * 2 : 0);
    this.earliest = new Float64Array(size).fill(Infinity, lo, Math.min(hi, size));
    if (old) this.earliest.set(old);
  }

  /** Earliest arrival in flight to `peer` (+Infinity: none). */
  earliestArrival(peer: number): number {
    const e = this.earliest!;
    if (peer >= e.length) this.trackArrivals(peer + 1);
    return this.earliest![peer];
  }

  has(peer: number): boolean {
    const w = peer >>> 5;
    return w < this.informed.length && ((this.informed[w] >>> (peer & 31)) & 1) === 1;
  }

  /** Sets peer's bit (the caller checked it was clear and keeps the counters). */
  mark(peer: number): void {
    if ((peer >>> 5) >= this.informed.length) this.ensureCapacity(peer + 1);
    this.informed[peer >>> 5] |= 1 << (peer & 31);
  }
}

function grownBits(bits: Uint32Array, words: number): Uint32Array {
  const next = new Uint32Array(words);
  next.set(bits);
  return next;
}

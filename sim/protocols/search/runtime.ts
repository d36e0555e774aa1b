/**
 * What every search protocol shares: sending a query or control message (counted for its
 * query, through the transport, from the true sending peer), and answers that go back to
 * the origin one hop at a time, each peer passing them to the peer it first heard the
 * query from. A message carries all its receiver needs besides that per-peer record.
 */
import type { PeerStreams } from '../../engine/random.js';
import { bandTie } from '../../engine/simulator.js';
import type { DataPlacement } from '../../data/placement.js';
import type { Linkable } from '../../overlay/graph.js';
import type { SimContext } from '../../run/context.js';
import type { InlineMessageType, MessageType } from '../../network/messages.js';
import type { QuerySlot } from './query-slot.js';

/**
 * The fields of the search messages (Transport.message), in order. A query's and an
 * answer's two, by far the most messages, ride in the event itself; a control message's
 * four take a payload slot (layout: [0] the query, its QuerySlot index; [1] hops from the
 * origin of the visit it is about; [2] the code, protocol.ts; [3] the peer the visit's
 * query came from, −1: none).
 */
export const QUERY_FIELDS = ['query', 'hops'] as const;
export const ANSWER_FIELDS = ['query', 'hops'] as const;
export const CONTROL_LAYOUT = ['query', 'hops', 'code', 'about'] as const;
export const CONTROL_FIELDS = CONTROL_LAYOUT.length;

/** The search message types (declared by their fields: the transport decides where they live). */
export interface SearchMessages {
  /** hops: of the sender's visit. */
  query: InlineMessageType;
  /** hops: from the origin to the holder (or index) that answered. */
  answer: InlineMessageType;
  /** A code about a visit `hops` from the origin (see SearchRuntime.sendControl). */
  control: MessageType;
}

export class SearchRuntime {
  /** Ring messages sent so far (not lost), for the tie-break of the next one. */
  private ringSeq = 0;
  /** Ring messages sent, those not lost, and the earliest arrival of one (split.ts resets it). */
  ringsSent = 0;
  ringArrivals = 0;
  ringEarliest = Infinity;
  /** The origins' streams for later rings (made at the first: 4 bytes a peer). */
  private ringStreams: PeerStreams | null = null;
  /** A split run: the origin's links as of the instant the query fell quiet (null: the overlay's). */
  ringLinks: Linkable | null = null;

  constructor(
    readonly ctx: SimContext,
    readonly data: DataPlacement,
    readonly messages: SearchMessages,
    /** Per-peer streams for the choices peers make (walk steps, asking order). */
    readonly streams: PeerStreams,
    /** A split run: whether this thread acts for the peer (null: one thread, for all). */
    readonly owns: ((peer: number) => boolean) | null = null,
  ) {}

  /** Whether this thread acts for `peer`. */
  mine(peer: number): boolean {
    return this.owns === null || this.owns(peer);
  }

  /** Sends the query from `from` (whose visit is `hops` from the origin) to `to`. */
  sendQuery(slot: QuerySlot, from: number, to: number, hops: number): void {
    slot.queryMessages++;
    if (this.ctx.transport.sendMessage(from, to, this.messages.query, slot.index, hops)) slot.inFlight++;
  }

  /**
   * Sends the query from the origin to `to` for a ring that starts at `time` (expanding
   * ring: the instant the query fell quiet). Its fate comes from the origin's 'search/ring'
   * stream and its tie-break from the rings' own sequence (the band after every peer's),
   * which no other event draws. So a split run's threads, which learn at a barrier that
   * the query fell quiet, all send it alike, as of `time`: each queues it for its own
   * peers only, and the origin's thread counts it. It arrives after the window that
   * held `time` (latency ≥ lookahead), so no thread has run past it.
   */
  sendRing(slot: QuerySlot, to: number, time: number): void {
    const origin = slot.origin, counted = this.mine(origin);
    if (counted) slot.queryMessages++;
    this.ringsSent++;
    this.ringStreams ??= this.ctx.peerStreams('search/ring');
    const delay = this.ctx.transport.drawWith(this.ringStreams.use(origin), counted);
    if (delay < 0) return;
    const arrival = time + delay;
    const tie = bandTie(this.ringSeq++);
    this.ringArrivals++;
    if (arrival < this.ringEarliest) this.ringEarliest = arrival;
    if (this.mine(to)) {
      this.ctx.sim.atTie(arrival, tie, this.messages.query.kind, to, origin, slot.index, 0);
      slot.inFlight++;
    }
  }

  /**
   * Sends a control message with `code` about a visit `hops` from the origin, whose query
   * came from `peer` (−1: none).
   */
  sendControl(slot: QuerySlot, from: number, to: number, code: number, peer: number, hops: number): void {
    slot.controlMessages++;
    const type = this.messages.control, pool = type.pool;
    const m = pool.take();
    const d = pool.data, at = m * CONTROL_FIELDS;
    d[at] = slot.index;
    d[at + 1] = hops;
    d[at + 2] = code;
    d[at + 3] = peer;
    if (this.ctx.transport.post(from, to, type, m)) slot.inFlight++;
  }

  /**
   * `peer` (which processed the query, `hops` from the origin) holds the item, or indexes
   * a holder: notes the search size of the first hit and sends an answer back.
   */
  hit(slot: QuerySlot, peer: number, hops: number): void {
    if (slot.probesToHit < 0) slot.probesToHit = slot.peersProbed;
    this.forwardAnswer(slot, peer, hops);
  }

  /** An answer message (of a hit `hops` from the origin) reached `peer`. */
  onAnswer(slot: QuerySlot, peer: number, hops: number): void {
    this.forwardAnswer(slot, peer, hops);
  }

  /**
   * Passes an answer from `peer` one hop back, or records it at the origin. Like a
   * Gnutella query hit routed by the query-id table, it goes to the peer from which `peer`
   * *first* received the query, so a walk's loops are cut out of the way back; for a flood
   * that is exactly the path the query came along.
   */
  private forwardAnswer(slot: QuerySlot, peer: number, hops: number): void {
    const to = slot.parentOf(peer);
    if (to < 0) {
      this.answerAtOrigin(slot, hops);
      return;
    }
    slot.answerMessages++;
    if (this.ctx.transport.sendMessage(peer, to, this.messages.answer, slot.index, hops)) slot.inFlight++;
  }

  private answerAtOrigin(slot: QuerySlot, hops: number): void {
    slot.answers++;
    if (slot.answers === 1) {
      slot.timeToHit = this.ctx.sim.now - slot.startTime;
      slot.hopsToHit = hops;
    }
  }
}

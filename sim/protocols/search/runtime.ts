/**
 * What every search protocol shares: sending a query or control message (counted for its
 * query, through the transport, from the true sending peer), and answers that go back to
 * the origin one hop at a time, each peer passing them to the peer it first heard the
 * query from. A message carries all its receiver needs besides that per-peer record.
 */
import type { PeerStreams } from '../../engine/random.js';
import type { DataPlacement } from '../../data/placement.js';
import type { SimContext } from '../../run/context.js';
import type { QuerySlot } from './query-slot.js';

/** Event kinds of search messages (registered by the component). */
export interface SearchKinds {
  /** a = slot, b = hops from the origin of the sender's visit. */
  query: number;
  /** a = slot, b = hops from the origin to the holder (or index) that answered. */
  answer: number;
  /** a = slot · 4 + code, b = what the code needs (see SearchRuntime.sendControl). */
  control: number;
}

/** A control message's payload packs (peer + 1) · HOPS_SPAN + hops. */
const HOPS_SPAN = 536_870_912; // 2^29

export class SearchRuntime {
  constructor(
    readonly ctx: SimContext,
    readonly data: DataPlacement,
    readonly kinds: SearchKinds,
    /** Per-peer streams for the choices peers make (walk steps, asking order). */
    readonly streams: PeerStreams,
  ) {}

  /** Sends the query from `from` (whose visit is `hops` from the origin) to `to`. */
  sendQuery(slot: QuerySlot, from: number, to: number, hops: number): void {
    slot.queryMessages++;
    if (this.ctx.transport.send(from, to, this.kinds.query, slot.index, hops)) slot.inFlight++;
  }

  /**
   * Sends a control message with `code` about a visit `hops` from the origin, whose query
   * came from `peer` (−1: none); decode with `controlPeer` and `controlHops`.
   */
  sendControl(slot: QuerySlot, from: number, to: number, code: number, peer: number, hops: number): void {
    if (!(hops < HOPS_SPAN)) throw new Error(`search: ${hops} hops do not fit a control message`);
    slot.controlMessages++;
    if (this.ctx.transport.send(from, to, this.kinds.control, slot.index * 4 + code, (peer + 1) * HOPS_SPAN + hops)) slot.inFlight++;
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
    if (this.ctx.transport.send(peer, to, this.kinds.answer, slot.index, hops)) slot.inFlight++;
  }

  private answerAtOrigin(slot: QuerySlot, hops: number): void {
    slot.answers++;
    if (slot.answers === 1) {
      slot.timeToHit = this.ctx.sim.now - slot.startTime;
      slot.hopsToHit = hops;
    }
  }
}

/** The peer a control message's payload names (−1: none). */
export function controlPeer(payload: number): number {
  return Math.floor(payload / HOPS_SPAN) - 1;
}

/** The hops a control message's payload carries. */
export function controlHops(payload: number): number {
  return payload % HOPS_SPAN;
}

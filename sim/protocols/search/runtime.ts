/**
 * What every search protocol shares: sending a query or control message (counted for its
 * query, through the transport, from the true sending peer), and answers that walk the
 * query's trail back to the origin one hop at a time.
 */
import type { PeerStreams } from '../../engine/random.js';
import type { DataPlacement } from '../../data/placement.js';
import type { SimContext } from '../../run/context.js';
import type { QuerySlot } from './query-slot.js';

/** Event kinds of search messages (registered by the component). */
export interface SearchKinds {
  /** a = slot, b = trail entry of the sender. */
  query: number;
  /** a = slot, b = hops · 2^32 + trail entry of the receiver. */
  answer: number;
  /** a = slot, b = entry · 4 + code. */
  control: number;
}

const HOPS_SHIFT = 2 ** 32;

export class SearchRuntime {
  constructor(
    readonly ctx: SimContext,
    readonly data: DataPlacement,
    readonly kinds: SearchKinds,
    /** Per-peer streams for the choices peers make (walk steps, asking order). */
    readonly streams: PeerStreams,
  ) {}

  /** Sends the query from `from` to `to`, carrying the sender's trail entry. */
  sendQuery(slot: QuerySlot, from: number, to: number, entry: number): void {
    slot.queryMessages++;
    if (this.ctx.transport.send(from, to, this.kinds.query, slot.index, entry)) slot.inFlight++;
  }

  /** Sends a control message about trail entry `entry`. */
  sendControl(slot: QuerySlot, from: number, to: number, code: number, entry: number): void {
    slot.controlMessages++;
    if (this.ctx.transport.send(from, to, this.kinds.control, slot.index, entry * 4 + code)) slot.inFlight++;
  }

  /**
   * The peer of trail entry `entry` holds the item (or indexes a holder): notes the search
   * size of the first hit and sends an answer back along the trail.
   */
  hit(slot: QuerySlot, entry: number): void {
    if (slot.probesToHit < 0) slot.probesToHit = slot.peersProbed;
    this.forwardAnswer(slot, entry, slot.trailHops[entry]);
  }

  /** An answer message reached `peer`; `b` packs the hit's hops and the receiver's entry. */
  onAnswer(slot: QuerySlot, b: number): void {
    const hops = Math.floor(b / HOPS_SHIFT);
    const entry = b - hops * HOPS_SHIFT;
    this.forwardAnswer(slot, entry, hops);
  }

  /**
   * Passes an answer from the peer of `entry` one hop back, or records it at the origin.
   * Like a Gnutella query hit routed by the query-id table, it goes to the peer from which
   * this peer *first* received the query (its entry in `seen`), so a walk's loops are cut
   * out of the way back; for a flood that is exactly the path the query came along.
   */
  private forwardAnswer(slot: QuerySlot, entry: number, hops: number): void {
    const from = slot.trailPeer[entry];
    const first = slot.seen.get(from);
    const prev = slot.trailPrev[first >= 0 ? first : entry];
    if (prev < 0) {
      this.answerAtOrigin(slot, hops);
      return;
    }
    slot.answerMessages++;
    const to = slot.trailPeer[prev];
    if (this.ctx.transport.send(from, to, this.kinds.answer, slot.index, hops * HOPS_SHIFT + prev)) slot.inFlight++;
  }

  private answerAtOrigin(slot: QuerySlot, hops: number): void {
    slot.answers++;
    if (slot.answers === 1) {
      slot.timeToHit = this.ctx.sim.now - slot.startTime;
      slot.hopsToHit = hops;
    }
  }
}

/**
 * What the broadcast engine needs to know when it runs as one partition of a parallel run
 * (sim/parallel/): which peers this thread acts for, and whom to tell of each informing so
 * that the per-broadcast timeline, trace and last round can be merged in global order.
 */
import type { BroadcastState } from './state.js';

export interface BroadcastPartition {
  /** First peer of this partition (a multiple of 32: no bitset word is shared). */
  readonly lo: number;
  /** One past the last peer of this partition (a multiple of 32, or the peer count). */
  readonly hi: number;
  /**
   * `peer` (of this partition) got the rumour now, in `round`, from `from` (-1: none).
   * Called once per informing, in this thread's event order.
   */
  informed(st: BroadcastState, peer: number, from: number, round: number): void;
}

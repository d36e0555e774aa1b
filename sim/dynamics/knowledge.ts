/**
 * Global knowledge (`network.knowledgeRefresh`, docs/dynamics.md): what a peer may learn of
 * the whole network without a message. It changes only at declared instants, so one thread
 * and N threads (sim/parallel/) read the same snapshot whatever the latency.
 */
import type { PeerTable } from '../run/peers.js';

/**
 * The snapshot of live peers a joining or repairing peer draws its bootstrap contact from:
 * `live[p]` is 1 when p was alive at the last rebuild, for p < `count` (the peers that
 * existed then; later arrivals are not known yet). Rebuilt in peer order at every multiple
 * of the refresh period and right after each failure (membership.ts).
 */
export class LiveSnapshot {
  live = new Uint8Array(0);
  count = 0;
  /** Rebuilds so far (each costs one pass over the peers). */
  rebuilds = 0;

  constructor(private readonly peers: PeerTable) {}

  rebuild(): void {
    const { alive, count } = this.peers;
    if (this.live.length < count) this.live = new Uint8Array(Math.max(count, Math.ceil(this.live.length * 1.5)));
    this.live.set(alive.subarray(0, count));
    this.count = count;
    this.rebuilds++;
  }
}

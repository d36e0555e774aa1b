/**
 * Global knowledge (`network.knowledgeRefresh`, docs/dynamics.md): what a peer may learn of
 * the whole network without a message. It changes only at declared instants, so one thread
 * and N threads (sim/parallel/) read the same snapshot whatever the latency.
 */
import type { PeerTable } from '../run/peers.js';

/**
 * The snapshot of live peers a joining or repairing peer draws its bootstrap contact from
 * (and, under drawn churn, a peer drawing uniform targets at its own event):
 * `live[p]` is 1 when p was alive at the last rebuild, for p < `count` (the peers that
 * existed then; later arrivals are not known yet). Rebuilt in peer order at every multiple
 * of the refresh period and right after each failure (membership.ts).
 */
export class LiveSnapshot {
  live = new Uint8Array(0);
  count = 0;
  /** Rebuilds so far (each costs one pass over the peers). */
  rebuilds = 0;
  /** How many of them were alive (−1: not counted since the last rebuild). */
  private live1 = -1;

  constructor(private readonly peers: PeerTable) {}

  rebuild(): void {
    const { alive, count } = this.peers;
    if (this.live.length < count) this.live = new Uint8Array(Math.max(count, Math.ceil(this.live.length * 1.5)));
    this.live.set(alive.subarray(0, count));
    this.count = count;
    this.rebuilds++;
    this.live1 = -1;
  }

  /** How many peers were alive at the last rebuild (counted on first use after it). */
  get liveCount(): number {
    if (this.live1 < 0) {
      let k = 0;
      const live = this.live;
      for (let p = 0; p < this.count; p++) k += live[p];
      this.live1 = k;
    }
    return this.live1;
  }
}

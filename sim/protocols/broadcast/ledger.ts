/**
 * The rumours peers hold, as anti-entropy (churn `sync`) sees them: a view of the
 * broadcast engine's per-broadcast bitsets. Rumour ids follow the broadcasts' start order.
 */
import type { RumourLedger } from '../../services/rumour-ledger.js';
import type { BroadcastEngine } from './engine.js';

export class BroadcastLedger implements RumourLedger {
  constructor(private readonly engine: BroadcastEngine) {}

  count(): number {
    return this.engine.started;
  }

  has(peer: number, rumour: number): boolean {
    return rumour < this.engine.started && this.engine.states[rumour].has(peer);
  }

  /**
   * Gives `peer` the rumour now. Call it once the peer is marked alive. While the broadcast
   * runs the peer then gossips like any informed peer; it counts in `reached` and `synced`.
   */
  deliver(peer: number, rumour: number): void {
    if (rumour < this.engine.started) this.engine.deliver(peer, rumour);
  }
}

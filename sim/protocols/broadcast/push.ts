/**
 * Push gossip. `forward: rounds`: at each tick every informed peer pushes the rumour to
 * `fanout` targets. `forward: once` (infect and die): a peer pushes once, when the rumour
 * first reaches it; its round is its hop count from the origin.
 */
import type { BroadcastSpec } from './schema.js';
import { GossipProtocol, type BroadcastNet } from './protocol.js';
import type { BroadcastState } from './state.js';

export class Push extends GossipProtocol {
  readonly periodic: boolean;
  readonly forwardsOnReceipt: boolean;
  readonly sendsOnArrival: boolean;

  constructor(spec: BroadcastSpec) {
    super(spec);
    const once = spec.forward === 'once';
    this.periodic = !once;
    this.forwardsOnReceipt = once;
    this.sendsOnArrival = once;
  }

  /** In rounds, every informed peer pushes at each tick. */
  protected pushing(held: number): number {
    return this.periodic ? held : 0;
  }

  protected asking(_held: number): number {
    return 0;
  }

  override received(net: BroadcastNet, st: BroadcastState, peer: number, from: number, round: number): void {
    if (this.forwardsOnReceipt) this.forward(net, st, peer, from, round + 1);
  }
}

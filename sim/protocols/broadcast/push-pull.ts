/**
 * Push-pull gossip: at each tick uninformed peers ask `fanout` targets for the rumour and
 * informed ones push it (`forward: rounds`), or push it once, when it first reaches them
 * (`forward: once`; that push counts in the round in progress).
 */
import type { BroadcastSpec } from './schema.js';
import { GossipProtocol, type BroadcastNet } from './protocol.js';
import type { BroadcastState } from './state.js';

export class PushPull extends GossipProtocol {
  readonly periodic = true;
  readonly forwardsOnReceipt: boolean;
  readonly sendsOnArrival = true;

  constructor(spec: BroadcastSpec) {
    super(spec);
    this.forwardsOnReceipt = spec.forward === 'once';
  }

  /** In rounds, every informed peer pushes at each tick. */
  protected pushing(held: number): number {
    return this.forwardsOnReceipt ? 0 : held;
  }

  /** Every uninformed peer asks at each tick. */
  protected asking(held: number): number {
    return ~held;
  }

  override received(net: BroadcastNet, st: BroadcastState, peer: number, from: number, _round: number): void {
    if (this.forwardsOnReceipt) this.forward(net, st, peer, from, Math.max(1, st.round));
  }
}

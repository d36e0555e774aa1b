/**
 * Pull gossip: at each tick every uninformed peer asks `fanout` targets for the rumour; a
 * target that holds it answers with it (the engine's requestArrives). `forward` concerns
 * pushing, so it changes nothing here.
 */
import { GossipProtocol, type BroadcastNet } from './protocol.js';
import type { BroadcastState } from './state.js';

export class Pull extends GossipProtocol {
  readonly periodic = true;
  readonly forwardsOnReceipt = false;
  readonly sendsOnArrival = true;

  acting(held: number): number {
    return ~held;
  }

  nextCycle(net: BroadcastNet, st: BroadcastState, peer: number, _holds: boolean, round: number): void {
    this.ask(net, st, peer, round);
  }
}

/**
 * Pull gossip: at each tick every uninformed peer asks `fanout` targets for the rumour; a
 * target that holds it answers with it (the engine's requestArrives). `forward` concerns
 * pushing, so it changes nothing here.
 */
import { GossipProtocol } from './protocol.js';

export class Pull extends GossipProtocol {
  readonly periodic = true;
  readonly forwardsOnReceipt = false;
  readonly sendsOnArrival = true;

  protected pushing(_held: number): number {
    return 0;
  }

  /** Every uninformed peer asks at each tick. */
  protected asking(held: number): number {
    return ~held;
  }
}

/**
 * The per-peer broadcast protocol, in the spirit of PeerSim's `nextCycle` / `processEvent`:
 * what one peer does at a round tick and when the rumour first reaches it. Push, pull,
 * push-pull and flood each implement it in a file of their own (protocols.ts lists them);
 * the engine (engine.ts) owns what they share (BroadcastState, rounds, delivery, counting)
 * and calls them without knowing which one runs.
 */
import type { BroadcastSpec } from '../../scenario/schema.js';
import type { Linkable } from '../../overlay/graph.js';
import type { Delivery } from './delivery.js';
import type { BroadcastState } from './state.js';
import type { TargetPicker } from './targets.js';

/** What a protocol acts through: the engine's, shared by every broadcast of a run. */
export interface BroadcastNet {
  /** Chooses gossip partners (uniform live peers or overlay neighbours). */
  readonly picker: TargetPicker;
  /** The overlay, read through Linkable (flood forwards to every neighbour). */
  readonly overlay: Linkable;
  /** Sends rumours and pull requests (through the transport, or within the round). */
  readonly delivery: Delivery;
}

export interface BroadcastProtocol {
  /** Peers act at round ticks (push or pull in rounds); else only forwarding spreads it. */
  readonly periodic: boolean;
  /** A peer forwards the rumour when it first gets it (push `once`, flood). */
  readonly forwardsOnReceipt: boolean;
  /** An arrival may make its receiver send (a forward, or the answer to a pull request). */
  readonly sendsOnArrival: boolean;
  /** Forwarding leaves out the peer the rumour came from (the cycle engine then keeps it). */
  readonly forwardSkipsSender: boolean;
  /**
   * Which of the 32 peers of one bitset word act at a round tick, given those of them that
   * held the rumour as the round began (`held`). A word-wide answer keeps the tick's walk
   * over the peers cheap: most peers of most words do nothing.
   */
  acting(held: number): number;
  /** Live `peer` acts at the tick of `round`; `holds`: it held the rumour as the round began. */
  nextCycle(net: BroadcastNet, st: BroadcastState, peer: number, holds: boolean, round: number): void;
  /**
   * Event engine: `peer` just got the rumour for the first time, from `from` (−1: none),
   * in `round`. (The cycle engine calls `forward` in the next round instead.)
   */
  received(net: BroadcastNet, st: BroadcastState, peer: number, from: number, round: number): void;
  /** `peer` forwards the rumour it got from `from`, as round `label` (nothing past maxRounds). */
  forward(net: BroadcastNet, st: BroadcastState, peer: number, from: number, label: number): void;
}

/** What push, pull and push-pull share: `fanout` targets a message, chosen by `targets`. */
export abstract class GossipProtocol implements BroadcastProtocol {
  abstract readonly periodic: boolean;
  abstract readonly forwardsOnReceipt: boolean;
  abstract readonly sendsOnArrival: boolean;
  readonly forwardSkipsSender = false;
  protected readonly fanout: number;
  protected readonly uniform: boolean;
  protected readonly maxRounds: number;

  constructor(spec: BroadcastSpec) {
    this.fanout = spec.fanout;
    this.uniform = spec.targets === 'uniform';
    this.maxRounds = spec.maxRounds;
  }

  abstract acting(held: number): number;
  abstract nextCycle(net: BroadcastNet, st: BroadcastState, peer: number, holds: boolean, round: number): void;

  received(_net: BroadcastNet, _st: BroadcastState, _peer: number, _from: number, _round: number): void {}

  forward(net: BroadcastNet, st: BroadcastState, peer: number, _from: number, label: number): void {
    if (label <= this.maxRounds) this.push(net, st, peer, label);
  }

  /** `peer` pushes the rumour to `fanout` targets, as round `round`. */
  protected push(net: BroadcastNet, st: BroadcastState, peer: number, round: number): void {
    const picker = net.picker, delivery = net.delivery;
    const k = this.uniform ? picker.uniform(peer, this.fanout) : picker.neighbours(peer, this.fanout);
    const out = picker.out;
    for (let j = 0; j < k; j++) delivery.rumour(st, peer, out[j], round);
  }

  /** `peer` asks `fanout` targets for the rumour (a pull request), in round `round`. */
  protected ask(net: BroadcastNet, st: BroadcastState, peer: number, round: number): void {
    const picker = net.picker, delivery = net.delivery;
    const k = this.uniform ? picker.uniform(peer, this.fanout) : picker.neighbours(peer, this.fanout);
    const out = picker.out;
    for (let j = 0; j < k; j++) delivery.request(st, peer, out[j], round);
  }
}

/**
 * The per-peer broadcast protocol, in the spirit of PeerSim's `nextCycle` / `processEvent`:
 * what the peers do at a round tick and what one peer does when the rumour first reaches it. Push, pull,
 * push-pull and flood each implement it in a file of their own (protocols.ts lists them);
 * the engine (engine.ts) owns what they share (BroadcastState, rounds, delivery, counting)
 * and calls them without knowing which one runs.
 */
import type { BroadcastSpec } from './schema.js';
import type { Linkable } from '../../overlay/graph.js';
import type { PeerTable } from '../../run/peers.js';
import type { Delivery } from './delivery.js';
import type { BroadcastState } from './state.js';
import type { TargetPicker } from './targets.js';

/** What a protocol acts through: the engine's, shared by every broadcast of a run. */
export interface BroadcastNet {
  /** Which peers exist and are alive. */
  readonly peers: PeerTable;
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
   * The tick of `round`: each live peer of bitset words [first, end) does its part, as
   * of the peers holding the rumour when the round began (`st.informed`, less `st.fresh`
   * in the cycle engine). The engine hands out the words (a parallel run shares them out
   * among its threads in chunks); one call walks many peers, so that the per-peer step
   * stays inlined in the loop (a call per peer costs ~15% of a push's CPU time).
   */
  nextCycle(net: BroadcastNet, st: BroadcastState, first: number, end: number, round: number): void;
  /**
   * Event engine: `peer` just got the rumour for the first time, from `from` (−1: none),
   * in `round`. (The cycle engine calls `forward` in the next round instead.)
   */
  received(net: BroadcastNet, st: BroadcastState, peer: number, from: number, round: number): void;
  /** `peer` forwards the rumour it got from `from`, as round `label` (nothing past maxRounds). */
  forward(net: BroadcastNet, st: BroadcastState, peer: number, from: number, label: number): void;
}

/**
 * What push, pull and push-pull share: at a tick some peers push the rumour to `fanout`
 * targets and some ask `fanout` targets for it, chosen by `targets`. A subclass says
 * which, for the 32 peers of a bitset word at a time (`pushing`, `asking`).
 */
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

  /** Of the 32 peers of a word, those that push at a tick, given those that `held` the rumour. */
  protected abstract pushing(held: number): number;
  /** Of the 32 peers of a word, those that ask for the rumour at a tick (a pull request). */
  protected abstract asking(held: number): number;

  nextCycle(net: BroadcastNet, st: BroadcastState, first: number, end: number, round: number): void {
    const peers = net.peers, picker = net.picker, delivery = net.delivery;
    const alive = peers.alive, n = peers.count;
    const fanout = this.fanout, uniform = this.uniform;
    const words = (n + 31) >>> 5;
    for (let w = first; w < end; w++) {
      // Re-read each word: the cycle engine informs peers while the loop runs.
      const bits = st.informed, fresh = st.fresh;
      const held = fresh === null ? bits[w] : bits[w] & ~fresh[w];
      const pushers = this.pushing(held);
      let acting = pushers | this.asking(held);
      if (w === words - 1 && (n & 31) !== 0) acting &= (1 << (n & 31)) - 1;
      while (acting !== 0) {
        const p = (w << 5) + (31 - Math.clz32(acting & -acting));
        acting &= acting - 1;
        if (alive[p] !== 1) continue;
        const k = uniform ? picker.uniform(p, fanout) : picker.neighbours(p, fanout);
        const out = picker.out;
        if ((pushers >>> (p & 31)) & 1) {
          for (let j = 0; j < k; j++) delivery.rumour(st, p, out[j], round);
        } else {
          for (let j = 0; j < k; j++) delivery.request(st, p, out[j], round);
        }
      }
    }
  }

  received(_net: BroadcastNet, _st: BroadcastState, _peer: number, _from: number, _round: number): void {}

  /**
   * Forwarding on receipt (push `once`): `fanout` targets, as round `label`. Uniform ones
   * as the peer knows them (TargetPicker.knownUniform: the live snapshot under drawn churn).
   */
  forward(net: BroadcastNet, st: BroadcastState, peer: number, _from: number, label: number): void {
    if (label > this.maxRounds) return;
    const picker = net.picker, delivery = net.delivery;
    const k = this.uniform ? picker.knownUniform(peer, this.fanout) : picker.neighbours(peer, this.fanout);
    const out = picker.out;
    for (let j = 0; j < k; j++) delivery.rumour(st, peer, out[j], label);
  }
}

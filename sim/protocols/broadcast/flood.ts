/**
 * Flooding: a peer forwards the rumour to every overlay neighbour but the sender when it
 * first gets it. No round ticks; a peer's round is its hop count, and maxRounds limits it
 * (fanout, targets, forward and period are ignored).
 */
import type { BroadcastSpec } from './schema.js';
import type { BroadcastNet, BroadcastProtocol } from './protocol.js';
import type { BroadcastState } from './state.js';

export class Flood implements BroadcastProtocol {
  readonly periodic = false;
  readonly forwardsOnReceipt = true;
  readonly sendsOnArrival = true;
  readonly forwardSkipsSender = true;
  private readonly maxRounds: number;

  constructor(spec: BroadcastSpec) {
    this.maxRounds = spec.maxRounds;
  }

  /** No round ticks: a flood spreads by forwarding alone. */
  nextCycle(_net: BroadcastNet, _st: BroadcastState, _first: number, _end: number, _round: number): void {}

  received(net: BroadcastNet, st: BroadcastState, peer: number, from: number, round: number): void {
    this.forward(net, st, peer, from, round + 1);
  }

  forward(net: BroadcastNet, st: BroadcastState, peer: number, from: number, label: number): void {
    if (label > this.maxRounds) return;
    const g = net.overlay, delivery = net.delivery;
    for (let i = 0, d = g.degree(peer); i < d; i++) {
      const q = g.neighbor(peer, i);
      if (q !== from) delivery.rumour(st, peer, q, label);
    }
  }
}

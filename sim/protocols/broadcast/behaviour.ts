/**
 * What each broadcast protocol does, as four switches the shared engine reads: who acts
 * at a round tick, and what a peer does when the rumour first reaches it.
 *
 * | protocol  | forward: rounds                          | forward: once                          |
 * |-----------|------------------------------------------|----------------------------------------|
 * | push      | each tick, informed peers push to fanout | on first receipt, push to fanout, once |
 * | pull      | each tick, uninformed peers ask fanout   | (same: `forward` concerns pushing)     |
 * | push-pull | each tick, informed push, uninformed ask | push once on receipt; uninformed ask   |
 * | flood     | on first receipt, send to every neighbour but the sender (fanout, targets, |
 * |           | forward and period ignored; maxRounds is the hop limit)                    |
 */
import type { BroadcastSpec } from '../../scenario/schema.js';

export interface Behaviour {
  /** At each round tick, every live informed peer pushes the rumour to `fanout` targets. */
  readonly pushEachRound: boolean;
  /** At each round tick, every live uninformed peer asks `fanout` targets for it (pull). */
  readonly pullEachRound: boolean;
  /** A peer pushes to `fanout` targets once, when the rumour first reaches it (infect-and-die). */
  readonly pushOnReceipt: boolean;
  /** A peer forwards to all its overlay neighbours but the sender, on first receipt. */
  readonly floodOnReceipt: boolean;
}

export function behaviourOf(spec: Pick<BroadcastSpec, 'protocol' | 'forward'>): Behaviour {
  const once = spec.forward === 'once';
  switch (spec.protocol) {
    case 'push':
      return { pushEachRound: !once, pullEachRound: false, pushOnReceipt: once, floodOnReceipt: false };
    case 'pull':
      return { pushEachRound: false, pullEachRound: true, pushOnReceipt: false, floodOnReceipt: false };
    case 'push-pull':
      return { pushEachRound: !once, pullEachRound: true, pushOnReceipt: once, floodOnReceipt: false };
    case 'flood':
      return { pushEachRound: false, pullEachRound: false, pushOnReceipt: false, floodOnReceipt: true };
  }
}

/** True when the protocol runs round ticks (a controller event per round). */
export function isPeriodic(b: Behaviour): boolean {
  return b.pushEachRound || b.pullEachRound;
}

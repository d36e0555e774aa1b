/**
 * The broadcast protocols by name: `protocol` in a broadcast spec picks one. A new
 * broadcast protocol is a file implementing BroadcastProtocol (protocol.ts) and a line here
 * (and its name in the scenario schema).
 *
 * | protocol  | forward: rounds                          | forward: once                          |
 * |-----------|------------------------------------------|----------------------------------------|
 * | push      | each tick, informed peers push to fanout | on first receipt, push to fanout, once |
 * | pull      | each tick, uninformed peers ask fanout   | (same: `forward` concerns pushing)     |
 * | push-pull | each tick, informed push, uninformed ask | push once on receipt; uninformed ask   |
 * | flood     | on first receipt, send to every neighbour but the sender (fanout, targets, |
 * |           | forward and period ignored; maxRounds is the hop limit)                    |
 */
import type { BroadcastSpec } from './schema.js';
import { Flood } from './flood.js';
import type { BroadcastProtocol } from './protocol.js';
import { Pull } from './pull.js';
import { Push } from './push.js';
import { PushPull } from './push-pull.js';

const PROTOCOLS: Record<BroadcastSpec['protocol'], new (spec: BroadcastSpec) => BroadcastProtocol> = {
  push: Push,
  pull: Pull,
  'push-pull': PushPull,
  flood: Flood,
};

/** The protocol a broadcast runs, set up from its spec. */
export function protocolOf(spec: BroadcastSpec): BroadcastProtocol {
  return new PROTOCOLS[spec.protocol](spec);
}

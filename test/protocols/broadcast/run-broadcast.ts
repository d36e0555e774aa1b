/** Runs one broadcast on a hand-built context: shared by the statistical tests. */
import { BroadcastComponent } from '../../../sim/protocols/broadcast/component';
import type { BroadcastResult } from '../../../sim/protocols/broadcast/results-section';
import type { Graph } from '../../../sim/overlay/graph';
import type { BroadcastSpec } from '../../../sim/protocols/broadcast/schema';
import type { Dist } from '../../../sim/scenario/dsl';
import { makeTestContext } from '../../helpers/context';
import { runComponents } from '../../helpers/context';

export function broadcastSpec(over: Partial<BroadcastSpec> = {}): BroadcastSpec {
  return {
    at: 0, count: 1, every: 30, origin: 'random', protocol: 'push', forward: 'rounds',
    fanout: 1, period: 1, maxRounds: 200, targets: 'uniform', ...over,
  };
}

/**
 * Six broadcasts of every protocol and forwarding mode, staggered in time, over uniform and
 * neighbour targets: the mix the determinism tests of both engines run.
 */
export const MIXED_BROADCASTS: BroadcastSpec[] = [
  broadcastSpec({ protocol: 'push' }),
  broadcastSpec({ protocol: 'pull', at: 0.5, targets: 'neighbours' }),
  broadcastSpec({ protocol: 'push-pull', at: 1, fanout: 2 }),
  broadcastSpec({ protocol: 'flood', at: 1.5 }),
  broadcastSpec({ protocol: 'push', forward: 'once', fanout: 3, at: 2, count: 3, every: 0.25 }),
  broadcastSpec({ protocol: 'push-pull', forward: 'once', fanout: 2, at: 2.5, targets: 'neighbours' }),
];

export interface OneBroadcast {
  n: number;
  seed: number;
  spec?: Partial<BroadcastSpec>;
  graph?: Graph;
  latency?: number | Dist;
  loss?: number;
}

export function runBroadcast(o: OneBroadcast): BroadcastResult {
  const ctx = makeTestContext({ n: o.n, seed: o.seed, graph: o.graph, latency: o.latency ?? 0.1, loss: o.loss ?? 0 });
  return runComponents(ctx, [new BroadcastComponent([broadcastSpec(o.spec)])]).broadcasts![0];
}

/** Mean of `f(seed)` over seeds 1..seeds. */
export function meanOverSeeds(seeds: number, f: (seed: number) => number): number {
  let sum = 0;
  for (let s = 1; s <= seeds; s++) sum += f(s);
  return sum / seeds;
}

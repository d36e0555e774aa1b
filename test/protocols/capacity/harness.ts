/**
 * Runs the capacity component alone on a hand-built context (no other components), so a
 * test can reach its per-peer ledger and call the `peerDown` listeners itself.
 */
import { Services } from '../../../sim/run/services';
import { Simulator } from '../../../sim/engine/simulator.js';
import { Transport } from '../../../sim/network/transport.js';
import { Graph } from '../../../sim/overlay/graph.js';
import { buildOverlay } from '../../../sim/overlay/build.js';
import { makeSampler } from '../../../sim/random/distributions.js';
import { makeStreamFactories, type SimContext } from '../../../sim/run/context.js';
import { PeerTable } from '../../../sim/run/peers.js';
import { validate } from '../../../sim/scenario/validate.js';
import { CapacityComponent, type CapacityResults } from '../../../sim/protocols/capacity/component.js';

export interface CapacityRun {
  ctx: SimContext;
  component: CapacityComponent;
  results: CapacityResults;
}

/** Peer `peer` leaves at `at` (as the churn component would announce it). */
export interface Departure { at: number; peer: number }

export function runCapacity(
  raw: Record<string, unknown>, departures: Departure[] = [],
  /** Called after the component started, before the run (to schedule checks). */
  before?: (ctx: SimContext, component: CapacityComponent) => void,
): CapacityRun {
  // A default overlay small runs can have (random-regular needs degree < peers).
  const count = (raw.peers as { count?: number } | undefined)?.count ?? 1000;
  const overlay0 = { degree: Math.min(4, count - 1) }; // n·k is even for every n
  const scenario = validate({ name: 'capacity test', duration: '30d', overlay: overlay0, ...raw });
  const n = scenario.peers.count;
  const peers = new PeerTable(n);
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length);
  const usesOverlay = scenario.capacity?.neighbours === 'overlay';
  const overlay = usesOverlay ? buildOverlay(scenario.overlay, n, streams.namedStream('overlay')) : new Graph(n, 16);
  const sim = new Simulator(n);
  const transport = new Transport(sim, makeSampler(scenario.network.latency), scenario.network.loss, streams.peerStreams('network'));
  const ctx: SimContext = {
    scenario, seed: scenario.seed, sim, peers, overlay, transport,
    peerStreams: streams.peerStreams, namedStream: streams.namedStream, peerDown: [], peerUp: [], peerArrive: [], services: new Services(),
  };
  const component = new CapacityComponent();
  component.start(ctx);
  const leave = sim.registerKind('test/leave', (p) => {
    peers.setAlive(p, false);
    for (const listener of ctx.peerDown) listener(p);
  });
  for (const d of departures) sim.at(d.at, leave, d.peer, -1);
  before?.(ctx, component);
  sim.run(scenario.duration);
  return { ctx, component, results: component.summarize(sim.now) };
}

/**
 * Builds what a run's components see (peers, overlay, scheduler, transport, streams) from
 * a scenario: the one place that wires them, for the runner, the benchmarks and tests.
 */
import { Simulator } from '../engine/simulator.js';
import { Transport } from '../network/transport.js';
import { buildOverlay } from '../overlay/build.js';
import type { Graph } from '../overlay/graph.js';
import { clampNonNegative, makeSampler } from '../random/distributions.js';
import type { Scenario } from '../scenario/schema.js';
import { makeStreamFactories, type SimContext } from './context.js';
import { initialQueueSlots } from './memory-estimate.js';
import { PeerTable } from './peers.js';
import { Services } from './services.js';

/**
 * A fresh context for `scenario`. The overlay is built from the scenario (stream 'overlay')
 * unless one is given (benchmarks time its construction apart).
 */
export function createContext(scenario: Scenario, overlay?: Graph): SimContext {
  const n = scenario.peers.count;
  const peers = new PeerTable(n);
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length);
  const graph = overlay ?? buildOverlay(scenario.overlay, n, streams.namedStream('overlay'));
  const sim = new Simulator(n, initialQueueSlots(scenario));
  // A latency can never be negative: a normal distribution's lower tail is clamped at 0.
  const latency = clampNonNegative(makeSampler(scenario.network.latency));
  const transport = new Transport(sim, latency, scenario.network.loss, streams.peerStreams('network'));
  return {
    scenario,
    seed: scenario.seed,
    sim,
    peers,
    overlay: graph,
    transport,
    peerStreams: streams.peerStreams,
    namedStream: streams.namedStream,
    peerDown: [],
    peerUp: [],
    peerArrive: [],
    services: new Services(),
  };
}

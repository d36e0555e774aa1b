/**
 * A hand-built SimContext for protocol tests: n live peers, a given overlay (empty by
 * default), a transport with the given latency and loss, streams from `seed`, and a
 * scenario validated from raw keys (as written in YAML). Reusable by every component test.
 */
import { Services } from '../../sim/run/services';
import { Simulator } from '../../sim/engine/simulator';
import { Transport } from '../../sim/network/transport';
import { Graph } from '../../sim/overlay/graph';
import { makeSampler } from '../../sim/random/distributions';
import type { Sampler } from '../../sim/random/types';
import type { Dist } from '../../sim/scenario/dsl';
import { validate } from '../../sim/scenario/validate';
import { makeStreamFactories, type Component, type SimContext } from '../../sim/run/context';
import { PeerTable } from '../../sim/run/peers';
import { RESULTS_FORMAT, type Results } from '../../sim/run/results';
import { provenanceOf } from '../../sim/run/provenance';

export interface TestContextOptions {
  /** Peers alive at time 0. */
  n: number;
  /** Scenario seed (default 1). */
  seed?: number;
  /** The overlay (default: n peers, no links). Build tiny ones with addLink. */
  graph?: Graph;
  /** Message latency: seconds (constant), a scenario `Dist`, or a Sampler (default 0.05 s). */
  latency?: number | Dist | Sampler;
  /** Message loss probability (default 0). */
  loss?: number;
  /** Extra raw scenario keys, validated like a scenario file (name, peers, seed are set). */
  scenario?: Record<string, unknown>;
}

function toSampler(latency: number | Dist | Sampler): Sampler {
  if (typeof latency === 'number') return makeSampler({ dist: 'constant', value: latency });
  if ('sample' in latency) return latency;
  return makeSampler(latency);
}

export function makeTestContext(options: TestContextOptions): SimContext {
  const { n, seed = 1, loss = 0 } = options;
  const latency = options.latency ?? 0.05;
  const raw: Record<string, unknown> = {
    name: 'test',
    duration: 1e6,
    overlay: { degree: 0 },
    ...options.scenario,
    seed,
    peers: { count: n },
    network: {
      ...(typeof latency === 'number' ? { latency } : 'dist' in latency ? { latency } : {}),
      loss,
    },
  };
  const scenario = validate(raw);
  const peers = new PeerTable(n);
  const streams = makeStreamFactories(seed, () => peers.alive.length);
  const sim = new Simulator(n);
  const transport = new Transport(sim, toSampler(latency), loss, streams.peerStreams('network'));
  return {
    scenario,
    seed,
    sim,
    peers,
    overlay: options.graph ?? new Graph(n),
    transport,
    peerStreams: streams.peerStreams,
    namedStream: streams.namedStream,
    peerDown: [],
    peerUp: [],
    peerArrive: [],
    services: new Services(),
  };
}

/**
 * Starts the components, runs the simulator until `until` (or until no event is left) and
 * returns what they contribute (engine and overlay sections are placeholders).
 */
export function runComponents(ctx: SimContext, components: Component[], until = Infinity): Results {
  for (const c of components) c.start(ctx);
  ctx.sim.run(until);
  const results: Results = {
    format: RESULTS_FORMAT,
    provenance: provenanceOf(ctx.scenario),
    scenario: ctx.scenario,
    seed: ctx.seed,
    engine: { events: ctx.sim.events, simulatedSeconds: ctx.sim.now, wallSeconds: 0, eventsPerSecond: 0, workers: 1, peakRssBytes: 0, messages: ctx.transport.sent, messagesLost: ctx.transport.lost },
    overlay: { peers: ctx.peers.count, meanDegree: 0, maxDegree: 0, largestComponentFraction: 0, clustering: 0, meanPathLength: 0 },
    series: { time: [] },
  };
  for (const c of components) c.contribute(results, ctx);
  return results;
}

/** A graph on n peers with the given undirected links. */
export function graphOf(n: number, links: Array<[number, number]>): Graph {
  const g = new Graph(n);
  for (const [p, q] of links) g.addLink(p, q);
  return g;
}

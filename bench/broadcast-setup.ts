/**
 * What the broadcast benchmarks share (bench/broadcast.ts, parallel.ts, scale.ts,
 * bare-broadcast.ts): the benchmark scenario, its overlay, and one broadcast simulated on
 * one thread, timed from the component's start to the last event.
 */
import { NamedStream } from '../sim/engine/random.js';
import { randomRegular } from '../sim/overlay/generators/random-regular.js';
import type { Graph } from '../sim/overlay/graph.js';
import { BroadcastComponent } from '../sim/protocols/broadcast/component.js';
import type { EngineOptions } from '../sim/protocols/broadcast/engine.js';
import { createContext } from '../sim/run/create-context.js';
import type { BroadcastResult } from '../sim/protocols/broadcast/results-section.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { validate } from '../sim/scenario/validate.js';
import { contributionOf, measure } from './row.js';

export const BENCH_SEED = 1;
export const BENCH_DEGREE = 8;

/**
 * One broadcast from peer 0 over `n` peers, latency uniform in 100–500 ms: a flood over a
 * random-regular overlay of degree 8, or push with fanout 1, rounds, period 1 s, to
 * uniform targets (no overlay) or to overlay neighbours (degree 8). `failures`: that
 * fraction of the peers crashes at 0 s, and the broadcast starts at 1 s from a random
 * live peer (every message then simulated: no elision once peers can go down).
 */
export function broadcastScenario(n: number, protocol: 'push' | 'flood', options: { engine?: string; targets?: 'uniform' | 'neighbours'; failures?: number } = {}): Scenario {
  const targets = options.targets ?? 'uniform';
  const overlay = protocol === 'flood' || targets === 'neighbours';
  const failures = options.failures ?? 0;
  const from = failures > 0 ? { at: '1s', origin: 'random' } : { origin: 0 };
  return validate({
    name: `bench ${protocol}`,
    seed: BENCH_SEED,
    engine: options.engine ?? 'event',
    duration: '1h',
    peers: { count: n },
    network: { latency: { dist: 'uniform', min: '100ms', max: '500ms' } },
    overlay: { model: 'random-regular', degree: overlay ? BENCH_DEGREE : 0 },
    failures: failures > 0 ? [{ at: '0s', fraction: failures, target: 'random' }] : [],
    workload: {
      broadcasts: protocol === 'flood'
        ? { protocol: 'flood', ...from }
        : { protocol: 'push', ...from, forward: 'rounds', fanout: 1, period: '1s', targets },
    },
  });
}

/**
 * The random-regular overlay of degree 8 over `n` peers that a run of broadcastScenario
 * builds (its seed's 'overlay' stream), built ahead so that it can be timed on its own.
 */
export function benchOverlay(n: number): Graph {
  return randomRegular(n, { degree: BENCH_DEGREE }, new NamedStream(BENCH_SEED, 'overlay'));
}

export interface SimulatedBroadcast {
  wallSeconds: number;
  cpuSeconds: number;
  /** Events processed, and those settled at send time (see PhantomEvents). */
  events: number;
  phantomEvents: number;
  broadcast: BroadcastResult;
  queueBytes: number;
}

/** Simulates the scenario's broadcast on this thread (over `overlay` if given); throws unless every peer was informed. */
export function simulateBroadcast(scenario: Scenario, overlay?: Graph, options: EngineOptions = {}): SimulatedBroadcast {
  const ctx = createContext(scenario, overlay);
  const component = new BroadcastComponent(scenario.workload.broadcasts, options);
  const { wallSeconds, cpuSeconds } = measure(() => {
    component.start(ctx);
    ctx.sim.run(Infinity);
  });
  const broadcast = contributionOf(component, ctx).broadcasts![0];
  if (!broadcast.allReached) throw new Error(`bench: not every peer was informed (${broadcast.reached} of ${broadcast.alive})`);
  return { wallSeconds, cpuSeconds, events: ctx.sim.events, phantomEvents: component.settled.events, broadcast, queueBytes: ctx.sim.queue.bytes };
}

/** How the rows name the broadcast of broadcastScenario (uniform push or flood; `failures` as there). */
export function broadcastLabel(protocol: 'push' | 'flood', network = 'latency U(100,500) ms', failures = 0): string {
  const after = failures > 0 ? `, after ${Math.round(100 * failures)}% of the peers crash` : '';
  return protocol === 'flood'
    ? `flood, random-regular degree 8, ${network}${after}`
    : `push gossip, uniform, fanout 1, period 1 s, ${network}${after}`;
}

/** What a broadcast did, for a row's extra figures. */
export function broadcastFigures(b: BroadcastResult, wallSeconds: number): Record<string, unknown> {
  return {
    rounds: b.rounds,
    completionTime: b.completionTime,
    messages: b.messages,
    duplicates: b.duplicates,
    messagesPerSecond: Math.round(b.messages / wallSeconds),
  };
}

/**
 * Hand-built results for the report tests: a small run for class (broadcasts with traces
 * and the overlay's links), a lab run (search, resilience, churn, capacity, time series on
 * a scale-free overlay) and a capacity sweep. Their scenarios go through the real loader,
 * so they are fully resolved; the figures are made up but shaped like the simulator's.
 */
import { loadScenarioText } from '../../sim/scenario/load';
import { RESULTS_FORMAT, type Results } from '../../sim/run/results';
import type { BroadcastResult } from '../../sim/protocols/broadcast/results-section';
import type { SweepResults, SweepRun } from '../../sim/run/sweep-results';
import { assemble } from '../../sim/sweep/sweep';
import { scenarioHash, type Provenance } from '../../sim/run/provenance';

/** A fixed provenance (not this machine's), so that pages do not depend on where the tests run. */
export function fixtureProvenance(scenario: unknown): Provenance {
  return { gossipsim: '0.2.0', engine: { name: 'node', version: '20.20.2', v8: '11.3.244.8-node.33' }, platform: 'linux-x64',
    scenarioHash: scenarioHash(scenario) };
}

/** A description that tries every way of running script from markdown; none may work. */
export const HOSTILE_DESCRIPTION = [
  'Why this **experiment** exists, and what to look at: see [the spec](https://example.org/spec) or [below](#overlay).',
  '',
  '<script>window.__pwned = "script"; alert("script")</script>',
  '',
  'Inline <img src=x onerror="window.__pwned = \'img\'; alert(1)"> image and <b onmouseover="window.__pwned=\'b\'">bold</b>.',
  '',
  '[a javascript link](javascript:window.__pwned=%22link%22) and [an entity one](jav&#x61;script:alert(1)) ' +
    'and <a href="javascript:window.__pwned=1">raw</a>, ![pic](javascript:alert(1)) ![remote](https://example.org/x.png).',
  '',
  '<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
  '',
  '```yaml',
  'peers: { count: 100 }',
  '```',
  '',
  '1. Why does push need about log2 n + ln n rounds?',
  '2. What do the duplicates cost?',
].join('\n');

/** Deterministic pseudo-random numbers for the fixtures (Park–Miller). */
export function lcg(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export function scenarioFrom(yaml: string) {
  return loadScenarioText(yaml, 'fixture.yaml');
}

/** A connected overlay of n peers: a ring plus `extra` random chords per peer. */
export function ringWithChords(n: number, extra: number, rand: () => number): Array<[number, number]> {
  const links = new Map<string, [number, number]>();
  const add = (p: number, q: number) => {
    if (p === q) return;
    const a = Math.min(p, q), b = Math.max(p, q);
    links.set(`${a}-${b}`, [a, b]);
  };
  for (let p = 0; p < n; p++) add(p, (p + 1) % n);
  for (let p = 0; p < n; p++) for (let k = 0; k < extra; k++) add(p, Math.floor(rand() * n));
  return [...links.values()];
}

/** A flood over `links` from `origin`: [peer, time, fromPeer] in time order. */
export function floodTrace(n: number, links: Array<[number, number]>, origin: number, start: number, rand: () => number) {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [p, q] of links) { adj[p].push(q); adj[q].push(p); }
  const time = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  time[origin] = start;
  const done = new Uint8Array(n);
  for (;;) {
    let u = -1;
    for (let p = 0; p < n; p++) if (!done[p] && time[p] < Infinity && (u < 0 || time[p] < time[u])) u = p;
    if (u < 0) break;
    done[u] = 1;
    for (const v of adj[u]) {
      const t = time[u] + 0.05 + 0.45 * rand();
      if (t < time[v]) { time[v] = t; from[v] = u; }
    }
  }
  const trace: Array<[number, number, number | null]> = [];
  for (let p = 0; p < n; p++) if (time[p] < Infinity) trace.push([p, time[p], from[p] < 0 ? null : from[p]]);
  return trace.sort((a, b) => a[1] - b[1]);
}

function timelineOf(trace: Array<[number, number, number | null]>) {
  return { time: trace.map((e) => e[1]), informed: trace.map((_, i) => i + 1) };
}

function engine(events: number, simulatedSeconds: number) {
  return { events, simulatedSeconds, wallSeconds: 0.42, eventsPerSecond: Math.round(events / 0.42), workers: 1, peakRssBytes: 9.1e7, messages: events, messagesLost: 0 };
}

function histogramOf(n: number, links: Array<[number, number]>): Array<[number, number]> {
  const deg = new Array<number>(n).fill(0);
  for (const [p, q] of links) { deg[p]++; deg[q]++; }
  const counts = new Map<number, number>();
  for (const d of deg) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** A run for class: 150 peers, their links, and two broadcasts with traces. */
/** Hand-built results that leave out figures the report does not read. */
const asResults = (r: unknown): Results => r as Results;

export function classRun(description = HOSTILE_DESCRIPTION): Results {
  const n = 150;
  const rand = lcg(7);
  const scenario = scenarioFrom(`
name: "Rumour spreading <in class> & more"
description: ${JSON.stringify(description)}
seed: 42
duration: 60s
peers: { count: ${n} }
overlay: { model: random-regular, degree: 4 }
workload:
  broadcasts:
    - { at: 1s, protocol: flood }
    - { at: 20s, protocol: push, targets: uniform, fanout: 1, period: 1s }
`);
  const links = ringWithChords(n, 1, rand);
  const t1 = floodTrace(n, links, 17, 1, rand);
  const t2 = floodTrace(n, links, 99, 20, () => 0.5 + 2 * rand()).map(([p, t, f]) => [p, 20 + (t - 20) * 2.2, f] as [number, number, number | null]);
  // A hand-built result carries the figures the report reads; `spec` names its workload entry.
  const broadcast = (trace: Array<[number, number, number | null]>, protocol: string, start: number, rounds: number | null, spec: number) => ({
    origin: trace[0][0], start, protocol, reached: trace.length, alive: n, coverage: trace.length / n,
    allReached: trace.length === n, rounds, completionTime: trace[trace.length - 1][1] - start,
    messages: trace.length * 3, duplicates: trace.length * 2, timeline: timelineOf(trace), trace, spec,
  }) as unknown as BroadcastResult;
  const time = Array.from({ length: 61 }, (_, i) => i);
  return {
    format: RESULTS_FORMAT,
    provenance: fixtureProvenance(scenario),
    scenario,
    seed: 42,
    engine: engine(4321, 60),
    overlay: {
      peers: n, meanDegree: (2 * links.length) / n, maxDegree: 7, largestComponentFraction: 1, clustering: 0.02,
      meanPathLength: 4.1, pathLengthExact: true, pathLengthSources: n, degreeHistogram: histogramOf(n, links), links,
    },
    broadcasts: [broadcast(t1, 'flood', 1, 9, 0), broadcast(t2, 'push', 20, 14, 1)],
    series: { time, alive: time.map(() => n) },
  };
}

/** A lab run: search, resilience with recovery, churn, capacity, time series, scale-free overlay. */
export function labRun(description = HOSTILE_DESCRIPTION): Results {
  const n = 20000;
  const rand = lcg(11);
  const scenario = scenarioFrom(`
name: Search, attack and capacity
description: ${JSON.stringify(description)}
seed: 7
duration: 10min
peers: { count: ${n} }
overlay: { model: barabasi-albert, degree: 4, repair: true }
workload:
  searches:
    - { protocol: flood, ttl: 5, count: 500 }
    - { protocol: random-walk, walkers: 16, ttl: 64, count: 500 }
    - { protocol: random-walk, walkers: 64, ttl: 64, count: 500 }
    - { protocol: expanding-ring, ttl: 7, count: 500 }
failures:
  - { at: 100s, fraction: 0.2, target: random }
  - { at: 250s, fraction: 0.2, target: random }
  - { at: 400s, fraction: 0.05, target: degree }
capacity: { mode: p2p, file: 100MB, server: { upload: 100Mbps }, peer: { upload: 2Mbps, download: 10Mbps } }
churn: { session: { dist: weibull, shape: 0.6, scale: 40min }, downtime: { dist: exponential, mean: 20min } }
`);
  const histogram: Array<[number, number]> = [];
  for (let k = 2; k <= 400; k = Math.ceil(k * 1.15)) {
    const count = Math.round((n * 2 * 2 * 3) / (k * (k + 1) * (k + 2)) * (0.8 + 0.4 * rand()));
    if (count > 0) histogram.push([k, count]);
  }
  histogram.push([412, 1]);
  const time = Array.from({ length: 121 }, (_, i) => i * 5);
  const alive = time.map((t) => Math.round(n * (t < 100 ? 1 : t < 250 ? 0.8 : t < 400 ? 0.64 : 0.608) * (0.97 + 0.03 * rand())));
  const lcf = time.map((t) => (t < 100 ? 1 : t < 250 ? 0.97 : t < 400 ? 0.93 : Math.min(0.9, 0.35 + (t - 400) * 0.004)));
  const search = (success: number, messages: number, hops: number) => ({
    queries: 500, successRate: success, messagesPerQuery: messages, peersProbedPerQuery: messages * 0.8,
    meanHopsToHit: hops, meanTimeToHit: hops * 0.05, queryMessages: messages * 480, answerMessages: 500 * hops, controlMessages: 0,
  });
  const bySearch = [
    { protocol: 'flood', ...search(0.97, 1480, 2.9) },
    { protocol: 'random-walk', ...search(0.81, 190, 11.2) },
    { protocol: 'random-walk', ...search(0.95, 410, 6.3) },
    { protocol: 'expanding-ring', ...search(0.96, 520, 3.4) },
  ];
  const completionTimes: number[] = [];
  for (let i = 0; i < 2000; i++) completionTimes.push(420 + 60 * Math.sqrt(i / 2000) + 10 * rand());
  completionTimes.sort((a, b) => a - b);
  // Hand-built sections hold only what the report reads (results files may be partial).
  return asResults({
    format: RESULTS_FORMAT,
    provenance: fixtureProvenance(scenario),
    scenario,
    seed: 7,
    engine: engine(8_765_432, 600),
    overlay: {
      peers: n, meanDegree: 3.9998, maxDegree: 412, largestComponentFraction: 1, clustering: 0.0021,
      meanPathLength: 5.2, pathLengthExact: false, pathLengthSources: 64, degreeHistogram: histogram,
    },
    searches: { ...search(0.92, 650, 5.9), queries: 2000, byProtocol: { flood: bySearch[0], 'random-walk': search(0.88, 300, 8.7), 'expanding-ring': bySearch[3] }, bySearch },
    resilience: [
      { at: 100, target: 'random', removed: 4000, aliveBefore: 20000, largestComponentFraction: 0.79, recovery: { time: [0, 5, 10, 15], largestComponentFraction: [0.97, 0.98, 0.99, 0.995] } },
      { at: 250, target: 'random', removed: 3200, aliveBefore: 16000, largestComponentFraction: 0.78, recovery: { time: [0, 5, 10], largestComponentFraction: [0.96, 0.98, 0.99] } },
      { at: 400, target: 'degree', removed: 640, aliveBefore: 12800, largestComponentFraction: 0.33, recovery: { time: [0, 20, 40, 80, 120, 200], largestComponentFraction: [0.35, 0.45, 0.6, 0.75, 0.85, 0.9] } },
    ],
    churn: { joins: 812, leaves: 790, meanResyncTime: 0.31 },
    capacity: {
      mode: 'p2p', peers: 2000, distributionTime: completionTimes[completionTimes.length - 1], lowerBound: 400,
      lowerBoundTerms: { server: 8, download: 80, aggregate: 400 }, completionTimes, completionTimesSampled: false,
      serverUtilisation: 0.98, peerUtilisation: 0.83, completed: 2000,
    },
    series: { time, alive, largestComponentFraction: lcf, deadLinks: time.map((t) => (t < 100 ? 0 : Math.max(0, 0.2 - ((t - 100) % 150) * 0.004))) },
  });
}

/** A capacity sweep: peers.count × capacity.mode, three replicates per point. */
export function capacitySweep(description = HOSTILE_DESCRIPTION): SweepResults {
  const scenario = scenarioFrom(`
name: Capacity grows with the peers
description: ${JSON.stringify(description)}
peers: { count: 10 }
capacity: { mode: p2p, file: 100MB, server: { upload: 100Mbps }, peer: { upload: 2Mbps, download: 10Mbps } }
workload: { broadcasts: { protocol: push, targets: uniform } }
`);
  const counts = [10, 100, 1000, 10000];
  const modes = ['client-server', 'p2p'];
  const file = 100e6, us = 12.5e6, u = 250e3, d = 1.25e6;
  const rand = lcg(5);
  // Three replicates per point, summarised by the sweep's own code (intervals by domain).
  const points = counts.flatMap((n) => modes.map((mode) => ({ index: 0, sets: [], values: { 'peers.count': n, 'capacity.mode': mode } })));
  points.forEach((p, i) => (p.index = i));
  let seed = 100;
  const runsByPoint: SweepRun[][] = points.map((p) => {
    const n = p.values['peers.count'] as number;
    const mode = p.values['capacity.mode'];
    const bound = mode === 'client-server' ? Math.max((n * file) / us, file / d) : Math.max(file / us, file / d, (n * file) / (us + n * u));
    const time = bound * (mode === 'p2p' ? 1.12 : 1.003);
    const rounds = Math.log2(n) + Math.log(n);
    return [0, 1, 2].map((replicate) => ({
      replicate, seed: seed++,
      metrics: {
        'capacity.distributionTime': time * (1 + 0.03 * (rand() - 0.5)),
        'capacity.lowerBound': bound,
        'capacity.peerUtilisation': mode === 'p2p' ? 0.8 + 0.1 * rand() : 0,
        'broadcasts[0].rounds': Math.round(rounds + 1.5 * rand()),
        'broadcasts[0].coverage': 1,
        'engine.events': Math.round(n * 1200 * (mode === 'p2p' ? 1.5 : 1) * (1 + 0.05 * rand())),
      },
    }));
  });
  const varies = [{ path: 'peers.count', raw: [], values: counts }, { path: 'capacity.mode', raw: [], values: modes }];
  const results = assemble(scenario, varies, 3, points, runsByPoint, 12.5);
  results.provenance = { ...fixtureProvenance(scenario), parts: [{ engine: { name: 'node', version: '22.12.0', v8: '12.4.254.21-node.21' }, platform: 'linux-arm64' },
    { engine: { name: 'chromium', version: '156.0.7500.1' }, platform: 'Linux x86_64' }] };
  return results;
}

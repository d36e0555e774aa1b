/**
 * Broadcast benchmark (issue 4 §5): one broadcast over a million-peer network, until every
 * peer is informed. `node dist/bench/broadcast.js push|flood <peers> [--full]`:
 *   push:  uniform targets, fanout 1, rounds, period 1 s, latency uniform 100–500 ms;
 *   flood: random-regular overlay of degree 8, same latency;
 *   --full: simulate every arrival (no elision of known duplicates) for comparison;
 *   --engine cycle: the cycle-driven engine (synchronous rounds, no per-message latency).
 * wallSeconds is the simulation (component start to the last event); building the overlay
 * is reported apart, and so is the CPU time of the simulation (extra.cpuSeconds).
 * bytesPerPeer = (peak RSS − RSS before any peer existed) / peers; extra.peakRssPerPeer
 * is the whole peak RSS (Node itself included) divided by the peers.
 */
import { Graph } from '../sim/overlay/graph.js';
import { benchOverlay, broadcastFigures, broadcastLabel, broadcastScenario, simulateBroadcast } from './broadcast-setup.js';
import { emit, workloadRow } from './row.js';

const protocol = process.argv[2] === 'flood' ? 'flood' : 'push';
const n = Number(process.argv[3] ?? 1_000_000);
const full = process.argv.includes('--full');
const engine = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'event';

const baselineRss = process.memoryUsage().rss;
const scenario = broadcastScenario(n, protocol, { engine });

const t0 = performance.now();
const overlay = protocol === 'flood' ? benchOverlay(n) : new Graph(n, 0);
const overlaySeconds = (performance.now() - t0) / 1000;

// CPU time of this (single-threaded) process: less sensitive than wall time to other
// processes sharing the machine.
const { wallSeconds, cpuSeconds, events, broadcast: b } = simulateBroadcast(scenario, overlay, { elide: !full });
const network = engine === 'cycle' ? 'no latency' : 'latency U(100,500) ms';
const row = workloadRow(`${broadcastLabel(protocol, network)}${full ? ', every arrival simulated' : ''}: ${n.toLocaleString('en-US')} peers`, n, wallSeconds, events, baselineRss);
emit({
  ...row,
  ...(engine === 'cycle' ? { engine } : {}),
  extra: {
    ...broadcastFigures(b, wallSeconds),
    cpuSeconds,
    eventsPerCpuSecond: Math.round(events / cpuSeconds),
    overlaySeconds,
    baselineRssBytes: baselineRss,
    peakRssPerPeer: Math.round(row.peakRssBytes / n),
    elision: !full,
  },
});

/**
 * Scale benchmark (issue 9 §4): a push broadcast over a random-regular overlay of degree 8
 * (targets: neighbours, fanout 1, rounds, period 1 s) until every peer is informed.
 * `node dist/bench/scale.js [peers] [--engine event|cycle]` (default 10^7 peers, event):
 * the event engine draws a latency uniform in 100–500 ms per message; the cycle engine
 * has none. wallSeconds covers the broadcast (component start to the last event); the
 * overlay build is reported apart (extra.overlaySeconds), and extra.totalSeconds is both.
 * bytesPerPeer = (peak RSS − RSS before any peer existed) / peers: the overlay (44 bytes a
 * peer, plus the build's 32-byte stub array), the engine and the broadcast state.
 */
import { benchOverlay, broadcastFigures, broadcastScenario, simulateBroadcast } from './broadcast-setup.js';
import { emit, peakRss, workloadRow } from './row.js';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000_000);
const engine = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'event';

const baselineRss = process.memoryUsage().rss;
const scenario = broadcastScenario(n, 'push', { engine, targets: 'neighbours' });

const t0 = performance.now();
const overlay = benchOverlay(n);
const overlaySeconds = (performance.now() - t0) / 1000;
const overlayPeakRss = peakRss();

const { wallSeconds, cpuSeconds, events, broadcast: b, queueBytes } = simulateBroadcast(scenario, overlay);
const network = engine === 'cycle' ? 'no latency' : 'latency U(100,500) ms';
emit({
  ...workloadRow(`push gossip over a random-regular overlay of degree 8 (neighbours, fanout 1, period 1 s, ${network}): ${n.toLocaleString('en-US')} peers`, n, wallSeconds, events, baselineRss),
  engine,
  extra: {
    ...broadcastFigures(b, wallSeconds),
    cpuSeconds,
    overlaySeconds,
    totalSeconds: overlaySeconds + wallSeconds,
    overlayPeakRssBytes: overlayPeakRss,
    graphBytes: overlay.bytes,
    queueBytes,
    baselineRssBytes: baselineRss,
  },
});

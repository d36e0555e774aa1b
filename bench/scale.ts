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
import { NamedStream } from '../sim/engine/random.js';
import { randomRegular } from '../sim/overlay/generators/random-regular.js';
import { BroadcastComponent } from '../sim/protocols/broadcast/component.js';
import { createContext } from '../sim/run/create-context.js';
import { validate } from '../sim/scenario/validate.js';
import { contributionOf, emit, measure, peakRss } from './row.js';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000_000);
const engine = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'event';
const degree = 8;
const seed = 1;

const baselineRss = process.memoryUsage().rss;
const scenario = validate({
  name: 'bench scale',
  seed,
  engine,
  duration: '1h',
  peers: { count: n },
  network: { latency: { dist: 'uniform', min: '100ms', max: '500ms' } },
  overlay: { model: 'random-regular', degree },
  workload: {
    broadcasts: { protocol: 'push', origin: 0, forward: 'rounds', fanout: 1, period: '1s', targets: 'neighbours' },
  },
});

const t0 = performance.now();
const overlay = randomRegular(n, { degree }, new NamedStream(seed, 'overlay'));
const overlaySeconds = (performance.now() - t0) / 1000;
const overlayPeakRss = peakRss();

const ctx = createContext(scenario, overlay);
const { sim, peers } = ctx;
const component = new BroadcastComponent(scenario.workload.broadcasts);

const { wallSeconds, cpuSeconds } = measure(() => {
  component.start(ctx);
  sim.run(Infinity);
});
const b = contributionOf(component, ctx).broadcasts![0];
if (!b.allReached) throw new Error(`bench/scale: not every peer was informed (${b.reached} of ${b.alive})`);
const peak = peakRss();
const network = engine === 'cycle' ? 'no latency' : 'latency U(100,500) ms';
emit({
  workload: `push gossip over a random-regular overlay of degree 8 (neighbours, fanout 1, period 1 s, ${network}): ${n.toLocaleString('en-US')} peers`,
  peers: n,
  wallSeconds,
  events: sim.events,
  eventsPerSecond: Math.round(sim.events / wallSeconds),
  peakRssBytes: peak,
  bytesPerPeer: Math.round((peak - baselineRss) / n),
  engine,
  extra: {
    rounds: b.rounds,
    completionTime: b.completionTime,
    messages: b.messages,
    duplicates: b.duplicates,
    messagesPerSecond: Math.round(b.messages / wallSeconds),
    cpuSeconds,
    overlaySeconds,
    totalSeconds: overlaySeconds + wallSeconds,
    overlayPeakRssBytes: overlayPeakRss,
    graphBytes: overlay.bytes,
    queueBytes: sim.queue.bytes,
    baselineRssBytes: baselineRss,
  },
});

/**
 * Event-queue benchmark, the classic hold model: keep 10^6 events pending, then 2·10^7
 * times pop the earliest and push one at its time plus an exponential increment. Three
 * runs; the row gives the median (extra.runsPairsPerSecond: all three).
 */
import { EventQueue } from '../sim/engine/event-queue.js';
import { NamedStream } from '../sim/engine/random.js';
import { emit, median, peakRss } from './row.js';

const pending = Number(process.argv[2] ?? 1_000_000);
const pairs = Number(process.argv[3] ?? 20_000_000);

// Increments are drawn up front so the timing measures the queue, not the generator.
const rng = new NamedStream(1, 'bench/queue');
const incs = new Float64Array(1 << 20);
for (let i = 0; i < incs.length; i++) incs[i] = -Math.log(1 - rng.next());

/** One hold-model run on a fresh queue: seconds for the pop+push pairs. */
function holdModel(): { seconds: number; queueBytes: number } {
  const q = new EventQueue(pending + 16);
  for (let i = 0; i < pending; i++) q.push(incs[i & (incs.length - 1)] * 10, i, 0, i, -1, 0, 0);
  const start = performance.now();
  let tie = pending;
  for (let i = 0; i < pairs; i++) {
    q.pop();
    q.push(q.curTime + incs[i & (incs.length - 1)], tie++, q.curKind, q.curTarget, q.curSrc, q.curA, q.curB);
  }
  return { seconds: (performance.now() - start) / 1000, queueBytes: q.bytes };
}

// The median of three runs: this shared VM's speed drifts by ±20% from minute to minute.
const runs = [holdModel(), holdModel(), holdModel()];
const seconds = runs.map((r) => r.seconds);
const wallSeconds = median(seconds);
emit({
  workload: 'event queue, hold model (10^6 pending, 2·10^7 pop+push), median of 3 runs',
  peers: null,
  wallSeconds,
  events: pairs,
  eventsPerSecond: Math.round(pairs / wallSeconds),
  peakRssBytes: peakRss(),
  bytesPerPeer: null,
  extra: {
    pending, pairs, queueBytes: runs[0].queueBytes, pairsPerSecond: Math.round(pairs / wallSeconds),
    runsPairsPerSecond: seconds.map((x) => Math.round(pairs / x)),
  },
});

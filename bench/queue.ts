/**
 * Event-queue benchmark, the classic hold model: keep 10^6 events pending, then 2·10^7
 * times pop the earliest and push one at its time plus an exponential increment. Three
 * runs; the row gives the median (extra.runsPairsPerSecond: all three).
 * `node dist/bench/queue.js [pending] [pairs] [--ties]`: with --ties, each push takes the
 * scheduler's tie-break (Simulator.nextTie of the popped event's target, one of `pending`
 * peers) and times fall on a 1/1024 s grid, so that most pops compare ties.
 */
import { EventQueue } from '../sim/engine/event-queue.js';
import { Simulator } from '../sim/engine/simulator.js';
import { NamedStream } from '../sim/engine/random.js';
import { emit, measure, median, peakRss } from './row.js';

const args = process.argv.slice(2);
const numbers = args.filter((a) => /^\d+$/.test(a)).map(Number);
const pending = numbers[0] ?? 1_000_000;
const pairs = numbers[1] ?? 20_000_000;
const ties = args.includes('--ties');

// Increments are drawn up front so the timing measures the queue, not the generator.
const rng = new NamedStream(1, 'bench/queue');
const incs = new Float64Array(1 << 20);
for (let i = 0; i < incs.length; i++) incs[i] = -Math.log(1 - rng.next());
if (ties) for (let i = 0; i < incs.length; i++) incs[i] = Math.ceil(incs[i] * 1024) / 1024;

/** One hold-model run on a fresh queue: seconds (wall and thread CPU) for the pop+push pairs. */
function holdModel(): { seconds: number; threadCpuSeconds: number; queueBytes: number } {
  const q = new EventQueue(pending + 16);
  const mask = incs.length - 1;
  let m: { wallSeconds: number; threadCpuSeconds: number };
  if (ties) {
    const sim = new Simulator(pending);
    for (let i = 0; i < pending; i++) q.push(incs[i & mask] * 10, sim.nextTie(i), 0, i, -1, 0, 0);
    m = measure(() => {
      for (let i = 0; i < pairs; i++) {
        q.pop();
        q.push(q.curTime + incs[i & mask], sim.nextTie(q.curTarget), q.curKind, q.curTarget, q.curSrc, q.curA, q.curB);
      }
    });
  } else {
    for (let i = 0; i < pending; i++) q.push(incs[i & mask] * 10, i, 0, i, -1, 0, 0);
    m = measure(() => {
      let tie = pending;
      for (let i = 0; i < pairs; i++) {
        q.pop();
        q.push(q.curTime + incs[i & mask], tie++, q.curKind, q.curTarget, q.curSrc, q.curA, q.curB);
      }
    });
  }
  return { seconds: m.wallSeconds, threadCpuSeconds: m.threadCpuSeconds, queueBytes: q.bytes };
}

// The median of three runs: this shared VM's speed drifts by ±20% from minute to minute.
const runs = [holdModel(), holdModel(), holdModel()];
const seconds = runs.map((r) => r.seconds);
const wallSeconds = median(seconds);
emit({
  workload: ties
    ? 'event queue, hold model with the scheduler\'s tie-breaks, times on a 1/1024 s grid (10^6 pending, 2·10^7 pop+push), median of 3 runs'
    : 'event queue, hold model (10^6 pending, 2·10^7 pop+push), median of 3 runs',
  peers: null,
  wallSeconds,
  events: pairs,
  eventsPerSecond: Math.round(pairs / wallSeconds),
  peakRssBytes: peakRss(),
  bytesPerPeer: null,
  extra: {
    pending, pairs, queueBytes: runs[0].queueBytes, pairsPerSecond: Math.round(pairs / wallSeconds),
    runsPairsPerSecond: seconds.map((x) => Math.round(pairs / x)),
    threadCpuSeconds: median(runs.map((r) => r.threadCpuSeconds)),
  },
});

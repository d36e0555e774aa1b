/**
 * A whole run of issue 27's two workloads through the run entry point, on 1 or N threads:
 * `node dist/bench/split-run.js search|churn <workers> [peers=100000]`.
 *   search: 10^4 floods (TTL 7) over 10^5 peers, as bench/search.ts (random-regular degree
 *           4, latency U(20, 120) ms, 1000 items on 1% of the peers, a query every 10 ms);
 *   churn:  10^5 peers, Weibull sessions and Cyclon for one simulated hour, as bench/churn.ts.
 * Prints a BenchRow; `extra` has the threads used (and why not more), the windows
 * (barriers), and the share of the messages that crossed partitions.
 */
import { runSimulation } from '../sim/run/run.js';
import type { ParallelRunStats } from '../sim/parallel/run-parallel.js';
import { validate } from '../sim/scenario/validate.js';
import { emit, workloadRow } from './row.js';

const which = process.argv[2] === 'churn' ? 'churn' : 'search';
const workers = Number(process.argv[3] ?? 1);
const n = Number(process.argv[4] ?? 100_000);

const latency = { dist: 'uniform', min: '20ms', max: '120ms' };
const scenario = validate(which === 'search'
  ? {
    name: 'bench split search', seed: 1, duration: '1d', peers: { count: n },
    network: { latency }, overlay: { model: 'random-regular', degree: 4 },
    data: { objects: 1000, replication: { strategy: 'uniform', ratio: 0.01 } },
    workload: { searches: { protocol: 'flood', ttl: 7, count: 10_000, start: 1, spacing: 0.01 } },
    metrics: { sample: '1h' },
  }
  : {
    name: 'bench split churn', seed: 1, duration: '1h', peers: { count: n },
    network: { latency },
    overlay: { model: 'random-regular', degree: 20, sampling: { protocol: 'cyclon', period: '10s', viewSize: 20, shuffleLength: 5 } },
    churn: { session: { dist: 'weibull', shape: 0.6, scale: '40min' }, downtime: { dist: 'exponential', mean: '20min' } },
    metrics: { sample: '5min' },
  });

const baselineRss = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
let stats: ParallelRunStats | null = null;
const t0 = performance.now();
const r = await runSimulation(scenario, { workers, onStats: (s) => { stats = s; } });
const wallSeconds = (performance.now() - t0) / 1000;
// Every thread's CPU time (user + system), a figure the machine's load moves far less than wall time.
const cpu = process.cpuUsage(cpu0);
const s = stats as ParallelRunStats | null;
const received = s ? s.partitions.reduce((sum, p) => sum + p.received, 0) : 0;
// The critical path in events: each window lasts as long as its busiest thread. Total
// events over it bound the speed-up at equal cost per event, whatever the machine's load.
let critical = 0, processed = 0;
if (s) {
  const windows = Math.min(...s.partitions.map((p) => p.windowEvents.length));
  for (let w = 0; w < windows; w++) {
    let most = 0;
    for (const p of s.partitions) {
      processed += p.windowEvents[w];
      if (p.windowEvents[w] > most) most = p.windowEvents[w];
    }
    critical += most;
  }
}
emit({
  ...workloadRow(which === 'search' ? 'split run: 10^4 TTL-7 floods' : 'split run: churn + Cyclon, 1 h', n, wallSeconds, r.engine.events, baselineRss),
  workers: r.engine.workers,
  extra: {
    requested: workers,
    note: r.engine.workersNote ?? null,
    windows: s ? s.partitions[0].windows : 0,
    tickBarriers: s ? s.partitions[0].tickBarriers : 0,
    messages: r.engine.messages,
    crossPartitionShare: r.engine.messages > 0 ? received / r.engine.messages : 0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    criticalPathEvents: critical,
    eventBoundSpeedup: critical > 0 ? processed / critical : null,
    loopCpuSeconds: s ? s.partitions.map((p) => p.loopCpuSeconds) : null,
    waitSeconds: s ? s.partitions.map((p) => p.waitSeconds) : null,
  },
});

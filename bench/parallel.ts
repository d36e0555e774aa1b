/**
 * Parallel single run (issue 9 §2): the 10^6-peer flood and push broadcast of
 * bench/broadcast.ts, through the runner, on 1 thread (`runScenario`, i.e. `run`) or split
 * across N worker threads (`runSimulation`, i.e. `run --workers N`).
 * `node dist/bench/parallel.js flood|push <peers> <workers> [--phase run|simulation] [--failures f]`:
 *   run (default): the whole run, overlay building and summary included (wallSeconds);
 *     with N > 1 the main thread summarises the overlay while the workers simulate, and
 *     the workers then share out the summary's path-length BFS;
 *   simulation: only the simulation, as bench/broadcast.ts measures it: for 1 thread,
 *     component start to the last event; for N threads, handing the workers their
 *     partitions to the merged results (the overlay is built and summarised beforehand,
 *     untimed; the worker threads start and load meanwhile, as they do in a real run while
 *     the overlay is built, just as the one-thread figure leaves out Node's start).
 * --failures f: a fraction f of the peers crashes first (failures split too); whole run only.
 * extra.cpuSeconds is the CPU time of the timed part, all threads of the process together:
 * the machine is shared, and CPU time shows what wall time hides (another process taking a
 * core). The results of 1 and N threads are checked equal (withoutWallClock) in the tests.
 */
import type { ParallelRunStats } from '../sim/parallel/run-parallel.js';
import { runSimulation } from '../sim/run/run.js';
import type { BroadcastResult } from '../sim/protocols/broadcast/results-section.js';
import { runScenario } from '../sim/run/run-scenario.js';
import { broadcastLabel, broadcastScenario, simulateBroadcast } from './broadcast-setup.js';
import { emit, workloadRow } from './row.js';

const protocol = process.argv[2] === 'flood' ? 'flood' : 'push';
const n = Number(process.argv[3] ?? 1_000_000);
const workers = Number(process.argv[4] ?? 1);
const phaseArg = process.argv.indexOf('--phase');
const phase = phaseArg > 0 && process.argv[phaseArg + 1] === 'simulation' ? 'simulation' : 'run';
const failuresArg = process.argv.indexOf('--failures');
const failures = failuresArg > 0 ? Number(process.argv[failuresArg + 1]) : 0;
if (failures > 0 && phase === 'simulation') throw new Error('bench/parallel: --failures times the whole run only');

const baselineRss = process.memoryUsage().rss;
const scenario = broadcastScenario(n, protocol, { failures });

let stats: ParallelRunStats | null = null;
const t0 = performance.now(), cpu0 = process.cpuUsage();
let wallSeconds: number, cpuSeconds: number, events: number, broadcast: BroadcastResult;
let threads = workers;
if (phase === 'simulation' && workers === 1) {
  // One thread, simulation only: what bench/broadcast.ts times (duplicates settled at send
  // time counted as the events they stand for, as in the parallel rows).
  const one = simulateBroadcast(scenario);
  ({ wallSeconds, cpuSeconds, broadcast } = one);
  events = one.events + one.phantomEvents;
} else {
  const results = workers === 1
    ? runScenario(scenario)
    : await runSimulation(scenario, { workers, overlap: phase === 'run', onStats: (s) => { stats = s; } });
  const used = process.cpuUsage(cpu0);
  wallSeconds = (performance.now() - t0) / 1000;
  cpuSeconds = (used.user + used.system) / 1e6;
  threads = results.engine.workers;
  events = results.engine.events;
  broadcast = results.broadcasts![0];
  const st = stats as ParallelRunStats | null;
  if (phase === 'simulation' && st) {
    // Only the workers and the merge: the overlay was built and summarised before.
    wallSeconds = st.workersSeconds + st.mergeSeconds;
    cpuSeconds = st.workersCpuSeconds;
  }
}
if (!broadcast.allReached) throw new Error(`bench/parallel: not every peer was informed (${broadcast.reached} of ${broadcast.alive})`);
const st = stats as ParallelRunStats | null;
emit({
  ...workloadRow(`${broadcastLabel(protocol, undefined, failures)}: ${n.toLocaleString('en-US')} peers, ${phase === 'run' ? 'whole run' : 'simulation only'}`, n, wallSeconds, events, baselineRss),
  workers: threads,
  extra: {
    cpuSeconds,
    // Split runs: the workers' event loops, summed (their thread CPU time).
    ...(st ? { threadCpuSeconds: st.partitions.reduce((sum, p) => sum + p.loopCpuSeconds, 0) } : {}),
    rounds: broadcast.rounds,
    messages: broadcast.messages,
    ...(st ? {
      overlaySeconds: st.overlaySeconds,
      summarySeconds: st.summarySeconds,
      workersSeconds: st.workersSeconds,
      mergeSeconds: st.mergeSeconds,
      windows: st.partitions[0].windows,
      tickBarriers: st.partitions[0].tickBarriers,
      workerTickChunks: st.partitions.map((p) => p.tickChunks),
      workerStartSeconds: st.partitions.map((p) => +p.startSeconds.toFixed(3)),
      workerLoopSeconds: st.partitions.map((p) => +p.loopSeconds.toFixed(3)),
      workerStartCpuSeconds: st.partitions.map((p) => p.startCpuSeconds),
      workerLoopCpuSeconds: st.partitions.map((p) => +p.loopCpuSeconds.toFixed(2)),
      barrierWaitSeconds: st.partitions.map((p) => +p.waitSeconds.toFixed(3)),
      workerPathSeconds: st.partitions.map((p) => +p.pathSeconds.toFixed(3)),
      crossPartitionMessages: st.partitions.reduce((a, p) => a + p.received, 0),
    } : {}),
  },
});

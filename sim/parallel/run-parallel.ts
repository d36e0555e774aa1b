/**
 * `run --workers N`: one scenario on N threads, with results identical to a one-thread
 * run (wall-clock figures and `engine.workers` apart). This thread runs partition 0 and
 * N - 1 worker threads the others (one Node runtime fewer than N workers and an idle
 * main thread). The workers start (and load) while this thread builds the overlay in
 * shared memory (with their help for a large random-regular one, see overlay-build.ts);
 * it then summarises the overlay but for its path-length BFS and chooses the BFS
 * sources, hands the workers their partitions and runs its own (partition-run.ts); once
 * all are done the threads share out the BFS (path-job.ts), and it merges what they hand
 * back. Whether a scenario can be split (eligibility.ts) is decided by the run entry
 * point, run/run.ts.
 */
import { completeOverlaySummary, planOverlaySummary, summarizeOverlay } from '../metrics/overlay-summary.js';
import { makeStreamFactories } from '../run/context.js';
import { PeerTable } from '../run/peers.js';
import type { Results } from '../run/results.js';
import { assembleResults, linksOf, SMALL_NETWORK, type RunOptions } from '../run/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { Barrier, BarrierAborted } from './barrier.js';
import type { ParallelPlan } from './eligibility.js';
import { FAMILIES } from '../families/families.js';
import { buildSharedOverlay } from './overlay-build.js';
import { runPartition } from './partition-run.js';
import { PathJob } from './path-job.js';
import type { PartitionOutput, PartitionStats } from './protocol.js';
import { sharedInput } from './shared-input.js';
import { PartitionWorkers } from './workers.js';
import { mergeContribution } from './split.js';

export interface ParallelRunOptions extends RunOptions {
  /**
   * Share out the overlay summary's path-length BFS among the threads after the simulation
   * (default true; it takes longer than the simulation on large overlays). False: this
   * thread summarises the whole overlay, waits for the workers to have loaded, then hands
   * out the partitions (to time the simulation alone). Either way the workers load while
   * the overlay is built.
   */
  overlap?: boolean;
  /** Told the wall-clock figures of a split run (benchmarks; never in the results). */
  onStats?: (stats: ParallelRunStats) => void;
}

export interface ParallelRunStats {
  /** Main thread: building the overlay and sharing it; summarising it. */
  overlaySeconds: number;
  summarySeconds: number;
  /** From handing the workers their partitions to having all their outputs; merging them. */
  workersSeconds: number;
  mergeSeconds: number;
  /** CPU time of the whole process (all threads) from starting the workers to the merge's end. */
  workersCpuSeconds: number;
  /** Each worker's own figures, in partition order. */
  partitions: PartitionStats[];
}

/**
 * Runs `scenario` split across `plan.threads` (at least 2) worker threads. The run entry
 * point (run/run.ts) decides between this and the one-thread runner.
 */
export async function runScenarioSplit(scenario: Scenario, plan: ParallelPlan, options: ParallelRunOptions = {}): Promise<Results> {
  const wallStart = performance.now();
  // Started first, they load while this thread builds the overlay; it runs partition 0.
  const workers = new PartitionWorkers(plan.threads - 1, options.onProgress);
  try {
    return await runSplit(scenario, plan, workers, options.overlap ?? true, options, wallStart);
  } finally {
    workers.terminate();
  }
}

async function runSplit(
  scenario: Scenario, plan: ParallelPlan, workers: PartitionWorkers, overlap: boolean,
  options: ParallelRunOptions, wallStart: number,
): Promise<Results> {
  const seconds = (since: number) => (performance.now() - since) / 1000;
  const n = scenario.peers.count;
  const threads = plan.threads;
  const peers = new PeerTable(n);
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length);
  // The workers (loading meanwhile) write most of a large random-regular overlay.
  const overlay = await buildSharedOverlay(scenario.overlay, n, streams.namedStream('overlay'), workers);
  const shared = sharedInput(scenario, plan, overlay, overlap);

  const overlaySeconds = seconds(wallStart);

  const metricsStream = () => streams.namedStream('metrics/overlay');
  const withLinks = (summary: Results['overlay']) => {
    if (n <= SMALL_NETWORK) summary.links = linksOf(overlay);
    return summary;
  };
  // The summary but for the BFS (its sources handed to the threads, which search from them
  // after the simulation), or all of it.
  const summaryStart = performance.now();
  let planned: ReturnType<typeof planOverlaySummary> | null = null;
  let summary: Results['overlay'] | null = null;
  if (overlap) {
    planned = planOverlaySummary(overlay, peers.alive, metricsStream());
    new PathJob(shared.pathJob!).publish(planned.paths.from);
  } else {
    summary = withLinks(summarizeOverlay(overlay, peers.alive, metricsStream()));
  }
  const summarySeconds = seconds(summaryStart);
  // Time the simulation alone: from loaded workers, as one thread is timed from loaded modules.
  if (!overlap) await workers.whenReady();
  const workersStart = performance.now();
  const workersCpu = process.cpuUsage();
  const outputs = workers.run(shared, 1);
  // Should this thread fail first, the workers' ends (terminated) would reject `outputs`
  // unheard: mark it heard (the await below still sees a rejection).
  outputs.catch(() => undefined);
  let own: PartitionOutput;
  try {
    // Partition 0, here: this thread's event loop waits meanwhile (the workers' messages with it).
    own = runPartition({ ...shared, index: 0, startedAt: performance.timeOrigin + workersStart }, options.onProgress).output;
  } catch (e) {
    // Stopped by a worker that failed: its own error is the one to report.
    if (e instanceof BarrierAborted) await outputs;
    Barrier.abortBuffer(shared.barrier);
    throw e;
  }
  const parts = [own, ...(await outputs)];
  if (planned !== null) {
    // The components come from the BFS, unless it shows the overlay disconnected: then they are searched.
    let total = 0, pairs = 0;
    for (const p of parts) {
      total += p.pathSums!.total;
      pairs += p.pathSums!.pairs;
    }
    summary = withLinks(completeOverlaySummary(overlay, planned, { total, pairs }));
  }
  const overlayResults = summary!;
  const workersSeconds = seconds(workersStart);
  const mergeStart = performance.now();

  const first = parts[0];
  let events = first.controllerEvents, messages = 0, messagesLost = 0;
  for (const p of parts) {
    events += p.events + p.phantomEvents;
    messages += p.messages;
    messagesLost += p.messagesLost;
  }
  const results = assembleResults(scenario, wallStart, {
    events, simulatedSeconds: first.endTime, workers: threads, messages, messagesLost,
  }, overlayResults, first.series!);
  if (plan.note) results.engine.workersNote = plan.note;
  // Each family merges its partitions' shares into its sections, in registry order, as a
  // one-thread run adds them.
  shared.families.forEach((f, i) => {
    const split = FAMILIES.find((x) => x.name === f.name)!.split!;
    const shares = parts.map((p) => p.shares[i]);
    (split.merge ?? mergeContribution)({ scenario, results }, shares);
  });
  const mergeSeconds = seconds(mergeStart);
  const cpu = process.cpuUsage(workersCpu);
  // The run's wall clock includes the merges, as a one-thread run's includes its results.
  const wall = results.engine;
  wall.wallSeconds = seconds(wallStart);
  wall.eventsPerSecond = wall.wallSeconds > 0 ? Math.round(wall.events / wall.wallSeconds) : 0;
  options.onStats?.({
    overlaySeconds, summarySeconds, workersSeconds, mergeSeconds,
    workersCpuSeconds: (cpu.user + cpu.system) / 1e6,
    partitions: parts.map((p) => p.stats),
  });
  return results;
}

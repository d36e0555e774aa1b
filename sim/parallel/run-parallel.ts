/**
 * `run --workers N`: one scenario on N worker threads, with results identical to a
 * one-thread run (wall-clock figures and `engine.workers` apart). The main thread builds
 * the overlay once and shares it, starts one worker per partition (partition-run.ts),
 * summarises the overlay while they run, and merges what they hand back. A scenario that
 * cannot be split (see eligibility.ts) runs on this thread, with a note saying why.
 */
import { summarizeOverlay } from '../metrics/overlay-summary.js';
import { buildOverlay } from '../overlay/build.js';
import { planBroadcasts } from '../protocols/broadcast/component.js';
import { makeStreamFactories } from '../run/context.js';
import { PeerTable } from '../run/peers.js';
import type { Results } from '../run/results.js';
import { assembleResults, linksOf, runScenario, SMALL_NETWORK, type RunOptions } from '../run/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { Barrier } from './barrier.js';
import { Board } from './board.js';
import { planParallelRun, type ParallelPlan } from './eligibility.js';
import { mergeBroadcasts } from './merge.js';
import { allocateOutbox } from './outbox.js';
import { partitionPeers } from './partition.js';
import type { PartitionStats } from './protocol.js';
import { shareGraph } from './shared-graph.js';
import { PartitionWorkers, type SharedInput } from './workers.js';

export interface ParallelRunOptions extends RunOptions {
  /**
   * Overlap work that does not depend on the run with it (default true): the workers load
   * while the main thread builds the overlay, and the main thread summarises the overlay
   * (which takes longer than the simulation on large overlays) while they simulate.
   * False: overlay, summary, then the workers, one after the other (to time the latter).
   */
  overlap?: boolean;
  /** Told the wall-clock figures of a split run (benchmarks; never in the results). */
  onStats?: (stats: ParallelRunStats) => void;
}

export interface ParallelRunStats {
  /** Main thread: building the overlay and sharing it; summarising it. */
  overlaySeconds: number;
  summarySeconds: number;
  /** From handing the workers their partitions (starting them, without `overlap`) to having all their outputs; merging them. */
  workersSeconds: number;
  mergeSeconds: number;
  /** CPU time of the whole process (all threads) from starting the workers to the merge's end. */
  workersCpuSeconds: number;
  /** Each worker's own figures, in partition order. */
  partitions: PartitionStats[];
}

/** Every peer alive (no churn in a parallel run), in shared memory. */
function sharedAlive(n: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(Math.max(1, n));
  new Uint8Array(buffer).fill(1);
  return buffer;
}

/**
 * Runs `scenario` on `options.workers` threads when it can be split, else on this thread
 * (results `engine.workersNote` then says why, as it does when fewer threads are used).
 */
export async function runScenarioParallel(scenario: Scenario, options: ParallelRunOptions = {}): Promise<Results> {
  const plan = planParallelRun(scenario, options.workers ?? 1);
  if (plan.threads < 2) {
    const results = runScenario(scenario, options);
    if (plan.note) results.engine.workersNote = plan.note;
    return results;
  }

  const wallStart = performance.now();
  const overlap = options.overlap ?? true;
  // Started first, they load while this thread builds the overlay.
  let workers: PartitionWorkers | null = overlap ? new PartitionWorkers(plan.threads, options.onProgress) : null;
  const start = () => (workers ??= new PartitionWorkers(plan.threads, options.onProgress));
  try {
    return await runSplit(scenario, plan, start, overlap, options, wallStart);
  } finally {
    workers?.terminate();
  }
}

async function runSplit(
  scenario: Scenario, plan: ParallelPlan, startWorkers: () => PartitionWorkers, overlap: boolean,
  options: ParallelRunOptions, wallStart: number,
): Promise<Results> {
  const seconds = (since: number) => (performance.now() - since) / 1000;
  const n = scenario.peers.count;
  const threads = plan.threads;
  const peers = new PeerTable(n);
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length);
  const overlay = buildOverlay(scenario.overlay, n, streams.namedStream('overlay'));
  const broadcasts = planBroadcasts(scenario.workload.broadcasts, scenario.duration).length;
  const { blockSize } = partitionPeers(n, threads);
  const outboxes = [0, 1].map(() => Array.from({ length: threads }, (_, from) =>
    Array.from({ length: threads }, (_, to) => (from === to ? null : allocateOutbox()))));
  const shared: SharedInput = {
    scenario,
    threads,
    blockSize,
    lookahead: plan.lookahead,
    overlay: shareGraph(overlay),
    alive: sharedAlive(n),
    bitsets: Array.from({ length: broadcasts }, () => new SharedArrayBuffer(Math.max(4, Math.ceil(n / 32) * 4))),
    barrier: Barrier.allocate(),
    board: Board.allocate(threads, broadcasts),
    outboxes,
  };

  const overlaySeconds = seconds(wallStart);

  const summarise = () => {
    const start = performance.now();
    const summary = summarizeOverlay(overlay, peers.alive, streams.namedStream('metrics/overlay'));
    if (n <= SMALL_NETWORK) summary.links = linksOf(overlay);
    return { summary, summarySeconds: seconds(start) };
  };
  const before = overlap ? null : summarise();
  const workersStart = performance.now();
  const workersCpu = process.cpuUsage();
  const outputs = startWorkers().run(shared);
  let summarised: ReturnType<typeof summarise>;
  try {
    summarised = before ?? summarise();
  } catch (e) {
    Barrier.abortBuffer(shared.barrier);
    await outputs.catch(() => undefined);
    throw e;
  }
  const { summary: overlayResults, summarySeconds } = summarised;
  const parts = await outputs;
  const workersSeconds = seconds(workersStart);
  const mergeStart = performance.now();
  const merged = broadcasts > 0 ? mergeBroadcasts(scenario, parts.map((p) => p.broadcasts)) : null;
  const mergeSeconds = seconds(mergeStart);
  const cpu = process.cpuUsage(workersCpu);

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
  if (merged) results.broadcasts = merged;
  options.onStats?.({
    overlaySeconds, summarySeconds, workersSeconds, mergeSeconds,
    workersCpuSeconds: (cpu.user + cpu.system) / 1e6,
    partitions: parts.map((p) => p.stats),
  });
  return results;
}

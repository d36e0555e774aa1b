/**
 * `run --workers N`: one scenario on N worker threads, with results identical to a
 * one-thread run (wall-clock figures and `engine.workers` apart). The main thread builds
 * the overlay once and shares it, starts one worker per partition (partition-run.ts),
 * summarises the overlay while they run, and merges what they hand back. A scenario that
 * cannot be split (see eligibility.ts) runs on this thread, with a note saying why.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../cli/paths.js';
import { summarizeOverlay } from '../metrics/overlay-summary.js';
import { buildOverlay } from '../overlay/build.js';
import { planBroadcasts } from '../protocols/broadcast/component.js';
import { makeStreamFactories } from '../run/context.js';
import { engineNotes } from '../run/engine-notes.js';
import { PeerTable } from '../run/peers.js';
import { RESULTS_FORMAT, type Results } from '../run/results.js';
import { linksOf, peakRssBytes, runScenario, SMALL_NETWORK, type RunOptions } from '../run/run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { Barrier } from './barrier.js';
import { Board } from './board.js';
import { planParallelRun } from './eligibility.js';
import { mergeBroadcasts } from './merge.js';
import { allocateOutbox } from './outbox.js';
import { partitionPeers } from './partition.js';
import type { PartitionInput, PartitionOutput, PartitionStats, WorkerMessage } from './protocol.js';
import { shareGraph } from './shared-graph.js';

/** The compiled worker entry: next to this file when running from dist/, else in dist/. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  return join(packageRoot(), 'dist', 'sim', 'parallel', 'worker.js');
}

export interface ParallelRunOptions extends RunOptions {
  /** Told each worker's wall-clock figures, in partition order (benchmarks). */
  onStats?: (stats: PartitionStats[]) => void;
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
  const n = scenario.peers.count;
  const threads = plan.threads;
  const peers = new PeerTable(n);
  const streams = makeStreamFactories(scenario.seed, () => peers.alive.length);
  const overlay = buildOverlay(scenario.overlay, n, streams.namedStream('overlay'));
  const broadcasts = planBroadcasts(scenario.workload.broadcasts, scenario.duration).length;
  const { blockSize } = partitionPeers(n, threads);
  const outboxes = [0, 1].map(() => Array.from({ length: threads }, (_, from) =>
    Array.from({ length: threads }, (_, to) => (from === to ? null : allocateOutbox()))));
  const shared: Omit<PartitionInput, 'index'> = {
    scenario,
    threads,
    blockSize,
    lookahead: plan.lookahead,
    overlay: shareGraph(overlay),
    bitsets: Array.from({ length: broadcasts }, () => new SharedArrayBuffer(Math.max(4, Math.ceil(n / 32) * 4))),
    barrier: Barrier.allocate(),
    board: Board.allocate(threads, broadcasts),
    outboxes,
  };

  const outputs = runWorkers(shared, options.onProgress);
  // The overlay's summary does not depend on the run: work it out while the workers run.
  const overlayResults = summarizeOverlay(overlay, peers.alive, streams.namedStream('metrics/overlay'));
  if (n <= SMALL_NETWORK) overlayResults.links = linksOf(overlay);
  const parts = await outputs;
  options.onStats?.(parts.map((p) => p.stats));

  const first = parts[0];
  let events = first.controllerEvents, messages = 0, messagesLost = 0;
  for (const p of parts) {
    events += p.events + p.phantomEvents;
    messages += p.messages;
    messagesLost += p.messagesLost;
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const results: Results = {
    format: RESULTS_FORMAT,
    scenario,
    seed: scenario.seed,
    engine: {
      events,
      simulatedSeconds: first.endTime,
      wallSeconds,
      eventsPerSecond: wallSeconds > 0 ? Math.round(events / wallSeconds) : 0,
      workers: threads,
      peakRssBytes: peakRssBytes(),
      messages,
      messagesLost,
    },
    overlay: overlayResults,
    series: first.series!,
  };
  const notes = engineNotes(scenario);
  if (notes.length > 0) results.engine.notes = notes;
  if (plan.note) results.engine.workersNote = plan.note;
  if (broadcasts > 0) results.broadcasts = mergeBroadcasts(scenario, parts.map((p) => p.broadcasts));
  return results;
}

/** Starts one worker per partition; resolves with their outputs in partition order. */
function runWorkers(shared: Omit<PartitionInput, 'index'>, onProgress?: (fraction: number) => void): Promise<PartitionOutput[]> {
  const file = workerFile();
  const workers: Worker[] = [];
  return new Promise<PartitionOutput[]>((resolve, reject) => {
    const outputs = new Array<PartitionOutput>(shared.threads);
    let settledCount = 0, done = 0, failed = false;
    // Report the worker that failed first, not those it stopped (they say 'aborted').
    let aborted: Error | null = null;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      Barrier.abortBuffer(shared.barrier);
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const settle = () => {
      if (++settledCount === shared.threads && done < shared.threads) fail(aborted ?? new Error('parallel: a worker failed'));
    };
    for (let index = 0; index < shared.threads; index++) {
      const w = new Worker(file, { workerData: { ...shared, index } satisfies PartitionInput });
      workers.push(w);
      let settled = false;
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          onProgress?.(m.fraction);
          return;
        }
        settled = true;
        if (m.type === 'done') {
          outputs[index] = m.output;
          if (++done === shared.threads) resolve(outputs);
        } else {
          const e = new Error(m.message);
          if (m.stack) e.stack = m.stack;
          if (!m.aborted) fail(e);
          else aborted ??= e;
        }
        settle();
      });
      w.on('error', (e) => {
        if (!settled) { settled = true; settle(); }
        fail(e);
      });
      w.on('exit', (code) => {
        if (!settled) fail(new Error(`parallel: worker ${index} exited with code ${code}`));
      });
    }
  });
}

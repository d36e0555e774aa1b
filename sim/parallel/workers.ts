/**
 * The worker threads of one parallel run. They are started first, so that they load
 * while the main thread builds the overlay, then each is handed its partition; the
 * outputs come back in partition order. If any worker fails, the barrier is aborted (the
 * others stop too), every worker is terminated, and the first real error is reported.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../io/package-root.js';
import { Barrier } from './barrier.js';
import { partitionPeers } from './partition.js';
import type { PartitionInput, PartitionOutput, WiringRequest, WorkerMessage } from './protocol.js';

/** The compiled partition worker (see workerEntry). */
export function workerFile(): string {
  return workerEntry('parallel', 'worker');
}

export type SharedInput = Omit<PartitionInput, 'index' | 'startedAt'>;
/** A WiringRequest but for each worker's part (who wires, which peers it scans). */
export type WiringJob = Omit<WiringRequest, 'type' | 'wirer' | 'lo' | 'hi'>;

/** The error a worker reported, with its own stack. */
function workerError(m: { message: string; stack?: string }): Error {
  const e = new Error(m.message);
  if (m.stack) e.stack = m.stack;
  return e;
}

const exitError = (index: number, code: number) => new Error(`parallel: worker ${index} exited with code ${code}`);

/**
 * A worker's young generation, in MiB (V8's default grows to 16 MiB a semi-space, and each
 * worker keeps what it grew to). A partition's state lives in typed arrays and its hot
 * loops allocate little, so a small one costs no time and saves ~8 MiB a worker.
 */
export const WORKER_YOUNG_GENERATION_MB = 4;

export class PartitionWorkers {
  private readonly workers: Worker[] = [];
  private barrier: SharedArrayBuffer | null = null;
  private closed = false;

  /** Resolves once every worker has loaded (see whenReady). */
  private readonly ready: Promise<void>;

  /** The first error of a worker that failed or exited before it was given work. */
  private early: Error | null = null;

  /** `file`: the worker entry (tests give a broken one); default workerFile(). */
  constructor(readonly threads: number, private readonly onProgress?: (fraction: number) => void, file = workerFile()) {
    for (let i = 0; i < threads; i++) this.workers.push(new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
    this.ready = Promise.all(this.workers.map((w, index) => new Promise<void>((resolve) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type !== 'ready') return;
        w.off('message', onMessage);
        resolve();
      };
      w.on('message', onMessage);
      // A worker that fails to load is reported by wire() or run(), even if it is gone by then.
      w.once('error', (e) => {
        this.early ??= e;
        resolve();
      });
      w.once('exit', (code) => {
        this.early ??= exitError(index, code);
        resolve();
      });
    }))).then(() => undefined);
  }

  /**
   * Resolves when every worker has loaded its modules (or failed to). A run hands out the
   * partitions at once; a benchmark of the simulation alone waits for this first.
   */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Has the workers help build a random-regular overlay (see overlay-build.ts): the first
   * wires the pairs as the caller settles them, then each scans the runs of its
   * partition's peers. Posts at once (the caller then draws the pairing); resolves with
   * the peers whose runs need repair, in increasing order. Rejects if a worker fails (the
   * caller terminates them).
   */
  wire(job: WiringJob, n: number): Promise<Int32Array> {
    if (this.early) return Promise.reject(this.early);
    const threads = this.threads;
    const { bounds } = partitionPeers(n, threads);
    return new Promise<Int32Array>((resolve, reject) => {
      const parts = new Array<Int32Array>(threads);
      const detach: Array<() => void> = [];
      let done = 0, settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        for (const d of detach) d();
        if (error) return reject(error);
        const all = new Int32Array(parts.reduce((a, p) => a + p.length, 0));
        let at = 0;
        for (const p of parts) { all.set(p, at); at += p.length; }
        resolve(all);
      };
      this.workers.forEach((w, index) => {
        const onMessage = (m: WorkerMessage) => {
          if (m.type === 'wired') {
            parts[index] = m.irregular;
            if (++done === threads) finish(null);
          } else if (m.type === 'error') {
            finish(workerError(m));
          }
        };
        const onError = (e: Error) => finish(e);
        const onExit = (code: number) => finish(exitError(index, code));
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        detach.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        w.postMessage({ type: 'wire', ...job, wirer: index === 0, lo: bounds[index], hi: bounds[index + 1] } satisfies WiringRequest);
      });
    });
  }

  /**
   * Hands each worker its partition, worker i partition `first + i` (the main thread may run
   * those before `first` itself); resolves with their outputs in partition order.
   */
  run(shared: SharedInput, first = 0): Promise<PartitionOutput[]> {
    this.barrier = shared.barrier;
    const threads = this.threads;
    const startedAt = performance.timeOrigin + performance.now();
    if (this.early) return Promise.reject(this.early);
    return new Promise<PartitionOutput[]>((resolve, reject) => {
      const outputs = new Array<PartitionOutput>(threads);
      let settledCount = 0, done = 0, failed = false;
      // Report the worker that failed first, not those it stopped (they say 'aborted').
      let aborted: Error | null = null;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        this.terminate();
        reject(e);
      };
      const settle = () => {
        if (++settledCount === threads && done < threads) fail(aborted ?? new Error('parallel: a worker failed'));
      };
      this.workers.forEach((w, index) => {
        let settled = false;
        w.on('message', (m: WorkerMessage) => {
          if (m.type === 'ready' || m.type === 'wired') return;
          if (m.type === 'progress') {
            this.onProgress?.(m.fraction);
            return;
          }
          settled = true;
          if (m.type === 'done') {
            outputs[m.output.index - first] = m.output;
            if (++done === threads) {
              this.closed = true;
              resolve(outputs);
            }
          } else {
            const e = workerError(m);
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
          if (!settled) fail(exitError(first + index, code));
        });
        w.postMessage({ ...shared, index: first + index, startedAt } satisfies PartitionInput);
      });
    });
  }

  /** Stops every worker (after a failure, or when the run is abandoned before `run`). */
  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.barrier) Barrier.abortBuffer(this.barrier);
    for (const w of this.workers) void w.terminate();
  }
}

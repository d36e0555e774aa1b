/**
 * Runs sweep tasks, inline (one worker) or on a worker-threads-pool. Results are stored by
 * task index, so the order in which threads finish never shows in the output.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../io/package-root.js';
import { runSweepTask, type SweepTaskInput, type SweepTaskOutput } from './run-one.js';

const require = createRequire(import.meta.url);

interface PoolLike {
  acquire(file: string, options: { workerData: unknown }, cb: (err: Error | null, worker: Worker) => void): void;
}

/**
 * Runs `inputs` and calls `onDone(i, output)` as each finishes. `offThread`: run even a
 * single worker's tasks on a worker thread, so that this thread stays free to handle
 * Ctrl-C at once (the command line); otherwise one worker runs them inline.
 */
export async function executeTasks(
  inputs: SweepTaskInput[],
  workers: number,
  onDone: (index: number, output: SweepTaskOutput) => void,
  offThread = false,
): Promise<SweepTaskOutput[]> {
  const outputs: SweepTaskOutput[] = new Array(inputs.length);
  if (inputs.length === 0) return outputs;
  if (!offThread && (workers <= 1 || inputs.length <= 1)) {
    for (let i = 0; i < inputs.length; i++) {
      outputs[i] = runSweepTask(inputs[i]);
      onDone(i, outputs[i]);
    }
    return outputs;
  }
  const workerFile = workerEntry('sweep', 'worker');
  if (workers <= 1) return runOnOneThread(workerFile, inputs, outputs, onDone);
  const Pool = require('worker-threads-pool') as new (o: { max: number; maxWaiting?: number }) => PoolLike;
  const pool = new Pool({ max: workers, maxWaiting: inputs.length + 1 });
  // Each worker exits on its own after posting its result (no pool.destroy(), whose
  // worker.terminate(callback) prints a deprecation warning on Node 20).
  {
    await Promise.all(inputs.map((input, i) => new Promise<void>((resolve, reject) => {
      pool.acquire(workerFile, { workerData: input }, (err, worker) => {
        if (err) return reject(err);
        let settled = false;
        worker.once('message', (msg: { ok: boolean; output?: SweepTaskOutput; message?: string; stack?: string }) => {
          settled = true;
          if (msg.ok) {
            outputs[i] = msg.output!;
            try {
              onDone(i, outputs[i]);
            } catch (e) {
              return reject(e);
            }
            resolve();
          } else {
            const e = new Error(msg.message);
            e.stack = msg.stack;
            reject(e);
          }
        });
        worker.once('error', (e) => { settled = true; reject(e); });
        worker.once('exit', (code) => { if (!settled) reject(new Error(`sweep worker exited with code ${code}`)); });
      });
    })));
  }
  return outputs;
}

/**
 * One worker thread that runs the tasks one after the other (a cluster task's usual
 * `--workers 1`): started once, not once per run as on the pool.
 */
function runOnOneThread(
  workerFile: string, inputs: SweepTaskInput[], outputs: SweepTaskOutput[],
  onDone: (index: number, output: SweepTaskOutput) => void,
): Promise<SweepTaskOutput[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { serial: true } });
    let next = 0;
    const fail = (e: unknown) => {
      void worker.terminate();
      reject(e);
    };
    worker.on('message', (msg: { ok: boolean; output?: SweepTaskOutput; message?: string; stack?: string }) => {
      if (!msg.ok) return fail(Object.assign(new Error(msg.message), { stack: msg.stack }));
      const i = next++;
      outputs[i] = msg.output!;
      try {
        onDone(i, outputs[i]);
      } catch (e) {
        return fail(e);
      }
      if (next < inputs.length) worker.postMessage(inputs[next]);
      else void worker.terminate().then(() => resolve(outputs));
    });
    worker.once('error', fail);
    worker.once('exit', (code) => { if (next < inputs.length) reject(new Error(`sweep worker exited with code ${code}`)); });
    worker.postMessage(inputs[0]);
  });
}

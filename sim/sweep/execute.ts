/**
 * Runs sweep tasks, inline (one worker) or on a worker-threads-pool. Results are stored by
 * task index, so the order in which threads finish never shows in the output.
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { packageRoot } from '../io/package-root.js';
import { runSweepTask, type SweepTaskInput, type SweepTaskOutput } from './run-one.js';

const require = createRequire(import.meta.url);

interface PoolLike {
  acquire(file: string, options: { workerData: unknown }, cb: (err: Error | null, worker: Worker) => void): void;
}

export async function executeTasks(
  inputs: SweepTaskInput[],
  workers: number,
  onDone: (completed: number) => void,
): Promise<SweepTaskOutput[]> {
  const outputs: SweepTaskOutput[] = new Array(inputs.length);
  let completed = 0;
  if (workers <= 1 || inputs.length <= 1) {
    for (let i = 0; i < inputs.length; i++) {
      outputs[i] = runSweepTask(inputs[i]);
      onDone(++completed);
    }
    return outputs;
  }
  const Pool = require('worker-threads-pool') as new (o: { max: number; maxWaiting?: number }) => PoolLike;
  const pool = new Pool({ max: workers, maxWaiting: inputs.length + 1 });
  const workerFile = join(packageRoot(), 'dist', 'sim', 'sweep', 'worker.js');
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
            onDone(++completed);
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

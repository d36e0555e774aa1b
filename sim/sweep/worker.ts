/** Worker-thread entry for sweeps: runs one task from workerData and posts its metrics. */
import { parentPort, workerData } from 'node:worker_threads';
import { runSweepTask, type SweepTaskInput } from './run-one.js';

try {
  parentPort!.postMessage({ ok: true, output: runSweepTask(workerData as SweepTaskInput) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message, stack: (err as Error).stack });
}

/**
 * Worker-thread entry for sweeps: runs one task from workerData and posts its metrics, or,
 * started with `{ serial: true }`, runs each task it is sent, one after the other.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runSweepTask, type SweepTaskInput } from './run-one.js';

const port = parentPort!;
const run = (input: SweepTaskInput) => {
  try {
    port.postMessage({ ok: true, output: runSweepTask(input) });
  } catch (err) {
    port.postMessage({ ok: false, message: (err as Error).message, stack: (err as Error).stack });
  }
};

if ((workerData as { serial?: boolean } | null)?.serial) port.on('message', run);
else run(workerData as SweepTaskInput);

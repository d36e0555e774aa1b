/**
 * Entry point of a worker thread of a parallel run (compiled to dist/sim/parallel/worker.js):
 * waits for its partition, runs it and posts the outcome; on failure, aborts the barrier
 * so that the other partitions stop too.
 */
import { parentPort } from 'node:worker_threads';
import { Barrier, BarrierAborted } from './barrier.js';
import { runPartition } from './partition-run.js';
import type { PartitionInput, WorkerMessage } from './protocol.js';

const port = parentPort!;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

post({ type: 'ready' });

port.once('message', (input: PartitionInput) => {
  try {
    const output = runPartition(input, (fraction) => post({ type: 'progress', fraction }));
    const transfer: ArrayBuffer[] = [];
    for (const b of output.broadcasts) {
      const log = b.log;
      for (const a of [log.time, log.tie, log.peer, log.from]) if (a) transfer.push(a.buffer as ArrayBuffer);
    }
    post({ type: 'done', output }, transfer);
  } catch (e) {
    const aborted = e instanceof BarrierAborted;
    if (!aborted) Barrier.abortBuffer(input.barrier);
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', message: err.message, stack: err.stack, aborted });
  }
  port.close();
});

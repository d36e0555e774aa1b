/**
 * Entry point of a worker thread of a parallel run (compiled to dist/sim/parallel/worker.js
 * and bundled into worker.bundle.cjs): may first be asked to help build the overlay
 * (overlay-wiring.ts), then waits for its partition, runs it and posts the outcome. On
 * failure it aborts the barrier, so that the other partitions stop too.
 */
import { parentPort } from 'node:worker_threads';
import { adoptFiles } from '../scenario/file-store.js';
import { Barrier, BarrierAborted } from './barrier.js';
import { wireShare } from './overlay-wiring.js';
import { runPartition } from './partition-run.js';
import type { PartitionInput, WiringRequest, WorkerMessage } from './protocol.js';

const port = parentPort!;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const failure = (e: unknown, aborted: boolean): WorkerMessage => {
  const err = e instanceof Error ? e : new Error(String(e));
  return { type: 'error', message: err.message, stack: err.stack, aborted };
};

post({ type: 'ready' });

function wire(m: WiringRequest): void {
  try {
    const irregular = wireShare(m).slice();
    // Copied, not transferred: once any ArrayBuffer of an isolate has been detached, V8
    // compiles every later typed-array access with a check that its buffer is still there
    // (and drops the code compiled so far). The partition loops used ~12% more CPU so
    // (10^6-peer flood, 8 back-to-back pairs). The outcome is transferred after the run.
    post({ type: 'wired', irregular });
  } catch (e) {
    post(failure(e, false));
  }
}

function partition(input: PartitionInput): void {
  port.off('message', onMessage);
  try {
    adoptFiles(input.files);
    const { output, transfer } = runPartition(input, (fraction) => post({ type: 'progress', fraction }));
    post({ type: 'done', output }, transfer);
  } catch (e) {
    const aborted = e instanceof BarrierAborted;
    if (!aborted) Barrier.abortBuffer(input.barrier);
    post(failure(e, aborted));
  }
  port.close();
}

function onMessage(m: WiringRequest | PartitionInput): void {
  if ('type' in m && m.type === 'wire') wire(m);
  else partition(m as PartitionInput);
}
port.on('message', onMessage);

/**
 * A failing worker stops the whole parallel run with its own error (not a hang, and not
 * the 'another worker failed' of the workers it stopped). Needs the built worker.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Barrier } from '../../sim/parallel/barrier';
import { Board } from '../../sim/parallel/board';
import { allocateOutbox } from '../../sim/parallel/outbox';
import { PartitionWorkers, workerFile, type SharedInput } from '../../sim/parallel/workers';
import { shareGraph } from '../../sim/parallel/shared-graph';
import { TickShare } from '../../sim/parallel/tick-share';
import { Graph } from '../../sim/overlay/graph';
import { validate } from '../../sim/scenario/validate';

/** A run's shared input for 256 peers and two threads; `bitsets: []` makes every worker refuse it. */
function brokenInput(): SharedInput {
  const n = 256, threads = 2;
  const scenario = validate({
    name: 'broken', peers: { count: n }, network: { latency: '50ms' },
    workload: { broadcasts: [{ protocol: 'push', targets: 'uniform' }] },
  });
  const alive = new SharedArrayBuffer(n);
  new Uint8Array(alive).fill(1);
  return {
    scenario, threads, blockSize: 128, lookahead: 0.05, queueSlots: 1024,
    overlay: shareGraph(new Graph(n, 0)),
    alive,
    bitsets: [], // one broadcast is planned: every worker refuses this input
    barrier: Barrier.allocate(),
    board: Board.allocate(threads, 0),
    outboxes: [0, 1].map(() => [[null, allocateOutbox()], [allocateOutbox(), null]]),
    claims: TickShare.allocate(1),
    peerStreams: { broadcast: new SharedArrayBuffer(4 * n), network: new SharedArrayBuffer(4 * n) },
    peerSeq: new SharedArrayBuffer(4 * n),
    pathJob: null,
    pathBfs: null,
  };
}

describe('PartitionWorkers', () => {
  it('start the one-file bundle that npm run build makes of the worker (it loads in about half the time)', () => {
    // Every parallel run of these tests then goes through the bundle, as `gossipsim` does.
    expect(workerFile()).toMatch(/dist[\\/]sim[\\/]parallel[\\/]worker\.bundle\.cjs$/);
  });

  it('reports the first real error of a worker and stops the others', async () => {
    const workers = new PartitionWorkers(2);
    await expect(workers.run(brokenInput())).rejects.toThrow(/1 broadcasts planned, 0 expected/);
  });

  it('reports a worker that failed to load before it was given work, instead of waiting for it', async () => {
    // Gone before wire() or run() listen to it (it failed while the overlay was built, say).
    const dir = mkdtempSync(join(tmpdir(), 'gossipsim-worker-'));
    const file = join(dir, 'broken.cjs');
    writeFileSync(file, "throw new Error('worker failed to load');\n");
    try {
      const workers = new PartitionWorkers(2, undefined, file);
      await workers.whenReady();
      await new Promise((resolve) => setTimeout(resolve, 300)); // as while the overlay is built
      await expect(workers.wire({ stubs: new SharedArrayBuffer(8), adj: new SharedArrayBuffer(8), deg: new SharedArrayBuffer(8), k: 1 }, 2)).rejects.toThrow(/worker failed to load/);
      await expect(workers.run(brokenInput())).rejects.toThrow(/worker failed to load/);
      workers.terminate();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A failing worker stops the whole parallel run with its own error (not a hang, and not
 * the 'another worker failed' of the workers it stopped). Needs the built worker.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedInput } from '../../sim/parallel/shared-input';
import { PartitionWorkers, workerFile, type SharedInput } from '../../sim/parallel/workers';
import { Graph } from '../../sim/overlay/graph';
import { validate } from '../../sim/scenario/validate';

/** A run's shared input for 256 peers and two threads, but with no broadcast bitsets: every worker refuses it. */
function brokenInput(): SharedInput {
  const scenario = validate({
    name: 'broken', peers: { count: 256 }, network: { latency: '50ms' },
    workload: { broadcasts: [{ protocol: 'push', targets: 'uniform' }] },
  });
  const plan = { threads: 2, lookahead: 0.05, note: null };
  // One broadcast is planned, and none handed: "1 broadcasts planned, 0 expected".
  const input = sharedInput(scenario, plan, new Graph(256, 0), false);
  return { ...input, families: input.families.map((f) => ({ ...f, buffers: [] })) };
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
      await expect(workers.wire({ stubs: new SharedArrayBuffer(8), progress: new SharedArrayBuffer(8), adj: new SharedArrayBuffer(8), deg: new SharedArrayBuffer(8), k: 1 }, 2)).rejects.toThrow(/worker failed to load/);
      await expect(workers.run(brokenInput())).rejects.toThrow(/worker failed to load/);
      workers.terminate();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

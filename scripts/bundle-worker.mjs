// Bundles the parallel run's worker entry (dist/sim/parallel/worker.js and the ~50
// modules it imports, seedrandom's Alea included) into one CommonJS file next to it,
// worker.bundle.cjs: a worker thread then starts in about half the time (~45 ms instead
// of ~90 ms on the benchmark VM), which a `run --workers N` pays before its first event.
// CommonJS rather than an ES module: Node loads a CommonJS worker without its ES module
// loader, ~14 ms sooner (two workers started together on the 2-vCPU Xeon VM, median of
// 12: 58 ms against 72 ms). The unbundled worker.js stays, and is used when the bundle is
// missing (see sim/parallel/workers.ts).
import { rmSync } from 'node:fs';
import { build } from 'rolldown';

// The ES module bundle earlier builds wrote, so that no stale copy is left beside the new one.
rmSync('dist/sim/parallel/worker.bundle.mjs', { force: true });
await build({
  input: 'dist/sim/parallel/worker.js',
  platform: 'node',
  logLevel: 'warn',
  output: { file: 'dist/sim/parallel/worker.bundle.cjs', format: 'cjs' },
});

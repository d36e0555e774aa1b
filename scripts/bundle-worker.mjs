// Bundles the parallel run's worker entry (dist/sim/parallel/worker.js and the ~50
// modules it imports, seedrandom included) into one file next to it, worker.bundle.mjs:
// a worker thread then starts in about half the time (~45 ms instead of ~90 ms on the
// benchmark VM), which a `run --workers N` pays before its first event. The unbundled
// worker.js stays, and is used when the bundle is missing (see sim/parallel/workers.ts).
import { build } from 'rolldown';

await build({
  input: 'dist/sim/parallel/worker.js',
  platform: 'node',
  logLevel: 'warn',
  output: { file: 'dist/sim/parallel/worker.bundle.mjs', format: 'esm' },
});

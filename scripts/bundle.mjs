// Bundles, after tsc, two entry points into one CommonJS file each, so that Node loads one
// file instead of a graph of ES modules (CommonJS also skips Node's ES module loader):
// - the parallel run's worker (dist/sim/parallel/worker.js and the ~50 modules it imports,
//   seedrandom's Alea included) into dist/sim/parallel/worker.bundle.cjs: a worker thread
//   starts in about half the time (~45 ms instead of ~90 ms on the benchmark VM), which a
//   `run --workers N` pays before its first event; as CommonJS rather than an ES module,
//   two workers started together were ready ~14 ms sooner again (2-vCPU Xeon VM, median of
//   12: 58 ms against 72 ms);
// - the command line (dist/sim/cli/main.js, ~200 modules with commander, yaml and marked)
//   into dist/sim/cli/gossipsim.cjs, the package's `bin`: `gossipsim --help` took
//   0.12-0.18 s instead of 0.21-0.29 s on the same VM. It stays in dist/sim/cli/, where
//   the modules it replaces find their files (the report's client files in dist/viz/client/,
//   the worker bundles, package.json above).
// - the browser playground (dist/playground/app.js: its page and, in a Worker, the engine)
//   into dist/playground/app.bundle.js, one classic script that `gossipsim playground`
//   inlines; made here so that the command only assembles the page.
// The unbundled files stay, and are used when a bundle is missing (see
// sim/parallel/workers.ts); dist/sim/cli/main.js runs the same CLI.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'rolldown';

// The ES module bundle earlier builds wrote, so that no stale copy is left beside the new one.
rmSync('dist/sim/parallel/worker.bundle.mjs', { force: true });
const bundles = [
  { input: 'dist/sim/parallel/worker.js', file: 'dist/sim/parallel/worker.bundle.cjs' },
  { input: 'dist/sim/cli/main.js', file: 'dist/sim/cli/gossipsim.cjs' },
  // The workers of a sweep's runs and of a one-thread `run` from the command line (which
  // runs off the main thread so that Ctrl-C stops it at once), for the same reason: one
  // starts per run.
  { input: 'dist/sim/sweep/worker.js', file: 'dist/sim/sweep/worker.bundle.cjs' },
  { input: 'dist/sim/run/run-worker.js', file: 'dist/sim/run/run-worker.bundle.cjs' },
];
for (const { input, file } of bundles) {
  await build({ input, platform: 'node', logLevel: 'warn', output: { file, format: 'cjs' } });
}
// Its first line is main.js's `#!/usr/bin/env node`.
chmodSync('dist/sim/cli/gossipsim.cjs', 0o755);

// The playground's script goes inline in a <script> element, where "<!--" and "<script"
// would change how the HTML parser reads it (viz/embed.ts refuses them). In this bundle they
// occur only inside string, template and regular-expression literals (the report page's
// markup, marked's patterns), where \x3C means the same "<".
const playground = 'dist/playground/app.bundle.js';
await build({ input: 'dist/playground/app.js', platform: 'browser', logLevel: 'warn', output: { file: playground, format: 'iife', minify: true } });
writeFileSync(playground, readFileSync(playground, 'utf8').replace(/<(!--|script)/gi, '\\x3C$1'));

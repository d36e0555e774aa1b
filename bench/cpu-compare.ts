/**
 * Compares two builds workload by workload on the thread CPU time of each hot loop
 * (extra.threadCpuSeconds), which drifts far less than wall time on a shared VM.
 * `node dist/bench/cpu-compare.js <baseline checkout> [reps=10] [workload filter...]`:
 * runs each workload `reps` times in each build, alternating (baseline, this build, ...),
 * each run its own process, and prints the medians as a Markdown table (bench/README.md).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './row.js';

/** The bench workloads, scaled to run in seconds on a shared two-core machine. */
const WORKLOADS: Array<{ name: string; file: string; args: string[] }> = [
  { name: 'event queue: hold model, 10^6 pending, 3·10^6 pop+push (median of 3)', file: 'queue.js', args: ['1000000', '3000000'] },
  { name: 'event queue: hold model with scheduler tie-breaks on a time grid, 10^6 pending, 3·10^6 pop+push (median of 3)', file: 'queue.js', args: ['1000000', '3000000', '--ties'] },
  { name: 'broadcast: push, 5·10^5 peers (duplicates elided)', file: 'broadcast.js', args: ['push', '500000'] },
  { name: 'broadcast: push, 2·10^5 peers, every arrival simulated', file: 'broadcast.js', args: ['push', '200000', '--full'] },
  { name: 'broadcast: flood, 5·10^5 peers, degree 8', file: 'broadcast.js', args: ['flood', '500000'] },
  { name: 'cycle engine: push, 5·10^5 peers', file: 'broadcast.js', args: ['push', '500000', '--engine', 'cycle'] },
  { name: 'cycle engine: flood, 5·10^5 peers, degree 8', file: 'broadcast.js', args: ['flood', '500000', '--engine', 'cycle'] },
  { name: 'parallel: push, 5·10^5 peers, simulation, 2 threads (sum)', file: 'parallel.js', args: ['push', '500000', '2', '--phase', 'simulation'] },
  { name: 'search: 400 floods (TTL 7), 10^5 peers', file: 'search.js', args: ['flood', '100000', '400'] },
  { name: 'search: 2000 random walks (32 walkers), 10^5 peers', file: 'search.js', args: ['random-walk', '100000', '2000'] },
  { name: 'churn + Cyclon: 10^4 peers, 20 simulated minutes', file: 'churn.js', args: ['10000', '1200'] },
  { name: 'capacity: p2p, 100 MB to 2000 peers', file: 'capacity.js', args: ['2000'] },
  { name: 'overlay: random-regular, 5·10^5 peers of degree 8', file: 'overlay.js', args: ['500000', '8'] },
];

const here = dirname(fileURLToPath(import.meta.url));
const thisRoot = join(here, '..', '..');
const baseRoot = process.argv[2];
if (!baseRoot) throw new Error('usage: cpu-compare.js <baseline checkout> [reps] [filter...]');
const reps = Number(process.argv[3] ?? 10);
const only = process.argv.slice(4);

function threadCpu(root: string, file: string, args: string[]): number {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8000', join(root, 'dist', 'bench', file), ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`${root} ${file} ${args.join(' ')} failed:\n${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.trim().startsWith('{'));
  const x = (JSON.parse(line!) as { extra?: { threadCpuSeconds?: number } }).extra?.threadCpuSeconds;
  if (typeof x !== 'number') throw new Error(`${file}: no extra.threadCpuSeconds`);
  return x;
}

const rows: string[] = [];
for (const w of WORKLOADS) {
  if (only.length > 0 && !only.some((o) => w.name.includes(o))) continue;
  const base: number[] = [], mine: number[] = [];
  for (let i = 0; i < reps; i++) {
    base.push(threadCpu(baseRoot, w.file, w.args));
    mine.push(threadCpu(thisRoot, w.file, w.args));
  }
  const b = median(base), m = median(mine);
  const row = `| ${w.name} | ${b.toFixed(3)} | ${m.toFixed(3)} | ${((m / b - 1) * 100).toFixed(1)}% |`;
  process.stderr.write(`${row}\n  baseline ${base.map((x) => x.toFixed(2)).join(' ')}\n  this     ${mine.map((x) => x.toFixed(2)).join(' ')}\n`);
  rows.push(row);
}
process.stdout.write(`| workload | baseline (s) | this build (s) | change |\n|---|---|---|---|\n${rows.join('\n')}\n`);

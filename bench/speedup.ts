/**
 * The speed-up of `run --workers 2` over `--workers 1` (issue 9 §2), measured so that it
 * holds up on a shared machine whose speed drifts by ±20% from one minute to the next:
 * each (protocol, phase) is run `reps` times with 1 and 2 threads, alternately and in a
 * fresh process each (bench/parallel.js), and the table gives the median wall time of
 * each, their ratio, and the median and range of the ratios of each back-to-back pair.
 * Two last rows measure, the same way, the bare flood and push of bench/bare-broadcast.ts
 * (their event loops and nothing else, duplicates elided as the simulator does): what two
 * threads can gain on this machine, at the time of the other rows.
 * `node dist/bench/speedup.js [reps] [peers]`, or as the last part of `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { broadcastLabel } from './broadcast-setup.js';
import { median, type BenchRow } from './row.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface SpeedupRow {
  protocol: string;
  phase: string;
  one: number[];
  two: number[];
}

function wallOf(protocol: string, peers: number, workers: number, phase: string): number {
  const bare = /^bare-(flood|push)$/.exec(protocol);
  const args = bare
    ? [join(here, 'bare-broadcast.js'), bare[1], String(workers), String(peers), '--elide']
    : [join(here, 'parallel.js'), protocol, String(peers), String(workers), '--phase', phase];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`bench/speedup: ${protocol} ${phase} with ${workers} workers failed:\n${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.trim().startsWith('{'));
  return (JSON.parse(line!) as BenchRow).wallSeconds;
}

export function measureSpeedup(reps: number, peers: number, log: (line: string) => void = () => {}): SpeedupRow[] {
  const rows: SpeedupRow[] = [];
  for (const protocol of ['flood', 'push', 'bare-flood', 'bare-push']) {
    for (const phase of protocol.startsWith('bare-') ? ['simulation'] : ['simulation', 'run']) {
      const row: SpeedupRow = { protocol, phase, one: [], two: [] };
      for (let i = 0; i < reps; i++) {
        // Alternate which goes first, so that a drift of the machine's speed favours neither.
        const order = i % 2 === 0 ? [1, 2] : [2, 1];
        for (const w of order) (w === 1 ? row.one : row.two).push(wallOf(protocol, peers, w, phase));
        log(`bench/speedup: ${protocol} ${phase} ${i + 1}/${reps}: ${row.one.at(-1)!.toFixed(2)} s / ${row.two.at(-1)!.toFixed(2)} s`);
      }
      rows.push(row);
    }
  }
  return rows;
}

export function speedupTable(rows: SpeedupRow[], peers: number): string {
  const what = (r: SpeedupRow) => {
    const label = broadcastLabel(r.protocol.endsWith('flood') ? 'flood' : 'push');
    return r.protocol.startsWith('bare-') ? `bare ${label} (bench/bare-broadcast.ts: the loop alone, duplicates elided)` : label;
  };
  const lines = rows.map((r) => {
    const pairs = r.one.map((x, i) => x / r.two[i]);
    return `| ${what(r)}, ${peers.toLocaleString('en-US')} peers | ${r.phase === 'run' ? 'whole run' : 'simulation'} | ${median(r.one).toFixed(2)} | ${median(r.two).toFixed(2)} | **${(median(r.one) / median(r.two)).toFixed(2)}×** | ${median(pairs).toFixed(2)}× | ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}× |`;
  });
  return [
    `Medians of ${rows[0]?.one.length ?? 0} runs each, 1 and 2 threads alternately, each in a fresh process.`,
    '*simulation*: the event loop alone (the workers already loaded, as they are while the overlay is built);',
    '*whole run*: overlay build, overlay summary, simulation and merge, as `gossipsim run` does them;',
    '*bare*: not the simulator but the same broadcast\'s event loop with nothing else in it (no per-peer',
    'random streams, tie-breaks, logs or series), to show what two threads can gain on this machine then.',
    '',
    '*pairs*: the ratio of each back-to-back pair, which a drift of the machine\'s speed between',
    'pairs does not skew.',
    '',
    '| workload | measured | 1 thread (s) | 2 threads (s) | speed-up | median over pairs | range over pairs |',
    '|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n') + '\n';
}

/** One issue-27 workload (bench/split-run.ts) on 1 and 2 threads, `reps` alternating pairs in fresh processes. */
export function measureSplitSpeedup(which: 'search' | 'churn', reps: number, log: (line: string) => void = () => {}): { one: BenchRow[]; two: BenchRow[] } {
  const run = (workers: number): BenchRow => {
    const r = spawnSync(process.execPath, [join(here, 'split-run.js'), which, String(workers)], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    if (r.status !== 0) throw new Error(`bench/speedup: ${which} with ${workers} workers failed:\n${r.stderr}`);
    return JSON.parse(r.stdout.split('\n').find((l) => l.trim().startsWith('{'))!) as BenchRow;
  };
  const one: BenchRow[] = [], two: BenchRow[] = [];
  for (let i = 0; i < reps; i++) {
    for (const w of i % 2 === 0 ? [1, 2] : [2, 1]) (w === 1 ? one : two).push(run(w));
    const cpu = (r: BenchRow) => (r.extra as { cpuSeconds: number }).cpuSeconds.toFixed(2);
    log(`bench/speedup: ${which} ${i + 1}/${reps}: ${one.at(-1)!.wallSeconds.toFixed(2)} s / ${two.at(-1)!.wallSeconds.toFixed(2)} s (CPU, all threads: ${cpu(one.at(-1)!)} s / ${cpu(two.at(-1)!)} s)`);
  }
  return { one, two };
}

/** The table of measureSplitSpeedup's pairs: speed-up, threads used, barriers, cross-partition share. */
export function splitSpeedupTable(rows: Array<{ which: string; one: BenchRow[]; two: BenchRow[] }>): string {
  const lines = rows.map(({ which, one, two }) => {
    const w1 = one.map((r) => r.wallSeconds), w2 = two.map((r) => r.wallSeconds);
    const pairs = w1.map((x, i) => x / w2[i]);
    const x = two[0].extra as { windows: number; crossPartitionShare: number; note: string | null };
    const used = two[0].workers ?? 1;
    return `| ${which === 'search' ? '10^4 TTL-7 floods over 10^5 peers' : 'churn + Cyclon, 10^5 peers, 1 h'} | ${median(w1).toFixed(2)} | ${median(w2).toFixed(2)} | **${(median(w1) / median(w2)).toFixed(2)}×** | ${median(pairs).toFixed(2)}× (${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}×) | ${used} | ${used > 1 ? x.windows.toLocaleString('en-US') : '–'} | ${used > 1 ? `${(100 * x.crossPartitionShare).toFixed(1)}%` : '–'} |${x.note ? ` ${x.note}` : ''}`;
  });
  return [
    `Whole runs (bench/split-run.ts), medians of ${rows[0]?.one.length ?? 0} alternating pairs, each run in a fresh process.`,
    '',
    '| workload | 1 thread (s) | --workers 2 (s) | speed-up | over pairs (range) | threads used | barriers | cross-partition messages |',
    '|---|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === 'split') {
  const reps = Number(process.argv[3] ?? 5);
  const only = process.argv.slice(4);
  const which = (['search', 'churn'] as const).filter((w) => only.length === 0 || only.includes(w));
  process.stdout.write(splitSpeedupTable(which.map((w) => ({ which: w, ...measureSplitSpeedup(w, reps, (l) => process.stderr.write(l + '\n')) }))));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reps = Number(process.argv[2] ?? 5);
  const peers = Number(process.argv[3] ?? 1_000_000);
  process.stdout.write(speedupTable(measureSpeedup(reps, peers, (l) => process.stderr.write(l + '\n')), peers));
}

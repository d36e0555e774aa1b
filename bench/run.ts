/**
 * `npm run bench`: runs every workload of bench/workloads.ts in its own Node process,
 * prints one table and writes it to bench/results.md with the machine it ran on.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workloads } from './workloads.js';
import type { BenchRow } from './row.js';
import { measureSpeedup, measureSplitSpeedup, speedupTable, splitSpeedupTable } from './speedup.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const only = process.argv.slice(2);

const fmt = (x: number | null | undefined, unit = ''): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 100) return `${Math.round(x).toLocaleString('en-US')}${unit}`;
  return `${x.toPrecision(3)}${unit}`;
};

const rows: Array<BenchRow & { issue: number }> = [];
for (const w of workloads) {
  if (only.length > 0 && !only.some((o) => w.file.includes(o) || w.name.includes(o))) continue;
  process.stderr.write(`bench: ${w.name} ...\n`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=20000', join(here, w.file), ...(w.args ?? [])], {
    encoding: 'utf8', maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${w.name} failed (exit ${r.status}):\n${r.stderr}\n`);
    continue;
  }
  for (const line of r.stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    rows.push({ ...(JSON.parse(line) as BenchRow), issue: w.issue });
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
const header = '| workload | workers | peers | wall (s) | events | events/s | peak RSS (MiB) | bytes/peer |\n|---|---|---|---|---|---|---|---|';
const body = rows.map((r) =>
  `| ${r.workload}${r.engine ? ` (${r.engine})` : ''} | ${r.workers ?? 1} | ${fmt(r.peers)} | ${fmt(r.wallSeconds)} | ${fmt(r.events)} | ${fmt(r.eventsPerSecond)} | ${fmt(r.peakRssBytes / 2 ** 20)} | ${fmt(r.bytesPerPeer)} |`,
).join('\n');
const extras = rows.filter((r) => r.extra && Object.keys(r.extra).length > 0)
  .map((r) => `- ${r.workload}: ${Object.entries(r.extra!).map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v) : JSON.stringify(v)}`).join(', ')}`)
  .join('\n');
// The speed-up of --workers 2, from repeated runs (bench/speedup.ts), unless filtered out.
const speedupReps = 5;
const withSpeedup = only.length === 0 || only.some((o) => 'speedup'.includes(o));
const log = (l: string) => process.stderr.write(l + '\n');
const speedup = withSpeedup
  ? `\n## Speed-up of run --workers 2\n\n${speedupTable(measureSpeedup(speedupReps, 1_000_000, log), 1_000_000)}\n`
    + splitSpeedupTable((['search', 'churn'] as const).map((which) => ({ which, ...measureSplitSpeedup(which, speedupReps, log) })))
  : '';
const table = `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.\n\n${header}\n${body}\n\n${extras}\n${speedup}`;
process.stdout.write(table);
const out = join(root, 'bench', 'results.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `# gossipsim benchmark results\n\nWritten by \`npm run bench\`.\n\n${table}`);
process.stderr.write(`bench: wrote ${out}\n`);

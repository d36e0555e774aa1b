/**
 * Trace replay benchmark (issue 31 §5): a session CSV of 10^5 peers and 10^6 sessions is
 * loaded (parsed, checked, sorted) and replayed through the whole run. `node
 * dist/bench/trace.js [peers] [sessionsPerPeer]`. The trace, written to a temporary file
 * first (not timed): per peer, alternating Weibull(shape 0.5, scale 30 min) sessions and
 * exponential(mean 30 min) downtimes, 1 s resolution, written by a child process. The run: no overlay links (degree 0),
 * so the figures are the replay's own, one sample every 10 minutes, the trace's span.
 * Reports the load time, the run time, and the peak RSS beside the memory estimate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { loadTrace } from '../sim/dynamics/churn/trace/load.js';
import { runScenario } from '../sim/run/run-scenario.js';
import { estimateMemory } from '../sim/run/memory-estimate.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { emit, measure, peakRss, workloadRow } from './row.js';

const peers = Number(process.argv[2] ?? 100_000);
const perPeer = Number(process.argv[3] ?? 10);
const baselineRss = process.memoryUsage().rss;

/** Writes the trace to `file` (run in a child process, so its arrays do not count in this one's RSS). */
function writeTrace(file: string): number {
  const rng = seedrandom('bench trace');
  const u = () => 1 - rng();
  const n = peers * perPeer;
  const starts = new Float64Array(n), ends = new Float64Array(n), owner = new Uint32Array(n);
  let k = 0, span = 0;
  for (let p = 0; p < peers; p++) {
    let t = rng() < 0.5 ? 0 : Math.round(-1800 * Math.log(u()));
    for (let i = 0; i < perPeer; i++) {
      const length = Math.max(1, Math.round(1800 * Math.pow(-Math.log(u()), 2)));
      starts[k] = t; ends[k] = t + length; owner[k++] = p;
      t += length + Math.max(1, Math.round(-1800 * Math.log(u())));
    }
    span = Math.max(span, ends[k - 1]);
  }
  const order = new Uint32Array(n).map((_, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
  const lines: string[] = ['peer,start,end'];
  for (const i of order) lines.push(`p${owner[i]},${starts[i]},${ends[i]}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return span;
}

if (process.argv[4] === '--write') {
  process.stdout.write(String(writeTrace(process.argv[5])));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'gossipsim-bench-trace-'));
const file = join(dir, 'trace.csv');
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(peers), String(perPeer), '--write', file], { encoding: 'utf8' });
if (child.status !== 0) throw new Error(`bench/trace: writing the trace failed: ${child.stderr}`);
const span = Number(child.stdout);
const k = peers * perPeer;

const load = measure(() => loadTrace(file));
const rssAfterLoad = peakRss();
const scenario = loadScenarioText(
  `name: bench trace\nduration: ${span}\noverlay: { model: random-regular, degree: 0 }\nchurn: { trace: ${JSON.stringify(file)} }\nmetrics: { sample: 10min }\n`,
  join(dir, 'scenario.yaml'));
const estimate = estimateMemory(scenario);
let events = 0, joins = 0;
const run = measure(() => {
  const results = runScenario(scenario);
  events = results.engine.events;
  joins = (results.churn as { joins: number }).joins;
});
rmSync(dir, { recursive: true, force: true });
emit({
  ...workloadRow(`trace replay: ${peers.toLocaleString('en-US')} peers, ${k.toLocaleString('en-US')} sessions (CSV), load + whole run`, peers, load.wallSeconds + run.wallSeconds, events, baselineRss),
  extra: {
    loadSeconds: load.wallSeconds,
    loadCpuSeconds: load.cpuSeconds,
    runSeconds: run.wallSeconds,
    runCpuSeconds: run.cpuSeconds,
    peakRssAfterLoad: rssAfterLoad,
    simulatedSeconds: span,
    joins,
    estimateBytes: estimate.bytes,
    loadAverage: (await import('node:os')).loadavg()[0],
  },
});

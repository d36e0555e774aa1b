import type { Component, SimContext } from '../sim/run/context.js';
import type { Results } from '../sim/run/results.js';
import { threadCpuSeconds } from '../sim/parallel/thread-cpu.js';
/** The JSON line a benchmark workload prints, and helpers to measure one. */
export interface BenchRow {
  workload: string;
  peers: number | null;
  wallSeconds: number;
  events: number | null;
  eventsPerSecond: number | null;
  peakRssBytes: number;
  bytesPerPeer: number | null;
  workers?: number;
  engine?: string;
  extra?: Record<string, unknown>;
}

export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * The common fields of a row of `peers` peers that processed `events` in `wallSeconds`:
 * peak RSS is read now; bytes/peer is what it adds above `baselineRss` (the RSS before any
 * peer existed).
 */
export function workloadRow(workload: string, peers: number, wallSeconds: number, events: number, baselineRss: number): BenchRow {
  const peak = peakRss();
  return {
    workload,
    peers,
    wallSeconds,
    events,
    eventsPerSecond: Math.round(events / wallSeconds),
    peakRssBytes: peak,
    bytesPerPeer: Math.round((peak - baselineRss) / peers),
  };
}

/** Thread CPU time of the latest `measure`: a workload's hot loop (see bench/README.md). */
let hotLoopCpu: number | null = null;

/** Prints the row; extra.threadCpuSeconds is the latest `measure`'s, unless the row has its own. */
export function emit(row: BenchRow): void {
  if (hotLoopCpu !== null && row.extra?.threadCpuSeconds === undefined) row = { ...row, extra: { ...row.extra, threadCpuSeconds: hotLoopCpu } };
  process.stdout.write(JSON.stringify(row) + '\n');
}

/**
 * Runs `work` once and returns how long it took: wall time, this process's CPU time, and
 * this thread's CPU time (no GC or compiler threads: the figure bench/cpu-compare.ts compares).
 */
export function measure(work: () => void): { wallSeconds: number; cpuSeconds: number; threadCpuSeconds: number } {
  const cpu0 = process.cpuUsage();
  const thread0 = threadCpuSeconds();
  const t0 = performance.now();
  work();
  const wallSeconds = (performance.now() - t0) / 1000;
  hotLoopCpu = threadCpuSeconds() - thread0;
  const cpu = process.cpuUsage(cpu0);
  return { wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, threadCpuSeconds: hotLoopCpu };
}

/** What a lone component adds to the results (benchmarks run components without the runner). */
export function contributionOf(component: Component, ctx: SimContext): Results {
  const results = { series: { time: [] } } as unknown as Results;
  component.contribute(results, ctx);
  return results;
}

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

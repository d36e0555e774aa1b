/**
 * `gossipsim sweep` and `merge` as functions: plan the points, validate every one of
 * them before running anything, run the tasks, and assemble means and 95% intervals.
 */
import { loadScenarioText } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { SWEEP_FORMAT, type SweepPoint, type SweepResults, type SweepRun } from '../run/sweep-results.js';
import { UsageError } from '../io/usage-error.js';
import { summarizeRuns } from './metrics.js';
import { planPoints, planTasks, replicateSeed, type PointPlan, type Vary } from './plan.js';
import { executeTasks } from './execute.js';
import { checkSweepMemory, type MemoryLimit } from '../run/memory-estimate.js';

export interface SweepOptions {
  file: string;
  text: string;
  sets: string[];
  varies: Vary[];
  replicates: number;
  workers: number;
  shard?: { index: number; count: number };
  onProgress?: (done: number, total: number) => void;
  /** Refuse, before running anything, a sweep whose concurrent runs would not fit (default: no check). */
  memoryLimit?: MemoryLimit;
}

export function assemble(
  base: Scenario,
  varies: Vary[],
  replicates: number,
  points: PointPlan[],
  runsByPoint: SweepRun[][],
  wallSeconds: number,
  shard?: { index: number; count: number },
): SweepResults {
  const outPoints: SweepPoint[] = points.map((p, i) => {
    const runs = [...runsByPoint[i]].sort((a, b) => a.replicate - b.replicate);
    return { values: p.values, seeds: runs.map((r) => r.seed), metrics: summarizeRuns(runs), runs };
  });
  const results: SweepResults = {
    format: SWEEP_FORMAT,
    scenario: base,
    vary: varies.map((v) => ({ path: v.path, values: v.values })),
    replicates,
    points: outPoints,
    engine: { runs: runsByPoint.reduce((n, r) => n + r.length, 0), wallSeconds },
  };
  if (shard) results.shard = shard;
  return results;
}

export async function runSweep(o: SweepOptions): Promise<SweepResults> {
  const base = loadScenarioText(o.text, o.file, o.sets);
  const points = planPoints(o.varies);
  // Validate every point first: a bad value fails fast, before hours of work.
  const scenarios = points.map((p) => loadScenarioText(o.text, o.file, [...o.sets, ...p.sets]));
  const pointSeeds = scenarios.map((s) => s.seed);
  const tasks = planTasks(points.length, o.replicates, o.shard);
  if (o.memoryLimit) {
    // Only the points this shard runs; as many at once as there are workers.
    const mine = [...new Set(tasks.map((t) => t.point))];
    checkSweepMemory(mine.map((i) => ({ scenario: scenarios[i], label: points[i].sets.join(' ') })),
      Math.min(o.workers, tasks.length), o.memoryLimit, o.file);
  }
  const inputs = tasks.map((t) => ({
    text: o.text,
    file: o.file,
    sets: [...o.sets, ...points[t.point].sets],
    seed: replicateSeed(pointSeeds[t.point], t.replicate),
  }));
  const start = performance.now();
  const outputs = await executeTasks(inputs, o.workers, (done) => o.onProgress?.(done, tasks.length));
  const wallSeconds = (performance.now() - start) / 1000;
  const runsByPoint: SweepRun[][] = points.map(() => []);
  tasks.forEach((t, i) => runsByPoint[t.point].push({ replicate: t.replicate, seed: inputs[i].seed, metrics: outputs[i].metrics }));
  return assemble(base, o.varies, o.replicates, points, runsByPoint, wallSeconds, o.shard);
}

/** Joins shard parts into the results one `sweep` would have written. */
export function mergeParts(parts: Array<{ file: string; data: SweepResults }>): SweepResults {
  if (parts.length === 0) throw new UsageError('merge: give at least one part file.');
  const first = parts[0];
  const key = (d: SweepResults) => JSON.stringify({ s: d.scenario, v: d.vary, r: d.replicates, n: d.points.map((p) => p.values) });
  for (const p of parts) {
    if (key(p.data) !== key(first.data)) {
      throw new UsageError(`${p.file}: this part belongs to a different sweep than ${first.file} (scenario, --vary or --replicates differ).`);
    }
  }
  const varies: Vary[] = first.data.vary.map((v) => ({ path: v.path, raw: [], values: v.values }));
  const points: PointPlan[] = first.data.points.map((p, i) => ({ index: i, sets: [], values: p.values }));
  const runsByPoint: SweepRun[][] = points.map(() => []);
  const seen = new Set<string>();
  for (const p of parts) {
    p.data.points.forEach((pt, i) => {
      for (const run of pt.runs) {
        const id = `${i}/${run.replicate}`;
        if (seen.has(id)) throw new UsageError(`${p.file}: point ${i} replicate ${run.replicate} appears in more than one part.`);
        seen.add(id);
        runsByPoint[i].push(run);
      }
    });
  }
  const missing: string[] = [];
  points.forEach((_, i) => {
    for (let r = 0; r < first.data.replicates; r++) if (!seen.has(`${i}/${r}`)) missing.push(`point ${i} replicate ${r}`);
  });
  if (missing.length > 0) {
    throw new UsageError(`merge: the parts are incomplete: ${missing.length} run(s) missing (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}); did every --shard K/N job finish?`);
  }
  const wall = parts.reduce((s, p) => s + p.data.engine.wallSeconds, 0);
  return assemble(first.data.scenario, varies, first.data.replicates, points, runsByPoint, wall);
}

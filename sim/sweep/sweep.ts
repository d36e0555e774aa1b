/**
 * `gossipsim sweep` and `merge` as functions: plan the points, validate every one of
 * them before running anything, run the tasks, and assemble means and 95% intervals.
 */
import { loadScenarioText } from '../scenario/load.js';
import { filesForWorker } from '../scenario/input-files.js';
import type { Scenario } from '../scenario/schema.js';
import { SWEEP_FORMAT, type SweepPoint, type SweepResults, type SweepRun } from '../run/sweep-results.js';
import { provenanceOf, scenarioHash } from '../run/provenance.js';
import { GOSSIPSIM_VERSION } from '../version.js';
import { UsageError } from '../io/usage-error.js';
import { metricKeys, summarizeRuns } from './metrics.js';
import { domainOf, metricPattern, type MetricDomain } from '../run/domains.js';
import { planPoints, planTasks, replicateSeed, type PointPlan, type Vary } from './plan.js';
import { executeTasks } from './execute.js';
import { checkSweepMemory, type MemoryLimit } from '../run/memory-estimate.js';
import { JOURNAL_FORMAT, openJournal, type Journal, type JournalRecord } from './journal.js';

export interface SweepOptions {
  file: string;
  text: string;
  sets: string[];
  /** `text` with `sets` already loaded, when the caller has it; otherwise loaded here. */
  base?: Scenario;
  varies: Vary[];
  replicates: number;
  workers: number;
  shard?: { index: number; count: number };
  /** Told after each finished run (and once at the start, with the runs a journal already held). */
  onProgress?: (done: number, total: number, run?: FinishedRun) => void;
  /** Refuse, before running anything, a sweep whose concurrent runs would not fit (default: no check). */
  memoryLimit?: MemoryLimit;
  /** Journal each finished run to `path` (see journal.ts); `resume` continues an existing one. */
  journal?: { path: string; resume: boolean; version: string };
  /** Run even one worker's tasks off this thread, so that it can handle Ctrl-C at once. */
  offThread?: boolean;
}

export interface FinishedRun {
  point: PointPlan;
  replicate: number;
  seed: number;
  wallSeconds: number;
}

export interface SweepOutcome {
  results: SweepResults;
  /** Open until the caller has written its outputs; then it removes it. */
  journal?: Journal;
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
  const keys = metricKeys(outPoints.flatMap((p) => p.runs));
  const domains: Record<string, MetricDomain> = {};
  for (const k of keys) domains[k] = domainOf(k);
  // The scenario's metrics.highlight, each entry expanded to the metrics it names ([] = every index).
  const highlight: string[] = [];
  for (const h of base.metrics.highlight ?? []) {
    for (const k of keys) if ((k === h || metricPattern(k) === h) && !highlight.includes(k)) highlight.push(k);
  }
  const results: SweepResults = {
    format: SWEEP_FORMAT,
    provenance: provenanceOf(base),
    scenario: base,
    vary: varies.map((v) => ({ path: v.path, values: v.values })),
    replicates,
    domains,
    highlight,
    points: outPoints,
    engine: { runs: runsByPoint.reduce((n, r) => n + r.length, 0), wallSeconds },
  };
  if (shard) results.shard = shard;
  return results;
}

export async function runSweep(o: SweepOptions): Promise<SweepOutcome> {
  const base = o.base ?? loadScenarioText(o.text, o.file, o.sets);
  const points = planPoints(o.varies);
  // Validate every point first: a bad value fails fast, before hours of work.
  const scenarios = points.map((p) => loadScenarioText(o.text, o.file, [...o.sets, ...p.sets]));
  const pointSeeds = scenarios.map((s) => s.seed);
  const tasks = planTasks(points.length, o.replicates, o.shard)
    .map((t) => ({ ...t, seed: replicateSeed(pointSeeds[t.point], t.replicate) }));
  const journal = o.journal && openJournal(o.journal.path, {
    format: JOURNAL_FORMAT,
    gossipsimVersion: o.journal.version,
    scenarioHash: scenarioHash(base),
    vary: o.varies.map((v) => ({ path: v.path, values: v.raw })),
    replicates: o.replicates,
    shard: o.shard ?? null,
  }, tasks, o.journal.resume);
  try {
    const todo = tasks.filter((t) => !journal?.done.has(t.index));
    if (o.memoryLimit) {
      // Only the points this shard still runs; as many at once as there are workers.
      const mine = [...new Set(todo.map((t) => t.point))];
      checkSweepMemory(mine.map((i) => ({ scenario: scenarios[i], label: points[i].sets.join(' ') })),
        Math.max(1, Math.min(o.workers, todo.length)), o.memoryLimit, o.file);
    }
    const inputs = todo.map((t) => ({
      text: o.text, file: o.file, sets: [...o.sets, ...points[t.point].sets], seed: t.seed, files: filesForWorker(scenarios[t.point]),
    }));
    let done = tasks.length - todo.length;
    if (done > 0) o.onProgress?.(done, tasks.length);
    const start = performance.now();
    const outputs = await executeTasks(inputs, o.workers, (i, out) => {
      const t = todo[i];
      journal?.append({ index: t.index, point: t.point, replicate: t.replicate, seed: t.seed, metrics: out.metrics, wallSeconds: out.wallSeconds });
      o.onProgress?.(++done, tasks.length, { point: points[t.point], replicate: t.replicate, seed: t.seed, wallSeconds: out.wallSeconds });
    }, o.offThread);
    const wallSeconds = (performance.now() - start) / 1000;
    const byIndex = new Map<number, Pick<JournalRecord, 'metrics'>>(journal?.done);
    todo.forEach((t, i) => byIndex.set(t.index, outputs[i]));
    const runsByPoint: SweepRun[][] = points.map(() => []);
    for (const t of tasks) runsByPoint[t.point].push({ replicate: t.replicate, seed: t.seed, metrics: byIndex.get(t.index)!.metrics });
    const results = assemble(base, o.varies, o.replicates, points, runsByPoint, wallSeconds, o.shard);
    return { results, journal };
  } catch (err) {
    journal?.close();
    // Refused or failed before its first run (the memory check, say): nothing to keep.
    if (journal?.size() === 0) journal.remove();
    throw err;
  }
}

/** A sweep's summaries computed afresh from its runs (how a file of an older format is read). */
export function resummarize(data: Omit<SweepResults, 'format' | 'domains'>): SweepResults {
  const varies: Vary[] = data.vary.map((v) => ({ path: v.path, raw: [], values: v.values }));
  const points: PointPlan[] = data.points.map((p, i) => ({ index: i, sets: [], values: p.values }));
  const results = assemble(data.scenario, varies, data.replicates, points, data.points.map((p) => p.runs), data.engine.wallSeconds, data.shard);
  // What wrote the file (nothing, before 0.2.0), not this gossipsim: merge compares versions.
  if (data.provenance) results.provenance = data.provenance;
  else delete (results as Partial<SweepResults>).provenance;
  return results;
}

/** Joins shard parts into the results one `sweep` would have written. */
export function mergeParts(parts: Array<{ file: string; data: SweepResults }>): SweepResults {
  if (parts.length === 0) throw new UsageError('merge: give at least one part file.');
  const first = parts[0];
  const version = (d: SweepResults) => d.provenance?.gossipsim;
  for (const p of parts) {
    if (version(p.data) !== version(first.data)) {
      const named = (d: SweepResults) => (version(d) ? `gossipsim ${version(d)}` : 'a gossipsim before 0.2.0 (no provenance)');
      throw new UsageError(`${p.file}: this part was written by ${named(p.data)} and ${first.file} by ${named(first.data)}; `
        + 'results of different versions may differ, so merge joins only parts of one version: rerun the parts with one version.');
    }
    if (version(p.data) !== GOSSIPSIM_VERSION) {
      throw new UsageError(`${p.file}: this part was written by gossipsim ${version(p.data)}, and this is gossipsim ${GOSSIPSIM_VERSION}; `
        + 'merge the parts with the version that wrote them.');
    }
    if (p.data.provenance?.scenarioHash !== first.data.provenance?.scenarioHash) {
      throw new UsageError(`${p.file}: this part belongs to a different sweep than ${first.file} (its scenario hash differs: the resolved scenarios are not the same).`);
    }
  }
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
  const merged = assemble(first.data.scenario, varies, first.data.replicates, points, runsByPoint, wall);
  // The parts' own engines and platforms (each distinct one once), since they computed the runs.
  const engines = new Map<string, { engine: SweepResults['provenance']['engine']; platform: string }>();
  for (const p of parts) {
    const { engine, platform } = p.data.provenance;
    engines.set(JSON.stringify([engine, platform]), { engine, platform });
  }
  merged.provenance.parts = [...engines.values()];
  return merged;
}

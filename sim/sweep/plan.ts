/**
 * A sweep's plan: the cartesian product of the `--vary` values (first key varies
 * slowest), each point run `replicates` times with seeds derived from the point's seed,
 * and the slicing of the (point, replicate) list into `--shard K/N` parts.
 */
import { parse as parseYamlScalar } from 'yaml';
import { streamKey } from '../engine/random.js';
import { UsageError } from '../io/usage-error.js';

export interface Vary {
  path: string;
  /** The values as the user wrote them (each becomes `--set path=value`). */
  raw: string[];
  /** The values parsed as YAML scalars (shown in results and reports). */
  values: unknown[];
}

export interface PointPlan {
  index: number;
  /** `--set` strings that define this point. */
  sets: string[];
  values: Record<string, unknown>;
}

export interface TaskPlan {
  /** Position in the full (point, replicate) list. */
  index: number;
  point: number;
  replicate: number;
}

export function parseVary(spec: string): Vary {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary '${spec}': expected key.path=v1,v2,... (for example --vary peers.count=100,1000,10000).`);
  const path = spec.slice(0, eq).trim();
  const raw = spec.slice(eq + 1).split(',').map((v) => v.trim());
  if (raw.length === 0 || raw.some((v) => v === '')) {
    throw new UsageError(`--vary ${path}: expected a comma-separated list of values, got '${spec.slice(eq + 1)}'.`);
  }
  const values = raw.map((v) => {
    try {
      return parseYamlScalar(v);
    } catch {
      return v;
    }
  });
  return { path, raw, values };
}

export function planPoints(varies: Vary[]): PointPlan[] {
  const seen = new Set<string>();
  for (const v of varies) {
    if (seen.has(v.path)) throw new UsageError(`--vary ${v.path}: the same key is varied twice; give all its values in one --vary.`);
    seen.add(v.path);
  }
  let points: PointPlan[] = [{ index: 0, sets: [], values: {} }];
  for (const v of varies) {
    const next: PointPlan[] = [];
    for (const p of points) {
      v.raw.forEach((raw, i) => {
        next.push({ index: 0, sets: [...p.sets, `${v.path}=${raw}`], values: { ...p.values, [v.path]: v.values[i] } });
      });
    }
    points = next;
  }
  points.forEach((p, i) => (p.index = i));
  return points;
}

/** Seed of replicate r of a point whose scenario seed is `seed` (replicate 0 keeps it). */
export function replicateSeed(seed: number, replicate: number): number {
  return replicate === 0 ? seed : streamKey(seed, `replicate/${replicate}`);
}

export function parseShard(spec: string | undefined): { index: number; count: number } | undefined {
  if (spec === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new UsageError(`--shard '${spec}': expected K/N, the K-th (1-based) of N slices, e.g. --shard 3/8.`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${spec}: K must be between 1 and N (got K=${index}, N=${count}); slices are numbered from 1.`);
  }
  return { index, count };
}

/** The tasks of the K-th of N contiguous, near-equal slices (all tasks without a shard). */
export function planTasks(points: number, replicates: number, shard?: { index: number; count: number }): TaskPlan[] {
  const total = points * replicates;
  const from = shard ? Math.floor(((shard.index - 1) * total) / shard.count) : 0;
  const to = shard ? Math.floor((shard.index * total) / shard.count) : total;
  const tasks: TaskPlan[] = [];
  for (let i = from; i < to; i++) tasks.push({ index: i, point: Math.floor(i / replicates), replicate: i % replicates });
  return tasks;
}

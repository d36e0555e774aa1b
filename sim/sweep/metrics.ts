/**
 * Flattens a run's results into named numbers ("broadcasts[0].rounds") and summarises
 * replicates by mean and 95% confidence interval (Student t).
 */
import { WALL_CLOCK_KEYS } from '../run/results.js';
import type { MetricSummary } from '../run/sweep-results.js';

/** Sections that are inputs or bulky per-time/per-peer data, not metrics. */
const SKIP_TOP = new Set(['format', 'provenance', 'scenario', 'seed', 'series']);

export function flattenMetrics(results: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[path] = value;
    } else if (typeof value === 'boolean') {
      out[path] = value ? 1 : 0;
    } else if (Array.isArray(value)) {
      // Arrays of records (broadcasts, resilience) are metrics; arrays of numbers are data.
      value.forEach((item, i) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) walk(item, `${path}[${i}]`);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((WALL_CLOCK_KEYS as readonly string[]).includes(k)) continue;
        walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  for (const [k, v] of Object.entries(results)) if (!SKIP_TOP.has(k)) walk(v, k);
  return out;
}

// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16,
  2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tQuantile975(df: number): number {
  if (df <= 0) return NaN;
  if (df <= 30) return T975[df - 1];
  // Cornish-Fisher style correction towards the normal quantile 1.96.
  return 1.959964 + 2.372 / df + 2.8 / (df * df);
}

export function summarize(values: number[]): MetricSummary {
  const n = values.length;
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of values) { sum += v; if (v < min) min = v; if (v > max) max = v; }
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const ci95 = n > 1 ? tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n) : 0;
  return { mean, ci95, n, min, max };
}

/** Summaries of every metric present in at least one run, keys in first-seen order. */
export function summarizeRuns(runs: Array<{ metrics: Record<string, number> }>): Record<string, MetricSummary> {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r.metrics)) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  const out: Record<string, MetricSummary> = {};
  for (const k of keys) {
    const vals = runs.map((r) => r.metrics[k]).filter((v): v is number => v !== undefined);
    out[k] = summarize(vals);
  }
  return out;
}

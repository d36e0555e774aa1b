/**
 * Flattens a run's results into named numbers ("broadcasts[0].rounds") and summarises
 * replicates by mean and a 95% confidence interval chosen by the metric's domain.
 */
import { WALL_CLOCK_KEYS } from '../run/results.js';
import type { MetricSummary } from '../run/sweep-results.js';
import { domainOf, type MetricDomain } from '../run/domains.js';
import { intervalOf } from './intervals.js';

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

/** Mean, extremes and 95% interval of one metric's replicate values, by its domain. */
export function summarize(values: number[], domain: MetricDomain = 'real'): MetricSummary {
  const n = values.length;
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of values) { sum += v; if (v < min) min = v; if (v > max) max = v; }
  const { low, high, method } = intervalOf(domain, values);
  return { mean: sum / n, low, high, method, n, min, max };
}

/** Every metric present in at least one run, in first-seen order. */
export function metricKeys(runs: Array<{ metrics: Record<string, number> }>): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r.metrics)) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  return keys;
}

/** Summaries of every metric present in at least one run, keys in first-seen order. */
export function summarizeRuns(runs: Array<{ metrics: Record<string, number> }>): Record<string, MetricSummary> {
  const out: Record<string, MetricSummary> = {};
  for (const k of metricKeys(runs)) {
    const vals = runs.map((r) => r.metrics[k]).filter((v): v is number => v !== undefined);
    out[k] = summarize(vals, domainOf(k));
  }
  return out;
}

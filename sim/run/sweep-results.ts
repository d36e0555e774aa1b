/**
 * The results file of `gossipsim sweep` / `merge`: one entry per point of the cartesian
 * product of the varied keys, each with every numeric metric's mean and 95% interval.
 */
import type { Scenario } from '../scenario/schema.js';
import type { ResolvedScenario } from './results.js';
import type { MetricDomain } from './domains.js';
import type { IntervalMethod } from '../sweep/intervals.js';
import type { Provenance } from './provenance.js';

/** Version 2: intervals as bounds chosen by the metric's domain (version 1 had a Student t half-width). */
export const SWEEP_FORMAT = 'gossipsim-sweep/2';
/** The previous format; its files are read by recomputing the summaries from their runs. */
export const SWEEP_FORMAT_V1 = 'gossipsim-sweep/1';

export interface MetricSummary {
  /** Mean over the replicates that had a value. */
  mean: number;
  /** Bounds of the 95% confidence interval (see `method`); null where there is none. */
  low: number | null;
  high: number | null;
  /** How the interval was computed (docs/sweep-statistics.md). */
  method: IntervalMethod;
  /** Replicates that had a value: fewer than `replicates` where the metric can be null (rounds). */
  n: number;
  min: number;
  max: number;
}

export interface SweepPoint {
  /** Value of each varied key path at this point, e.g. { "peers.count": 1000 }. */
  values: Record<string, unknown>;
  seeds: number[];
  /** Flattened numeric metrics, e.g. "broadcasts[0].rounds", "capacity.distributionTime". */
  metrics: Record<string, MetricSummary>;
  /** Every replicate's own metrics, in replicate order (what `merge` recombines). */
  runs: SweepRun[];
}

export interface SweepRun {
  replicate: number;
  seed: number;
  metrics: Record<string, number>;
}

/** A sweep's results; `S` is the scenario's type (the schema sees it as a mapping). */
export interface SweepResultsOf<S> {
  format: typeof SWEEP_FORMAT;
  /**
   * What produced the file; scenarioHash is the base scenario's (as `run` would record it).
   * A merged file names the engines and platforms of its parts in `parts`.
   */
  provenance: Provenance & { parts?: Array<Pick<Provenance, 'engine' | 'platform'>> };
  /** The base scenario (before the varied keys are applied), fully resolved. */
  scenario: S;
  vary: Array<{ path: string; values: unknown[] }>;
  replicates: number;
  /** The domain of every metric of the sweep (sim/sweep/domains.ts), which chose its interval. */
  domains: Record<string, MetricDomain>;
  /** The metrics the scenario's `metrics.highlight` names, as they appear in `points[].metrics`. */
  highlight: string[];
  points: SweepPoint[];
  /** Present in a `--shard K/N` part file: which slice of the (point, replicate) list it holds. */
  shard?: { index: number; count: number };
  /** Runs in this file and their total wall time (the only wall-clock figure). */
  engine: { runs: number; wallSeconds: number };
}

export type SweepResults = SweepResultsOf<Scenario>;
/** What the JSON Schema is generated from: the scenario as a mapping. */
export type SweepResultsFile = SweepResultsOf<ResolvedScenario>;

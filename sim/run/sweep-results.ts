/**
 * The results file of `gossipsim sweep` / `merge`: one entry per point of the cartesian
 * product of the varied keys, each with every numeric metric's mean and 95% interval.
 */
import type { Scenario } from '../scenario/schema.js';
import type { ResolvedScenario } from './results.js';

export const SWEEP_FORMAT = 'gossipsim-sweep/1';

export interface MetricSummary {
  mean: number;
  /** Half-width of the 95% confidence interval of the mean (Student t); 0 for one replicate. */
  ci95: number;
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
  /** The base scenario (before the varied keys are applied), fully resolved. */
  scenario: S;
  vary: Array<{ path: string; values: unknown[] }>;
  replicates: number;
  points: SweepPoint[];
  /** Present in a `--shard K/N` part file: which slice of the (point, replicate) list it holds. */
  shard?: { index: number; count: number };
  /** Runs in this file and their total wall time (the only wall-clock figure). */
  engine: { runs: number; wallSeconds: number };
}

export type SweepResults = SweepResultsOf<Scenario>;
/** What the JSON Schema is generated from: the scenario as a mapping. */
export type SweepResultsFile = SweepResultsOf<ResolvedScenario>;

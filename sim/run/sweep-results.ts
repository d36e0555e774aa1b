/**
 * The results file of `gossipsim sweep` / `merge`: one entry per point of the cartesian
 * product of the varied keys, each with every numeric metric's mean and 95% interval.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Provenance } from './provenance.js';

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

export interface SweepResults {
  format: typeof SWEEP_FORMAT;
  /**
   * What produced the file; scenarioHash is the base scenario's (as `run` would record it).
   * A merged file names the engines and platforms of its parts in `parts`.
   */
  provenance: Provenance & { parts?: Array<Pick<Provenance, 'engine' | 'platform'>> };
  /** The base scenario (before the varied keys are applied), fully resolved. */
  scenario: Scenario;
  vary: Array<{ path: string; values: unknown[] }>;
  replicates: number;
  points: SweepPoint[];
  /** Present in a `--shard K/N` part file: which slice of the (point, replicate) list it holds. */
  shard?: { index: number; count: number };
  /** Runs in this file and their total wall time (the only wall-clock figure). */
  engine: { runs: number; wallSeconds: number };
}

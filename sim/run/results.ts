/**
 * The results file (SPEC §3): required sections plus the extras each component adds.
 * Wall-clock figures live only under `engine` (wallSeconds, eventsPerSecond, peakRssBytes)
 * so that two runs of the same scenario and seed compare byte for byte without them.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Provenance } from './provenance.js';

export const RESULTS_FORMAT = 'gossipsim-results/1';

export interface EngineResults {
  events: number;
  simulatedSeconds: number;
  wallSeconds: number;
  eventsPerSecond: number;
  /** Threads the run used (`run --workers N`; 1 when the scenario cannot be split). */
  workers: number;
  peakRssBytes: number;
  /** Why the run used fewer threads than `--workers` asked for. */
  workersNote?: string;
  [extra: string]: unknown;
}

export interface OverlayResults {
  peers: number;
  meanDegree: number;
  maxDegree: number;
  largestComponentFraction: number;
  clustering: number;
  meanPathLength: number;
  /** Number of BFS sources used for meanPathLength (all peers when exact). */
  pathLengthSources?: number;
  pathLengthExact?: boolean;
  degreeHistogram?: Array<[degree: number, peers: number]>;
  [extra: string]: unknown;
}

export interface BroadcastResult {
  origin: number;
  start: number;
  protocol: string;
  reached: number;
  alive: number;
  coverage: number;
  allReached: boolean;
  rounds: number | null;
  completionTime: number | null;
  messages: number;
  duplicates: number;
  [extra: string]: unknown;
}

export interface Results {
  format: typeof RESULTS_FORMAT;
  /** What produced the file (version, engine, platform, scenario hash). */
  provenance: Provenance;
  scenario: Scenario;
  seed: number;
  engine: EngineResults;
  overlay: OverlayResults;
  broadcasts?: BroadcastResult[];
  searches?: Record<string, unknown>;
  resilience?: Array<Record<string, unknown>>;
  churn?: Record<string, unknown>;
  capacity?: Record<string, unknown>;
  series: { time: number[]; [name: string]: Array<number | null> };
  [extra: string]: unknown;
}

/**
 * Keys whose values depend on the wall clock or the machine, not on the scenario and seed;
 * excluded from comparisons. `workers` (threads a run used) and `workersNote` (why fewer
 * than requested) depend on `--workers`, which never changes the other figures.
 */
export const WALL_CLOCK_KEYS = ['wallSeconds', 'eventsPerSecond', 'peakRssBytes', 'workers', 'workersNote'] as const;

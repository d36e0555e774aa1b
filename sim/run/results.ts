/**
 * The results file (SPEC §3): the sections every run has (engine, overlay, series) plus
 * each family's typed sections (families/registry.ts). Wall-clock figures live only under
 * `engine` so that two runs of the same scenario and seed compare byte for byte without them.
 * The published JSON Schema (schemas/results.schema.json) is generated from these types.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Provenance } from './provenance.js';

export const RESULTS_FORMAT = 'gossipsim-results/1';

export interface EngineResults {
  events: number;
  /** Seconds of simulated time the run covered. */
  simulatedSeconds: number;
  wallSeconds: number;
  eventsPerSecond: number;
  /** Threads the run used (`run --workers N`; 1 when the scenario cannot be split). */
  workers: number;
  peakRssBytes: number;
  /** Messages sent through the transport, and those it lost. */
  messages: number;
  messagesLost: number;
  /** Why the run used fewer threads than `--workers` asked for. */
  workersNote?: string;
  /** Under `engine: cycle`, which parts ran event-driven. */
  notes?: string[];
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
  minDegree?: number;
  degreeSd?: number;
  /** Connected components, isolated peers included. */
  components?: number;
  clusteringSamples?: number;
  clusteringExact?: boolean;
  /** Up to 500 peers: the links, for the report's drawing. */
  links?: Array<[number, number]>;
}

/** Time series sampled every `metrics.sample`; every column has one entry per `time`. */
export interface SeriesResults {
  time: number[];
  [name: string]: Array<number | null>;
}

/** A scenario as a results file holds it: fully resolved (see scenarios/scenario.schema.json). */
export interface ResolvedScenario {
  name: string;
  [key: string]: unknown;
}

/** The sections every run has; `S` is the scenario's type (the schema sees it as a mapping). */
export interface CoreResults<S = ResolvedScenario> {
  format: typeof RESULTS_FORMAT;
  /** What produced the file (version, engine, platform, scenario hash). */
  provenance: Provenance;
  scenario: S;
  seed: number;
  engine: EngineResults;
  overlay: OverlayResults;
  series: SeriesResults;
}

/** What the JSON Schema is generated from: the core, the scenario as a mapping. */
export type CoreResultsFile = CoreResults<ResolvedScenario>;

/**
 * Each family's sections, present only when the run had that family. Empty here: each
 * family adds its own keys from its folder (`declare module` in its results-section.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FamilyResults {}

export type Results = CoreResults<Scenario> & FamilyResults;

/**
 * Keys whose values depend on the wall clock or the machine, not on the scenario and seed;
 * excluded from comparisons. `workers` (threads a run used) and `workersNote` (why fewer
 * than requested) depend on `--workers`, which never changes the other figures.
 */
export const WALL_CLOCK_KEYS = ['wallSeconds', 'eventsPerSecond', 'peakRssBytes', 'workers', 'workersNote'] as const;

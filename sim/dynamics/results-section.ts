/** The dynamics families' sections of the results file: churn, failures (resilience) and the observer. */
import type { TraceSummary } from './trace/summary.js';

export interface ChurnResults {
  joins: number;
  leaves: number;
  arrivals: number;
  /** Seconds from a rejoin to having every rumour (churn `sync`); null when none resynchronised. */
  meanResyncTime: number | null;
  resyncs: number;
  resyncPending: number;
  rumoursPulled: number;
  meanSession: number | null;
  meanDowntime: number | null;
  joinRetries: number;
  joinsAlone: number;
  /** Present when churn replays an availability trace (churn.trace): what the trace held. */
  trace?: TraceReplayResults;
}

export interface TraceReplayResults {
  /** Distinct peers in the trace, and simulated peers beyond it (online all run). */
  peers: number;
  stablePeers: number;
  scale: number;
  offset: number;
  loop: boolean;
  summary: TraceSummary;
}

export interface ResilienceResult {
  at: number;
  target: 'random' | 'degree';
  /** Peers that crashed: round(fraction × peers alive before). */
  removed: number;
  aliveBefore: number;
  /** Largest connected component of the survivors right after, over the peers alive before (SPEC §3). */
  largestComponentFraction: number;
  /** The same component over the survivors. */
  survivorsLargestComponentFraction: number;
  /** Connected components among the survivors, isolated peers included. */
  components: number;
  /**
   * With overlay repair or peer sampling: the largest component over the live peers,
   * `time` seconds after the failure (0: right after it, then the observer's samples up to
   * the next failure or the end).
   */
  recovery?: { time: number[]; largestComponentFraction: number[] };
}

/** What the observer of a changing overlay counted (churn, failures or peer sampling). */
export interface DynamicsResults {
  /** Samples between two largest-component measurements. */
  largestComponentEvery: number;
  walks: number;
  walkLinks: number;
  walksLost: number;
  walksRefused: number;
}

export interface ChurnSections { churn: ChurnResults }
export interface FailuresSections { resilience: ResilienceResult[] }
export interface DynamicsSections { dynamics: DynamicsResults }

declare module '../run/results.js' {
  interface FamilyResults extends Partial<ChurnSections>, Partial<FailuresSections>, Partial<DynamicsSections> {}
}

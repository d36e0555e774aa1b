/** The churn family's section of the results file. */
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

export interface ChurnSections { churn: ChurnResults }

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<ChurnSections> {}
}

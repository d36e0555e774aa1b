/** The broadcast family's section of the results file: one entry per started broadcast (SPEC §3). */

/** Who informed whom when: [peer, time, fromPeer]; fromPeer null for the origin and sync. */
export type TraceEntry = [peer: number, time: number, fromPeer: number | null];

export interface BroadcastResult {
  origin: number;
  /** Seconds. */
  start: number;
  protocol: 'push' | 'pull' | 'push-pull' | 'flood';
  /** Live peers holding the rumour at the end of the broadcast. */
  reached: number;
  /** Live peers at the end of the broadcast. */
  alive: number;
  coverage: number;
  allReached: boolean;
  rounds: number | null;
  /** Seconds from the start to the last peer reached (null unless allReached). */
  completionTime: number | null;
  messages: number;
  duplicates: number;
  /** Broadcast number, in order of start time. */
  id: number;
  /** Index of the `workload.broadcasts` entry it came from (the report matches specs by it). */
  spec: number;
  forward: 'once' | 'rounds';
  targets: 'neighbours' | 'uniform';
  fanout: number;
  reachedEver: number;
  lost: number;
  dropped: number;
  synced: number;
  ended: boolean;
  /** The informed count over time, thinned to a few hundred points. */
  timeline: { time: number[]; informed: number[] };
  /** Small networks only: who informed whom when. */
  trace?: TraceEntry[];
}

export interface BroadcastSections {
  broadcasts: BroadcastResult[];
}

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<BroadcastSections> {}
}

/** What one partition of a split run hands back about each broadcast (see split.ts, merge.ts). */
import type { TimelineState } from '../timeline.js';
import type { DownLogData } from './down-log.js';

/** One broadcast as seen by one partition at the end of the run. */
export interface BroadcastShare {
  phase: number;
  origin: number;
  round: number;
  ticking: boolean;
  messages: number;
  duplicates: number;
  lost: number;
  dropped: number;
  synced: number;
  pending: number;
  /**
   * With failures: (time, tie) of the latest event of the broadcast this partition processed
   * (its start, a tick, an arrival; -Infinity: none, or no failures). The latest over the
   * partitions is when a broadcast that ended did so (see mergeBroadcasts).
   */
  endTime: number;
  endTie: number;
  /** This partition's informings, in its event order (see InformLog). */
  log: InformLogData;
  /** The broadcast's timeline, where partition 0 built it as the run went (timeline-stream.ts). */
  timeline?: TimelineState;
  /**
   * With churn (churn.ts): this partition's holders going down and coming back, and its
   * peers alive when the broadcast ended (or at the end of the run); `synced` is counted
   * up to the end, and the log cut back there.
   */
  churn?: { holders: HolderLogData; alive: number };
}

/** A partition's holders of a broadcast going down (delta −1) and coming back (+1), in its event order. */
export interface HolderLogData {
  length: number;
  time: Float64Array;
  tie: Float64Array;
  /** Always null (merge.ts orders these logs as it orders informings). */
  order: null;
  delta: Int8Array;
}

export interface InformLogData {
  length: number;
  /** Largest round of an informing; round of the latest informing. */
  maxRound: number;
  lastRound: number;
  /** Time and tie-break of the latest informing. */
  lastTime: number;
  lastTie: number;
  /**
   * Per informing (valid up to `length`): time (none where the timeline was built as the
   * run went, see TimelineStream), and tie-break of its event where the order of equal
   * times matters (failures, trace; else null, see InformLog).
   */
  time: Float64Array;
  tie: Float64Array | null;
  /** Per informing, when a trace is kept: the peer informed, and by whom (-1: none). */
  peer: Int32Array | null;
  from: Int32Array | null;
  /**
   * Per informing, when a trace is kept: its place within its event, (time, tie), which
   * orders the informings of one cycle-engine round as a one-thread run makes them.
   */
  order: Float64Array | null;
}

/** A partition's share of the broadcast family: every broadcast, and (partition 0, with failures) the down log. */
export interface BroadcastFamilyShare {
  broadcasts: BroadcastShare[];
  downs: DownLogData | null;
}

/**
 * What the main thread hands each worker of a parallel run, and what a worker hands back.
 * Everything shared lives in SharedArrayBuffers; the rest is structured-cloned once.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Results } from '../run/results.js';
import type { PathSums } from '../metrics/path-length.js';
import type { SplitBfsBuffers } from './path-split.js';
import type { SharedGraph } from './shared-graph.js';

export interface PartitionInput {
  scenario: Scenario;
  /** This worker's partition. */
  index: number;
  threads: number;
  /** Peers per partition but the last (a multiple of 32); partition i starts at i·blockSize. */
  blockSize: number;
  /**
   * Peer ids the run may hand out: the initial peers and the arrivals (SplitContract.arrivals).
   * Every shared per-peer array holds this many from the start.
   */
  capacity: number;
  lookahead: number;
  /** Room in each partition's event queue from the start (initialQueueSlots(scenario, threads)). */
  queueSlots: number;
  overlay: SharedGraph;
  /**
   * Every peer alive, shared read-only (no churn in a parallel run). With failures each
   * worker keeps its own copy of this and of the overlay, which the failures change; the
   * shared ones stay as at the start, for the overlay summary's path-length BFS.
   */
  alive: SharedArrayBuffer;
  /**
   * Who is alive now, where a family's peer events take peers down and up
   * (SplitContract.peerEventsChange): each thread writes its own peers' bytes. Null: none do.
   */
  aliveNow: SharedArrayBuffer | null;
  /** A family's peer events change links: each thread's overlay is a Graph object of its own. */
  ownOverlay: boolean;
  /**
   * A family's peer events add and drop links (SplitContract.peerEventsChange 'links'): the
   * overlay every thread changes, its own peers' runs only, each with room to never move.
   */
  links: SharedGraph | null;
  /**
   * The families the scenario uses, in registry order, each with what the main thread set
   * up for it (split.ts: SplitSetup).
   */
  families: SplitFamilyInput[];
  /** Barrier cells (see Barrier). */
  barrier: SharedArrayBuffer;
  /** Per work lane (the families' lanes, in order), an Int32 counter of chunks handed out (see tick-share.ts). */
  claims: SharedArrayBuffer;
  /** Per-peer counters (Uint32) of the peer streams a tick draws from, by stream name. */
  peerStreams: Record<string, SharedArrayBuffer>;
  /** The peers' event sequence numbers (Uint32, see Simulator), shared like the streams. */
  peerSeq: SharedArrayBuffer;
  /** Per-window figures each worker publishes (see board.ts). */
  board: SharedArrayBuffer;
  /** When the main thread handed out the partitions (performance.timeOrigin + now(), ms). */
  startedAt: number;
  /**
   * The overlay summary's path-length BFS, shared out (see PathJob): after its partition,
   * each worker computes its part of the sums. Null: the main thread does it.
   */
  pathJob: SharedArrayBuffer | null;
  /** The shared state of a split BFS (path-split.ts), for a job of at most 64 sources. */
  pathBfs: SplitBfsBuffers | null;
  /** outboxes[parity][from][to] (null where from = to). */
  outboxes: Array<Array<Array<SharedArrayBuffer | null>>>;
}

/** A family of a split run, as every worker is handed it. */
export interface SplitFamilyInput {
  name: string;
  buffers: SharedArrayBuffer[];
  cells: number;
  lanes: number;
}

export interface PartitionOutput {
  index: number;
  /** Peer events this partition processed (controller events apart). */
  events: number;
  controllerEvents: number;
  phantomEvents: number;
  messages: number;
  messagesLost: number;
  /** The run's simulated end (the same in every partition). */
  endTime: number;
  /** Partition 0 only: the time series, sampled as a one-thread run would. */
  series: Results['series'] | null;
  /** Each family's share (SplitPart.share), in the order of PartitionInput.families. */
  shares: unknown[];
  /** This worker's part of the path-length sums (null without a path job). */
  pathSums: PathSums | null;
  /** Wall-clock figures of this worker (for benchmarks; never in the results). */
  stats: PartitionStats;
}

export interface PartitionStats {
  /** The thread that ran it (worker_threads.threadId: partition 0 runs on the main thread). */
  threadId: number;
  /** From the main thread handing out the partitions to this one's components' start. */
  startSeconds: number;
  /** Windows (= barriers) run. */
  windows: number;
  /** Extra barriers after round ticks shared out among the threads. */
  tickBarriers: number;
  /** Chunks of round-tick gossip this worker took (see tick-share.ts). */
  tickChunks: number;
  /** From the start of the components to the end of the last window. */
  loopSeconds: number;
  /** Of which waiting at barriers. */
  waitSeconds: number;
  /** CPU time of this thread: before the components' start, and since (NaN if unknown). */
  startCpuSeconds: number;
  loopCpuSeconds: number;
  /** The path-length BFS after the loop, waiting for the sources included (0: none). */
  pathSeconds: number;
  /** Records received from other partitions. */
  received: number;
  /** Events this worker processed (its peers' and the controller's). */
  processed: number;
  /**
   * Events it processed in each window (its barriers' order): with the other workers',
   * the critical path of a run in events, a measure of imbalance no machine load moves.
   */
  windowEvents: Float64Array;
}

/**
 * Before its partition, a worker may be asked to help build a random-regular overlay (see
 * overlay-build.ts): the job's `wirer` wires every pair as the main thread settles it;
 * then each worker scans the runs of the peers [lo, hi) for repair.
 */
export interface WiringRequest {
  type: 'wire';
  /** Pair i is (stubs[2i], stubs[2i+1]) (Int32). */
  stubs: SharedArrayBuffer;
  /**
   * Int32 cells: [0] how many stubs the main thread has settled (pairStubs), [1] 1 once
   * the wirer has wired them all. Both stored with Atomics and notified.
   */
  progress: SharedArrayBuffer;
  /** The overlay's run pool and degrees (Int32; runs of exactly k slots, degrees zero). */
  adj: SharedArrayBuffer;
  deg: SharedArrayBuffer;
  k: number;
  /** Whether this worker wires the pairs (one does). */
  wirer: boolean;
  lo: number;
  hi: number;
}

export type WorkerMessage =
  /** Loaded, waiting for its partition. */
  | { type: 'ready' }
  /** Its part of a WiringRequest done: the peers of its range whose runs need repair. */
  | { type: 'wired'; irregular: Int32Array }
  | { type: 'progress'; fraction: number }
  | { type: 'done'; output: PartitionOutput }
  /** `aborted`: this worker stopped because another one failed. */
  | { type: 'error'; message: string; stack?: string; aborted: boolean };

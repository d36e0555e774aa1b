/**
 * The contract through which a family runs split across the threads of a parallel run.
 * The parallel engine (partition-run.ts) knows windows, barriers, outboxes and merging,
 * and no protocol: a family that opts in (Family.split) says how its state splits by peer
 * range, what each partition publishes at a barrier, and how the partitions' shares merge.
 */
import type { Component, SimContext } from '../run/context.js';
import type { Results } from '../run/results.js';
import type { Scenario } from '../scenario/schema.js';
import type { Barrier } from './barrier.js';
import type { PartitionSimulator } from './partition-simulator.js';
import type { TickShare } from './tick-share.js';

/** What the main thread sets up for a family before the workers start (all shared). */
export interface SplitSetup {
  /** Shared buffers the family's partitions all see (in this order). */
  buffers: SharedArrayBuffer[];
  /** Board cells each partition publishes at every barrier (see SplitPart.publish). */
  cells: number;
  /** Work lanes of controller events shared out among the threads (see TickShare). */
  lanes: number;
}

/** One partition, as a family's split part sees it. */
export interface PartitionEnv {
  readonly scenario: Scenario;
  /** This partition, of `threads`; its initial peers are [lo, hi) (lo a multiple of 32), arrivals see `owns`. */
  readonly me: number;
  readonly threads: number;
  readonly lo: number;
  readonly hi: number;
  /** Peers per partition but the last: the owner of an initial peer p is floor(p / blockSize). */
  readonly blockSize: number;
  /**
   * Peer ids the run may hand out, the peers that arrive included (SplitContract.arrivals):
   * what every shared per-peer array holds from the start.
   */
  readonly capacity: number;
  /** Whether this partition owns peer p, an arrival included (partition.ts: Ownership). */
  owns(p: number): boolean;
  /** This partition's peers among 0..count-1, as flat [from, to) pairs (Ownership.ranges). */
  ownRanges(count: number): number[];
  readonly sim: PartitionSimulator;
  readonly barrier: Barrier;
  /** The family's shared buffers (SplitSetup.buffers). */
  readonly buffers: SharedArrayBuffer[];
  /** Shares out work of controller events; the family's lanes start at `firstLane`. */
  readonly ticks: TickShare;
  readonly firstLane: number;
  /** Some family's controller events take peers down (SplitContract.changesMembership). */
  readonly membershipChanges: boolean;
  /**
   * Some family's peer events take peers down and bring them back (peerEventsChange 'alive'):
   * each thread changes its own peers' part of who is alive, at their own events.
   */
  readonly peersLeave: boolean;
  /** Some family's components read the overlay while the run goes (Family.readsOverlayDuringRun). */
  readonly overlayReadDuringRun: boolean;
}

/** What a family's partition hands back at the end: structured-cloned, `transfer` moved. */
export interface SplitShare {
  data: unknown;
  transfer?: ArrayBuffer[];
}

/** A family's part in one partition of a split run. */
export interface SplitPart {
  /** Its components, started, sampled and asked for results in registry order. */
  components: Component[];
  /** After every component of the run has started (may set `admit` then). */
  started?(ctx: SimContext): void;
  /** Before each barrier: write its `cells` figures at cells[at ...]. */
  publish?(cells: Float64Array, at: number): void;
  /**
   * After each barrier: read every partition's figures (partition i's at `at(i)`). It may
   * then schedule events for its own peers (Simulator.atTie), none before the end of the
   * window just run; it returns the earliest it or any other partition scheduled there
   * (the same in every partition), which the next window then starts from, if earlier.
   */
  gather?(cells: Float64Array, at: (partition: number) => number): number | void;
  /**
   * An event from another partition, before it is queued: false when the family settled
   * it on arrival (it then counts it among `phantoms`).
   */
  admit?(time: number, kind: number, target: number, src: number, a: number, b: number): boolean;
  /** Arrivals settled without being queued, counted as processed events. */
  phantoms?: { readonly events: number; readonly horizon: number };
  /**
   * Whether an event of a peer may send a message (false: only controller events send,
   * so a window without one may run to the next controller event).
   */
  sendsOnArrival?(): boolean;
  /**
   * It reads other partitions' peers' state (in shared memory) when it samples: every
   * thread then waits at a barrier around the sampling, so that none changes its peers
   * while partition 0 reads them.
   */
  readsSharedState?: boolean;
  /**
   * Its peer events change state that controller events read, whoever the peer (who is
   * alive, the views): after the controller events of a window every thread waits for the
   * others before it runs its peers' events, so that none changes what another still reads,
   * and inline controller events (PartitionSimulator.runInline) run at a window's start too.
   */
  peersChangeWhatControllersRead?: boolean;
  /** Before the components sample instant t (in every partition). */
  sampling?(t: number): void;
  /** Its samples at every instant in this partition too (partition 0 writes the series). */
  samplesEverywhere?: boolean;
  /** What it hands back to the main thread (default: partition 0's `contribute`). */
  share?(ctx: SimContext): SplitShare;
}

/** What the main thread merges a family's shares into. */
export interface MergeTarget {
  scenario: Scenario;
  /** The run's results, core sections assembled; families merge in registry order. */
  results: Results;
}

export interface SplitContract {
  /**
   * Why this scenario's use of the family cannot be split, in a few words (null: it can).
   * Asked only when the family has components in the scenario; `capacity`: the peer ids
   * the run may hand out, arrivals included (PartitionEnv.capacity).
   */
  refuse?(scenario: Scenario, capacity: number): string | null;
  /** Peer streams any thread may draw from for any peer (counters in shared memory). */
  sharedStreams?(scenario: Scenario): string[];
  /** Its controller events take peers down or change links: each thread keeps its own copies. */
  changesMembership?(scenario: Scenario): boolean;
  /**
   * What its peer events change, each peer's part by its owner's thread alone: 'alive' (the
   * run then has a second shared alive array, the first staying as at the start for the
   * overlay summary), 'overlay' (each thread's overlay is a Graph object of its own, which
   * the family may rebuild from its state at declared instants), 'links' (the overlay is one
   * shared copy in which every peer's run has room for `linkRoom` links, or its initial
   * degree if more, so it never moves: each thread changes only its own peers' runs).
   */
  peerEventsChange?(scenario: Scenario): ReadonlyArray<'alive' | 'overlay' | 'links'>;
  /** With 'links': the most links a peer's run must hold. */
  linkRoom?(scenario: Scenario): number;
  /**
   * How many brand-new peers its controller events create in the run, at most (exactly,
   * where it can tell in advance): every shared per-peer array has room for them from the
   * start, so no shared array ever moves. Each arrival is a controller event that every
   * thread runs, numbering the new peer alike; its owner (partition.ts: Ownership) brings
   * it up.
   */
  arrivals?(scenario: Scenario): number;
  /**
   * Main thread, before the workers start (default: nothing shared, no cells, no lanes).
   * `capacity`: the peers every per-peer array must hold (PartitionEnv.capacity).
   */
  setup?(scenario: Scenario, threads: number, blockSize: number, capacity: number): SplitSetup;
  /** Worker: its part in partition env.me. */
  partition(scenario: Scenario, env: PartitionEnv): SplitPart;
  /**
   * Main thread: its sections of the results, from every partition's share (in partition
   * order). Default: partition 0's contribution (a family run whole in every thread).
   */
  merge?(target: MergeTarget, shares: unknown[]): void;
}

/** Partition 0's contributions (a family run alike in every thread), as shares. */
export function contributionOf(components: readonly Component[], ctx: SimContext, me: number): SplitShare {
  if (me !== 0) return { data: null };
  const part = {} as Results;
  for (const c of components) c.contribute(part, ctx);
  return { data: part };
}

/** The default merge: partition 0's contribution, as it is. */
export function mergeContribution(target: MergeTarget, shares: unknown[]): void {
  if (shares[0]) Object.assign(target.results, shares[0]);
}

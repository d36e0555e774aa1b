/**
 * What a component (a protocol, churn, failures, capacity...) sees of a run: the
 * scheduler, the peers, the overlay, the transport and the seeded random streams.
 * Components are pluggable: the runner builds the ones the scenario names.
 */
import type { Simulator } from '../engine/simulator.js';
import { NamedStream, PeerStreams } from '../engine/random.js';
import type { Graph } from '../overlay/graph.js';
import type { Transport } from '../network/transport.js';
import type { Scenario } from '../scenario/schema.js';
import type { PeerTable } from './peers.js';
import type { Results } from './results.js';
import type { Services } from './services.js';

export interface SimContext {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulator;
  readonly peers: PeerTable;
  readonly overlay: Graph;
  readonly transport: Transport;
  /** Per-peer streams named `name` (one instance per name, created on first use). */
  peerStreams(name: string): PeerStreams;
  /** A scenario-level stream named `name` (fresh on each call: take it once and keep it). */
  namedStream(name: string): NamedStream;
  /** Listeners told when a peer goes down or (re)joins (churn, failures). */
  readonly peerDown: Array<(peer: number) => void>;
  readonly peerUp: Array<(peer: number) => void>;
  /**
   * Listeners told when a brand-new peer arrives, before it comes up (`peerUp`): state that
   * every thread of a split run keeps for every peer (a search's data placement). A split
   * run calls them in every thread, the `peerUp` ones in the new peer's owner's only.
   */
  readonly peerArrive: Array<(peer: number) => void>;
  /** What one part of the run offers another, by named typed key (see services.ts). */
  readonly services: Services;
}

/**
 * Events a component settled when they were scheduled instead of queueing them (the
 * broadcast family's elided duplicates): the run counts them as processed and is not idle
 * before the latest of them, so results are those of a run that queued them.
 */
export interface SettledEvents {
  readonly events: number;
  /** Time of the latest (0: none). */
  readonly horizon: number;
}

/** Writes one sample of named time series (the runner aligns them on `series.time`). */
export type SeriesWriter = (name: string, value: number | null) => void;

export interface Component {
  /** Registers event kinds and schedules the first events; called once, at time 0. */
  start(ctx: SimContext): void;
  /** Called at every sampling instant (`metrics.sample`), in component order. */
  sample?(ctx: SimContext, write: SeriesWriter): void;
  /** Adds this component's part to the results (after the run ends). */
  contribute(results: Results, ctx: SimContext): void;
  /** Events it settled without queueing them, if it does so. */
  readonly settled?: SettledEvents;
  /**
   * Whether the component can run split across the worker threads of a parallel run
   * (`run --workers N`, sim/parallel/), each thread owning a range of peers. 'safe' means:
   * an event caused by a peer reads and changes only its target's state (other peers hear
   * of it only through messages sent with the transport); controller events are scheduled
   * only by controller events, so every thread holds the same ones (one may change any
   * peer's state if every thread can apply it alike, as failures do to each thread's own
   * copy of the overlay and of who is alive); and the component's counters add up across
   * threads, or are the same in every thread. The parallel runner knows how to split and merge each
   * safe component. Absent or 'unsafe': a run that includes it stays on one thread.
   */
  readonly parallel?: 'safe' | 'unsafe';
  /** Why it is unsafe, when more can be said than the runner's general note (a few words). */
  readonly parallelNote?: string;
}

/**
 * Creates the stream factories of a context, all derived from the scenario seed. `shared`:
 * the per-peer counters of some streams, by name, when they live elsewhere (a parallel run
 * shares them across its threads).
 */
export function makeStreamFactories(seed: number, capacity: () => number, shared?: ReadonlyMap<string, Uint32Array>) {
  const peerStreams = new Map<string, PeerStreams>();
  return {
    peerStreams(name: string): PeerStreams {
      let s = peerStreams.get(name);
      if (!s) {
        s = new PeerStreams(seed, name, capacity(), shared?.get(name));
        peerStreams.set(name, s);
      }
      s.ensureCapacity(capacity());
      return s;
    },
    namedStream(name: string): NamedStream {
      return new NamedStream(seed, name);
    },
  };
}

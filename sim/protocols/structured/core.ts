/**
 * The state Chord and Kademlia share, and what each implements. Per-peer arrays have
 * stride 1: the peer's ID (Float64, drawn once from its own `structured/id` stream, kept
 * across rejoins), whether it has joined (Uint8), and its upkeep generation (Int32: a
 * rejoin starts a new chain of periodic upkeep and the old chain stops).
 */
import type { DataPlacement } from '../../data/placement.js';
import { uniformLivePeer } from '../../random/live-peer.js';
import type { PeerStreams } from '../../engine/random.js';
import type { SimContext } from '../../run/context.js';
import type { LiveSnapshot } from '../../dynamics/knowledge.js';
import type { IdSpace } from './ids.js';
import type { LookupDone, Records } from './lookup.js';
import type { DhtNet } from './net.js';
import type { StructuredSpec } from './schema.js';

export type { StructuredSpec };

export interface DhtCore {
  readonly ctx: SimContext;
  readonly spec: StructuredSpec;
  readonly space: IdSpace;
  readonly net: DhtNet;
  /** The peers' IDs, the peers that have joined, their upkeep generation (see the header). */
  ids: Float64Array;
  joined: Uint8Array;
  upkeep: Int32Array;
  /**
   * Global knowledge (`network.knowledgeRefresh`, docs/dynamics.md): the peers that had
   * joined at the last refresh, which a newcomer draws its bootstrap peer from. Before the
   * first refresh: everyone with `bootstrap: ideal`, the founder (peer 0) with `join`.
   */
  known: Uint8Array;
  /**
   * With churn: the live snapshot (global knowledge, docs/dynamics.md), which stands for who
   * is alive among the other peers (a bootstrap peer, a record's holders). Null: the peers'
   * `alive` itself, exact, as only controller events (failures) change it then.
   */
  liveKnown: LiveSnapshot | null;
  /** Per-peer streams for the peers' own choices (bootstrap peer, phases, refresh IDs). */
  readonly streams: PeerStreams;
  /** Set once the data is placed (searches), else null: lookups then find peers only. */
  records: Records | null;
  data: DataPlacement | null;
  /** Told when a peer has joined (its join lookup succeeded, or it founded the network): holders publish then. */
  onJoined: ((p: number) => void) | null;
  /** Whether this thread acts for `p` (always, on one thread): it builds only its own peers' tables. */
  own(p: number): boolean;
  /**
   * A split run's routing tables (tableSpecs), in shared memory with room for every peer id
   * of the run: each thread writes only its own peers' rows, and they never grow. Null: the
   * protocol's own arrays.
   */
  tables: Tables | null;
}

/** A per-peer routing table: `per` entries a peer, of 4 bytes (Int32) or 1 (Uint8 counts), at first `fill`. */
export interface TableSpec {
  name: string;
  per: number;
  bytes: 1 | 4;
  fill: number;
}

export type Tables = Record<string, Int32Array | Uint8Array>;

/**
 * The tables' arrays for `capacity` peers, table i over `buffer(i, bytes)` (a split run's
 * shared memory), filled with their initial values when `fill` (once, before any thread reads).
 */
export function tablesOver(specs: TableSpec[], capacity: number, buffer: (i: number, bytes: number) => ArrayBufferLike, fill: boolean): Tables {
  const out: Tables = {};
  specs.forEach((t, i) => {
    const n = Math.max(1, capacity) * t.per, b = buffer(i, n * t.bytes);
    const a = t.bytes === 4 ? new Int32Array(b, 0, n) : new Uint8Array(b, 0, n);
    if (fill && t.fill !== 0) a.fill(t.fill);
    out[t.name] = a;
  });
  return out;
}

/** Bytes a peer of the tables `specs`. */
export function tableBytes(specs: TableSpec[]): number {
  return specs.reduce((sum, t) => sum + t.per * t.bytes, 0);
}

export interface DhtProtocol {
  readonly name: 'chord' | 'kademlia';
  /** Makes room for peers up to `capacity` (arrivals). */
  grow(capacity: number): void;
  /** Builds every live peer's table from global knowledge (`bootstrap: ideal` only); `sorted`: peers by ID. */
  buildIdeal(sorted: Int32Array): void;
  /**
   * Stores each item's pointers directly on the peers responsible for its key among `sorted`
   * (peers by ID), no messages: `bootstrap: ideal` only, as its tables are.
   */
  publish(records: Records, sorted: Int32Array): void;
  /** `holder` publishes its pointer for `item`: a lookup for the key, then stores on the peers responsible. */
  publishItem(holder: number, item: number): void;
  /** `p` joins through a bootstrap peer it picks (or founds the network alone); clears what it knew. */
  join(p: number): void;
  /** Starts `p`'s periodic upkeep (a new chain; an older one stops). */
  startUpkeep(p: number): void;
  /** Looks up item `item`'s record from `origin`; `done` is called once. */
  lookupItem(origin: number, item: number, done: LookupDone): void;
  /** Routing entries of `p`: Chord's distinct fingers, Kademlia's contacts. */
  routingEntries(p: number): number;
  /** Further routing state of `p` (Chord: successor-list entries; Kademlia: 0). */
  extraEntries(p: number): number;
}

/**
 * A live peer known to have joined (`known`), other than `p`, drawn from `p`'s stream (what
 * a tracker or a well-known list gives a newcomer): a few draws, then a scan from a random
 * start; −1 when none is known (p then founds the network).
 */
export function bootstrapPeer(core: DhtCore, p: number): number {
  const snap = core.liveKnown, alive = snap ? snap.live : core.ctx.peers.alive;
  const count = Math.min(snap ? snap.count : core.ctx.peers.count, core.known.length);
  return uniformLivePeer(alive, count, core.streams.use(p), p, 64, core.known);
}

/** Who is alive, as a peer may know it of others (see `liveKnown`). */
export function othersAlive(core: DhtCore): Uint8Array {
  return core.liveKnown ? core.liveKnown.live : core.ctx.peers.alive;
}


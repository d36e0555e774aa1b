/**
 * Which peer holds which item: replica counts from the replication strategy, replicas on
 * distinct uniformly chosen peers, stored both ways (item → holders, peer → sorted items)
 * in run pools, so "does peer p hold item i" is a binary search over p's few items.
 */
import type { RandomSource } from '../engine/random.js';
import { RunPool } from './run-pool.js';
import { replicaCounts, type ReplicationStrategy } from './replication.js';

export class DataPlacement {
  /** Distinct items (ids 0..items-1; id = popularity rank - 1). */
  readonly items: number;
  /** Peers present at placement time; replica counts refer to them. */
  readonly initialPeers: number;
  /** Query probability of each item (sums to 1). */
  readonly popularity: Float64Array;
  /** Replicas of each item among the initial peers. */
  readonly replicas: Int32Array;
  /** Row p: the items peer p holds, ascending. */
  readonly peerItems: RunPool;
  /** Row i: the peers holding item i (initial holders first, then peers that joined). */
  readonly itemHolders: RunPool;
  /** 1 once a peer's items are assigned (initial peers, and joined peers on arrival). */
  placed: Uint8Array;

  constructor(initialPeers: number, popularity: Float64Array, replicas: Int32Array,
    peerItems: RunPool, itemHolders: RunPool) {
    this.items = popularity.length;
    this.initialPeers = initialPeers;
    this.popularity = popularity;
    this.replicas = replicas;
    this.peerItems = peerItems;
    this.itemHolders = itemHolders;
    this.placed = new Uint8Array(Math.max(16, initialPeers));
    this.placed.fill(1, 0, initialPeers);
  }

  /** Total replicas stored, joined peers included. */
  get storedReplicas(): number {
    let s = 0;
    for (let i = 0; i < this.items; i++) s += this.itemHolders.count[i];
    return s;
  }

  /** Bytes held by the placement's arrays. */
  get bytes(): number {
    return this.peerItems.bytes + this.itemHolders.bytes + this.placed.byteLength
      + this.popularity.byteLength + this.replicas.byteLength;
  }

  /** True when peer p holds item i (O(log k) for a peer holding k items). */
  holds(p: number, i: number): boolean {
    if (p >= this.peerItems.rows) return false;
    const pool = this.peerItems.pool;
    let lo = this.peerItems.start[p];
    let hi = lo + this.peerItems.count[p] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = pool[mid];
      if (v === i) return true;
      if (v < i) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  /** The items peer p holds, ascending (a view). */
  itemsOf(p: number): Int32Array {
    return p < this.peerItems.rows ? this.peerItems.row(p) : new Int32Array(0);
  }

  /** The peers holding item i, alive or not (a view). */
  holdersOf(i: number): Int32Array {
    return this.itemHolders.row(i);
  }

  /**
   * Gives a peer that joined after placement its items "by the same strategy": it holds
   * each item i independently with probability r_i / initialPeers, the fraction of the
   * initial peers holding it, so it stores ratio·items items on average. O(items) draws.
   * No-op for a peer already placed.
   */
  addPeer(p: number, rng: RandomSource): void {
    if (p < this.placed.length && this.placed[p] === 1) return;
    if (p >= this.placed.length) {
      const b = new Uint8Array(Math.max(p + 1, this.placed.length * 2));
      b.set(this.placed);
      this.placed = b;
    }
    this.placed[p] = 1;
    this.peerItems.ensureRows(p + 1);
    const n0 = this.initialPeers;
    for (let i = 0; i < this.items; i++) {
      if (rng.next() * n0 < this.replicas[i]) {
        this.peerItems.push(p, i);
        this.itemHolders.push(i, p);
      }
    }
  }
}

/** Builds the two run pools from item → holders lists. */
function fromHolderLists(peers: number, popularity: Float64Array, replicas: Int32Array,
  holders: Int32Array, offsets: Int32Array): DataPlacement {
  const m = popularity.length;
  const perPeer = new Int32Array(peers);
  for (let k = 0; k < offsets[m]; k++) perPeer[holders[k]]++;
  const peerItems = new RunPool(perPeer);
  const itemHolders = new RunPool(replicas);
  // Items in ascending order, so each peer's run comes out sorted.
  for (let i = 0; i < m; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      peerItems.push(holders[k], i);
      itemHolders.push(i, holders[k]);
    }
  }
  return new DataPlacement(peers, popularity, replicas, peerItems, itemHolders);
}

/**
 * Places `popularity.length` items on peers 0..peers-1: item i gets r_i replicas
 * (see replicaCounts) on r_i distinct peers drawn uniformly from `rng` (a partial
 * Fisher–Yates shuffle of one permutation, O(total replicas) draws).
 */
export function placeData(
  peers: number,
  popularity: Float64Array,
  strategy: ReplicationStrategy,
  ratio: number,
  rng: RandomSource,
): DataPlacement {
  const m = popularity.length;
  const replicas = replicaCounts(popularity, strategy, ratio, peers);
  const offsets = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) offsets[i + 1] = offsets[i] + replicas[i];
  const holders = new Int32Array(offsets[m]);
  const perm = new Int32Array(peers);
  for (let p = 0; p < peers; p++) perm[p] = p;
  for (let i = 0; i < m; i++) {
    const r = replicas[i];
    for (let k = 0; k < r; k++) {
      const j = k + Math.floor(rng.next() * (peers - k));
      const t = perm[k]; perm[k] = perm[j]; perm[j] = t;
      holders[offsets[i] + k] = perm[k];
    }
  }
  return fromHolderLists(peers, popularity, replicas, holders, offsets);
}

/**
 * A placement given explicitly (tests, hand-built examples): `holderLists[i]` are the
 * peers holding item i. Popularity defaults to uniform.
 */
export function placementFromHolders(peers: number, holderLists: number[][],
  popularity?: Float64Array): DataPlacement {
  const m = holderLists.length;
  const q = popularity ?? new Float64Array(m).fill(1 / Math.max(1, m));
  const replicas = Int32Array.from(holderLists, (l) => l.length);
  const offsets = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) offsets[i + 1] = offsets[i] + replicas[i];
  const holders = Int32Array.from(holderLists.flat());
  return fromHolderLists(peers, q, replicas, holders, offsets);
}

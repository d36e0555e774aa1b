/**
 * What a lookup reports when it ends, and the pointer records the DHT stores: item i's key
 * is owned by one peer, which (with its successors, or with the k closest peers) stores a
 * record pointing to the holders `data.replication` chose. The records are routing state
 * of the DHT, not data replicas; a lookup succeeds when it reaches a live peer that returns
 * a record naming a live holder.
 */
import type { DataPlacement } from '../../data/placement.js';

/** Why a lookup ran: an item for a search, or the protocol's own upkeep. */
export enum Purpose {
  /** Find the record of an item (a `dht` search). */
  Item = 0,
  /** Chord: a joining peer's successor; Kademlia: a joining peer's own ID. */
  Join = 1,
  /** Chord: a finger; Kademlia: a bucket refresh. */
  Upkeep = 2,
  /** Chord: a key's live owner; Kademlia: the k closest live peers to a key (tests, no record asked). */
  Nodes = 3,
}

export interface LookupOutcome {
  success: boolean;
  /**
   * Nodes on the path from the origin to the peer that answered with the record, that one
   * included and the origin not (each node on the path was named by the one before): 0
   * when the origin itself stores the record. −1 when the lookup failed.
   */
  hops: number;
  /** Chord: nodes passed to reach the node that named the owner (the paper's path length); −1 otherwise. */
  predecessorHops: number;
  /** Kademlia: the deepest node on any path the lookup followed (rounds of requests); −1 otherwise. */
  rounds: number;
  /** Messages sent for the lookup (requests, replies, acknowledgements), lost ones included, and their modelled bytes. */
  messages: number;
  bytes: number;
  /** Requests that timed out. */
  timeouts: number;
  /** Seconds from the start to the end (the record's arrival, or giving up). */
  latency: number;
  /** The peers that answered, in the order they answered (the ring view draws one). */
  path: number[];
  /** `Purpose.Nodes`: Chord, the owner that answered; Kademlia, the k closest peers that answered, closest first. */
  closest?: number[];
}

export type LookupDone = (outcome: LookupOutcome) => void;

/**
 * Which peers store each item's record: `copies` peers an item (−1: an empty place), set
 * when the data is published (see the protocols' `publish`). Stride `copies`.
 */
export class Records {
  readonly storers: Int32Array;
  constructor(readonly items: number, readonly copies: number, readonly keys: Float64Array) {
    this.storers = new Int32Array(items * copies).fill(-1);
  }

  stores(peer: number, item: number): boolean {
    const o = item * this.copies;
    for (let c = 0; c < this.copies; c++) if (this.storers[o + c] === peer) return true;
    return false;
  }

  /** Records a peer holds (a scan: for the results, not the hot path). */
  perPeer(peers: number): Int32Array {
    const counts = new Int32Array(peers);
    for (const p of this.storers) if (p >= 0 && p < peers) counts[p]++;
    return counts;
  }
}

/** The holders a record names (all of the item's holders) and whether one of them is alive. */
export function recordAnswer(data: DataPlacement, item: number, alive: Uint8Array): { holders: number; live: boolean } {
  const holders = data.holdersOf(item);
  let live = false;
  for (let i = 0; i < holders.length && !live; i++) if (alive[holders[i]] === 1) live = true;
  return { holders: holders.length, live };
}

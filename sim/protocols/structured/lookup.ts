/**
 * What a lookup reports when it ends, and the pointer records the DHT stores: item i's key
 * is owned by one peer, which (with its successors, or with the k closest peers) stores a
 * record pointing to the holders `data.replication` chose. The records are routing state
 * of the DHT, not data replicas; a lookup succeeds when it reaches a live peer that returns
 * a record naming a live holder.
 */
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
  /** A holder publishing its pointer: find the key's storers, then store on them. */
  Publish = 4,
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
  /**
   * Messages of the lookup: those it sent (lost ones included) and the replies and
   * acknowledgements that reached it while it waited; their modelled bytes. A recursive
   * lookup counts those on its way to the answer, each acknowledgement as it is sent (docs/structured.md).
   */
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

/** The pointers one peer stores for one item: holders and the times they expire. */
interface Pointers {
  holders: number[];
  expires: number[];
}

/**
 * The pointers every peer stores: per storing peer, item → the holders that published to
 * it, each until its expiry (a holder that stops republishing drops out after the
 * lifetime). Maps are made on a peer's first store and iterate in insertion order, so
 * handovers are deterministic. Expired pointers are dropped as they are read.
 */
export class Records {
  private readonly byPeer = new Map<number, Map<number, Pointers>>();
  constructor(readonly items: number, readonly copies: number, readonly keys: Float64Array,
    /** Seconds a pointer lives unless republished (Infinity: forever). */
    readonly lifetime: number,
    /** The peers whose pointers this thread keeps (a split run's own peers; on one thread, all). */
    private readonly keeps: (peer: number) => boolean = () => true) {}

  /** `peer` stores (or refreshes) the pointer from `item` to `holder`, until `expires`. */
  put(peer: number, item: number, holder: number, expires: number): void {
    if (!this.keeps(peer)) return;
    let m = this.byPeer.get(peer);
    if (!m) { m = new Map(); this.byPeer.set(peer, m); }
    let e = m.get(item);
    if (!e) { e = { holders: [], expires: [] }; m.set(item, e); }
    const i = e.holders.indexOf(holder);
    if (i < 0) { e.holders.push(holder); e.expires.push(expires); } else if (e.expires[i] < expires) e.expires[i] = expires;
  }

  /** The live (unexpired) pointers `peer` stores for `item`, expired ones dropped; null when none. */
  private live(peer: number, item: number, now: number): Pointers | null {
    const m = this.byPeer.get(peer);
    const e = m?.get(item);
    if (!e) return null;
    let k = 0;
    for (let i = 0; i < e.holders.length; i++) {
      if (e.expires[i] > now) { e.holders[k] = e.holders[i]; e.expires[k++] = e.expires[i]; }
    }
    e.holders.length = k; e.expires.length = k;
    if (k === 0) { m!.delete(item); return null; }
    return e;
  }

  /** `peer` went down: what it stored was in its memory, and is lost. */
  drop(peer: number): void {
    this.byPeer.delete(peer);
  }

  stores(peer: number, item: number, now: number): boolean {
    return this.live(peer, item, now) !== null;
  }

  /** The holders `peer`'s record for `item` names (empty when it stores none). */
  holders(peer: number, item: number, now: number): readonly number[] {
    return this.live(peer, item, now)?.holders ?? [];
  }

  /** Every live pointer `peer` stores: calls `each(item, holder, expires)` in insertion order. */
  forEach(peer: number, now: number, each: (item: number, holder: number, expires: number) => void): void {
    const m = this.byPeer.get(peer);
    if (!m) return;
    for (const item of Array.from(m.keys())) {
      const e = this.live(peer, item, now);
      if (e) for (let i = 0; i < e.holders.length; i++) each(item, e.holders[i], e.expires[i]);
    }
  }

  /** Records (items with a live pointer) each peer holds (a scan: for the results). */
  perPeer(peers: number, now: number): Int32Array {
    const counts = new Int32Array(peers);
    for (const [p, m] of this.byPeer) {
      if (p >= peers) continue;
      for (const item of Array.from(m.keys())) if (this.live(p, item, now)) counts[p]++;
    }
    return counts;
  }
}

/** Whether one of `holders` is alive (the origin checks the holders a record named). */
export function anyLive(holders: ArrayLike<number>, alive: Uint8Array): boolean {
  for (let i = 0; i < holders.length; i++) if (alive[holders[i]] === 1) return true;
  return false;
}

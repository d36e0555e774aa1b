/**
 * Kademlia (Maymounkov & Mazières, IPTPS 2002) over the transport. Distance is the XOR of
 * IDs; a peer keeps k contacts per bucket, bucket j holding contacts whose ID shares
 * exactly j leading bits with its own. As in the paper's split routing table, the bucket
 * holding the peer's own ID is split only so far: buckets below `levels` − 1 are per
 * prefix length, the last one holds every contact sharing at least `levels` − 1 bits.
 * A lookup is iterative with `alpha` requests in flight: the origin keeps the peers it has
 * heard of by distance to the key, asks the closest not yet asked, and ends when the k
 * closest it knows have all answered (FIND_VALUE: as soon as one returns the record). A
 * peer that does not answer in time is skipped and dropped from the origin's buckets.
 * Upkeep: every message received updates the receiver's bucket of its sender (least
 * recently seen first). When the bucket is full, the peer pings its least recently seen
 * contact, as the paper does: one that answers moves to the tail and the newcomer is
 * dropped; one that times out is evicted and the newcomer (the latest one heard while the
 * ping was out) takes its place; a ping received does not start another. Each peer refreshes each bucket every `refresh` by a
 * lookup of a random ID in it.
 *
 * Per-peer arrays: `contacts` stride levels × k (bucket j at [j·k, (j+1)·k), oldest
 * first), `counts` stride levels (contacts in each bucket). Contacts are 4-byte peer
 * indices; each peer's ID is stored once (core.ids).
 */
import type { MessageType } from '../../network/messages.js';
import { twoTo } from '../../math/two-to.js';
import { bootstrapPeer, othersAlive, type DhtCore, type DhtProtocol, type TableSpec } from './core.js';
import { grown } from '../../run/grown.js';
import { IdSpace, firstAtOrAfter } from './ids.js';
import { Purpose, anyLive, type LookupDone, type LookupOutcome, type Records } from './lookup.js';
import type { RequestOwner } from './net.js';

const NEW = 0, PENDING = 1, ANSWERED = 2, FAILED = 3;

/** Buckets kept per peer for `peers` peers: log2(peers / k) + 4, so the last one rarely fills. */
export function bucketLevels(bits: number, peers: number, k: number): number {
  return Math.min(bits, IdSpace.bitLength(Math.max(1, Math.floor(peers / k))) + 4);
}

/** Kademlia's per-peer tables: `levels` buckets of k contacts (stride levels × k) and their counts (stride levels). */
export function kademliaTables(k: number, levels: number): TableSpec[] {
  return [{ name: 'contacts', per: levels * k, bytes: 4, fill: -1 }, { name: 'counts', per: levels, bytes: 1, fill: 0 }];
}

class KadLookup {
  messages = 0;
  bytes = 0;
  timeouts = 0;
  inFlight = 0;
  /** The peers heard of, closest to the key first: distance, state, depth (1: the origin's own contacts). */
  peers: number[] = [];
  dist: number[] = [];
  state: number[] = [];
  depth: number[] = [];
  path: number[] = [];
  /** Every peer in `peers`. */
  known = new Set<number>();
  open = true;
  /** What its requests' replies and timeouts go to. */
  owner: RequestOwner | null = null;
  constructor(readonly id: number, readonly origin: number, readonly key: number, readonly item: number,
    readonly purpose: Purpose, readonly start: number, readonly done: LookupDone | null) {}
}

export class Kademlia implements DhtProtocol {
  readonly name = 'kademlia' as const;
  readonly k: number;
  readonly alpha: number;
  readonly levels: number;
  contacts: Int32Array = new Int32Array(0);
  counts: Uint8Array = new Uint8Array(0);
  /** Scratch: distances to the key of the contacts `closest` gathers. */
  private distances = new Float64Array(64);
  private nextLookup = 0;
  private readonly t: Record<string, MessageType>;
  private readonly refreshKind: number;
  private readonly rejoinKind: number;
  /** Full buckets whose oldest contact is being pinged (p × levels + bucket) → the newcomer waiting for its place. */
  private readonly pinging = new Map<number, number>();
  private readonly pingOwner: RequestOwner;
  /** What a STORE's reply or timeout goes to: a contact that does not answer is dropped. */
  private readonly storeOwner: RequestOwner;

  constructor(private readonly core: DhtCore, capacity: number) {
    this.k = core.spec.kademlia.k;
    this.alpha = core.spec.kademlia.alpha;
    this.levels = bucketLevels(core.space.bits, capacity, this.k);
    if (core.tables) { this.contacts = core.tables.contacts as Int32Array; this.counts = core.tables.counts as Uint8Array; }
    else this.grow(capacity);
    const net = core.net, sim = core.ctx.sim;
    const touch = (at: number, from: number) => this.touch(at, from);
    this.t = {
      findNode: net.type('kademlia/find-node', (at, from, slot) => this.onFind(at, from, slot, false)),
      findValue: net.type('kademlia/find-value', (at, from, slot) => this.onFind(at, from, slot, true)),
      nodes: net.replyType('kademlia/nodes', touch),
      value: net.replyType('kademlia/value', touch, true),
      store: net.type('kademlia/store', (at, from, slot) => this.onStore(at, from, slot)),
      stored: net.replyType('kademlia/stored', touch),
      ping: net.type('kademlia/ping', (at, from, slot) => { this.touch(at, from, false); net.send(at, from, this.t.pong, net.replyTo(slot, 0, 0)); }),
      pong: net.replyType('kademlia/pong', touch),
    };
    this.pingOwner = {
      onReply: (bucket) => { this.pinging.delete(bucket); },
      onTimeout: (bucket, at, target) => {
        const newcomer = this.pinging.get(bucket);
        this.pinging.delete(bucket);
        this.remove(at, target);
        if (newcomer !== undefined && this.core.ctx.peers.alive[at] === 1) this.touch(at, newcomer);
      },
    };
    this.storeOwner = { onReply: () => {}, onTimeout: (_tag, at, target) => this.remove(at, target) };
    this.refreshKind = sim.registerKind('kademlia/refresh-tick', (p, _s, gen) => this.refreshTick(p, gen));
    this.rejoinKind = sim.registerKind('kademlia/rejoin', (p, _s, gen) => {
      if (gen === this.core.upkeep[p] && core.ctx.peers.alive[p] === 1 && core.joined[p] !== 1) this.join(p);
    });
  }

  private get ids() { return this.core.ids; }
  private get space() { return this.core.space; }
  private get net() { return this.core.net; }

  grow(capacity: number): void {
    if (this.core.tables) return; // shared, with room for every peer id of the run
    this.contacts = grown(this.contacts, capacity * this.levels * this.k, -1);
    this.counts = grown(this.counts, capacity * this.levels);
  }

  // ---- buckets --------------------------------------------------------------------------

  private bucketOf(p: number, q: number): number {
    return Math.min(this.space.commonPrefix(this.ids[p], this.ids[q]), this.levels - 1);
  }

  /**
   * `p` heard from `q`: q moves to the tail of its bucket (most recently seen), or joins it
   * if there is room; else p pings the bucket's least recently seen contact (one ping a
   * bucket at a time) and q waits for the answer. A ping received does not ping in turn
   * (`probe` false): each would make its receiver ping its own oldest contact, a chain
   * that in a network where nobody knows everybody never ends.
   */
  touch(p: number, q: number, probe = true): void {
    if (p === q) return;
    const k = this.k, b = this.bucketOf(p, q), at = (p * this.levels + b), base = at * k;
    const n = this.counts[at], c = this.contacts;
    for (let i = 0; i < n; i++) {
      if (c[base + i] !== q) continue;
      for (let j = i; j < n - 1; j++) c[base + j] = c[base + j + 1];
      c[base + n - 1] = q;
      return;
    }
    if (n < k) { c[base + n] = q; this.counts[at] = n + 1; return; }
    if (!probe) return;
    const waiting = this.pinging.has(at);
    this.pinging.set(at, q);
    if (!waiting) this.net.ask(p, c[base], this.t.ping, 0, 0, this.pingOwner, at, true);
  }

  private remove(p: number, q: number): void {
    const k = this.k, b = this.bucketOf(p, q), at = p * this.levels + b, base = at * k;
    const n = this.counts[at], c = this.contacts;
    for (let i = 0; i < n; i++) {
      if (c[base + i] !== q) continue;
      for (let j = i; j < n - 1; j++) c[base + j] = c[base + j + 1];
      c[base + n - 1] = -1;
      this.counts[at] = n - 1;
      return;
    }
  }

  /**
   * The (up to) `max` contacts of `p` closest to `key`, closest first. Buckets are bands of
   * distance: the key's own bucket holds the closest, the deeper ones come next, then the
   * shallower ones in order, so whole bands are gathered until `max` are in hand.
   */
  closest(p: number, key: number, max: number, out: number[]): void {
    const L = this.levels, k = this.k, c = this.contacts, space = this.space;
    const j = Math.min(space.commonPrefix(this.ids[p], key), L - 1);
    const add = (b: number) => { const at = p * L + b; for (let i = 0; i < this.counts[at]; i++) out.push(c[at * k + i]); };
    add(j);
    if (out.length < max) for (let b = j + 1; b < L; b++) add(b);
    for (let b = j - 1; b >= 0 && out.length < max; b--) add(b);
    // Insertion sort by distance: a band holds a few dozen contacts.
    const ids = this.ids;
    if (this.distances.length < out.length) this.distances = new Float64Array(out.length * 2);
    const d = this.distances;
    for (let i = 0; i < out.length; i++) {
      const q = out[i], x = space.xor(ids[q], key);
      let j = i;
      while (j > 0 && d[j - 1] > x) { d[j] = d[j - 1]; out[j] = out[j - 1]; j--; }
      d[j] = x; out[j] = q;
    }
    if (out.length > max) out.length = max;
  }

  routingEntries(p: number): number {
    let n = 0;
    for (let b = 0; b < this.levels; b++) n += this.counts[p * this.levels + b];
    return n;
  }

  extraEntries(): number {
    return 0;
  }

  buildIdeal(sorted: Int32Array): void {
    const n = sorted.length, L = this.levels, k = this.k, ids = this.ids, space = this.space;
    const sid = Float64Array.from(sorted, (p) => ids[p]);
    // Peers sharing a prefix are a block of the sorted order. Depth by depth, each block
    // splits where bit d turns 1; bucket d of a peer is the other half of its block.
    let start = new Int32Array(n), end = new Int32Array(n).fill(n);
    let nextStart = new Int32Array(n), nextEnd = new Int32Array(n);
    const fill = (i: number, lo: number, hi: number, d: number) => {
      const p = sorted[i], m = hi - lo, at = p * L + d;
      if (m <= 0 || !this.core.own(p)) return;
      // k contacts spread evenly over the subtree from a random offset: one draw a bucket.
      const take = Math.min(k, m), offset = this.core.streams.use(p).next() * m, step = m / take;
      let count = 0;
      for (let t = 0; t < take; t++) {
        const q = sorted[lo + (Math.floor(offset + t * step) % m)];
        if (q !== p) this.contacts[at * k + count++] = q;
      }
      this.counts[at] = count;
    };
    for (let d = 0; d < L; d++) {
      if (d === L - 1) {
        for (let i = 0; i < n; i++) fill(i, start[i], end[i], d);
        break;
      }
      for (let a = 0; a < n;) {
        const b = end[a];
        // First index of the block whose bit d is 1 (the block shares its first d bits).
        let lo = a, hi = b;
        while (lo < hi) { const mid = (lo + hi) >>> 1; if (space.bit(sid[mid], d) === 1) hi = mid; else lo = mid + 1; }
        const m = lo;
        for (let i = a; i < b; i++) {
          const upper = i >= m;
          if (upper) fill(i, a, m, d); else fill(i, m, b, d);
          nextStart[i] = upper ? m : a;
          nextEnd[i] = upper ? b : m;
        }
        a = b;
      }
      [start, nextStart] = [nextStart, start];
      [end, nextEnd] = [nextEnd, end];
    }
  }

  publish(records: Records, sorted: Int32Array): void {
    const n = sorted.length, c = records.copies, ids = this.ids, space = this.space, expires = this.core.ctx.sim.now + records.lifetime;
    for (let item = 0; item < records.items; item++) {
      const key = records.keys[item];
      // The longest prefix of the key that at least c peers share: its peers include the c closest.
      let lo = 0, hi = n;
      for (let bits = 1; bits <= space.bits; bits++) {
        const start = space.prefixStart(key, bits);
        const a = firstAtOrAfter(sorted, ids, start), b = firstAtOrAfter(sorted, ids, start + twoTo(space.bits - bits));
        if (b - a < c) break;
        lo = a; hi = b;
      }
      const range = Array.from(sorted.subarray(lo, hi));
      range.sort((a, b) => space.xor(ids[a], key) - space.xor(ids[b], key));
      const holders = this.core.data!.holdersOf(item);
      for (let j = 0; j < Math.min(c, range.length); j++) {
        for (let h = 0; h < holders.length; h++) records.put(range[j], item, holders[h], expires);
      }
    }
  }

  publishItem(holder: number, item: number): void {
    this.startLookup(holder, this.core.records!.keys[item], item, Purpose.Publish, null);
  }

  /**
   * `holder` stores its pointer for `item` on the k closest peers its lookup found (STORE),
   * and keeps it itself when it is among the k closest it knows of.
   */
  private store(holder: number, item: number, closest: number[]): void {
    const records = this.core.records!, key = records.keys[item], net = this.net;
    for (const q of closest) net.ask(holder, q, this.t.store, key, item, this.storeOwner, 0, true, (slot) => net.list(slot, holder));
    const space = this.space;
    if (closest.length < this.k || space.xor(this.ids[holder], key) < space.xor(this.ids[closest[closest.length - 1]], key)) {
      records.put(holder, item, holder, this.core.ctx.sim.now + records.lifetime);
    }
  }

  private onStore(at: number, from: number, slot: number): void {
    const net = this.net, records = this.core.records;
    this.touch(at, from);
    if (records) records.put(at, net.auxOf(slot), net.peerOf(slot, 0), this.core.ctx.sim.now + records.lifetime);
    net.send(at, from, this.t.stored, net.replyTo(slot, 0, 0));
  }

  // ---- lookups --------------------------------------------------------------------------

  lookupItem(origin: number, item: number, done: LookupDone): void {
    this.startLookup(origin, this.core.records!.keys[item], item, Purpose.Item, done);
  }

  /** The k closest live peers to `key` that a lookup from `origin` finds (tests, `Purpose.Nodes`). */
  lookupNodes(origin: number, key: number, done: LookupDone): void {
    this.startLookup(origin, key, -1, Purpose.Nodes, done);
  }

  private startLookup(origin: number, key: number, item: number, purpose: Purpose, done: LookupDone | null): void {
    const l = new KadLookup(this.nextLookup++, origin, key, item, purpose, this.core.ctx.sim.now, done);
    l.owner = this.lookupOwner(l);
    if (purpose === Purpose.Item) {
      const holders = this.core.records!.holders(origin, item, this.core.ctx.sim.now);
      if (holders.length > 0) { this.finish(l, anyLive(holders, othersAlive(this.core)), 0); return; }
    }
    const own: number[] = [];
    this.closest(origin, key, this.k, own);
    this.merge(l, own, 1);
    this.pump(l);
  }

  /**
   * Adds the peers not heard of yet, keeping the list by distance. Peers never asked beyond
   * the first 3k (plus those that failed) are dropped: the lookup cannot reach them.
   */
  private merge(l: KadLookup, peers: number[], depth: number): void {
    const space = this.space, ids = this.ids;
    let failed = 0;
    for (const s of l.state) if (s === FAILED) failed++;
    const limit = 3 * this.k + failed;
    for (const q of peers) {
      if (q === l.origin || l.known.has(q)) continue;
      const d = space.xor(ids[q], l.key);
      let i = l.peers.length;
      while (i > 0 && l.dist[i - 1] > d) i--;
      if (i >= limit) continue;
      l.known.add(q);
      // Insert at i by hand: splice would allocate the (empty) array it returns.
      const { peers: ps, dist, state, depth: dp } = l;
      ps.push(q); dist.push(d); state.push(NEW); dp.push(depth);
      for (let j = ps.length - 1; j > i; j--) { ps[j] = ps[j - 1]; dist[j] = dist[j - 1]; state[j] = state[j - 1]; dp[j] = dp[j - 1]; }
      ps[i] = q; dist[i] = d; state[i] = NEW; dp[i] = depth;
    }
    while (l.peers.length > limit && l.state[l.peers.length - 1] === NEW) {
      l.known.delete(l.peers.pop()!); l.dist.pop(); l.state.pop(); l.depth.pop();
    }
  }

  /** Keeps `alpha` requests in flight to the closest new peers among the k closest not failed; ends when none is left. */
  private pump(l: KadLookup): void {
    if (!l.open) return;
    const net = this.core.net;
    const type = l.purpose === Purpose.Item ? this.t.findValue : this.t.findNode;
    let seen = 0;
    for (let i = 0; i < l.peers.length && seen < this.k && l.inFlight < this.alpha; i++) {
      if (l.state[i] === FAILED) continue;
      seen++;
      if (l.state[i] !== NEW) continue;
      l.state[i] = PENDING;
      l.inFlight++;
      l.messages++;
      l.bytes += net.ask(l.origin, l.peers[i], type, l.key, l.item, l.owner!, 0, l.purpose !== Purpose.Item);
    }
    if (l.inFlight > 0) return;
    // Nothing in flight and nothing new among the k closest: the lookup has converged.
    if (l.purpose === Purpose.Item) { this.finish(l, false, -1); return; }
    this.finish(l, true, this.rounds(l));
  }

  private rounds(l: KadLookup): number {
    let r = 0;
    for (let i = 0; i < l.peers.length; i++) if (l.state[i] === ANSWERED && l.depth[i] > r) r = l.depth[i];
    return r;
  }

  private onFind(at: number, from: number, slot: number, value: boolean): void {
    const net = this.core.net;
    this.touch(at, from);
    const key = net.keyOf(slot), item = net.auxOf(slot);
    const holders = value && this.core.records !== null ? this.core.records.holders(at, item, this.core.ctx.sim.now) : [];
    if (holders.length > 0) {
      // Field 4: the holders it names (a `nodes` reply has 0 there).
      const out = net.replyTo(slot, key, holders.length);
      for (const h of holders) net.list(out, h);
      net.send(at, from, this.t.value, out, holders.length);
      return;
    }
    const out = net.replyTo(slot, key, 0);
    const near: number[] = [];
    this.closest(at, key, this.k, near);
    for (const q of near) net.list(out, q);
    net.send(at, from, this.t.nodes, out);
  }

  /** What waits for a lookup's requests: the lookup itself. */
  private lookupOwner(l: KadLookup): RequestOwner {
    return {
      onReply: (_tag, _at, from, slot) => this.onReply(l, from, slot),
      onTimeout: (_tag, at, target) => this.onTimeout(l, at, target),
      charge: (_tag, bytes) => { l.messages++; l.bytes += bytes; },
    };
  }

  private onReply(l: KadLookup, from: number, slot: number): void {
    if (!l.open) return;
    const net = this.core.net;
    const i = l.peers.indexOf(from);
    if (i < 0) return;
    l.inFlight--;
    l.state[i] = ANSWERED;
    l.path.push(from);
    if (net.auxOf(slot) > 0) {
      const alive = othersAlive(this.core);
      let live = false;
      for (let j = 0; j < net.countOf(slot) && !live; j++) live = alive[net.peerOf(slot, j)] === 1;
      if (live) { this.finish(l, true, l.depth[i]); return; }
    } else {
      const listed: number[] = [];
      for (let j = 0; j < net.countOf(slot); j++) listed.push(net.peerOf(slot, j));
      this.merge(l, listed, l.depth[i] + 1);
    }
    this.pump(l);
  }

  private onTimeout(l: KadLookup, at: number, target: number): void {
    this.remove(at, target);
    if (!l.open) return;
    l.timeouts++;
    l.inFlight--;
    const i = l.peers.indexOf(target);
    if (i >= 0) l.state[i] = FAILED;
    if (this.core.ctx.peers.alive[l.origin] !== 1) { this.finish(l, false, -1); return; }
    this.pump(l);
  }

  private finish(l: KadLookup, success: boolean, hops: number): void {
    if (!l.open) return;
    l.open = false;
    if (l.purpose === Purpose.Join) this.joined(l.origin, success);
    const closest: number[] = [];
    if (l.purpose === Purpose.Nodes || l.purpose === Purpose.Publish) {
      for (let i = 0; i < l.peers.length && closest.length < this.k; i++) if (l.state[i] === ANSWERED) closest.push(l.peers[i]);
    }
    if (l.purpose === Purpose.Publish && success && this.core.ctx.peers.alive[l.origin] === 1) this.store(l.origin, l.item, closest);
    if (!l.done) return;
    const outcome: LookupOutcome = {
      success,
      hops: success ? hops : -1,
      predecessorHops: -1,
      rounds: this.rounds(l),
      messages: l.messages,
      bytes: l.bytes,
      timeouts: l.timeouts,
      latency: this.core.ctx.sim.now - l.start,
      path: l.path,
      closest: l.purpose === Purpose.Nodes ? closest : undefined,
    };
    l.done(outcome);
  }

  // ---- joining and upkeep ---------------------------------------------------------------

  join(p: number): void {
    const L = this.levels, k = this.k;
    this.contacts.fill(-1, p * L * k, (p + 1) * L * k);
    this.counts.fill(0, p * L, (p + 1) * L);
    this.core.joined[p] = 0;
    const b = bootstrapPeer(this.core, p);
    if (b < 0) { this.core.joined[p] = 1; this.core.onJoined?.(p); return; }
    this.touch(p, b);
    this.startLookup(p, this.ids[p], -1, Purpose.Join, null);
  }

  /** `p`'s lookup of its own ID ended: it has joined and refreshes its buckets, or retries after a timeout. */
  private joined(p: number, success: boolean): void {
    if (this.core.ctx.peers.alive[p] !== 1) return;
    if (!success || this.routingEntries(p) === 0) {
      const sim = this.core.ctx.sim;
      sim.at(sim.now + 4 * this.core.spec.timeout, this.rejoinKind, p, p, this.core.upkeep[p]);
      return;
    }
    this.core.joined[p] = 1;
    this.refresh(p);
    this.core.onJoined?.(p);
  }

  startUpkeep(p: number): void {
    const gen = ++this.core.upkeep[p];
    const period = this.core.spec.kademlia.refresh, sim = this.core.ctx.sim;
    if (period > 0) sim.at(sim.now + this.core.streams.use(p).next() * period, this.refreshKind, p, p, gen);
  }

  private refreshTick(p: number, gen: number): void {
    if (gen !== this.core.upkeep[p] || this.core.ctx.peers.alive[p] !== 1) return;
    const sim = this.core.ctx.sim;
    sim.at(sim.now + this.core.spec.kademlia.refresh, this.refreshKind, p, p, gen);
    if (this.core.joined[p] === 1) this.refresh(p);
  }

  /** A lookup of a random ID in each bucket's range. */
  private refresh(p: number): void {
    const space = this.space, x = this.ids[p], L = this.levels, rng = this.core.streams.use(p);
    for (let j = 0; j < L; j++) {
      const last = j === L - 1;
      const prefix = last ? j : j + 1;
      const start = space.prefixStart(last ? x : space.flip(x, j), prefix);
      const target = start + Math.floor(rng.next() * twoTo(space.bits - prefix));
      this.startLookup(p, target, -1, Purpose.Upkeep, null);
    }
  }
}

/**
 * Chord (Stoica et al., SIGCOMM 2001) over the transport. A peer keeps a predecessor, a
 * successor list of r peers and fingers; a lookup for key K ends at K's owner, the first
 * peer at or after K on the ring. Iterative: the origin asks each node on the path for the
 * node closest before K it knows, until one names its successor as K's owner, then asks
 * the owner (and, when it does not answer or has no record, the next successors) for the
 * record. Recursive: each node forwards the lookup and the owner answers the origin; a hop
 * is acknowledged, and a node whose next hop does not acknowledge in time drops it from its
 * table and forwards to the next best. Upkeep: stabilise and notify, the predecessor check,
 * fix fingers (every finger by a lookup), successor lists copied from the successor. As in
 * OverSim's aggressive join mode, a peer that gets a new predecessor tells the old one
 * (a hint), and a peer whose successor changes stabilises again at once: joins at the same
 * place sort themselves out at network speed rather than one stabilise period per step.
 *
 * Per-peer arrays: `succ` stride r (successor list, −1 past `succCount`), `pred` (−1: none),
 * `fingers` stride F (finger j: successor of ID + 2^(bits − F + j); the lower fingers are
 * the successor, as they are in any ring of fewer than 2^(bits − F) × ... peers; −1: unknown).
 */
import { twoTo } from '../../math/two-to.js';
import type { MessageType } from '../../network/messages.js';
import { bootstrapPeer, othersAlive, type DhtCore, type DhtProtocol, type TableSpec } from './core.js';
import { grown } from '../../run/grown.js';
import { IdSpace, firstAtOrAfter } from './ids.js';
import { Purpose, anyLive, type LookupDone, type LookupOutcome, type Records } from './lookup.js';
import type { RequestOwner } from './net.js';

/** Closest preceding fingers a non-final reply names (fallbacks when one is dead). */
const SUGGESTIONS = 4;
/** Maintenance request tags (lookups use their own number, >= 0). */
const STABILIZE = -1;
const PING = -2;
const STORE = -3;
/** A recursive lookup the origin has heard nothing of for this many timeouts fails. */
const RECURSIVE_DEADLINE = 32;
/** Nodes a recursive lookup's path carries at most (its hop count stays exact beyond). */
const MAX_PATH = 64;
/** A forwarded lookup's list: origin, depth, owner flag and copies, item, messages, bytes, timeouts, then the path. */
const FORWARD_FIELDS = 7;
/** A recursive result's list: depth, found, messages, bytes, timeouts, path length, then the path and the holders. */
const RESULT_FIELDS = 6;
/** Room a recursive lookup's messages need in a payload besides the holders a result lists. */
export const RECURSIVE_LISTED = Math.max(FORWARD_FIELDS, RESULT_FIELDS) + MAX_PATH;

/** Fingers kept per peer for `peers` peers: levels below these are the successor in practice. */
export function fingerLevels(bits: number, peers: number): number {
  return Math.min(bits, IdSpace.bitLength(Math.max(1, peers)) + 6);
}

/** Chord's per-peer tables (see the header) for `peers` initial peers. */
export function chordTables(r: number, levels: number): TableSpec[] {
  return [
    { name: 'succ', per: r, bytes: 4, fill: -1 }, { name: 'succCount', per: 1, bytes: 1, fill: 0 },
    { name: 'pred', per: 1, bytes: 4, fill: -1 }, { name: 'fingers', per: levels, bytes: 4, fill: -1 },
  ];
}

/**
 * A recursive lookup as the node holding it knows it, all of it carried by the forwarded
 * message: the messages it has sent, their bytes, its timeouts and its path so far. The
 * sender keeps its copy until the next node acknowledges, to forward again on a timeout.
 */
class Leg {
  messages = 0;
  bytes = 0;
  timeouts = 0;
  depth = 0;
  toOwner = false;
  copiesLeft = 0;
  constructor(readonly id: number, readonly origin: number, readonly key: number, readonly item: number, readonly path: number[]) {}
}

class ChordLookup {
  messages = 0;
  bytes = 0;
  timeouts = 0;
  /** Candidates: fingers named before K (closest first), their distance to K, the depth at which each was named, 0 new / 1 asked. */
  cand: number[] = [];
  candDist: number[] = [];
  candDepth: number[] = [];
  candAsked: number[] = [];
  /** Fallbacks: successor-list entries before K (peer, depth pairs), asked only when no finger is left. */
  fallbacks: number[] = [];
  /** Owners to ask, in order (the successors after K), all at `ownerDepth`; `ownerAt`: the next. */
  owners: number[] = [];
  ownerDepth = 0;
  ownerAt = 0;
  /** Successors after K named by a node whose list covers K (used when the candidates run out). */
  backups: number[] = [];
  backupDepth = 0;
  backupFrom = Infinity;
  /** Depth of the node that named the owners. */
  namerDepth = -1;
  path: number[] = [];
  open = true;
  /** What its requests' replies and timeouts go to. */
  owner: RequestOwner | null = null;
  /** Recursive: the lookup as its origin forwarded it (what the origin knows when it hears nothing back). */
  leg: Leg | null = null;

  constructor(
    readonly id: number, readonly origin: number, readonly key: number, readonly item: number,
    readonly purpose: Purpose, readonly finger: number, readonly start: number, readonly done: LookupDone | null,
  ) {}
}

export class Chord implements DhtProtocol, RequestOwner {
  readonly name = 'chord' as const;
  readonly r: number;
  readonly levels: number;
  succ: Int32Array = new Int32Array(0);
  succCount: Uint8Array = new Uint8Array(0);
  pred: Int32Array = new Int32Array(0);
  fingers: Int32Array = new Int32Array(0);
  private readonly lookups = new Map<number, ChordLookup>();
  private nextLookup = 0;
  /** Recursive lookups this thread's nodes forwarded, awaiting the next node's acknowledgement, by number. */
  private readonly legs = new Map<number, Leg>();
  private nextLeg = 0;
  private readonly recursive: boolean;
  private readonly hop: RequestOwner;
  private readonly t: Record<string, MessageType>;
  private readonly tickKind: number;
  private readonly fixKind: number;
  private readonly deadlineKind: number;

  constructor(private readonly core: DhtCore, capacity: number) {
    const spec = core.spec.chord;
    this.r = spec.successors;
    this.levels = fingerLevels(core.space.bits, capacity);
    this.recursive = spec.lookup === 'recursive';
    const shared = core.tables;
    if (shared) {
      this.succ = shared.succ as Int32Array; this.succCount = shared.succCount as Uint8Array;
      this.pred = shared.pred as Int32Array; this.fingers = shared.fingers as Int32Array;
    } else this.grow(capacity);
    const net = core.net, sim = core.ctx.sim;
    this.t = {
      find: net.type('chord/find', (at, from, slot) => this.onFind(at, from, slot)),
      found: net.replyType('chord/found'),
      get: net.type('chord/get', (at, from, slot) => this.onGet(at, from, slot)),
      record: net.replyType('chord/record', undefined, true),
      forward: net.type('chord/forward', (at, from, slot) => this.onForward(at, from, slot)),
      ack: net.replyType('chord/ack'),
      result: net.type('chord/result', (at, _from, slot) => this.onResult(at, slot)),
      stabilize: net.type('chord/stabilize', (at, from, slot) => this.onStabilize(at, from, slot)),
      stabilizeReply: net.replyType('chord/stabilize-reply'),
      notify: net.type('chord/notify', (at, from) => this.onNotify(at, from)),
      hint: net.type('chord/hint', (at, _from, slot) => this.onHint(at, slot)),
      ping: net.type('chord/ping', (at, from, slot) => this.net.send(at, from, this.t.pong, net.replyTo(slot, 0, 0))),
      pong: net.replyType('chord/pong'),
      store: net.type('chord/store', (at, from, slot) => this.onStore(at, from, slot)),
      stored: net.replyType('chord/stored'),
      handover: net.type('chord/handover', (at, _from, slot) => this.onHandover(at, slot)),
    };
    // A hop's acknowledgement counts as the lookup's when sent (onForward).
    this.hop = {
      onReply: (number) => { this.legs.delete(number); },
      onTimeout: (number, at, target) => this.onHopTimeout(number, at, target),
    };
    this.tickKind = sim.registerKind('chord/stabilize-tick', (p, _s, gen) => this.tick(p, gen));
    this.fixKind = sim.registerKind('chord/fix-fingers-tick', (p, _s, gen) => this.fixTick(p, gen));
    this.deadlineKind = sim.registerKind('chord/deadline', (_p, _s, id) => {
      const l = this.lookups.get(id);
      if (l) this.end(l, l.leg!, false, -1);
    });
  }

  private get net() { return this.core.net; }
  private get ids() { return this.core.ids; }
  private get space() { return this.core.space; }

  grow(capacity: number): void {
    if (this.core.tables) return; // shared, with room for every peer id of the run
    this.succ = grown(this.succ, capacity * this.r, -1);
    this.succCount = grown(this.succCount, capacity);
    this.pred = grown(this.pred, capacity, -1);
    this.fingers = grown(this.fingers, capacity * this.levels, -1);
  }

  // ---- tables ---------------------------------------------------------------------------

  buildIdeal(sorted: Int32Array): void {
    const n = sorted.length, ids = this.ids, r = this.r, F = this.levels, space = this.space;
    for (let i = 0; i < n; i++) {
      const p = sorted[i];
      if (!this.core.own(p)) continue;
      this.pred[p] = n > 1 ? sorted[(i - 1 + n) % n] : -1;
      const count = Math.min(r, Math.max(1, n - 1));
      for (let j = 0; j < count; j++) this.succ[p * r + j] = sorted[(i + 1 + j) % n];
      this.succCount[p] = count;
    }
    // Finger j of the peer at sorted position i is the first peer at or after ID + 2^(bits − F + j):
    // the starts grow with i, so one pointer sweeps the ring (twice round, for the wrap) per level.
    const sid = Float64Array.from(sorted, (p) => ids[p]);
    const at = (q: number) => (q < n ? sid[q] : sid[q - n] + space.size);
    for (let j = 0; j < F; j++) {
      const span = twoTo(space.bits - F + j);
      let q = 0;
      for (let i = 0; i < n; i++) {
        const start = sid[i] + span;
        if (q < i) q = i;
        while (q < i + n && at(q) < start) q++;
        if (this.core.own(sorted[i])) this.fingers[sorted[i] * F + j] = sorted[q % n];
      }
    }
  }

  publish(records: Records, sorted: Int32Array): void {
    const n = sorted.length, c = records.copies, expires = this.core.ctx.sim.now + records.lifetime;
    if (n === 0) return;
    for (let item = 0; item < records.items; item++) {
      const at = firstAtOrAfter(sorted, this.ids, records.keys[item]);
      const holders = this.core.data!.holdersOf(item);
      for (let j = 0; j < Math.min(c, n); j++) {
        for (let h = 0; h < holders.length; h++) records.put(sorted[(at + j) % n], item, holders[h], expires);
      }
    }
  }

  publishItem(holder: number, item: number): void {
    this.startLookup(holder, this.core.records!.keys[item], item, Purpose.Publish, -1, null);
  }

  /** `holder` stores its pointer for `item` on the key's owner and its successors (`owners`, r at most). */
  private store(holder: number, item: number, owners: number[]): void {
    const records = this.core.records!, key = records.keys[item], net = this.net;
    const n = Math.min(this.r, owners.length);
    for (let j = 0; j < n; j++) {
      const q = owners[j];
      if (q === holder) records.put(holder, item, holder, this.core.ctx.sim.now + records.lifetime);
      // Field 4: 2 × item + 1 for a copy on a successor, + 0 for the owner's.
      else net.ask(holder, q, this.t.store, key, 2 * item + (j > 0 ? 1 : 0), this, STORE, true, (slot) => net.list(slot, holder));
    }
  }

  /**
   * A store. One sent to the key's owner that finds the key before its predecessor (the
   * publisher's lookup saw the ring before peers joined in between) is passed on to that
   * predecessor, until it reaches the owner.
   */
  private onStore(at: number, from: number, slot: number): void {
    const net = this.net, records = this.core.records, aux = net.auxOf(slot), item = aux >> 1, holder = net.peerOf(slot, 0);
    net.send(at, from, this.t.stored, net.replyTo(slot, 0, 0));
    if (!records) return;
    records.put(at, item, holder, this.core.ctx.sim.now + records.lifetime);
    const pr = this.pred[at], key = records.keys[item];
    if ((aux & 1) === 0 && pr >= 0 && pr !== at && this.core.joined[at] === 1 && !this.space.inHalfOpen(key, this.ids[pr], this.ids[at])) {
      net.ask(at, pr, this.t.store, key, 2 * item, this, STORE, true, (s2) => net.list(s2, holder));
    }
  }

  /**
   * Pointers in flight to a new predecessor, by handover number (the message carries them:
   * item, holder, expiry, in threes). In a split run a thread numbers its handovers
   * `me`, `me + threads`, ... and `handoverOut` takes those to another thread's peer, which
   * gets them before the message arrives (`receiveHandover`, split.ts).
   */
  private readonly handovers = new Map<number, number[]>();
  private nextHandover = 0;
  handoverStep = 1;
  handoverOut: ((to: number, id: number, entries: number[]) => boolean) | null = null;

  /** Starts the numbering one further (a split run's thread `me` starts at me). */
  skipHandoverNumber(): void {
    this.nextHandover++;
  }

  receiveHandover(id: number, entries: number[]): void {
    this.handovers.set(id, entries);
  }

  /**
   * `s` has a new predecessor `p` (its old one `old`, −1: none known): it sends p every
   * pointer it stores for a key in (old, p], the keys p now owns (with no old predecessor,
   * every key outside (p, s]). s keeps its copies: it is one of those keys' successors.
   */
  private handOver(s: number, p: number, old: number): void {
    const records = this.core.records;
    if (!records) return;
    const now = this.core.ctx.sim.now, ps = this.ids[p], ss = this.ids[s], entries: number[] = [];
    const known = old >= 0 && old !== s && old !== p, os = known ? this.ids[old] : 0;
    records.forEach(s, now, (item, holder, expires) => {
      const key = records.keys[item];
      if (known ? this.space.inHalfOpen(key, os, ps) : !this.space.inHalfOpen(key, ps, ss)) entries.push(item, holder, expires);
    });
    if (entries.length === 0) return;
    const id = this.nextHandover;
    this.nextHandover += this.handoverStep;
    if (this.handoverOut === null || !this.handoverOut(p, id, entries)) this.handovers.set(id, entries);
    this.net.send(s, p, this.t.handover, this.net.oneWay(0, id, true), entries.length / 3);
  }

  private onHandover(at: number, slot: number): void {
    const id = this.net.auxOf(slot), entries = this.handovers.get(id), records = this.core.records;
    this.handovers.delete(id);
    if (!entries || !records) return;
    for (let i = 0; i < entries.length; i += 3) records.put(at, entries[i], entries[i + 1], entries[i + 2]);
  }

  private scratch = new Int32Array(0);
  /** Scratch: the fingers a reply names. */
  private readonly near: number[] = [];

  routingEntries(p: number): number {
    const F = this.levels;
    if (this.scratch.length < F + 1) this.scratch = new Int32Array(F + 1);
    const s = this.scratch;
    let k = 0;
    if (this.succCount[p] > 0) s[k++] = this.succ[p * this.r];
    for (let j = 0; j < F; j++) { const f = this.fingers[p * F + j]; if (f >= 0 && f !== p) s[k++] = f; }
    // Distinct entries moved to the front of the scratch (no sort, no subarray: this runs once per peer).
    let distinct = 0;
    for (let i = 0; i < k; i++) {
      const v = s[i];
      let j = 0;
      while (j < distinct && s[j] !== v) j++;
      if (j === distinct) s[distinct++] = v;
    }
    return distinct;
  }

  extraEntries(p: number): number {
    return this.succCount[p];
  }

  private successor(p: number): number {
    return this.succCount[p] > 0 ? this.succ[p * this.r] : -1;
  }

  /** Removes `q` from `p`'s successor list and fingers (it did not answer in time). */
  private forget(p: number, q: number): void {
    const r = this.r, base = p * r;
    let k = 0;
    for (let j = 0; j < this.succCount[p]; j++) { const s = this.succ[base + j]; if (s !== q) this.succ[base + k++] = s; }
    for (let j = k; j < this.succCount[p]; j++) this.succ[base + j] = -1;
    this.succCount[p] = k;
    const F = this.levels;
    for (let j = 0; j < F; j++) if (this.fingers[p * F + j] === q) this.fingers[p * F + j] = -1;
    if (this.pred[p] === q) this.pred[p] = -1;
  }

  /** Sets `p`'s successor list to `first` followed by `rest` (without p, without repeats), r at most. */
  private setSuccessors(p: number, first: number, rest: ArrayLike<number>): void {
    const r = this.r, base = p * r;
    let k = 0;
    const add = (q: number) => {
      if (q < 0 || q === p || k >= r) return;
      for (let j = 0; j < k; j++) if (this.succ[base + j] === q) return;
      this.succ[base + k++] = q;
    };
    add(first);
    for (let j = 0; j < rest.length; j++) add(rest[j]);
    for (let j = k; j < r; j++) this.succ[base + j] = -1;
    this.succCount[p] = k;
  }

  /**
   * Up to `max` of `c`'s fingers (and its successor) strictly between c and K, closest to K
   * first: the paper's closest preceding finger, then the next best.
   */
  private closestPreceding(c: number, key: number, max: number, out: number[]): void {
    const F = this.levels, ids = this.ids, space = this.space, cid = ids[c], fingers = this.fingers;
    // Scanned from the farthest finger that can precede K down, the ones in (c, K) usually
    // come closest to K first; a table out of order (joins, repairs) is sorted. f is in
    // (c, K) when its clockwise distance from c is positive and below K's.
    const toKey = space.ring(cid, key);
    const top = Math.min(F - 1, IdSpace.bitLength(toKey) - 1 - (space.bits - F));
    let last = -1, ordered = true, prev = -1;
    for (let j = top; j >= -1 && out.length < max; j--) {
      const f = j >= 0 ? fingers[c * F + j] : this.successor(c);
      if (f < 0 || f === c || f === last) continue;
      const fromC = space.ring(cid, ids[f]);
      if (fromC === 0 || fromC >= toKey || out.includes(f)) continue;
      const d = toKey - fromC;
      if (prev >= 0 && d < prev) ordered = false;
      prev = d; last = f;
      out.push(f);
    }
    if (!ordered) out.sort((a, b) => space.ring(ids[a], key) - space.ring(ids[b], key));
  }

  /** Whether `c` knows it owns K (K in (predecessor, c]). */
  private owns(c: number, key: number): boolean {
    const p = this.pred[c];
    if (this.core.joined[c] !== 1) return false;
    if (p < 0) return this.succCount[c] === 0 || this.successor(c) === c;
    return this.space.inHalfOpen(key, this.ids[p], this.ids[c]);
  }

  // ---- lookups --------------------------------------------------------------------------

  lookupItem(origin: number, item: number, done: LookupDone): void {
    const key = this.core.records!.keys[item];
    this.startLookup(origin, key, item, Purpose.Item, -1, done);
  }

  /** Finds `key`'s owner from `origin` (iterative), asking the owner so that only a live one counts (tests). */
  lookupOwner(origin: number, key: number, done: LookupDone): void {
    this.startLookup(origin, key, -1, Purpose.Nodes, -1, done);
  }

  private startLookup(origin: number, key: number, item: number, purpose: Purpose, finger: number, done: LookupDone | null, via = -1): ChordLookup {
    const l = new ChordLookup(this.nextLookup++, origin, key, item, purpose, finger, this.core.ctx.sim.now, done);
    l.owner = this.requestOwner(l);
    this.lookups.set(l.id, l);
    if (purpose === Purpose.Nodes && this.owns(origin, key)) {
      this.finish(l, true, 0, origin);
      return l;
    }
    if (purpose === Purpose.Publish && this.owns(origin, key)) {
      l.owners = [origin, ...Array.from(this.succ.subarray(origin * this.r, origin * this.r + this.succCount[origin]))];
      this.finish(l, true, 0);
      return l;
    }
    if (purpose === Purpose.Item && this.owns(origin, key)) {
      const holders = this.core.records!.holders(origin, item, this.core.ctx.sim.now);
      if (holders.length > 0) { this.finish(l, anyLive(holders, othersAlive(this.core)), 0); return l; }
    }
    if (purpose === Purpose.Item && this.recursive) {
      this.core.ctx.sim.at(l.start + RECURSIVE_DEADLINE * this.core.spec.timeout, this.deadlineKind, origin, origin, l.id);
      l.leg = new Leg(l.id, origin, key, item, []);
      this.route(l.leg, origin, 0, false, 0);
      return l;
    }
    if (via >= 0) {
      this.addCandidates(l, [via], 1);
    } else {
      // The origin's own knowledge is the first reply, at depth 0.
      const succ = this.successor(origin);
      if (succ >= 0 && succ !== origin && this.space.inHalfOpen(key, this.ids[origin], this.ids[succ])) {
        l.namerDepth = 0;
        l.owners = Array.from(this.succ.subarray(origin * this.r, origin * this.r + this.succCount[origin]));
        l.ownerDepth = 1;
        this.nextStep(l);
        return l;
      }
      // The origin's best fingers, as a reply would name them; all its other fingers and its
      // successors before K are its fallbacks.
      const near: number[] = [];
      this.closestPreceding(origin, key, this.levels + 1, near);
      this.addCandidates(l, near.length > SUGGESTIONS ? near.slice(0, SUGGESTIONS) : near, 1);
      for (let j = SUGGESTIONS; j < near.length; j++) l.fallbacks.push(near[j], 1);
      for (const q of this.successorsBefore(origin, key)) l.fallbacks.push(q, 1);
      this.coverBackups(l, origin, 0);
    }
    this.nextStep(l);
    return l;
  }

  /** Inserts suggestions (depth `depth`) among the candidates, keeping them closest to K first. */
  private addCandidates(l: ChordLookup, peers: number[], depth: number): void {
    for (const q of peers) this.addCandidate(l, q, depth);
  }

  private addCandidate(l: ChordLookup, q: number, depth: number): void {
    if (q === l.origin) return;
    const d = this.space.ring(this.ids[q], l.key);
    let i = l.cand.length;
    while (i > 0 && l.candDist[i - 1] >= d) {
      // Equal distance, same ID: the same peer.
      if (l.candDist[i - 1] === d) return;
      i--;
    }
    // Insert at i by hand: splice would allocate the (empty) array it returns.
    const { cand, candDist, candDepth, candAsked } = l;
    cand.push(q); candDist.push(d); candDepth.push(depth); candAsked.push(0);
    for (let j = cand.length - 1; j > i; j--) {
      cand[j] = cand[j - 1]; candDist[j] = candDist[j - 1]; candDepth[j] = candDepth[j - 1]; candAsked[j] = candAsked[j - 1];
    }
    cand[i] = q; candDist[i] = d; candDepth[i] = depth; candAsked[i] = 0;
  }

  /** `c`'s successor-list entries strictly between c and K (routing fallbacks, after its fingers). */
  private successorsBefore(c: number, key: number): number[] {
    const out: number[] = [], base = c * this.r, cid = this.ids[c];
    for (let j = 0; j < this.succCount[c]; j++) {
      const s = this.succ[base + j];
      if (s !== c && this.space.inOpen(this.ids[s], cid, key)) out.push(s);
    }
    return out;
  }

  /**
   * The first finger not asked yet, else the closest fallback, made a candidate; −1 when none
   * is left. Once a node whose successor list covers K has named owners, only candidates
   * closer to K than it are worth asking (a closer predecessor); the others lead back to it.
   */
  private nextCandidate(l: ChordLookup): number {
    for (let i = 0; i < l.cand.length; i++) if (l.candAsked[i] === 0 && l.candDist[i] < l.backupFrom) return i;
    let best = -1, bestDist = Infinity;
    const f = l.fallbacks;
    for (let j = 0; j < f.length; j += 2) {
      if (f[j] < 0 || l.cand.includes(f[j])) { f[j] = -1; continue; }
      const d = this.space.ring(this.ids[f[j]], l.key);
      if (d < bestDist && d < l.backupFrom) { best = j; bestDist = d; }
    }
    if (best < 0) return -1;
    const q = f[best], depth = f[best + 1];
    f[best] = -1;
    this.addCandidates(l, [q], depth);
    return l.cand.indexOf(q);
  }

  /** When `c`'s successor list covers K, its successors after K become the fallback owners. */
  private coverBackups(l: ChordLookup, c: number, depth: number): void {
    const n = this.succCount[c], base = c * this.r, ids = this.ids, space = this.space;
    if (n === 0) return;
    const distance = space.ring(ids[c], l.key);
    if (distance >= l.backupFrom) return;
    let first = -1;
    for (let j = 0; j < n; j++) if (space.inHalfOpen(l.key, ids[c], ids[this.succ[base + j]])) { first = j; break; }
    if (first < 0) return;
    l.backups = Array.from(this.succ.subarray(base + first, base + n));
    l.backupDepth = depth + 1;
    l.backupFrom = distance;
  }

  /** Asks the next candidate, or the next owner; ends the lookup when none is left. */
  private nextStep(l: ChordLookup): void {
    if (!l.open) return;
    const net = this.net, maint = l.purpose !== Purpose.Item;
    if (l.namerDepth < 0) {
      const i = this.nextCandidate(l);
      if (i >= 0) {
        l.candAsked[i] = 1;
        l.messages++;
        l.bytes += net.ask(l.origin, l.cand[i], this.t.find, l.key, 0, l.owner!, l.candDepth[i], maint);
        return;
      }
      if (l.backups.length === 0) { this.finish(l, false, -1); return; }
      l.owners = l.backups;
      l.ownerDepth = l.backupDepth;
      l.namerDepth = l.backupDepth - 1;
    }
    if (l.purpose === Purpose.Publish) { this.finish(l, l.owners.length > 0, l.ownerDepth); return; }
    if (l.purpose === Purpose.Join || l.purpose === Purpose.Upkeep) {
      const owner = l.owners.find((q) => q !== l.origin);
      this.finish(l, owner !== undefined, l.ownerDepth, owner);
      return;
    }
    while (l.ownerAt < l.owners.length && l.owners[l.ownerAt] === l.origin) l.ownerAt++;
    if (l.ownerAt >= l.owners.length) { this.finish(l, false, -1); return; }
    l.messages++;
    l.bytes += net.ask(l.origin, l.owners[l.ownerAt++], this.t.get, l.key, l.item, l.owner!, l.ownerDepth, maint);
  }

  private onFind(at: number, from: number, slot: number): void {
    const net = this.net, key = net.keyOf(slot);
    const out = net.replyTo(slot, key, 0);
    const succ = this.successor(at);
    if (this.core.joined[at] === 1 && succ >= 0 && this.space.inHalfOpen(key, this.ids[at], this.ids[succ])) {
      net.pool.data[out * net.pool.stride + 4] = 1;
      for (let j = 0; j < this.succCount[at]; j++) net.list(out, this.succ[at * this.r + j]);
    } else if (this.core.joined[at] === 1) {
      const near = this.near;
      near.length = 0;
      this.closestPreceding(at, key, SUGGESTIONS, near);
      for (let j = 0; j < near.length; j++) net.list(out, near[j]);
      // Field 4 of a non-final reply: 2 × the fingers listed + 64 × the successors before K
      // listed next (fallbacks); the rest are the successors after K (in list order, the
      // successors before K come first).
      const n = this.succCount[at], base = at * this.r, cid = this.ids[at], toKey = this.space.ring(cid, key);
      // When the last successor comes before K, all do (the list is in ring order): no need
      // to read each one's ID.
      const covers = n > 0 && this.space.ring(cid, this.ids[this.succ[base + n - 1]]) >= toKey;
      let before = 0;
      for (let j = 0; j < n; j++) {
        const s = this.succ[base + j];
        if (s === at) continue;
        if (covers) { const d = this.space.ring(cid, this.ids[s]); if (d === 0 || d >= toKey) continue; }
        net.list(out, s);
        before++;
      }
      net.pool.data[out * net.pool.stride + 4] = 2 * near.length + 64 * before;
      if (covers) {
        for (let j = 0; j < n; j++) {
          const s = this.succ[base + j], d = this.space.ring(cid, this.ids[s]);
          if (d >= toKey || d === 0) net.list(out, s);
        }
      }
    }
    net.send(at, from, this.t.found, out);
  }

  private onGet(at: number, from: number, slot: number): void {
    const net = this.net, item = net.auxOf(slot);
    const holders = item >= 0 && this.core.records !== null ? this.core.records.holders(at, item, this.core.ctx.sim.now) : [];
    // Field 4: the holders it names (0: no record).
    const out = net.replyTo(slot, net.keyOf(slot), holders.length);
    for (const h of holders) net.list(out, h);
    net.send(at, from, this.t.record, out, holders.length);
  }

  /** The upkeep requests' replies (a lookup's go to the lookup: `requestOwner`). */
  onReply(tag: number, at: number, from: number, slot: number): void {
    if (tag === STABILIZE) this.onStabilizeReply(at, from, slot);
  }

  /** What waits for a lookup's requests: the lookup itself (the tag is the asked node's depth). */
  private requestOwner(l: ChordLookup): RequestOwner {
    return {
      onReply: (depth, _at, from, slot) => this.onLookupReply(l, depth, from, slot),
      onTimeout: () => this.onLookupTimeout(l),
      charge: (_tag, bytes) => { l.messages++; l.bytes += bytes; },
    };
  }

  private onLookupReply(l: ChordLookup, depth: number, from: number, slot: number): void {
    if (!l.open) return;
    const net = this.net;
    if (l.namerDepth < 0) {
      l.path.push(from);
      const aux = net.auxOf(slot), count = net.countOf(slot);
      if (aux === 1) {
        const owners: number[] = [];
        for (let j = 0; j < count; j++) owners.push(net.peerOf(slot, j));
        l.namerDepth = depth;
        l.owners = owners;
        l.ownerDepth = depth + 1;
      } else {
        const suggestions = (aux >> 1) & 31, before = aux >> 6;
        for (let j = 0; j < suggestions; j++) this.addCandidate(l, net.peerOf(slot, j), depth + 1);
        for (let j = suggestions; j < suggestions + before; j++) l.fallbacks.push(net.peerOf(slot, j), depth + 1);
        const distance = this.space.ring(this.ids[from], l.key);
        if (count > suggestions + before && distance < l.backupFrom) {
          const after: number[] = [];
          for (let j = suggestions + before; j < count; j++) after.push(net.peerOf(slot, j));
          l.backups = after; l.backupDepth = depth + 1; l.backupFrom = distance;
        }
      }
      this.nextStep(l);
      return;
    }
    // A record reply from an owner.
    l.path.push(from);
    if (l.purpose === Purpose.Nodes) { this.finish(l, true, l.ownerDepth, from); return; }
    if (net.auxOf(slot) > 0 && this.listedLive(slot, 0)) { this.finish(l, true, l.ownerDepth); return; }
    this.nextStep(l);
  }

  /** Whether a holder listed in `slot` from position `from` on is alive (the origin checks the record's holders). */
  private listedLive(slot: number, from: number): boolean {
    const net = this.net, alive = othersAlive(this.core);
    for (let j = from; j < net.countOf(slot); j++) if (alive[net.peerOf(slot, j)] === 1) return true;
    return false;
  }

  onTimeout(tag: number, at: number, target: number): void {
    if (tag === STABILIZE || tag === STORE) { this.forget(at, target); return; }
    if (tag === PING && this.pred[at] === target) this.pred[at] = -1;
  }

  private onLookupTimeout(l: ChordLookup): void {
    if (!l.open) return;
    l.timeouts++;
    if (this.core.ctx.peers.alive[l.origin] !== 1) { this.finish(l, false, -1); return; }
    this.nextStep(l);
  }

  private finish(l: ChordLookup, success: boolean, hops: number, owner = -1): void {
    if (!l.open) return;
    l.open = false;
    this.lookups.delete(l.id);
    if (l.purpose === Purpose.Join) this.joined(l.origin, success ? l.owners : null);
    else if (l.purpose === Purpose.Publish && success && this.core.ctx.peers.alive[l.origin] === 1) this.store(l.origin, l.item, l.owners);
    else if (l.purpose === Purpose.Upkeep && success && owner >= 0) this.fingers[l.origin * this.levels + l.finger] = owner;
    if (!l.done) return;
    const outcome: LookupOutcome = {
      success,
      hops: success ? hops : -1,
      predecessorHops: success && hops > 0 ? hops - 1 : -1,
      rounds: -1,
      messages: l.messages,
      bytes: l.bytes,
      timeouts: l.timeouts,
      latency: this.core.ctx.sim.now - l.start,
      path: l.path,
      closest: l.purpose === Purpose.Nodes && success ? [owner] : undefined,
    };
    l.done(outcome);
  }

  // ---- recursive lookups ----------------------------------------------------------------

  /**
   * Node `n` handles a recursive lookup `leg` (at `depth` on the path): answers the origin
   * when it stores the record, else forwards it one hop. `toOwner`: n was sent the lookup as
   * K's owner (or a successor holding a copy), `copies` successors are left to try after it.
   */
  private route(leg: Leg, n: number, depth: number, toOwner: boolean, copies: number): void {
    const records = this.core.records!;
    if ((n !== leg.origin || toOwner) && leg.path.length < MAX_PATH) leg.path.push(n);
    leg.depth = depth;
    if (records.stores(n, leg.item, this.core.ctx.sim.now)) { this.answerOrigin(leg, n, true); return; }
    if (toOwner) {
      if (copies <= 0) { this.answerOrigin(leg, n, false); return; }
      leg.toOwner = true; leg.copiesLeft = copies - 1;
      const s = this.successor(n);
      if (s < 0 || s === leg.origin) { this.answerOrigin(leg, n, false); return; }
      this.forwardTo(leg, n, s);
      return;
    }
    this.forwardNext(leg, n);
  }

  /** Forwards from `n` to its successor when that owns K, else to its closest preceding finger. */
  private forwardNext(leg: Leg, n: number): void {
    const s = this.successor(n);
    if (s >= 0 && s !== n && this.space.inHalfOpen(leg.key, this.ids[n], this.ids[s])) {
      leg.toOwner = true; leg.copiesLeft = this.r - 1;
      this.forwardTo(leg, n, s);
      return;
    }
    const near: number[] = [];
    this.closestPreceding(n, leg.key, 1, near);
    // A dead end: n knows no node closer to K, and says so to the origin.
    if (near.length === 0) { this.answerOrigin(leg, n, false); return; }
    leg.toOwner = false;
    this.forwardTo(leg, n, near[0]);
  }

  /** Sends the lookup on from `n` to `next`, keeping it until `next` acknowledges (or times out). */
  private forwardTo(leg: Leg, n: number, next: number): void {
    const net = this.net, number = this.nextLeg++;
    this.legs.set(number, leg);
    leg.messages++;
    leg.bytes += net.bytesOf(this.t.forward, 0);
    net.ask(n, next, this.t.forward, leg.key, leg.id, this.hop, number, false, (slot) => {
      net.list(slot, leg.origin); net.list(slot, leg.depth + 1); net.list(slot, leg.toOwner ? 1 + leg.copiesLeft : 0);
      net.list(slot, leg.item); net.list(slot, leg.messages); net.list(slot, leg.bytes); net.list(slot, leg.timeouts);
      for (const p of leg.path) net.list(slot, p);
    });
  }

  private onForward(at: number, from: number, slot: number): void {
    const net = this.net;
    const depth = net.peerOf(slot, 1), owner = net.peerOf(slot, 2);
    const path: number[] = [];
    for (let j = FORWARD_FIELDS; j < net.countOf(slot); j++) path.push(net.peerOf(slot, j));
    const leg = new Leg(net.auxOf(slot), net.peerOf(slot, 0), net.keyOf(slot), net.peerOf(slot, 3), path);
    leg.messages = net.peerOf(slot, 4); leg.bytes = net.peerOf(slot, 5); leg.timeouts = net.peerOf(slot, 6);
    // The acknowledgement counts as the lookup's as it leaves (whether or not it arrives).
    leg.messages++;
    leg.bytes += net.send(at, from, this.t.ack, net.replyTo(slot, 0, 0));
    this.route(leg, at, depth, owner > 0, owner - 1);
  }

  private onHopTimeout(number: number, at: number, target: number): void {
    const leg = this.legs.get(number);
    this.legs.delete(number);
    this.forget(at, target);
    if (!leg || this.core.ctx.peers.alive[at] !== 1) return;
    leg.timeouts++;
    if (leg.toOwner) {
      const s = this.successor(at);
      if (s < 0 || leg.copiesLeft <= 0) { this.answerOrigin(leg, at, false); return; }
      leg.copiesLeft--;
      this.forwardTo(leg, at, s);
      return;
    }
    this.forwardNext(leg, at);
  }

  /** `n` tells the origin the lookup's end: the record's holders (`found`), or that it failed. */
  private answerOrigin(leg: Leg, n: number, found: boolean): void {
    const holders = found ? this.core.records!.holders(n, leg.item, this.core.ctx.sim.now) : [];
    if (n === leg.origin) {
      const l = this.lookups.get(leg.id);
      if (l) this.end(l, leg, found && anyLive(holders, othersAlive(this.core)), leg.depth);
      return;
    }
    const net = this.net;
    const out = net.oneWay(leg.key, leg.id, false);
    net.list(out, leg.depth); net.list(out, found ? 1 : 0);
    net.list(out, leg.messages + 1); net.list(out, leg.bytes + net.bytesOf(this.t.result, holders.length)); net.list(out, leg.timeouts);
    net.list(out, leg.path.length);
    for (const p of leg.path) net.list(out, p);
    for (const h of holders) net.list(out, h);
    net.send(n, leg.origin, this.t.result, out, holders.length);
  }

  private onResult(at: number, slot: number): void {
    const net = this.net;
    const l = this.lookups.get(net.auxOf(slot));
    if (!l || !l.open || l.origin !== at) return;
    const paths = net.peerOf(slot, 5);
    const leg = new Leg(l.id, l.origin, l.key, l.item, []);
    for (let j = 0; j < paths; j++) leg.path.push(net.peerOf(slot, RESULT_FIELDS + j));
    leg.messages = net.peerOf(slot, 2); leg.bytes = net.peerOf(slot, 3); leg.timeouts = net.peerOf(slot, 4);
    this.end(l, leg, net.peerOf(slot, 1) === 1 && this.listedLive(slot, RESULT_FIELDS + paths), net.peerOf(slot, 0));
  }

  /** Ends recursive lookup `l` with what `leg` counted on its way. */
  private end(l: ChordLookup, leg: Leg, success: boolean, hops: number): void {
    l.messages = leg.messages; l.bytes = leg.bytes; l.timeouts = leg.timeouts; l.path = leg.path;
    this.finish(l, success, hops);
  }

  // ---- joining and upkeep ---------------------------------------------------------------

  join(p: number): void {
    const r = this.r, F = this.levels;
    this.succ.fill(-1, p * r, (p + 1) * r);
    this.succCount[p] = 0;
    this.pred[p] = -1;
    this.fingers.fill(-1, p * F, (p + 1) * F);
    this.core.joined[p] = 0;
    const b = bootstrapPeer(this.core, p);
    if (b < 0) { this.joined(p, [p]); return; }
    this.startLookup(p, this.ids[p], -1, Purpose.Join, -1, null, b);
  }

  /** `p`'s join lookup ended: `owners` are its successors (null: it failed, p retries at its next tick). */
  private joined(p: number, owners: number[] | null): void {
    if (this.core.ctx.peers.alive[p] !== 1) return;
    if (owners === null) return;
    const rest = owners.filter((q) => q !== p);
    if (rest.length === 0 && owners[0] === p) { this.succ[p * this.r] = p; this.succCount[p] = 1; }
    else this.setSuccessors(p, rest[0] ?? -1, rest.slice(1));
    this.core.joined[p] = 1;
    this.stabilize(p);
    this.fixFingers(p);
    this.core.onJoined?.(p);
  }

  startUpkeep(p: number): void {
    const gen = ++this.core.upkeep[p];
    const spec = this.core.spec.chord, sim = this.core.ctx.sim, rng = this.core.streams.use(p);
    if (spec.stabilize > 0) sim.at(sim.now + rng.next() * spec.stabilize, this.tickKind, p, p, gen);
    if (spec.fixFingers > 0) sim.at(sim.now + rng.next() * spec.fixFingers, this.fixKind, p, p, gen);
  }

  /** Stabilise and check the predecessor (a peer that has not joined yet tries to join again). */
  private tick(p: number, gen: number): void {
    if (gen !== this.core.upkeep[p] || this.core.ctx.peers.alive[p] !== 1) return;
    const spec = this.core.spec, sim = this.core.ctx.sim, net = this.net;
    sim.at(sim.now + spec.chord.stabilize, this.tickKind, p, p, gen);
    if (this.core.joined[p] !== 1 || this.succCount[p] === 0) {
      if (!this.joining(p)) this.join(p);
      return;
    }
    const s = this.successor(p);
    if (s === p) {
      // Alone on the ring: a predecessor that notified us becomes the successor.
      const x = this.pred[p];
      if (x >= 0 && x !== p) { this.setSuccessors(p, x, []); this.notify(p, x); }
      return;
    }
    this.stabilize(p);
    const pr = this.pred[p];
    if (pr >= 0 && pr !== p) net.ask(p, pr, this.t.ping, 0, 0, this, PING, true);
  }

  private joining(p: number): boolean {
    for (const l of this.lookups.values()) if (l.origin === p && l.purpose === Purpose.Join) return true;
    return false;
  }

  private onStabilize(at: number, from: number, slot: number): void {
    const net = this.net;
    const out = net.replyTo(slot, 0, this.pred[at]);
    for (let j = 0; j < this.succCount[at]; j++) net.list(out, this.succ[at * this.r + j]);
    net.send(at, from, this.t.stabilizeReply, out);
  }

  private onStabilizeReply(p: number, s: number, slot: number): void {
    const net = this.net, x = net.auxOf(slot);
    const list: number[] = [];
    for (let j = 0; j < net.countOf(slot); j++) list.push(net.peerOf(slot, j));
    if (x >= 0 && x !== p && this.space.inOpen(this.ids[x], this.ids[p], this.ids[s])) {
      // A closer successor: stabilise with it at once rather than a period later, so a
      // chain of peers that joined at the same place sorts itself out at network speed.
      this.setSuccessors(p, x, [s, ...list]);
      this.stabilize(p);
      return;
    }
    this.setSuccessors(p, s, list);
    this.notify(p, s);
  }

  /** Asks `p`'s successor for its predecessor and successor list. */
  private stabilize(p: number): void {
    const s = this.successor(p);
    if (s >= 0 && s !== p) this.net.ask(p, s, this.t.stabilize, 0, 0, this, STABILIZE, true);
  }

  private notify(p: number, s: number): void {
    this.net.send(p, s, this.t.notify, this.net.oneWay(0, 0, true));
  }

  private onNotify(s: number, p: number): void {
    if (this.core.joined[s] !== 1) return;
    const pr = this.pred[s];
    if (pr < 0 || pr === s || this.space.inOpen(this.ids[p], this.ids[pr], this.ids[s])) {
      this.pred[s] = p;
      this.handOver(s, p, pr);
      // OverSim's aggressive join: the old predecessor hears of the newcomer at once.
      if (pr >= 0 && pr !== s && pr !== p) {
        const out = this.net.oneWay(0, 0, true);
        this.net.list(out, p);
        this.net.send(s, pr, this.t.hint, out);
      }
    }
    if (this.successor(s) === s) this.setSuccessors(s, p, []);
  }

  /** `at`'s successor named a new predecessor `x` of its own: a closer successor for `at`. */
  private onHint(at: number, slot: number): void {
    const x = this.net.peerOf(slot, 0), s = this.successor(at);
    if (this.core.joined[at] !== 1 || s < 0 || x === at || !this.space.inOpen(this.ids[x], this.ids[at], this.ids[s])) return;
    this.setSuccessors(at, x, Array.from(this.succ.subarray(at * this.r, at * this.r + this.succCount[at])));
    this.stabilize(at);
  }

  private fixTick(p: number, gen: number): void {
    if (gen !== this.core.upkeep[p] || this.core.ctx.peers.alive[p] !== 1) return;
    const sim = this.core.ctx.sim;
    sim.at(sim.now + this.core.spec.chord.fixFingers, this.fixKind, p, p, gen);
    if (this.core.joined[p] === 1) this.fixFingers(p);
  }

  /** Refreshes each finger whose start lies past the successor by a lookup (the others are the successor). */
  private fixFingers(p: number): void {
    const F = this.levels, space = this.space, id = this.ids[p];
    const s = this.successor(p);
    for (let j = 0; j < F; j++) {
      const start = (id + twoTo(space.bits - F + j)) % space.size;
      if (s >= 0 && (s === p || space.inHalfOpen(start, id, this.ids[s]))) { this.fingers[p * F + j] = s === p ? -1 : s; continue; }
      this.startLookup(p, start, -1, Purpose.Upkeep, j, null);
    }
  }
}

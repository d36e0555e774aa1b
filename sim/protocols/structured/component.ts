/**
 * The structured overlay as one run component: draws each peer's ID from its own stream,
 * builds Chord or Kademlia (from global knowledge only with `bootstrap: ideal`; else the
 * initial peers join one by one through a bootstrap peer), joins peers that come up through
 * churn, offers the index to `dht` searches (DHT_INDEX) and adds `structured` to the results.
 * In a split run (split.ts) it acts for its thread's peers; its figures add up over the threads.
 */
import type { DataPlacement } from '../../data/placement.js';
import { CONTROLLER } from '../../engine/simulator.js';
import type { Component, SeriesWriter, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import { DHT_INDEX, type DhtIndex } from '../../services/dht-index.js';
import { Chord, RECURSIVE_LISTED, chordTables, fingerLevels } from './chord.js';
import { tableBytes, type DhtCore, type DhtProtocol, type StructuredSpec, type TableSpec, type Tables } from './core.js';
import { grown } from '../../run/grown.js';
import { dynamicsOf } from '../../dynamics/shared.js';
import { IdSpace } from './ids.js';
import { Kademlia, bucketLevels, kademliaTables } from './kademlia.js';
import { Records, type LookupOutcome } from './lookup.js';
import { DhtNet } from './net.js';
import type { StructuredResults } from './results-section.js';
import { LookupTally, type LookupTallyData } from './tally.js';
import type { TypeTally } from './net.js';

/** The protocol's per-peer routing tables for `peers` initial peers (the finger and bucket levels follow the count). */
export function routingTables(spec: StructuredSpec, peers: number): TableSpec[] {
  return spec.protocol === 'chord'
    ? chordTables(spec.chord.successors, fingerLevels(spec.bits, peers))
    : kademliaTables(spec.kademlia.k, bucketLevels(spec.bits, peers, spec.kademlia.k));
}

/** Networks up to this size carry the ring view's data in the results. */
export const RING_VIEW_PEERS = 500;
/** Extra room in a reply for suggestions besides a successor list. */
const REPLY_EXTRA = 4;

type RingLookup = NonNullable<NonNullable<StructuredResults['ring']>['lookup']>;

/** A split run's part (split.ts): this thread's peers, and figures summed over the threads. */
export interface StructuredSplitHooks {
  /** This thread's initial peers: [lo, hi) (no arrivals: split.ts refuses them). */
  lo: number;
  hi: number;
  owns(p: number): boolean;
  /** Who has joined: shared by the threads, each writing its own peers'. */
  joined: Uint8Array;
  /** The routing tables (routingTables), shared by the threads, each writing its own peers' rows. */
  tables: Tables;
  /** Tie-break of the event being processed (the first successful lookup is the earliest over the threads). */
  tie(): number;
  /** Lookups ended, and succeeded, over all threads as of the last barrier (the series). */
  ended(): { count: number; successes: number };
}

/** What the structured section adds up: everything on one thread, a thread's share in a split run. */
export interface StructuredPartial {
  started: number;
  tally: LookupTallyData;
  /** Over live joined peers: how many, their routing entries (sum, min, max), successor entries, records. */
  routing: { peers: number; sum: number; min: number; max: number; extra: number; records: number };
  lookupTally: Record<string, TypeTally>;
  maintenanceTally: Record<string, TypeTally>;
  timeouts: number;
  /** The first successful lookup (ring view): when it ended, its tie-break (split runs) and its path. */
  ring: { time: number; tie: number; lookup: RingLookup } | null;
}

export class StructuredComponent implements Component, DhtIndex {
  /** Its split form (split.ts) refuses what does not split yet. */
  readonly parallel = 'safe';

  core!: DhtCore;
  protocol!: DhtProtocol;
  readonly tally = new LookupTally();
  private started = 0;
  private ctx!: SimContext;
  private peerSeconds = 0;
  private lastSample = 0;
  private samples = 0;
  private ring: StructuredPartial['ring'] = null;
  /** Called as each lookup ends (tests). */
  onLookupEnd: ((origin: number, item: number, outcome: LookupOutcome) => void) | null = null;

  constructor(private readonly spec: StructuredSpec, private readonly split: StructuredSplitHooks | null = null) {}

  /** Whether this thread acts for peer `p` (always, on one thread). */
  private own(p: number): boolean {
    return this.split === null || this.split.owns(p);
  }

  start(ctx: SimContext): void {
    this.ctx = ctx;
    const spec = this.spec, n = ctx.peers.count;
    const space = new IdSpace(spec.bits);
    // A recursive Chord lookup's messages carry its path and counters too (chord.ts).
    const maxListed = Math.max(spec.chord.successors + REPLY_EXTRA, spec.kademlia.k)
      + (spec.protocol === 'chord' && spec.chord.lookup === 'recursive' ? RECURSIVE_LISTED : 0);
    const ids = new Float64Array(Math.max(1, n)).fill(-1);
    const idStreams = ctx.peerStreams('structured/id');
    for (let p = 0; p < n; p++) ids[p] = space.draw(idStreams.use(p));
    const sorted = this.sortedPeers(ids, n, (p) => space.draw(idStreams.use(p)));
    this.core = {
      ctx, spec, space,
      net: new DhtNet(ctx, space, maxListed, spec.timeout),
      ids,
      joined: this.split?.joined ?? new Uint8Array(Math.max(1, n)),
      upkeep: new Int32Array(Math.max(1, n)),
      known: new Uint8Array(Math.max(1, n)),
      // Churn (which starts first, runRank 20) made the membership and its live snapshot.
      liveKnown: ctx.scenario.churn ? dynamicsOf(ctx).membership.snapshot : null,
      streams: ctx.peerStreams('structured'),
      records: null,
      data: null,
      onJoined: (p) => this.holderJoined(p),
      own: (p) => this.own(p),
      tables: this.split?.tables ?? null,
    };
    this.protocol = spec.protocol === 'chord' ? new Chord(this.core, n) : new Kademlia(this.core, n);
    this.sorted = sorted;
    this.tableBytes = tableBytes(routingTables(spec, n));
    ctx.services.provide(DHT_INDEX, this);

    const sim = ctx.sim;
    // Who has joined, as others may know it without a message: rebuilt at every multiple of
    // network.knowledgeRefresh (controller events: a split run's windows break there).
    const period = ctx.scenario.network.knowledgeRefresh, end = ctx.scenario.duration;
    const refresh = sim.registerKind('structured/refresh', (k) => {
      this.refreshKnown();
      if ((k + 1) * period <= end) sim.at((k + 1) * period, refresh, k + 1, CONTROLLER);
    });
    if (period <= end) sim.at(period, refresh, 1, CONTROLLER);
    if (spec.bootstrap === 'ideal') {
      this.protocol.buildIdeal(sorted);
      // In a split run each thread marks its own peers (before the first window's barrier).
      this.core.joined.fill(1, this.split?.lo ?? 0, Math.min(n, this.split?.hi ?? n));
      this.core.known.fill(1, 0, n);
      for (let p = 0; p < n; p++) if (this.own(p)) this.protocol.startUpkeep(p);
    } else {
      this.core.known[0] = 1;
      const joinKind = sim.registerKind('structured/join', (p) => {
        if (ctx.peers.alive[p] !== 1 || this.core.joined[p] === 1) return;
        this.protocol.join(p);
        this.protocol.startUpkeep(p);
      });
      // Peer 0 founds the network at time 0; the others join at random times in the window.
      for (let p = 0; p < n; p++) {
        const t = p === 0 ? 0 : this.core.streams.use(p).next() * spec.joinWindow;
        sim.forPeer(t, joinKind, p);
      }
    }
    ctx.peerArrive.push((p) => this.drawId(p, idStreams.use(p)));
    ctx.peerUp.push((p) => this.peerUp(p, idStreams.use(p)));
    // A departure is a crash (docs/structured.md): the pointers the peer stored are lost.
    ctx.peerDown.push((p) => this.core.records?.drop(p));
    this.republishKind = sim.registerKind('structured/republish', (p, _s, gen) => this.republishTick(p, gen));
    this.publishStreams = ctx.peerStreams('structured/publish');
  }

  private republishKind = 0;
  private publishStreams!: ReturnType<SimContext['peerStreams']>;
  /** Per peer: its items (as a holder), and the generation of its republish chain (a rejoin starts a new one). */
  private itemsOf = new Map<number, number[]>();
  private publishGen = new Int32Array(0);

  private sorted: Int32Array = new Int32Array(0);
  /** Bytes a peer slot of the protocol's routing tables (routingTables). */
  private tableBytes = 0;

  /** Peers 0..n−1 by ID; a peer whose ID another already has draws again. */
  private sortedPeers(ids: Float64Array, n: number, redraw: (p: number) => number): Int32Array {
    for (;;) {
      // The IDs sorted natively, then each peer placed at its ID's position (IDs are distinct).
      const sortedIds = Float64Array.from(ids.subarray(0, n)).sort();
      let clash = false;
      for (let i = 1; i < n; i++) if (sortedIds[i] === sortedIds[i - 1]) clash = true;
      if (clash) {
        const first = new Map<number, number>();
        for (let p = 0; p < n; p++) {
          if (first.has(ids[p])) ids[p] = redraw(p); else first.set(ids[p], p);
        }
        continue;
      }
      const order = new Int32Array(n);
      for (let p = 0; p < n; p++) {
        let lo = 0, hi = n - 1;
        const x = ids[p];
        while (lo < hi) { const mid = (lo + hi) >>> 1; if (sortedIds[mid] < x) lo = mid + 1; else hi = mid; }
        order[lo] = p;
      }
      return order;
    }
  }

  /** Global knowledge of who has joined: every peer's flag as it is now (all threads' peers, in a split run). */
  private refreshKnown(): void {
    const core = this.core, n = this.ctx.peers.count;
    if (core.known.length < n) core.known = new Uint8Array(Math.max(n, Math.ceil(core.known.length * 1.5)));
    core.known.set(core.joined.subarray(0, n));
  }

  /** A peer (re)joins: a brand-new one draws its ID first; all join through a bootstrap peer. */
  private peerUp(p: number, idStream: { next(): number }): void {
    this.drawId(p, idStream);
    this.protocol.join(p);
    this.protocol.startUpkeep(p);
  }

  /**
   * A brand-new peer's ID, from its own stream: drawn when it arrives, in every thread of a
   * split run (others read it once its messages reach them), or when it first comes up.
   */
  private drawId(p: number, idStream: { next(): number }): void {
    const core = this.core;
    if (p >= core.ids.length) {
      const capacity = Math.max(p + 1, core.ids.length * 2);
      core.ids = grown(core.ids, capacity, -1);
      // A split run's joined flags are shared, with room for every arrival already.
      if (p >= core.joined.length) core.joined = grown(core.joined, capacity);
      core.upkeep = grown(core.upkeep, capacity);
      this.protocol.grow(capacity);
    }
    if (core.ids[p] < 0) core.ids[p] = core.space.draw(idStream);
  }

  // ---- the index, for searches ----------------------------------------------------------

  /**
   * The holders publish their pointers. `bootstrap: ideal`: placed at once on the peers
   * responsible among the initial peers (no messages, as the ideal tables), then each holder
   * republishes every `republish` from a random phase. `join`: each holder publishes by
   * messages once it has joined, then every `republish`.
   */
  publish(data: DataPlacement): void {
    const core = this.core, spec = this.spec, n = this.ctx.peers.count;
    const copies = spec.protocol === 'chord' ? spec.chord.successors : spec.kademlia.k;
    const keys = new Float64Array(data.items);
    const rng = this.ctx.namedStream('structured/keys');
    for (let i = 0; i < keys.length; i++) keys[i] = core.space.draw(rng);
    // A split run's thread keeps only its own peers' pointers (no other thread's peer reads them).
    const records = new Records(data.items, copies, keys, spec.expiry > 0 ? spec.expiry : Infinity, (p) => this.own(p));
    core.records = records;
    core.data = data;
    for (let item = 0; item < data.items; item++) {
      for (const h of data.holdersOf(item)) {
        let list = this.itemsOf.get(h);
        if (!list) { list = []; this.itemsOf.set(h, list); }
        list.push(item);
      }
    }
    this.publishGen = grown(this.publishGen, core.ids.length);
    if (spec.bootstrap === 'ideal') {
      this.protocol.publish(records, this.sorted);
      if (spec.republish > 0) {
        const sim = this.ctx.sim;
        for (const h of this.itemsOf.keys()) {
          if (h >= n || this.ctx.peers.alive[h] !== 1 || !this.own(h)) continue;
          sim.at(sim.now + this.publishStreams.use(h).next() * spec.republish, this.republishKind, h, h, ++this.publishGen[h]);
        }
      }
      return;
    }
    for (const h of this.itemsOf.keys()) if (h < n && this.ctx.peers.alive[h] === 1 && core.joined[h] === 1 && this.own(h)) this.holderJoined(h);
  }

  /** A peer has joined: a holder publishes its items now and starts its republish chain. */
  private holderJoined(p: number): void {
    const items = this.itemsOf.get(p);
    if (!items || this.core.records === null) return;
    if (p >= this.publishGen.length) this.publishGen = grown(this.publishGen, this.core.ids.length);
    const gen = ++this.publishGen[p];
    for (const item of items) this.protocol.publishItem(p, item);
    const sim = this.ctx.sim;
    if (this.spec.republish > 0) sim.at(sim.now + this.spec.republish, this.republishKind, p, p, gen);
  }

  private republishTick(p: number, gen: number): void {
    if (gen !== this.publishGen[p] || this.ctx.peers.alive[p] !== 1) return;
    const sim = this.ctx.sim;
    sim.at(sim.now + this.spec.republish, this.republishKind, p, p, gen);
    if (this.core.joined[p] !== 1) return;
    for (const item of this.itemsOf.get(p)!) this.protocol.publishItem(p, item);
  }

  lookup(origin: number, item: number, done: Parameters<DhtIndex['lookup']>[2]): void {
    this.started++;
    this.protocol.lookupItem(origin, item, (o) => {
      this.tally.add(o);
      if (o.success && this.ring === null && o.path.length > 0 && this.ctx.peers.count <= RING_VIEW_PEERS) {
        const lookup = { origin, key: this.core.records!.keys[item] / this.core.space.size, path: o.path.slice(), owner: o.path[o.path.length - 1] };
        this.ring = { time: this.ctx.sim.now, tie: this.split?.tie() ?? 0, lookup };
      }
      this.onLookupEnd?.(origin, item, o);
      done({ success: o.success, hops: o.hops, latency: o.latency, messages: o.messages, path: o.path });
    });
  }

  // ---- results --------------------------------------------------------------------------

  sample(ctx: SimContext, write: SeriesWriter): void {
    // Live peers at each sampling instant, over the step before it (instants 0, step, 2·step, ..., the duration).
    const t = Math.min(this.samples++ * ctx.scenario.metrics.sample, ctx.scenario.duration);
    this.peerSeconds += ctx.peers.aliveCount * (t - this.lastSample);
    this.lastSample = t;
    if (this.split === null) write('dhtLookupSuccess', this.tally.successRate());
    else {
      const { count, successes } = this.split.ended();
      write('dhtLookupSuccess', count > 0 ? successes / count : null);
    }
  }

  contribute(results: Results, ctx: SimContext): void {
    results.structured = this.summary(ctx);
  }

  /** This thread's share of the figures that add up (all of them on one thread). */
  partial(ctx: SimContext = this.ctx): StructuredPartial {
    const core = this.core, net = core.net, n = ctx.peers.count;
    const routing = { peers: 0, sum: 0, min: Infinity, max: 0, extra: 0, records: 0 };
    const perPeer = core.records ? core.records.perPeer(n, ctx.sim.now) : null;
    // This thread's peers: its initial range and the arrivals dealt to it.
    for (let p = 0; p < n; p++) {
      if (!this.own(p) || ctx.peers.alive[p] !== 1 || core.joined[p] !== 1) continue;
      const e = this.protocol.routingEntries(p);
      routing.peers++; routing.sum += e; routing.extra += this.protocol.extraEntries(p);
      if (e < routing.min) routing.min = e;
      if (e > routing.max) routing.max = e;
      if (perPeer) routing.records += perPeer[p];
    }
    return {
      started: this.started, tally: this.tally.data, routing, lookupTally: net.lookupTally, maintenanceTally: net.maintenanceTally,
      timeouts: net.timeouts, ring: this.ring,
    };
  }

  summary(ctx: SimContext = this.ctx): StructuredResults {
    const spec = this.spec, core = this.core;
    const slots = Math.max(1, core.ids.length);
    const ps = this.peerSeconds;
    const section: StructuredResults = {
      protocol: spec.protocol,
      bootstrap: spec.bootstrap,
      bits: spec.bits,
      lookupMode: spec.protocol === 'chord' ? spec.chord.lookup : 'iterative',
      lookups: new LookupTally().summary(0),
      routingState: {
        peers: 0, meanEntries: null, minEntries: null, maxEntries: null, meanSuccessors: null, meanRecords: null,
        // The joined flags: one byte a slot (a split run shares them, with room for every arrival).
        // The tables have as many slots as the IDs (they grow with them; a split run's have room for all).
        bytesPerPeer: (this.tableBytes * slots + core.ids.byteLength + slots + core.upkeep.byteLength) / slots,
      },
      maintenance: { messages: 0, bytes: 0, peerSeconds: ps, messagesPerPeerPerSecond: null, bytesPerPeerPerSecond: null },
      timeouts: 0,
      messages: Object.keys(core.net.lookupTally).map((type) => {
        const size = core.net.sizes[type];
        return {
          type, size: size.perPeer > 0 ? `${size.base} + ${size.perPeer} per listed peer (${size.parts})` : `${size.base} (${size.parts})`,
          lookupMessages: 0, lookupBytes: 0, maintenanceMessages: 0, maintenanceBytes: 0,
        };
      }),
      ring: ctx.peers.count <= RING_VIEW_PEERS
        ? { positions: Array.from(core.ids.subarray(0, ctx.peers.count), (x) => x / core.space.size), lookup: null }
        : null,
    };
    fillSection(section, this.partial(ctx), core.records !== null);
    return section;
  }
}

/** The partitions' shares added up (in partition order): sums, the extremes, the earliest successful lookup. */
export function combinePartials(parts: readonly StructuredPartial[]): StructuredPartial {
  const tally = new LookupTally();
  const sumTypes = (pick: (p: StructuredPartial) => Record<string, TypeTally>) => {
    const out: Record<string, TypeTally> = {};
    for (const type of Object.keys(pick(parts[0]))) {
      out[type] = { messages: 0, bytes: 0 };
      for (const p of parts) { out[type].messages += pick(p)[type].messages; out[type].bytes += pick(p)[type].bytes; }
    }
    return out;
  };
  const routing = { peers: 0, sum: 0, min: Infinity, max: 0, extra: 0, records: 0 };
  let started = 0, timeouts = 0, ring: StructuredPartial['ring'] = null;
  for (const p of parts) {
    tally.merge(p.tally);
    started += p.started;
    timeouts += p.timeouts;
    routing.peers += p.routing.peers; routing.sum += p.routing.sum; routing.extra += p.routing.extra; routing.records += p.routing.records;
    routing.min = Math.min(routing.min, p.routing.min);
    routing.max = Math.max(routing.max, p.routing.max);
    if (p.ring && (ring === null || p.ring.time < ring.time || (p.ring.time === ring.time && p.ring.tie < ring.tie))) ring = p.ring;
  }
  return { started, tally: tally.data, routing, lookupTally: sumTypes((p) => p.lookupTally), maintenanceTally: sumTypes((p) => p.maintenanceTally), timeouts, ring };
}

/** Writes the figures that add up into `section` (its other fields as one thread, or partition 0, made them). */
export function fillSection(section: StructuredResults, part: StructuredPartial, hasRecords: boolean): void {
  const tally = new LookupTally();
  tally.merge(part.tally);
  section.lookups = tally.summary(part.started);
  const r = part.routing, rs = section.routingState, peers = r.peers;
  rs.peers = peers;
  rs.meanEntries = peers > 0 ? r.sum / peers : null;
  rs.minEntries = peers > 0 ? r.min : null;
  rs.maxEntries = peers > 0 ? r.max : null;
  rs.meanSuccessors = section.protocol === 'chord' && peers > 0 ? r.extra / peers : null;
  rs.meanRecords = hasRecords && peers > 0 ? r.records / peers : null;
  let mMessages = 0, mBytes = 0;
  for (const row of section.messages) {
    const a = part.lookupTally[row.type], b = part.maintenanceTally[row.type];
    row.lookupMessages = a.messages; row.lookupBytes = a.bytes; row.maintenanceMessages = b.messages; row.maintenanceBytes = b.bytes;
    mMessages += b.messages; mBytes += b.bytes;
  }
  const m = section.maintenance, ps = m.peerSeconds;
  m.messages = mMessages;
  m.bytes = mBytes;
  m.messagesPerPeerPerSecond = ps > 0 ? mMessages / ps : null;
  m.bytesPerPeerPerSecond = ps > 0 ? mBytes / ps : null;
  section.timeouts = part.timeouts;
  if (section.ring) section.ring.lookup = part.ring?.lookup ?? null;
}

/**
 * Distributed data and searches as one run component: places the items on the peers
 * (`data`), launches each `workload.searches` entry's queries from random live peers,
 * delivers search messages to the entry's protocol and adds `searches` (and `data`) to
 * the results. Built only when the scenario lists searches.
 */
import type { DataResults, SearchResults } from './results-section.js';
import type { NamedStream, PeerStreams } from '../../engine/random.js';
import { uniformLivePeer } from '../../random/live-peer.js';
import { CONTROLLER } from '../../engine/simulator.js';
import { PayloadPool } from '../../network/messages.js';
import { placeData, type DataPlacement } from '../../data/placement.js';
import { expectedSearchSize } from '../../metrics/expected-search-size.js';
import { makeRankSampler, type RankSampler } from '../../random/distributions.js';
import { exponentialDraw } from '../../random/exponential.js';
import type { Component, SeriesWriter, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { Scenario } from '../../scenario/schema.js';
import type { SearchSpec } from './schema.js';
import type { Linkable } from '../../overlay/graph.js';
import { DirectorySearch } from './directory.js';
import { DhtSearch } from './dht.js';
import { DHT_INDEX } from '../../services/dht-index.js';
import { ExpandingRingSearch } from './expanding-ring.js';
import { FloodSearch } from './flood.js';
import type { SearchProtocol } from './protocol.js';
import { SlotPool, type QuerySlot } from './query-slot.js';
import { RandomWalkSearch } from './random-walk.js';
import { ANSWER_FIELDS, CONTROL_FIELDS, CONTROL_LAYOUT, QUERY_FIELDS, SearchRuntime, type SearchMessages } from './runtime.js';
import { SearchTally, type QueryFigures, type SearchSummary } from './stats.js';
import { SuperPeerDirectory } from './super-peers.js';
import { dynamicsOf } from '../../dynamics/shared.js';

/** Fraction of super-peers when a scenario uses directory search without a `hybrid` section. */
const DEFAULT_SUPER_PEERS = 0.01;

/** The components for `scenario`'s data and searches: none when it lists no search. */
export function searchComponents(scenario: Scenario): Component[] {
  return scenario.workload.searches.length > 0 ? [new SearchComponent()] : [];
}

export interface SearchComponentOptions {
  /** Use this placement instead of placing `data` from the scenario (tests, hand-built cases). */
  data?: DataPlacement;
  /** Called as each query ends (tests, per-query logs); `record` is only valid during the call. */
  onQueryEnd?: (record: QueryRecord) => void;
  /** A split run (split.ts): this thread acts for some peers only; queries end at barriers. */
  split?: SearchSplitHooks;
}

/**
 * What the component tells a split run's search part (split.ts) of each query: only its
 * events know a query's in-flight messages, visits and first hit in this partition; the
 * part decides, from every partition's figures, when a query has ended.
 */
export interface SearchSplitHooks {
  owns(peer: number): boolean;
  /** The query was launched (in every thread, at a controller event). */
  launched(slot: QuerySlot): void;
  /** An event of the query ran here (its latest is when the query ends). */
  event(slot: QuerySlot): void;
  /** That event made a peer of this partition process the query for the first time. */
  visited(slot: QuerySlot): void;
  /** That event was this partition's first hit of the query. */
  hit(slot: QuerySlot): void;
}

/** One query as it ended. */
export interface QueryRecord {
  query: number;
  /** Index of its `workload.searches` entry. */
  search: number;
  protocol: string;
  origin: number;
  item: number;
  startTime: number;
  success: boolean;
  localHit: boolean;
  /** False when the run ended with messages of the query still in flight. */
  finished: boolean;
  queryMessages: number;
  answerMessages: number;
  controlMessages: number;
  peersProbed: number;
  hopsToHit: number | null;
  timeToHit: number | null;
  probesToHit: number | null;
  rings: number;
  /** The distinct peers that processed the query, origin excluded, ascending. */
  probedPeers(): Int32Array;
}

function recordOf(slot: QuerySlot, finished: boolean): QueryRecord {
  return {
    query: slot.query,
    search: slot.spec,
    protocol: slot.protocol.name,
    origin: slot.origin,
    item: slot.item,
    startTime: slot.startTime,
    success: slot.answers > 0,
    localHit: slot.localHit,
    finished,
    queryMessages: slot.queryMessages,
    answerMessages: slot.answerMessages,
    controlMessages: slot.controlMessages,
    peersProbed: slot.peersProbed,
    hopsToHit: slot.answers > 0 ? slot.hopsToHit : null,
    timeToHit: slot.answers > 0 ? slot.timeToHit : null,
    probesToHit: slot.probesToHit >= 0 ? slot.probesToHit : null,
    rings: slot.rings,
    probedPeers: () => {
      const peers: number[] = [];
      slot.seen.forEachPeer((p) => { if (p !== slot.origin) peers.push(p); });
      return Int32Array.from(peers).sort();
    },
  };
}

export class SearchComponent implements Component {
  /**
   * A peer's event reads and changes its own state; queries end (or start their next ring)
   * where the whole network has nothing of them in flight, which a split run's part
   * decides at barriers (split.ts; not dht searches: see searchSplit.refuse).
   */
  readonly parallel = 'safe';
  /** The data placement (available after `start`). */
  data!: DataPlacement;
  /** The super-peer directory, when a search uses it. */
  directory: SuperPeerDirectory | null = null;
  private ctx!: SimContext;
  private specs: SearchSpec[] = [];
  private protocols: SearchProtocol[] = [];
  private tallies: SearchTally[] = [];
  private specStreams: NamedStream[] = [];
  private ranks!: RankSampler;
  private readonly pool = new SlotPool();
  /** Payloads of the control messages in flight. */
  private payloads!: PayloadPool;
  private queriesLaunched = 0;
  private finishedQueries = 0;
  private successfulQueries = 0;
  private launchKind = 0;
  private dataStreams!: PeerStreams;
  private searchStreams!: PeerStreams;
  private runtime!: SearchRuntime;
  private dhtPublished = false;

  private readonly split: SearchSplitHooks | null;

  constructor(private readonly options: SearchComponentOptions = {}) {
    this.split = options.split ?? null;
  }

  start(ctx: SimContext): void {
    this.ctx = ctx;
    const sc = ctx.scenario;
    const n = ctx.peers.count;
    const objects = this.options.data?.items ?? sc.data.objects;
    this.ranks = makeRankSampler(sc.data.popularity, objects);
    const popularity = Float64Array.from({ length: objects }, (_, i) => this.ranks.probability(i));
    this.data = this.options.data
      ?? placeData(n, popularity, sc.data.replication.strategy, sc.data.replication.ratio, ctx.namedStream('data'));
    this.dataStreams = ctx.peerStreams('data');
    this.searchStreams = ctx.peerStreams('search');

    const sim = ctx.sim, transport = ctx.transport;
    // A split run's handlers report each event to its part (split.ts); one thread's do not look.
    const split = this.split !== null;
    const messages: SearchMessages = {
      query: split
        ? transport.message('search/query', QUERY_FIELDS, (t, s, a, b) => this.onQuerySplit(t, s, a, b))
        : transport.message('search/query', QUERY_FIELDS, (t, s, a, b) => this.onQuery(t, s, a, b)),
      answer: split
        ? transport.message('search/answer', ANSWER_FIELDS, (t, _s, a, b) => this.onAnswerSplit(t, a, b))
        : transport.message('search/answer', ANSWER_FIELDS, (t, _s, a, b) => this.onAnswer(t, a, b)),
      control: split
        ? transport.message('search/control', CONTROL_LAYOUT, (t, s, m) => this.onControlSplit(t, s, m))
        : transport.message('search/control', CONTROL_LAYOUT, (t, s, m) => this.onControl(t, s, m)),
    };
    this.payloads = messages.control.pool;
    this.launchKind = sim.registerKind('search/launch', (_t, _s, a, b) => this.launch(a, b));
    // A registration carries nothing but its sender.
    const register = transport.messageType('search/register', new PayloadPool(0), (t, s) => this.directory?.onRegister(t, s));
    const owns = this.split?.owns ?? null;
    const rt = new SearchRuntime(ctx, this.data, messages, this.searchStreams, owns);
    this.runtime = rt;

    this.specs = sc.workload.searches;
    if (this.specs.some((s) => s.protocol === 'directory')) {
      const fraction = sc.hybrid?.superPeers ?? DEFAULT_SUPER_PEERS;
      // Under drawn churn the peers act on global knowledge (super-peers.ts); a trace's
      // steps, like failures, are controller events that every thread applies alike.
      const membership = sc.churn && !sc.churn.trace ? dynamicsOf(ctx).membership : null;
      const directory = this.directory = new SuperPeerDirectory(
        ctx, this.data, fraction, register, ctx.namedStream('search/directory'), ctx.peerStreams('search/attach'), owns, membership?.snapshot ?? null);
      membership?.knowledgeRebuilt.push(() => directory.knowledgeRebuilt());
      // A split run's threads build it once every component has started (SearchSplitHooks).
      if (!this.split) this.startDirectory();
    }
    this.protocols = this.specs.map((spec) => this.makeProtocol(rt, spec));
    this.tallies = this.specs.map(() => new SearchTally());
    this.specStreams = this.specs.map((_, i) => ctx.namedStream(`search/${i}`));

    // A new peer's items, drawn from its own stream: every thread of a split run places them.
    ctx.peerArrive.push((p) => this.data.addPeer(p, this.dataStreams.use(p)));
    ctx.peerUp.push((p) => this.directory?.peerUp(p));
    ctx.peerDown.push((p) => this.directory?.peerDown(p));

    this.specs.forEach((spec, i) => {
      if (spec.rate > 0) {
        const t = spec.start + this.gap(i);
        if (t <= sc.duration) sim.at(t, this.launchKind, 0, CONTROLLER, i, 0);
      } else if (spec.count > 0) {
        sim.at(spec.start, this.launchKind, 0, CONTROLLER, i, 0);
      }
    });
  }

  /**
   * Promotes the super-peers and sends the registrations. With peer sampling the overlay is
   * the views' once sampling has started: on one thread it has, when this component starts;
   * a split run's threads finish building it later (their `started` hooks), so they call
   * this then.
   */
  startDirectory(): void {
    this.directory?.build();
    this.directory?.registerAll();
  }

  private makeProtocol(rt: SearchRuntime, spec: SearchSpec): SearchProtocol {
    switch (spec.protocol) {
      case 'flood': return new FloodSearch(rt, spec.ttl);
      case 'random-walk': return new RandomWalkSearch(rt, spec.ttl, spec.walkers, spec.checkEvery);
      case 'expanding-ring': return new ExpandingRingSearch(rt, spec.ttl, spec.ringStart, spec.ringStep);
      case 'directory': return new DirectorySearch(rt, this.directory!);
      case 'dht': return new DhtSearch(this.dhtIndex(), (slot, seen, hit) => (this.split ? this.dhtEndedSplit(slot, seen, hit) : this.settle(slot)));
    }
  }

  /** The structured family's index, with this run's data published in it (once). */
  private dhtIndex() {
    const index = this.ctx.services.require(DHT_INDEX);
    if (!this.dhtPublished) { index.publish(this.data); this.dhtPublished = true; }
    return index;
  }

  /** Exponential inter-arrival time of entry i's Poisson query stream. */
  private gap(i: number): number {
    return exponentialDraw(this.specStreams[i], 1 / this.specs[i].rate);
  }

  /** Starts query k of search entry i, then schedules the next one. */
  private launch(i: number, k: number): void {
    const spec = this.specs[i];
    const sim = this.ctx.sim;
    const rng = this.specStreams[i];
    const peers = this.ctx.peers;
    const origin = peers.aliveCount === 0 ? -1 : uniformLivePeer(peers.alive, peers.count, rng, -1, 64);
    const item = this.ranks.sample(rng);
    if (spec.rate > 0) {
      const t = sim.now + this.gap(i);
      if (t <= this.ctx.scenario.duration) sim.at(t, this.launchKind, 0, CONTROLLER, i, k + 1);
    } else if (k + 1 < spec.count) {
      sim.at(spec.start + (k + 1) * spec.spacing, this.launchKind, 0, CONTROLLER, i, k + 1);
    }
    if (origin < 0) return;
    const slot = this.pool.acquire();
    slot.reset(this.queriesLaunched++, i, this.protocols[i], origin, item, sim.now);
    const split = this.split;
    if (this.data.holds(origin, item)) {
      slot.localHit = true;
      slot.answers = 1;
      slot.timeToHit = 0;
      slot.hopsToHit = 0;
      slot.probesToHit = 0;
      if (split) {
        split.launched(slot);
        split.event(slot);
      } else this.finish(slot);
      return;
    }
    if (split) {
      split.launched(slot);
      // The origin's thread sends its first messages; every thread keeps the query's figures.
      if (split.owns(origin)) {
        const seen = slot.seen.size, hit = slot.probesToHit >= 0;
        slot.protocol.launch(slot);
        this.splitEvent(slot, seen, hit, false);
      } else {
        slot.protocol.prepare?.(slot);
        split.event(slot);
      }
      return;
    }
    slot.protocol.launch(slot);
    this.settle(slot);
  }

  /**
   * Split run: reports an event of `slot` that has just run (see SearchSplitHooks), given
   * the query's peers seen and whether it had a hit here before it.
   */
  private splitEvent(slot: QuerySlot, seen: number, hit: boolean, probe: boolean): void {
    const split = this.split!;
    split.event(slot);
    if (probe && slot.seen.size > seen) split.visited(slot);
    if (!hit && slot.probesToHit >= 0) split.hit(slot);
  }

  /**
   * Split run: a dht query's lookup ended (in the origin's thread). Its path's peers were
   * all probed at this event, each a visit for the search size.
   */
  private dhtEndedSplit(slot: QuerySlot, seen: number, hit: boolean): void {
    const split = this.split!;
    split.event(slot);
    for (let k = seen; k < slot.seen.size; k++) split.visited(slot);
    if (!hit && slot.probesToHit >= 0) split.hit(slot);
  }

  /** A query (of query slot `q`, the sender's visit `hops` from the origin) reached `target`. */
  private onQuery(target: number, src: number, q: number, hops: number): void {
    const slot = this.pool.slots[q];
    slot.inFlight--;
    if (this.ctx.peers.alive[target]) slot.protocol.onQuery(slot, target, src, hops);
    this.settle(slot);
  }

  private onQuerySplit(target: number, src: number, q: number, hops: number): void {
    const slot = this.pool.slots[q];
    slot.inFlight--;
    const seen = slot.seen.size, hit = slot.probesToHit >= 0;
    if (this.ctx.peers.alive[target]) slot.protocol.onQuery(slot, target, src, hops);
    this.splitEvent(slot, seen, hit, true);
  }

  private onAnswer(target: number, q: number, hops: number): void {
    const slot = this.pool.slots[q];
    slot.inFlight--;
    if (this.ctx.peers.alive[target]) this.runtime.onAnswer(slot, target, hops);
    this.settle(slot);
  }

  private onAnswerSplit(target: number, q: number, hops: number): void {
    const slot = this.pool.slots[q];
    slot.inFlight--;
    const seen = slot.seen.size, hit = slot.probesToHit >= 0;
    if (this.ctx.peers.alive[target]) this.runtime.onAnswer(slot, target, hops);
    this.splitEvent(slot, seen, hit, false);
  }

  /** A control message, payload slot `m` (layout: runtime.ts, CONTROL_FIELDS). */
  private onControl(target: number, src: number, m: number): void {
    const d = this.payloads.data, at = m * CONTROL_FIELDS;
    const slot = this.pool.slots[d[at]];
    slot.inFlight--;
    if (this.ctx.peers.alive[target]) slot.protocol.onControl(slot, target, src, d[at + 2], d[at + 3], d[at + 1]);
    this.settle(slot);
  }

  private onControlSplit(target: number, src: number, m: number): void {
    const d = this.payloads.data, at = m * CONTROL_FIELDS;
    const slot = this.pool.slots[d[at]];
    slot.inFlight--;
    const seen = slot.seen.size, hit = slot.probesToHit >= 0;
    if (this.ctx.peers.alive[target]) slot.protocol.onControl(slot, target, src, d[at + 2], d[at + 3], d[at + 1]);
    this.splitEvent(slot, seen, hit, true);
  }

  // ---- split run (split.ts): queries end at barriers, with every partition's figures ----

  /** Split run: a query ended (for the series' success rate at the instants after it). */
  countEnded(success: boolean): void {
    this.finishedQueries++;
    if (success) this.successfulQueries++;
  }

  /** Split run: adds a query that ended (or was cut off) with its global figures, and frees its slot. */
  tallySplit(slot: QuerySlot, figures: QueryFigures, finished: boolean): void {
    this.tallies[slot.spec].add(figures, finished);
    if (slot.active) this.pool.release(slot);
  }

  /**
   * Split run: the query fell quiet everywhere at `time` (`answered`: an answer reached
   * its origin). When it is over, the ring messages it sent here, all lost (every thread
   * alike); −1 when its next ring is on its way.
   */
  quietSplit(slot: QuerySlot, answered: boolean, time: number, links: Linkable | null = null): number {
    const rt = this.runtime, sent = rt.ringsSent;
    rt.ringLinks = links;
    try {
      for (;;) {
        const arrivals = rt.ringArrivals;
        if (slot.protocol.onQuiet(slot, answered, time)) return rt.ringsSent - sent;
        if (rt.ringArrivals > arrivals) return -1;
      }
    } finally {
      rt.ringLinks = null;
    }
  }

  /** Split run: the earliest arrival of the rings sent since the last call (Infinity: none). */
  takeRingEarliest(): number {
    const t = this.runtime.ringEarliest;
    this.runtime.ringEarliest = Infinity;
    return t;
  }

  /** Ends the query once nothing of it is in flight and its protocol agrees. */
  private settle(slot: QuerySlot): void {
    while (slot.active && slot.inFlight === 0) {
      if (slot.protocol.onQuiet(slot, slot.answers > 0, this.ctx.sim.now)) this.finish(slot);
    }
  }

  private finish(slot: QuerySlot): void {
    this.tallies[slot.spec].add(slot, true);
    this.options.onQueryEnd?.(recordOf(slot, true));
    this.finishedQueries++;
    if (slot.answers > 0) this.successfulQueries++;
    this.pool.release(slot);
  }

  sample(_ctx: SimContext, write: SeriesWriter): void {
    write('searchSuccess', this.finishedQueries > 0 ? this.successfulQueries / this.finishedQueries : null);
  }

  contribute(results: Results, _ctx: SimContext): void {
    // Queries cut off by the end of the run count as they stand, in launch order (a split
    // run's part has counted them already, with every partition's figures).
    const open = this.split ? [] : this.pool.active().sort((x, y) => x.query - y.query);
    for (const slot of open) {
      this.tallies[slot.spec].add(slot, false);
      this.options.onQueryEnd?.(recordOf(slot, false));
      this.pool.release(slot);
    }
    const total = new SearchTally();
    for (const t of this.tallies) total.merge(t);
    const searches: SearchResults = total.summary();
    if (this.specs.length > 1) {
      const byProtocol: Record<string, SearchSummary> = {};
      const names = [...new Set(this.specs.map((s) => s.protocol))];
      for (const name of names) {
        const t = new SearchTally();
        this.specs.forEach((s, i) => { if (s.protocol === name) t.merge(this.tallies[i]); });
        byProtocol[name] = t.summary();
      }
      searches.byProtocol = byProtocol;
      searches.bySearch = this.specs.map((s, i) => ({ protocol: s.protocol, ...this.tallies[i].summary() }));
    }
    if (this.directory) {
      searches.directory = {
        superPeers: this.directory.superPeers.length,
        registrationMessages: this.directory.registrationMessages,
        reattachments: this.directory.reattachments,
      };
    }
    results.searches = searches;
    results.data = this.dataSummary();
  }

  private dataSummary(): DataResults {
    const d = this.data;
    const sc = this.ctx.scenario.data;
    let min = Infinity, max = 0, sum = 0;
    for (let i = 0; i < d.items; i++) {
      const r = d.replicas[i];
      if (r < min) min = r;
      if (r > max) max = r;
      sum += r;
    }
    const ess = expectedSearchSize(d.popularity, d.replicas, d.initialPeers);
    return {
      objects: d.items,
      strategy: sc.replication.strategy,
      ratio: sc.replication.ratio,
      replicas: sum,
      minReplicas: d.items > 0 ? min : 0,
      maxReplicas: max,
      storedReplicas: d.storedReplicas,
      expectedSearchSize: Number.isFinite(ess) ? ess : null,
    };
  }
}

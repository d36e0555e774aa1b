/**
 * Push-pull averaging (Jelasity, Montresor & Babaoglu, ACM TOCS 2005): each peer holds a
 * value; once per period it exchanges with a partner and both keep the average.
 * - Cycle engine: each cycle, in a seeded random order of the live peers, each initiates
 *   one exchange; an exchange is atomic (request and reply at the same instant, as in
 *   PeerSim's cycle engine and the paper's model), so later initiators see earlier results.
 * - Event engine: each peer ticks once per period at its own phase and sends its value;
 *   the partner averages and replies with the average. An initiator waiting for its reply
 *   refuses other requests, so without loss the sum of all values is conserved; a lost or
 *   late reply leaves only the responder changed (mass is lost, see docs/architecture.md).
 * Messages go through the transport (latency and loss) in both engines; on the event
 * engine they carry typed payloads (payloads.ts), the mechanism every family uses.
 */
import type { RandomSource } from '../../engine/random.js';
import { CONTROLLER } from '../../engine/simulator.js';
import type { MessageType } from '../../network/messages.js';
import type { Linkable } from '../../overlay/graph.js';
import { exp, ln } from '../../math/strict.js';
import { makeSampler } from '../../random/distributions.js';
import { uniformLivePeer } from '../../random/live-peer.js';
import type { LiveSnapshot } from '../../dynamics/knowledge.js';
import { knownLive } from '../../dynamics/shared.js';
import type { Component, SeriesWriter, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { AggregationSpec } from './schema.js';
import { liveMoments } from './moments.js';
import { AggregationPayloads } from './payloads.js';
import type { AggregationResults } from './results-section.js';

/** Variance below this share of its start counts as converged (rounding noise beyond it). */
const CONVERGED = 1e-20;

/**
 * A split run (sim/parallel/, split.ts here): the per-peer arrays live in shared memory,
 * each thread writing only its own peers' [lo, hi); `globalRead` is called after every
 * read of all peers' values (at a controller event), so that no thread changes its peers
 * before every thread has read.
 */
export interface AggregationShare {
  lo: number;
  hi: number;
  values: Float64Array;
  busy: Uint8Array;
  epoch: Int32Array;
  globalRead: () => void;
}

export class AggregationComponent implements Component {
  /**
   * Event engine: an exchange is a request and a reply, each read and written by its target
   * alone, so it splits. The cycle engine's exchanges write both peers at once, in one
   * global order: it runs on one thread.
   */
  readonly parallel: 'safe' | 'unsafe';
  readonly parallelNote?: string;

  /** Per-peer state, stride 1: the estimate, whether it waits for a reply, its exchange number. */
  private values: Float64Array = new Float64Array(0);
  private busy: Uint8Array = new Uint8Array(0);
  private epoch: Int32Array = new Int32Array(0);
  private ctx!: SimContext;
  private rng!: (peer: number) => RandomSource;
  /** Event engine under drawn churn: the live snapshot uniform partners are drawn from. */
  private known: (() => LiveSnapshot) | null = null;
  private trueMean = NaN;
  private readonly history = { cycle: [] as number[], time: [] as number[], mean: [] as number[], variance: [] as number[] };
  private counts = { exchanges: 0, halfExchanges: 0, refused: 0, abandoned: 0 };
  private readonly payloads = new AggregationPayloads();
  private request!: MessageType;
  private reply!: MessageType;
  private refusal!: MessageType;

  constructor(private readonly spec: AggregationSpec, engine: 'event' | 'cycle' = 'event', private readonly share: AggregationShare | null = null) {
    this.parallel = engine === 'event' ? 'safe' : 'unsafe';
    if (engine !== 'event') this.parallelNote = 'an exchange updates two peers at once';
  }

  start(ctx: SimContext): void {
    this.ctx = ctx;
    const n = ctx.peers.count;
    const share = this.share;
    this.values = share ? share.values : new Float64Array(n);
    this.busy = share ? share.busy : new Uint8Array(n);
    this.epoch = share ? share.epoch : new Int32Array(n);
    // The peers this thread writes (all of them on one thread).
    const lo = share ? share.lo : 0, hi = share ? share.hi : n;
    const streams = ctx.peerStreams('aggregation');
    this.rng = (peer) => streams.use(peer);
    const { sim, peers, scenario } = ctx;
    const spec = this.spec;

    if (spec.aggregate === 'count') {
      const leader = peers.aliveCount > 0 ? uniformLivePeer(peers.alive, n, ctx.namedStream('aggregation/leader')) : -1;
      if (leader >= lo && leader < hi) this.values[leader] = 1;
    } else {
      // Every thread draws every value (the stream's order), and writes its own peers'.
      const draw = makeSampler(spec.values);
      const rng = ctx.namedStream('aggregation/values');
      for (let p = 0; p < n; p++) {
        const v = draw.sample(rng);
        if (p >= lo && p < hi) this.values[p] = v;
      }
    }

    // Cycle 0 is the initial state, measured when the first cycle starts.
    const initial = () => {
      this.trueMean = liveMoments(this.values, peers.alive).mean;
      this.record(0);
      share?.globalRead();
    };

    if (scenario.engine === 'cycle') {
      const order = ctx.namedStream('aggregation/order');
      const run = sim.registerKind('aggregation/run-cycle', (_t, _s, c) => {
        if (c === 1) initial();
        this.runCycle(order);
        this.record(c);
      });
      for (let c = 1; c <= spec.cycles; c++) sim.at(spec.start + (c - 1) * spec.period, run, CONTROLLER, CONTROLLER, c);
      return;
    }

    sim.at(spec.start, sim.registerKind('aggregation/initial', initial), CONTROLLER, CONTROLLER);
    const cycleKind = sim.registerKind('aggregation/cycle', (_t, _s, c) => {
      this.record(c);
      share?.globalRead();
    });
    const { transport } = ctx, pool = this.payloads.pool, m = this.payloads;
    this.request = transport.messageType('aggregation/request', pool, (q, p, slot) => this.onRequest(q, p, m.exchange(slot), m.value(slot)));
    this.reply = transport.messageType('aggregation/reply', pool, (p, _q, slot) => this.onReply(p, m.exchange(slot), m.value(slot)));
    this.refusal = transport.messageType('aggregation/refuse', pool, (p, _q, slot) => this.onRefuse(p, m.exchange(slot)));
    this.known = knownLive(ctx);
    const tick = sim.registerKind('aggregation/tick', (p, _s, c) => {
      if (c < spec.cycles) sim.at(sim.now + spec.period, tick, p, p, c + 1);
      this.initiate(p);
    });
    // Each peer ticks at its own phase in the period, so exchanges interleave (no global
    // round); its phase is drawn from its own stream, by the thread that owns it.
    for (let p = 0; p < n; p++) sim.forPeer(p >= lo && p < hi ? spec.start + this.rng(p).next() * spec.period : spec.start, tick, p, 1);
    for (let c = 1; c <= spec.cycles; c++) sim.at(spec.start + c * spec.period, cycleKind, CONTROLLER, CONTROLLER, c);
  }

  /**
   * A partner for `p`: a uniform live peer, or a random overlay neighbour (maybe offline); −1
   * if none. Under drawn churn, on the event engine, a uniform one is drawn from the live
   * snapshot (global knowledge: `p` ticks at its own event, while other threads' peers go
   * down and up), so it may have gone down since: the request is then lost.
   */
  private partner(p: number, rng: RandomSource): number {
    const { peers, overlay } = this.ctx;
    if (this.spec.targets === 'uniform') {
      const known = this.known?.();
      if (known) return uniformLivePeer(known.live, Math.min(known.count, this.values.length), rng, p);
      return uniformLivePeer(peers.alive, this.values.length, rng, p);
    }
    const links: Linkable = overlay;
    const degree = links.degree(p);
    if (degree === 0) return -1;
    const q = links.neighbor(p, Math.floor(rng.next() * degree));
    return q < this.values.length ? q : -1;
  }

  /** Cycle engine: every live peer initiates once, in a fresh random order; exchanges are atomic. */
  private runCycle(order: RandomSource): void {
    const { peers, transport } = this.ctx;
    const live: number[] = [];
    for (let p = 0; p < this.values.length; p++) if (peers.alive[p] === 1) live.push(p);
    for (let i = live.length - 1; i > 0; i--) {
      const j = Math.floor(order.next() * (i + 1));
      const t = live[i]; live[i] = live[j]; live[j] = t;
    }
    const x = this.values;
    for (const p of live) {
      if (peers.alive[p] !== 1) continue;
      const q = this.partner(p, this.rng(p));
      if (q < 0) continue;
      // Request and reply through the transport, which draws their loss (no latency here).
      if (!transport.sendNow(p) || peers.alive[q] !== 1) continue;
      const average = (x[p] + x[q]) / 2;
      x[q] = average;
      if (transport.sendNow(q)) { x[p] = average; this.counts.exchanges++; } else this.counts.halfExchanges++;
    }
  }

  /** Event engine: `p`'s tick. A reply still awaited from its last exchange is given up. */
  private initiate(p: number): void {
    if (this.ctx.peers.alive[p] !== 1) return;
    if (this.busy[p] === 1) { this.busy[p] = 0; this.counts.abandoned++; }
    const q = this.partner(p, this.rng(p));
    if (q < 0) return;
    this.busy[p] = 1;
    const epoch = ++this.epoch[p];
    this.ctx.transport.post(p, q, this.request, this.payloads.compose(epoch, this.values[p]));
  }

  private onRequest(q: number, p: number, epoch: number, value: number): void {
    const { peers, transport } = this.ctx;
    if (peers.alive[q] !== 1) return;
    // q waits for its own reply: averaging now would change a value it has already sent.
    if (this.busy[q] === 1) {
      this.counts.refused++;
      transport.post(q, p, this.refusal, this.payloads.compose(epoch, 0));
      return;
    }
    const average = (this.values[q] + value) / 2;
    this.values[q] = average;
    this.counts.halfExchanges++;
    transport.post(q, p, this.reply, this.payloads.compose(epoch, average));
  }

  private onReply(p: number, epoch: number, average: number): void {
    // A reply to an exchange given up (or to a peer that left) is dropped: the responder's half stays.
    if (this.ctx.peers.alive[p] !== 1 || this.busy[p] !== 1 || epoch !== this.epoch[p]) return;
    this.values[p] = average;
    this.busy[p] = 0;
    this.counts.halfExchanges--;
    this.counts.exchanges++;
  }

  private onRefuse(p: number, epoch: number): void {
    if (this.busy[p] === 1 && epoch === this.epoch[p]) this.busy[p] = 0;
  }

  private record(c: number): void {
    const m = liveMoments(this.values, this.ctx.peers.alive);
    this.history.cycle.push(c);
    this.history.time.push(this.ctx.sim.now);
    this.history.mean.push(m.mean);
    this.history.variance.push(m.variance);
  }

  /** `aggregationMean`, `aggregationVariance`: the live peers' estimates at each sample. */
  sample(ctx: SimContext, write: SeriesWriter): void {
    const m = liveMoments(this.values, ctx.peers.alive);
    write('aggregationMean', Number.isFinite(m.mean) ? m.mean : null);
    write('aggregationVariance', Number.isFinite(m.variance) ? m.variance : null);
  }

  contribute(results: Results, ctx: SimContext): void {
    results.aggregation = this.summary(ctx);
  }

  /** The exchange counts (a split run sums them over the threads). */
  get exchangeCounts(): Readonly<AggregationComponent['counts']> {
    return this.counts;
  }

  /** The results section (also what tests read). */
  summary(ctx: SimContext = this.ctx): AggregationResults {
    const h = this.history;
    const v0 = h.variance[0];
    let logSum = 0, steps = 0;
    for (let c = 1; c < h.variance.length; c++) {
      if (!(v0 > 0) || h.variance[c] <= CONVERGED * v0 || !(h.variance[c - 1] > 0)) break;
      logSum += ln(h.variance[c] / h.variance[c - 1]);
      steps++;
    }
    let sizeEstimate: AggregationResults['sizeEstimate'] = null;
    if (this.spec.aggregate === 'count') {
      const estimates: number[] = [];
      let zero = false;
      for (let p = 0; p < this.values.length; p++) {
        if (ctx.peers.alive[p] !== 1) continue;
        if (this.values[p] > 0) estimates.push(1 / this.values[p]); else zero = true;
      }
      if (!zero && estimates.length > 0) {
        estimates.sort((a, b) => a - b);
        const mid = estimates.length >> 1;
        const median = estimates.length % 2 ? estimates[mid] : (estimates[mid - 1] + estimates[mid]) / 2;
        sizeEstimate = { median, min: estimates[0], max: estimates[estimates.length - 1] };
      }
    }
    const end = liveMoments(this.values, ctx.peers.alive);
    return {
      aggregate: this.spec.aggregate,
      targets: this.spec.targets,
      engine: ctx.scenario.engine,
      trueMean: Number.isFinite(this.trueMean) ? this.trueMean : end.mean,
      cycle: h.cycle.slice(),
      time: h.time.slice(),
      mean: h.mean.slice(),
      variance: h.variance.slice(),
      varianceFactor: steps > 0 ? exp(logSum / steps) : null,
      finalMean: end.mean,
      finalVariance: end.variance,
      ...this.counts,
      sizeEstimate,
    };
  }
}

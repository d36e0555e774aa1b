/**
 * What Cyclon and Newscast share: the views (which are the overlay), a periodic timer per
 * live peer, payload slots for messages, and the join handshake with a bootstrap peer.
 * Each protocol file adds only its exchange: the active step, the answer and the merge.
 */
import type { PeerStreams } from '../../engine/random.js';
import type { Simulator } from '../../engine/simulator.js';
import type { Transport } from '../../network/transport.js';
import type { Graph } from '../../overlay/graph.js';
import type { SimContext } from '../../run/context.js';
import type { PeerTable } from '../../run/peers.js';
import type { SamplingSpec } from './schema.js';
import type { MessageType } from '../../network/messages.js';
import { EntryPayloads } from './entry-payloads.js';
import { ViewTable, type SharedRows } from './views.js';
import type { PeerSamplingService } from '../../services/peer-sampling.js';

/**
 * One partition of a split run (sim/parallel/, sampling/split.ts): the views of all peers
 * in shared memory, this thread's peers [lo, hi), and the run's dead-link fraction as the
 * partitions summed it at the last sampling instant.
 */
export interface SamplerPartition {
  lo: number;
  hi: number;
  data: Int32Array;
  size: Int32Array;
  /** The overlay's rows, shared, which all threads rebuild together (views.ts). */
  rows: SharedRows;
  deadLinkFraction: () => number;
  /**
   * `perPeer` Int32s a peer for every peer id, in shared memory, this thread's peers' set
   * to `fill`: state of a peer that only its owner's thread reads and writes. The samplers
   * take SHARED_INTS (Cyclon: Cyclon.sharedInts more) a peer, in construction order.
   */
  ints(perPeer: number, fill: number): Int32Array;
}

/**
 * The shared machinery. Every live peer runs a timer of period `period` (first tick at a
 * uniform phase in [0, period) from its 'sampling' stream) whose tick is the protocol's
 * active step; requests, answers and join messages all go through the transport, their
 * entries in EntryPayloads slots. Joining: a (re)joining peer p sends a request to its
 * bootstrap peer, which answers with a fresh entry for itself and viewSize − 1 entries of
 * its view chosen uniformly (never p); p takes them as its view (ages as received) and
 * starts its timer. A live peer whose view has run empty (every entry it held was dead)
 * asks the bootstrap service again at its next tick. This is simpler than Cyclon's join by random walks, which also puts p
 * into other views at once: here the others learn of p from its own shuffles. A peer that
 * goes down loses its view; its pending timer and join answer are recognised as stale by
 * an epoch number bumped at each departure.
 */
export abstract class GossipSampler implements PeerSamplingService {
  /** Int32s a peer that a sampler takes from SamplerPartition.ints: epoch, timer epoch. */
  static readonly SHARED_INTS = 2;
  readonly views: ViewTable;
  onLinked: (peer: number) => void = () => {};
  onAlone: (peer: number) => void = () => {};
  exchanges = 0;
  protected readonly sim: Simulator;
  protected readonly peers: PeerTable;
  protected readonly transport: Transport;
  protected readonly overlay: Graph;
  protected readonly rng: PeerStreams;
  protected readonly msgs: EntryPayloads;
  protected readonly viewSize: number;
  protected readonly period: number;
  /** Bumped when a peer goes down: timers and join replies of an earlier life are ignored. */
  private epoch: Int32Array;
  /** Epoch whose timer is running for each peer (-1: none). */
  private timerEpoch: Int32Array;
  private capacity: number;
  private readonly joinScratch: Int32Array;
  private timerKind = -1;
  private joinRequest!: MessageType;
  private joinReply!: MessageType;
  protected request!: MessageType;
  protected reply!: MessageType;

  /**
   * `overlayReadDuringRun`: another protocol reads the overlay while the run goes, so it is
   * rebuilt from the views at every refresh of global knowledge (dynamics/membership.ts);
   * otherwise only when a reader at a declared instant (a failure, the observer, the results)
   * asks. Either way the overlay changes only at declared instants, never at an exchange.
   */
  constructor(
    ctx: SimContext, spec: SamplingSpec, maxEntries: number, readonly overlayReadDuringRun: boolean,
    protected readonly partition: SamplerPartition | null = null,
  ) {
    this.sim = ctx.sim;
    this.peers = ctx.peers;
    this.transport = ctx.transport;
    this.overlay = ctx.overlay;
    this.viewSize = spec.viewSize;
    this.period = spec.period;
    this.rng = ctx.peerStreams('sampling');
    this.capacity = ctx.peers.alive.length;
    this.views = new ViewTable(spec.viewSize, this.capacity, ctx.overlay, ctx.peers, false, partition ?? undefined);
    this.msgs = new EntryPayloads(Math.max(maxEntries, spec.viewSize));
    this.epoch = partition ? partition.ints(1, 0) : new Int32Array(this.capacity);
    this.timerEpoch = partition ? partition.ints(1, -1) : new Int32Array(this.capacity).fill(-1);
    this.joinScratch = new Int32Array(spec.viewSize);
  }

  /** Builds the views from the current overlay, registers event kinds, starts every timer. */
  start(name: string): void {
    this.initViewsFromOverlay();
    // (A split run does it once every thread has built its peers' views: sampling/split.ts.)
    if (this.overlayReadDuringRun && !this.partition) this.views.syncOverlay();
    const sim = this.sim;
    this.timerKind = sim.registerKind(`${name}/timer`, (p, _src, epoch) => this.onTimer(p, epoch));
    const transport = this.transport, msgs = this.msgs;
    // Every message's payload is an EntryPayloads slot, given back once it was handled.
    this.request = transport.messageType(`${name}/request`, msgs, (q, p, slot) => {
      if (this.peers.alive[q] === 1) this.onRequest(q, p, slot);
    });
    this.reply = transport.messageType(`${name}/reply`, msgs, (p, q, slot) => {
      if (this.peers.alive[p] === 1) this.onReply(p, q, slot);
    });
    this.joinRequest = transport.messageType(`${name}/join-request`, msgs, (via, p, slot) => this.onJoinRequest(via, p, msgs.epoch(slot)));
    this.joinReply = transport.messageType(`${name}/join-reply`, msgs, (p, _via, slot) => this.onJoinReply(p, slot));
    const [lo, hi] = this.ownPeers();
    for (let p = lo; p < hi; p++) if (this.peers.alive[p] === 1) this.startTimer(p);
  }

  /** The peers whose views and timers this thread keeps: all, or its partition's. */
  private ownPeers(): [number, number] {
    return this.partition ? [this.partition.lo, this.partition.hi] : [0, this.peers.count];
  }

  ensureSize(n: number): void {
    this.views.ensureSize(n);
    if (n <= this.capacity) return;
    const c = Math.max(n, Math.ceil(this.capacity * 1.5));
    const e = new Int32Array(c); e.set(this.epoch); this.epoch = e;
    const t = new Int32Array(c).fill(-1); t.set(this.timerEpoch); this.timerEpoch = t;
    this.capacity = c;
    this.grow(c);
  }

  /** Subclasses grow their own per-peer arrays to `capacity` peers. */
  protected grow(_capacity: number): void {}

  peerDown(p: number): void {
    this.epoch[p]++;
    this.views.peerDown(p);
    this.views.clear(p);
    this.forget(p);
  }

  /** Subclasses drop per-peer exchange state of a peer that went down. */
  protected forget(_p: number): void {}

  peerUp(p: number): void {
    this.views.peerUp(p);
  }

  join(p: number, via: number): void {
    this.transport.post(p, via, this.joinRequest, this.msgs.compose(this.epoch[p]));
  }

  /**
   * In a split run every thread calls it at the same point (a declared instant), and it
   * rebuilds every time: the other threads change their views without telling this one.
   */
  syncOverlay(): void {
    if (this.partition) this.views.markStale();
    this.views.syncOverlay();
  }

  deadLinkFraction(): number {
    if (this.partition) return this.partition.deadLinkFraction();
    return this.views.entries > 0 ? this.views.deadEntries / this.views.entries : 0;
  }

  /** p's periodic exchange; p's view is not empty and its ages have not been touched yet. */
  protected abstract activeStep(p: number): void;
  /** q (alive) got an exchange request from p carrying payload `slot` (valid until it returns). */
  protected abstract onRequest(q: number, p: number, slot: number): void;
  /** p (alive) got q's answer carrying payload `slot` (valid until it returns). */
  protected abstract onReply(p: number, q: number, slot: number): void;

  /** Sends payload `slot` as a message of `type`. */
  protected sendEntries(from: number, to: number, type: MessageType, slot: number): void {
    this.transport.post(from, to, type, slot);
  }

  /** Appends up to `max` entries of `p`'s view, chosen uniformly, to payload `slot` (skipping `except`). */
  protected pushRandomEntries(p: number, slot: number, max: number, except: number, scratch: Int32Array): number {
    const views = this.views, n = views.size[p];
    let m = 0;
    for (let i = 0; i < n; i++) if (views.id(p, i) !== except) scratch[m++] = i;
    const k = Math.min(max, m);
    for (let i = 0; i < k; i++) {
      const j = i + this.rng.int(p, m - i);
      const t = scratch[i]; scratch[i] = scratch[j]; scratch[j] = t;
      this.msgs.push(slot, views.id(p, scratch[i]), views.age(p, scratch[i]));
    }
    return k;
  }

  private startTimer(p: number): void {
    this.timerEpoch[p] = this.epoch[p];
    // A random phase, so peers do not exchange in lock-step.
    this.sim.at(this.sim.now + this.rng.next(p) * this.period, this.timerKind, p, p, this.epoch[p]);
  }

  private onTimer(p: number, epoch: number): void {
    if (epoch !== this.epoch[p] || this.peers.alive[p] !== 1) return;
    if (this.views.size[p] === 0) this.onAlone(p);
    else this.activeStep(p);
    this.sim.at(this.sim.now + this.period, this.timerKind, p, p, epoch);
  }

  private onJoinRequest(via: number, p: number, epoch: number): void {
    if (this.peers.alive[via] !== 1) return;
    const slot = this.msgs.compose(epoch);
    this.msgs.push(slot, via, 0);
    this.pushRandomEntries(via, slot, this.viewSize - 1, p, this.joinScratch);
    this.sendEntries(via, p, this.joinReply, slot);
  }

  private onJoinReply(p: number, slot: number): void {
    const msgs = this.msgs;
    if (this.peers.alive[p] !== 1 || msgs.epoch(slot) !== this.epoch[p]) return;
    for (let i = 0, k = msgs.count(slot); i < k; i++) this.views.add(p, msgs.id(slot, i), msgs.age(slot, i));
    if (this.timerEpoch[p] !== this.epoch[p]) this.startTimer(p);
    if (this.views.size[p] > 0) this.onLinked(p);
  }

  /**
   * Each peer's first view: its overlay neighbours (a uniform subset of viewSize of them
   * when it has more), age 0. Overlay links that end up in neither end's view are dropped,
   * so from here on the overlay is exactly the union of the views.
   */
  private initViewsFromOverlay(): void {
    const g = this.overlay, views = this.views, c = views.viewSize;
    const [lo, hi] = this.partition ? this.ownPeers() : [0, g.size];
    for (let p = lo; p < hi; p++) {
      const d = g.degree(p);
      const pick = g.neighbors(p);
      for (let i = 0; i < Math.min(c, d); i++) {
        const j = i + this.rng.int(p, d - i);
        const t = pick[i]; pick[i] = pick[j]; pick[j] = t;
      }
      views.fill(p, pick, Math.min(c, d));
    }
    views.trimOverlay();
  }
}

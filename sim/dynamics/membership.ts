/**
 * Peers going down and coming (back) up: the one place that flips `alive`, drops or keeps
 * links, tells the `peerDown` / `peerUp` listeners, rejoins peers through a bootstrap peer,
 * starts overlay repair and anti-entropy. Churn and failures both act through it.
 */
import type { PeerStreams } from '../engine/random.js';
import type { SimContext } from '../run/context.js';
import { makeSampler } from '../random/distributions.js';
import type { PeerSamplingService } from '../services/peer-sampling.js';
import { AntiEntropy } from './anti-entropy.js';
import { uniformLivePeer } from '../random/live-peer.js';
import { repairLostLinks } from './repair.js';
import { LinkWalker } from './walk.js';
import { twoTo } from '../math/two-to.js';
import { CONTROLLER } from '../engine/simulator.js';
import type { InlineMessageType } from '../network/messages.js';
import { LiveSnapshot } from './knowledge.js';
import { OWN_PEERS, type OwnPeers } from '../run/own-peers.js';

/**
 * A (re)joining peer still without a neighbour after this many mean latencies starts its
 * join again with another bootstrap peer, then after twice as long, and so on (capped at
 * RETRY_MAX); anti-entropy retries after the first timeout.
 */
export const RETRY_LATENCIES = 20;
/** Bounds on that retry timeout, in seconds. */
export const RETRY_MIN = 1;
export const RETRY_MAX = 60;

/**
 * A peer's event changes only its own peer's state; the others learn of it by a message,
 * or through global knowledge (knowledge.ts) rebuilt at declared instants (docs/dynamics.md).
 *
 * Going down:
 *  - alive ← false;
 *  - without peer sampling, a churn departure (the peer's own event: `leave`) drops its own
 *    links and sends a leave notice to each former neighbour, which drops its half when
 *    the notice arrives (a latency later) and, with `overlay.repair`, looks for a
 *    replacement (repair.ts); a failure or a trace step (a controller event, `crash`)
 *    drops the victims' links at both ends at once and starts the repairs then;
 *  - with peer sampling, its own view is lost but entries that point at it stay in the
 *    other views, and so in the overlay, as dead links until the protocol detects them
 *    (Cyclon) or pushes them out (Newscast): the views heal the overlay by themselves;
 *  - the `peerDown` listeners are called.
 * Coming up (same id) or arriving (a new id): alive ← true, the `peerUp` listeners are
 * called, and the peer joins through a bootstrap peer (`bootstrap` below: a uniformly chosen
 * peer of the live snapshot): with peer sampling it copies the bootstrap peer's view; without, it sends
 * `overlay.degree` random walks from the bootstrap peer (the join-random rule: link to
 * random peers that have fewer than `maxDegree` links, here found by walks; no links at
 * all with `degree` 0). It asks for `degree` links, not degree/2 as when the join-random
 * overlay is built, because under churn every departure takes its links away: in steady
 * state the mean degree settles near the number of links a joining peer makes. A peer
 * still alone after the retry timeout starts its join again. With `churn.sync` and a
 * rumour ledger, it then resynchronises (anti-entropy.ts).
 */
export class Membership {
  sampling: PeerSamplingService | null = null;
  /** (Re)joins that found no live bootstrap peer (the peer stays alone). */
  joinsAlone = 0;
  /** Joins started again because the peer was still alone after the retry timeout. */
  joinRetries = 0;
  /** Split run: this thread's own peers that a crash took down (the live count sums them). */
  crashedHere = 0;
  /** The random-walk link finder, once a join or a repair has needed it. */
  walker: LinkWalker | null = null;
  private antiEntropy: AntiEntropy | null = null;
  private readonly repair: boolean;
  private readonly targetDegree: number;
  private readonly maxDegree: number;
  readonly retryTimeout: number;
  private readonly checkKind: number;
  /** Bumped when a peer goes down, so join checks of an earlier life are ignored. */
  private epoch: Int32Array;
  /** The live peers bootstrap contacts are drawn from (global knowledge). */
  readonly snapshot: LiveSnapshot;
  /** Departure notices (churn without peer sampling). */
  private readonly leaveNotice: InlineMessageType | null = null;

  /** In a split run, this thread's peers (run/own-peers.ts); null on one thread. */
  private readonly own: OwnPeers | null;

  constructor(private readonly ctx: SimContext) {
    this.own = ctx.services.get(OWN_PEERS) ?? null;
    const overlay = ctx.scenario.overlay;
    this.repair = overlay.repair;
    this.maxDegree = overlay.maxDegree;
    this.targetDegree = Math.min(overlay.maxDegree, overlay.degree);
    const meanLatency = makeSampler(ctx.scenario.network.latency).mean;
    this.retryTimeout = Math.min(RETRY_MAX, Math.max(RETRY_MIN, RETRY_LATENCIES * meanLatency));
    this.epoch = new Int32Array(ctx.peers.alive.length);
    this.checkKind = ctx.sim.registerKind('membership/join-check', (p, _src, epoch, attempt) => this.onJoinCheck(p, epoch, attempt));
    if (ctx.scenario.churn?.sync) {
      this.antiEntropy = new AntiEntropy(ctx, this.retryTimeout, (p, rng) => this.knownNeighbour(p, rng));
    }
    if (ctx.scenario.churn && !ctx.scenario.overlay.sampling) {
      this.leaveNotice = ctx.transport.message('membership/leave', ['unused'], (q, p) => {
        // q drops its half of the link to p, and with overlay.repair looks for a replacement.
        if (ctx.overlay.removeHalf(q, p) && this.repair) this.repairOne(q);
      });
    }
    // Created now, not on first use, where joins or repairs may need it: a split run's
    // threads must register the walk's message kinds in the same order.
    if (!ctx.scenario.overlay.sampling && (ctx.scenario.churn || this.repair)) void this.links;
    this.snapshot = new LiveSnapshot(ctx.peers);
    this.snapshot.rebuild();
    // Churn and peer sampling change who is alive and who links whom at peer events: their
    // global knowledge is rebuilt at every multiple of the refresh period, as controller
    // events (a split run's windows break there). Failures rebuild it themselves (crash).
    if (ctx.scenario.churn || ctx.scenario.overlay.sampling) {
      const period = ctx.scenario.network.knowledgeRefresh, end = ctx.scenario.duration;
      const refresh = ctx.sim.registerKind('knowledge/refresh', (k) => {
        this.refreshKnowledge();
        if ((k + 1) * period <= end) ctx.sim.at((k + 1) * period, refresh, k + 1, CONTROLLER);
      });
      if (period <= end) ctx.sim.at(period, refresh, 1, CONTROLLER);
    }
  }

  /**
   * Told after every rebuild of the live snapshot (a refresh, a failure), at a controller
   * event: a family whose peers act on global knowledge (the super-peer directory under churn).
   */
  readonly knowledgeRebuilt: Array<() => void> = [];

  /** Rebuilds global knowledge: the live snapshot, and the overlay from the views where another protocol reads it. */
  refreshKnowledge(): void {
    this.snapshot.rebuild();
    if (this.sampling?.overlayReadDuringRun) this.sampling.syncOverlay();
    for (const listener of this.knowledgeRebuilt) listener();
  }

  /** Called by the peer-sampling component: from now on the views are the overlay. */
  attachSampling(service: PeerSamplingService): void {
    this.sampling = service;
    service.onLinked = (p) => this.antiEntropy?.linked(p);
    service.onAlone = (p) => {
      const via = this.bootstrap(p);
      if (via >= 0) service.join(p, via);
    };
  }

  /** The random-walk link finder (created on first use). */
  private get links(): LinkWalker {
    if (!this.walker) {
      this.walker = new LinkWalker(this.ctx, this.targetDegree, this.maxDegree);
      this.walker.onLinked = (p) => this.antiEntropy?.linked(p);
      if (this.repair) this.walker.onUnlinked = (p) => this.repairOne(p);
    }
    return this.walker;
  }

  get sync(): AntiEntropy | null {
    return this.antiEntropy;
  }

  /** A uniformly chosen neighbour p knows of (its view with peer sampling), or -1. */
  private knownNeighbour(p: number, rng: PeerStreams): number {
    if (this.sampling) {
      const n = this.sampling.views.size[p];
      return n > 0 ? this.sampling.views.id(p, rng.int(p, n)) : -1;
    }
    const d = this.ctx.overlay.degree(p);
    return d > 0 ? this.ctx.overlay.neighbor(p, rng.int(p, d)) : -1;
  }

  /**
   * A controller event (a failure, a trace step): `victims` (alive, distinct) go down at
   * once and their links go at both ends; then global knowledge is rebuilt and the
   * neighbours repair.
   */
  crash(victims: ArrayLike<number>): void {
    const own = this.own;
    if (own) {
      this.crashOwn(victims, own);
      return;
    }
    const { peers, overlay } = this.ctx;
    const lost: number[] = [];
    for (let i = 0; i < victims.length; i++) {
      const p = victims[i];
      if (peers.alive[p] !== 1) continue;
      this.goDown(p, () => {
        const former = overlay.isolate(p);
        if (this.repair) for (const q of former) lost.push(q);
      });
    }
    this.snapshot.rebuild();
    for (const listener of this.knowledgeRebuilt) listener();
    if (lost.length > 0) {
      repairLostLinks(lost, overlay, peers.alive, this.targetDegree, (q) => this.seek(q), (q) => this.rejoinAlone(q));
    }
  }

  /**
   * The same crash in one thread of a split run, which every thread runs (run/own-peers.ts).
   * First every thread reads what it needs: which of its peers list a victim (from the
   * victims' lists, as `isolate` reads them). After a barrier, each writes only its own
   * peers' part: its victims' lists, alive bytes (where shared) and views; its other peers
   * drop their entries for the victims, in the victims' order, as on one thread. A second
   * barrier, then global knowledge (the snapshot, then its listeners, each for its own
   * peers, as after a refresh) and the repairs of its own peers, which are per-peer
   * (streams, tie-breaks), so the results are one thread's.
   */
  private crashOwn(victims: ArrayLike<number>, own: OwnPeers): void {
    const { peers, overlay } = this.ctx;
    // Typed arrays, not lists: a failure may take down a third of 10^6 peers.
    const victim = new Uint8Array(peers.count);
    let downs = 0;
    for (let i = 0; i < victims.length; i++) {
      const p = victims[i];
      if (peers.alive[p] === 1) { victim[p] = 1; downs++; }
    }
    const down = new Int32Array(downs);
    for (let i = 0, k = 0; i < victims.length; i++) if (victim[victims[i]] === 1) down[k++] = victims[i];
    // (q, p) pairs: this thread's peer q drops its link to victim p, in the victims' order.
    let pairs = 0;
    const dropped = (q: number) => victim[q] === 0 && own.owns(q);
    if (!this.sampling) for (const p of down) for (let i = 0, d = overlay.degree(p); i < d; i++) if (dropped(overlay.neighbor(p, i))) pairs++;
    const drops = new Int32Array(2 * pairs);
    if (pairs > 0) {
      let k = 0;
      for (const p of down) {
        for (let i = 0, d = overlay.degree(p); i < d; i++) {
          const q = overlay.neighbor(p, i);
          if (dropped(q)) { drops[k++] = q; drops[k++] = p; }
        }
      }
    }
    own.wait();
    for (const p of down) {
      const mine = own.owns(p);
      if (own.sharedAlive && !mine) peers.aliveCount--;
      else peers.setAlive(p, false);
      this.epoch[p]++;
      this.walker?.down(p);
      if (mine) {
        this.crashedHere++;
        this.antiEntropy?.down(p);
        if (this.sampling) this.sampling.peerDown(p);
        else overlay.clearRun(p);
      }
      for (const listener of this.ctx.peerDown) listener(p);
    }
    const lost: number[] = [];
    for (let k = 0; k < drops.length; k += 2) {
      overlay.dropOwn(drops[k], drops[k + 1]);
      if (this.repair) lost.push(drops[k]);
    }
    own.wait();
    // Each thread counted its own changes: whether any link is left is read from the runs.
    if (own.sharedLinks) overlay.recountHalves();
    this.snapshot.rebuild();
    // Its listeners act for this thread's peers (the directory's reattachments), before the
    // repairs, as on one thread: a peer may draw from its streams for both.
    for (const listener of this.knowledgeRebuilt) listener();
    if (lost.length > 0) {
      repairLostLinks(lost, overlay, peers.alive, this.targetDegree, (q) => this.seek(q), (q) => this.rejoinAlone(q));
    }
  }

  /**
   * Churn: peer p (alive) leaves, at its own event. It drops its own links and tells each
   * former neighbour by a leave notice (without peer sampling); the views of the others
   * keep their entries for p as dead links (with peer sampling).
   */
  leave(p: number): void {
    if (this.ctx.peers.alive[p] !== 1) return;
    this.goDown(p, () => {
      const notice = this.leaveNotice!;
      for (const q of this.ctx.overlay.clearOwn(p)) this.ctx.transport.sendMessage(p, q, notice, 0);
    });
  }

  /** p (alive) goes down; without peer sampling `dropLinks` drops its links. */
  private goDown(p: number, dropLinks: () => void): void {
    this.ctx.peers.setAlive(p, false);
    this.epoch[p]++;
    this.walker?.down(p);
    this.antiEntropy?.down(p);
    if (this.sampling) this.sampling.peerDown(p);
    else dropLinks();
    for (const listener of this.ctx.peerDown) listener(p);
  }

  /** With overlay.repair: q (if alive and below its target degree) seeks a link, or joins again when alone. */
  private repairOne(q: number): void {
    repairLostLinks([q], this.ctx.overlay, this.ctx.peers.alive, this.targetDegree, (r) => this.seek(r), (r) => this.rejoinAlone(r));
  }

  /** q sends a walk from a bootstrap peer to find one more link. */
  private seek(q: number): void {
    const start = this.bootstrap(q);
    if (start >= 0) this.links.launch(q, start);
  }

  /** q, alive but with no link left, joins again. */
  private rejoinAlone(q: number): void {
    this.epoch[q]++; // a rejoin, with its own retries (and none of an earlier join)
    this.join(q);
  }

  /**
   * Peer p (down) comes back with the same id: at its own event (churn), or at a controller
   * event (a trace step), which in a split run every thread runs (run/own-peers.ts): each
   * then counts p alive, and tells its listeners, but only p's owner joins it to the overlay.
   */
  rejoin(p: number): void {
    if (this.ctx.peers.alive[p] === 1) return;
    const own = this.own;
    const mine = !own || own.owns(p);
    if (own?.sharedAlive && !mine) this.ctx.peers.aliveCount++;
    else this.ctx.peers.setAlive(p, true);
    this.sampling?.peerUp(p);
    this.up(p, mine);
  }

  /**
   * A brand-new peer arrives; returns its id. A split run numbers it in every thread (an
   * inline controller event); only its owner's (`own`) marks it alive and brings it up.
   * Another thread marks it alive too where `mark` (the same byte, 1) only when no thread
   * can run the new peer's events before all have run the arrival: at a window's start,
   * before the barrier that follows its controller events (churn/split.ts).
   */
  arrive(own = true, mark = own): number {
    const { peers, overlay, sim } = this.ctx;
    const p = own || mark ? peers.create() : peers.reserve();
    const n = peers.count;
    overlay.ensureSize(n);
    sim.ensurePeerCapacity(n);
    this.sampling?.ensureSize(n);
    this.antiEntropy?.ensureSize(n);
    if (n > this.epoch.length) {
      const e = new Int32Array(Math.max(n, this.epoch.length * 2));
      e.set(this.epoch);
      this.epoch = e;
    }
    for (const listener of this.ctx.peerArrive) listener(p);
    if (own) this.up(p);
    return p;
  }

  /** p is up: every thread's listeners hear of it; its owner (`mine`) joins it to the overlay. */
  private up(p: number, mine = true): void {
    for (const listener of this.ctx.peerUp) listener(p);
    if (!mine) return;
    this.antiEntropy?.joined(p);
    this.join(p);
  }

  /**
   * A bootstrap peer for p: the bootstrap service, a well-known entry point (a tracker),
   * hands out one uniformly chosen peer of the live snapshot (global knowledge: it may
   * have gone down since), out of band (no message), drawn from p's 'bootstrap' stream
   * (32 draws, then a scan); -1 if none.
   * The stream is looked up here, not held from the start: failures without churn or repair
   * never draw from it, and a split run (sim/parallel/) shares only the streams drawn.
   */
  private bootstrap(p: number): number {
    const { live, count } = this.snapshot;
    return count <= 1 ? -1 : uniformLivePeer(live, count, this.ctx.peerStreams('bootstrap').use(p), p, 32);
  }

  /** Attempt `attempt` (0 first) of p's join; an overlay of degree 0 needs no links. */
  private join(p: number, attempt = 0): void {
    if (!this.sampling && this.targetDegree === 0) return;
    const sim = this.ctx.sim;
    const via = this.bootstrap(p);
    if (via < 0) { this.joinsAlone++; return; }
    if (this.sampling) {
      this.sampling.join(p, via);
    } else {
      for (let i = this.ctx.overlay.degree(p); i < this.targetDegree; i++) this.links.launch(p, via);
    }
    const wait = Math.min(RETRY_MAX, this.retryTimeout * twoTo(attempt));
    sim.at(sim.now + wait, this.checkKind, p, p, this.epoch[p], attempt);
  }

  private onJoinCheck(p: number, epoch: number, attempt: number): void {
    if (epoch !== this.epoch[p] || this.ctx.peers.alive[p] !== 1) return;
    const alone = this.sampling ? this.sampling.views.size[p] === 0 : this.ctx.overlay.degree(p) === 0;
    if (!alone) return;
    this.joinRetries++;
    this.join(p, attempt + 1);
  }
}

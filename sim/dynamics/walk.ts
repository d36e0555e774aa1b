/**
 * Finding a new neighbour by a short random walk: the seeking peer sends a walker that
 * hops between neighbours through the transport; the peer where it stops offers a link.
 * Joins (without peer sampling) and overlay repair both use it.
 */
import type { PeerStreams } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { PayloadPool, type InlineMessageType, type MessageType } from '../network/messages.js';
import type { Transport } from '../network/transport.js';
import type { Graph } from '../overlay/graph.js';
import type { SimContext } from '../run/context.js';
import type { PeerTable } from '../run/peers.js';
import { grown } from '../run/grown.js';

/** Hops a walker takes before its current peer is asked to link (a "short" walk). */
export const WALK_HOPS = 5;
/** Further hops a walker may take when the peer it stopped at cannot link (full, or already a neighbour). */
export const WALK_EXTRA_HOPS = 5;

/**
 * A walk is one message per hop: event target = the peer holding the walker, a = the
 * seeking peer (origin), b = hops left (it goes negative while spending extra hops). Each
 * hop goes to a uniformly chosen neighbour (the holder's own 'walk' stream). A link is
 * then made by a handshake in which each end changes only its own list, at its own event:
 *  1. the holder, if it has fewer than `maxDegree` links and does not list the origin,
 *     sends an offer carrying its life number (how many times it went down);
 *  2. the origin, if up, below `targetDegree` and not listing the holder, lists the holder
 *     and sends an accept with that life number (else the walk is refused);
 *  3. the holder, if still up in the same life and below `maxDegree`, lists the origin;
 *     otherwise it answers with an unlink and the origin drops its half again (a request
 *     to a peer that went down is refused, as a connection to a dead host is).
 * So a link is held by one end only for about a latency. A walker that reaches a peer
 * that is down, or a message the network loses, is gone.
 */
export class LinkWalker {
  /** Walks started. */
  walks = 0;
  /** Links made: handshakes completed at the holder. */
  linksMade = 0;
  /** Walks that ended at a peer that was down or were lost by the network. */
  walksLost = 0;
  /** Walks that ended without a link (no room anywhere they stopped, the origin no longer needed one, or the holder refused at the end). */
  walksRefused = 0;
  /** Told each time `origin` lists a new neighbour found by a walk. */
  onLinked: (origin: number) => void = () => {};
  /** Told when `origin` dropped a half-link again because the holder refused it. */
  onUnlinked: (origin: number) => void = () => {};
  private readonly sim: Simulator;
  private readonly peers: PeerTable;
  private readonly overlay: Graph;
  private readonly transport: Transport;
  private readonly rng: PeerStreams;
  /** Each peer's life number: bumped when it goes down (`down`). */
  private life: Int32Array;
  /** A walker's step; payload [origin, hops left] (network/messages.ts). */
  private readonly step: MessageType;
  /** Holder → origin: an offer of a link; holder → origin again: unlink (refused at the end). */
  private readonly offer: InlineMessageType;
  private readonly unlink: InlineMessageType;
  /** Origin → holder: the origin listed the holder; the holder lists it back. */
  private readonly accept: InlineMessageType;

  constructor(ctx: SimContext, private readonly targetDegree: number, private readonly maxDegree: number) {
    this.sim = ctx.sim;
    this.peers = ctx.peers;
    this.overlay = ctx.overlay;
    this.transport = ctx.transport;
    this.rng = ctx.peerStreams('walk');
    this.life = new Int32Array(ctx.peers.alive.length);
    const steps = new PayloadPool(2);
    this.step = this.transport.messageType('walk/step', steps, (cur, _src, m) => this.onStep(cur, steps.data[2 * m], steps.data[2 * m + 1]));
    this.offer = this.transport.message('walk/offer', ['holderLife'], (origin, holder, life) => this.onOffer(origin, holder, life));
    this.accept = this.transport.message('walk/accept', ['holderLife'], (holder, origin, life) => this.onAccept(holder, origin, life));
    this.unlink = this.transport.message('walk/unlink', ['unused'], (origin, holder) => this.onUnlink(origin, holder));
  }

  /** p went down: handshakes it offered in its earlier life are refused. */
  down(p: number): void {
    if (p >= this.life.length) this.life = grown(this.life, Math.max(p + 1, this.life.length * 2));
    this.life[p]++;
  }

  private lifeOf(p: number): number {
    return p < this.life.length ? this.life[p] : 0;
  }

  /** Sends the walker of `origin` from `from` to `to` with `hops` left; false when lost. */
  private sendStep(from: number, to: number, origin: number, hops: number): boolean {
    const pool = this.step.pool, m = pool.take();
    pool.data[2 * m] = origin;
    pool.data[2 * m + 1] = hops;
    return this.transport.post(from, to, this.step, m);
  }

  /** `origin` sends a walker to `start`, which takes WALK_HOPS random hops from there. */
  launch(origin: number, start: number): void {
    this.walks++;
    if (!this.sendStep(origin, start, origin, WALK_HOPS)) this.walksLost++;
  }

  private onStep(cur: number, origin: number, hops: number): void {
    if (this.peers.alive[cur] !== 1) { this.walksLost++; return; }
    const g = this.overlay;
    const d = g.degree(cur);
    if (hops <= 0 && cur !== origin && d < this.maxDegree && !g.contains(cur, origin)) {
      if (!this.transport.sendMessage(cur, origin, this.offer, this.lifeOf(cur))) this.walksLost++;
      return;
    }
    if (d === 0 || hops <= -WALK_EXTRA_HOPS) { this.walksRefused++; return; }
    const next = g.neighbor(cur, this.rng.int(cur, d));
    if (!this.sendStep(cur, next, origin, hops - 1)) this.walksLost++;
  }

  private onOffer(origin: number, holder: number, life: number): void {
    const g = this.overlay;
    if (this.peers.alive[origin] === 1 && g.degree(origin) < this.targetDegree && g.addHalf(origin, holder)) {
      this.onLinked(origin);
      // A lost accept leaves the origin's half alone until the holder's departure notice
      // or a refused handshake; the network's loss applies to every message.
      if (!this.transport.sendMessage(origin, holder, this.accept, life)) this.walksLost++;
    } else {
      this.walksRefused++;
    }
  }

  private onAccept(holder: number, origin: number, life: number): void {
    const g = this.overlay;
    if (this.peers.alive[holder] === 1 && life === this.lifeOf(holder)
        && (g.contains(holder, origin) || (g.degree(holder) < this.maxDegree && g.addHalf(holder, origin)))) {
      this.linksMade++;
    } else {
      this.walksRefused++;
      this.transport.sendMessage(holder, origin, this.unlink);
    }
  }

  private onUnlink(origin: number, holder: number): void {
    if (this.overlay.removeHalf(origin, holder)) this.onUnlinked(origin);
  }
}

/**
 * Finding a new neighbour by a short random walk: the seeking peer sends a walker that
 * hops between neighbours through the transport; the peer where it stops offers a link.
 * Joins (without peer sampling) and overlay repair both use it.
 */
import type { PeerStreams } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { PayloadPool, type MessageType } from '../network/messages.js';
import type { Transport } from '../network/transport.js';
import type { Graph } from '../overlay/graph.js';
import type { SimContext } from '../run/context.js';
import type { PeerTable } from '../run/peers.js';

/** Hops a walker takes before its current peer is asked to link (a "short" walk). */
export const WALK_HOPS = 5;
/** Further hops a walker may take when the peer it stopped at cannot link (full, or already a neighbour). */
export const WALK_EXTRA_HOPS = 5;

/**
 * A walk is one message per hop: event target = the peer holding the walker, a = the
 * seeking peer (origin), b = hops left (it goes negative while spending extra hops). Each
 * hop goes to a uniformly chosen neighbour (the holder's own 'walk' stream). At the end the
 * holder offers a link if it has fewer than `maxDegree` links and is not yet linked to the
 * origin; the origin accepts the offer (the link is made when the offer arrives) if both
 * are still up, it has fewer than `targetDegree` links and the holder still has room.
 * A walker that reaches a peer that is down, or a message the network loses, is gone.
 */
export class LinkWalker {
  /** Walks started. */
  walks = 0;
  /** Links made by accepted offers. */
  linksMade = 0;
  /** Walks that ended at a peer that was down or were lost by the network. */
  walksLost = 0;
  /** Walks that ended without a link (no room anywhere they stopped, or the origin no longer needed one). */
  walksRefused = 0;
  /** Told each time `origin` gets a link from a walk. */
  onLinked: (origin: number) => void = () => {};
  private readonly sim: Simulator;
  private readonly peers: PeerTable;
  private readonly overlay: Graph;
  private readonly transport: Transport;
  private readonly rng: PeerStreams;
  /** A walker's step; payload [origin, hops left] (network/messages.ts). */
  private readonly step: MessageType;
  /** An offer of a link to the walk's origin; no payload (the sender is the holder). */
  private readonly offer: MessageType;

  constructor(ctx: SimContext, private readonly targetDegree: number, private readonly maxDegree: number) {
    this.sim = ctx.sim;
    this.peers = ctx.peers;
    this.overlay = ctx.overlay;
    this.transport = ctx.transport;
    this.rng = ctx.peerStreams('walk');
    const steps = new PayloadPool(2);
    this.step = this.transport.messageType('walk/step', steps, (cur, _src, m) => this.onStep(cur, steps.data[2 * m], steps.data[2 * m + 1]));
    this.offer = this.transport.messageType('walk/offer', new PayloadPool(0), (origin, holder) => this.onOffer(origin, holder));
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
      if (!this.transport.post(cur, origin, this.offer, this.offer.pool.take())) this.walksLost++;
      return;
    }
    if (d === 0 || hops <= -WALK_EXTRA_HOPS) { this.walksRefused++; return; }
    const next = g.neighbor(cur, this.rng.int(cur, d));
    if (!this.sendStep(cur, next, origin, hops - 1)) this.walksLost++;
  }

  private onOffer(origin: number, holder: number): void {
    const g = this.overlay, alive = this.peers.alive;
    if (alive[origin] === 1 && alive[holder] === 1 && g.degree(origin) < this.targetDegree
        && g.degree(holder) < this.maxDegree && g.addLink(origin, holder)) {
      this.linksMade++;
      this.onLinked(origin);
    } else {
      this.walksRefused++;
    }
  }
}

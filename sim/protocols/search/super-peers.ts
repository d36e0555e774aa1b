/**
 * The super-peer layer of hybrid P2P (KaZaA / Gnutella 0.6 ultrapeers): the best-connected
 * peers are promoted, every other peer attaches to one of them and registers the items it
 * holds (one message). A super-peer's index is the set of registrations it has received.
 *
 * Choices (documented for users): super-peers are the ⌈fraction · n⌉ peers of highest
 * overlay degree (ties to the lower id), as deployed systems promote their most capable
 * peers; an ordinary peer attaches to a super-peer drawn uniformly at random; super-peers
 * form a full mesh (each knows every other and notices when one is down). A peer that
 * goes down is dropped from its super-peer's index (the connection breaks); a peer that
 * comes back registers again; when a super-peer goes down its live members re-attach to
 * a random live super-peer and register there (drawn from the peer's 'search/attach'
 * stream, which no other event draws). Registrations are directory maintenance, counted
 * apart from the queries. Attachments change only at the start and when peers go down or
 * come up, so a split run's threads (where failures are controller events) all hold the
 * same; a super-peer's index (`registered`) is exact in its own thread, which alone reads it.
 *
 * Under drawn churn (`knowledge` given), peers leave and come back at their own events, and
 * each peer's event changes only its own state (docs/dynamics.md): a super-peer's index is
 * its own set of members, a peer's attachment its own. A super-peer that leaves empties its
 * index; a member that leaves stays in its super-peer's index until the next rebuild of
 * global knowledge (`network.knowledgeRefresh`, or a failure), when every live super-peer
 * drops the members that the live snapshot shows down, and every live ordinary peer whose
 * super-peer it shows down attaches to one it shows up. Who of the super-peers is up, to
 * ask or to attach to, is read from that snapshot too.
 */
import type { DataPlacement } from '../../data/placement.js';
import type { PeerStreams, RandomSource } from '../../engine/random.js';
import type { MessageType } from '../../network/messages.js';
import type { SimContext } from '../../run/context.js';
import type { LiveSnapshot } from '../../dynamics/knowledge.js';
import { DYNAMICS } from '../../dynamics/shared.js';

export class SuperPeerDirectory {
  /** Super-peer ids, in promotion order (highest degree first). */
  superPeers = new Int32Array(0);
  isSuper = new Uint8Array(0);
  /** Super-peer each ordinary peer is attached to (-1: none; a super-peer: itself). */
  attachedTo = new Int32Array(0);
  /** 1 when the peer's registration has reached its (live) super-peer. */
  registered = new Uint8Array(0);
  /** Registration messages sent (directory maintenance, not per query). */
  registrationMessages = 0;
  /** Attachments after the start: members of a failed super-peer moving, new peers joining. */
  reattachments = 0;
  /**
   * Whether a split run's thread counts only its own peers' registrations and reattachments
   * (under churn; the merge sums them), or every thread all of them alike.
   */
  get countsOwnPeers(): boolean {
    return this.knowledge !== null;
  }
  /** Under churn: each super-peer's members (by its place in `superPeers`), its own state. */
  private members: Array<Set<number>> | null = null;
  /** Under churn: a super-peer's place in `superPeers` (-1: an ordinary peer). */
  private place: Int32Array | null = null;

  constructor(
    private readonly ctx: SimContext,
    private readonly data: DataPlacement,
    private readonly fraction: number,
    private readonly register: MessageType,
    private readonly attachRng: RandomSource,
    /** Each peer's stream for its later attachments (drawn at no other event). */
    private readonly attachStreams: PeerStreams,
    /** A split run: whether this thread acts for the peer (null: one thread, for all). */
    private readonly owns: ((peer: number) => boolean) | null = null,
    /** Under drawn churn: the live snapshot (global knowledge) the peers act on; null: exact liveness. */
    private readonly knowledge: LiveSnapshot | null = null,
  ) {}

  /**
   * Promotes the super-peers and attaches the others, from the overlay as it stands: call
   * once every component has started (with peer sampling, the overlay is the views' then).
   */
  build(): void {
    const ctx = this.ctx, knowledge = this.knowledge, attachRng = this.attachRng;
    // With peer sampling, from the views as they stand now: a replayed trace takes its
    // absent peers down at its start, after the views were built, and a split run's threads
    // build the overlay from the views after that (a no-op where no view has changed).
    ctx.services.get(DYNAMICS)?.membership.sampling?.syncOverlay();
    const g = ctx.overlay;
    const n = ctx.peers.count;
    const cap = ctx.peers.alive.length;
    const count = Math.min(n, Math.max(1, Math.ceil(this.fraction * n - 1e-9)));
    const order = Array.from({ length: n }, (_, p) => p);
    order.sort((p, q) => g.degree(q) - g.degree(p) || p - q);
    this.superPeers = Int32Array.from(order.slice(0, count));
    this.isSuper = new Uint8Array(cap);
    this.attachedTo = new Int32Array(cap).fill(-1);
    this.registered = new Uint8Array(cap);
    for (const sp of this.superPeers) {
      this.isSuper[sp] = 1;
      this.attachedTo[sp] = sp;
      this.registered[sp] = 1;
    }
    for (let p = 0; p < n; p++) {
      if (this.isSuper[p]) continue;
      this.attachedTo[p] = this.superPeers[Math.floor(attachRng.next() * count)];
    }
    this.members = knowledge ? Array.from({ length: count }, () => new Set<number>()) : null;
    this.place = knowledge ? new Int32Array(n).fill(-1) : null;
    if (this.place) this.superPeers.forEach((sp, i) => { this.place![sp] = i; });
  }

  /** Whether super-peer `sp` is up, as the peers know it (the snapshot under churn). */
  superPeerUp(sp: number): boolean {
    const k = this.knowledge;
    return k === null ? this.ctx.peers.alive[sp] === 1 : sp < k.count && k.live[sp] === 1;
  }

  private mine(p: number): boolean {
    return this.owns === null || this.owns(p);
  }

  /** Sends every live ordinary peer's registration (at the current time). */
  registerAll(): void {
    const alive = this.ctx.peers.alive;
    for (let p = 0; p < this.ctx.peers.count; p++) {
      if (!this.isSuper[p] && alive[p]) this.sendRegistration(p);
    }
  }

  /**
   * Every thread counts it (and so holds the run's count), but under churn, where only the
   * peer's own thread knows of it; the peer's own thread sends it.
   */
  private sendRegistration(p: number): void {
    const mine = this.mine(p);
    if (mine || this.knowledge === null) this.registrationMessages++;
    if (mine) this.ctx.transport.post(p, this.attachedTo[p], this.register, this.register.pool.take());
  }

  /** A registration from `peer` reached super-peer `sp`. */
  onRegister(sp: number, peer: number): void {
    if (this.members) {
      // Under churn sp knows only itself: a member that has left since goes at the next rebuild.
      if (this.ctx.peers.alive[sp]) this.members[this.place![sp]].add(peer);
      return;
    }
    if (!this.ctx.peers.alive[sp] || !this.ctx.peers.alive[peer]) return;
    if (this.attachedTo[peer] === sp) this.registered[peer] = 1;
  }

  /**
   * A holder of `item` in super-peer `sp`'s index (sp itself or a registered member),
   * other than `exclude`; -1 when there is none. O(replicas of the item).
   */
  lookup(sp: number, item: number, exclude: number): number {
    const holders = this.data.holdersOf(item);
    const members = this.members === null ? null : this.members[this.place![sp]];
    for (let k = 0; k < holders.length; k++) {
      const h = holders[k];
      if (h === exclude) continue;
      if (h === sp) return h;
      if (this.isSuper[h]) continue;
      if (members !== null ? members.has(h) : this.attachedTo[h] === sp && this.registered[h] === 1) return h;
    }
    return -1;
  }

  private grow(n: number): void {
    if (n <= this.isSuper.length) return;
    const c = Math.max(n, this.isSuper.length * 2);
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(c); b.set(a); return b; };
    this.isSuper = g8(this.isSuper);
    this.registered = g8(this.registered);
    const a = new Int32Array(c).fill(-1);
    a.set(this.attachedTo);
    this.attachedTo = a;
  }

  /** A random live super-peer (as the peers know it), drawn from `rng`; -1 when none is. */
  private liveSuperPeer(rng: RandomSource): number {
    const s = this.superPeers.length;
    const start = Math.floor(rng.next() * s);
    for (let k = 0; k < s; k++) {
      const sp = this.superPeers[(start + k) % s];
      if (this.superPeerUp(sp)) return sp;
    }
    return -1;
  }

  private reattach(p: number): void {
    const sp = this.liveSuperPeer(this.attachStreams.use(p));
    this.attachedTo[p] = sp;
    this.registered[p] = 0;
    if (sp < 0) return;
    if (this.mine(p) || this.knowledge === null) this.reattachments++;
    this.sendRegistration(p);
  }

  /**
   * Under churn, after each rebuild of the live snapshot (a controller event, in every
   * thread, each for its own peers): live super-peers drop the members it shows down; live
   * ordinary peers whose super-peer it shows down (or that have none) attach again.
   */
  knowledgeRebuilt(): void {
    const alive = this.ctx.peers.alive, k = this.knowledge!;
    const known = (q: number) => q < k.count && k.live[q] === 1;
    this.superPeers.forEach((sp, i) => {
      if (!this.mine(sp) || !alive[sp]) return;
      for (const q of this.members![i]) if (!known(q)) this.members![i].delete(q);
    });
    for (let p = 0; p < this.ctx.peers.count; p++) {
      if (this.isSuper[p] || !alive[p] || !this.mine(p)) continue;
      const sp = this.attachedTo[p];
      if (sp < 0 || !known(sp)) this.reattach(p);
    }
  }

  /** Peer p went down. */
  peerDown(p: number): void {
    if (p >= this.isSuper.length) return;
    if (this.members) {
      // Under churn at its own event: a super-peer's index goes with it; a member stays in
      // its super-peer's index until the next rebuild of global knowledge.
      if (this.isSuper[p]) this.members[this.place![p]].clear();
      return;
    }
    if (!this.isSuper[p]) {
      this.registered[p] = 0;
      return;
    }
    const alive = this.ctx.peers.alive;
    for (let q = 0; q < this.ctx.peers.count; q++) {
      if (q === p || this.attachedTo[q] !== p || this.isSuper[q]) continue;
      this.registered[q] = 0;
      if (alive[q]) this.reattach(q);
    }
  }

  /** Peer p (re)joined: an ordinary peer registers again, moving if its super-peer is down. */
  peerUp(p: number): void {
    this.grow(p + 1);
    if (this.isSuper[p]) return;
    const sp = this.attachedTo[p];
    if (sp < 0 || !this.superPeerUp(sp)) {
      this.reattach(p);
      return;
    }
    this.registered[p] = 0;
    this.sendRegistration(p);
  }
}

/**
 * Chooses gossip partners: `uniform` (any live peer but oneself, e.g. a full membership
 * list or a peer-sampling service; under drawn churn, forwarding reads the live snapshot)
 * or `neighbours` (the overlay). Draws come from the acting peer's own stream; the chosen
 * ids are written to `out` (no allocation a call).
 */
import type { PeerStreams } from '../../engine/random.js';
import type { Linkable } from '../../overlay/graph.js';
import type { PeerTable } from '../../run/peers.js';
import type { LiveSnapshot } from '../../dynamics/knowledge.js';

export class TargetPicker {
  /** The targets chosen by the last call, out[0 .. returned count). */
  out = new Int32Array(16);

  constructor(
    private readonly peers: PeerTable,
    private readonly overlay: Linkable,
    private readonly streams: PeerStreams,
    /** The live snapshot forwarding draws from (knownUniform), looked up on first use; null: the live peers now. */
    private readonly known: (() => LiveSnapshot) | null = null,
  ) {}

  private room(k: number): Int32Array {
    if (k > this.out.length) this.out = new Int32Array(Math.max(k, this.out.length * 2));
    return this.out;
  }

  /**
   * min(fanout, other live peers) distinct live peers other than `peer`, uniformly.
   * Rejection sampling over all ids: O(fanout) expected draws while most ids are alive.
   */
  uniform(peer: number, fanout: number): number {
    const alive = this.peers.alive;
    const n = this.peers.count;
    // While every peer is alive, skip the (random, cache-missing) read of alive[q].
    return this.distinct(peer, fanout, alive, n, this.peers.aliveCount - (alive[peer] === 1 ? 1 : 0), this.peers.aliveCount === n);
  }

  /**
   * Uniform targets as `peer` knows them at its own event: from the live snapshot (global
   * knowledge, rebuilt every `network.knowledgeRefresh`) where `known` is set (drawn churn
   * on the event engine: who is alive among other threads' peers changes meanwhile), else
   * as `uniform`. A target may have gone down since the rebuild: the message is then lost.
   */
  knownUniform(peer: number, fanout: number): number {
    if (this.known === null) return this.uniform(peer, fanout);
    const snap = this.known();
    const { live, count } = snap, known = snap.liveCount;
    return this.distinct(peer, fanout, live, count, known - (peer < count && live[peer] === 1 ? 1 : 0), known === count);
  }

  /** min(fanout, others) distinct ids below n, other than `peer`, marked 1 in `alive`. */
  private distinct(peer: number, fanout: number, alive: Uint8Array, n: number, others: number, allAlive: boolean): number {
    const k = fanout < others ? fanout : others;
    const out = this.room(k);
    const streams = this.streams;
    for (let j = 0; j < k; j++) {
      let q: number;
      for (;;) {
        q = streams.int(peer, n);
        if (q === peer || (!allAlive && alive[q] !== 1)) continue;
        let seen = false;
        for (let i = 0; i < j; i++) if (out[i] === q) { seen = true; break; }
        if (!seen) break;
      }
      out[j] = q;
    }
    return k;
  }

  /**
   * min(fanout, degree) distinct overlay neighbours of `peer`, uniformly (all of them when
   * fanout >= degree, without a draw). A neighbour may be offline: the message is then
   * dropped on arrival, as a peer cannot know.
   */
  neighbours(peer: number, fanout: number): number {
    const g = this.overlay;
    const d = g.degree(peer);
    const out = this.room(fanout < d ? fanout : d);
    if (fanout >= d) {
      for (let i = 0; i < d; i++) out[i] = g.neighbor(peer, i);
      return d;
    }
    if (fanout === 1) {
      out[0] = g.neighbor(peer, this.streams.int(peer, d));
      return 1;
    }
    // Selection sampling (Knuth's Algorithm S): keep neighbour i with probability
    // needed / left, which yields a uniform subset of exactly `fanout`.
    let needed = fanout, j = 0;
    for (let i = 0; i < d && needed > 0; i++) {
      if (this.streams.next(peer) * (d - i) < needed) {
        out[j++] = g.neighbor(peer, i);
        needed--;
      }
    }
    return j;
  }
}

/**
 * Anti-entropy on (re)join (`churn.sync`): a peer that comes back asks one neighbour for
 * the rumours it missed, through the transport, and is resynchronised when the answer
 * arrives. It measures the time from (re)joining to being in sync.
 */
import { RUMOUR_LEDGER, rumourCapacity } from '../services/rumour-ledger.js';
import type { PeerStreams } from '../engine/random.js';
import type { Simulator } from '../engine/simulator.js';
import { PayloadPool, type MessageType } from '../network/messages.js';
import type { Transport } from '../network/transport.js';
import type { SimContext } from '../run/context.js';
import type { PeerTable } from '../run/peers.js';

const IDLE = 0, WAITING_FOR_NEIGHBOUR = 1, ASKED = 2;

/**
 * Protocol: once it knows a neighbour (an overlay neighbour, or a view entry with peer
 * sampling), peer p sends a request to a uniformly chosen one, q (p's 'sync' stream). q,
 * if up, answers with the rumours it holds when the request arrives, of those started so
 * far (a bit each); when the answer arrives p receives (the RUMOUR_LEDGER service's
 * deliver) every one of them it lacks. Each side reads only its own rumours, at its own
 * event (a split run's threads never read another's peers). No answer within `timeout`
 * (q was down, a message was lost) and p asks another neighbour. A peer going down
 * abandons its resynchronisation.
 *
 * Per-peer state: state (Uint8: idle, waiting for a neighbour, asked), since (Float64:
 * when the peer (re)joined), epoch (Int32: numbers the requests, so late answers and
 * timeouts of an earlier request or life are ignored) and resyncTime (Float64: the peer's
 * resynchronisations' total duration, summed over the peers in peer order at the end, so
 * that the total does not depend on the order in which threads ran the peers' events).
 */
export class AntiEntropy {
  /** Resynchronisations completed. */
  resyncs = 0;
  /** Rumours handed over by anti-entropy. */
  rumoursPulled = 0;
  /** Requests sent (retries included). */
  requests = 0;
  private state: Uint8Array;
  private since: Float64Array;
  private epoch: Int32Array;
  private resyncTime: Float64Array;
  private readonly sim: Simulator;
  private readonly peers: PeerTable;
  private readonly transport: Transport;
  private readonly rng: PeerStreams;
  /** Requests' payloads: [epoch of the asking peer]. */
  private readonly asks = new PayloadPool(1);
  /**
   * Replies' payloads: [epoch of the asking peer, rumours started k, then the rumours the
   * answering peer holds among 0..k−1, a bit each, 32 a field]: 2 + ⌈capacity / 32⌉ fields.
   */
  private readonly replies: PayloadPool;
  private readonly request: MessageType;
  private readonly reply: MessageType;
  private readonly timeoutKind: number;

  /**
   * `pickNeighbour(p, rng)` returns a neighbour p knows of (drawing from p's stream in
   * `rng`), or -1 when it knows none.
   */
  constructor(
    private readonly ctx: SimContext,
    private readonly timeout: number,
    private readonly pickNeighbour: (p: number, rng: PeerStreams) => number,
  ) {
    this.sim = ctx.sim;
    this.peers = ctx.peers;
    this.transport = ctx.transport;
    this.rng = ctx.peerStreams('sync');
    const n = ctx.peers.alive.length;
    this.state = new Uint8Array(n);
    this.since = new Float64Array(n);
    this.epoch = new Int32Array(n);
    this.resyncTime = new Float64Array(n);
    const requests = this.asks;
    const replies = this.replies = new PayloadPool(2 + Math.ceil(rumourCapacity(ctx.scenario) / 32), 16);
    this.request = this.transport.messageType('sync/request', requests, (q, p, m) => this.onRequest(q, p, requests.data[m]));
    this.reply = this.transport.messageType('sync/reply', replies, (p, _q, m) => this.onReply(p, m * replies.stride));
    this.timeoutKind = this.sim.registerKind('sync/timeout', (p, _src, epoch) => this.onTimeout(p, epoch));
  }

  ensureSize(n: number): void {
    if (n <= this.state.length) return;
    const c = Math.max(n, Math.ceil(this.state.length * 1.5));
    const s = new Uint8Array(c); s.set(this.state); this.state = s;
    const t = new Float64Array(c); t.set(this.since); this.since = t;
    const e = new Int32Array(c); e.set(this.epoch); this.epoch = e;
    const r = new Float64Array(c); r.set(this.resyncTime); this.resyncTime = r;
  }

  /**
   * A split run: every peer's resynchronisation time lives in `shared` (each thread writes
   * its own peers'); call before the run starts.
   */
  shareResyncTimes(shared: Float64Array): void {
    this.resyncTime = shared;
  }

  /** Total duration of the completed resynchronisations (join → answer), summed in peer order. */
  get resyncTimeTotal(): number {
    let total = 0;
    for (let p = 0; p < this.resyncTime.length; p++) total += this.resyncTime[p];
    return total;
  }

  /** p has just (re)joined: it will resynchronise once it has a neighbour. */
  joined(p: number): void {
    if (!this.ctx.services.get(RUMOUR_LEDGER)) return;
    this.state[p] = WAITING_FOR_NEIGHBOUR;
    this.since[p] = this.sim.now;
    this.ask(p);
  }

  /** p got a neighbour. */
  linked(p: number): void {
    if (this.state[p] === WAITING_FOR_NEIGHBOUR) this.ask(p);
  }

  /** p went down. */
  down(p: number): void {
    this.state[p] = IDLE;
    this.epoch[p]++;
  }

  /** Peers (re)joined and not yet resynchronised. */
  get pending(): number {
    let n = 0;
    for (let p = 0; p < this.peers.count; p++) if (this.state[p] !== IDLE) n++;
    return n;
  }

  private ask(p: number): void {
    const q = this.pickNeighbour(p, this.rng);
    if (q < 0) { this.state[p] = WAITING_FOR_NEIGHBOUR; return; }
    this.state[p] = ASKED;
    const epoch = ++this.epoch[p];
    this.requests++;
    const m = this.asks.take();
    this.asks.data[m] = epoch;
    this.transport.post(p, q, this.request, m);
    this.sim.at(this.sim.now + this.timeout, this.timeoutKind, p, p, epoch);
  }

  /** q answers p's request with the rumours it holds now. */
  private onRequest(q: number, p: number, epoch: number): void {
    const ledger = this.ctx.services.get(RUMOUR_LEDGER);
    if (this.peers.alive[q] !== 1 || !ledger) return;
    const pool = this.replies, m = pool.take(), at = m * pool.stride, count = ledger.count();
    const data = pool.data;
    data[at] = epoch;
    data[at + 1] = count;
    for (let w = 0; 32 * w < count; w++) {
      let bits = 0;
      for (let r = 32 * w, end = Math.min(count, r + 32); r < end; r++) if (ledger.has(q, r)) bits |= 1 << (r & 31);
      data[at + 2 + w] = bits;
    }
    this.transport.post(q, p, this.reply, m);
  }

  /** p takes, from the answer's fields at replies.data[at ...], the rumours it lacks. */
  private onReply(p: number, at: number): void {
    const ledger = this.ctx.services.get(RUMOUR_LEDGER);
    const data = this.replies.data, epoch = data[at], count = data[at + 1];
    if (!ledger || this.state[p] !== ASKED || epoch !== this.epoch[p] || this.peers.alive[p] !== 1) return;
    for (let r = 0; r < count; r++) {
      if (((data[at + 2 + (r >>> 5)] >>> (r & 31)) & 1) === 1 && !ledger.has(p, r)) {
        ledger.deliver(p, r);
        this.rumoursPulled++;
      }
    }
    this.state[p] = IDLE;
    this.resyncs++;
    this.resyncTime[p] += this.sim.now - this.since[p];
  }

  private onTimeout(p: number, epoch: number): void {
    if (this.state[p] === ASKED && epoch === this.epoch[p] && this.peers.alive[p] === 1) this.ask(p);
  }
}

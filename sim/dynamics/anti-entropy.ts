/**
 * Anti-entropy on (re)join (`churn.sync`): a peer that comes back asks one neighbour for
 * the rumours it missed, through the transport, and is resynchronised when the answer
 * arrives. It measures the time from (re)joining to being in sync.
 */
import { RUMOUR_LEDGER } from '../services/rumour-ledger.js';
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
 * if up, answers with the number of rumours started so far, k; when the answer arrives p
 * receives (the RUMOUR_LEDGER service's deliver) every rumour r < k that q holds
 * at that moment and p lacks. No answer within `timeout` (q was down, a message was lost)
 * and p asks another neighbour. A peer going down abandons its resynchronisation.
 *
 * Per-peer state: state (Uint8: idle, waiting for a neighbour, asked), since (Float64:
 * when the peer (re)joined) and epoch (Int32: numbers the requests, so late answers and
 * timeouts of an earlier request or life are ignored).
 */
export class AntiEntropy {
  /** Resynchronisations completed, and their total duration (join → answer). */
  resyncs = 0;
  resyncTimeTotal = 0;
  /** Rumours handed over by anti-entropy. */
  rumoursPulled = 0;
  /** Requests sent (retries included). */
  requests = 0;
  private state: Uint8Array;
  private since: Float64Array;
  private epoch: Int32Array;
  private readonly sim: Simulator;
  private readonly peers: PeerTable;
  private readonly transport: Transport;
  private readonly rng: PeerStreams;
  /** Payloads [epoch of the asking peer, rumours started] (count: replies only). */
  private readonly payloads = new PayloadPool(2);
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
    const pool = this.payloads;
    this.request = this.transport.messageType('sync/request', pool, (q, p, m) => this.onRequest(q, p, pool.data[2 * m]));
    this.reply = this.transport.messageType('sync/reply', pool, (p, q, m) => this.onReply(p, q, pool.data[2 * m], pool.data[2 * m + 1]));
    this.timeoutKind = this.sim.registerKind('sync/timeout', (p, _src, epoch) => this.onTimeout(p, epoch));
  }

  ensureSize(n: number): void {
    if (n <= this.state.length) return;
    const c = Math.max(n, Math.ceil(this.state.length * 1.5));
    const s = new Uint8Array(c); s.set(this.state); this.state = s;
    const t = new Float64Array(c); t.set(this.since); this.since = t;
    const e = new Int32Array(c); e.set(this.epoch); this.epoch = e;
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
    this.post(p, q, this.request, epoch, 0);
    this.sim.at(this.sim.now + this.timeout, this.timeoutKind, p, p, epoch);
  }

  private onRequest(q: number, p: number, epoch: number): void {
    const ledger = this.ctx.services.get(RUMOUR_LEDGER);
    if (this.peers.alive[q] !== 1 || !ledger) return;
    this.post(q, p, this.reply, epoch, ledger.count());
  }

  private post(from: number, to: number, type: MessageType, epoch: number, count: number): void {
    const m = this.payloads.take();
    this.payloads.data[2 * m] = epoch;
    this.payloads.data[2 * m + 1] = count;
    this.transport.post(from, to, type, m);
  }

  private onReply(p: number, q: number, epoch: number, count: number): void {
    const ledger = this.ctx.services.get(RUMOUR_LEDGER);
    if (!ledger || this.state[p] !== ASKED || epoch !== this.epoch[p] || this.peers.alive[p] !== 1) return;
    for (let r = 0; r < count; r++) {
      if (!ledger.has(p, r) && ledger.has(q, r)) {
        ledger.deliver(p, r);
        this.rumoursPulled++;
      }
    }
    this.state[p] = IDLE;
    this.resyncs++;
    this.resyncTimeTotal += this.sim.now - this.since[p];
  }

  private onTimeout(p: number, epoch: number): void {
    if (this.state[p] === ASKED && epoch === this.epoch[p] && this.peers.alive[p] === 1) this.ask(p);
  }
}

/**
 * P2P distribution, BitTorrent-like: the file is cut into chunks; the server and every
 * peer upload chunks they hold to swarm neighbours that lack them, rarest-first, and each
 * chunk transfer's completion is an engine event.
 *
 * Flow model (fixed-rate upload slots). Each uploader splits its upload into equal slots
 * (`uploadSlots` for a peer, `server.slots` for the server) and runs at most one chunk
 * transfer per slot. A transfer's rate is fixed when it starts: the uploader's slot rate,
 * capped by the receiver's free download (its download minus the rates of the transfers
 * it is already receiving); a receiver takes a new transfer only while its free download
 * is at least half of what the transfer could use (min(slot rate, its download)). So no
 * peer ever uploads faster than its upload nor downloads faster than its download. A busy
 * slot is refilled as soon as its transfer ends; an idle uploader is woken when it gains a
 * chunk, or when a neighbour's download frees up. While the swarm is busy every slot is
 * full, so peers' and server's uploads are used at their full rate, which is what lets the
 * distribution time approach the bound N·F/(u_s + Σu_i); the losses are the ramp-up (the
 * first chunks must leave the server) and the end game (a peer missing only a few chunks
 * cannot fill its download). Not modelled: message latency and loss (transfers are TCP
 * flows of seconds, a request's round trip is negligible), choking / tit-for-tat (a peer
 * serves any interested neighbour), and the end-game mode's duplicate requests.
 *
 * Chunk choice: among the chunks the uploader holds and the receiver lacks (and is not
 * already receiving), the rarest, ties broken by a salted hash. Rarity is, with `rarity:
 * swarm` (default), the chunk's copies in the whole swarm, held or in flight; with
 * `rarity: neighbours`, how many of the receiver's neighbours hold it, as BitTorrent
 * estimates it from its neighbours' bitfields. Both gave distribution times within 1%
 * of each other for N = 10..1000 on tracker swarms with K >= 5 and a degree-4 overlay
 * (3% better for local counts on a very sparse K = 2 swarm), while the local counts cost
 * 2 bytes per peer per chunk and a scattered write per neighbour for every chunk
 * received (about twice the run time with 10^4 peers). The server always sends
 * the chunk with the fewest copies in the swarm, like BitTorrent's super-seeding, and
 * serves the peers round-robin.
 *
 * Memory: 2 bits (held, in flight) per peer per chunk (plus 2 bytes with `rarity:
 * neighbours`), and ~60 bytes per upload slot.
 */
import { CONTROLLER, type Simulator } from '../../engine/simulator.js';
import type { NamedStream, PeerStreams } from '../../engine/random.js';
import type { PeerLedger } from './ledger.js';
import { hasWanted, lastWordMask, pickRarest } from './rarest-first.js';
import type { Swarm } from './swarm.js';

export interface P2POptions {
  file: number;
  chunk: number;
  serverUpload: number;
  /** Concurrent uploads of each peer. */
  uploadSlots: number;
  /** Concurrent uploads of the server (already resolved: >= 1). */
  serverSlots: number;
  /** How a peer ranks chunks: copies in the whole swarm, or among the receiver's neighbours. */
  rarity: 'swarm' | 'neighbours';
}

const SERVER = -1;

/**
 * A receiver takes a new transfer only while its free download is at least this fraction
 * of what the transfer could use (min(slot rate, its download)): it avoids starting
 * transfers on a sliver of bandwidth that would then hold a slot for a long time.
 */
const MIN_FREE_FRACTION = 0.5;

export class P2PDistribution {
  readonly chunks: number;
  private readonly n: number;
  private readonly words: number;
  private readonly lastMask: number;
  private readonly chunkSize: number;
  private readonly lastChunkSize: number;
  private readonly uploadSlots: number;
  private readonly serverSlots: number;
  private readonly serverSlotRate: number;

  // Per-peer state (index p, or p·words / p·chunks for the per-chunk arrays).
  /** Chunk bitsets: held, and in flight towards the peer. */
  private readonly have: Uint32Array;
  private readonly pending: Uint32Array;
  /** Chunks held and in flight, per peer. */
  private readonly held: Int32Array;
  private readonly inFlight: Int32Array;
  /** avail[p·chunks + c]: how many of p's swarm neighbours hold chunk c (rarity: neighbours). */
  private readonly avail: Uint16Array | Uint32Array | null;
  /** 1 while the peer is in the swarm (it was there at the start and has not left). */
  private readonly inSwarm: Uint8Array;
  /** Outgoing transfers running, per peer. */
  private readonly busy: Int32Array;
  /** Head of each peer's list of incoming transfers (-1: none). */
  private readonly inHead: Int32Array;

  // Per-chunk state.
  /** Copies of each chunk in the swarm, held or in flight (the server's rarity). */
  private readonly copies: Int32Array;

  // Transfer slots: peer u owns slots u·uploadSlots .. +uploadSlots-1, the server the
  // serverSlots after n·uploadSlots. A free slot has tTo = -1.
  private readonly tFrom: Int32Array;
  private readonly tTo: Int32Array;
  private readonly tChunk: Int32Array;
  private readonly tRate: Float64Array;
  private readonly tStart: Float64Array;
  /** Bumped when a transfer ends or aborts: the completion event carries it to detect stale ones. */
  private readonly tVersion: Uint32Array;
  /** Doubly linked list of a receiver's incoming transfers. */
  private readonly tNext: Int32Array;
  private readonly tPrev: Int32Array;

  private serverBusy = 0;
  private serverCursor = 0;
  /** Chunks held by all peers together (for the downloaded-fraction series). */
  heldTotal = 0;
  private kind = -1;

  constructor(
    private readonly sim: Simulator,
    private readonly ledger: PeerLedger,
    private readonly swarm: Swarm,
    private readonly streams: PeerStreams,
    private readonly serverStream: NamedStream,
    options: P2POptions,
  ) {
    const n = ledger.peers;
    this.n = n;
    const chunks = Math.max(1, Math.ceil(options.file / options.chunk));
    this.chunks = chunks;
    this.words = (chunks + 31) >>> 5;
    this.lastMask = lastWordMask(chunks);
    this.chunkSize = Math.min(options.chunk, options.file);
    this.lastChunkSize = options.file - (chunks - 1) * this.chunkSize;
    this.uploadSlots = options.uploadSlots;
    this.serverSlots = options.serverSlots;
    this.serverSlotRate = options.serverUpload / options.serverSlots;

    this.have = new Uint32Array(n * this.words);
    this.pending = new Uint32Array(n * this.words);
    this.held = new Int32Array(n);
    this.inFlight = new Int32Array(n);
    this.avail = options.rarity === 'swarm' ? null
      : swarm.maxDegree < 65536 ? new Uint16Array(n * chunks) : new Uint32Array(n * chunks);
    this.inSwarm = new Uint8Array(n).fill(1);
    this.busy = new Int32Array(n);
    this.inHead = new Int32Array(n).fill(-1);
    this.copies = new Int32Array(chunks);

    const slots = n * this.uploadSlots + this.serverSlots;
    this.tFrom = new Int32Array(slots);
    this.tTo = new Int32Array(slots).fill(-1);
    this.tChunk = new Int32Array(slots);
    this.tRate = new Float64Array(slots);
    this.tStart = new Float64Array(slots);
    this.tVersion = new Uint32Array(slots);
    this.tNext = new Int32Array(slots).fill(-1);
    this.tPrev = new Int32Array(slots).fill(-1);
  }

  /** Bytes of the per-peer, per-chunk and per-slot state (for memory accounting). */
  get bytes(): number {
    // 17 bytes a peer: held, inFlight, busy, inHead (4 each), inSwarm (1); 40 a slot.
    return this.have.byteLength * 2 + (this.avail?.byteLength ?? 0) + this.copies.byteLength
      + this.n * 17 + this.tTo.length * 40;
  }

  /** Registers the chunk-completion event and lets the server start seeding at time 0. */
  start(): void {
    this.kind = this.sim.registerKind('capacity/chunk-done', (to, _src, slot, version) => this.onChunkDone(to, slot, version));
    this.fillServer();
  }

  /** Whether peer p holds chunk c (for tests and observers). */
  holds(p: number, c: number): boolean {
    return (this.have[p * this.words + (c >>> 5)] & (1 << (c & 31))) !== 0;
  }

  /** Chunk transfers running now. */
  get transfersInFlight(): number {
    let k = this.serverBusy;
    for (let p = 0; p < this.n; p++) k += this.busy[p];
    return k;
  }

  /**
   * Recomputes the derived counts (chunks held and in flight per peer, copies per chunk,
   * neighbour availability, busy slots) from the bitsets and the transfer table; returns
   * the first mismatch, or null. O(peers · chunks · degree): for tests.
   */
  selfCheck(): string | null {
    const { offset, adj } = this.swarm;
    const C = this.chunks;
    const copies = new Int32Array(C);
    const busy = new Int32Array(this.n);
    const inFlight = new Int32Array(this.n);
    let serverBusy = 0;
    for (let s = 0; s < this.tTo.length; s++) {
      if (this.tTo[s] < 0) continue;
      copies[this.tChunk[s]]++;
      inFlight[this.tTo[s]]++;
      if (this.tFrom[s] === SERVER) serverBusy++;
      else busy[this.tFrom[s]]++;
    }
    if (serverBusy !== this.serverBusy) return `server busy ${this.serverBusy}, counted ${serverBusy}`;
    for (let p = 0; p < this.n; p++) {
      let held = 0;
      for (let c = 0; c < C; c++) {
        if (!this.holds(p, c)) continue;
        held++;
        if (this.inSwarm[p] === 1) copies[c]++;
      }
      if (held !== this.held[p]) return `peer ${p} holds ${held} chunks, counted ${this.held[p]}`;
      if (busy[p] !== this.busy[p]) return `peer ${p} busy ${this.busy[p]}, counted ${busy[p]}`;
      if (inFlight[p] !== this.inFlight[p]) return `peer ${p} in flight ${this.inFlight[p]}, counted ${inFlight[p]}`;
    }
    for (let c = 0; c < C; c++) if (copies[c] !== this.copies[c]) return `chunk ${c}: ${this.copies[c]} copies, counted ${copies[c]}`;
    if (this.avail) {
      for (let p = 0; p < this.n; p++) {
        for (let c = 0; c < C; c++) {
          let k = 0;
          for (let i = offset[p]; i < offset[p + 1]; i++) if (this.inSwarm[adj[i]] === 1 && this.holds(adj[i], c)) k++;
          if (k !== this.avail[p * C + c]) return `peer ${p} sees chunk ${c} ${this.avail[p * C + c]} times, counted ${k}`;
        }
      }
    }
    return null;
  }

  /**
   * Bytes moved by the transfers still running at time `t`, not yet in the ledger: adds
   * each peer's share to `peerBytes` and returns the server's.
   */
  unbookedBytes(t: number, peerBytes: Float64Array): number {
    let server = 0;
    for (let s = 0; s < this.tTo.length; s++) {
      if (this.tTo[s] < 0) continue;
      const moved = Math.min(this.chunkBytes(this.tChunk[s]), this.tRate[s] * Math.max(0, t - this.tStart[s]));
      if (this.tFrom[s] === SERVER) server += moved;
      else peerBytes[this.tFrom[s]] += moved;
    }
    return server;
  }

  /**
   * Peer p left: its uploads and downloads are aborted, its chunks are no longer offered,
   * and the peers it was serving or being served by look for other partners.
   */
  peerLeft(p: number): void {
    if (p >= this.n || this.inSwarm[p] === 0) return;
    this.inSwarm[p] = 0;
    this.ledger.leave(p, this.sim.now);
    const receivers: number[] = [];
    const uploaders: number[] = [];
    const base = p * this.uploadSlots;
    for (let k = 0; k < this.uploadSlots; k++) {
      const s = base + k;
      if (this.tTo[s] >= 0) { receivers.push(this.tTo[s]); this.abort(s); }
    }
    while (this.inHead[p] >= 0) {
      const s = this.inHead[p];
      uploaders.push(this.tFrom[s]);
      this.abort(s);
    }
    // Its chunks leave the swarm with it.
    const { offset, adj } = this.swarm;
    const C = this.chunks, words = this.words, have = this.have, avail = this.avail;
    for (let w = 0; w < words; w++) {
      let bits = have[p * words + w];
      while (bits !== 0) {
        const low = bits & -bits;
        const c = (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
        this.copies[c]--;
        if (avail) for (let i = offset[p]; i < offset[p + 1]; i++) avail[adj[i] * C + c]--;
      }
    }
    for (const u of uploaders) {
      if (u === SERVER) this.fillServer();
      else this.fill(u);
    }
    for (const v of receivers) this.offerTo(v);
  }

  private chunkBytes(c: number): number {
    return c === this.chunks - 1 ? this.lastChunkSize : this.chunkSize;
  }

  private freeDownload(v: number): number {
    return this.ledger.download[v] - this.ledger.downloadRate[v];
  }

  /** Whether v can take a transfer from an uploader whose slot rate is `slotRate`. */
  private canReceive(v: number, slotRate: number): boolean {
    if (this.inSwarm[v] === 0 || this.held[v] === this.chunks) return false;
    const free = this.freeDownload(v);
    const usable = Math.min(slotRate, this.ledger.download[v]);
    return free > 0 && free >= MIN_FREE_FRACTION * usable;
  }

  /** Fills peer u's idle upload slots with transfers to interested neighbours. */
  private fill(u: number): void {
    if (this.inSwarm[u] === 0 || this.held[u] === 0) return;
    const slotRate = this.ledger.upload[u] / this.uploadSlots;
    if (!(slotRate > 0)) return;
    const { offset, adj } = this.swarm;
    const o = offset[u], deg = offset[u + 1] - o;
    if (deg === 0) return;
    while (this.busy[u] < this.uploadSlots) {
      // Scan the neighbours from a random one, so that no neighbour is always served first.
      const first = this.streams.int(u, deg);
      let to = -1;
      for (let i = 0; i < deg; i++) {
        const j = first + i;
        const v = adj[o + (j < deg ? j : j - deg)];
        if (this.canReceive(v, slotRate) && hasWanted(this.have, this.pending, this.words, this.lastMask, u, v)) { to = v; break; }
      }
      if (to < 0) return;
      this.startFrom(u, to, slotRate);
    }
  }

  /** Fills the server's idle slots, serving the peers round-robin. */
  private fillServer(): void {
    const n = this.n;
    while (this.serverBusy < this.serverSlots) {
      let to = -1;
      for (let i = 0; i < n; i++) {
        let v = this.serverCursor + i;
        if (v >= n) v -= n;
        if (this.serverCanServe(v)) { to = v; break; }
      }
      if (to < 0) return;
      this.serverCursor = to + 1 === n ? 0 : to + 1;
      this.startFrom(SERVER, to, this.serverSlotRate);
    }
  }

  private serverCanServe(v: number): boolean {
    return this.held[v] + this.inFlight[v] < this.chunks && this.canReceive(v, this.serverSlotRate);
  }

  /**
   * v's download freed up (or a chunk it was receiving was aborted): neighbours with an
   * idle slot, then the server, may now serve it.
   */
  private offerTo(v: number): void {
    if (this.inSwarm[v] === 0 || this.held[v] === this.chunks) return;
    const { offset, adj } = this.swarm;
    const upload = this.ledger.upload;
    for (let i = offset[v]; i < offset[v + 1]; i++) {
      const u = adj[i];
      if (this.inSwarm[u] === 0 || this.busy[u] >= this.uploadSlots || this.held[u] === 0) continue;
      const slotRate = upload[u] / this.uploadSlots;
      if (!(slotRate > 0) || !this.canReceive(v, slotRate)) continue;
      if (hasWanted(this.have, this.pending, this.words, this.lastMask, u, v)) this.startFrom(u, v, slotRate);
    }
    if (this.serverBusy < this.serverSlots && this.serverCanServe(v)) this.startFrom(SERVER, v, this.serverSlotRate);
  }

  /** Starts a transfer of the rarest wanted chunk from u (or the server) to v. */
  private startFrom(u: number, v: number, slotRate: number): void {
    const salt = u === SERVER ? (this.serverStream.next() * 4294967296) >>> 0 : this.streams.nextUint32(u);
    const c = u === SERVER || this.avail === null
      ? pickRarest(this.have, this.pending, this.words, this.lastMask, u, v, this.copies, 0, salt)
      : pickRarest(this.have, this.pending, this.words, this.lastMask, u, v, this.avail, v * this.chunks, salt);
    const rate = Math.min(slotRate, this.freeDownload(v));
    let s: number;
    if (u === SERVER) {
      s = this.n * this.uploadSlots;
      while (this.tTo[s] >= 0) s++;
      this.serverBusy++;
    } else {
      s = u * this.uploadSlots;
      while (this.tTo[s] >= 0) s++;
      this.busy[u]++;
    }
    this.tFrom[s] = u;
    this.tTo[s] = v;
    this.tChunk[s] = c;
    this.tRate[s] = rate;
    this.tStart[s] = this.sim.now;
    // Link into v's incoming list.
    const head = this.inHead[v];
    this.tPrev[s] = -1;
    this.tNext[s] = head;
    if (head >= 0) this.tPrev[head] = s;
    this.inHead[v] = s;

    this.pending[v * this.words + (c >>> 5)] |= 1 << (c & 31);
    this.inFlight[v]++;
    this.copies[c]++;
    this.ledger.addFlow(u, v, rate);
    this.sim.at(this.sim.now + this.chunkBytes(c) / rate, this.kind, v, u === SERVER ? CONTROLLER : u, s, this.tVersion[s]);
  }

  /** Frees slot s (its transfer ended or was aborted); tFrom, tChunk and tRate stay readable. */
  private release(s: number): void {
    const v = this.tTo[s], u = this.tFrom[s], c = this.tChunk[s];
    const next = this.tNext[s], prev = this.tPrev[s];
    if (prev >= 0) this.tNext[prev] = next;
    else this.inHead[v] = next;
    if (next >= 0) this.tPrev[next] = prev;
    this.tTo[s] = -1;
    this.tVersion[s]++;
    this.pending[v * this.words + (c >>> 5)] &= ~(1 << (c & 31));
    this.inFlight[v]--;
    if (u === SERVER) this.serverBusy--;
    else this.busy[u]--;
    this.ledger.addFlow(u, v, -this.tRate[s]);
  }

  private abort(s: number): void {
    const u = this.tFrom[s], v = this.tTo[s], c = this.tChunk[s];
    this.ledger.addBytes(u, v, Math.min(this.chunkBytes(c), this.tRate[s] * (this.sim.now - this.tStart[s])));
    this.ledger.abortedTransfers++;
    this.copies[c]--;
    this.release(s);
  }

  private onChunkDone(v: number, s: number, version: number): void {
    if (this.tVersion[s] !== version || this.tTo[s] !== v) return; // aborted meanwhile
    const u = this.tFrom[s], c = this.tChunk[s];
    this.release(s);
    this.ledger.addBytes(u, v, this.chunkBytes(c));
    this.ledger.transfers++;

    this.have[v * this.words + (c >>> 5)] |= 1 << (c & 31);
    this.held[v]++;
    this.heldTotal++;
    const avail = this.avail;
    if (avail) {
      const { offset, adj } = this.swarm;
      for (let i = offset[v]; i < offset[v + 1]; i++) avail[adj[i] * this.chunks + c]++;
    }
    if (this.held[v] === this.chunks) this.ledger.complete(v, this.sim.now);

    // Who may start a transfer now: the uploader (a free slot), the receiver (a new chunk
    // to offer), and the receiver's idle neighbours (its download freed up).
    if (u === SERVER) this.fillServer();
    else this.fill(u);
    this.fill(v);
    this.offerTo(v);
  }
}

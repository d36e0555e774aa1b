/**
 * Client-server distribution: the server sends the whole file to every peer at once; its
 * upload is shared max-min fairly among the downloads still running (each capped by the
 * peer's download) and re-shared whenever one finishes or its peer leaves.
 */
import { CONTROLLER, type Simulator } from '../../engine/simulator.js';
import { maxMinFairShare, orderByCap } from './fair-share.js';
import type { PeerLedger } from './ledger.js';

/** Bytes of the file still missing below which a download counts as finished (float slack). */
const DONE_FRACTION = 1e-9;

export class ClientServerDistribution {
  private readonly peers: number;
  /** Bytes each peer still lacks. */
  private readonly remaining: Float64Array;
  /** Current rate of each peer's download, bytes/s (0 when not downloading). */
  private readonly rate: Float64Array;
  /** 1 while the peer is downloading (in the swarm and not yet complete). */
  private readonly downloading: Uint8Array;
  /** Peers by ascending download cap, for progressive filling. */
  private readonly order: Int32Array;
  /** Scratch for the new shares. */
  private readonly shares: Float64Array;
  private lastUpdate = 0;
  /** Bumped at every re-share; a completion event of an older generation is stale. */
  private generation = 0;
  private kind = -1;

  constructor(
    private readonly sim: Simulator,
    private readonly ledger: PeerLedger,
    private readonly file: number,
    private readonly serverUpload: number,
  ) {
    const n = ledger.peers;
    this.peers = n;
    this.remaining = new Float64Array(n).fill(file);
    this.rate = new Float64Array(n);
    this.downloading = new Uint8Array(n).fill(1);
    this.order = orderByCap(ledger.download);
    this.shares = new Float64Array(n);
  }

  /** Registers the completion event and starts every download at time 0. */
  start(): void {
    this.kind = this.sim.registerKind('capacity/file-done', (_target, _src, _a, generation) => this.onDone(generation));
    this.lastUpdate = this.sim.now;
    this.reshare();
  }

  /** Bytes held by the peers now, in all (for the downloaded-fraction series). */
  bytesHeld(): number {
    const dt = this.sim.now - this.lastUpdate;
    let total = 0;
    for (let p = 0; p < this.peers; p++) total += this.ledger.bytesDownloaded[p] + this.rate[p] * dt;
    return total;
  }

  /** Bytes the server has sent since the last event, not yet in the ledger (at time `t`). */
  unbookedServerBytes(t: number): number {
    const dt = t - this.lastUpdate;
    if (!(dt > 0)) return 0;
    let total = 0;
    for (let p = 0; p < this.peers; p++) if (this.downloading[p] === 1) total += Math.min(this.remaining[p], this.rate[p] * dt);
    return total;
  }

  /** Peer p left: its download is abandoned and the server's upload re-shared. */
  peerLeft(p: number): void {
    if (p >= this.peers || this.ledger.leftAt[p] === this.ledger.leftAt[p]) return;
    this.advance();
    this.ledger.leave(p, this.sim.now);
    if (this.downloading[p] === 1) {
      this.stopFlow(p);
      this.ledger.abortedTransfers++;
      this.reshare();
    }
  }

  private onDone(generation: number): void {
    if (generation !== this.generation) return;
    this.advance();
    const now = this.sim.now;
    const slack = this.file * DONE_FRACTION;
    for (let p = 0; p < this.peers; p++) {
      if (this.downloading[p] === 1 && this.remaining[p] <= slack) {
        // The rounding residue is still part of the file: count the whole file received.
        this.ledger.addBytes(-1, p, this.remaining[p]);
        this.remaining[p] = 0;
        this.stopFlow(p);
        this.ledger.complete(p, now);
        this.ledger.transfers++;
      }
    }
    this.reshare();
  }

  /** Moves every running download forward to now. */
  private advance(): void {
    const dt = this.sim.now - this.lastUpdate;
    this.lastUpdate = this.sim.now;
    if (dt <= 0) return;
    for (let p = 0; p < this.peers; p++) {
      if (this.downloading[p] !== 1) continue;
      const moved = Math.min(this.remaining[p], this.rate[p] * dt);
      this.remaining[p] -= moved;
      this.ledger.addBytes(-1, p, moved);
    }
  }

  private stopFlow(p: number): void {
    this.downloading[p] = 0;
    this.ledger.addFlow(-1, p, -this.rate[p]);
    this.rate[p] = 0;
  }

  /**
   * Re-shares the server's upload and schedules the next completion. Flows that ended
   * were removed first, so every rate change here is an increase (max-min fair shares
   * only grow when flows leave) and the server's recorded peak is its true peak.
   */
  private reshare(): void {
    const ledger = this.ledger;
    const rates = this.shares;
    maxMinFairShare(this.serverUpload, ledger.download, this.order, this.downloading, rates);
    let next = Infinity, first = -1;
    for (let p = 0; p < this.peers; p++) {
      if (this.downloading[p] !== 1) continue;
      const delta = rates[p] - this.rate[p];
      if (delta !== 0) ledger.addFlow(-1, p, delta);
      this.rate[p] = rates[p];
      if (rates[p] > 0) {
        const t = this.remaining[p] / rates[p];
        if (t < next) { next = t; first = p; }
      }
    }
    this.generation++;
    if (first >= 0) this.sim.at(this.sim.now + next, this.kind, first, CONTROLLER, 0, this.generation);
  }
}

/**
 * Per-peer accounting shared by both distribution modes: links, completion and departure
 * times, bytes moved and the peak rates actually used, in flat typed arrays (80 bytes a
 * peer). It is what the results and the tests read; the modes only write it.
 */

export class PeerLedger {
  readonly peers: number;
  /** Upload and download capacity of each peer, bytes/s (drawn at the start). */
  readonly upload: Float64Array;
  readonly download: Float64Array;
  /** Time the peer held the whole file; NaN until then. */
  readonly completedAt: Float64Array;
  /** Time the peer left the swarm (before or after completing); NaN while it stays. */
  readonly leftAt: Float64Array;
  /** Bytes the peer sent and received (aborted transfers count what they moved). */
  readonly bytesUploaded: Float64Array;
  readonly bytesDownloaded: Float64Array;
  /** Current sum of the rates of the peer's outgoing and incoming transfers, bytes/s. */
  readonly uploadRate: Float64Array;
  readonly downloadRate: Float64Array;
  /** Largest value `uploadRate` / `downloadRate` ever took. */
  readonly peakUploadRate: Float64Array;
  readonly peakDownloadRate: Float64Array;

  serverBytesUploaded = 0;
  serverUploadRate = 0;
  serverPeakUploadRate = 0;
  /** Peers that hold the whole file. */
  completed = 0;
  /** Peers that left before holding the whole file. */
  leftUnfinished = 0;
  /** Peers that left after completing (they stop seeding). */
  leftFinished = 0;
  /** Time of the latest completion. */
  lastCompletion = 0;
  /** Transfers finished (chunks in p2p, whole files in client-server) and aborted. */
  transfers = 0;
  abortedTransfers = 0;

  constructor(upload: Float64Array, download: Float64Array) {
    const n = upload.length;
    this.peers = n;
    this.upload = upload;
    this.download = download;
    this.completedAt = new Float64Array(n).fill(NaN);
    this.leftAt = new Float64Array(n).fill(NaN);
    this.bytesUploaded = new Float64Array(n);
    this.bytesDownloaded = new Float64Array(n);
    this.uploadRate = new Float64Array(n);
    this.downloadRate = new Float64Array(n);
    this.peakUploadRate = new Float64Array(n);
    this.peakDownloadRate = new Float64Array(n);
  }

  isComplete(p: number): boolean {
    return this.completedAt[p] === this.completedAt[p];
  }

  /** Records that p holds the whole file at time t. */
  complete(p: number, t: number): void {
    this.completedAt[p] = t;
    this.completed++;
    if (t > this.lastCompletion) this.lastCompletion = t;
  }

  /** Records that p left at time t. */
  leave(p: number, t: number): void {
    this.leftAt[p] = t;
    if (this.isComplete(p)) this.leftFinished++;
    else this.leftUnfinished++;
  }

  /** A flow of `rate` from `from` (-1: the server) to `to` starts (+rate) or stops (-rate). */
  addFlow(from: number, to: number, rate: number): void {
    if (from < 0) {
      const r = (this.serverUploadRate += rate);
      if (r > this.serverPeakUploadRate) this.serverPeakUploadRate = r;
    } else {
      const r = (this.uploadRate[from] += rate);
      if (r > this.peakUploadRate[from]) this.peakUploadRate[from] = r;
    }
    const d = (this.downloadRate[to] += rate);
    if (d > this.peakDownloadRate[to]) this.peakDownloadRate[to] = d;
  }

  /** Counts `bytes` moved from `from` (-1: the server) to `to`. */
  addBytes(from: number, to: number, bytes: number): void {
    if (from < 0) this.serverBytesUploaded += bytes;
    else this.bytesUploaded[from] += bytes;
    this.bytesDownloaded[to] += bytes;
  }
}

/**
 * Lower bounds on the time to distribute a file of F bytes to N peers (Kurose & Ross,
 * "Computer Networking", §2.5): no schedule of a server and peers can beat them.
 */

/**
 * Client-server: the server must push N·F bytes through its upload u_s, and the slowest
 * peer must take in F bytes through its download d_min: D_cs >= max(N·F/u_s, F/d_min).
 */
export function clientServerLowerBound(file: number, peers: number, serverUpload: number, minDownload: number): number {
  return Math.max((peers * file) / serverUpload, file / minDownload);
}

/**
 * P2P: every bit must leave the server once (F/u_s), the slowest peer must take in F
 * (F/d_min), and the N·F bytes received in all come out of the server's and the peers'
 * uploads together: D_p2p >= max(F/u_s, F/d_min, N·F/(u_s + Σu_i)).
 */
export function p2pLowerBound(
  file: number, peers: number, serverUpload: number, minDownload: number, totalPeerUpload: number,
): number {
  return Math.max(file / serverUpload, file / minDownload, (peers * file) / (serverUpload + totalPeerUpload));
}

/** A scenario's figures for the bounds at any N: the peers' uploads by their mean. */
export interface CapacityParams {
  /** File size F, bytes. */
  file: number;
  /** Server upload u_s, bytes/s. */
  serverUpload: number;
  /** Mean peer upload ū, bytes/s (Σu_i ≈ N·ū). */
  meanPeerUpload: number;
  /** Slowest peer download d_min, bytes/s (0 = unknown: the term is left out). */
  minPeerDownload: number;
}

/** The bound of `mode` for N peers from a scenario's figures (a sweep's line where it did not run the mode). */
export function capacityLowerBound(mode: string, peers: number, p: CapacityParams): number {
  const minDownload = p.minPeerDownload > 0 ? p.minPeerDownload : Infinity;
  return mode === 'client-server'
    ? clientServerLowerBound(p.file, peers, p.serverUpload, minDownload)
    : p2pLowerBound(p.file, peers, p.serverUpload, minDownload, peers * p.meanPeerUpload);
}

/**
 * Peers' access links: each peer's upload and download bandwidth (bytes per second),
 * drawn once at the start from the scenario's distributions and each peer's own stream.
 */
import type { PeerStreams } from '../../engine/random.js';
import type { Sampler } from '../../random/types.js';

export interface PeerBandwidths {
  /** Upload of each peer, bytes/s (draws below 0 are clamped to 0). */
  upload: Float64Array;
  /** Download of each peer, bytes/s (draws below 0 are clamped to 0). */
  download: Float64Array;
}

/**
 * Draws peer p's upload then its download from p's own stream, so a peer's links do not
 * depend on how many peers there are or in which order they are handled.
 */
export function drawPeerBandwidths(peers: number, upload: Sampler, download: Sampler, streams: PeerStreams): PeerBandwidths {
  const up = new Float64Array(peers);
  const down = new Float64Array(peers);
  for (let p = 0; p < peers; p++) {
    const rng = streams.use(p);
    up[p] = Math.max(0, upload.sample(rng));
    down[p] = Math.max(0, download.sample(rng));
  }
  return { upload: up, download: down };
}

/** Smallest value of `values` (Infinity when empty). */
export function minOf(values: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < m) m = values[i];
  return m;
}

/** Sum of `values`. */
export function sumOf(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

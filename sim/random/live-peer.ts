/**
 * The one way to pick a uniformly random live peer (a broadcast's or a search's random
 * origin, a joining peer's bootstrap contact): rejection sampling, then a scan.
 */
import type { RandomSource } from '../engine/random.js';

/**
 * A uniformly chosen live peer among ids 0..count-1 other than `except` (−1: none), or −1
 * when there is none. Draws ids uniformly from `rng` up to `maxDraws` times, then scans
 * from a random start, so it never loops when few peers are alive (the scan's pick leans
 * slightly towards peers after long gaps of dead ones). `maxDraws` is each caller's own, as
 * it fixes the sequence of draws its results depend on. The default, 64 × count draws,
 * misses a single live candidate with probability below e^-64, so it decides no result in
 * practice, and still ends, with −1, when no candidate exists. `also`: a candidate must be
 * marked in it too (e.g. peers that have joined a structured overlay).
 */
export function uniformLivePeer(
  alive: Uint8Array, count: number, rng: RandomSource, except = -1, maxDraws = 64 * count, also?: Uint8Array,
): number {
  for (let t = 0; t < maxDraws; t++) {
    const q = Math.floor(rng.next() * count);
    if (q !== except && alive[q] === 1 && (also === undefined || also[q] === 1)) return q;
  }
  const start = Math.floor(rng.next() * count);
  for (let i = 0; i < count; i++) {
    const q = (start + i) % count;
    if (q !== except && alive[q] === 1 && (also === undefined || also[q] === 1)) return q;
  }
  return -1;
}

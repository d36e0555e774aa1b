/**
 * The bootstrap service a (re)joining peer contacts first: a well-known entry point (a
 * tracker) that hands out one uniformly chosen live peer. Out of band: no message.
 */
import type { RandomSource } from '../engine/random.js';

/** Uniform draws tried before falling back to a scan (enough unless almost all are down). */
const MAX_DRAWS = 32;

/**
 * A uniformly chosen live peer among ids 0..count-1 other than `self`, or -1 when there
 * is none. Rejection sampling (at most MAX_DRAWS draws from `rng`), then a scan from a
 * random start, so it stays uniform enough and never loops when few peers are alive.
 */
export function pickBootstrap(alive: Uint8Array, count: number, self: number, rng: RandomSource): number {
  if (count <= 1) return -1;
  for (let t = 0; t < MAX_DRAWS; t++) {
    const q = Math.floor(rng.next() * count);
    if (q !== self && alive[q] === 1) return q;
  }
  const start = Math.floor(rng.next() * count);
  for (let i = 0; i < count; i++) {
    const q = (start + i) % count;
    if (q !== self && alive[q] === 1) return q;
  }
  return -1;
}

/**
 * Seeded random streams. Every draw belongs to a named scenario-level stream (seedrandom)
 * or to one peer's stream, so results never depend on which thread ran first.
 */
import type seedrandom from 'seedrandom';
import alea from 'seedrandom/lib/alea.js';

/** Anything that yields uniform numbers in [0, 1). Distributions draw from it. */
export interface RandomSource {
  next(): number;
}

/** A 32-bit key derived from (scenario seed, stream name) through seedrandom. */
export function streamKey(seed: number, name: string): number {
  return alea(`gossipsim/${seed}/${name}`).int32() >>> 0;
}

/**
 * A scenario-level stream (overlay wiring, data placement, failure selection): one
 * seedrandom generator, consumed in a fixed order by the single component that owns it.
 */
export class NamedStream implements RandomSource {
  private readonly prng: seedrandom.PRNG;
  constructor(seed: number, name: string) {
    this.prng = alea(`gossipsim/${seed}/${name}`);
  }
  next(): number {
    return this.prng();
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }
}

/** murmur3's 32-bit finaliser: a bijection with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One counter-based stream per peer: draw i of peer p is a hash of (key, p, i), and the
 * only state is a 32-bit counter per peer (4 bytes a peer, instead of an object each).
 * A peer's draws depend only on its own history, so partitioning peers across workers
 * cannot change them. The counters may live in a SharedArrayBuffer.
 */
export class PeerStreams {
  private counters: Uint32Array;
  private readonly k0: number;
  private readonly k1: number;
  private cursorPeer = 0;
  /** A RandomSource drawing from the peer last selected with `use(peer)`. */
  readonly cursor: RandomSource;

  constructor(seed: number, name: string, capacity: number, buffer?: Uint32Array) {
    this.k0 = streamKey(seed, name);
    this.k1 = fmix32(this.k0 ^ 0x5bd1e995);
    this.counters = buffer ?? new Uint32Array(capacity);
    const self = this;
    this.cursor = { next: () => self.next(self.cursorPeer) };
  }

  ensureCapacity(n: number): void {
    if (n <= this.counters.length) return;
    const next = new Uint32Array(Math.max(n, this.counters.length * 2));
    next.set(this.counters);
    this.counters = next;
  }

  /** Selects the peer that `cursor` draws from; returns the cursor. */
  use(peer: number): RandomSource {
    this.cursorPeer = peer;
    return this.cursor;
  }

  /** Next 32-bit unsigned integer from `peer`'s stream. */
  nextUint32(peer: number): number {
    if (peer >= this.counters.length) this.ensureCapacity(peer + 1);
    const i = this.counters[peer]++;
    const h = fmix32((Math.imul(peer, 0x9e3779b1) ^ this.k0) >>> 0);
    return fmix32((h ^ Math.imul(i, 0x85ebca6b) ^ this.k1) + 0x6a09e667);
  }

  /** Uniform number in [0, 1) from `peer`'s stream. */
  next(peer: number): number {
    return this.nextUint32(peer) / 4294967296;
  }

  /** Uniform integer in [0, n) from `peer`'s stream (n <= 2^32). */
  int(peer: number, n: number): number {
    return Math.floor(this.next(peer) * n);
  }
}

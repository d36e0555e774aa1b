/**
 * Watts–Strogatz small-world overlay: a ring lattice where every peer links to its k/2
 * nearest peers on each side, then each lattice link is rewired with probability
 * `rewire` to a uniformly chosen peer, avoiding self-loops and duplicate links.
 */
import type { RandomSource } from '../../engine/random.js';
import { Graph } from '../graph.js';
import { tightCopy } from '../from-edges.js';
import { OverlayParameterError } from '../errors.js';

export interface WattsStrogatzParams {
  /** k: lattice degree; an odd k is rounded down to k-1 (the ring is symmetric). */
  degree: number;
  /** β: probability that each lattice link is rewired (0 = lattice, 1 ≈ random graph). */
  rewire: number;
}

const MODEL = 'watts-strogatz';

/**
 * Rewiring follows Watts & Strogatz (1998) as implemented by NetworkX: for j = 1..k/2, for
 * every peer u in id order, the link u–(u+j) is, with probability β, replaced by u–w with
 * w uniform among peers that are not u and not already linked to u. The link count stays
 * n·k/2, so the mean degree is exactly k.
 */
export function wattsStrogatz(n: number, params: WattsStrogatzParams, rng: RandomSource): Graph {
  if (!Number.isInteger(n) || n < 0) throw new OverlayParameterError(MODEL, `peer count must be a non-negative integer (got ${n})`);
  const half = Math.floor(params.degree / 2);
  const beta = params.rewire;
  if (!(beta >= 0 && beta <= 1)) throw new OverlayParameterError(MODEL, `rewire must be within [0, 1] (got ${beta})`);
  if (half > 0 && 2 * half >= n) {
    throw new OverlayParameterError(MODEL, `degree ${2 * half} must be smaller than the number of peers ${n}`);
  }
  // Runs start with slack so most rewired links land without relocating; tightCopy at
  // the end gives the compact layout.
  const g = Graph.withCapacities(n, () => 2 * half + 2);
  for (let j = 1; j <= half; j++) for (let u = 0; u < n; u++) g.addLinkUnchecked(u, (u + j) % n);
  if (beta === 0 || half === 0) return tightCopy(g);
  for (let j = 1; j <= half; j++) {
    for (let u = 0; u < n; u++) {
      if (rng.next() >= beta) continue;
      if (g.degree(u) >= n - 1) continue; // no peer left to rewire to
      let w = Math.floor(rng.next() * n);
      while (w === u || g.contains(u, w)) w = Math.floor(rng.next() * n);
      g.removeLink(u, (u + j) % n);
      g.addLinkUnchecked(u, w);
    }
  }
  return tightCopy(g);
}

/**
 * Barabási–Albert overlay: preferential attachment. A clique of m+1 peers seeds the
 * graph; every later peer links to m distinct existing peers chosen with probability
 * proportional to their degree, so degrees follow a power law P(d) ~ d^-3.
 */
import type { RandomSource } from '../../engine/random.js';
import type { Graph } from '../graph.js';
import { graphFromEdges } from '../from-edges.js';
import { OverlayParameterError } from '../errors.js';

export interface BarabasiAlbertParams {
  /** Mean degree: each new peer brings m = floor(degree/2) links (at least 1; 0 for degree 0). */
  degree: number;
}

/** m, the links each new peer brings, for a requested mean degree. */
export function attachmentLinks(degree: number): number {
  return degree <= 0 ? 0 : Math.max(1, Math.floor(degree / 2));
}

/**
 * Linear-time preferential attachment: the edge list doubles as the list of link
 * endpoints, so a uniform entry of it is a peer drawn proportionally to its degree.
 * The mean degree is 2m(1 - (m+1)/(2n)) → 2m; with n <= m+1 the result is a clique.
 */
export function barabasiAlbert(n: number, params: BarabasiAlbertParams, rng: RandomSource): Graph {
  if (!Number.isInteger(n) || n < 0) throw new OverlayParameterError('barabasi-albert', `peer count must be a non-negative integer (got ${n})`);
  const m = attachmentLinks(params.degree);
  const seed = Math.min(n, m + 1);
  const total = (seed * (seed - 1)) / 2 + (n - seed) * m;
  const edges = new Int32Array(2 * total);
  let count = 0;
  for (let p = 1; p < seed; p++) {
    for (let q = 0; q < p; q++) { edges[2 * count] = p; edges[2 * count + 1] = q; count++; }
  }
  const chosen = new Int32Array(m);
  for (let p = seed; p < n; p++) {
    const ends = 2 * count; // endpoints of links made before p arrived
    let got = 0;
    while (got < m) {
      const q = edges[Math.floor(rng.next() * ends)];
      let dup = false;
      for (let i = 0; i < got; i++) if (chosen[i] === q) { dup = true; break; }
      if (!dup) chosen[got++] = q;
    }
    for (let i = 0; i < m; i++) { edges[2 * count] = p; edges[2 * count + 1] = chosen[i]; count++; }
  }
  return graphFromEdges(n, edges, count);
}

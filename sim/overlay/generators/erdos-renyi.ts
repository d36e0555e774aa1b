/**
 * Erdős–Rényi G(n, p) overlay: each of the n(n-1)/2 possible links exists independently
 * with probability p = degree/(n-1), so the mean degree is `degree` and degrees are
 * Binomial(n-1, p) ≈ Poisson(degree). O(n + m) time by geometric skipping.
 */
import type { RandomSource } from '../../engine/random.js';
import type { Graph } from '../graph.js';
import { EdgeList, graphFromEdges } from '../from-edges.js';
import { OverlayParameterError } from '../errors.js';
import { ln } from '../../math/strict.js';

export interface ErdosRenyiParams {
  /** Mean degree c; the link probability is c/(n-1), capped at 1 (a complete graph). */
  degree: number;
}

/**
 * Batagelj & Brandes (2005), "Efficient generation of large random networks", algorithm
 * G(n,p): walk the lower triangle of the adjacency matrix row by row, jumping over a
 * geometric number of absent links between two present ones.
 */
export function erdosRenyi(n: number, params: ErdosRenyiParams, rng: RandomSource): Graph {
  const c = params.degree;
  if (!Number.isInteger(n) || n < 0) throw new OverlayParameterError('erdos-renyi', `peer count must be a non-negative integer (got ${n})`);
  if (!(c >= 0)) throw new OverlayParameterError('erdos-renyi', `degree must be >= 0 (got ${c})`);
  const p = n > 1 ? Math.min(1, c / (n - 1)) : 0;
  const edges = new EdgeList(p * n * (n - 1) / 2 * 1.05 + 16);
  if (p >= 1) {
    for (let v = 1; v < n; v++) for (let w = 0; w < v; w++) edges.push(v, w);
  } else if (p > 0) {
    const logq = ln(1 - p);
    let v = 1, w = -1;
    while (v < n) {
      // 1 - next() lies in (0, 1], so the log is finite.
      w += 1 + Math.floor(ln(1 - rng.next()) / logq);
      while (w >= v && v < n) { w -= v; v++; }
      if (v < n) edges.push(v, w);
    }
  }
  return graphFromEdges(n, edges.data, edges.count);
}

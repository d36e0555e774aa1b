/**
 * Join-random overlay: peers join one at a time and each asks for `degree/2` links to
 * random existing peers that still accept links (fewer than `maxDegree`). The same rule,
 * `joinRandom`, serves peers that (re)join under churn.
 */
import type { RandomSource } from '../../engine/random.js';
import { Graph } from '../graph.js';
import { tightCopy } from '../from-edges.js';
import { OverlayParameterError } from '../errors.js';

export interface JoinRandomParams {
  /** Target mean degree: each joining peer asks for floor(degree/2) links (at least 1; 0 for degree 0). */
  degree: number;
  /** Cap on a peer's links: a peer with maxDegree links accepts no more, and asks for no more. */
  maxDegree: number;
}

/** Links a joining peer asks for, given the target mean degree and the cap. */
export function joinRequest(degree: number, maxDegree: number): number {
  return degree <= 0 ? 0 : Math.min(maxDegree, Math.max(1, Math.floor(degree / 2)));
}

/**
 * The join rule: `peer` links to candidates from `pickCandidate` (returning a peer id, or
 * -1 when there is none) until it has made `want` links, reached `maxDegree`, or spent
 * `maxAttempts` candidates. A candidate is refused if it is `peer` itself, already a
 * neighbour, or already has `maxDegree` links. New links are appended, so they are the
 * last entries of `peer`'s run. Returns the number of links made.
 */
export function joinRandom(
  graph: Graph, peer: number, want: number, maxDegree: number,
  pickCandidate: () => number, maxAttempts = 16 * want + 16,
): number {
  let made = 0;
  for (let t = 0; t < maxAttempts && made < want && graph.degree(peer) < maxDegree; t++) {
    const q = pickCandidate();
    if (q < 0) break;
    if (q === peer || graph.degree(q) >= maxDegree || graph.contains(peer, q)) continue;
    graph.addLinkUnchecked(peer, q);
    made++;
  }
  return made;
}

/**
 * Peers 0..n-1 join in id order. Candidates are drawn uniformly from the peers that have
 * joined and still have room (an "open" list kept by swap-removal), so a draw is refused
 * only when it is already a neighbour. Peer t makes min(want, open peers) links, so with a
 * cap that never binds the link count is Σ_t min(want, t) and the mean degree
 * → 2·want = degree (even degree) as n grows.
 */
export function joinRandomOverlay(n: number, params: JoinRandomParams, rng: RandomSource): Graph {
  if (!Number.isInteger(n) || n < 0) throw new OverlayParameterError('join-random', `peer count must be a non-negative integer (got ${n})`);
  const maxDegree = params.maxDegree;
  if (!(maxDegree >= 1)) throw new OverlayParameterError('join-random', `maxDegree must be >= 1 (got ${maxDegree})`);
  const want = joinRequest(params.degree, maxDegree);
  // Runs sized for about twice the request, the typical final degree; busier peers
  // relocate, and tightCopy gives the compact layout at the end.
  const g = Graph.withCapacities(n, () => Math.min(maxDegree, 2 * want + 2));
  const open = new Int32Array(n);      // peers that accept links, in no particular order
  const where = new Int32Array(n).fill(-1); // index of a peer in `open`, -1 if absent
  let openCount = 0;
  const pick = () => (openCount === 0 ? -1 : open[Math.floor(rng.next() * openCount)]);
  const close = (q: number) => {
    const i = where[q];
    const last = open[--openCount];
    open[i] = last;
    where[last] = i;
    where[q] = -1;
  };
  for (let p = 0; p < n; p++) {
    // With maxAttempts = 16·want+16 and duplicates the only refusals, a peer falls short
    // only when nearly every open peer is already its neighbour.
    const made = joinRandom(g, p, Math.min(want, openCount), maxDegree, pick);
    const d = g.degree(p);
    for (let i = d - made; i < d; i++) {
      const q = g.neighbor(p, i);
      if (g.degree(q) >= maxDegree) close(q);
    }
    if (d < maxDegree) { where[p] = openCount; open[openCount++] = p; }
  }
  return tightCopy(g);
}

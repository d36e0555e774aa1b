/**
 * Mean shortest-path length (in hops) between connected pairs of alive peers: exact
 * all-pairs BFS for small overlays, BFS from a seeded sample of sources for large ones.
 */
import type { RandomSource } from '../engine/random.js';
import type { Graph } from '../overlay/graph.js';
import { alivePeers, liveMask, sampleInPlace } from './alive-peers.js';

export interface PathLengthOptions {
  /** Count only alive peers and links between alive peers. */
  alive?: Uint8Array | null;
  /** Draws the sampled sources; needed only above `exactLimit` alive peers. */
  rng?: RandomSource;
  /** Up to this many alive peers, BFS runs from every peer (default 2,000). */
  exactLimit?: number;
  /** BFS sources sampled (distinct, uniform among alive peers) above `exactLimit` (default 64). */
  sources?: number;
}

export interface PathLengthResult {
  /** Mean hops over ordered pairs (source, target), target reachable and != source; 0 if none. */
  mean: number;
  /** BFS sources used (every alive peer when exact). */
  sources: number;
  /** true when every alive peer was a source. */
  exact: boolean;
  /** Ordered connected pairs the mean is over. */
  pairs: number;
}

/** Defaults of PathLengthOptions: exactLimit, sources. */
export const PATH_EXACT_LIMIT = 2000;
export const PATH_SOURCES = 64;

/** At most 128 BFS sources run together: 4 words of 32 bits a peer. */
const MAX_WORDS = 4;

/** The BFS sources of a path-length estimate: every alive peer, or a seeded sample. */
export interface PathSources {
  /** Source peers, in the order drawn (sampled: distinct, uniform among alive peers). */
  from: Int32Array;
  /** true when every alive peer is a source. */
  exact: boolean;
}

/** Shortest-path sums of some BFS sources: they add up exactly (integers below 2^53). */
export interface PathSums {
  /** Sum over (source, reachable target != source) of the hops between them. */
  total: number;
  /** Number of such pairs. */
  pairs: number;
}

/**
 * Chooses the BFS sources (drawing from `rng` only when sampling), so the sums may be
 * computed elsewhere, in parts: a parallel run hands each worker a share of the sources.
 */
export function pathLengthSources(graph: Graph, options: PathLengthOptions = {}): PathSources {
  const { alive, rng, exactLimit = PATH_EXACT_LIMIT, sources = PATH_SOURCES } = options;
  const from = alivePeers(graph, alive);
  const exact = from.length <= exactLimit || sources >= from.length;
  if (exact) return { from, exact };
  if (!rng) throw new Error('path-length: an rng is needed to sample BFS sources of a large overlay');
  return { from: sampleInPlace(from, sources, rng), exact };
}

/** The mean of sums over all the sources; `sources` as counted in the result. */
export function pathLengthResult(sums: PathSums, sources: PathSources): PathLengthResult {
  const { total, pairs } = sums;
  return { mean: pairs > 0 ? total / pairs : 0, sources: sources.from.length, exact: sources.exact, pairs };
}

/**
 * Sampled sources give a ratio estimate of the all-pairs mean: each source's BFS
 * contributes all its reachable targets, so sources in small components weigh little.
 */
export function meanPathLength(graph: Graph, options: PathLengthOptions = {}): PathLengthResult {
  const sources = pathLengthSources(graph, options);
  return pathLengthResult(pathLengthSums(graph, options.alive, sources.from), sources);
}

/**
 * BFS from each of `from`, up to 128 at once, one bit per source (bit-parallel,
 * level-synchronous BFS): a peer's W words say which of the batch's BFS trees reached it,
 * so one sweep over a level advances every search of the batch. Each level goes one of
 * two ways (direction-optimising BFS, Beamer et al. 2012, in its multi-source form):
 * - top-down while the frontier is small: each frontier peer offers its bits to its
 *   neighbours;
 * - bottom-up once it is large (more than n/16 peers), for batches of up to 64 sources:
 *   each peer some search has not reached yet gathers its neighbours' frontier bits, a
 *   sequential sweep with no random writes.
 * Both give the same levels, so the sums are exact either way. At 10^6 peers of degree 8,
 * 64 sources take 0.45-0.55 s on a 2-core EPYC VM (2026-11-25) and 0.65-0.95 s on a 2-core
 * Xeon VM (2026-12-02); top-down alone took ~3.5 s, separate single-source searches ~26 s.
 */
export function pathLengthSums(graph: Graph, alive: Uint8Array | null | undefined, from: Int32Array): PathSums {
  if (from.length === 0 || graph.edges === 0) return { total: 0, pairs: 0 };
  const n = graph.size;
  alive = liveMask(graph, alive);
  const { offset, deg, adj } = graph;
  const W = Math.max(1, Math.min(MAX_WORDS, Math.ceil(from.length / 32)));
  // W words a peer: visited (bit s: source s of the batch reached it), frontier (reached at
  // the current level), next (newly reached at the next level).
  const visited = new Int32Array(n * W), frontier = new Int32Array(n * W), next = new Int32Array(n * W);
  const all = new Int32Array(W);   // the batch's bits
  let active = new Int32Array(n);   // peers with a non-zero frontier
  let upcoming = new Int32Array(n); // peers with a non-zero `next`
  const bottomUpAbove = n / 16;
  let total = 0, pairs = 0;
  for (let b = 0; b < from.length; b += 32 * W) {
    const batch = Math.min(32 * W, from.length - b);
    visited.fill(0);
    frontier.fill(0);
    all.fill(0);
    let activeCount = 0;
    for (let i = 0; i < batch; i++) {
      const s = from[b + i], bit = 1 << (i & 31), w = i >>> 5;
      visited[s * W + w] = frontier[s * W + w] = bit; // sources are distinct
      all[w] |= bit;
      active[activeCount++] = s;
    }
    for (let level = 1; activeCount > 0; level++) {
      let upcomingCount = 0;
      // Batches of more than 64 sources (exact means of small overlays) stay top-down.
      if (activeCount <= bottomUpAbove || W > 2) {
        for (let a = 0; a < activeCount; a++) {
          const p = active[a], pw = p * W;
          for (let i = offset[p], e = i + deg[p]; i < e; i++) {
            const q = adj[i];
            if (alive && alive[q] !== 1) continue;
            const qw = q * W;
            let fresh = 0, had = 0;
            for (let w = 0; w < W; w++) {
              const bits = frontier[pw + w] & ~visited[qw + w];
              had |= next[qw + w];
              next[qw + w] |= bits;
              fresh |= bits;
            }
            if (fresh !== 0 && had === 0) upcoming[upcomingCount++] = q;
          }
        }
      } else {
        upcomingCount = W === 1
          ? bottomUp1(offset, deg, adj, alive, all[0], visited, frontier, next, upcoming)
          : bottomUp2(offset, deg, adj, alive, all[0], all[1], visited, frontier, next, upcoming);
      }
      for (let a = 0; a < activeCount; a++) {
        const pw = active[a] * W;
        for (let w = 0; w < W; w++) frontier[pw + w] = 0;
      }
      let reached = 0;
      for (let a = 0; a < upcomingCount; a++) {
        const qw = upcoming[a] * W;
        for (let w = 0; w < W; w++) {
          const bits = next[qw + w];
          next[qw + w] = 0;
          visited[qw + w] |= bits;
          frontier[qw + w] = bits;
          reached += popcount(bits);
        }
      }
      total += level * reached;
      pairs += reached;
      const t = active; active = upcoming; upcoming = t;
      activeCount = upcomingCount;
    }
  }
  return { total, pairs };
}

/**
 * One bottom-up level for a batch of one word (up to 32 sources): each peer some search has
 * not reached takes its neighbours' frontier bits. Writes the peers reached to `upcoming`;
 * returns how many. (Unrolled for one and two words, where the time goes; wider batches,
 * the exact means of small overlays, stay top-down.)
 */
function bottomUp1(
  offset: Int32Array, deg: Int32Array, adj: Int32Array, alive: Uint8Array | null | undefined, all: number,
  visited: Int32Array, frontier: Int32Array, next: Int32Array, upcoming: Int32Array,
): number {
  let count = 0;
  for (let v = 0, n = visited.length; v < n; v++) {
    const missing = all & ~visited[v];
    if (missing === 0 || (alive && alive[v] !== 1)) continue;
    let acc = 0;
    for (let i = offset[v], e = i + deg[v]; i < e; i++) acc |= frontier[adj[i]];
    const bits = acc & missing;
    next[v] = bits;
    if (bits !== 0) upcoming[count++] = v;
  }
  return count;
}

/**
 * bottomUp1 for a batch of two words (up to 64 sources), for the peers [lo, hi) (a split
 * search sweeps each worker's own range, see sim/parallel/path-split.ts).
 */
export function bottomUp2(
  offset: Int32Array, deg: Int32Array, adj: Int32Array, alive: Uint8Array | null | undefined, all0: number, all1: number,
  visited: Int32Array, frontier: Int32Array, next: Int32Array, upcoming: Int32Array,
  lo = 0, hi = visited.length >> 1,
): number {
  let count = 0;
  for (let v = lo; v < hi; v++) {
    const vw = 2 * v;
    const m0 = all0 & ~visited[vw], m1 = all1 & ~visited[vw + 1];
    if ((m0 | m1) === 0 || (alive && alive[v] !== 1)) continue;
    let a0 = 0, a1 = 0;
    for (let i = offset[v], e = i + deg[v]; i < e; i++) {
      const uw = 2 * adj[i];
      a0 |= frontier[uw];
      a1 |= frontier[uw + 1];
    }
    a0 &= m0;
    a1 &= m1;
    next[vw] = a0;
    next[vw + 1] = a1;
    if ((a0 | a1) !== 0) upcoming[count++] = v;
  }
  return count;
}

/** Set bits of a 32-bit word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

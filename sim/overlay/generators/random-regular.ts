/**
 * Random k-regular overlay: every peer has exactly k distinct neighbours, no self-loops.
 * Configuration model (a uniform random pairing of n·k stubs); bad pairs are repaired by
 * random edge swaps, then small overlays are mixed by the switch chain.
 *
 * Distribution: exactly uniform over simple k-regular graphs when the pairing comes out
 * simple; after a repair, up to MIX_LIMIT links, 10·m switch steps (uniform stationary
 * distribution) wash out the repair's bias (checked against exact enumerations in the
 * tests); above it the repaired links are a vanishing share (~k²/(4m)) of the overlay.
 */
import type { RandomSource } from '../../engine/random.js';
import { Graph } from '../graph.js';
import { OverlayParameterError } from '../errors.js';

export interface RandomRegularParams {
  /** k: the degree of every peer. n·k must be even and k < n. */
  degree: number;
}

const MODEL = 'random-regular';
/** Fresh pairings tried before giving up (a repair that stalls restarts from scratch). */
const MAX_RESTARTS = 64;
/**
 * Repaired overlays of at most this many links get MIX_STEPS_PER_LINK·m switch steps.
 * Above it the repaired links are at most ~k²/(4m) < 0.3% of links (k <= 32), and
 * mixing would cost more than the build itself.
 */
const MIX_LIMIT = 100_000;
const MIX_STEPS_PER_LINK = 10;

/**
 * Builds a simple k-regular graph on n peers, laid out tight (each run exactly k slots:
 * 12 + 4k bytes a peer). Throws OverlayParameterError when n·k is odd or k >= n.
 *
 * Dense requests (k > (n-1)/2) build the complement of a random (n-1-k)-regular graph,
 * where the swap repair has room to work; complementing preserves uniformity.
 */
export function randomRegular(n: number, params: RandomRegularParams, rng: RandomSource): Graph {
  const k = params.degree;
  if (!Number.isInteger(n) || n < 0) throw new OverlayParameterError(MODEL, `peer count must be a non-negative integer (got ${n})`);
  if (!Number.isInteger(k) || k < 0) throw new OverlayParameterError(MODEL, `degree must be a non-negative integer (got ${k})`);
  if (k > 0 && k >= n) {
    throw new OverlayParameterError(MODEL, `degree ${k} must be smaller than the number of peers ${n} (a simple graph has at most n-1 neighbours a peer)`);
  }
  if ((n * k) % 2 !== 0) {
    throw new OverlayParameterError(MODEL, `peers × degree = ${n} × ${k} is odd, so no ${k}-regular graph on ${n} peers exists; change the peer count or the degree`);
  }
  // No links: nothing to draw (a broadcast to uniform targets needs no overlay).
  if (k === 0) return Graph.withUniformCapacity(n, 0);
  if (k > (n - 1) / 2) return complement(sparseRegular(n, n - 1 - k, rng), k);
  return sparseRegular(n, k, rng);
}

function sparseRegular(n: number, k: number, rng: RandomSource): Graph {
  const stubs = new Int32Array(n * k);
  for (let restart = 0; restart < MAX_RESTARTS; restart++) {
    pairStubs(n, k, stubs, rng);
    const g = Graph.withUniformCapacity(n, k);
    wirePairs(stubs, g.adj, g.deg, k, 0, stubs.length);
    const settled = settleRegular(g, k, irregularRuns(g.adj, g.deg, k, 0, n), rng);
    if (settled) return settled;
  }
  throw stalled(n, k);
}

/** The error when no pairing could be repaired into a simple graph. */
export function stalled(n: number, k: number): OverlayParameterError {
  return new OverlayParameterError(MODEL, `could not wire a simple ${k}-regular graph on ${n} peers after ${MAX_RESTARTS} attempts`);
}

/**
 * Whether randomRegular(n, {degree: k}) builds its overlay through the stages below (the
 * sparse case; a dense one is the complement of a sparse one). Up to MAX_RESTARTS
 * pairings may be tried; a parallel run drives them like sparseRegular, with a worker
 * wiring the pairs as pairStubs settles them and its workers sharing irregularRuns.
 */
export function isSparseRegular(n: number, k: number): boolean {
  return k > 0 && k < n && (n * k) % 2 === 0 && k <= (n - 1) / 2;
}
export { MAX_RESTARTS as REGULAR_MAX_RESTARTS };

/** Stubs pairStubs settles between two publications (a multiple of 2). */
export const PAIRING_CHUNK = 1 << 15;

/**
 * Stage 1: a uniform random perfect matching of the n·k stubs (peer p owns stubs p·k to
 * p·k+k-1): pair i is (stubs[2i], stubs[2i+1]). One seeded stream, drawn in order.
 *
 * Step i settles stubs i and i+1 for good (later steps only touch positions after them),
 * so the pairs can be wired while the rest are drawn: given `settled` (an Int32 cell in
 * shared memory), the count of settled stubs is stored there every PAIRING_CHUNK stubs
 * and at the end (Atomics.store, then notify: whoever loads the count sees those stubs).
 */
export function pairStubs(n: number, k: number, stubs: Int32Array, rng: RandomSource, settled?: Int32Array): void {
  const total = n * k;
  for (let p = 0, i = 0; p < n; p++) for (let j = 0; j < k; j++) stubs[i++] = p;
  // Pair stub i with a uniformly chosen later stub: a uniform random perfect matching.
  for (let start = 0; start < total; start += PAIRING_CHUNK) {
    const end = Math.min(total, start + PAIRING_CHUNK);
    for (let i = start; i < end; i += 2) {
      const j = i + 1 + Math.floor(rng.next() * (total - i - 1));
      const v = stubs[j];
      stubs[j] = stubs[i + 1];
      stubs[i + 1] = v;
    }
    if (settled) {
      Atomics.store(settled, 0, end);
      Atomics.notify(settled, 0);
    }
  }
}

/**
 * Stage 2: writes the pairs of stubs [from, to) into the runs of their ends (runs of
 * exactly k slots, peer p's at p·k; `deg` zero before the first pair). A run lists its
 * peer's links in pair order, so wiring the pairs in order, in one call or in consecutive
 * slices, gives the same runs: a parallel run has a worker wire each slice as soon as
 * pairStubs settles it. Runs are written without checks and scanned afterwards: checking
 * each pair against the runs as they fill would chain two cache misses per link, and even
 * checking each run as its last link fills it stalls on a miss a peer (stores wait in the
 * store buffer, loads do not: 2.1–2.6 times the wiring's time at 10^6 peers).
 */
export function wirePairs(stubs: Int32Array, adj: Int32Array, deg: Int32Array, k: number, from: number, to: number): void {
  for (let i = from; i < to; i += 2) {
    const u = stubs[i], v = stubs[i + 1];
    adj[u * k + deg[u]++] = v;
    adj[v * k + deg[v]++] = u;
  }
}

/**
 * Stage 3, for the peers in [lo, hi): those whose run, as wired, holds a self-loop or a
 * neighbour twice, in increasing order. Read-only, so ranges may be scanned in parallel.
 */
export function irregularRuns(adj: Int32Array, deg: Int32Array, k: number, lo: number, hi: number): Int32Array {
  let found = new Int32Array(16);
  let count = 0;
  for (let p = lo; p < hi; p++) {
    const o = p * k, e = o + deg[p];
    let irregular = false;
    for (let i = o; i < e && !irregular; i++) {
      const q = adj[i];
      if (q === p) irregular = true;
      else for (let j = o; j < i; j++) if (adj[j] === q) { irregular = true; break; }
    }
    if (!irregular) continue;
    if (count === found.length) { const f = new Int32Array(2 * count); f.set(found); found = f; }
    found[count++] = p;
  }
  return found.subarray(0, count);
}

/**
 * Stage 4: takes the self-loops and repeated links out of the runs of `irregular` (every
 * peer whose run holds any, in increasing order: the others need nothing) and puts them
 * back as random edge swaps; then mixes small overlays (see the top of this file). Returns
 * null when the repair stalls (the caller starts over with a new pairing).
 */
export function settleRegular(g: Graph, k: number, irregular: Int32Array, rng: RandomSource): Graph | null {
  const n = g.size, total = n * k;
  const adj = g.adj, deg = g.deg;
  g.edges = total / 2;

  // Bad pairs (self-loops, repeated links) leave the runs and wait here for repair;
  // about (k-1)/2 + (k-1)²/4 of them in expectation, so a small growable list.
  let bad = new Int32Array(64);
  let badCount = 0;
  const setAside = (u: number, v: number) => {
    if (2 * badCount + 2 > bad.length) { const b = new Int32Array(bad.length * 2); b.set(bad); bad = b; }
    bad[2 * badCount] = u;
    bad[2 * badCount + 1] = v;
    badCount++;
    g.edges--;
  };
  // Removes slot i of p's run by moving the last entry into it.
  const dropSlot = (p: number, i: number) => { adj[p * k + i] = adj[p * k + --deg[p]]; };
  // A peer whose run, as wired, holds neither a self-loop nor a repeated neighbour is left
  // alone here, and nobody else touches its run (a repeated link p–q shows in both runs),
  // so scanning only the irregular runs, in order, is scanning every run.
  for (const p of irregular) {
    const o = p * k;
    // Invariant: slots [o, o+i) hold distinct neighbours other than p. A repeated link
    // p–q with q < p was already taken out while scanning q, so only q >= p is checked.
    for (let i = 0; i < deg[p];) {
      const q = adj[o + i];
      if (q === p) {
        // A self-loop fills two slots of p's run; the other one is further on.
        dropSlot(p, i);
        for (let j = i; j < deg[p]; j++) if (adj[o + j] === p) { dropSlot(p, j); break; }
        setAside(p, p);
        continue;
      }
      let repeated = false;
      if (q > p) for (let j = o; j < o + i; j++) if (adj[j] === q) { repeated = true; break; }
      if (!repeated) { i++; continue; }
      dropSlot(p, i);
      const oq = q * k;
      for (let j = 0; j < deg[q]; j++) if (adj[oq + j] === p) { dropSlot(q, j); break; }
      setAside(p, q);
    }
  }

  // Random edge swaps: the bad pair u–v and a random link x–y become u–x and v–y, which
  // gives u and v their missing link each and leaves x and y with their degree.
  const maxTries = 1000 + 20 * k;
  for (let b = 0; b < badCount; b++) {
    const u = bad[2 * b], v = bad[2 * b + 1];
    if (u !== v && !g.contains(u, v)) { g.addLinkUnchecked(u, v); continue; }
    let done = false;
    for (let t = 0; t < maxTries && !done; t++) {
      // A uniform directed link: a uniform peer and slot, rejecting empty slots.
      const x = Math.floor(rng.next() * n);
      const slot = Math.floor(rng.next() * k);
      if (slot >= g.deg[x]) continue;
      const y = g.neighbor(x, slot);
      if (x === u || y === v || g.contains(u, x) || g.contains(v, y)) continue;
      g.removeLink(x, y);
      g.addLinkUnchecked(u, x);
      g.addLinkUnchecked(v, y);
      done = true;
    }
    if (!done) return null;
  }
  if (g.edges !== total / 2) return null;
  if (badCount > 0 && g.edges <= MIX_LIMIT) mix(g, k, MIX_STEPS_PER_LINK * g.edges, rng);
  return g;
}

/**
 * The switch chain: pick two uniform directed links x→y and u→v and replace them by x–u
 * and y–v unless that makes a self-loop or a repeated link. The proposal is symmetric, so
 * the chain's stationary distribution is uniform over simple k-regular graphs, and it is
 * irreducible on them (Taylor 1981); it washes out the bias of the repair swaps.
 */
function mix(g: Graph, k: number, steps: number, rng: RandomSource): void {
  const n = g.size;
  for (let t = 0; t < steps; t++) {
    const x = Math.floor(rng.next() * n), y = g.neighbor(x, Math.floor(rng.next() * k));
    const u = Math.floor(rng.next() * n), v = g.neighbor(u, Math.floor(rng.next() * k));
    if (x === u || y === v || g.contains(x, u) || g.contains(y, v)) continue;
    g.removeLink(x, y);
    g.removeLink(u, v);
    g.addLinkUnchecked(x, u);
    g.addLinkUnchecked(y, v);
  }
}

/** The complement of h (n-1-k regular) as a tight k-regular graph. */
function complement(h: Graph, k: number): Graph {
  const n = h.size;
  const g = Graph.withUniformCapacity(n, k);
  const mark = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < h.deg[p]; i++) mark[h.neighbor(p, i)] = p;
    for (let q = p + 1; q < n; q++) if (mark[q] !== p) g.addLinkUnchecked(p, q);
  }
  return g;
}

/**
 * The `overlay` section of the results (SPEC §3): degree statistics, largest component
 * fraction, clustering and mean path length of the overlay among alive peers.
 */
import type { RandomSource } from '../engine/random.js';
import type { Graph } from '../overlay/graph.js';
import type { OverlayResults } from '../run/results.js';
import { liveMask } from './alive-peers.js';
import { degreeStats } from './degree-stats.js';
import { connectedStats, largestComponent, type ComponentStats } from './components.js';
import { averageClustering } from './clustering.js';
import { pathLengthResult, pathLengthSources, pathLengthSums, type PathSources, type PathSums } from './path-length.js';

/**
 * The summary's parts before the path-length BFS, whose sources are chosen: the BFS, the
 * costliest part on large overlays, may then run elsewhere, in parts (a parallel run
 * splits it across its workers; the sums add up exactly, so the mean is the same).
 */
export interface OverlaySummaryPlan {
  /** The alive mask the metrics use (null: every peer alive). */
  alive: Uint8Array | null;
  degrees: ReturnType<typeof degreeStats>;
  clustering: ReturnType<typeof averageClustering>;
  paths: PathSources;
  /**
   * The components, searched here already when the degrees show an isolated alive peer
   * (of two or more): the overlay is then disconnected, the path sums cannot spare the
   * search, and a parallel run does it while its workers simulate instead of after.
   */
  components?: ComponentStats;
}

/**
 * `rng` (a dedicated scenario-level stream) picks the sampled peers of clustering, then
 * the BFS sources of the path length, so the summary is a function of (graph, alive, seed).
 */
export function planOverlaySummary(graph: Graph, aliveMask: Uint8Array | null | undefined, rng: RandomSource): OverlaySummaryPlan {
  // Scanned once here: with every peer alive, each metric skips the test.
  const alive = liveMask(graph, aliveMask);
  const degrees = degreeStats(graph, alive);
  const clustering = averageClustering(graph, { alive, rng });
  const paths = pathLengthSources(graph, { alive, rng });
  const isolated = degrees.peers > 1 && degrees.min === 0;
  return { alive, degrees, clustering, paths, ...(isolated ? { components: largestComponent(graph, alive) } : {}) };
}

/**
 * The components, found from the path sums when they show the overlay connected: each
 * source's BFS reaches every peer of its component, so if every one of them reached all
 * the other alive peers, there is one component of them all (at 10^6 peers of degree 8
 * this spares a ~0.08 s search). Otherwise (a disconnected overlay) they are searched,
 * unless the plan has them already.
 */
function componentsOf(graph: Graph, plan: OverlaySummaryPlan, sums: PathSums): ComponentStats {
  if (plan.components) return plan.components;
  const peers = plan.degrees.peers;
  const connected = peers > 0 && sums.pairs === plan.paths.from.length * (peers - 1);
  return connected ? connectedStats(peers) : largestComponent(graph, plan.alive);
}

/** The summary, from its plan and the path sums of all its sources. */
export function completeOverlaySummary(graph: Graph, plan: OverlaySummaryPlan, sums: PathSums): OverlayResults {
  const { degrees, clustering } = plan;
  const component = componentsOf(graph, plan, sums);
  const paths = pathLengthResult(sums, plan.paths);
  return {
    peers: degrees.peers,
    meanDegree: degrees.mean,
    maxDegree: degrees.max,
    largestComponentFraction: component.fraction,
    clustering: clustering.value,
    meanPathLength: paths.mean,
    pathLengthSources: paths.sources,
    pathLengthExact: paths.exact,
    degreeHistogram: degrees.histogram,
    minDegree: degrees.min,
    degreeSd: degrees.sd,
    components: component.components,
    clusteringSamples: clustering.samples,
    clusteringExact: clustering.exact,
  };
}

/**
 * The whole summary on this thread. Exact up to 100,000 peers for clustering and 2,000
 * for path length; sampled above (20,000 peers; 64 BFS sources): ~0.1 s at 10^5 peers,
 * ~0.5 s at 10^6 (degree 8, 2-core VM; most of it the BFS).
 */
export function summarizeOverlay(graph: Graph, alive: Uint8Array | null | undefined, rng: RandomSource): OverlayResults {
  const plan = planOverlaySummary(graph, alive, rng);
  return completeOverlaySummary(graph, plan, pathLengthSums(graph, plan.alive, plan.paths.from));
}

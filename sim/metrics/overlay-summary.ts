/**
 * The `overlay` section of the results (SPEC §3): degree statistics, largest component
 * fraction, clustering and mean path length of the overlay among alive peers.
 */
import type { RandomSource } from '../engine/random.js';
import type { Graph } from '../overlay/graph.js';
import type { OverlayResults } from '../run/results.js';
import { degreeStats } from './degree-stats.js';
import { largestComponent } from './components.js';
import { averageClustering } from './clustering.js';
import { meanPathLength } from './path-length.js';

/**
 * `rng` (a dedicated scenario-level stream) picks the sampled peers of clustering, then
 * the BFS sources of the path length, so the summary is a function of (graph, alive, seed).
 * Exact up to 100,000 peers for clustering and 2,000 for path length; sampled above
 * (20,000 peers; 64 BFS sources): ~0.15 s at 10^5 peers, ~4 s at 10^6 (degree 8, 2-core VM).
 */
export function summarizeOverlay(graph: Graph, alive: Uint8Array | null | undefined, rng: RandomSource): OverlayResults {
  const degrees = degreeStats(graph, alive);
  const component = largestComponent(graph, alive);
  const clustering = averageClustering(graph, { alive, rng });
  const paths = meanPathLength(graph, { alive, rng });
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

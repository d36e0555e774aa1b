/**
 * The peer-sampling component (`overlay.sampling`): runs Cyclon or Newscast, whose views
 * become the overlay, and reports in-degree, clustering, path length and dead links.
 */
import { averageClustering } from '../../metrics/clustering.js';
import { meanPathLength } from '../../metrics/path-length.js';
import { viewInDegreeStats } from '../../metrics/in-degree.js';
import type { Component, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { SamplingSpec } from './schema.js';
import { dynamicsOf } from '../../dynamics/shared.js';
import { Cyclon } from './cyclon.js';
import { Newscast } from './newscast.js';
import { GossipSampler, type SamplerPartition } from './sampler.js';

/**
 * `overlayReadDuringRun`: whether another family reads the overlay while the run goes
 * (Family.readsOverlayDuringRun). If so the overlay is rebuilt from the views at every
 * refresh of global knowledge (network.knowledgeRefresh); if not only when churn,
 * failures, the observer or the results read it (ViewTable).
 */
export class PeerSamplingComponent implements Component {
  /**
   * An exchange changes the views of its two peers, each at its own event (request, then
   * reply), and the overlay changes only at declared instants: it splits (sampling/split.ts).
   */
  readonly parallel = 'safe';
  private protocol: GossipSampler | null = null;

  /** `partition`: this thread's part of a split run (sampling/split.ts); null on one thread. */
  constructor(
    private readonly spec: SamplingSpec,
    private readonly overlayReadDuringRun = true,
    private readonly partition: SamplerPartition | null = null,
  ) {}

  /** Int32s a peer that the protocol takes from SamplerPartition.ints in a split run. */
  static sharedInts(spec: SamplingSpec): number {
    return GossipSampler.SHARED_INTS + (spec.protocol === 'cyclon' ? Cyclon.sharedInts(spec) : 0);
  }

  /** The protocol running (after start). */
  get service(): GossipSampler {
    return this.protocol!;
  }

  start(ctx: SimContext): void {
    const protocol = this.spec.protocol === 'newscast'
      ? new Newscast(ctx, this.spec, this.overlayReadDuringRun, this.partition)
      : new Cyclon(ctx, this.spec, this.overlayReadDuringRun, this.partition);
    protocol.start(this.spec.protocol);
    this.protocol = protocol;
    dynamicsOf(ctx).membership.attachSampling(protocol);
  }

  /**
   * Where another protocol reads the overlay, it is rebuilt from the views at every sampling
   * instant too (as at every refresh), so that what the protocols read after it does not
   * depend on which samples the observer searched (a split run does it in every thread:
   * sampling/split.ts).
   */
  sample(): void {
    if (this.overlayReadDuringRun && !this.partition) this.protocol!.syncOverlay();
  }

  contribute(results: Results, ctx: SimContext): void {
    const protocol = this.protocol!;
    // A split run's threads rebuilt the overlay together at the last sampling instant
    // (sampling/split.ts); only partition 0 contributes.
    if (!this.partition) protocol.syncOverlay();
    const alive = ctx.peers.alive, n = ctx.peers.count, views = protocol.views;
    const rng = ctx.namedStream('metrics/sampling');
    // A split run's counters are each thread's own: the figures come from the views then.
    const inDegrees = this.partition ? views.countInDegrees(n) : views.inDegree;
    const entries = this.partition ? views.countEntries(0, n, alive).entries : views.entries;
    const inDegree = viewInDegreeStats(inDegrees, alive, n);
    const clustering = averageClustering(ctx.overlay, { alive, rng });
    const paths = meanPathLength(ctx.overlay, { alive, rng });
    results.sampling = {
      protocol: this.spec.protocol,
      exchanges: protocol.exchanges,
      inDegreeMean: inDegree.mean,
      inDegreeSd: inDegree.sd,
      inDegreeMin: inDegree.min,
      inDegreeMax: inDegree.max,
      viewFill: entries / Math.max(1, ctx.peers.aliveCount * views.viewSize),
      deadLinks: this.partition ? deadFraction(views.countEntries(0, n, alive)) : protocol.deadLinkFraction(),
      clustering: clustering.value,
      meanPathLength: paths.mean,
      pathLengthSources: paths.sources,
      pathLengthExact: paths.exact,
    };
  }
}

/** The fraction of entries that point at peers that are down (0 without entries). */
export function deadFraction(c: { entries: number; dead: number }): number {
  return c.entries > 0 ? c.dead / c.entries : 0;
}

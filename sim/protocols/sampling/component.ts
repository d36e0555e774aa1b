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
import type { GossipSampler } from './sampler.js';

/**
 * `overlayReadDuringRun`: whether another family reads the overlay while the run goes
 * (Family.readsOverlayDuringRun). If so the overlay is rebuilt from the views at every
 * refresh of global knowledge (network.knowledgeRefresh); if not only when churn,
 * failures, the observer or the results read it (ViewTable).
 */
export class PeerSamplingComponent implements Component {
  /** An exchange changes both parties' views and the shared overlay at once. */
  readonly parallel = 'unsafe';
  private protocol: GossipSampler | null = null;

  constructor(private readonly spec: SamplingSpec, private readonly overlayReadDuringRun = true) {}

  start(ctx: SimContext): void {
    const protocol = this.spec.protocol === 'newscast'
      ? new Newscast(ctx, this.spec, this.overlayReadDuringRun)
      : new Cyclon(ctx, this.spec, this.overlayReadDuringRun);
    protocol.start(this.spec.protocol);
    this.protocol = protocol;
    dynamicsOf(ctx).membership.attachSampling(protocol);
  }

  contribute(results: Results, ctx: SimContext): void {
    const protocol = this.protocol!;
    protocol.syncOverlay();
    const alive = ctx.peers.alive;
    const rng = ctx.namedStream('metrics/sampling');
    const inDegree = viewInDegreeStats(protocol.views.inDegree, alive, ctx.peers.count);
    const clustering = averageClustering(ctx.overlay, { alive, rng });
    const paths = meanPathLength(ctx.overlay, { alive, rng });
    results.sampling = {
      protocol: this.spec.protocol,
      exchanges: protocol.exchanges,
      inDegreeMean: inDegree.mean,
      inDegreeSd: inDegree.sd,
      inDegreeMin: inDegree.min,
      inDegreeMax: inDegree.max,
      viewFill: protocol.views.entries / Math.max(1, ctx.peers.aliveCount * protocol.views.viewSize),
      deadLinks: protocol.deadLinkFraction(),
      clustering: clustering.value,
      meanPathLength: paths.mean,
      pathLengthSources: paths.sources,
      pathLengthExact: paths.exact,
    };
  }
}

/**
 * Time series of an overlay under churn and failures: `largestComponentFraction` (of the
 * live peers) and `deadLinks`, sampled every `metrics.sample` (`alive` comes from the runner).
 */
import { largestComponent } from '../../metrics/components.js';
import { deadLinkFraction } from '../../metrics/dead-links.js';
import type { Component, SeriesWriter, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { Scenario } from '../../scenario/schema.js';
import { currentOverlay, dynamicsOf } from '../shared.js';

/**
 * Work (peers + 2 × links visited) the largest-component series may cost over a whole run:
 * a few seconds of breadth-first search at most.
 */
export const COMPONENT_WORK_BUDGET = 3e8;

/** The observer runs when the overlay can change: churn, failures or peer sampling. */
export function observesDynamics(scenario: Scenario): boolean {
  return scenario.churn !== null || scenario.failures.length > 0 || scenario.overlay.sampling !== null;
}

/** One sample of the observer, by its row in the series (a split run's threads share them out). */
export interface ObserverSample {
  row: number;
  fraction: number;
  deadLinks: number | null;
}

/**
 * The largest component costs a breadth-first search over the overlay, so it is computed
 * at every k-th sample only, k = ceil(samples × estimated cost of one search / budget)
 * (k = 1 for small overlays), and written as null at the others. The cost estimate is
 * fixed at start (peers + 2 × links, links counted as full views when peer sampling is on),
 * so k depends only on the scenario. Dead links come from the views' counters at every
 * sample with peer sampling (exact and O(1)); without it they are counted on the overlay
 * at the component samples (there a crash drops the links at once and links are made only
 * between live peers, so the series checks that they stay 0).
 */
export class DynamicsObserver implements Component {
  /**
   * The largest component is a property of the whole overlay: safe in a split run only
   * where every thread's overlay is exact at every sampling instant: one shared copy that
   * no thread changes while the threads sample (the families whose peers' events change
   * links hold them at barriers there), or rebuilt from the shared views when read
   * (peer sampling: no thread changes a view while the threads sample). The threads then
   * take the searches in turn (see `share`).
   */
  readonly parallel = 'safe';
  private every = 1;
  private samples = 0;
  /**
   * Split run (sim/parallel/): the searches this thread made for rows it does not write
   * (partition 0 writes the series, null there; the runner fills them in). Empty otherwise.
   */
  readonly computed: ObserverSample[] = [];

  /**
   * `share`: in a split run, every thread calls `sample` at every instant, and thread `me`
   * of `threads` searches the k-th searched sample when k mod threads = me.
   */
  constructor(private readonly share: { me: number; threads: number } | null = null) {}

  start(ctx: SimContext): void {
    const { scenario, peers, overlay } = ctx;
    const sampling = scenario.overlay.sampling;
    const links = Math.max(overlay.edges, sampling ? peers.count * sampling.viewSize : 0);
    const searchCost = peers.count + 2 * links;
    const samples = Math.ceil(scenario.duration / scenario.metrics.sample) + 1;
    this.every = Math.max(1, Math.ceil((samples * searchCost) / COMPONENT_WORK_BUDGET));
    dynamicsOf(ctx);
  }

  sample(ctx: SimContext, write: SeriesWriter): void {
    const dynamics = dynamicsOf(ctx);
    const sampling = dynamics.membership.sampling;
    const alive = ctx.peers.alive;
    const i = this.samples++;
    // In a split run another thread may search this sample: partition 0 then holds its place
    // in the series with null. (The history, which only overlay repair and peer sampling
    // read, keeps this thread's searches only.)
    const searched = i % this.every === 0 && (this.share === null || (i / this.every) % this.share.threads === this.share.me);
    if (searched) {
      // A split run's peer sampling has rebuilt the overlay at this instant, all threads
      // together (sampling/split.ts): one thread alone must not.
      const fraction = largestComponent(this.share !== null ? ctx.overlay : currentOverlay(ctx), alive).fraction;
      // The runner samples at i × metrics.sample (the last sample at `duration`).
      dynamics.history.time.push(Math.min(i * ctx.scenario.metrics.sample, ctx.scenario.duration));
      dynamics.history.fraction.push(fraction);
      write('largestComponentFraction', fraction);
      const dead = sampling ? null : deadLinkFraction(ctx.overlay, alive);
      if (!sampling) write('deadLinks', dead);
      if (this.share !== null && this.share.me !== 0) this.computed.push({ row: i, fraction, deadLinks: dead });
    } else {
      write('largestComponentFraction', null);
      if (!sampling) write('deadLinks', null);
    }
    if (sampling) write('deadLinks', sampling.deadLinkFraction());
  }

  contribute(results: Results, ctx: SimContext): void {
    const membership = dynamicsOf(ctx).membership;
    const walker = membership.walker;
    results.dynamics = {
      largestComponentEvery: this.every,
      walks: walker ? walker.walks : 0,
      walkLinks: walker ? walker.linksMade : 0,
      walksLost: walker ? walker.walksLost : 0,
      walksRefused: walker ? walker.walksRefused : 0,
    };
  }
}

/**
 * The observer in a split run (sim/parallel/split.ts): every thread reads the whole
 * overlay, exact at every sampling instant (no thread changes its peers' links or views
 * while the threads sample), so the threads take the largest-component searches in turn.
 * Partition 0 writes the series (null in the rows another thread searched); the merge
 * fills those rows in, then adds partition 0's `dynamics` section.
 */
import { contributionOf, mergeContribution, type SplitContract } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import { DynamicsObserver, type ObserverSample } from './component.js';
import type { DynamicsResults } from './results-section.js';
import { dynamicsOf } from '../shared.js';

interface ObserverShare {
  samples: ObserverSample[];
  contribution: Partial<Results> | null;
  /** This thread's walks (churn or repair split: each thread's peers' own). */
  walks: WalkCounts;
}

type WalkCounts = Pick<DynamicsResults, 'walks' | 'walkLinks' | 'walksLost' | 'walksRefused'>;

export const observerSplit: SplitContract = {
  partition(_scenario, env) {
    const observer = new DynamicsObserver({ me: env.me, threads: env.threads });
    return {
      components: [observer],
      samplesEverywhere: true,
      share(ctx) {
        const contribution = contributionOf([observer], ctx, env.me).data as Partial<Results> | null;
        const walker = dynamicsOf(ctx).membership.walker;
        const walks: WalkCounts = walker
          ? { walks: walker.walks, walkLinks: walker.linksMade, walksLost: walker.walksLost, walksRefused: walker.walksRefused }
          : { walks: 0, walkLinks: 0, walksLost: 0, walksRefused: 0 };
        return { data: { samples: observer.computed, contribution, walks } satisfies ObserverShare };
      },
    };
  },
  merge(target, shares) {
    const parts = shares as ObserverShare[];
    const series = target.results.series;
    for (const p of parts) {
      for (const o of p.samples) {
        series.largestComponentFraction[o.row] = o.fraction;
        if (o.deadLinks !== null) series.deadLinks[o.row] = o.deadLinks;
      }
    }
    mergeContribution(target, [parts[0].contribution]);
    // Walks are counted by the threads of the peers whose events they are: summed.
    const dynamics = target.results.dynamics;
    if (dynamics) {
      for (const key of ['walks', 'walkLinks', 'walksLost', 'walksRefused'] as const) dynamics[key] = parts.reduce((sum, p) => sum + p.walks[key], 0);
    }
  },
};

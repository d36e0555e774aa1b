/**
 * The observer in a split run (sim/parallel/split.ts): every thread holds the whole
 * overlay, changed by controller events alone, so each thread's copy is exact at every
 * sampling instant and the threads take the largest-component searches in turn.
 * Partition 0 writes the series (null in the rows another thread searched); the merge
 * fills those rows in, then adds partition 0's `dynamics` section.
 */
import { contributionOf, mergeContribution, type SplitContract } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import { DynamicsObserver, type ObserverSample } from './component.js';

interface ObserverShare {
  samples: ObserverSample[];
  contribution: Partial<Results> | null;
}

export const observerSplit: SplitContract = {
  partition(_scenario, env) {
    const observer = new DynamicsObserver({ me: env.me, threads: env.threads });
    return {
      components: [observer],
      samplesEverywhere: true,
      share(ctx) {
        const contribution = contributionOf([observer], ctx, env.me).data as Partial<Results> | null;
        return { data: { samples: observer.computed, contribution } satisfies ObserverShare };
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
  },
};

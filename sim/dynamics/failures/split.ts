/**
 * Failures in a split run (sim/parallel/split.ts): a failure is a controller event that
 * every thread runs. Every thread draws the same victims; each then takes down its own
 * (their links, views, alive bytes where shared) and drops its other peers' links to them,
 * between two barriers (membership.ts, crashOwn). The overlay is one shared copy (or, with
 * peer sampling, the shared views), so partition 0's `resilience` is the run's.
 */
import type { SplitContract } from '../../parallel/split.js';
import type { SimContext } from '../../run/context.js';
import type { Dynamics } from '../shared.js';
import { dynamicsOf } from '../shared.js';
import { FailuresComponent, withRecovery } from './component.js';
import type { ResilienceResult } from './results-section.js';

interface FailuresShare {
  /** Partition 0: the failures, their recoveries' later points not added yet. */
  done: ResilienceResult[] | null;
  /** This thread's largest-component samples (the threads share the samples out). */
  history: Dynamics['history'];
}

export const failuresSplit: SplitContract = {
  changesMembership: () => true,
  // Without peer sampling the overlay is one shared copy, each thread changing its own
  // peers' runs; with repair, walks add links too (room for maxDegree, as under churn).
  peerEventsChange: (scenario) => (scenario.overlay.sampling ? [] : ['links']),
  linkRoom: (scenario) => (scenario.overlay.repair ? scenario.overlay.maxDegree : 0),
  partition(scenario, env) {
    const component = new FailuresComponent(scenario.failures);
    const components = [component];
    // A recovery reads every sample of the largest component, which the threads share out.
    const share = (ctx: SimContext) => ({ data: { done: env.me === 0 ? component.done : null, history: dynamicsOf(ctx).history } satisfies FailuresShare });
    const walks = scenario.overlay.repair && !scenario.overlay.sampling;
    // Churn's split part already does what repair's walks need.
    if (!walks || scenario.churn) return { components, share };
    let context: SimContext | null = null;
    return {
      components,
      share,
      // Repair walks change links at peer events, which a failure reads.
      peersChangeWhatControllersRead: true,
      // The observer reads every thread's peers' links at the samples.
      readsSharedState: true,
      started(ctx) {
        context = ctx;
      },
      sampling() {
        context!.overlay.recountHalves();
      },
    };
  },
  merge(target, shares) {
    const parts = shares as FailuresShare[];
    const samples = parts.flatMap((p) => p.history.time.map((t, i) => [t, p.history.fraction[i]])).sort((a, b) => a[0] - b[0]);
    target.results.resilience = withRecovery(parts[0].done!, { time: samples.map((x) => x[0]), fraction: samples.map((x) => x[1]) });
  },
};

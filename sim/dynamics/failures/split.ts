/**
 * Failures in a split run (sim/parallel/split.ts): every thread holds its own copy of the
 * overlay and of who is alive and applies each failure alike (they are controller events),
 * so partition 0's `resilience` is the run's. Not with `overlay.repair` (its walks change
 * links at peer events: see FailuresComponent.parallel).
 */
import type { SplitContract } from '../../parallel/split.js';
import { FailuresComponent } from './component.js';

export const failuresSplit: SplitContract = {
  changesMembership: () => true,
  partition(scenario) {
    const components = [new FailuresComponent(scenario.failures, scenario.overlay.repair)];
    // Partition 0's section is the run's: the contract's default share and merge.
    return { components };
  },
};

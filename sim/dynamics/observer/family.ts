/** The observer of a changing overlay (`dynamics`): largest component and dead links over time. */
import type { Family } from '../../families/family.js';
import { DynamicsObserver, observesDynamics } from './component.js';
import type { DynamicsSections } from './results-section.js';
import { observerSplit } from './split.js';

const SOURCE = 'sim/dynamics/observer/results-section.ts';

export const dynamicsFamily: Family<DynamicsSections, {}> = {
  runRank: 40,
  name: 'dynamics',
  readingRank: 90,
  results: { source: SOURCE, sections: { dynamics: 'DynamicsResults' }, titles: { dynamics: 'Overlay dynamics' } },
  split: observerSplit,
  components: (scenario) => (observesDynamics(scenario) ? [new DynamicsObserver()] : []),
  metricDomains: {
    dynamics: {
      largestComponentEvery: 'input', walks: 'count', walkLinks: 'count', walksLost: 'count', walksRefused: 'count',
    },
  },
};

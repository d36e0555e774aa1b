/** The aggregation family (`aggregation`): push-pull averaging, on both engines. */
import type { Family } from '../../families/family.js';
import { aggregationSchema, type aggregationKeys } from './schema.js';
import { AggregationComponent } from './component.js';
import { aggregationSplit } from './split.js';
import { aggregationCards, aggregationSection, aggregationSummary } from './report.js';
import type { AggregationSections } from './results-section.js';

export const aggregationFamily: Family<AggregationSections, typeof aggregationKeys> = {
  runRank: 80,
  name: 'aggregation',
  schema: aggregationSchema,
  readingRank: 60,
  results: { source: 'sim/protocols/aggregation/results-section.ts', sections: { aggregation: 'AggregationResults' }, titles: { aggregation: 'Aggregation' } },
  split: aggregationSplit,
  components: (scenario) => (scenario.aggregation ? [new AggregationComponent(scenario.aggregation, scenario.engine)] : []),
  readsOverlayDuringRun: (scenario) => scenario.aggregation?.targets === 'neighbours',
  // Estimate (8), busy flag (1) and exchange number (4) a peer; one tick a peer pending.
  memory: ({ scenario, peers: n, perPeer }) => (scenario.aggregation
    ? { terms: [perPeer('aggregation estimates', 13), perPeer('aggregation streams', 4)], pendingEvents: n } : null),
  summary: aggregationSummary,
  cards: aggregationCards,
  reportSection: aggregationSection,
  metricDomains: {
    aggregation: {
      trueMean: 'real', finalMean: 'real', finalVariance: 'nonNegative', varianceFactor: 'nonNegative',
      exchanges: 'count', halfExchanges: 'count', refused: 'count', abandoned: 'count',
    },
    'aggregation.sizeEstimate': { median: 'nonNegative', min: 'nonNegative', max: 'nonNegative' },
  },
};

/** The broadcast family: rumours spread by push, pull, push-pull or flooding (`workload.broadcasts`). */
import type { Family } from '../../families/family.js';
import { broadcastSchema, type broadcastKeys } from './schema.js';
import { BroadcastComponent } from './component.js';
import { broadcastMemory } from './memory.js';
import { broadcastCards, broadcastDerived, broadcastSummary } from './report.js';
import type { BroadcastSections } from './results-section.js';
import { broadcastSplit } from './split/split.js';

export const broadcastFamily: Family<BroadcastSections, typeof broadcastKeys> = {
  runRank: 60,
  name: 'broadcast',
  reportClient: 'sim/protocols/broadcast/report.client.js',
  schema: broadcastSchema,
  readingRank: 10,
  results: { source: 'sim/protocols/broadcast/results-section.ts', sections: { broadcasts: 'BroadcastResult[]' }, titles: { broadcasts: 'Rumour spreading' } },
  split: broadcastSplit,
  components: (scenario) => (scenario.workload.broadcasts.length > 0 ? [new BroadcastComponent(scenario.workload.broadcasts)] : []),
  readsOverlayDuringRun: (scenario) => scenario.workload.broadcasts.length > 0,
  memory: broadcastMemory,
  summary: broadcastSummary,
  cards: broadcastCards,
  derive: broadcastDerived,
  metricDomains: {
    'broadcasts[]': {
      origin: 'input', start: 'input', id: 'input', spec: 'input', fanout: 'input',
      reached: 'count', reachedEver: 'count', alive: 'count', coverage: 'fraction', allReached: 'proportion',
      rounds: 'count', completionTime: 'time', messages: 'count', duplicates: 'count', lost: 'count',
      dropped: 'count', synced: 'count', ended: 'proportion',
    },
  },
};

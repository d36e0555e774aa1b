/** The structured family (`structured`): Chord and Kademlia, an index that `dht` searches look items up in. */
import type { Family } from '../../families/family.js';
import { structuredSchema, type structuredKeys } from './schema.js';
import { StructuredComponent, routingTables } from './component.js';
import { structuredCards, structuredSection, structuredSummary } from './report.js';
import type { StructuredSections } from './results-section.js';
import { tableBytes } from './core.js';
import { structuredSplit } from './split.js';

const LOOKUPS = {
  count: 'count', successRate: 'fraction', meanHops: 'nonNegative', meanPathLength: 'nonNegative', meanRounds: 'nonNegative',
  meanLatency: 'time', medianLatency: 'time', p95Latency: 'time', messagesPerLookup: 'nonNegative', bytesPerLookup: 'nonNegative',
  timeoutsPerLookup: 'nonNegative', unfinished: 'count',
} as const;

export const structuredFamily: Family<StructuredSections, typeof structuredKeys> = {
  // Before search (50): a dht search asks for the index (DHT_INDEX) when it starts.
  runRank: 45,
  name: 'structured',
  schema: structuredSchema,
  readingRank: 25,
  results: { source: 'sim/protocols/structured/results-section.ts', sections: { structured: 'StructuredResults' }, titles: { structured: 'Structured overlay (DHT)' } },
  components: (scenario) => (scenario.structured ? [new StructuredComponent(scenario.structured)] : []),
  split: structuredSplit,
  // ID (8), joined flag (1), upkeep generation (4), stream counters (8), and the tables:
  // Chord r successors, F fingers and a predecessor (4 bytes each) and a count; Kademlia
  // levels × k contacts (4 bytes each) and a count a bucket. Pending: upkeep ticks.
  memory: ({ scenario, initialPeers, peers, perPeer }) => {
    const st = scenario.structured;
    if (!st) return null;
    // A split run's threads each draw every peer's ID (split.ts), so each holds them whole;
    // the tables live once, in shared memory.
    const ids = { ...perPeer('DHT IDs and state', 21), perThread: true };
    const terms = [ids, perPeer(`${st.protocol} routing tables`, tableBytes(routingTables(st, peers)))];
    // With dht searches every replica's holder has its pointer on `copies` peers: a holder
    // and an expiry in JS arrays, about 24 bytes a pointer live (measured at 5·10^4 and 10^5
    // peers), and V8 lets its heap grow to about twice the live data before it collects: 48
    // at the peak (bench/README.md, session 38). A split run's thread keeps its own peers'.
    if (scenario.workload.searches.some((q) => q.protocol === 'dht')) {
      const replicas = scenario.data.objects * scenario.data.replication.ratio * initialPeers;
      const copies = st.protocol === 'chord' ? st.chord.successors : st.kademlia.k;
      terms.push({ what: `DHT pointers (${Math.round(replicas * copies).toLocaleString('en-US')})`, bytes: 48 * replicas * copies });
    }
    return { terms, pendingEvents: 2 * peers };
  },
  eventDrivenParts: (scenario) => (scenario.structured ? [{ key: 'structured', part: 'the structured overlay (DHT lookups and upkeep)' }] : []),
  reportClient: 'sim/protocols/structured/report.client.js',
  summary: structuredSummary,
  cards: structuredCards,
  reportSection: structuredSection,
  metricDomains: {
    'structured.lookups': LOOKUPS,
    'structured.routingState': { peers: 'count', meanEntries: 'nonNegative', minEntries: 'nonNegative', maxEntries: 'nonNegative', meanSuccessors: 'nonNegative', meanRecords: 'nonNegative', bytesPerPeer: 'nonNegative' },
    'structured.messages[]': { lookupMessages: 'count', lookupBytes: 'count', maintenanceMessages: 'count', maintenanceBytes: 'count' },
    'structured.maintenance': { messages: 'count', bytes: 'count', peerSeconds: 'nonNegative', messagesPerPeerPerSecond: 'nonNegative', bytesPerPeerPerSecond: 'nonNegative' },
    structured: { bits: 'input', timeouts: 'count' },
    // The ring view's lookup: peer ids and a key's position, not measurements to average.
    'structured.ring.lookup': { origin: 'input', key: 'input', owner: 'input' },
  },
};

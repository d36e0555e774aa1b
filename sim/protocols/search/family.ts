/** The search family: data placement, queries (flood, random walk, expanding ring, directory) and super-peers. */
import type { Card, Family } from '../../families/family.js';
import { searchSchema, type searchKeys } from './schema.js';
import type { MetricDomain } from '../../run/domains.js';
import type { Results } from '../../run/results.js';
import { fmt, pct } from '../../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../../viz/format.js';
import { searchComponents } from './component.js';
import type { SearchSections } from './results-section.js';
import type { SearchSummary } from './stats.js';
import { searchSplit } from './split.js';

/** What a search reports, overall, per protocol and per `workload.searches` entry. */
const SEARCH: Record<string, MetricDomain> = {
  queries: 'count',
  successRate: 'fraction',
  messagesPerQuery: 'nonNegative',
  peersProbedPerQuery: 'nonNegative',
  meanHopsToHit: 'nonNegative',
  meanTimeToHit: 'time',
  queryMessages: 'count',
  answerMessages: 'count',
  controlMessages: 'count',
  meanProbesToHit: 'nonNegative',
  localHits: 'count',
  unfinished: 'count',
  meanRings: 'nonNegative',
};

function summary(r: Results): string[] {
  const s = r.searches;
  if (!s) return [];
  const lines = [
    `  searches   ${fmt(s.queries)} queries: success ${pct(s.successRate)}, ${fmt(s.messagesPerQuery)} messages/query, ` +
      `${fmt(s.peersProbedPerQuery)} peers probed/query, ${fmt(s.meanHopsToHit)} hops and ${fmt(s.meanTimeToHit)} s to first hit`,
  ];
  const by = s.byProtocol;
  if (by && Object.keys(by).length > 1) {
    for (const [p, v] of Object.entries(by)) {
      lines.push(`    ${p.padEnd(15)} success ${pct(v.successRate)}, ${fmt(v.messagesPerQuery)} messages/query, ${fmt(v.meanHopsToHit)} hops to hit`);
    }
  }
  return lines;
}

function cards(r: Results): Card[] {
  const searches = r.searches;
  if (!searches || typeof searches !== 'object') return [];
  const byProtocol = searches.byProtocol;
  const entries: Array<[string | null, Partial<SearchSummary>]> =
    byProtocol && Object.keys(byProtocol).length > 1 ? Object.entries(byProtocol) : [[null, searches]];
  return entries.slice(0, 4).map(([protocol, s]) => {
    const hops = s.meanHopsToHit ?? null;
    const time = s.meanTimeToHit ?? null;
    const detail = [`success over ${formatNumber(s.queries)} queries`, `${formatNumber(s.messagesPerQuery)} messages/query`];
    if (hops !== null) detail.push(`${formatNumber(hops)} hops`);
    if (time !== null) detail.push(formatDuration(time) + ' to a hit');
    return { label: protocol ? `Search (${protocol})` : 'Search', value: formatPercent(s.successRate),
      detail: detail.join(', '), group: 'search' };
  });
}

export const searchFamily: Family<SearchSections, typeof searchKeys> = {
  runRank: 50,
  name: 'search',
  reportClient: 'sim/protocols/search/report.client.js',
  schema: searchSchema,
  readingRank: 20,
  results: { source: 'sim/protocols/search/results-section.ts', sections: { searches: 'SearchResults', data: 'DataResults' },
    titles: { searches: 'Search', data: 'Data placement' } },
  split: searchSplit,
  components: (scenario) => searchComponents(scenario),
  readsOverlayDuringRun: (scenario) => scenario.workload.searches.length > 0 || scenario.hybrid !== null,
  // Each replica is listed twice (by item and by peer), per-peer rows and streams,
  // super-peer tables (data/placement.ts, run-pool.ts, search/*).
  memory: ({ scenario, peers: n, perPeer }) => {
    if (scenario.workload.searches.length === 0 && !scenario.hybrid) return null;
    const d = scenario.data;
    const replicas = d.objects * d.replication.ratio * n;
    const terms = [
      { what: `data placement (${d.objects} items, ratio ${d.replication.ratio})`, bytes: 12 * replicas + 16 * d.objects + 21 * n },
      perPeer('search streams', 4),
    ];
    if (scenario.hybrid) terms.push(perPeer('super-peer tables', 6));
    return { terms, pendingEvents: 0.01 * n };
  },
  eventDrivenParts: (scenario) => (scenario.workload.searches.length > 0 ? [{ key: 'workload.searches', part: 'searches (workload.searches)' }] : []),
  summary,
  cards,
  metricDomains: {
    searches: SEARCH,
    'searches.byProtocol.*': SEARCH,
    'searches.bySearch[]': SEARCH,
    'searches.directory': { superPeers: 'count', registrationMessages: 'count', reattachments: 'count' },
    data: {
      objects: 'input', ratio: 'input', replicas: 'count', minReplicas: 'count', maxReplicas: 'count',
      storedReplicas: 'count', expectedSearchSize: 'nonNegative',
    },
  },
};

/** The structured family's summary line, cards and report section (lookups: hops, latency, cost). */
import type { Card, ReportSection } from '../../families/family.js';
import type { Results } from '../../run/results.js';
import { fmt, pct } from '../../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../../viz/format.js';

export function structuredSummary(r: Results): string[] {
  const s = r.structured;
  if (!s) return [];
  const l = s.lookups;
  const path = l.meanPathLength !== null ? `, path length ${fmt(l.meanPathLength)}` : l.meanRounds !== null ? `, ${fmt(l.meanRounds)} rounds` : '';
  return [
    `  dht        ${s.protocol} (${s.lookupMode}, ${s.bootstrap}) ${fmt(l.count)} lookups: success ${pct(l.successRate)}, ` +
      `${fmt(l.meanHops)} hops${path}, ${fmt(l.meanLatency)} s, ${fmt(l.messagesPerLookup)} messages/lookup`,
    `             routing state ${fmt(s.routingState.meanEntries)} entries/peer, upkeep ${fmt(s.maintenance.messagesPerPeerPerSecond)} messages ` +
      `and ${fmt(s.maintenance.bytesPerPeerPerSecond)} bytes per peer per second`,
  ];
}

export function structuredCards(r: Results): Card[] {
  const s = r.structured;
  if (!s || !s.lookups) return [];
  const l = s.lookups;
  return [
    { label: `DHT lookups (${s.protocol})`, value: formatPercent(l.successRate),
      detail: `success over ${formatNumber(l.count)} lookups, ${formatNumber(l.meanHops)} hops, ${formatNumber(l.messagesPerLookup)} messages/lookup` +
        (l.meanLatency !== null ? `, ${formatDuration(l.meanLatency)}` : ''), group: 'structured' },
    { label: 'DHT routing state', value: formatNumber(s.routingState.meanEntries),
      detail: `${s.protocol === 'chord' ? 'distinct fingers' : 'contacts'} per peer; upkeep ${formatNumber(s.maintenance.messagesPerPeerPerSecond)} messages/peer/s`,
      group: 'structured' },
  ];
}

export function structuredSection(r: Results): ReportSection | null {
  const s = r.structured;
  if (!s || !s.lookups) return null;
  const l = s.lookups;
  const histogram = l.hopsHistogram.map((count, hops) => [hops, count] as [number, number]);
  // Success against cost beside the other searches, and the ring view: report.client.js.
  const charts: ReportSection['charts'] = [
    { title: 'Hops per successful lookup', x: { label: 'hops (nodes after the origin, up to the one returning the record)' }, y: { label: 'lookups' },
      lines: [{ label: 'lookups', points: histogram }] },
  ];
  const row = (label: string, value: string): [string, string] => [label, value];
  return {
    id: 'structured',
    title: `Structured overlay: ${s.protocol === 'chord' ? 'Chord' : 'Kademlia'}`,
    intro: 'Lookups of each item\'s key through the DHT, as messages with latency and loss. Hops are the nodes on the path from the ' +
      'origin to the peer that returned the record, that peer included and the origin not.',
    charts,
    table: [
      row('lookups', formatNumber(l.count)),
      row('success rate', formatPercent(l.successRate)),
      row('mean hops', formatNumber(l.meanHops)),
      ...(l.meanPathLength !== null ? [row('mean path length to the predecessor', formatNumber(l.meanPathLength))] : []),
      ...(l.meanRounds !== null ? [row('mean rounds', formatNumber(l.meanRounds))] : []),
      row('latency: mean / median / 95th percentile', `${formatDuration(l.meanLatency)} / ${formatDuration(l.medianLatency)} / ${formatDuration(l.p95Latency)}`),
      row('messages per lookup', formatNumber(l.messagesPerLookup)),
      row('bytes per lookup', formatNumber(l.bytesPerLookup)),
      row('timeouts per lookup', formatNumber(l.timeoutsPerLookup)),
      row(`routing state per peer (${s.protocol === 'chord' ? 'distinct fingers' : 'contacts'})`,
        `${formatNumber(s.routingState.meanEntries)} (${formatNumber(s.routingState.minEntries)}–${formatNumber(s.routingState.maxEntries)})`),
      ...(s.routingState.meanSuccessors !== null ? [row('successor-list entries per peer', formatNumber(s.routingState.meanSuccessors))] : []),
      row('upkeep messages per peer per second', formatNumber(s.maintenance.messagesPerPeerPerSecond)),
      row('upkeep bytes per peer per second', formatNumber(s.maintenance.bytesPerPeerPerSecond)),
    ],
  };
}

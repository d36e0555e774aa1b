/** The capacity family (`capacity`): distributing a file client-server or peer-to-peer. */
import type { Card, Family } from '../../families/family.js';
import { capacitySchema, type capacityKeys } from './schema.js';
import type { Results } from '../../run/results.js';
import { fmt } from '../../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../../viz/format.js';
import { CapacityComponent, type CapacitySections } from './component.js';
import { capacitySweepBounds } from './sweep.js';

function cards(r: Results): Card[] {
  const c = r.capacity;
  if (!c || typeof c !== 'object') return [];
  const time = c.distributionTime ?? null;
  const bound = c.lowerBound ?? null;
  const ratio = time !== null && bound !== null && bound > 0 ? time / bound : null;
  const cards: Card[] = [{
    label: `Distribution time (${typeof c.mode === 'string' ? c.mode : 'capacity'})`,
    value: formatDuration(time),
    detail: `lower bound ${formatDuration(bound)}${ratio !== null ? ` (× ${formatNumber(ratio)})` : ''}, ` +
      `${formatNumber(c.peers)} peers`,
    group: 'capacity',
  }];
  const server = c.serverUtilisation ?? null;
  const peer = c.peerUtilisation ?? null;
  if (server !== null || peer !== null) {
    cards.push({ label: 'Upload utilisation', value: formatPercent(peer ?? server),
      detail: [peer !== null ? 'peers (mean)' : null, server !== null ? `server ${formatPercent(server)}` : null]
        .filter(Boolean).join('; '), group: 'capacity' });
  }
  return cards;
}

export const capacityFamily: Family<CapacitySections, typeof capacityKeys> = {
  runRank: 70,
  name: 'capacity',
  reportClient: 'sim/protocols/capacity/report.client.js',
  metricDomains: {
    capacity: {
      peers: 'input', chunks: 'input', serverSlots: 'input', minDownload: 'input', totalPeerUpload: 'nonNegative',
      completionTimesSampled: 'input', distributionTime: 'time', lowerBound: 'time', meanCompletionTime: 'time',
      serverUtilisation: 'fraction', peerUtilisation: 'fraction', chunkTransfers: 'count', abortedTransfers: 'count',
      completed: 'count', left: 'count', leftAfterCompleting: 'count', unfinished: 'count',
      // Ratios of a peak rate to a capacity: at most 1 in theory, a hair above it in floating point.
      maxUploadRateRatio: 'nonNegative', maxDownloadRateRatio: 'nonNegative', serverPeakUploadRatio: 'nonNegative',
      meanNeighbours: 'nonNegative',
    },
    'capacity.lowerBoundTerms': {
      serverUpload: 'time', slowestDownload: 'time', totalUpload: 'time',
    },
  },
  schema: capacitySchema,
  readingRank: 50,
  results: { source: 'sim/protocols/capacity/component.ts', sections: { capacity: 'CapacityResults' }, titles: { capacity: 'File distribution' } },
  components: (scenario) => (scenario.capacity ? [new CapacityComponent()] : []),
  deriveSweep: (sweep) => ({ capacityBounds: capacitySweepBounds(sweep) }),
  readsOverlayDuringRun: (scenario) => scenario.capacity !== null,
  // Per-peer chunk bitsets (have, pending), counters, the ledger (8 doubles), bandwidths,
  // the swarm's adjacency and the transfer slots (protocols/capacity/*).
  memory: ({ scenario, peers: n, perPeer }) => {
    const capacity = scenario.capacity;
    if (!capacity) return null;
    const chunks = Math.ceil(capacity.file / capacity.chunk);
    const ledger = 64 + 16;
    if (capacity.mode === 'p2p') {
      const words = Math.ceil(chunks / 32);
      // The tracker's swarm is a graph of about 2K links a peer built link by link (its pool
      // ends near 3 × its live slots, as for sampling) plus a tight copy of it.
      const swarm = capacity.neighbours === 'overlay' ? 4 * scenario.overlay.degree + 4 : 32 * capacity.neighbours + 16;
      const rarity = capacity.rarity === 'neighbours' ? 2 * chunks : 0;
      return {
        terms: [perPeer(`chunk maps (${chunks} chunks)`, 8 * words + rarity + 17), perPeer('capacity swarm', swarm),
          perPeer('capacity ledger and transfer slots', ledger + 40 * capacity.uploadSlots)],
        pendingEvents: n * capacity.uploadSlots,
      };
    }
    return { terms: [perPeer('capacity ledger and downloads', ledger + 25)], pendingEvents: n };
  },
  eventDrivenParts: (scenario) => (scenario.capacity
    ? [{ key: 'capacity', part: 'capacity (file distribution is bandwidth-driven)' }] : []),
  summary: (r) => {
    const cap = r.capacity;
    if (!cap) return [];
    return [`  capacity   ${fmt(cap.mode)} to ${fmt(cap.peers)} peers: distribution time ${fmt(cap.distributionTime)} s ` +
      `(lower bound ${fmt(cap.lowerBound)} s)`];
  },
  cards,
};

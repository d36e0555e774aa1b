/**
 * The dynamics families: churn (peers leave and rejoin), failures (scheduled mass crashes,
 * reported as `resilience`) and the observer of a changing overlay (`dynamics`). They share
 * the membership (shared.ts), so they live in one folder with one descriptor each.
 */
import { defineFamily, type Card } from '../families/family.js';
import type { Results } from '../run/results.js';
import { fmt, pct } from '../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../viz/format.js';
import { ChurnComponent } from './churn.js';
import { FailuresComponent } from './failures.js';
import { DynamicsObserver, observesDynamics } from './observer.js';
import type { ChurnSections, DynamicsSections, FailuresSections } from './results-section.js';

const SOURCE = 'sim/dynamics/results-section.ts';

export const churnFamily = defineFamily<ChurnSections>({
  name: 'churn',
  readingRank: 40,
  results: { source: SOURCE, sections: { churn: 'ChurnResults' } },
  components: (scenario) => (scenario.churn ? [new ChurnComponent(scenario.churn)] : []),
  // Session start, epoch, stream; anti-entropy state; one session or downtime timer a peer
  // (dynamics/churn.ts, membership.ts, anti-entropy.ts).
  memory: ({ scenario, peers: n, perPeer }) => (scenario.churn
    ? { terms: [perPeer('churn state', 8 + 4 + 4 + (scenario.churn.sync ? 13 + 4 : 0))], pendingEvents: n } : null),
  eventDrivenParts: (scenario) => (scenario.churn
    ? [{ key: 'churn', part: 'churn (peers leave and join at any time between rounds)' }] : []),
  summary: (r) => (r.churn
    ? [`  churn      ${fmt(r.churn.joins)} joins, ${fmt(r.churn.leaves)} leaves, mean resync time ${fmt(r.churn.meanResyncTime)} s`] : []),
  cards: (r): Card[] => {
    const churn = r.churn;
    if (!churn || typeof churn !== 'object') return [];
    const resync = churn.meanResyncTime ?? null;
    return [{ label: 'Churn', value: `${formatNumber(churn.joins)} / ${formatNumber(churn.leaves)}`,
      detail: 'joins / leaves' + (resync !== null ? `; resynchronised in ${formatDuration(resync)} on average` : ''),
      group: 'churn' }];
  },
  metricDomains: {
    churn: {
      joins: 'count', leaves: 'count', arrivals: 'count', meanResyncTime: 'time', resyncs: 'count',
      resyncPending: 'count', rumoursPulled: 'count', meanSession: 'time', meanDowntime: 'time',
      joinRetries: 'count', joinsAlone: 'count',
    },
  },
});

function resilienceCards(r: Results): Card[] {
  const list = Array.isArray(r.resilience) ? r.resilience : [];
  return list.slice(0, 3).map((f, i) => {
    const target = typeof f.target === 'string' ? f.target : null;
    const fraction = (f as { fraction?: unknown }).fraction;
    const what = [typeof fraction === 'number' ? formatPercent(fraction) : `${formatNumber(f.removed)} peers`,
      target === 'degree' ? 'attack (highest degree)' : target ?? 'failure'].join(' ');
    return {
      label: `Largest component after failure${list.length > 1 ? ` #${i + 1}` : ''}`,
      value: formatPercent(f.largestComponentFraction),
      detail: `${what} at ${formatDuration(f.at)}; ${formatNumber(f.removed)} removed`,
      group: 'resilience',
    };
  });
}

export const failuresFamily = defineFamily<FailuresSections>({
  name: 'failures',
  readingRank: 30,
  results: { source: SOURCE, sections: { resilience: 'ResilienceResult[]' } },
  components: (scenario) => (scenario.failures.length > 0 ? [new FailuresComponent(scenario.failures, scenario.overlay.repair)] : []),
  summary: (r) => (r.resilience ?? []).map((f) =>
    `  failure    at ${fmt(f.at)} s: ${fmt(f.removed)} peers removed (${fmt(f.target)}), largest component ${pct(f.largestComponentFraction)} of the peers alive before`),
  cards: resilienceCards,
  metricDomains: {
    'resilience[]': {
      at: 'input', removed: 'count', aliveBefore: 'count', largestComponentFraction: 'fraction',
      survivorsLargestComponentFraction: 'fraction', components: 'count',
    },
  },
});

export const dynamicsFamily = defineFamily<DynamicsSections>({
  name: 'dynamics',
  readingRank: 90,
  results: { source: SOURCE, sections: { dynamics: 'DynamicsResults' } },
  components: (scenario) => (observesDynamics(scenario) ? [new DynamicsObserver()] : []),
  metricDomains: {
    dynamics: {
      largestComponentEvery: 'input', walks: 'count', walkLinks: 'count', walksLost: 'count', walksRefused: 'count',
    },
  },
});

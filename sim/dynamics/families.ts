/**
 * The dynamics families: churn (peers leave and rejoin), failures (scheduled mass crashes,
 * reported as `resilience`) and the observer of a changing overlay (`dynamics`). They share
 * the membership (shared.ts), so they live in one folder with one descriptor each.
 */
import type { Card, Family } from '../families/family.js';
import { churnSchema, failuresSchema, type churnKeys, type failuresKeys } from './schema.js';
import type { Results } from '../run/results.js';
import { fmt, pct } from '../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../viz/format.js';
import { ChurnComponent } from './churn.js';
import { TraceChurnComponent } from './trace/replay.js';
import { storedTrace } from './trace/store.js';
import { traceBytes } from './trace/trace.js';
import { FailuresComponent } from './failures.js';
import { DynamicsObserver, observesDynamics } from './observer.js';
import type { ChurnSections, DynamicsSections, FailuresSections } from './results-section.js';

const SOURCE = 'sim/dynamics/results-section.ts';

/** The session-length (or downtime) statistics of a replayed trace (trace/summary.ts). */
const TRACE_LENGTHS = {
  mean: 'input', 'quantiles.p5': 'input', 'quantiles.p25': 'input', 'quantiles.p50': 'input',
  'quantiles.p75': 'input', 'quantiles.p95': 'input', 'quantiles.p99': 'input',
} as const;

export const churnFamily: Family<ChurnSections, typeof churnKeys> = {
  runRank: 20,
  name: 'churn',
  reportClient: 'sim/dynamics/churn-report.client.js',
  schema: churnSchema,
  readingRank: 40,
  results: { source: SOURCE, sections: { churn: 'ChurnResults' }, titles: { churn: 'Churn' } },
  components: (scenario) => (scenario.churn
    ? [scenario.churn.trace ? new TraceChurnComponent(scenario.churn) : new ChurnComponent(scenario.churn)] : []),
  // Session start, epoch, stream; anti-entropy state; one session or downtime timer a peer
  // (dynamics/churn.ts, membership.ts, anti-entropy.ts).
  memory: ({ scenario, peers: n, perPeer }) => {
    const churn = scenario.churn;
    if (!churn) return null;
    const terms = [perPeer('churn state', 8 + 4 + 4 + (churn.sync ? 13 + 4 : 0))];
    // A replayed trace (trace/): its sessions and ids, read when the scenario loaded.
    const trace = churn.trace ? storedTrace(churn.trace) : undefined;
    if (trace) terms.push({ what: `churn trace (${trace.start.length} sessions)`, bytes: traceBytes(trace.start.length, trace.ids.length, trace.fileBytes) });
    return { terms, pendingEvents: n };
  },
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
    // A replayed trace (churn.trace) is described, not measured: every figure of it is an input.
    'churn.trace': { peers: 'input', stablePeers: 'input', scale: 'input', offset: 'input', loop: 'input' },
    'churn.trace.summary': {
      peers: 'input', sessions: 'input', zeroLengthDropped: 'input', start: 'input', end: 'input', maxOnline: 'input', meanOnline: 'input',
    },
    'churn.trace.summary.sessionLength': TRACE_LENGTHS,
    'churn.trace.summary.downtime': { count: 'input', ...TRACE_LENGTHS },
    'churn.trace.summary.fits.exponential': { mean: 'input', logLikelihood: 'input' },
    'churn.trace.summary.fits.weibull': { shape: 'input', scale: 'input', logLikelihood: 'input' },
  },
};

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

export const failuresFamily: Family<FailuresSections, typeof failuresKeys> = {
  runRank: 30,
  name: 'failures',
  reportClient: 'sim/dynamics/failures-report.client.js',
  schema: failuresSchema,
  readingRank: 30,
  results: { source: SOURCE, sections: { resilience: 'ResilienceResult[]' }, titles: { resilience: 'Resilience' } },
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
};

export const dynamicsFamily: Family<DynamicsSections, {}> = {
  runRank: 40,
  name: 'dynamics',
  readingRank: 90,
  results: { source: SOURCE, sections: { dynamics: 'DynamicsResults' }, titles: { dynamics: 'Overlay dynamics' } },
  components: (scenario) => (observesDynamics(scenario) ? [new DynamicsObserver()] : []),
  metricDomains: {
    dynamics: {
      largestComponentEvery: 'input', walks: 'count', walkLinks: 'count', walksLost: 'count', walksRefused: 'count',
    },
  },
};

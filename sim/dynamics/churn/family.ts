/** The churn family: peers leave and (re)join, from distributions or a replayed trace. */
import type { Card, Family } from '../../families/family.js';
import { churnSchema, type churnKeys } from './schema.js';
import { fmt } from '../../text/summary-format.js';
import { formatDuration, formatNumber } from '../../../viz/format.js';
import { ChurnComponent } from './component.js';
import { churnSplit } from './split.js';
import { TraceChurnComponent } from './trace/replay.js';
import { storedTrace } from './trace/store.js';
import { traceBytes } from './trace/trace.js';
import { traceFile } from './trace/file.js';
import { traceSummaryCommand } from './trace/command.js';
import type { ChurnSections } from './results-section.js';

const SOURCE = 'sim/dynamics/churn/results-section.ts';

/** The session-length (or downtime) statistics of a replayed trace (trace/summary.ts). */
const TRACE_LENGTHS = {
  mean: 'input', 'quantiles.p5': 'input', 'quantiles.p25': 'input', 'quantiles.p50': 'input',
  'quantiles.p75': 'input', 'quantiles.p95': 'input', 'quantiles.p99': 'input',
} as const;

export const churnFamily: Family<ChurnSections, typeof churnKeys> = {
  runRank: 20,
  name: 'churn',
  reportClient: 'sim/dynamics/churn/report.client.js',
  schema: churnSchema,
  split: churnSplit,
  // A replayed trace: the scenario loader reads it (trace/file.ts), and trace-summary summarises one.
  files: [traceFile],
  commands: [traceSummaryCommand],
  readingRank: 40,
  results: { source: SOURCE, sections: { churn: 'ChurnResults' }, titles: { churn: 'Churn' } },
  components: (scenario) => (scenario.churn
    ? [scenario.churn.trace ? new TraceChurnComponent(scenario.churn) : new ChurnComponent(scenario.churn)] : []),
  // Session start, session and downtime totals, epoch, stream; anti-entropy state; one session or downtime timer a peer
  // (churn/component.ts, dynamics/membership.ts, anti-entropy.ts).
  memory: ({ scenario, peers: n, perPeer }) => {
    const churn = scenario.churn;
    if (!churn) return null;
    const terms = [perPeer('churn state', 8 + 16 + 4 + 4 + (churn.sync ? 13 + 4 : 0))];
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


/** The failures family: scheduled mass crashes and attacks, reported as `resilience`. */
import type { Card, Family } from '../../families/family.js';
import { failuresSchema, type failuresKeys } from './schema.js';
import type { Results } from '../../run/results.js';
import { fmt, pct } from '../../text/summary-format.js';
import { formatDuration, formatNumber, formatPercent } from '../../../viz/format.js';
import { FailuresComponent } from './component.js';
import type { FailuresSections } from './results-section.js';
import { failuresSplit } from './split.js';

const SOURCE = 'sim/dynamics/failures/results-section.ts';

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
  reportClient: 'sim/dynamics/failures/report.client.js',
  schema: failuresSchema,
  readingRank: 30,
  results: { source: SOURCE, sections: { resilience: 'ResilienceResult[]' }, titles: { resilience: 'Resilience' } },
  split: failuresSplit,
  components: (scenario) => (scenario.failures.length > 0 ? [new FailuresComponent(scenario.failures)] : []),
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


/** The aggregation family's summary line, card and report section (variance over cycles). */
import type { Card, ReportSection } from '../../families/family.js';
import type { Results } from '../../run/results.js';
import { pow } from '../../math/strict.js';
import { fmt } from '../../text/summary-format.js';
import { formatNumber } from '../../../viz/format.js';

/** 1/(2√e): the variance factor per cycle of push-pull averaging with uniform partners (Jelasity et al. 2005). */
export const UNIFORM_VARIANCE_FACTOR = 1 / (2 * Math.sqrt(Math.E));

export function aggregationSummary(r: Results): string[] {
  const a = r.aggregation;
  if (!a) return [];
  const last = a.mean.length - 1;
  const size = a.sizeEstimate
    ? `, network size estimated ${fmt(Math.round(a.sizeEstimate.median))} (${fmt(Math.round(a.sizeEstimate.min))}–${fmt(Math.round(a.sizeEstimate.max))})` : '';
  return [`  aggregate  ${a.aggregate} over ${fmt(last)} cycles: estimate ${fmt(a.finalMean, 6)} (true ${fmt(a.trueMean, 6)}), ` +
    `variance ${fmt(a.variance[0])} -> ${fmt(a.variance[last])}, factor ${fmt(a.varianceFactor)} per cycle${size}`];
}

export function aggregationCards(r: Results): Card[] {
  const a = r.aggregation;
  if (!a || !Array.isArray(a.variance) || a.variance.length === 0) return [];
  const last = a.variance.length - 1;
  const cards: Card[] = [{
    label: `Aggregation (${a.aggregate})`,
    value: a.sizeEstimate ? formatNumber(a.sizeEstimate.median) : formatNumber(a.finalMean, 4),
    detail: (a.sizeEstimate ? `estimated network size (true ${formatNumber(1 / a.trueMean)})` : `estimated mean (true ${formatNumber(a.trueMean, 4)})`) +
      `, after ${formatNumber(last)} cycles`,
    group: 'aggregation',
  }];
  if (a.varianceFactor !== null) {
    cards.push({ label: 'Variance per cycle', value: `× ${formatNumber(a.varianceFactor)}`,
      detail: a.targets === 'uniform' && a.engine === 'cycle' ? `theory 1/(2√e) ≈ ${formatNumber(UNIFORM_VARIANCE_FACTOR)}` : `${a.targets} partners, ${a.engine} engine`,
      group: 'aggregation' });
  }
  return cards;
}

export function aggregationSection(r: Results): ReportSection | null {
  const a = r.aggregation;
  if (!a || !Array.isArray(a.variance)) return null;
  const points = (ys: number[]) => a.cycle.map((c, i) => [c, ys[i]] as [number, number]).filter(([, y]) => Number.isFinite(y) && y > 0);
  const lines = [{ label: 'variance of the estimates', points: points(a.variance) }];
  if (a.targets === 'uniform' && a.engine === 'cycle' && a.variance[0] > 0) {
    lines.push({ label: 'theory: × 1/(2√e) per cycle', points: a.cycle.map((c) => [c, a.variance[0] * pow(UNIFORM_VARIANCE_FACTOR, c)] as [number, number]) });
  }
  const last = a.mean.length - 1;
  return {
    id: 'aggregation',
    title: 'Aggregation',
    intro: 'Push-pull averaging: each peer exchanges its value with a partner once per cycle and both keep the average. ' +
      'The variance of the estimates falls geometrically; the mean stays the true mean while no reply is lost.',
    charts: [
      { title: 'Variance of the estimates per cycle', x: { label: 'cycle' }, y: { label: 'variance', log: true }, lines },
      { title: 'Mean of the estimates per cycle', x: { label: 'cycle' }, y: { label: 'mean' },
        lines: [{ label: 'mean of the estimates', points: a.cycle.map((c, i) => [c, a.mean[i]] as [number, number]) },
          { label: 'true mean', points: [[0, a.trueMean], [last, a.trueMean]] }] },
    ],
    table: [
      ['true mean', formatNumber(a.trueMean, 6)],
      ['mean at the end', formatNumber(a.finalMean, 6)],
      ['variance at the end', formatNumber(a.finalVariance)],
      ['variance factor per cycle', formatNumber(a.varianceFactor, 4)],
      ['exchanges (both sides updated)', formatNumber(a.exchanges)],
      ['half exchanges (reply lost or late)', formatNumber(a.halfExchanges)],
      ['requests refused (partner busy)', formatNumber(a.refused)],
      ['exchanges given up', formatNumber(a.abandoned)],
    ],
  };
}

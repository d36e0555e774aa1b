/** Headline cards and the fixed number formats they use. */
import { describe, expect, it } from 'vitest';
import { runCards, sweepCards } from '../../viz/summary';
import { formatBytes, formatDuration, formatNumber, formatPercent } from '../../viz/format';
import { RESULTS_FORMAT, type Results } from '../../sim/run/results';
import { capacitySweep, classRun, labRun } from './fixtures';

describe('formats', () => {
  it('numbers, percentages, durations and sizes', () => {
    expect(formatNumber(1234567)).toBe('1\u2009234\u2009567');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(0.00012)).toBe('1.20e−4');
    expect(formatPercent(0.9999)).toBe('99.990 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.436)).toBe('43.6 %');
    expect(formatDuration(0.16)).toBe('160 ms');
    expect(formatDuration(412)).toBe('6.87 min');
    expect(formatDuration(23)).toBe('23 s');
    expect(formatBytes(100e6)).toBe('100 MB');
  });
});

describe('runCards', () => {
  it('has the network, the engine and a card for each section present', () => {
    const cards = runCards(labRun());
    const labels = cards.map((c) => c.label);
    expect(labels.slice(0, 5)).toEqual(['Peers', 'Mean degree', 'Largest component', 'Events', 'Simulated time']);
    expect(labels).toContain('Search (flood)');
    expect(labels).toContain('Largest component after failure #3');
    expect(labels).toContain('Churn');
    expect(labels).toContain('Distribution time (p2p)');
    const capacity = cards.find((c) => c.label === 'Distribution time (p2p)')!;
    expect(capacity.detail).toContain('lower bound 6.67 min');
    const attack = cards.find((c) => c.label === 'Largest component after failure #3')!;
    expect(attack.value).toBe('33.0 %');
    expect(attack.detail).toContain('attack');
  });

  it('reports broadcast coverage, rounds and time to completion (counted from the start)', () => {
    const run = classRun();
    const cards = runCards(run);
    const b = cards.find((c) => c.label === 'Broadcast #2 (push)')!;
    expect(b.value).toBe('100 %');
    expect(b.detail).toContain('14 rounds');
    expect(b.detail).toContain(`done after ${formatDuration(run.broadcasts![1].completionTime)}`);
  });

  it('says on how many threads a split run ran (nothing for one)', () => {
    const run = classRun();
    const events = (workers: number) => runCards({ ...run, engine: { ...run.engine, workers } }).find((c) => c.label === 'Events')!.detail;
    expect(events(2)).toMatch(/ wall time on 2 threads$/);
    expect(events(1)).toMatch(/ wall time$/);
  });

  it('summarises many broadcasts in one card, and tolerates results with no optional section', () => {
    const run = classRun();
    const many = { ...run, broadcasts: Array.from({ length: 6 }, () => run.broadcasts![0]) };
    expect(runCards(many).filter((c) => c.group === 'broadcast')).toHaveLength(1);
    const bare = { format: RESULTS_FORMAT, provenance: run.provenance, scenario: run.scenario, seed: 1, engine: run.engine, overlay: run.overlay, series: { time: [] } } as Results;
    expect(runCards(bare).map((c) => c.group)).toEqual(['overlay', 'overlay', 'overlay', 'engine', 'engine']);
  });
});

describe('sweepCards', () => {
  it('says what was varied and how much was run', () => {
    const cards = sweepCards(capacitySweep());
    expect(cards[0]).toMatchObject({ label: 'Points', value: '8', detail: 'peers.count × 4, capacity.mode × 2' });
    expect(cards[2]).toMatchObject({ label: 'Runs', value: '24' });
  });
});

/** Which theory goes with which part of the results, and the capacity bounds of sweeps. */
import { describe, expect, it } from 'vitest';
import { deriveRun, deriveSweep, type TheoryCurve } from '../../viz/derive';
import { broadcastTheory } from '../../sim/protocols/broadcast/report';
import { infectAndDieCoverage, meanFieldRounds } from '../../viz/theory';
import type { BroadcastResult } from '../../sim/protocols/broadcast/results-section';
import { capacitySweep, classRun, labRun, scenarioFrom } from './fixtures';
import type { CapacityBoundLine } from '../../sim/protocols/capacity/sweep';

const result = (over: Partial<BroadcastResult>): BroadcastResult => ({
  origin: 0, start: 5, protocol: 'push', reached: 1000, alive: 1000, coverage: 1, allReached: true,
  rounds: 20, completionTime: 20, messages: 0, duplicates: 0, ...over,
}) as BroadcastResult;
const theories = (d: ReturnType<typeof deriveRun>) => d.broadcastTheory as Array<TheoryCurve | null>;

describe('broadcastTheory', () => {
  const scenario = scenarioFrom(`
name: t
peers: { count: 1000 }
network: { latency: 100ms }
workload:
  broadcasts:
    - { at: 5s, protocol: push, targets: uniform, fanout: 1, period: 2s }
    - { at: 5s, protocol: push, targets: uniform, forward: once, fanout: 2 }
    - { at: 5s, protocol: push, targets: neighbours }
    - { at: 5s, protocol: pull, targets: uniform, period: 1s, count: 3, every: 10s }
`);
  const specs = scenario.workload.broadcasts;

  it('push in rounds with uniform targets: the mean-field curve, round r landing at start + (r-1)·period + latency', () => {
    const th = broadcastTheory(result({}), specs[0], scenario);
    expect(th && 'points' in th).toBe(true);
    const pts = (th as { points: Array<[number, number]> }).points;
    const expected = meanFieldRounds('push', 1, 1000, 0, 200);
    expect(pts.map((p) => p[1])).toEqual(expected);
    expect(pts[0][0]).toBe(5);
    expect(pts[1][0]).toBeCloseTo(5.1, 12);
    expect(pts[3][0]).toBeCloseTo(5 + 2 * 2 + 0.1, 12);
    expect(th!.label).toContain('theory (mean-field');
  });

  it('infect-and-die: the final coverage as a level; neighbours and flood: nothing', () => {
    const th = broadcastTheory(result({}), specs[1], scenario) as { level: number };
    expect(th.level).toBeCloseTo(infectAndDieCoverage(2), 12);
    expect(broadcastTheory(result({}), specs[2], scenario)).toBeNull();
    expect(broadcastTheory(result({ protocol: 'flood' }), { ...specs[0], protocol: 'flood' }, scenario)).toBeNull();
    expect(broadcastTheory(result({}), null, scenario)).toBeNull();
  });

  it('matches each result to the spec it names (results carry `spec`: the report never re-plans the broadcasts)', () => {
    const results = {
      ...classRun(),
      scenario,
      broadcasts: [
        result({ protocol: 'pull', start: 25, spec: 3 }), result({ spec: 0 }), result({ protocol: 'pull', start: 5, spec: 3 }), result({ protocol: 'push', start: 5, spec: 1 }),
      ],
    };
    const d = { broadcastTheory: theories(deriveRun(results)) };
    const labels = d.broadcastTheory.map((t) => (t ? ('level' in t ? 'level' : (t.points[1][0] - 5).toFixed(2)) : null));
    // pull at 25 s (third of the count: 3 pulls): lands two latencies after its first tick.
    expect((d.broadcastTheory[0] as { points: Array<[number, number]> }).points[1][0]).toBeCloseTo(25.2, 12);
    expect(labels[1]).toBe('0.10');  // the first push spec
    expect(labels[2]).toBe('0.20');  // pull at 5 s
    expect(labels[3]).toBe('level'); // the second push spec: infect-and-die
  });
});

describe('deriveRun', () => {
  it('draws barabasi-albert degrees on log-log axes with their theory, random-regular linearly without', () => {
    const lab = deriveRun(labRun());
    expect(lab.degreeLogLog).toBe(true);
    expect(lab.degreeTheory?.label).toContain('m = 2');
    const cls = deriveRun(classRun());
    expect(cls.degreeLogLog).toBe(false);
    expect(cls.degreeTheory).toBeNull();
    expect(theories(cls)[0]).toBeNull(); // flood
    expect(theories(cls)[1]).not.toBeNull(); // push, uniform
  });
});

describe('deriveSweep', () => {
  // The capacity family's part of the derived block (its descriptor's deriveSweep).
  const bounds = (s: ReturnType<typeof capacitySweep>) => deriveSweep(s).capacityBounds as CapacityBoundLine[];

  it('titles the families\' sections in reading order, from their descriptors', () => {
    const sections = deriveSweep(capacitySweep()).sections;
    expect(sections.slice(0, 3)).toEqual([
      { key: 'broadcasts', title: 'Rumour spreading' }, { key: 'searches', title: 'Search' }, { key: 'data', title: 'Data placement' },
    ]);
    expect(sections.map((x) => x.key)).toEqual(expect.arrayContaining(['capacity', 'churn', 'resilience', 'sampling', 'dynamics']));
  });

  it('takes each mode\'s bound from the points when the sweep ran that mode', () => {
    const sweep = capacitySweep();
    const d = { capacityBounds: bounds(sweep) };
    expect(d.capacityBounds.map((b) => b.label)).toEqual(['lower bound (client-server)', 'lower bound (p2p)']);
    const cs = d.capacityBounds[0].points;
    expect(cs.map((p) => p[0])).toEqual([10, 100, 1000, 10000]);
    expect(cs[2][1]).toBeCloseTo(8000, 6);
  });

  it('uses the formula for a mode the sweep did not run, and nothing without peers.count', () => {
    const sweep = capacitySweep();
    const p2pOnly = {
      ...sweep,
      vary: [sweep.vary[0]],
      points: sweep.points.filter((p) => p.values['capacity.mode'] === 'p2p').map((p) => ({ ...p, values: { 'peers.count': p.values['peers.count'] } })),
    };
    const d = { capacityBounds: bounds(p2pOnly) };
    const cs = d.capacityBounds.find((b) => b.mode === 'client-server')!;
    expect(cs.label).toBe('lower bound (client-server, formula)');
    expect(cs.points[3][1]).toBeCloseTo((10000 * 100e6) / 12.5e6, 6);
    expect(bounds({ ...sweep, vary: [sweep.vary[1]] })).toEqual([]);
  });
});

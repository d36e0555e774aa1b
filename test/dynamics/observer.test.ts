/**
 * Time series of churn and failures (sim/dynamics/observer/component.ts): `largestComponentFraction`
 * of live peers and `deadLinks`, sampled on the runner's grid, with the largest component
 * computed every k-th sample when a run would otherwise spend too long on it.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT_WORK_BUDGET } from '../../sim/dynamics/observer/component';
import { runScenario } from '../../sim/run/run-scenario';
import { validate } from '../../sim/scenario/validate';

describe('observer series', () => {
  it('follow a failure: the largest component of the live peers and the views\' dead links', () => {
    const r = runScenario(validate({
      name: 'observer', duration: 120, peers: { count: 500 },
      overlay: { model: 'random-regular', degree: 10, sampling: { protocol: 'cyclon', period: 5, viewSize: 10, shuffleLength: 4 } },
      failures: { at: 30, fraction: 0.5 },
      metrics: { sample: 5 },
    }));
    const { time, alive, largestComponentFraction: lcf, deadLinks } = r.series;
    expect(time.length).toBe(25);
    expect(lcf.length).toBe(25);
    expect(deadLinks.length).toBe(25);
    const at30 = time.indexOf(30);
    expect(alive[at30 - 1]).toBe(500);
    expect(alive[at30]).toBe(250);
    expect(deadLinks[at30 - 1]).toBe(0);
    expect(deadLinks[at30]!).toBeGreaterThan(0.4);
    expect(deadLinks[24]!).toBeLessThan(deadLinks[at30]! / 2);
    for (const x of lcf) expect(x).toBe(1); // views of 10 keep 250 survivors together
    expect((r.dynamics as { largestComponentEvery: number }).largestComponentEvery).toBe(1);
    // The failure's recovery reads the same samples, as time since the failure.
    const recovery = (r.resilience![0] as { recovery: { time: number[] } }).recovery;
    expect(recovery.time).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
  });

  it('compute the largest component only every k-th sample on big runs, and write null between', () => {
    // 20,000 peers of degree 4: one search costs peers + 2·links = 100,000 visits, and
    // 3,001 samples would cost 3e8, over the budget, so k = ceil(3e8 / budget) > 1. Churn
    // with sessions that never end keeps the run going to its last sample.
    const peers = 20_000, samples = 3001;
    const k = Math.ceil((samples * (peers + 2 * 2 * peers)) / COMPONENT_WORK_BUDGET);
    const r = runScenario(validate({
      name: 'observer k', duration: samples - 1, peers: { count: peers },
      overlay: { model: 'random-regular', degree: 4 },
      churn: { session: { dist: 'exponential', mean: '10000d' }, downtime: 1 },
      metrics: { sample: 1 },
    }));
    expect(k).toBeGreaterThan(1);
    expect((r.dynamics as { largestComponentEvery: number }).largestComponentEvery).toBe(k);
    const lcf = r.series.largestComponentFraction;
    expect(lcf.length).toBe(samples);
    lcf.forEach((x, i) => (i % k === 0 ? expect(x).toBe(1) : expect(x).toBeNull()));
  });
});

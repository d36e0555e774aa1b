/**
 * Churn (issue 6 §1, §6): sessions and downtimes follow their distributions, peers are
 * online a fraction E[S]/(E[S]+E[D]) of the time, arrivals are Poisson, joins link peers
 * up, and with `sync` every live peer ends up with every rumour.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run/run-scenario';
import type { Results } from '../../sim/run/results';
import { validate } from '../../sim/scenario/validate';
import { withoutWallClock } from '../../sim/run/serialize';

function run(raw: Record<string, unknown>): Results {
  return runScenario(validate({ name: 'churn test', ...raw }));
}

/** Γ(8/3) = 1.5045754..., so a weibull(shape 0.6, scale λ) session has mean λ·Γ(1 + 1/0.6). */
const GAMMA_8_3 = 1.5045754;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('churn: sessions and downtimes', () => {
  // 200 peers for 500 simulated hours: ~375 sessions a peer, ~75,000 in all.
  const scale = 2400, downMean = 1200;
  const results = run({
    seed: 3,
    duration: '500h',
    peers: { count: 200 },
    overlay: { model: 'random-regular', degree: 2 },
    churn: {
      session: { dist: 'weibull', shape: 0.6, scale: '40min' },
      downtime: { dist: 'exponential', mean: '20min' },
    },
    metrics: { sample: '10min' },
  });
  const churn = results.churn as unknown as Record<string, number>;
  const sessionMean = scale * GAMMA_8_3;

  it('mean session and downtime match the distributions', () => {
    // Sessions the end of the run cuts short are not counted, which biases the mean low
    // by about E[S²]/(2·E[S]²) / (sessions a peer) ≈ 0.6% here; the standard error of the
    // mean is CV/√75,000 ≈ 0.7% (weibull 0.6: CV = 1.76). Tolerance 3%.
    expect(churn.leaves).toBeGreaterThan(60_000);
    expect(Math.abs(churn.meanSession / sessionMean - 1)).toBeLessThan(0.03);
    expect(Math.abs(churn.meanDowntime / downMean - 1)).toBeLessThan(0.03);
    expect(Math.abs(churn.joins - churn.leaves)).toBeLessThanOrEqual(200);
  });

  it('peers are online E[S] / (E[S] + E[D]) of the time (alternating renewal process)', () => {
    // Time average of `alive` after a 10 h warm-up: ~3,000 samples correlated over ~1 h,
    // so a standard error near 0.002; tolerance 0.01.
    const { time, alive } = results.series;
    const after = alive.filter((_, i) => time[i] >= 36_000) as number[];
    const availability = mean(after) / 200;
    expect(Math.abs(availability - sessionMean / (sessionMean + downMean))).toBeLessThan(0.01);
  });
});

describe('churn: arrivals and joins', () => {
  const scenario = {
    seed: 5,
    duration: '2000s',
    peers: { count: 1000 },
    overlay: { model: 'random-regular', degree: 6 },
    churn: {
      session: { dist: 'exponential', mean: '30min' },
      downtime: { dist: 'exponential', mean: '10min' },
      arrivals: '0.5/s',
    },
    metrics: { sample: '100s' },
  };
  const results = run(scenario);
  const churn = results.churn as unknown as Record<string, number>;

  it('brand-new peers arrive as a Poisson process of the given rate', () => {
    // 0.5/s over 2000 s: mean 1000, standard deviation √1000 ≈ 32; tolerance 4 sd.
    expect(Math.abs(churn.arrivals - 1000)).toBeLessThan(4 * Math.sqrt(1000));
    expect(churn.joins).toBeGreaterThanOrEqual(churn.arrivals);
  });

  it('(re)joining peers link up: almost every live peer is in the largest component', () => {
    const lcf = results.series.largestComponentFraction.filter((x) => x !== null) as number[];
    // Without repair a peer whose neighbours all left stays alone until it leaves itself,
    // so the overlay is not whole; with 6 links a peer, under 1% are cut off here.
    for (const x of lcf) expect(x).toBeGreaterThan(0.98);
    expect(churn.joinsAlone).toBe(0);
    expect(results.engine.messages).toBeGreaterThan(0);
  });

  it('is deterministic: same seed, byte-identical results', () => {
    const again = run(scenario);
    expect(JSON.stringify(withoutWallClock(again))).toBe(JSON.stringify(withoutWallClock(results)));
  });
});

/**
 * Search size under the three replication strategies, measured: Cohen & Shenker
 * ("Replication strategies in unstructured peer-to-peer networks", SIGCOMM 2002) show that
 * with random probing an item on r_i of n peers takes n / r_i probes, so a query stream
 * costs A = n · Σ q_i / r_i, minimised by r_i ∝ √q_i. Here one random walker (which on a
 * random regular graph behaves almost like random probing) searches until the first
 * holder; the distinct peers it probed are the search size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/run/run-scenario';
import { validate } from '../../../sim/scenario/validate';

function measure(strategy: string, seed: number) {
  const results = runScenario(validate({
    name: 'search size', seed, duration: 1e5,
    peers: { count: 2000 },
    overlay: { model: 'random-regular', degree: 6 },
    data: { objects: 100, replication: { strategy, ratio: 0.02 }, popularity: { dist: 'zipf', exponent: 1 } },
    // One walker, no checks, a TTL far beyond any search size (an item on r ≥ 7 of 2000
    // peers is missed by 5000 probes with probability < 1e-7): every query finds its item.
    workload: { searches: { protocol: 'random-walk', walkers: 1, ttl: 5000, checkEvery: 65536, count: 2000, spacing: 1 } },
  }));
  const s = results.searches as unknown as Record<string, number>;
  const d = results.data as unknown as Record<string, number>;
  return { measured: s.meanProbesToHit, analytic: d.expectedSearchSize, success: s.successRate };
}

describe('replication strategies: measured search size (Cohen & Shenker)', () => {
  // Two seeds × 2000 queries per strategy. The search size of one query is roughly
  // geometric (sd ≈ mean), heavier-tailed under proportional (rare items have ~8 copies):
  // the standard error of the mean is ≤ 3% (uniform, square-root) and ≤ 5% (proportional).
  type Run = { measured: number; analytic: number; success: number };
  let runs: Record<string, Run> = {};
  beforeAll(() => {
    runs = Object.fromEntries(['uniform', 'proportional', 'square-root'].map((s) => {
      const a = measure(s, 1), b = measure(s, 2);
      return [s, { measured: (a.measured + b.measured) / 2, analytic: a.analytic, success: Math.min(a.success, b.success) }];
    }));
  });

  it('every query finds its item', () => {
    for (const r of Object.values(runs)) expect(r.success).toBe(1);
  });

  it('the measured search size matches n · Σ q_i / r_i within 12%', () => {
    // Analytic: uniform and proportional 1/ratio = 50, square-root (Σ√q)²/(ratio·m) ≈ 33.
    // Tolerance: 3 standard errors, plus ~2% for local hits (the origin holds the item:
    // 0 probes, most frequent under proportional) and the walk's few revisits.
    for (const r of Object.values(runs)) expect(Math.abs(r.measured - r.analytic) / r.analytic).toBeLessThan(0.12);
    expect(runs.uniform.analytic).toBeCloseTo(50, 6);
    expect(runs['square-root'].analytic).toBeLessThan(34);
  });

  it('square-root replication searches least: at least 20% fewer probes than uniform or proportional', () => {
    const sqrt = runs['square-root'].measured;
    expect(sqrt).toBeLessThan(0.8 * runs.uniform.measured);
    expect(sqrt).toBeLessThan(0.8 * runs.proportional.measured);
  });
});

import { describe, expect, it } from 'vitest';
import { NamedStream, PeerStreams, streamKey } from '../../sim/engine/random';

describe('seeded streams', () => {
  it('named streams are reproducible and differ by seed and name', () => {
    const a = new NamedStream(1, 'overlay'), b = new NamedStream(1, 'overlay');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(new NamedStream(2, 'overlay').next()).not.toBe(xs[0]);
    expect(new NamedStream(1, 'churn').next()).not.toBe(xs[0]);
    expect(streamKey(1, 'x')).toBe(streamKey(1, 'x'));
  });

  it("a peer's draws depend only on its own history, not on other peers' draws", () => {
    const s1 = new PeerStreams(7, 'gossip', 100);
    const s2 = new PeerStreams(7, 'gossip', 100);
    const alone = [s1.next(42), s1.next(42), s1.next(42)];
    // interleave draws of other peers in s2
    const mixed: number[] = [];
    for (let i = 0; i < 3; i++) {
      s2.next(3); s2.next(99);
      mixed.push(s2.next(42));
    }
    expect(mixed).toEqual(alone);
  });

  it('per-peer streams are uniform: mean, variance and a chi-square over 20 bins (10^5 draws)', () => {
    const s = new PeerStreams(3, 'u', 1000);
    const bins = new Array(20).fill(0);
    let sum = 0, sq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = s.next(i % 1000);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x; sq += x * x;
      bins[Math.floor(x * 20)]++;
    }
    const mean = sum / n;
    // standard error of the mean of U(0,1) is sqrt(1/12/n) ~ 0.00091: allow 4 SE
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0037);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    const expected = n / 20;
    const chi2 = bins.reduce((c, o) => c + (o - expected) ** 2 / expected, 0);
    // chi-square with 19 degrees of freedom: the 99.9% quantile is 43.8
    expect(chi2).toBeLessThan(43.8);
  });

  it('neighbouring peers and successive draws are uncorrelated (lag-1 and cross-peer correlation)', () => {
    const s = new PeerStreams(11, 'c', 20000);
    const n = 20000;
    let sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
    for (let p = 0; p < n; p++) {
      const x = s.next(p), y = s.next(p + 1 < n ? p + 1 : 0);
      sxy += x * y; sx += x; sy += y; sxx += x * x; syy += y * y;
    }
    const r = (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    // for independent samples r ~ N(0, 1/n): 4 / sqrt(20000) = 0.028
    expect(Math.abs(r)).toBeLessThan(0.028);
  });
});

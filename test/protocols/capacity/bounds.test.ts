// Lower bounds of Kurose & Ross, "Computer Networking", §2.5 (P2P file distribution),
// checked on values computed by hand.
import { describe, expect, it } from 'vitest';
import { clientServerLowerBound, p2pLowerBound } from '../../../sim/protocols/capacity/bounds.js';

describe('clientServerLowerBound', () => {
  it('is N·F/u_s when the server is the bottleneck', () => {
    // 100 peers × 1e6 B / 1e6 B/s = 100 s > F/d = 1e6/1e5 = 10 s
    expect(clientServerLowerBound(1e6, 100, 1e6, 1e5)).toBe(100);
  });
  it('is F/d_min when the slowest download is the bottleneck', () => {
    // 2 × 1e6 / 1e7 = 0.2 s < 1e6 / 1e5 = 10 s
    expect(clientServerLowerBound(1e6, 2, 1e7, 1e5)).toBe(10);
  });
  it('grows linearly with N', () => {
    expect(clientServerLowerBound(1e6, 2000, 1e6, 1e9) / clientServerLowerBound(1e6, 1000, 1e6, 1e9)).toBe(2);
  });
});

describe('p2pLowerBound', () => {
  it('takes the largest of its three terms', () => {
    // F/u_s = 1, F/d = 0.5, N·F/(u_s + Σu) = 10·1e6 / (1e6 + 4e6) = 2
    expect(p2pLowerBound(1e6, 10, 1e6, 2e6, 4e6)).toBe(2);
    // the server term: F/u_s = 10 (u_s tiny, peers rich)
    expect(p2pLowerBound(1e6, 10, 1e5, 1e9, 1e12)).toBe(10);
    // the download term: F/d = 100
    expect(p2pLowerBound(1e6, 10, 1e6, 1e4, 1e9)).toBe(100);
  });
  it('levels off as N grows when every peer brings upload u (N·F/(u_s + N·u) -> F/u)', () => {
    const u = 1e5, us = 1e6, F = 1e8, d = 1e9;
    const bound = (n: number) => p2pLowerBound(F, n, us, d, n * u);
    expect(bound(100_000) / bound(10_000)).toBeLessThan(1.01);
    expect(bound(100_000)).toBeLessThan(F / u);
  });
});

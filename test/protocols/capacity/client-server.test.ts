// Client-server file distribution against Kurose & Ross, "Computer Networking", §2.5:
// D_cs >= max(N·F/u_s, F/d_min), and with identical peers sharing the server's upload
// max-min fairly the bound is met exactly (all peers finish together at F/min(u_s/N, d)).
// Tolerance: 1% (the issue's), though only float rounding separates the two.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../sim/engine/simulator.js';
import { clientServerLowerBound } from '../../../sim/protocols/capacity/bounds.js';
import { ClientServerDistribution } from '../../../sim/protocols/capacity/client-server.js';
import { PeerLedger } from '../../../sim/protocols/capacity/ledger.js';
import { runCapacity } from './harness.js';

const cs = (peers: number, capacity: Record<string, unknown>, seed = 1) =>
  runCapacity({ seed, peers: { count: peers }, capacity: { mode: 'client-server', ...capacity } }).results;

describe('client-server distribution', () => {
  it('equals N·F/u_s within 1% when the server is the bottleneck (N = 1, 10, 100, 1000)', () => {
    for (const n of [1, 10, 100, 1000]) {
      const r = cs(n, { file: '100MB', server: { upload: '100Mbps' }, peer: { upload: '2Mbps', download: '1Gbps' } });
      // by hand: N·1e8 B / 1.25e7 B/s = 8·N s (N = 1: F/d = 0.8 s is smaller)
      expect(r.lowerBound).toBeCloseTo(8 * n, 9);
      expect(Math.abs(r.distributionTime! / r.lowerBound! - 1)).toBeLessThan(0.01);
      expect(r.distributionTime!).toBeGreaterThanOrEqual(r.lowerBound! * (1 - 1e-12));
      expect(r.completed).toBe(n);
      expect(r.chunkTransfers).toBe(n);
      expect(r.serverUtilisation).toBeCloseTo(1, 6);
    }
  });

  it('equals F/d_min within 1% when the downloads are the bottleneck', () => {
    // 10 peers at 10 Mbps from a 1 Gbps server: N·F/u_s = 8 s < F/d = 80 s
    const r = cs(10, { file: '100MB', server: { upload: '1Gbps' }, peer: { download: '10Mbps' } });
    expect(r.lowerBound).toBeCloseTo(80, 9);
    expect(Math.abs(r.distributionTime! / r.lowerBound! - 1)).toBeLessThan(0.01);
    expect(r.serverUtilisation).toBeCloseTo(0.1, 6); // 10 × 1.25e6 of 1.25e8
  });

  it('grows linearly with N once the server is the bottleneck', () => {
    const t = [100, 1000, 10000].map((n) => cs(n, { file: '10MB', server: { upload: '100Mbps' }, peer: { download: '10Mbps' } }).distributionTime!);
    expect(t[1] / t[0]).toBeCloseTo(10, 6);
    expect(t[2] / t[1]).toBeCloseTo(10, 6);
  });

  it('shares max-min fairly among different downloads (hand-computed, 2 peers)', () => {
    // u_s = 3e6 B/s, F = 6e6 B, downloads 1e6 and 4e6. Fair share 1.5e6 each: peer 0 is
    // capped at 1e6, peer 1 gets the other 2e6 and finishes at 3 s; then peer 0 alone,
    // still capped, needs its last 3e6 B: it finishes at 6 s = F/d_min, the bound.
    const sim = new Simulator(2);
    const ledger = new PeerLedger(Float64Array.of(0, 0), Float64Array.of(1e6, 4e6));
    new ClientServerDistribution(sim, ledger, 6e6, 3e6).start();
    sim.run(Infinity);
    expect(Array.from(ledger.completedAt)).toEqual([6, 3]);
    expect(Array.from(ledger.peakDownloadRate)).toEqual([1e6, 2e6]);
    expect(ledger.serverBytesUploaded).toBe(12e6);
    expect(ledger.serverPeakUploadRate).toBe(3e6);
    expect(clientServerLowerBound(6e6, 2, 3e6, 1e6)).toBe(6);
    expect(sim.events).toBe(2);
  });

  it('exact case with constant links: 2 peers at 1 MB/s from a 3 MB/s server', () => {
    // Each gets 1e6 (capped below the fair share 1.5e6) and is done at F/d = 6 s; the
    // server uses 2/3 of its upload.
    const r = cs(2, { file: 6e6, server: { upload: 3e6 }, peer: { download: 1e6 } });
    expect(r.distributionTime).toBe(6);
    expect(r.lowerBound).toBe(6);
    expect(r.serverUtilisation).toBeCloseTo(2 / 3, 12);
    expect(r.completionTimes).toEqual([6, 6]);
  });

  it('is never below its bound, and never exceeds a peer\'s download, with heterogeneous links', () => {
    for (const seed of [1, 2, 3]) {
      const { results: r, component } = runCapacity({
        seed, peers: { count: 300 },
        capacity: { mode: 'client-server', file: '20MB', server: { upload: '200Mbps' },
          peer: { download: { dist: 'lognormal', median: '4Mbps', sigma: 1 } } },
      });
      const L = component.peerLedger;
      let dMin = Infinity;
      for (let p = 0; p < L.peers; p++) {
        dMin = Math.min(dMin, L.download[p]);
        expect(L.peakDownloadRate[p]).toBeLessThanOrEqual(L.download[p] * (1 + 1e-9));
        expect(L.bytesDownloaded[p]).toBeCloseTo(20e6, 0);
        expect(L.bytesDownloaded[p]).toBeLessThanOrEqual(L.download[p] * L.completedAt[p] * (1 + 1e-9));
      }
      expect(r.minDownload).toBe(dMin);
      expect(r.lowerBound).toBeCloseTo(Math.max(300 * 20e6 / 25e6, 20e6 / dMin), 9);
      expect(r.distributionTime!).toBeGreaterThanOrEqual(r.lowerBound! * (1 - 1e-12));
      expect(r.serverPeakUploadRatio).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
});

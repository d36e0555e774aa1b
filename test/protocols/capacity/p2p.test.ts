// P2P file distribution against Kurose & Ross, "Computer Networking", §2.5:
// D_p2p >= max(F/u_s, F/d_min, N·F/(u_s + Σu_i)). The bound assumes a fluid file that can
// be forwarded bit by bit; with chunks a peer forwards only whole chunks, so the chunked
// swarm is slower by a ramp-up and an end game of a few chunk times. With 382 chunks the
// issue's tolerance is 30% above the bound (we observe 1-8%); below it is never allowed.
import { beforeAll, describe, expect, it } from 'vitest';
import { NamedStream, PeerStreams } from '../../../sim/engine/random.js';
import { Simulator } from '../../../sim/engine/simulator.js';
import { p2pLowerBound } from '../../../sim/protocols/capacity/bounds.js';
import type { CapacityResults } from '../../../sim/protocols/capacity/component.js';
import { PeerLedger } from '../../../sim/protocols/capacity/ledger.js';
import { P2PDistribution, type P2POptions } from '../../../sim/protocols/capacity/p2p.js';
import type { Swarm } from '../../../sim/protocols/capacity/swarm.js';
import { runCapacity } from './harness.js';

// 50 MB in 128 KiB chunks = 382 chunks; server 100 Mbps, peers 2 Mbps up / 10 Mbps down.
const base = { file: '50MB', chunk: '128KiB', server: { upload: '100Mbps' }, peer: { upload: '2Mbps', download: '10Mbps' } };
const run = (peers: number, capacity: Record<string, unknown> = {}, seed = 1) =>
  runCapacity({ seed, peers: { count: peers }, capacity: { ...base, ...capacity } });

/** A tiny swarm where everyone knows everyone. */
function completeSwarm(n: number): Swarm {
  const offset = new Int32Array(n + 1);
  const adj: number[] = [];
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) if (q !== p) adj.push(q);
    offset[p + 1] = adj.length;
  }
  return { offset, adj: Int32Array.from(adj), maxDegree: n - 1 };
}

/** Runs P2PDistribution alone on hand-set links (1 MB/s up, 10 MB/s down). */
function tiny(n: number, given: Omit<P2POptions, 'rarity'>, rarity: P2POptions['rarity'] = 'swarm') {
  const options: P2POptions = { ...given, rarity };
  const sim = new Simulator(n);
  const ledger = new PeerLedger(new Float64Array(n).fill(1e6), new Float64Array(n).fill(1e7));
  const p2p = new P2PDistribution(sim, ledger, completeSwarm(n), new PeerStreams(1, 'capacity', n), new NamedStream(1, 'capacity'), options);
  p2p.start();
  sim.run(Infinity);
  return { sim, ledger, p2p };
}

describe('p2p distribution: tiny cases computed by hand', () => {
  it('1 chunk, 3 peers: the first peer forwards while the server serves the second', () => {
    // Server (1 slot, 1 MB/s) sends the chunk to peer 0 during [0, 1]. At 1 s the server
    // starts peer 1 (round-robin) and peer 0 serves peer 2: both done at 2 s. Client-server
    // would need 3 s. Bound: max(F/u_s = 1, F/d = 0.1, 3F/(u_s + 3u) = 0.75) = 1.
    const { ledger, sim } = tiny(3, { file: 1e6, chunk: 1e6, serverUpload: 1e6, uploadSlots: 1, serverSlots: 1 });
    expect(Array.from(ledger.completedAt)).toEqual([1, 2, 2]);
    expect(ledger.transfers).toBe(3);
    expect(sim.events).toBe(3);
    expect(ledger.serverBytesUploaded).toBe(2e6);
    expect(Array.from(ledger.bytesUploaded)).toEqual([1e6, 0, 0]);
    expect(p2pLowerBound(1e6, 3, 1e6, 1e7, 3e6)).toBe(1);
  });

  it('2 chunks, 2 peers: server sends X to peer 0, then Y to peer 1 while peer 0 forwards X', () => {
    // [0,1] server→0: X.  [1,2] server→1: Y (rarest: no copy yet) and 0→1: X, so peer 1
    // is complete at 2.  [2,3] server→0: Y (peer 1 cannot: Y is already on its way to 0).
    const { ledger } = tiny(2, { file: 2e6, chunk: 1e6, serverUpload: 1e6, uploadSlots: 1, serverSlots: 1 });
    expect(Array.from(ledger.completedAt)).toEqual([3, 2]);
    expect(ledger.transfers).toBe(4);
    expect(ledger.serverBytesUploaded).toBe(3e6);
    expect(Array.from(ledger.bytesUploaded)).toEqual([1e6, 0]);
    expect(Array.from(ledger.bytesDownloaded)).toEqual([2e6, 2e6]);
  });

  it('a last chunk shorter than the others moves only its own bytes', () => {
    // 2.5e6 B in 1e6 B chunks: 3 chunks, the last of 5e5 B.
    const { ledger, p2p } = tiny(4, { file: 2.5e6, chunk: 1e6, serverUpload: 2e6, uploadSlots: 2, serverSlots: 2 });
    expect(p2p.chunks).toBe(3);
    for (let p = 0; p < 4; p++) expect(ledger.bytesDownloaded[p]).toBe(2.5e6);
    expect(ledger.completed).toBe(4);
  });
});

describe('p2p distribution against the Kurose & Ross bound', () => {
  const results = new Map<number, CapacityResults>();
  const cs = new Map<number, number>();
  beforeAll(() => {
    for (const n of [10, 100, 1000]) {
      results.set(n, run(n).results);
      cs.set(n, run(n, { mode: 'client-server' }).results.distributionTime!);
    }
  });

  it('is never below the bound and within 30% of it for N = 10, 100, 1000', () => {
    for (const [n, r] of results) {
      expect(r.completed, `N=${n}`).toBe(n);
      expect(r.chunks).toBe(382);
      expect(r.distributionTime!, `N=${n}`).toBeGreaterThanOrEqual(r.lowerBound!);
      expect(r.distributionTime! / r.lowerBound!, `N=${n}`).toBeLessThan(1.3);
    }
    // N = 10 is download-bound: F/d = 5e7 / 1.25e6 = 40 s; larger N upload-bound.
    expect(results.get(10)!.lowerBound).toBe(40);
    expect(results.get(1000)!.lowerBound).toBeCloseTo(1000 * 5e7 / (1.25e7 + 1000 * 2.5e5), 9);
  });

  it('grows sub-linearly in N while client-server grows linearly', () => {
    const p = (n: number) => results.get(n)!.distributionTime!;
    // client-server: N·F/u_s once N >= 10 — ×10 peers, ×10 time (1% tolerance)
    expect(cs.get(1000)! / cs.get(100)!).toBeCloseTo(10, 1);
    // p2p: ×100 peers from 10 to 1000 costs less than ×6 (the bound itself: ×4.8)
    expect(p(1000) / p(10)).toBeLessThan(6);
    expect(p(1000) / p(100)).toBeLessThan(2);
    // and P2P beats client-server by far at N = 1000
    expect(p(1000) * 10).toBeLessThan(cs.get(1000)!);
  });

  it('uses the server and the peers nearly fully when upload-bound', () => {
    const r = results.get(1000)!;
    expect(r.serverUtilisation!).toBeGreaterThan(0.85);
    expect(r.peerUtilisation!).toBeGreaterThan(0.85);
    expect(r.serverUtilisation!).toBeLessThanOrEqual(1 + 1e-9);
    expect(r.peerUtilisation!).toBeLessThanOrEqual(1 + 1e-9);
    expect(r.chunkTransfers).toBe(1000 * 382);
    expect(r.completionTimes.length).toBe(1000);
    expect(r.completionTimes[999]).toBe(r.distributionTime);
  });
});

describe('p2p distribution is never below its bound', () => {
  it('whichever term binds, over several seeds', () => {
    const configs: Array<Record<string, unknown>> = [
      {},                                                          // total upload binds
      { server: { upload: '4Mbps' }, peer: { upload: '8Mbps', download: '50Mbps' } }, // F/u_s binds
      { peer: { upload: '8Mbps', download: '3Mbps' } },            // F/d_min binds
      { chunk: '5MB', neighbours: 3, uploadSlots: 1 },             // coarse chunks, sparse swarm
    ];
    for (const capacity of configs) {
      for (const seed of [1, 2, 3]) {
        const r = run(60, { file: '20MB', ...capacity }, seed).results;
        expect(r.completed).toBe(60);
        expect(r.distributionTime!, JSON.stringify(capacity)).toBeGreaterThanOrEqual(r.lowerBound!);
      }
    }
  });
});

describe('p2p distribution with heterogeneous links', () => {
  it('respects every peer\'s drawn upload and download, and bounds with the drawn values', () => {
    for (const seed of [1, 2]) {
      const { results: r, component } = run(300, {
        peer: { upload: { dist: 'uniform', min: '1Mbps', max: '4Mbps' }, download: { dist: 'lognormal', median: '10Mbps', sigma: 0.8 } },
      }, seed);
      const L = component.peerLedger;
      let dMin = Infinity, sumUp = 0, distinct = new Set<number>();
      const T = r.distributionTime!;
      for (let p = 0; p < L.peers; p++) {
        dMin = Math.min(dMin, L.download[p]);
        sumUp += L.upload[p];
        distinct.add(L.upload[p]);
        // instantaneous: the sum of a peer's transfer rates never exceeded its links
        expect(L.peakUploadRate[p]).toBeLessThanOrEqual(L.upload[p] * (1 + 1e-9));
        expect(L.peakDownloadRate[p]).toBeLessThanOrEqual(L.download[p] * (1 + 1e-9));
        // on average: bytes moved over the time available
        expect(L.bytesDownloaded[p]).toBe(5e7);
        expect(L.bytesDownloaded[p]).toBeLessThanOrEqual(L.download[p] * L.completedAt[p] * (1 + 1e-9));
        expect(L.bytesUploaded[p]).toBeLessThanOrEqual(L.upload[p] * T * (1 + 1e-9));
      }
      expect(distinct.size).toBe(300);
      expect((component.distribution as P2PDistribution).selfCheck()).toBeNull();
      expect(L.serverPeakUploadRate).toBeLessThanOrEqual(1.25e7 * (1 + 1e-9));
      expect(r.lowerBound).toBeCloseTo(p2pLowerBound(5e7, 300, 1.25e7, dMin, sumUp), 9);
      expect(r.maxDownloadRateRatio!).toBeLessThanOrEqual(1 + 1e-9);
      expect(r.maxUploadRateRatio!).toBeLessThanOrEqual(1 + 1e-9);
      expect(T).toBeGreaterThanOrEqual(r.lowerBound!);
      expect(T / r.lowerBound!).toBeLessThan(1.3);
    }
  });

  it('draws the links from the named distribution (mean of 2,000 uniform uploads within 3%)', () => {
    // uniform(1, 4) Mbps: mean 2.5 Mbps = 312,500 B/s, sd of the mean 0.87/sqrt(2000) Mbps ≈ 0.8%
    const { component } = run(2000, { file: '1MB', chunk: '1MB', peer: { upload: { dist: 'uniform', min: '1Mbps', max: '4Mbps' } } });
    const up = component.peerLedger.upload;
    let sum = 0;
    for (const u of up) { expect(u).toBeGreaterThanOrEqual(125e3); expect(u).toBeLessThanOrEqual(5e5); sum += u; }
    expect(Math.abs(sum / up.length / 312_500 - 1)).toBeLessThan(0.03);
  });
});

describe('p2p distribution: neighbour sets and determinism', () => {
  it('ranks rarity among the receiver\'s neighbours too, as BitTorrent does', () => {
    for (const n of [100, 1000]) {
      const local = run(n, { rarity: 'neighbours' }).results;
      expect(local.distributionTime!).toBeGreaterThanOrEqual(local.lowerBound!);
      expect(local.distributionTime! / local.lowerBound!).toBeLessThan(1.3);
      expect(local.chunkTransfers).toBe(n * 382);
    }
    // the hand-computed 2-chunk case comes out the same
    const { ledger } = tiny(2, { file: 2e6, chunk: 1e6, serverUpload: 1e6, uploadSlots: 1, serverSlots: 1 }, 'neighbours');
    expect(Array.from(ledger.completedAt)).toEqual([3, 2]);
  });

  it('works over the overlay neighbours too', () => {
    const { results: r } = runCapacity({ peers: { count: 300 }, overlay: { degree: 6 }, capacity: { ...base, neighbours: 'overlay' } });
    expect(r.meanNeighbours).toBe(6);
    expect(r.distributionTime!).toBeGreaterThanOrEqual(r.lowerBound!);
    expect(r.distributionTime! / r.lowerBound!).toBeLessThan(1.3);
  });

  it('gives byte-identical results for the same seed, different ones for another seed', () => {
    const het = { peer: { upload: { dist: 'exponential', mean: '2Mbps' }, download: '10Mbps' } };
    const a = JSON.stringify(run(200, het, 5).results);
    const b = JSON.stringify(run(200, het, 5).results);
    const c = JSON.stringify(run(200, het, 6).results);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

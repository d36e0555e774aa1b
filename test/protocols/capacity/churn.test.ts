// Peers leaving during the download (the churn component calls the `peerDown` listeners;
// here the test calls them itself at fixed times).
import { describe, expect, it } from 'vitest';
import type { P2PDistribution } from '../../../sim/protocols/capacity/p2p.js';
import { runCapacity } from './harness.js';

describe('churn during a p2p download', () => {
  const capacity = { file: '20MB', chunk: '128KiB', server: { upload: '100Mbps' }, peer: { upload: '2Mbps', download: '10Mbps' } };
  // Without churn, 100 peers take ~58 s (bound 100·2e7/(1.25e7 + 2.5e7) = 53.3 s).
  const leaving = [3, 7, 11, 42, 64];

  it('aborts the leavers\' transfers; the others still complete', () => {
    const calm = runCapacity({ peers: { count: 100 }, capacity }).results;
    const { results: r, component, ctx } = runCapacity({ peers: { count: 100 }, capacity },
      leaving.map((peer, i) => ({ at: 10 + 5 * i, peer })));
    const L = component.peerLedger;
    expect(r.left).toBe(5);
    expect(r.leftAfterCompleting).toBe(0);
    expect(r.completed).toBe(95);
    expect(r.unfinished).toBe(0);
    expect(r.completionTimes.length).toBe(95);
    expect(r.distributionTime).toBe(r.completionTimes[94]);
    // they left mid-download: transfers to and from them were cut short
    expect(r.abortedTransfers).toBeGreaterThan(0);
    expect(r.chunkTransfers).toBeLessThan(calm.chunkTransfers);
    for (const [i, p] of leaving.entries()) {
      expect(L.leftAt[p]).toBe(10 + 5 * i);
      expect(L.completedAt[p]).toBeNaN();
      expect(L.bytesDownloaded[p]).toBeGreaterThan(0);
      expect(L.bytesDownloaded[p]).toBeLessThan(2e7);
      // nothing flows to or from a peer that left
      expect(L.downloadRate[p]).toBeCloseTo(0, 6);
      expect(L.uploadRate[p]).toBeCloseTo(0, 6);
      // and it received nothing after leaving: at most its download × time online
      expect(L.bytesDownloaded[p]).toBeLessThanOrEqual(L.download[p] * L.leftAt[p] * (1 + 1e-9));
    }
    expect((component.distribution as { transfersInFlight: number }).transfersInFlight).toBe(0);
    expect(ctx.peers.aliveCount).toBe(95);
    // losing 5% of the uploaders cannot make it much faster than without churn
    expect(r.distributionTime!).toBeGreaterThan(0.9 * calm.distributionTime!);
  });

  it('counts a peer that leaves after completing apart, and ignores strangers and repeats', () => {
    const { results: r } = runCapacity({ peers: { count: 50 }, capacity },
      [{ at: 1e5, peer: 0 }, { at: 1, peer: 1 }, { at: 2, peer: 1 }, { at: 3, peer: 999 }]);
    // the run ends when the queue empties: the leave at 1e5 s is still processed
    expect(r.leftAfterCompleting).toBe(1);
    expect(r.left).toBe(1);
    expect(r.completed).toBe(49);
  });

  it('keeps its chunk and rarity counts consistent while peers leave', () => {
    for (const rarity of ['swarm', 'neighbours']) {
      const checks: Array<string | null> = [];
      let p2p: P2PDistribution | undefined;
      // check right after each departure (same instant, later in the event order) and at the end
      const { results: r, component } = runCapacity({ peers: { count: 100 }, capacity: { ...capacity, file: '5MB', rarity } },
        leaving.map((peer, i) => ({ at: 2 + i, peer })),
        (ctx, comp) => {
          p2p = comp.distribution as P2PDistribution;
          const check = ctx.sim.registerKind('test/check', () => checks.push(p2p!.selfCheck()));
          for (let i = 0; i < leaving.length; i++) ctx.sim.at(2 + i, check, -1, -1);
        });
      expect(checks).toEqual([null, null, null, null, null]);
      expect((component.distribution as P2PDistribution).selfCheck()).toBeNull();
      expect(r.left).toBe(5);
      expect(r.completed).toBe(95);
    }
  });

  it('reports no distribution time when every peer left', () => {
    const { results: r } = runCapacity({ peers: { count: 3 }, capacity },
      [0, 1, 2].map((peer) => ({ at: 1, peer })));
    expect(r.left).toBe(3);
    expect(r.completed).toBe(0);
    expect(r.distributionTime).toBeNull();
    expect(r.completionTimes).toEqual([]);
  });
});

describe('churn during a client-server download', () => {
  it('re-shares the server among the peers that stay (hand-computed)', () => {
    // 10 peers, F = 10 MB, u_s = 10 MB/s: 1 MB/s each. Peer 0 leaves at 5 s holding 5 MB;
    // the 9 others need 5 MB each at 10/9 MB/s: 4.5 s more, done at 9.5 s.
    const { results: r, component } = runCapacity({
      peers: { count: 10 },
      capacity: { mode: 'client-server', file: 1e7, server: { upload: 1e7 }, peer: { download: 1e9 } },
    }, [{ at: 5, peer: 0 }]);
    expect(r.distributionTime).toBeCloseTo(9.5, 9);
    expect(r.completed).toBe(9);
    expect(r.left).toBe(1);
    expect(r.abortedTransfers).toBe(1);
    expect(component.peerLedger.bytesDownloaded[0]).toBeCloseTo(5e6, 3);
    expect(component.peerLedger.downloadRate[0]).toBe(0);
    expect(r.serverUtilisation).toBeCloseTo(1, 9);
  });
});

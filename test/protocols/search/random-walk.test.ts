/**
 * Random walks: exact on a path graph, statistical against Lv, Cao, Cohen, Li & Shenker,
 * "Search and replication in unstructured peer-to-peer networks" (ICS 2002): success rises
 * with walkers and TTL; 16–64 walkers with checking cost far fewer messages than flooding
 * at the same success on a random graph with 1% uniform replication; checking every few
 * hops stops walkers soon after a hit.
 */
import { describe, expect, it } from 'vitest';
import { placementFromHolders } from '../../../sim/data/placement';
import { SearchComponent, type QueryRecord } from '../../../sim/protocols/search/component';
import { runScenario } from '../../../sim/run/run-scenario';
import { validate } from '../../../sim/scenario/validate';
import { makeTestContext, runComponents, graphOf } from '../../helpers/context';

const L = 0.05;

describe('random walk on a path graph (exact)', () => {
  // Path 0 - 1 - ... - 9, item 0 held by peer 4. From the end peer 0 a walker has one way
  // to go and never turns back (it avoids the peer it came from), so its walk is 0,1,2,...
  const N = 10;
  const path = graphOf(N, Array.from({ length: N - 1 }, (_, i) => [i, i + 1] as [number, number]));

  function fromPeerZero(search: Record<string, unknown>): QueryRecord {
    const records: QueryRecord[] = [];
    const ctx = makeTestContext({
      n: N, graph: path, latency: L,
      scenario: { data: { objects: 1, popularity: 0 }, workload: { searches: { protocol: 'random-walk', count: 60, spacing: 5, ...search } } },
    });
    runComponents(ctx, [new SearchComponent({ data: placementFromHolders(N, [[4]]), onQueryEnd: (r) => records.push(r) })]);
    const r = records.find((x) => x.origin === 0);
    expect(r).toBeDefined();
    return r!;
  }

  it('one walker, no checks: 4 hops out, the answer 4 hops back along the walk', () => {
    const r = fromPeerZero({ walkers: 1, ttl: 20, checkEvery: 100 });
    expect(r.queryMessages).toBe(4);
    expect(r.answerMessages).toBe(4);
    expect(r.controlMessages).toBe(0);
    expect(r.hopsToHit).toBe(4);
    expect(r.timeToHit).toBeCloseTo(8 * L, 12);
    expect(r.peersProbed).toBe(4);
    expect(r.probesToHit).toBe(4);
  });

  it('checkEvery 2: one check round trip at hop 2 (2 control messages, 2L of waiting)', () => {
    const r = fromPeerZero({ walkers: 1, ttl: 20, checkEvery: 2 });
    // Hop 2 reached at 2L; check 2→0 arrives at 3L, "continue" back at 4L; hop 3 at 5L,
    // hop 4 (the holder) at 6L; the answer takes 4 hops: 10L. Hop 4 is a hit: no check.
    expect(r.queryMessages).toBe(4);
    expect(r.controlMessages).toBe(2);
    expect(r.answerMessages).toBe(4);
    expect(r.timeToHit).toBeCloseTo(10 * L, 12);
  });

  it('two walkers on the same path: the holder answers once, both walkers stop there', () => {
    const r = fromPeerZero({ walkers: 2, ttl: 20, checkEvery: 100 });
    expect(r.queryMessages).toBe(8);
    expect(r.answerMessages).toBe(4);
    expect(r.peersProbed).toBe(4);
  });

  it('TTL 3 stops the walker short of the holder', () => {
    const r = fromPeerZero({ walkers: 1, ttl: 3, checkEvery: 100 });
    expect(r.queryMessages).toBe(3);
    expect(r.success).toBe(false);
    expect(r.answerMessages).toBe(0);
  });
});

/** Lv et al.'s setting: a random graph of 10^4 peers, mean degree 4, 100 items each on 1% of the peers. */
function lv(search: Record<string, unknown>, count = 300) {
  const scenario = validate({
    name: 'lv', seed: 3, duration: 1e5,
    peers: { count: 10000 },
    overlay: { model: 'erdos-renyi', degree: 4 },
    data: { objects: 100, replication: { strategy: 'uniform', ratio: 0.01 } },
    workload: { searches: { count, spacing: 0.1, ...search } },
  });
  return runScenario(scenario).searches as unknown as Record<string, number>;
}

describe('random walks against Lv et al. (ICS 2002)', () => {
  it('success rises with the number of walkers and with the TTL', () => {
    // Each walker step probes a fresh peer with probability ≈ 1 − ρ = 0.99 of a miss, so
    // success ≈ 1 − 0.99^(walkers·ttl): walkers 1/4/16 at TTL 8 → 8%, 27%, 72%; TTL
    // 4/16/64 with 4 walkers → 15%, 47%, 92%. 400 queries: standard error ≤ 2.5 points.
    const byWalkers = [1, 4, 16].map((walkers) => lv({ protocol: 'random-walk', walkers, ttl: 8, checkEvery: 100 }, 400).successRate);
    const byTtl = [4, 16, 64].map((ttl) => lv({ protocol: 'random-walk', walkers: 4, ttl, checkEvery: 100 }, 400).successRate);
    for (const list of [byWalkers, byTtl]) {
      expect(list[1]).toBeGreaterThan(list[0] + 0.1);
      expect(list[2]).toBeGreaterThan(list[1] + 0.1);
    }
    const expected = (k: number) => 1 - Math.pow(0.99, k);
    // Within 0.1 of the independent-probe approximation (walks revisit a few peers; the
    // 1.7% of peers outside the giant component never succeed).
    [8, 32, 128].forEach((k, i) => expect(Math.abs(byWalkers[i] - expected(k))).toBeLessThan(0.1));
    [16, 64, 256].forEach((k, i) => expect(Math.abs(byTtl[i] - expected(k))).toBeLessThan(0.1));
  });

  it('16–64 walkers with checking cost far fewer messages than flooding at the same success', () => {
    // The same 200 queries (same origins, same items) for every protocol: a paired comparison.
    const walks = [16, 32, 64].map((walkers) => lv({ protocol: 'random-walk', walkers, ttl: 1024, checkEvery: 4 }, 200));
    const floods = new Map([5, 6, 7].map((ttl) => [ttl, lv({ protocol: 'flood', ttl }, 200)]));
    for (const w of walks) {
      // The smallest flood TTL reaching the walkers' success: TTL 6 here (TTL 5 misses a few
      // more). Both stop at the giant component (~97% of these origins).
      const ttl = [5, 6, 7].find((t) => floods.get(t)!.successRate >= w.successRate)!;
      expect(ttl).toBe(6);
      const flood = floods.get(ttl)!;
      // Measured: 16 walkers ≈ 10×, 32 ≈ 7×, 64 ≈ 4× fewer messages than the cheapest
      // flood of equal success; against flooding with Gnutella's usual TTL 7 the saving is
      // 11–30×, the order of magnitude or more that Lv et al. report.
      expect(flood.messagesPerQuery / w.messagesPerQuery).toBeGreaterThan(3);
      expect(floods.get(7)!.messagesPerQuery / w.messagesPerQuery).toBeGreaterThan(10);
    }
    expect(floods.get(6)!.messagesPerQuery / walks[0].messagesPerQuery).toBeGreaterThan(8);
  });

  it('checking every 4 hops cuts messages once a hit is made, at no cost in success', () => {
    const checking = lv({ protocol: 'random-walk', walkers: 16, ttl: 1024, checkEvery: 4 });
    const blind = lv({ protocol: 'random-walk', walkers: 16, ttl: 1024, checkEvery: 2000 });
    expect(checking.successRate).toBe(blind.successRate);
    // Without checks each walker runs to its own hit: ≈ 1/ρ = 100 steps each, ≈ 1600 query
    // messages for 16 walkers (measured ≈ 1640), plus their answers. With checks the walkers
    // stop a few hops after the first hit (≈ 100/16 ≈ 6 steps each, then one check round
    // trip): measured ≈ 420 messages in all, a fifth of the blind walkers' ≈ 2090.
    const queries = blind.queries;
    expect(blind.queryMessages / queries).toBeGreaterThan(1300);
    expect(blind.queryMessages / queries).toBeLessThan(1800);
    expect(checking.messagesPerQuery).toBeLessThan(0.3 * blind.messagesPerQuery);
    expect(checking.controlMessages).toBeGreaterThan(0);
    expect(blind.controlMessages).toBe(0);
  });
});

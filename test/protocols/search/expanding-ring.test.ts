/**
 * Expanding ring, exact: on a path graph with one holder, the rings tried, the messages of
 * each ring and the time to the first answer are computed by hand (constant latency L).
 */
import { describe, expect, it } from 'vitest';
import { placementFromHolders } from '../../../sim/data/placement';
import { SearchComponent, type QueryRecord } from '../../../sim/protocols/search/component';
import { makeTestContext, runComponents, graphOf } from '../../helpers/context';

const L = 0.05;
const N = 14;
const HOLDER = 2;
// Path 0 - 1 - 2 - ... - 13, item 0 held by peer 2 only.
const path = graphOf(N, Array.from({ length: N - 1 }, (_, i) => [i, i + 1] as [number, number]));

function run(search: Record<string, unknown>): QueryRecord[] {
  const records: QueryRecord[] = [];
  const ctx = makeTestContext({
    n: N, graph: path, latency: L,
    scenario: { data: { objects: 1, popularity: 0 }, workload: { searches: { count: 80, spacing: 2, ...search } } },
  });
  runComponents(ctx, [new SearchComponent({ data: placementFromHolders(N, [[HOLDER]]), onQueryEnd: (r) => records.push(r) })]);
  return records;
}

/** Query messages of one flood of TTL r from o on the path: o sends to its neighbours, inner peers at distance < r forward one copy. */
function floodMessages(o: number, r: number): number {
  let m = o === 0 || o === N - 1 ? 1 : 2;
  for (let p = 0; p < N; p++) {
    const d = Math.abs(p - o);
    if (d > 0 && d < r && p !== 0 && p !== N - 1) m += 1;
  }
  return m;
}

describe('expanding ring on a path graph', () => {
  const rings = [1, 3, 5, 7]; // ringStart 1, ringStep 2, ttl 7
  const records = run({ protocol: 'expanding-ring', ttl: 7, ringStart: 1, ringStep: 2 });

  it('tries rings 1, 3, 5, 7 until the first ring that reaches the holder', () => {
    let hits = 0, misses = 0;
    for (const r of records) {
      if (r.localHit) continue;
      const distance = Math.abs(r.origin - HOLDER);
      const tried = rings.filter((t, k) => k === 0 || rings[k - 1] < distance);
      expect(r.rings).toBe(tried.length);
      expect(r.queryMessages).toBe(tried.reduce((s, t) => s + floodMessages(r.origin, t), 0));
      const found = distance <= 7;
      expect(r.success).toBe(found);
      expect(r.answerMessages).toBe(found ? distance : 0);
      if (found) hits++; else misses++;
    }
    // Origins 10..13 are more than 7 hops from the holder: some misses, many hits.
    expect(hits).toBeGreaterThan(20);
    expect(misses).toBeGreaterThan(5);
  });

  it('from peer 0 (holder 2 hops away): ring 1, then ring 3 hits; messages and time to hit', () => {
    const r = records.find((x) => x.origin === 0)!;
    expect(r).toBeDefined();
    // Ring 1: 0→1 (1 message), dies out at L. Ring 3: 0→1→2→3 (3 messages); peer 2, at
    // distance 2, answers: 2 hops back, arriving at L + 2L + 2L = 5L. Ring 3 then dies out
    // (3→... not forwarded: peer 3 is at distance 3 = TTL).
    expect(r.rings).toBe(2);
    expect(r.queryMessages).toBe(4);
    expect(r.answerMessages).toBe(2);
    expect(r.hopsToHit).toBe(2);
    expect(r.timeToHit).toBeCloseTo(5 * L, 12);
    expect(r.peersProbed).toBe(3);
  });

  it('from peer 9 (holder 7 hops away): all four rings, the last one hits', () => {
    const r = records.find((x) => x.origin === 9)!;
    expect(r).toBeDefined();
    // Rings of TTL 1, 3, 5 die out after 1L, 3L, 5L (each reaches distance TTL on the side
    // of the holder; on the other side the path ends after 4 hops). Ring 7 reaches peer 2 at
    // 7L and the answer is back 7L later: 9L + 14L = 23L.
    expect(r.rings).toBe(4);
    expect(r.queryMessages).toBe(floodMessages(9, 1) + floodMessages(9, 3) + floodMessages(9, 5) + floodMessages(9, 7));
    expect(r.timeToHit).toBeCloseTo(23 * L, 12);
    expect(r.hopsToHit).toBe(7);
  });
});

/**
 * Flooding with a TTL, exact: on a fixed overlay with constant latency, a flood of TTL t
 * probes exactly the breadth-first ball of radius t around the origin, sends exactly the
 * number of messages the ball's degrees imply, and the first answer comes from the
 * nearest holder.
 */
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../../sim/engine/random';
import { erdosRenyi } from '../../../sim/overlay/generators/erdos-renyi';
import type { Graph } from '../../../sim/overlay/graph';
import { placementFromHolders } from '../../../sim/data/placement';
import { SearchComponent, type QueryRecord } from '../../../sim/protocols/search/component';
import { makeTestContext, runComponents, graphOf } from '../../helpers/context';
import { bfs } from '../../helpers/graphs';

const LATENCY = 0.05;

function runFloods(g: Graph, holders: number[], ttl: number, count: number, extra: Record<string, unknown> = {}) {
  const records: QueryRecord[] = [];
  const ctx = makeTestContext({
    n: g.size,
    graph: g,
    latency: LATENCY,
    scenario: {
      // Every query asks for item 0 (a constant rank), held by exactly `holders`.
      data: { objects: 1, popularity: 0 },
      workload: { searches: { protocol: 'flood', ttl, count, spacing: 0.013, ...extra } },
    },
  });
  const component = new SearchComponent({
    data: placementFromHolders(g.size, [holders]),
    onQueryEnd: (r) => records.push({ ...r, probed: r.probedPeers() } as QueryRecord & { probed: Int32Array }),
  });
  const results = runComponents(ctx, [component]);
  return { records: records as Array<QueryRecord & { probed: Int32Array }>, results };
}

describe('flood with TTL on a fixed overlay', () => {
  // An Erdős–Rényi overlay (mean degree 5): degrees vary, so the message count is not a
  // mere multiple of the ball size.
  const g = erdosRenyi(1500, { degree: 5 }, new NamedStream(11, 'overlay'));
  const holderRng = new NamedStream(11, 'holders');
  const holders = [...new Set(Array.from({ length: 12 }, () => holderRng.int(1500)))];
  const isHolder = new Uint8Array(1500);
  for (const h of holders) isHolder[h] = 1;

  for (const ttl of [1, 2, 3, 5]) {
    it(`ttl ${ttl}: probes the BFS ball, messages and answers as the ball's degrees imply`, () => {
      // 40 queries spaced 13 ms apart, so several floods are in flight at once.
      const { records } = runFloods(g, holders, ttl, 40);
      expect(records.length).toBe(40);
      let checked = 0;
      for (const r of records) {
        if (r.localHit) continue;
        checked++;
        const dist = bfs(g, r.origin);
        const ball: number[] = [];
        // Expected query messages: the origin sends to all its neighbours; every other peer
        // at distance 0 < d < ttl forwards to all neighbours but the one it first got the
        // query from (its BFS parent, since with constant latency the first copy arrives along
        // a shortest path); peers at distance ttl do not forward. Duplicates are included:
        // they are sent, and dropped on arrival.
        let queryMessages = g.degree(r.origin);
        // Expected answers: every holder in the ball answers once, along its reverse path,
        // one message per hop: d(h) messages.
        let answerMessages = 0;
        let nearest = Infinity;
        for (let p = 0; p < g.size; p++) {
          const d = dist[p];
          if (d <= 0 || d > ttl) continue;
          ball.push(p);
          if (d < ttl) queryMessages += g.degree(p) - 1;
          if (isHolder[p]) {
            answerMessages += d;
            nearest = Math.min(nearest, d);
          }
        }
        expect(Array.from(r.probed)).toEqual(ball);
        expect(r.peersProbed).toBe(ball.length);
        expect(r.queryMessages).toBe(queryMessages);
        expect(r.answerMessages).toBe(answerMessages);
        expect(r.controlMessages).toBe(0);
        expect(r.success).toBe(nearest < Infinity);
        if (r.success) {
          // The nearest holder's answer arrives first: d hops out, d hops back.
          expect(r.hopsToHit).toBe(nearest);
          expect(r.timeToHit).toBeCloseTo(2 * nearest * LATENCY, 9);
        }
      }
      expect(checked).toBeGreaterThan(30);
    });
  }

  it('adds the per-query figures up into the SPEC searches summary', () => {
    const { records, results } = runFloods(g, holders, 3, 25);
    const s = results.searches as unknown as Record<string, number>;
    const sum = (f: (r: QueryRecord) => number) => records.reduce((a, r) => a + f(r), 0);
    expect(s.queries).toBe(25);
    expect(s.queryMessages).toBe(sum((r) => r.queryMessages));
    expect(s.answerMessages).toBe(sum((r) => r.answerMessages));
    expect(s.messagesPerQuery).toBeCloseTo(sum((r) => r.queryMessages + r.answerMessages) / 25, 12);
    expect(s.peersProbedPerQuery).toBeCloseTo(sum((r) => r.peersProbed) / 25, 12);
    expect(s.successRate).toBeCloseTo(sum((r) => (r.success ? 1 : 0)) / 25, 12);
    expect(s.unfinished).toBe(0);
  });
});

describe('reverse-path answers (exact, path graph 0-1-2-3-4-5)', () => {
  it('an answer from distance 3 takes 3 hops back; duplicates are counted', () => {
    // A triangle 0-1-2 with a tail 2-3-4-5: holder at 4.
    const g = graphOf(6, [[0, 1], [1, 2], [0, 2], [2, 3], [3, 4], [4, 5]]);
    const records: QueryRecord[] = [];
    const ctx = makeTestContext({
      n: 6, graph: g, latency: LATENCY,
      scenario: { data: { objects: 1, popularity: 0 }, workload: { searches: { protocol: 'flood', ttl: 4, count: 60, spacing: 1 } } },
    });
    runComponents(ctx, [new SearchComponent({ data: placementFromHolders(6, [[4]]), onQueryEnd: (r) => records.push(r) })]);
    const fromZero = records.find((r) => r.origin === 0);
    expect(fromZero).toBeDefined();
    // From 0: 0→1, 0→2 (d=1); 1→2 and 2→1 are duplicates, 2→3 (d=2); 3→4 (d=3); 4→5 (d=4, does not forward).
    // Query messages: deg(0)=2, peer 1: deg 2 − 1 = 1, peer 2: deg 3 − 1 = 2, peer 3: 1, peer 4: 1 → 7.
    expect(fromZero!.queryMessages).toBe(7);
    expect(fromZero!.answerMessages).toBe(3);
    expect(fromZero!.hopsToHit).toBe(3);
    expect(fromZero!.timeToHit).toBeCloseTo(6 * LATENCY, 12);
    expect(fromZero!.peersProbed).toBe(5);
  });
});

/**
 * Directory search in hybrid P2P: exact message counts on a tiny network whose super-peers
 * and attachments are known; on a larger one, every item that exists is found with a
 * handful of messages and no search message passes between two ordinary peers.
 */
import { describe, expect, it } from 'vitest';
import { placementFromHolders } from '../../../sim/data/placement';
import { SearchComponent, type QueryRecord } from '../../../sim/protocols/search/component';
import { NamedStream } from '../../../sim/engine/random';
import { erdosRenyi } from '../../../sim/overlay/generators/erdos-renyi';
import type { SimContext } from '../../../sim/run/context';
import { makeTestContext, runComponents, graphOf } from '../../helpers/context';

const L = 0.05;

/** Records every message handed to the transport: [from, to, kind name]. */
function tap(ctx: SimContext): Array<[number, number, string]> {
  const log: Array<[number, number, string]> = [];
  const send = ctx.transport.send.bind(ctx.transport);
  ctx.transport.send = (from, to, kind, a, b) => {
    log.push([from, to, ctx.sim.kindName(kind)]);
    return send(from, to, kind, a, b);
  };
  return log;
}

describe('directory search on a tiny hybrid network (exact)', () => {
  // Peer 0 has degree 9 and peer 1 degree 5, the others at most 3: with superPeers 0.2 of
  // 10 peers, 0 and 1 are promoted. Item 0 is on ordinary peer 7, item 1 nowhere, item 2 on
  // super-peer 1. Queries ask for ranks 0..2 uniformly, from 1 s on (registrations first).
  const links: Array<[number, number]> = [];
  for (let p = 1; p < 10; p++) links.push([0, p]);
  for (let p = 2; p < 6; p++) links.push([1, p]);
  const g = graphOf(10, links);
  const records: QueryRecord[] = [];
  const ctx = makeTestContext({
    n: 10, graph: g, latency: L,
    scenario: {
      data: { objects: 3, popularity: { dist: 'uniform', min: 0, max: 3 } },
      hybrid: { superPeers: 0.2 },
      workload: { searches: { protocol: 'directory', count: 150, start: 1, spacing: 1 } },
    },
  });
  const log = tap(ctx);
  const component = new SearchComponent({ data: placementFromHolders(10, [[7], [], [1]]), onQueryEnd: (r) => records.push(r) });
  const results = runComponents(ctx, [component]);
  const dir = component.directory!;

  it('promotes the two highest-degree peers and registers the 8 others once each', () => {
    expect(Array.from(dir.superPeers)).toEqual([0, 1]);
    expect(dir.registrationMessages).toBe(8);
    expect(log.filter(([, , k]) => k === 'search/register').length).toBe(8);
    for (let p = 2; p < 10; p++) expect([0, 1]).toContain(dir.attachedTo[p]);
    expect((results.searches as Record<string, any>).directory.registrationMessages).toBe(8);
  });

  it('counts 1 + (ask + miss per other super-peer asked) + answer hops, query by query', () => {
    const holderOf = [7, -1, 1];
    let checked = 0;
    for (const r of records) {
      if (r.localHit) continue;
      checked++;
      const home = dir.isSuper[r.origin] ? r.origin : dir.attachedTo[r.origin];
      const toHome = home === r.origin ? 0 : 1; // origin → its super-peer
      const other = home === 0 ? 1 : 0;
      const h = holderOf[r.item];
      // Which super-peer indexes the holder: itself if it is one, else the one it registered with.
      const indexer = h < 0 ? -1 : dir.isSuper[h] ? h : dir.attachedTo[h];
      if (indexer === home) {
        expect([r.queryMessages, r.answerMessages, r.controlMessages]).toEqual([toHome, toHome, 0]);
        expect(r.hopsToHit).toBe(toHome);
        expect(r.timeToHit).toBeCloseTo(2 * toHome * L, 12);
      } else if (indexer === other) {
        // Ask the other super-peer; it answers through the origin's super-peer.
        expect([r.queryMessages, r.answerMessages, r.controlMessages]).toEqual([toHome + 1, toHome + 1, 0]);
        expect(r.hopsToHit).toBe(toHome + 1);
        expect(r.timeToHit).toBeCloseTo(2 * (toHome + 1) * L, 12);
      } else {
        // Item 1 exists nowhere: the other super-peer replies with a miss; the query fails.
        expect([r.queryMessages, r.answerMessages, r.controlMessages]).toEqual([toHome + 1, 0, 1]);
        expect(r.success).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never sends a search message between two ordinary peers', () => {
    const between = log.filter(([f, t, k]) => k !== 'search/register' && !dir.isSuper[f] && !dir.isSuper[t]);
    expect(between).toEqual([]);
  });
});

describe('directory search at scale', () => {
  // 2000 peers, 40 super-peers (2%), 500 items replicated in proportion to a zipf
  // popularity with 2000 replicas in all: the 200-odd tail items have a single copy.
  const records: QueryRecord[] = [];
  const ctx = makeTestContext({
    n: 2000, seed: 4, graph: erdosRenyi(2000, { degree: 6 }, new NamedStream(4, 'overlay')), latency: L,
    scenario: {
      data: { objects: 500, replication: { strategy: 'proportional', ratio: 0.002 }, popularity: { dist: 'zipf', exponent: 1 } },
      hybrid: { superPeers: 0.02 },
      workload: { searches: { protocol: 'directory', count: 3000, start: 1, spacing: 0.01 } },
    },
  });
  const log = tap(ctx);
  const component = new SearchComponent({ onQueryEnd: (r) => records.push(r) });
  const results = runComponents(ctx, [component]);
  const s = results.searches as Record<string, any>;
  const dir = component.directory!;

  it('finds every item that exists (each has a copy), with no message between ordinary peers', () => {
    expect((results.data as unknown as Record<string, number>).minReplicas).toBe(1);
    expect(s.successRate).toBe(1);
    expect(s.directory.superPeers).toBe(40);
    expect(s.directory.registrationMessages).toBe(1960);
    expect(log.filter(([f, t, k]) => k !== 'search/register' && !dir.isSuper[f] && !dir.isSuper[t])).toEqual([]);
  });

  it('costs a handful of messages, as the asking order predicts', () => {
    // Expected messages of a query, given who indexes its item: 2 when the origin's
    // super-peer does (query + answer); else, when the j-th super-peer asked is the first
    // that does, 1 + j asks + (j − 1) misses + 2 answer hops = 2j + 2. The asking order is
    // the super-peer list rotated to a uniformly drawn start, so E[j] is an exact average
    // over the 40 starts. (All peers are ordinary-or-super and alive; origins that are
    // super-peers save the first and last hop: 2j.)
    const list = Array.from(dir.superPeers);
    const S = list.length;
    const indexes = (sp: number, item: number, origin: number) => Array.from(component.data.holdersOf(item))
      .some((h) => h !== origin && (h === sp || (!dir.isSuper[h] && dir.attachedTo[h] === sp)));
    let expected = 0, measured = 0, popular = 0, popularCount = 0;
    for (const r of records) {
      if (r.localHit) continue;
      const m = r.queryMessages + r.answerMessages + r.controlMessages;
      measured += m;
      if (r.item < 10) { popular += m; popularCount++; }
      const isSuper = dir.isSuper[r.origin] === 1;
      const home = isSuper ? r.origin : dir.attachedTo[r.origin];
      if (indexes(home, r.item, r.origin)) { expected += isSuper ? 0 : 2; continue; }
      let sumJ = 0;
      for (let start = 0; start < S; start++) {
        let j = 0;
        for (let a = 0; a < S; a++) {
          const sp = list[(start + a) % S];
          if (sp === home) continue;
          j++;
          if (indexes(sp, r.item, r.origin)) break;
        }
        sumJ += j;
      }
      const meanJ = sumJ / S;
      expected += isSuper ? 2 * meanJ : 2 * meanJ + 2;
    }
    // Per-query messages range from 2 to 82 (sd ≈ 15 around a mean ≈ 12): over ~3000
    // queries the mean's standard error is ≈ 3%; tolerance 10%.
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.1);
    // Popular items (the 10 most asked, half the queries) are in almost every index:
    // 2–4 messages, against the thousands a flood would send.
    expect(popular / popularCount).toBeLessThan(4);
    expect(s.messagesPerQuery).toBeLessThan(20);
    expect(s.meanHopsToHit).toBeLessThanOrEqual(2);
  });
});

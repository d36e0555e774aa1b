/**
 * The search component as a whole: results per SPEC §3 (split by protocol when a scenario
 * lists several searches), reproducibility, query arrival by count or rate, messages to
 * dead peers counted and dropped, local hits, queries cut off by the end of the run,
 * peers that join later holding data, and the directory surviving a super-peer failure.
 */
import { describe, expect, it } from 'vitest';
import { placementFromHolders } from '../../../sim/data/placement';
import { SearchComponent, type QueryRecord } from '../../../sim/protocols/search/component';
import { runScenario } from '../../../sim/run/run-scenario';
import { validate } from '../../../sim/scenario/validate';
import { makeTestContext, runComponents, graphOf } from '../../helpers/context';

const base = {
  name: 'component', duration: 60,
  peers: { count: 1000 },
  overlay: { model: 'random-regular', degree: 4 },
  data: { objects: 100, replication: { strategy: 'square-root', ratio: 0.02 } },
};

describe('search results', () => {
  const mixed = validate({
    ...base,
    workload: { searches: [
      { protocol: 'flood', ttl: 4, count: 50, start: 1 },
      { protocol: 'random-walk', walkers: 8, ttl: 200, count: 50, start: 1 },
      { protocol: 'random-walk', walkers: 2, ttl: 200, count: 30, start: 1 },
    ] },
  });

  it('give the SPEC keys, totals and a split by protocol and by search entry', () => {
    const s = runScenario(mixed).searches as Record<string, any>;
    for (const key of ['queries', 'successRate', 'messagesPerQuery', 'peersProbedPerQuery', 'meanHopsToHit', 'meanTimeToHit', 'queryMessages', 'answerMessages']) {
      expect(s).toHaveProperty(key);
    }
    expect(s.queries).toBe(130);
    expect(Object.keys(s.byProtocol)).toEqual(['flood', 'random-walk']);
    expect(s.byProtocol.flood.queries).toBe(50);
    expect(s.byProtocol['random-walk'].queries).toBe(80);
    expect(s.bySearch.map((b: any) => b.queries)).toEqual([50, 50, 30]);
    // The split adds up to the total.
    const total = s.bySearch.reduce((a: number, b: any) => a + b.queryMessages + b.answerMessages + b.controlMessages, 0);
    expect(total).toBe(s.queryMessages + s.answerMessages + s.controlMessages);
    expect(s.messagesPerQuery).toBeCloseTo(total / 130, 9);
  });

  it('are identical for the same seed and differ for another', () => {
    const a = JSON.stringify(runScenario(mixed).searches);
    const b = JSON.stringify(runScenario(mixed).searches);
    const c = JSON.stringify(runScenario({ ...mixed, seed: 99 }).searches);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('have no byProtocol for a single search, and a searchSuccess series', () => {
    const r = runScenario(validate({ ...base, workload: { searches: { protocol: 'flood', ttl: 3, count: 20, start: 1 } } }));
    const s = r.searches as Record<string, any>;
    expect(s.byProtocol).toBeUndefined();
    const series = r.series.searchSuccess;
    expect(series.length).toBe(r.series.time.length);
    expect(series[0]).toBeNull();
    expect(series[series.length - 1]).toBeCloseTo(s.successRate, 12);
  });

  it('draw queries at `rate` as a Poisson stream from `start` to the end', () => {
    // 20/s for 50 s: 1000 queries expected, standard deviation √1000 ≈ 32; allow 4 sd.
    const r = runScenario(validate({ ...base, duration: 51, workload: { searches: { protocol: 'flood', ttl: 1, rate: '20/s', start: 1 } } }));
    const q = (r.searches as unknown as Record<string, number>).queries;
    expect(Math.abs(q - 1000)).toBeLessThan(4 * Math.sqrt(1000));
  });

  it('count queries cut off by the end of the run as unfinished', () => {
    // The run stops at 1.05 s, while the floods (4 hops of 50 ms, answers back) are in flight.
    const r = runScenario(validate({ ...base, duration: 1.05, workload: { searches: { protocol: 'flood', ttl: 4, count: 3, start: 1, spacing: 0.01 } } }));
    const s = r.searches as unknown as Record<string, number>;
    expect(s.queries).toBe(3);
    expect(s.unfinished).toBeGreaterThan(0);
  });
});

describe('on a path 0-1-2-3-4 (exact)', () => {
  const path = () => graphOf(5, [[0, 1], [1, 2], [2, 3], [3, 4]]);
  function run(holders: number[][], dead: number[], search: Record<string, unknown>) {
    const records: QueryRecord[] = [];
    const ctx = makeTestContext({
      n: 5, graph: path(), latency: 0.05,
      scenario: { data: { objects: 1, popularity: 0 }, workload: { searches: { count: 40, spacing: 1, ...search } } },
    });
    for (const p of dead) ctx.peers.setAlive(p, false);
    const results = runComponents(ctx, [new SearchComponent({ data: placementFromHolders(5, holders), onQueryEnd: (r) => records.push(r) })]);
    return { records, s: results.searches as unknown as Record<string, number> };
  }

  it('messages to a dead peer are counted and go no further', () => {
    const { records } = run([[4]], [2], { protocol: 'flood', ttl: 4 });
    const r = records.find((x) => x.origin === 0)!;
    // 0→1, 1→2 (2 is down: dropped). Nothing reaches 3 or the holder 4.
    expect(r.queryMessages).toBe(2);
    expect(r.peersProbed).toBe(1);
    expect(r.success).toBe(false);
    expect(records.every((x) => x.origin !== 2)).toBe(true);
  });

  it('an origin holding the item is a local hit: success, no message', () => {
    const { records, s } = run([[0, 1, 2, 3, 4]], [], { protocol: 'flood', ttl: 4 });
    expect(records.every((r) => r.localHit && r.success && r.queryMessages === 0)).toBe(true);
    expect(s.localHits).toBe(40);
    expect(s.successRate).toBe(1);
    expect(s.messagesPerQuery).toBe(0);
  });
});

describe('peers joining and super-peers failing', () => {
  it('a brand-new peer gets items by the same strategy and registers with a super-peer', () => {
    const ctx = makeTestContext({
      n: 500,
      scenario: {
        data: { objects: 400, replication: { strategy: 'uniform', ratio: 0.02 } },
        hybrid: { superPeers: 0.02 },
        workload: { searches: { protocol: 'directory', count: 1, start: 1 } },
      },
    });
    const component = new SearchComponent();
    component.start(ctx);
    ctx.sim.run(0.5);
    const before = component.directory!.registrationMessages;
    let items = 0;
    const joins = 100;
    for (let k = 0; k < joins; k++) {
      const p = ctx.peers.create();
      ctx.overlay.ensureSize(p + 1);
      // As Membership.arrive: the arrival's listeners, then the coming up's.
      for (const listener of ctx.peerArrive) listener(p);
      for (const listener of ctx.peerUp) listener(p);
      items += component.data.itemsOf(p).length;
      expect(component.directory!.attachedTo[p]).toBeGreaterThanOrEqual(0);
    }
    ctx.sim.run(2);
    // Each newcomer holds each item with probability r_i/n = 0.02: 8 items on average
    // (standard error of the mean over 100 joins: √(8·0.98/100) ≈ 0.28).
    expect(Math.abs(items / joins - 8)).toBeLessThan(1.2);
    expect(component.directory!.registrationMessages).toBe(before + joins);
    const newcomer = ctx.peers.count - 1;
    expect(component.directory!.registered[newcomer]).toBe(1);
  });

  it('members of a failed super-peer re-attach, and directory queries still find their items', () => {
    const records: QueryRecord[] = [];
    const ctx = makeTestContext({
      n: 400,
      scenario: {
        data: { objects: 50, replication: { strategy: 'uniform', ratio: 0.05 } },
        hybrid: { superPeers: 0.025 },
        workload: { searches: { protocol: 'directory', count: 200, start: 5, spacing: 0.05 } },
      },
    });
    const component = new SearchComponent({ onQueryEnd: (r) => records.push(r) });
    component.start(ctx);
    ctx.sim.run(1);
    const dir = component.directory!;
    const victim = dir.superPeers[0];
    const members = Array.from({ length: 400 }, (_, p) => p).filter((p) => p !== victim && dir.attachedTo[p] === victim);
    expect(members.length).toBeGreaterThan(0);
    ctx.peers.setAlive(victim, false);
    for (const listener of ctx.peerDown) listener(victim);
    expect(dir.reattachments).toBe(members.length);
    for (const p of members) expect(dir.attachedTo[p]).not.toBe(victim);
    ctx.sim.run(Infinity);
    // Every item has 20 copies, at most one of them on the failed super-peer: all found.
    expect(records.length).toBe(200);
    expect(records.every((r) => r.success)).toBe(true);
    expect(records.every((r) => r.origin !== victim)).toBe(true);
  });
});

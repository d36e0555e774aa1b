import { describe, expect, it } from 'vitest';
import { DownLog, type DownLogData } from '../../../sim/protocols/broadcast/split/down-log';
import { kthTime, mergeBroadcasts, mergeLogs } from '../../../sim/protocols/broadcast/split/merge';
import type { BroadcastShare, InformLogData } from '../../../sim/protocols/broadcast/split/share';
import { Phase } from '../../../sim/protocols/broadcast/state';
import { TimelineStream } from '../../../sim/protocols/broadcast/split/timeline-stream';
import { Timeline } from '../../../sim/protocols/broadcast/timeline';
import { validate } from '../../../sim/scenario/validate';

function log(entries: Array<[time: number, tie: number, peer: number, order?: number]>): InformLogData {
  return {
    length: entries.length,
    maxRound: 0,
    lastRound: 0,
    lastTime: entries.length > 0 ? entries[entries.length - 1][0] : 0,
    lastTie: entries.length > 0 ? entries[entries.length - 1][1] : 0,
    time: Float64Array.from(entries.map((e) => e[0])),
    tie: Float64Array.from(entries.map((e) => e[1])),
    peer: Int32Array.from(entries.map((e) => e[2])),
    from: new Int32Array(entries.length).fill(-1),
    order: Float64Array.from(entries.map((e) => e[3] ?? 0)),
  };
}

/** The log without tie-breaks, peers or places: what a large run without failures keeps. */
function timesOnly(l: InformLogData): InformLogData {
  return { ...l, tie: null, peer: null, from: null, order: null };
}

describe('mergeLogs', () => {
  it('visits the partitions\' informings in (time, tie) order, the order of a one-thread run', () => {
    const a = log([[0, 3, 1], [1, 9, 2], [1, 2 ** 30, 3], [4, 1, 4]]);
    const b = log([[0.5, 7, 10], [1, 2 ** 29 + 1, 11], [5, 0, 12]]);
    const c = log([]);
    const order: number[] = [];
    mergeLogs([a, b, c], (l, i) => order.push(l.peer![i]));
    expect(order).toEqual([1, 10, 2, 11, 3, 4, 12]);
  });
});

describe('mergeLogs within one event', () => {
  it('orders the informings of one event (a cycle-engine round) by their place in it', () => {
    const a = log([[1, 5, 1, -1], [1, 5, 2, 30], [1, 5, 3, 31], [2, 6, 4, 0]]);
    const b = log([[1, 5, 10, 7], [1, 5, 11, 40], [2, 6, 12, 3]]);
    const order: number[] = [];
    mergeLogs([a, b], (l, i) => order.push(l.peer![i]));
    expect(order).toEqual([1, 10, 2, 3, 11, 4, 12]);
    const three: number[] = [];
    mergeLogs([b, log([]), a], (l, i) => three.push(l.peer![i]));
    expect(three).toEqual([1, 10, 2, 3, 11, 4, 12]);
  });
});

describe('kthTime', () => {
  it('finds the k-th entry of the merge of two sorted logs, for every k', () => {
    let x = 7;
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const build = (n: number, tieBase: number) => {
      const entries: Array<[number, number, number]> = [];
      let t = 0;
      // coarse times, so that equal times across logs are frequent and ties decide
      for (let i = 0; i < n; i++) { t += Math.floor(rand() * 3); entries.push([t, tieBase + i * 2, i]); }
      return log(entries);
    };
    for (const [na, nb] of [[0, 5], [5, 0], [1, 1], [40, 57], [200, 3]]) {
      const a = build(na, 0), b = build(nb, 1);
      const merged: number[] = [];
      mergeLogs([a, b], (l, i) => merged.push(l.time[i]));
      expect(merged).toHaveLength(na + nb);
      for (let k = 0; k < na + nb; k++) expect(kthTime(a, b, k)).toBe(merged[k]);
      // Without tie-breaks, equal times come in another order, but the k-th time is the same.
      for (let k = 0; k < na + nb; k++) expect(kthTime(timesOnly(a), timesOnly(b), k)).toBe(merged[k]);
      const untied: number[] = [];
      mergeLogs([timesOnly(a), timesOnly(b), timesOnly(log([]))], (l, i) => untied.push(l.time[i]));
      expect(untied).toEqual(merged);
    }
  });
});

describe('mergeBroadcasts with failures', () => {
  // 100 peers, a flood from peer 0 at 0 s; partition 0 informs at 0 s and 1 s, partition 1
  // at 0.5 s and 2 s. Failures take down 10 peers at 0.7 s (1 of them informed) and 20 at
  // 3 s (2 informed); the broadcast's latest event is at 2.5 s.
  const scenario = validate({
    name: 'merge', peers: { count: 100 }, network: { latency: '100ms' },
    failures: [{ at: '700ms', fraction: 0.1 }, { at: '3s', fraction: 0.2 }],
    workload: { broadcasts: [{ protocol: 'flood', origin: 0 }] },
  });
  const downs: DownLogData = { time: [0.7, 3], tie: [1, 2], peers: [10, 20], informed: [[1, 2]] };
  const share = (entries: Array<[number, number, number]>, pending: number, end: [number, number]): BroadcastShare => ({
    phase: Phase.Running, origin: 0, round: 0, ticking: false, messages: 4, duplicates: 0, lost: 0, dropped: 0,
    synced: 0, pending, endTime: end[0], endTie: end[1], log: log(entries),
  });
  const shares = (pending: number) => [
    [share([[0, 0, 0], [1, 2 ** 29 + 5, 7]], pending, [1, 2 ** 29 + 5])],
    [share([[0.5, 2 ** 29 + 1, 60], [2, 2 ** 30 + 3, 61]], 0, [2.5, 2 ** 30 + 9])],
  ];

  it('takes the peers down before an informing off the timeline, and before the end off reached and alive', () => {
    const [r] = mergeBroadcasts(scenario, shares(0), downs);
    expect(r.ended).toBe(true);
    expect(r.timeline).toEqual({ time: [0, 0.5, 1, 2], informed: [1, 2, 2, 3] });
    // the crash at 3 s came after the broadcast's latest event (2.5 s): its result is frozen before it
    expect([r.reachedEver, r.reached, r.alive]).toEqual([4, 3, 90]);
  });

  it('counts every crash for a broadcast still going at the end of the run', () => {
    const [r] = mergeBroadcasts(scenario, shares(1), downs);
    expect(r.ended).toBe(false);
    expect([r.reachedEver, r.reached, r.alive]).toEqual([4, 1, 70]);
  });

  it('without failures every informed peer is reached and every peer alive', () => {
    const [r] = mergeBroadcasts(scenario, shares(0), null);
    expect([r.reachedEver, r.reached, r.alive]).toEqual([4, 4, 100]);
    expect(r.timeline).toEqual({ time: [0, 0.5, 1, 2], informed: [1, 2, 3, 4] });
  });
});

describe('DownLog', () => {
  it('counts the peers of one failure together, and per broadcast those that held it', () => {
    const d = new DownLog(2);
    const holds = (p: number) => (b: number) => (b === 0 ? p % 2 === 0 : p < 3);
    for (const p of [0, 1, 2, 3]) d.change(5, 1, 1, holds(p));
    d.change(5, 4, 1, holds(8));
    expect(d.data).toEqual({ time: [5, 5], tie: [1, 4], peers: [4, 1], informed: [[2, 1], [3, 0]] });
  });

  it('counts a trace step\'s peers net: those it took down less those it brought back up', () => {
    const d = new DownLog(2);
    const holds = (p: number) => (b: number) => (b === 0 ? p % 2 === 0 : p < 3);
    d.change(0, -1, 7, () => false);
    d.change(6, 2, 1, holds(0));
    d.change(6, 2, -1, holds(1));
    d.change(6, 2, -1, holds(4));
    expect(d.data).toEqual({ time: [0, 6], tie: [-1, 2], peers: [7, -1], informed: [[0, 0], [0, 0]] });
  });
});

describe('TimelineStream', () => {
  it('builds, window by window, the timeline of all partitions\' informings in time order', () => {
    // Two partitions in one thread: each writes its window's times, publishes how many, and
    // partition 0 merges; equal times across partitions are frequent (coarse times).
    const buffers = TimelineStream.allocate(1, 2, 50_000);
    const parts = [new TimelineStream(buffers, 1, 0, 2), new TimelineStream(buffers, 1, 1, 2)];
    const streamed = new Timeline(), expected = new Timeline();
    const all: number[] = [];
    let x = 3;
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let w = 0; w < 40; w++) {
      for (const p of parts) {
        const times = Array.from({ length: Math.floor(rand() * 6000) }, () => w + Math.floor(rand() * 8) / 8).sort((a, b) => a - b);
        for (const t of times) { p.push(0, t); all.push(t); }
      }
      const counts = parts.map((p) => p.entries(0));
      for (const p of parts) p.flip();
      parts[0].merge(0, streamed, (i) => counts[i]);
    }
    all.sort((a, b) => a - b).forEach((t, k) => expected.offer(t, k + 1));
    expect(all.length).toBeGreaterThan(100_000); // windows past a buffer's first 4,096 entries: it grows
    expect(streamed.toJSON()).toEqual(expected.toJSON());
    expect(streamed.state()).toEqual(expected.state());
  });
});

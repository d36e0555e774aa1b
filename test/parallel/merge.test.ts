import { describe, expect, it } from 'vitest';
import { kthTime, mergeLogs } from '../../sim/parallel/merge';
import type { InformLogData } from '../../sim/parallel/protocol';

function log(entries: Array<[time: number, tie: number, peer: number]>): InformLogData {
  return {
    length: entries.length,
    maxRound: 0,
    lastRound: 0,
    time: Float64Array.from(entries.map((e) => e[0])),
    tie: Float64Array.from(entries.map((e) => e[1])),
    peer: Int32Array.from(entries.map((e) => e[2])),
    from: new Int32Array(entries.length).fill(-1),
  };
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
    }
  });
});

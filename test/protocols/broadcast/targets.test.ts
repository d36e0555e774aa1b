/**
 * Gossip partners: uniform targets are distinct live peers other than the chooser, spread
 * evenly (from the live snapshot where the picker reads global knowledge); neighbour
 * targets are distinct neighbours, each subset equally likely. Counts are checked against
 * their expectation within 5 binomial standard deviations.
 */
import { describe, expect, it } from 'vitest';
import { PeerStreams } from '../../../sim/engine/random';
import { TargetPicker } from '../../../sim/protocols/broadcast/targets';
import { PeerTable } from '../../../sim/run/peers';
import { LiveSnapshot } from '../../../sim/dynamics/knowledge';
import { graphOf } from '../../helpers/context';
import { Graph } from '../../../sim/overlay/graph';

/**
 * 20,000 draws of 3 targets by peer 0 (`draw` returns how many): each time 3 distinct ones,
 * never one of `never`, and each of the other 16 ids within 5 binomial standard deviations
 * of its expected count.
 */
function expectEvenDraws(picker: TargetPicker, draw: () => number, never: number[]): void {
  const n = 20, hits = new Array<number>(n).fill(0);
  const draws = 20_000;
  for (let i = 0; i < draws; i++) {
    const k = draw();
    expect(k).toBe(3);
    const chosen = Array.from(picker.out.subarray(0, k));
    expect(new Set(chosen).size).toBe(3);
    for (const q of chosen) hits[q]++;
  }
  expect(never.map((p) => hits[p])).toEqual(never.map(() => 0));
  const expected = (draws * 3) / (n - never.length), sd = Math.sqrt(expected * (1 - 3 / (n - never.length)));
  for (let p = 0; p < n; p++) if (!never.includes(p)) expect(Math.abs(hits[p] - expected)).toBeLessThan(5 * sd);
}

describe('TargetPicker.uniform', () => {
  it('picks distinct live peers other than itself, evenly', () => {
    const n = 20;
    const peers = new PeerTable(n);
    for (const p of [3, 7, 11]) peers.setAlive(p, false);
    const picker = new TargetPicker(peers, new Graph(n), new PeerStreams(1, 'test', n));
    expectEvenDraws(picker, () => picker.uniform(0, 3), [0, 3, 7, 11]);
  });

  it('returns fewer targets when fewer other peers are alive, and none when alone', () => {
    const peers = new PeerTable(3);
    const picker = new TargetPicker(peers, new Graph(3), new PeerStreams(1, 'test', 3));
    expect(picker.uniform(0, 5)).toBe(2);
    peers.setAlive(1, false);
    peers.setAlive(2, false);
    expect(picker.uniform(0, 1)).toBe(0);
  });
});

describe('TargetPicker.knownUniform', () => {
  it('draws from the live snapshot where it has one: peers down since are still drawn, peers up since are not', () => {
    const n = 20;
    const peers = new PeerTable(n);
    for (const p of [3, 7, 11]) peers.setAlive(p, false);
    const snapshot = new LiveSnapshot(peers);
    snapshot.rebuild();
    expect(snapshot.liveCount).toBe(17);
    // Since the rebuild: 3 came back, 5 and 6 went down.
    peers.setAlive(3, true);
    peers.setAlive(5, false);
    peers.setAlive(6, false);
    const picker = new TargetPicker(peers, new Graph(n), new PeerStreams(1, 'test', n), () => snapshot);
    // 16 candidates, 5 and 6 among them; 3 is not one.
    expectEvenDraws(picker, () => picker.knownUniform(0, 3), [0, 3, 7, 11]);
    // A peer down at the rebuild (3, now back) draws among all the others the snapshot shows.
    expect(picker.knownUniform(3, 20)).toBe(17);
    // Without a snapshot, the live peers now.
    const now = new TargetPicker(peers, new Graph(n), new PeerStreams(1, 'test', n));
    expect(now.knownUniform(0, 20)).toBe(peers.aliveCount - 1);
    expect(Array.from(now.out.subarray(0, 20)).filter((q) => peers.alive[q] !== 1)).toEqual([]);
  });
});

describe('TargetPicker.neighbours', () => {
  const star = graphOf(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]]);

  it('returns every neighbour when fanout >= degree', () => {
    const picker = new TargetPicker(new PeerTable(6), star, new PeerStreams(1, 'test', 6));
    expect(picker.neighbours(0, 5)).toBe(5);
    expect(Array.from(picker.out.subarray(0, 5)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(picker.neighbours(3, 2)).toBe(1);
    expect(picker.out[0]).toBe(0);
  });

  it('draws each 2-subset of 5 neighbours equally often (selection sampling)', () => {
    const picker = new TargetPicker(new PeerTable(6), star, new PeerStreams(2, 'test', 6));
    const counts = new Map<string, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      expect(picker.neighbours(0, 2)).toBe(2);
      const key = Array.from(picker.out.subarray(0, 2)).sort().join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    const expected = draws / 10, sd = Math.sqrt(expected * 0.9);
    for (const c of counts.values()) expect(Math.abs(c - expected)).toBeLessThan(5 * sd);
  });
});

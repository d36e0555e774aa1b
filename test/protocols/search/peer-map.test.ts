/** PeerMap: an open-addressing map peer → integer; checked against a Map over random operations. */
import { describe, expect, it } from 'vitest';
import { PeerMap } from '../../../sim/protocols/search/peer-map';
import { NamedStream } from '../../../sim/engine/random';

describe('PeerMap', () => {
  it('agrees with a Map through growth, overwrites and clears', () => {
    const rng = new NamedStream(1, 'peer-map');
    const map = new PeerMap(4);
    let ref = new Map<number, number>();
    for (let step = 0; step < 20000; step++) {
      const peer = rng.int(5000);
      const value = rng.int(1 << 30);
      const op = rng.next();
      if (op < 0.45) {
        expect(map.set(peer, value)).toBe(!ref.has(peer));
        ref.set(peer, value);
      } else if (op < 0.9) {
        expect(map.add(peer, value)).toBe(!ref.has(peer));
        if (!ref.has(peer)) ref.set(peer, value);
      } else if (op < 0.9995) {
        expect(map.get(peer)).toBe(ref.get(peer) ?? -1);
        expect(map.has(peer)).toBe(ref.has(peer));
      } else {
        map.clear();
        ref = new Map();
      }
      expect(map.size).toBe(ref.size);
    }
    for (const [peer, value] of ref) expect(map.get(peer)).toBe(value);
  });

  it('stores values up to 2^53 and lists its peers', () => {
    const map = new PeerMap();
    map.set(5, 2 ** 53 - 1);
    map.set(9, 0);
    expect(map.get(5)).toBe(2 ** 53 - 1);
    const peers: number[] = [];
    map.forEachPeer((p) => peers.push(p));
    expect(peers.sort((a, b) => a - b)).toEqual([5, 9]);
  });

  it('stores peer 0 and large ids', () => {
    const map = new PeerMap();
    map.set(0, 7);
    map.set(16_000_000, 8);
    expect(map.get(0)).toBe(7);
    expect(map.get(16_000_000)).toBe(8);
    expect(map.get(1)).toBe(-1);
  });
});

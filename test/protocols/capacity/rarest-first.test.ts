import { describe, expect, it } from 'vitest';
import { hasWanted, lastWordMask, pickRarest } from '../../../sim/protocols/capacity/rarest-first.js';

// Two peers, 40 chunks (2 words each): peer p's word w is at p·2 + w.
const words = 2;
const mask = lastWordMask(40);

function bits(...chunks: number[]): [number, number] {
  const w: [number, number] = [0, 0];
  for (const c of chunks) w[c >>> 5] = (w[c >>> 5] | (1 << (c & 31))) >>> 0;
  return w;
}

describe('rarest-first chunk choice', () => {
  it('masks the chunks beyond the last', () => {
    expect(lastWordMask(40)).toBe(0xff);
    expect(lastWordMask(64)).toBe(0xffffffff);
  });

  it('offers only chunks the uploader holds and the receiver neither holds nor receives', () => {
    const have = Uint32Array.from([...bits(1, 5, 33), ...bits(5)]);
    const pending = Uint32Array.from([...bits(), ...bits(1)]);
    const counts = new Uint16Array(80);
    // peer 0 -> peer 1: 1 is pending, 5 held: only 33 is wanted
    expect(hasWanted(have, pending, words, mask, 0, 1)).toBe(true);
    expect(pickRarest(have, pending, words, mask, 0, 1, counts, 40, 7)).toBe(33);
    // peer 1 -> peer 0: peer 1 holds only 5, which peer 0 has
    expect(hasWanted(have, pending, words, mask, 1, 0)).toBe(false);
    expect(pickRarest(have, pending, words, mask, 1, 0, counts, 0, 7)).toBe(-1);
  });

  it('picks the chunk with the smallest count in the receiver\'s row', () => {
    const have = Uint32Array.from([...bits(2, 3, 34, 39), ...bits()]);
    const pending = new Uint32Array(4);
    const counts = new Uint16Array(80);
    // receiver 1's counts start at 40: chunk 34 is the rarest there
    counts[40 + 2] = 5; counts[40 + 3] = 4; counts[40 + 34] = 1; counts[40 + 39] = 3;
    expect(pickRarest(have, pending, words, mask, 0, 1, counts, 40, 123)).toBe(34);
  });

  it('lets the server (-1) offer every chunk but never one beyond the last', () => {
    const have = Uint32Array.from([...bits(), ...bits(...Array.from({ length: 39 }, (_, i) => i))]);
    const pending = new Uint32Array(4);
    const copies = new Int32Array(40);
    expect(hasWanted(have, pending, words, mask, -1, 1)).toBe(true);
    expect(pickRarest(have, pending, words, mask, -1, 1, copies, 0, 1)).toBe(39);
    have[3] |= 1 << 7; // peer 1 now holds chunk 39: nothing left to want
    expect(hasWanted(have, pending, words, mask, -1, 1)).toBe(false);
  });

  it('breaks ties evenly: over many salts every equally rare chunk is chosen about as often', () => {
    // 8 candidates with equal counts; 8,000 salts: each expected 1,000 times. A binomial
    // count has sd sqrt(8000·1/8·7/8) ≈ 29.6; 6 sd = 178 is the tolerance.
    const have = Uint32Array.from([...bits(0, 4, 9, 17, 22, 31, 32, 38), ...bits()]);
    const pending = new Uint32Array(4);
    const counts = new Uint16Array(80).fill(2);
    const hits = new Map<number, number>();
    for (let salt = 0; salt < 8000; salt++) {
      const c = pickRarest(have, pending, words, mask, 0, 1, counts, 40, Math.imul(salt, 0x2545f491) >>> 0);
      hits.set(c, (hits.get(c) ?? 0) + 1);
    }
    expect([...hits.keys()].sort((a, b) => a - b)).toEqual([0, 4, 9, 17, 22, 31, 32, 38]);
    for (const k of hits.values()) expect(Math.abs(k - 1000)).toBeLessThan(178);
  });
});

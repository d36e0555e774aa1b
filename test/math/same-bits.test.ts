/**
 * Any speed-up of ln, exp or cos must leave every output bit as it is. SHA-256 digests of
 * their outputs on fixed inputs, recorded at f98d0b8 (issue 24), pin them (they held for the
 * fast paths tried in issue-24b); GOSSIPSIM_MATH_DIGESTS=1 prints them.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cos, exp, ln } from '../../sim/math/strict.js';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function fromWords(hi: number, lo: number): number {
  U32[HI] = hi >>> 0;
  U32[1 - HI] = lo >>> 0;
  return F64[0];
}

/** x moved by `d` units in its low word (a few ulps either way). */
function nudge(x: number, d: number): number {
  F64[0] = x;
  U32[1 - HI] = (U32[1 - HI] + d) >>> 0;
  return F64[0];
}

/** xorshift32 (integer operations only): raw words and a uniform in [0, 1) from 53 bits. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next32 = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  return { next32, u: () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992 };
}

const EDGES = [0, Infinity, NaN, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1, 2, 0.5, Math.PI / 2, Math.PI,
  fromWords(0x40862e42, 0xfefa39ef), fromWords(0xc0874910, 0xd52d3051), 709.436, -707.7, -708.39, fromWords(0x3e300000, 0),
  fromWords(0x3fd62e42, 0xfefa39ef), fromWords(0x3ff0a2b2, 0x3f3bab73), fromWords(0x3fe921fb, 0x54442d18), fromWords(0x3e46a09e, 0),
  fromWords(0x413921fb, 0), 1 + 2 ** -20, 1 - 2 ** -20, fromWords(0x3ff6147a, 0), fromWords(0x3ff6b851, 0)];

/** The inputs for one function: edges ± 64 ulps, every exponent, then `perRange` draws from each range. */
function inputs(fn: 'ln' | 'exp' | 'cos', perRange: number): Float64Array {
  const { next32, u } = generator(fn === 'ln' ? 1 : fn === 'exp' ? 2 : 3);
  const xs: number[] = [];
  for (const e of EDGES) for (let d = -64; d <= 64; d++) xs.push(nudge(e, d), -nudge(e, d));
  for (let h = 0; h < 0x1000; h++) for (const m of [0, 0x80000, 0xfffff]) for (const lo of [0, 1, 0xffffffff]) xs.push(fromWords((h << 20) | m, lo));
  const ranges: Record<typeof fn, Array<() => number>> = {
    ln: [() => fromWords(next32(), next32()), () => 1 - u(), u, () => u() * 1e6, () => 1 + (u() - 0.5) * 2 ** -18,
      () => u() * 2.2250738585072014e-308, () => 40 * u() * u() * u()],
    exp: [() => fromWords(next32(), next32()), () => -40 * u(), () => (u() - 0.5) * 1490, () => (u() - 0.5) * 6,
      () => (u() - 0.5) * 2 ** -26, () => 707 + 3 * u(), () => -707 - 39 * u()],
    cos: [() => fromWords(next32(), next32()), () => 2 * Math.PI * u(), () => (u() - 0.5) * 2e6, () => (1 + 0.1 * u()) * 1647099,
      () => nudge((1 + Math.floor(u() * 600000)) * (Math.PI / 2), Math.floor(u() * 64) - 32), () => 0.8 * u()],
  };
  for (const draw of ranges[fn]) for (let i = 0; i < perRange; i++) xs.push(draw());
  return Float64Array.from(xs);
}

/** SHA-256 of f's outputs (every NaN written as the same NaN: only its being NaN is specified). */
function digest(f: (x: number) => number, xs: Float64Array): string {
  const out = new Float64Array(xs.length);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < xs.length; i++) {
    const y = f(xs[i]);
    if (Number.isNaN(y)) { words[2 * i + HI] = 0x7ff80000; words[2 * i + 1 - HI] = 0; } else out[i] = y;
  }
  return createHash('sha256').update(new Uint8Array(out.buffer)).digest('hex');
}

// Recorded with main at f98d0b8 (before the fast paths), 100,000 inputs per range.
const RECORDED: Record<'ln' | 'exp' | 'cos', string> = {
  ln: 'f5ceac47af0c7b1e50daad6199a918458131412218f6c7637cc0e5984c8e1ddd',
  exp: 'e8c22ecfe4e5e23a25eb557d8bf58e083dfd388a15464334bc0fa21957bf64da',
  cos: '6998c9ebdbb75687bbbe8f2dc5664ded494caf4f77f9da5f2b81895f8301c2d8',
};

describe('ln, exp and cos give the bits recorded at f98d0b8', () => {
  for (const [name, f] of [['ln', ln], ['exp', exp], ['cos', cos]] as const) {
    it(`${name}: ${inputs(name, 0).length.toLocaleString('en-US')} edge inputs and 100,000 per range`, () => {
      const xs = inputs(name, 100_000);
      const d = digest(f, xs);
      if (process.env.GOSSIPSIM_MATH_DIGESTS) console.log(`${name}: '${d}',`);
      expect(d).toBe(RECORDED[name]);
    });
  }
});

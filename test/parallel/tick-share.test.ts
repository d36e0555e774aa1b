/**
 * Controller-event work (round ticks) shared out among threads: every chunk of every tick goes to exactly one
 * thread, whatever the interleaving, and each thread sees the end of each tick once.
 * (Threads are simulated here by instances over one buffer, called in a seeded order;
 * test/parallel/run-parallel.test.ts checks real workers against one thread.)
 */
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../sim/engine/random';
import { Barrier } from '../../sim/parallel/barrier';
import { CHUNK_WORDS, TickShare } from '../../sim/parallel/tick-share';

describe('TickShare', () => {
  for (const threads of [2, 3, 5]) {
    it(`${threads} threads, 20 ticks of two broadcasts: each chunk taken once per tick`, () => {
      const buffer = TickShare.allocate(2);
      const shares = Array.from({ length: threads }, () => new TickShare(buffer, 2, threads));
      const rng = new NamedStream(threads, 'test/tick-share');
      for (let tick = 0; tick < 20; tick++) {
        for (const id of [0, 1]) {
          const words = id === 0 ? 10 * CHUNK_WORDS + 7 : CHUNK_WORDS; // 11 chunks (last one short), 1 chunk
          const chunks = Math.ceil(words / CHUNK_WORDS);
          const taken: number[] = [];
          const done = new Array<boolean>(threads).fill(false);
          while (done.includes(false)) {
            const t = Math.floor(rng.next() * threads);
            if (done[t]) continue;
            const w = shares[t].nextChunk(id, words);
            if (w < 0) done[t] = true;
            else taken.push(w);
          }
          expect(taken.sort((x, y) => x - y)).toEqual(Array.from({ length: chunks }, (_, i) => i * CHUNK_WORDS));
        }
      }
      expect(shares.reduce((s, x) => s + x.taken, 0)).toBe(20 * (11 + 1));
    });
  }

  it('settle waits at the barrier only after a tick was shared out', () => {
    const share = new TickShare(TickShare.allocate(1), 1, 1);
    const barrier = new Barrier(Barrier.allocate(), 1);
    expect(share.settle(barrier)).toBe(false);
    expect(share.nextChunk(0, 5)).toBe(0);
    expect(share.nextChunk(0, 5)).toBe(-1);
    expect(share.settle(barrier)).toBe(true);
    expect(share.settle(barrier)).toBe(false);
  });
});

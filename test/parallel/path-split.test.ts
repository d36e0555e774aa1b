/**
 * The split path-length BFS (each worker advancing every search for its own peers) gives
 * the sums of the one-thread BFS. Here with one part (its sweeps and both directions);
 * split among 2 and 3 real workers in run-parallel.test.ts (20,000 peers, 64 sources).
 */
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../sim/engine/random';
import { pathLengthSources, pathLengthSums } from '../../sim/metrics/path-length';
import { buildOverlay } from '../../sim/overlay/build';
import { allocateSplitBfs, splitPathSums } from '../../sim/parallel/path-split';
import { validate } from '../../sim/scenario/validate';

describe('splitPathSums', () => {
  it('sums the hops of every BFS from 1 to 64 sources as the one-thread BFS does, alive peers only', () => {
    for (const [model, n, degree] of [['random-regular', 6000, 6], ['erdos-renyi', 5000, 3], ['barabasi-albert', 4000, 2]] as const) {
      const { overlay } = validate({ name: 's', peers: { count: n }, overlay: { model, degree } });
      const graph = buildOverlay(overlay, n, new NamedStream(5, 'overlay'));
      const alive = new Uint8Array(n).fill(1);
      for (let p = 0; p < n; p += 7) alive[p] = 0;
      for (const mask of [null, alive]) {
        for (const sources of [1, 31, 33, 64]) {
          const from = pathLengthSources(graph, { alive: mask, rng: new NamedStream(sources, 'm'), sources }).from;
          const split = splitPathSums(graph, mask, from, 0, 1, allocateSplitBfs(n, 1), () => {});
          expect(split, `${model} ${sources} sources`).toEqual(pathLengthSums(graph, mask, from));
          expect(split.pairs).toBeGreaterThan(0);
        }
      }
    }
  });

  it('refuses more than 64 sources', () => {
    const graph = buildOverlay(validate({ name: 's', peers: { count: 100 } }).overlay, 100, new NamedStream(1, 'overlay'));
    expect(() => splitPathSums(graph, null, new Int32Array(65), 0, 1, allocateSplitBfs(100, 1), () => {})).toThrow(/65 BFS sources/);
  });
});

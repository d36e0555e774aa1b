/**
 * The overlay summary's path-length BFS shared out to workers: the shares cover the
 * sources once, and their sums add up to the one-thread result exactly.
 */
import { describe, expect, it } from 'vitest';
import { NamedStream } from '../../sim/engine/random';
import { meanPathLength, pathLengthResult, pathLengthSources, pathLengthSums } from '../../sim/metrics/path-length';
import { buildOverlay } from '../../sim/overlay/build';
import { Barrier, BarrierAborted } from '../../sim/parallel/barrier';
import { PathJob } from '../../sim/parallel/path-job';
import { validate } from '../../sim/scenario/validate';

describe('PathJob', () => {
  it('splits the sources into contiguous shares whose sums add up to the one-thread mean, exactly', () => {
    const n = 5000;
    const scenario = validate({ name: 'p', peers: { count: n }, overlay: { model: 'erdos-renyi', degree: 5 } });
    const graph = buildOverlay(scenario.overlay, n, new NamedStream(3, 'overlay'));
    const sources = pathLengthSources(graph, { rng: new NamedStream(3, 'metrics') });
    expect(sources.exact).toBe(false);
    expect(sources.from.length).toBe(64);
    const one = meanPathLength(graph, { rng: new NamedStream(3, 'metrics') });
    const barrier = new Barrier(Barrier.allocate(), 1);
    for (const parts of [2, 3, 7]) {
      const buffer = PathJob.allocate(100);
      new PathJob(buffer).publish(sources.from);
      const shares = Array.from({ length: parts }, (_, i) => PathJob.share(new PathJob(buffer).all(barrier), i, parts));
      expect(shares.map((s) => s.length).reduce((a, b) => a + b)).toBe(64);
      expect(Array.from(shares.flatMap((s) => Array.from(s)))).toEqual(Array.from(sources.from));
      let total = 0, pairs = 0;
      for (const s of shares) {
        const sums = pathLengthSums(graph, null, s);
        total += sums.total;
        pairs += sums.pairs;
      }
      expect(pathLengthResult({ total, pairs }, sources)).toEqual(one);
    }
  });

  it('a worker waiting for sources gives up when the main thread cancels or the run is aborted', () => {
    const barrier = new Barrier(Barrier.allocate(), 2);
    const cancelled = new PathJob(PathJob.allocate(4));
    cancelled.cancel();
    expect(() => cancelled.all(barrier)).toThrow(BarrierAborted);
    barrier.abort();
    expect(() => new PathJob(PathJob.allocate(4)).all(barrier)).toThrow(BarrierAborted);
  });

  it('refuses more sources than it has room for', () => {
    expect(() => new PathJob(PathJob.allocate(2)).publish(new Int32Array(3))).toThrow(/3 BFS sources, room for 2/);
  });
});

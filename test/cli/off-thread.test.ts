/**
 * The `gossipsim` executable runs a one-thread `run` on a worker thread (so that Ctrl-C stops
 * it at once, sim/cli/interrupt.ts); its results file must be the recorded golden one.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gossipsim, ROOT, tempDir } from '../helpers/cli';
import { stringifyResults, withoutWallClock } from '../../sim/run/serialize';

describe('run off the main thread', () => {
  for (const name of ['search-and-data', 'churn-and-sampling']) {
    it(`gives the golden results of ${name}`, () => {
      const dir = tempDir();
      const r = gossipsim(['run', join(ROOT, 'test', 'golden', 'scenarios', `${name}.yaml`), '--quiet', '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')]);
      expect(r.code, r.stderr).toBe(0);
      const got = stringifyResults(withoutWallClock(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))));
      expect(got).toBe(readFileSync(join(ROOT, 'test', 'golden', 'results', `golden--${name}.json`), 'utf8'));
    });
  }
  it('gives the golden results of a trace replay (the worker gets the trace loaded by the main thread)', () => {
    const dir = tempDir();
    const r = gossipsim(['run', join(ROOT, 'scenarios', 'trace-replay.yaml'), '--quiet', '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')]);
    expect(r.code, r.stderr).toBe(0);
    const got = stringifyResults(withoutWallClock(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))));
    expect(got).toBe(readFileSync(join(ROOT, 'test', 'golden', 'results', 'scenarios--trace-replay.json'), 'utf8'));
  });
});

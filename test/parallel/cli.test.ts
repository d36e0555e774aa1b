/**
 * `gossipsim run --workers N` from the command line (built CLI): the same results file as
 * --workers 1, and a note on stderr (not with --quiet) when the run stays on one thread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutWallClock } from '../../sim/run/serialize';
import { gossipsim, tempDir } from '../helpers/cli';

const dir = tempDir('gossipsim-parallel-');
function scenarioFile(name: string, latency: string, peers = 3000): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, [
    `name: ${name}`,
    'seed: 4',
    'duration: 1min',
    `peers: { count: ${peers} }`,
    `network: { latency: ${latency}, loss: 0.05 }`,
    'overlay: { model: random-regular, degree: 6 }',
    'workload:',
    '  broadcasts:',
    '    - { protocol: push-pull, targets: neighbours, period: 1s }',
    '    - { at: 20s, protocol: flood }',
  ].join('\n'));
  return file;
}
const resultsOf = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('gossipsim run --workers', () => {
  it('writes the same results with 1 and 2 workers, the latter on 2 threads', () => {
    const file = scenarioFile('split', '{ dist: uniform, min: 20ms, max: 200ms }');
    const outs = [1, 2].map((w) => {
      const json = join(dir, `split-${w}.json`);
      const r = gossipsim(['run', file, '--workers', String(w), '--json', json, '--out', join(dir, `split-${w}.html`), '--quiet']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      return resultsOf(json);
    });
    expect(outs[1].engine.workers).toBe(2);
    expect(JSON.stringify(withoutWallClock(outs[1]))).toBe(JSON.stringify(withoutWallClock(outs[0])));
  });

  it('says on stderr when a run has more threads than the machine has cores', () => {
    const cores = availableParallelism();
    // At least 32 peers a thread, so that all of them are used.
    const file = scenarioFile('many', '{ dist: uniform, min: 20ms, max: 200ms }', Math.max(3000, 64 * (cores + 1)));
    const r = gossipsim(['run', file, '--workers', String(cores + 1), '--out', join(dir, 'many.html')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: --workers ${cores + 1}: ${cores + 1} threads on ${cores} cores`);
    // the summary says how many threads the run used
    expect(r.stdout).toMatch(new RegExp(`events in [\\d.]+ s wall on ${cores + 1} threads, `));
    const fits = gossipsim(['run', file, '--workers', String(Math.min(2, cores)), '--out', join(dir, 'many.html')]);
    expect(fits.stderr).not.toContain('threads on');
  });

  it('says on stderr why a scenario with zero minimum latency runs on one thread', () => {
    const file = scenarioFile('zero-latency', '{ dist: exponential, mean: 80ms }');
    const json = join(dir, 'zero.json');
    const r = gossipsim(['run', file, '--workers', '2', '--json', json, '--out', join(dir, 'zero.html')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: --workers 2: .*no lookahead.*ran on one thread/);
    expect(r.stdout).toMatch(/events in [\d.]+ s wall, /);
    expect(resultsOf(json).engine.workers).toBe(1);
    const quiet = gossipsim(['run', file, '--workers', '2', '--out', join(dir, 'zero.html'), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

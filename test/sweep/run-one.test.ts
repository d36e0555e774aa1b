/**
 * A sweep task given the files its scenario names (a churn trace) replays what the sweep
 * validated and reads no file; a trace sweep gives the same results whatever --workers is
 * (the pool's workers and the one serial worker are posted the parsed trace).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gossipsim, tempDir } from '../helpers/cli';
import { filesForWorker } from '../../sim/scenario/input-files';
import { loadScenarioText } from '../../sim/scenario/load';
import { runSweepTask } from '../../sim/sweep/run-one';
import { withoutWallClock } from '../../sim/run/serialize';

const SCENARIO = `name: trace sweep
seed: 5
duration: 60
overlay: { model: random-regular, degree: 3 }
churn: { trace: sessions.csv, sync: true }
workload:
  broadcasts:
    - { at: 5, count: 3, every: 15, protocol: push-pull, period: 1, maxRounds: 10, targets: neighbours }
metrics: { sample: 5 }
`;
/** Twelve peers, each online twice with a gap, over 60 s. */
const TRACE = 'peer,start,end\n' + [
  ...Array.from({ length: 12 }, (_, i) => `p${i},${i},${20 + 2 * i}`),
  ...Array.from({ length: 12 }, (_, i) => `p${i},${45 + i},${70 + i}`),
].join('\n') + '\n';

describe('sweep tasks and their files', () => {
  it('a task given the parsed trace runs without reading it, with the results of one that reads it', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, SCENARIO);
    writeFileSync(join(dir, 'sessions.csv'), TRACE);
    const read = runSweepTask({ text: SCENARIO, file, sets: [], seed: 9 });
    expect(read.metrics['churn.leaves']).toBeGreaterThan(0);
    const files = filesForWorker(loadScenarioText(SCENARIO, file));
    rmSync(join(dir, 'sessions.csv'));
    expect(() => runSweepTask({ text: SCENARIO, file, sets: [], seed: 9 })).toThrow(/cannot read the trace file: no such file/);
    const given = runSweepTask({ text: SCENARIO, file, sets: [], seed: 9, files });
    expect(given.metrics).toEqual(read.metrics);
  });

  it('a sweep over a trace gives identical results with --workers 1 and 2', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, SCENARIO);
    writeFileSync(join(dir, 'sessions.csv'), TRACE);
    const common = ['sweep', file, '--vary', 'churn.traceScale=1,0.5', '--replicates', '2', '--quiet'];
    const results = ['1', '2'].map((w) => {
      const r = gossipsim([...common, '--workers', w, '--json', join(dir, `w${w}.json`), '--out', join(dir, `w${w}.html`)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return JSON.stringify(withoutWallClock(JSON.parse(readFileSync(join(dir, `w${w}.json`), 'utf8'))));
    });
    expect(results[1]).toBe(results[0]);
    const parsed = JSON.parse(results[0]);
    expect(parsed.points[0].metrics['churn.leaves'].mean).toBeGreaterThan(0);
  });
});

/**
 * examples/sweep-slurm.sh and merge-slurm.sh under a real SLURM: the array is submitted as
 * shipped (a small sweep through its documented variables, 3 slices through `--array`), from
 * an empty folder as in a fresh clone; the merge job is chained with --dependency=afterok. Its
 * results must equal one `sweep`'s, byte for byte apart from wall-clock figures.
 * Uses the cluster in SLURM_CONF when one answers, else starts scripts/slurm-local.sh (root);
 * skipped, with a message, where SLURM is not installed, unless GOSSIPSIM_REQUIRE_SLURM=1
 * (CI), where that is a failure. It leaves test-artifacts/slurm-test.ran for .ci/run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, gossipsim, ROOT, tempDir } from '../helpers/cli';
import { withoutWallClock } from '../../sim/run/serialize';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const installed = has('sbatch') && has('sinfo');
const required = process.env.GOSSIPSIM_REQUIRE_SLURM === '1';
const SKIP_MESSAGE = 'SLURM test skipped: sbatch/sinfo not found (install Debian\'s slurm-wlm and munge; see docs/cluster.md)';
if (!installed && !required) console.warn(SKIP_MESSAGE);

const SCENARIO = `name: Cluster sweep
seed: 11
duration: 20s
peers: { count: 200 }
network: { latency: 30ms }
overlay: { model: erdos-renyi, degree: 4 }
workload:
  broadcasts:
    - { at: 1s, protocol: push, forward: rounds, fanout: 1, period: 1s, maxRounds: 50 }
`;
const SWEEP = '--vary overlay.degree=2,4 --vary network.loss=0,0.1 --replicates 2';

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Every task's JobState of a job (an array job lists one per task). */
function jobStates(id: string, env: NodeJS.ProcessEnv): string[] {
  const r = spawnSync('scontrol', ['show', 'job', id], { env, encoding: 'utf8' });
  return [...r.stdout.matchAll(/JobState=(\S+)/g)].map((m) => m[1]);
}

function field(id: string, name: string, env: NodeJS.ProcessEnv): string[] {
  const r = spawnSync('scontrol', ['show', 'job', id], { env, encoding: 'utf8' });
  return [...r.stdout.matchAll(new RegExp(`\\b${name}=(\\S+)`, 'g'))].map((m) => m[1]);
}

async function waitFor(ids: string[], env: NodeJS.ProcessEnv, seconds: number): Promise<void> {
  const active = /^(PENDING|CONFIGURING|RUNNING|COMPLETING|REQUEUED|RESIZING|SUSPENDED)$/;
  for (let i = 0; i < seconds * 2; i++) {
    if (ids.every((id) => jobStates(id, env).every((s) => !active.test(s)))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`jobs ${ids.join(', ')} still running after ${seconds} s: ${ids.map((id) => jobStates(id, env).join(' ')).join('; ')}`);
}

describe('SLURM job array (examples/sweep-slurm.sh)', () => {
  let env: NodeJS.ProcessEnv = { ...process.env };
  let started: string | undefined;

  beforeAll(() => {
    if (!installed) return;
    // A cluster already answering (a user's, or the one .ci/run started) is used as it is.
    if (spawnSync('sinfo', ['-h'], { env }).status === 0) return;
    started = tempDir('gossipsim-slurm-');
    env = { ...process.env, GOSSIPSIM_SLURM_DIR: started, SLURM_CONF: join(started, 'slurm.conf') };
    sh(join(ROOT, 'scripts', 'slurm-local.sh'), ['start'], env);
  }, 120_000);

  afterAll(() => {
    if (started) sh(join(ROOT, 'scripts', 'slurm-local.sh'), ['stop'], env);
  });

  it.skipIf(!installed && !required)('runs the array from an empty folder, chains merge with afterok, and merges to one sweep\'s results', async () => {
    expect(installed, 'GOSSIPSIM_REQUIRE_SLURM=1 but sbatch/sinfo are not installed').toBe(true);
    const dir = tempDir('gossipsim-slurm-job-');
    const scenario = join(dir, 'cluster.yaml');
    writeFileSync(scenario, SCENARIO);
    const jobEnv = {
      ...env,
      GOSSIPSIM_SCENARIO: scenario,
      GOSSIPSIM_SWEEP: SWEEP,
      GOSSIPSIM: `${process.execPath} ${BIN}`,
    };
    // Submitted from `dir`, which has no results/ folder yet (the fresh-clone case).
    const array = sh('sbatch', ['--parsable', '--array=1-3', '--time=00:10:00', join(ROOT, 'examples', 'sweep-slurm.sh')], jobEnv, dir).trim().split(';')[0];
    const merge = sh('sbatch', ['--parsable', `--dependency=afterok:${array}`, join(ROOT, 'examples', 'merge-slurm.sh')], jobEnv, dir).trim().split(';')[0];
    await waitFor([array, merge], jobEnv, 300);

    const logs = readdirSync(dir).filter((f) => f.endsWith('.out')).sort();
    const logText = logs.map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');
    expect(jobStates(array, jobEnv), logText).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(jobStates(merge, jobEnv), logText).toEqual(['COMPLETED']);
    expect(logs).toEqual([`slurm-gossipsim-merge-${merge}.out`, ...[1, 2, 3].map((k) => `slurm-gossipsim-sweep-${array}_${k}.out`)]);
    // Cluster logs: one line per finished run (8 runs in all), none from the merge job.
    expect(logText.match(/^sweep: run \d+\/\d+ finished/gm)).toHaveLength(8);
    // afterok: the merge started only once every task had ended (times to the second).
    const ends = field(array, 'EndTime', jobEnv);
    const mergeStart = field(merge, 'StartTime', jobEnv)[0];
    expect(ends).toHaveLength(3);
    for (const end of ends) expect(mergeStart >= end, `merge started ${mergeStart}, a task ended ${end}`).toBe(true);

    const one = gossipsim(['sweep', scenario, ...SWEEP.split(' '), '--quiet', '--json', join(dir, 'one.json'), '--out', join(dir, 'one.html')]);
    expect(one.code).toBe(0);
    const load = (f: string) => JSON.stringify(withoutWallClock(JSON.parse(readFileSync(f, 'utf8'))));
    expect(load(join(dir, 'results', 'results.json'))).toBe(load(join(dir, 'one.json')));
    expect(existsSync(join(dir, 'results', 'report.html'))).toBe(true);
    // No journal is left once a part is written.
    expect(readdirSync(join(dir, 'results')).sort()).toEqual(['part-1.json', 'part-2.json', 'part-3.json', 'report.html', 'results.json']);

    // A lost slice is rerun alone (GOSSIPSIM_SLICES=N with --array=K), then merged again.
    rmSync(join(dir, 'results', 'part-2.json'));
    const rerun = sh('sbatch', ['--parsable', '--array=2', join(ROOT, 'examples', 'sweep-slurm.sh')], { ...jobEnv, GOSSIPSIM_SLICES: '3' }, dir).trim().split(';')[0];
    const remerge = sh('sbatch', ['--parsable', `--dependency=afterok:${rerun}`, join(ROOT, 'examples', 'merge-slurm.sh')], jobEnv, dir).trim().split(';')[0];
    await waitFor([rerun, remerge], jobEnv, 300);
    expect([...jobStates(rerun, jobEnv), ...jobStates(remerge, jobEnv)]).toEqual(['COMPLETED', 'COMPLETED']);
    expect(existsSync(join(dir, 'results', 'part-2.json'))).toBe(true);
    expect(load(join(dir, 'results', 'results.json'))).toBe(load(join(dir, 'one.json')));

    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts', 'slurm-test.ran'), `array ${array}, merge ${merge}\n`);
  }, 400_000);
});

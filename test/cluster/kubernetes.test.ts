/**
 * The Kubernetes examples: each manifest is valid against the Kubernetes API schema
 * (kubernetes-models' validation of batch/v1 Job and v1 PersistentVolumeClaim), and what a
 * schema cannot see holds: completions equal the shard count, the 0-based completion index
 * maps to every 1-based --shard exactly once, and the parts land on the shared volume whose
 * files the merge Job reads. The containers' shell commands are run by a real `sh` with
 * `npx` replaced by a function that prints its arguments. No API server is run (see
 * docs/cluster.md for why).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { ROOT, tempDir } from '../helpers/cli';
import { parseShard } from '../../sim/sweep/plan';

const read = (name: string): unknown[] => {
  const docs = parseAllDocuments(readFileSync(join(ROOT, 'examples', name), 'utf8'));
  for (const d of docs) expect(d.errors, name).toEqual([]);
  return docs.map((d) => d.toJS());
};

const sweepJob = read('sweep-k8s-indexed-job.yaml') as IJob[];
const mergeJob = read('sweep-k8s-merge-job.yaml') as IJob[];
const volume = read('sweep-k8s-volume.yaml') as Array<{ kind: string; metadata: { name: string }; spec: { accessModes: string[] } }>;

/** The container's command as `sh -c` runs it, with `npx gossipsim ...` printing its arguments one a line. */
function argumentsOf(job: IJob, env: Record<string, string>): string[] {
  const container = job.spec!.template.spec!.containers[0];
  expect(container.command).toEqual(['/bin/sh', '-c']);
  expect(container.args).toHaveLength(1);
  const r = spawnSync('/bin/sh', ['-c', `npx() { shift; printf '%s\\n' "$@"; }\n${container.args![0]}`], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n');
}

const option = (args: string[], name: string): string => {
  const i = args.indexOf(name);
  expect(i, `${name} in ${args.join(' ')}`).toBeGreaterThanOrEqual(0);
  return args[i + 1];
};

describe('Kubernetes manifests (examples/sweep-k8s-*.yaml)', () => {
  it('are valid batch/v1 Jobs and a v1 PersistentVolumeClaim', () => {
    expect(sweepJob).toHaveLength(1);
    expect(mergeJob).toHaveLength(1);
    expect(volume).toHaveLength(1);
    for (const doc of [...sweepJob, ...mergeJob]) {
      expect(doc).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job' });
      expect(() => new Job(doc).validate()).not.toThrow();
    }
    expect(volume[0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
    expect(() => new PersistentVolumeClaim(volume[0] as never).validate()).not.toThrow();
  });

  it('the validation does reject what the API server would', () => {
    const broken = structuredClone(sweepJob[0]) as unknown as { spec: Record<string, unknown> };
    broken.spec.completions = '8';
    expect(() => new Job(broken as never).validate()).toThrow(/completions/);
    const noImage = structuredClone(mergeJob[0]);
    delete (noImage.spec!.template.spec!.containers[0] as { name?: string }).name;
    expect(() => new Job(noImage).validate()).toThrow(/name/);
  });

  it('runs N slices: completions = N, and index 0..N-1 maps to --shard 1/N..N/N, each once', () => {
    const spec = sweepJob[0].spec!;
    expect(spec.completionMode).toBe('Indexed');
    const n = spec.completions!;
    expect(n).toBeGreaterThan(1);
    const shards: string[] = [];
    for (let index = 0; index < n; index++) {
      const args = argumentsOf(sweepJob[0], { JOB_COMPLETION_INDEX: String(index) });
      expect(args[0]).toBe('sweep');
      const shard = parseShard(option(args, '--shard'));
      expect(shard).toEqual({ index: index + 1, count: n });
      shards.push(`${shard!.index}/${shard!.count}`);
      // A replaced pod continues its slice from the journal.
      expect(args).toContain('--resume');
    }
    expect(new Set(shards).size).toBe(n);
  });

  it('writes the parts to the shared volume, where the merge Job reads every one of them', () => {
    const claim = volume[0];
    expect(claim.spec.accessModes).toContain('ReadWriteMany');
    const mountOf = (job: IJob) => {
      const pod = job.spec!.template.spec!;
      const vol = pod.volumes!.find((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name);
      expect(vol, `a volume from claim ${claim.metadata.name}`).toBeDefined();
      const mount = pod.containers[0].volumeMounts!.find((m) => m.name === vol!.name);
      expect(mount).toBeDefined();
      return mount!.mountPath;
    };
    const sweepMount = mountOf(sweepJob[0]);
    const mergeMount = mountOf(mergeJob[0]);

    // Each pod's part, in a folder standing for the volume.
    const disk = tempDir('gossipsim-k8s-');
    const n = sweepJob[0].spec!.completions!;
    const parts: string[] = [];
    for (let index = 0; index < n; index++) {
      const json = option(argumentsOf(sweepJob[0], { JOB_COMPLETION_INDEX: String(index) }), '--json');
      expect(json.startsWith(`${sweepMount}/`), `${json} is on the volume mounted at ${sweepMount}`).toBe(true);
      const onDisk = join(disk, json.slice(sweepMount.length + 1));
      mkdirSync(join(onDisk, '..'), { recursive: true });
      writeFileSync(onDisk, '{}');
      parts.push(onDisk);
    }
    expect(new Set(parts).size).toBe(n);

    // The merge command's arguments, its globs expanded by the shell over that folder.
    const mergeArgs = argumentsOf(mergeJob[0], {}).map((a) => a.split(mergeMount).join(disk));
    const expanded = spawnSync('/bin/sh', ['-c', `printf '%s\\n' ${mergeArgs.join(' ')}`], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(expanded[0]).toBe('merge');
    const inputs = expanded.slice(1, expanded.indexOf('--json'));
    expect(inputs.sort()).toEqual([...parts].sort());
    expect(option(expanded, '--json').startsWith(`${disk}/`)).toBe(true);
  });
});

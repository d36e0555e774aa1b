/**
 * `gossipsim run` refuses a scenario too big for the machine before it starts (exit 2, one
 * paragraph with the estimate), and prints the engine's notes on stderr unless --quiet.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, STACK_LINE, tempDir } from '../helpers/cli';

function run(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(BIN)) throw new Error(`build first (npm run build): ${BIN} is missing`);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GOSSIPSIM_DEBUG: '', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const BIG = `name: Too big
peers: { count: 2000000 }
overlay: { model: random-regular, degree: 8 }
workload:
  broadcasts: { protocol: flood }
`;

const CYCLE = `name: Cycle with searches
engine: cycle
duration: 20s
peers: { count: 300 }
overlay: { degree: 4 }
data: { objects: 10 }
workload:
  broadcasts: { protocol: push-pull }
  searches: { count: 5, protocol: flood, ttl: 3 }
`;

describe('gossipsim run: memory guard', () => {
  it('refuses with exit 2 and one paragraph naming the estimate and the limit', () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, BIG);
    const r = run(['run', file, '--out', join(dir, 'r.html')], { GOSSIPSIM_MEMORY_LIMIT: '200MiB' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/big\.yaml: peers\.count: scenario needs about \d+ MiB \(2,000,000 peers × ~\d+ B\/peer/);
    expect(r.stderr).toContain('the limit is 200 MiB (GOSSIPSIM_MEMORY_LIMIT=200MiB)');
    expect(r.stderr).toContain('reduce peers.count');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('counts the threads of a split run: a limit one thread fits in refuses --workers 2', () => {
    const dir = tempDir();
    const file = join(dir, 'flood.yaml');
    // 50,000 peers: about 72 MiB estimated on one thread, about 101 MiB on two.
    writeFileSync(file, BIG.replace('2000000', '50000'));
    const env = { GOSSIPSIM_MEMORY_LIMIT: '90MiB' };
    const two = run(['run', file, '--workers', '2', '--quiet', '--out', join(dir, 'r2.html')], env);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/more thread/);
    expect(two.stderr).toContain('or --workers');
    expect(existsSync(join(dir, 'r2.html'))).toBe(false);
    const one = run(['run', file, '--workers', '1', '--quiet', '--out', join(dir, 'r1.html')], env);
    expect(one.code).toBe(0);
    expect(existsSync(join(dir, 'r1.html'))).toBe(true);
  });

  it('sweep: refuses, before any run, concurrent runs that would not fit, naming the largest point', () => {
    const dir = tempDir();
    const file = join(dir, 'flood.yaml');
    writeFileSync(file, BIG.replace('2000000', '1000'));
    // The 200,000-peer point needs about 93 MiB alone (runtime included); two at once
    // (--workers 2) about 170 MiB, one about 117 MiB.
    const args = ['sweep', file, '--vary', 'peers.count=1000,200000', '--replicates', '2', '--workers', '2', '--quiet', '--json', join(dir, 's.json')];
    const r = run(args, { GOSSIPSIM_MEMORY_LIMIT: '150MiB' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sweep needs about \d+ MiB \(2 runs at once, the largest point peers\.count=200000 needing about \d+ MiB alone\)/);
    expect(r.stderr).toContain('use fewer --workers');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(dir, 's.json'))).toBe(false);
    // One run at a time fits.
    const one = run([...args.slice(0, 4), '--replicates', '1', '--workers', '1', '--quiet', '--json', join(dir, 's.json'), '--out', join(dir, 's.html')], { GOSSIPSIM_MEMORY_LIMIT: '150MiB' });
    expect(one.code).toBe(0);
    expect(existsSync(join(dir, 's.json'))).toBe(true);
    expect(existsSync(join(dir, 's.html'))).toBe(true); // the report too, not in the project's reports/
  });

  it('a malformed GOSSIPSIM_MEMORY_LIMIT is bad input too (exit 2)', () => {
    const dir = tempDir();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, BIG);
    const r = run(['run', file], { GOSSIPSIM_MEMORY_LIMIT: 'plenty' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GOSSIPSIM_MEMORY_LIMIT');
  });
});

describe('gossipsim run: engine notes', () => {
  it('says on stderr which parts run event-driven under engine: cycle; --quiet silences it', () => {
    const dir = tempDir();
    const file = join(dir, 'cycle.yaml');
    writeFileSync(file, CYCLE);
    const r = run(['run', file, '--out', join(dir, 'r.html'), '--json', join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: engine: cycle covers broadcasts only; searches (workload.searches) runs event-driven, with network.latency.\n');
    const quiet = run(['run', file, '--out', join(dir, 'q.html'), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

/**
 * `sweep --resume`: a sweep killed part-way (SIGKILL, Ctrl-C) and resumed from its journal
 * gives byte for byte the results of an uninterrupted one (wall-clock figures apart), per
 * shard too; a journal of another sweep is refused. Runs the built CLI (npm run build).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, gossipsim, ROOT, tempDir } from '../helpers/cli';
import { withoutWallClock } from '../../sim/run/serialize';

const SCENARIO = `name: Resume me
seed: 5
duration: 20s
peers: { count: 1000 }
network: { latency: 30ms }
overlay: { model: erdos-renyi, degree: 4 }
workload:
  broadcasts:
    - { at: 1s, protocol: push, forward: rounds, fanout: 1, period: 1s, maxRounds: 50 }
`;
const VARY = ['--vary', 'overlay.degree=2,4', '--replicates', '3', '--workers', '1'];
const RUNS = 6;
const load = (f: string) => JSON.stringify(withoutWallClock(JSON.parse(readFileSync(f, 'utf8'))));
const journalLines = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter((l) => l !== '') : []);

function setup(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 's.yaml');
  writeFileSync(file, SCENARIO);
  return { dir, file };
}

/**
 * Starts `gossipsim args`, waits until `journal` holds at least `records` finished runs,
 * sends `signal`, and resolves with the exit code (or signal name) and stderr.
 */
function interruptAfter(args: string[], journal: string, records: number, signal: NodeJS.Signals):
  Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      if (journalLines(journal).length >= records + 1) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 10);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr });
    });
  });
}

describe('sweep --resume', () => {
  // The uninterrupted sweep every resumed one is compared with.
  let fullResults = '';
  beforeAll(() => {
    const { dir, file } = setup();
    const full = gossipsim(['sweep', file, ...VARY, '--quiet', '--json', join(dir, 'full.json'), '--out', join(dir, 'full.html')]);
    expect(full.code).toBe(0);
    expect(existsSync(join(dir, 'full.json.journal'))).toBe(false);
    fullResults = load(join(dir, 'full.json'));
  });

  it('after SIGKILL part-way, resuming gives exactly the uninterrupted results and removes the journal', async () => {
    const { dir, file } = setup();
    const journal = join(dir, 'r.json.journal');
    const args = ['sweep', file, ...VARY, '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')];
    const killed = await interruptAfter(args, journal, 1, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const held = journalLines(journal).length - 1;
    // Killed part-way: some runs finished, not all (else this test would test nothing).
    expect(held).toBeGreaterThanOrEqual(1);
    expect(held).toBeLessThan(RUNS);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);

    const again = gossipsim(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/interrupted after \d+ finished run\(s\).*--resume/s);

    const resumed = gossipsim([...args, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming from ${journal}: ${held} of ${RUNS} run(s) already finished`);
    // Only the missing runs ran: one progress line each.
    expect(resumed.stderr.match(/^sweep: run \d+\/6 finished/gm)).toHaveLength(RUNS - held);
    expect(load(join(dir, 'r.json'))).toBe(fullResults);
    expect(existsSync(journal)).toBe(false);
  });

  it('resumes a killed shard, and merge of the parts equals one sweep', async () => {
    const { dir, file } = setup();
    const part = (k: number) => ['sweep', file, ...VARY, '--shard', `${k}/2`, '--json', join(dir, `part-${k}.json`), '--resume'];
    expect(gossipsim(part(1)).code).toBe(0);
    const journal = join(dir, 'part-2.json.journal');
    const killed = await interruptAfter(part(2), journal, 1, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    expect(journalLines(journal).length - 1).toBeLessThan(RUNS / 2);
    // A requeued task reruns the same command line, --resume included.
    const resumed = gossipsim(part(2));
    expect(resumed.code).toBe(0);
    const merged = gossipsim(['merge', join(dir, 'part-1.json'), join(dir, 'part-2.json'), '--json', join(dir, 'merged.json'), '--quiet']);
    expect(merged.code).toBe(0);
    expect(load(join(dir, 'merged.json'))).toBe(fullResults);
  });

  it('drops a last journal line cut short by a kill', async () => {
    const { dir, file } = setup();
    const journal = join(dir, 'r.json.journal');
    const args = ['sweep', file, ...VARY, '--quiet', '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')];
    await interruptAfter(args, journal, 1, 'SIGKILL');
    const lines = journalLines(journal);
    appendFileSync(journal, lines[lines.length - 1].slice(0, 40));
    expect(gossipsim([...args, '--resume']).code).toBe(0);
    expect(load(join(dir, 'r.json'))).toBe(fullResults);
  });

  it('refuses a journal of another sweep, saying what differs', async () => {
    const { dir, file } = setup();
    const journal = join(dir, 'r.json.journal');
    const out = ['--json', join(dir, 'r.json'), '--out', join(dir, 'r.html'), '--quiet', '--resume'];
    await interruptAfter(['sweep', file, ...VARY, ...out], journal, 1, 'SIGKILL');
    const cases: Array<[string[], RegExp]> = [
      [['sweep', file, '--vary', 'overlay.degree=2,4,8', '--replicates', '4', ...out], /different --vary lists \(journal: --vary overlay\.degree=2,4; now: --vary overlay\.degree=2,4,8\)/],
      [['sweep', file, ...VARY, '--set', 'peers.count=200', ...out], /a different scenario/],
      [['sweep', file, '--vary', 'overlay.degree=2,4', '--replicates', '5', ...out], /a different --replicates/],
      [['sweep', file, ...VARY, '--shard', '1/2', ...out], /a different --shard \(journal: no --shard; now: --shard 1\/2\)/],
    ];
    for (const [args, message] of cases) {
      const r = gossipsim(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(journal);
    }
    // The same sweep from another gossipsim version.
    const lines = readFileSync(journal, 'utf8').split('\n');
    const header = JSON.parse(lines[0]);
    writeFileSync(journal, [JSON.stringify({ ...header, gossipsimVersion: '0.0.1' }), ...lines.slice(1)].join('\n'));
    const other = gossipsim(['sweep', file, ...VARY, ...out]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/another gossipsim version .*journal: gossipsim 0\.0\.1/);
    // Refusals leave the journal as it was.
    expect(JSON.parse(readFileSync(journal, 'utf8').split('\n')[0]).gossipsimVersion).toBe('0.0.1');
  });

  it('a sweep stopped before its first run leaves no journal in the way', () => {
    const { dir, file } = setup();
    const args = ['sweep', file, ...VARY, '--quiet', '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')];
    // Refused by the memory check, after the journal was opened, before any run.
    const refused = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, GOSSIPSIM_MEMORY_LIMIT: '1KiB' } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/GOSSIPSIM_MEMORY_LIMIT/);
    expect(readdirSync(dir)).toEqual(['s.yaml']);
    expect(gossipsim(args).code).toBe(0);
    expect(load(join(dir, 'r.json'))).toBe(fullResults);
  });

  it('Ctrl-C stops a sweep with exit code 130, no output file, and the journal intact', async () => {
    const { dir, file } = setup();
    const journal = join(dir, 'r.json.journal');
    const args = ['sweep', file, ...VARY, '--quiet', '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')];
    const stopped = await interruptAfter(args, journal, 1, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted \(SIGINT\).*--resume/);
    expect(readdirSync(dir).sort()).toEqual(['r.json.journal', 's.yaml']);
    const lines = journalLines(journal);
    for (const line of lines) JSON.parse(line);
    expect(lines.length - 1).toBeGreaterThanOrEqual(1);
    expect(lines.length - 1).toBeLessThan(RUNS);
    // Resumed with more threads: the same results (the thread count is not part of a sweep).
    const twoThreads = args.map((a, i) => (args[i - 1] === '--workers' ? '2' : a));
    expect(twoThreads).toContain('2');
    expect(gossipsim([...twoThreads, '--resume']).code).toBe(0);
    expect(load(join(dir, 'r.json'))).toBe(fullResults);
  });

  it('Ctrl-C stops a run at once with exit code 130 and no output file', async () => {
    const dir = tempDir();
    const file = join(dir, 'long.yaml');
    // A run of tens of seconds: the interruption must not wait for its end.
    writeFileSync(file, 'name: Long\nduration: 4h\npeers: { count: 20000 }\nnetwork: { latency: 50ms }\noverlay: { model: random-regular, degree: 6 }\n' +
      'workload:\n  broadcasts:\n    - { count: 1000, every: 10s, protocol: push, forward: rounds, fanout: 2, period: 1s, maxRounds: 100 }\n');
    const started = performance.now();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'run', file, '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      setTimeout(() => child.kill('SIGINT'), 1500);
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/interrupted \(SIGINT\); no output file was written/);
    expect(readdirSync(dir)).toEqual(['long.yaml']);
    // Generous bound (a loaded 2-core machine): the run itself takes far longer.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

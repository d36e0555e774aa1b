import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gossipsim, tempDir, STACK_LINE } from '../helpers/cli';
import { withoutWallClock } from '../../sim/run/serialize';

const SMALL = `name: Small run
seed: 7
duration: 30s
peers: { count: 300 }
network: { latency: 50ms }
overlay: { model: random-regular, degree: 4 }
`;

function scenarioFile(dir: string, text = SMALL, name = 'small.yaml'): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('gossipsim run', () => {
  it('writes the results file of SPEC §3, a report, and a summary on stdout only', () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const r = gossipsim(['run', file, '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Small run');
    expect(r.stdout).toContain('mean degree 4');
    const res = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(res.format).toBe('gossipsim-results/1');
    expect(res.seed).toBe(7);
    expect(res.scenario.peers.count).toBe(300);
    expect(res.scenario.network.latency).toEqual({ dist: 'constant', value: 0.05 });
    for (const k of ['events', 'simulatedSeconds', 'wallSeconds', 'eventsPerSecond', 'workers', 'peakRssBytes']) {
      expect(res.engine).toHaveProperty(k);
    }
    expect(res.engine.workers).toBe(1);
    expect(res.engine.peakRssBytes).toBeGreaterThan(10e6);
    expect(res.overlay).toMatchObject({ peers: 300, meanDegree: 4, maxDegree: 4, largestComponentFraction: 1 });
    for (const k of ['clustering', 'meanPathLength']) expect(typeof res.overlay[k]).toBe('number');
    expect(Array.isArray(res.series.time)).toBe(true);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('<html');
    // atomic writes leave no temporary files behind
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints nothing with --quiet and writes the default report under reports/', () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const r = gossipsim(['run', file, '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(existsSync(join(dir, 'reports', 'small-run.html'))).toBe(true);
  });

  it('is deterministic: same seed gives identical results apart from wall-clock figures; another seed differs', () => {
    const dir = tempDir();
    const file = scenarioFile(dir, SMALL.replace('overlay: { model: random-regular, degree: 4 }', 'overlay: { model: erdos-renyi, degree: 4 }'));
    const run = (seed: string, out: string) => {
      const r = gossipsim(['run', file, '--seed', seed, '--json', join(dir, out), '--out', join(dir, `${out}.html`), '--quiet']);
      expect(r.code).toBe(0);
      return JSON.stringify(withoutWallClock(JSON.parse(readFileSync(join(dir, out), 'utf8'))));
    };
    const a = run('11', 'a.json');
    const b = run('11', 'b.json');
    const c = run('12', 'c.json');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('applies --set before validation', () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const r = gossipsim(['run', file, '--set', 'peers.count=200', '--set', 'overlay.degree=6', '--json', join(dir, 'r.json'), '--out', join(dir, 'r.html'), '--quiet']);
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(res.overlay.peers).toBe(200);
    expect(res.overlay.meanDegree).toBe(6);
  });

  it('never overwrites a file the user wrote, nor the scenario itself', () => {
    const dir = tempDir();
    const file = scenarioFile(dir);
    const mine = join(dir, 'notes.json');
    writeFileSync(mine, '{"my": "precious notes"}');
    const r = gossipsim(['run', file, '--json', mine, '--out', join(dir, 'r.html'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite');
    expect(readFileSync(mine, 'utf8')).toBe('{"my": "precious notes"}');
    const r2 = gossipsim(['run', file, '--out', file, '--quiet']);
    expect(r2.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(SMALL);
    // but a gossipsim output may be replaced by the next run
    const out = join(dir, 'again.json');
    expect(gossipsim(['run', file, '--json', out, '--out', join(dir, 'r.html'), '--quiet']).code).toBe(0);
    expect(gossipsim(['run', file, '--json', out, '--out', join(dir, 'r.html'), '--quiet']).code).toBe(0);
  });
});

describe('bad input: exit 2, one paragraph, no stack trace', () => {
  const cases: Array<[string, (dir: string) => string[], RegExp]> = [
    ['unreadable file', (d) => ['run', join(d, 'missing.yaml')], /missing\.yaml.*(ENOENT|cannot read|no such file)/i],
    ['YAML syntax error', (d) => ['run', scenarioFile(d, 'name: x\npeers:\n  count: [1, 2\n', 'broken.yaml')], /broken\.yaml:\d+:\d+/],
    ['wrong type', (d) => ['run', scenarioFile(d, 'name: x\npeers:\n  count: many\n', 't.yaml')], /t\.yaml:3:10: peers\.count/],
    ['out of range', (d) => ['run', scenarioFile(d, 'name: x\nnetwork:\n  loss: 1.5\n', 'r.yaml')], /r\.yaml:3:9: network\.loss/],
    ['unknown key with suggestion', (d) => ['run', scenarioFile(d, 'name: x\noverlay:\n  degre: 4\n', 'u.yaml')], /u\.yaml:3:3: overlay\.degre.*degree/],
    ['bad unit', (d) => ['run', scenarioFile(d, 'name: x\nduration: 5 parsecs\n', 'b.yaml')], /b\.yaml:2:11: duration/],
    ['bad --set', (d) => ['run', scenarioFile(d, SMALL, 's.yaml'), '--set', 'peers.cont=5'], /peers\.cont \(from --set\).*did you mean 'count'/],
    ['bad --set value', (d) => ['run', scenarioFile(d, SMALL, 's.yaml'), '--set', 'peers.count=-5'], /peers\.count.*--set/],
    ['bad --workers', (d) => ['run', scenarioFile(d, SMALL, 's.yaml'), '--workers', 'two'], /--workers/],
    ['unknown option', (d) => ['run', scenarioFile(d, SMALL, 's.yaml'), '--wrokers', '2'], /unknown option/],
    ['not a results file', (d) => ['report', scenarioFile(d, '{"a": 1}', 'x.json')], /x\.json.*format/],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, () => {
      const dir = tempDir();
      const r = gossipsim(args(dir), dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
    });
  }
});

describe('gossipsim validate', () => {
  it('checks several files and says which are fine', () => {
    const dir = tempDir();
    const good = scenarioFile(dir, SMALL, 'good.yaml');
    const bad = scenarioFile(dir, 'name: x\npeers: { count: 0 }\n', 'bad.yaml');
    const r = gossipsim(['validate', good, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/ok\s+.*good\.yaml/);
    expect(r.stdout).toMatch(/invalid\s+.*bad\.yaml/);
    expect(r.stdout).toContain('1 of 2');
    expect(r.stderr).toMatch(/bad\.yaml:2:\d+: peers\.count/);
    expect(gossipsim(['validate', good]).code).toBe(0);
  });
});

describe('gossipsim --help and list', () => {
  it('every command has --help', () => {
    for (const cmd of [[], ['run'], ['sweep'], ['merge'], ['validate'], ['report'], ['list']]) {
      const r = gossipsim([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: gossipsim/);
    }
  });
  it('list shows bundled scenarios and lessons with their one-line descriptions', () => {
    const r = gossipsim(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scenarios\/first-look\.yaml\s+First look — /);
    expect(r.stdout).toContain('Lessons');
  });
});

/**
 * `gossipsim trace-summary` and bad traces on the command line (issue 31 §1, §3): a summary
 * with the fits, and exit 2 with `file:line: what is wrong` and no stack trace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_LINE, gossipsim, tempDir } from '../helpers/cli';

describe('gossipsim trace-summary', () => {
  it('prints peers, sessions, quantiles and both fits of the bundled synthetic trace', () => {
    const r = gossipsim(['trace-summary', 'scenarios/traces/synthetic-weibull.csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^peers {5}294 /m);
    expect(r.stdout).toMatch(/^sessions {2}734$/m);
    expect(r.stdout).toMatch(/^session {3}mean .*p50 .*p99 /m);
    expect(r.stdout).toMatch(/^ {2}exponential {2}mean /m);
    expect(r.stdout).toMatch(/^ {2}weibull {6}shape 0\.7\d\d, scale /m);
  });

  it('--json gives the same summary as data', () => {
    const r = gossipsim(['trace-summary', '--json', 'scenarios/traces/synthetic-weibull.csv']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.peers).toBe(294);
    expect(s.fits.weibull.shape).toBeGreaterThan(0.6);
    expect(s.fits.weibull.shape).toBeLessThan(0.8);
  });

  it('reads an FTA event table (any name but .csv): up events are sessions, down events gaps', () => {
    const dir = tempDir();
    const rows = [
      ['event_id', 'component_id', 'node_id', 'platform_id', 'node_name', 'event_type', 'event_start_time', 'event_stop_time', 'event_end_reason'],
      [1, 0, 7, 0, 'a', 1, 1000, 1600, ''], [2, 0, 7, 0, 'a', 0, 1600, 2200, ''], [3, 0, 7, 0, 'a', 1, 2200, 2300, ''],
      [4, 0, 9, 0, 'b', 1, 1000, 4600, ''],
    ];
    writeFileSync(join(dir, 'events.tab'), rows.map((r) => r.join('\t')).join('\n') + '\n');
    const r = gossipsim(['trace-summary', '--json', join(dir, 'events.tab')]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect([s.format, s.peers, s.sessions, s.start, s.end]).toEqual(['fta', 2, 3, 0, 3600]);
    expect(s.downtime.count).toBe(1);
    expect(s.downtime.mean).toBe(600);
    expect(s.fits.exponential.mean).toBeCloseTo((600 + 100 + 3600) / 3, 9);
  });

  it('a bad trace: exit 2, the file and line, no stack trace; the same through run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'peer,start,end\na,0,10\nb,5\n');
    const r = gossipsim(['trace-summary', join(dir, 'bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'bad.csv')}:3: expected 3 columns (peer,start,end), got 2.`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    writeFileSync(join(dir, 's.yaml'), 'name: bad trace\nchurn: { trace: bad.csv }\n');
    const run = gossipsim(['run', join(dir, 's.yaml'), '--quiet', '--out', join(dir, 'r.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.csv:3: expected 3 columns/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

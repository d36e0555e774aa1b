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

/**
 * Everything the CLI writes passes through printable() once (sim/cli/io.ts printableIO):
 * a control character in a --vary value, a file name or an output path reaches the
 * terminal as a visible escape, in progress lines, `wrote` lines and bad-input messages alike.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gossipsim, tempDir } from '../helpers/cli';

const TINY = 'name: tiny\nduration: 5s\npeers: { count: 20 }\n';
const ESC = '\u001b';
const BEL = '\u0007';
/** Any raw C0 control character but line feed and tab. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe('the CLI escapes control characters in what it writes', () => {
  it('in a --vary value (sweep progress lines) and an output file name (the wrote lines)', () => {
    const dir = tempDir();
    const file = join(dir, 'tiny.yaml');
    writeFileSync(file, TINY);
    const json = join(dir, `out${BEL}.json`);
    const r = gossipsim(['sweep', file, '--vary', `name=a${ESC}[2Jb,c`, '--workers', '1',
      '--json', json, '--out', join(dir, `r${ESC}]0;x.html`)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('sweep: run 1/2 finished (name=a\\x1b[2Jb, replicate 0');
    expect(r.stdout).toContain(`wrote ${join(dir, 'out\\x07.json')}`);
    expect(r.stdout).toContain(`wrote ${join(dir, 'r\\x1b]0;x.html')}`);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });

  it('in a scenario file name, read or missing, and in a bad --vary (a usage error)', () => {
    const dir = tempDir();
    const good = join(dir, `f${ESC}[31m.yaml`);
    writeFileSync(good, TINY);
    const missing = join(dir, `no${ESC}pe.yaml`);
    const v = gossipsim(['validate', good, missing]);
    expect(v.code).toBe(2);
    expect(v.stdout).toContain(`ok      ${join(dir, 'f\\x1b[31m.yaml')}  (tiny)`);
    expect(v.stdout).toContain(`invalid ${join(dir, 'no\\x1bpe.yaml')}`);
    expect(v.stderr).toContain(`${join(dir, 'no\\x1bpe.yaml')}: cannot read the scenario file`);
    const u = gossipsim(['sweep', good, '--vary', `x${BEL}y`]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("--vary 'x\\x07y': expected key.path=v1,v2,...");
    for (const text of [v.stdout, v.stderr, u.stdout, u.stderr]) expect(text).not.toMatch(RAW_CONTROL);
  });
});

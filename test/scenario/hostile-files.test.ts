/**
 * Files built to exhaust the loader: an alias bomb ("billion laughs"), a file over the size
 * limit, a description over its length limit, nesting thousands deep and complex keys.
 * Each is refused quickly with a located message, in a child process whose peak memory is
 * measured (an expanded bomb would need gigabytes).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli';
import { MAX_DESCRIPTION_LENGTH, MAX_FILE_BYTES } from '../../sim/scenario/limits';

const LOAD = join(ROOT, 'dist', 'sim', 'scenario', 'load.js');

/** Loads `file` in a fresh Node process; returns the message, its peak RSS and the time taken. */
function refuse(file: string): { message: string; peakMiB: number; ms: number } {
  const script = `
    const { loadScenarioFile } = await import(${JSON.stringify(LOAD)});
    const start = performance.now();
    let message = 'accepted';
    try { loadScenarioFile(${JSON.stringify(file)}); } catch (e) { message = e.format ? e.format() : 'internal: ' + e.stack; }
    const ms = performance.now() - start;
    console.log(JSON.stringify({ message, ms, peakMiB: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { message: string; peakMiB: number; ms: number };
}

/** Nine levels of ten aliases each: 10^9 values once expanded, 300 bytes written. */
function billionLaughs(): string {
  const lines = ['name: lol', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i), prev = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

// Measured on the shared 2-core development machine: 10-500 ms per refusal (block nesting
// 1,000 deep is the slowest), peak RSS 51-61 MiB of which Node alone is about 45 MiB. The
// limits leave room for slower machines; an expanded bomb would need gigabytes.
const PEAK_MIB = 150;
const TIME_MS = 3000;

describe('hostile files', () => {
  const dir = tempDir('gossipsim-hostile-');
  const cases: Array<[string, string, RegExp]> = [
    ['an alias bomb', billionLaughs(), /bomb\.yaml:\d+:\d+: the YAML expands to more than 100,000 values through its aliases \(here \*[a-h]\): refused as an alias bomb/],
    ['a file over the size limit', `name: big\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`, /big\.yaml: the scenario file is larger than 1 MiB/],
    ['a description over its length limit', `name: long\ndescription: "${'y'.repeat(MAX_DESCRIPTION_LENGTH + 1)}"\n`, /long\.yaml:2:14: description: expected at most 65,536 characters, got 65,537\./],
    ['flow nesting 100,000 deep', `name: deep\na: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /deep\.yaml:2:68: the YAML nests deeper than 64 levels/],
    ['block nesting 1,000 deep', `name: block\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, /block\.yaml:\d+:\d+: /],
    ['complex keys 800 deep', `name: keys\n${'? '.repeat(800)}x\n`, /keys\.yaml:2:3: a key must be plain text, got a mapping/],
    ['too many aliases', `name: many\na: &a 1\nb: [${Array(101).fill('*a').join(', ')}]\n`, /many\.yaml:3:\d+: more than 100 YAML aliases/],
  ];
  const files = ['bomb', 'big', 'long', 'deep', 'block', 'keys', 'many'];
  cases.forEach(([what, text, expected], i) => {
    it(`refuses ${what} quickly and in little memory`, () => {
      const file = join(dir, `${files[i]}.yaml`);
      writeFileSync(file, text);
      const r = refuse(file);
      expect(r.message).toMatch(expected);
      expect(r.message).not.toMatch(/internal|\n\s+at /);
      expect(r.ms).toBeLessThan(TIME_MS);
      expect(r.peakMiB).toBeLessThan(PEAK_MIB);
    });
  });

  it('reads no more than the limit of an endless file', () => {
    const r = refuse('/dev/zero');
    expect(r.message).toBe('/dev/zero: the scenario file is larger than 1 MiB, the most a scenario may be; a description may have up to 65,536 characters.');
    expect(r.peakMiB).toBeLessThan(PEAK_MIB);
  });
});

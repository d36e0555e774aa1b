/**
 * The scenario fuzzer in the suite: a fixed-seed batch validated in-process, the oracle
 * shown to catch bad answers, and a small sample through the real CLI (validated, and the
 * valid ones run with few peers). `npm run fuzz -- --runs N --seed S` runs as many as asked.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import {
  caseArb, checkCase, judgeErrors, throughCli, FUZZ_FILE, type FuzzCase,
} from '../../scripts/fuzz-cases';
import { ScenarioError, ScenarioErrors } from '../../sim/scenario/errors';
import { ROOT } from '../helpers/cli';

/** Cases of the in-suite batch: about 10 ms each on a 2-core machine. */
const BATCH = 2000;
const SEED = 20261206;

describe('the scenario fuzzer', () => {
  it(`answers ${BATCH} generated scenarios with exit 0, or exit 2 and a located message`, () => {
    let valid = 0, refused = 0;
    fc.assert(fc.property(caseArb(), (c) => {
      const outcome = checkCase(c);
      if (outcome.problem) throw new Error(`${outcome.problem}\n${outcome.message}`);
      if (outcome.code === 0) valid++; else refused++;
    }), { numRuns: BATCH, seed: SEED });
    // Both kinds must be well represented, or the batch tests one side only.
    expect(valid).toBeGreaterThan(BATCH * 0.05);
    expect(refused).toBeGreaterThan(BATCH * 0.5);
  });

  it('its oracle flags a message without the file, spanning lines, or unlocated', () => {
    const c: FuzzCase = { text: 'name: x\npeers:\n  count: -1\n', sets: [] };
    const unnamed = new ScenarioError('expected an integer, got -1', { keyPath: 'peers.count', line: 3, column: 10 });
    expect(judgeErrors(unnamed, c)).toMatch(/does not name the file/);
    const twoLines = new ScenarioError('bad\nvalue', { file: FUZZ_FILE, keyPath: 'peers.count', line: 3, column: 10 });
    expect(twoLines.format()).not.toContain('\n'); // printable() escapes it
    const unlocated = new ScenarioError('expected an integer, got -1', { file: FUZZ_FILE, keyPath: 'peers.count' });
    expect(judgeErrors(unlocated, c)).toMatch(/no line:column/);
    const crash = new ScenarioError('TypeError: x is not a function', { file: FUZZ_FILE, keyPath: 'peers.count', line: 3, column: 10 });
    expect(judgeErrors(new ScenarioErrors([crash, unlocated]), c)).toMatch(/looks like a crash/);
    const good = new ScenarioError('expected an integer between 1 and 134000000, got -1', { file: FUZZ_FILE, keyPath: 'peers.count', line: 3, column: 10 });
    expect(judgeErrors(good, c)).toBeUndefined();
    expect(checkCase(c).problem).toBeUndefined();
    expect(checkCase(c).code).toBe(2);
  });

  it('a sample through the real CLI: validate agrees, and the valid ones run to exit 0 or 2', () => {
    const log: string[] = [];
    const r = throughCli(join(ROOT, 'dist', 'sim', 'cli', 'main.js'), 8, SEED, (line) => log.push(line));
    expect(log.join('\n')).toBe('');
    expect(r.ok).toBe(true);
    expect(r.validated).toBe(8);
    expect(r.ran).toBeGreaterThanOrEqual(2);
  });
});

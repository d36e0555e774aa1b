/**
 * Golden results: every bundled scenario and lesson (peers reduced to keep the suite quick) and
 * the scenarios under test/golden/scenarios/, which together touch every scenario key, must give
 * exactly the results recorded under test/golden/results/ (wall-clock figures removed), with
 * --workers 1 and 2. An intended change of results re-records them in a commit of its own:
 *   GOSSIPSIM_UPDATE_GOLDENS=1 npx vitest run test/golden
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenCases, RESULTS } from './cases';
import { runSimulation } from '../../sim/run/run';
import { stringifyResults, withoutWallClock } from '../../sim/run/serialize';
import { loadScenarioFile } from '../../sim/scenario/load';

const UPDATE = process.env.GOSSIPSIM_UPDATE_GOLDENS === '1';

/** '' when equal, else the first differing line of each text, for a readable failure. */
function firstDifference(actual: string, expected: string): string {
  if (actual === expected) return '';
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, k) => line !== e[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}: got ${JSON.stringify(a[at])}, recorded ${JSON.stringify(e[at])}`;
}

describe('golden results', () => {
  for (const c of goldenCases()) {
    it(c.name, async () => {
      const scenario = loadScenarioFile(c.file, c.sets);
      const path = join(RESULTS, `${c.name}.json`);
      const one = stringifyResults(withoutWallClock(await runSimulation(scenario, { workers: 1 })));
      if (UPDATE) {
        mkdirSync(RESULTS, { recursive: true });
        writeFileSync(path, one);
      }
      expect(existsSync(path), `${path} is missing; record it with GOSSIPSIM_UPDATE_GOLDENS=1`).toBe(true);
      const golden = readFileSync(path, 'utf8');
      expect(firstDifference(one, golden), `--workers 1 against ${path}`).toBe('');
      const two = stringifyResults(withoutWallClock(await runSimulation(scenario, { workers: 2 })));
      expect(firstDifference(two, golden), `--workers 2 against ${path}`).toBe('');
    }, 120_000);
  }
});

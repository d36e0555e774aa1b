/**
 * Every bundled scenario and lesson gives the same results with --workers 1, 2 and 3
 * (wall-clock figures and threads used apart): those that split (test/helpers/splits.ts)
 * run on 2 and 3 threads, the others fall back to one thread and say why. Peers are
 * reduced (as --set peers.count=...) to keep the file quick.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../sim/cli/commands/list';
import { runSimulation } from '../../sim/run/run';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { loadScenarioFile } from '../../sim/scenario/load';
import { splitsToday } from '../helpers/splits';

const MAX_PEERS = 600;
const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

describe('bundled scenarios and lessons, --workers 1, 2, 3', () => {
  for (const s of bundledScenarios()) {
    it(s.path, async () => {
      const big = loadScenarioFile(s.absolutePath).peers.count > MAX_PEERS;
      const scenario = loadScenarioFile(s.absolutePath, big ? [`peers.count=${MAX_PEERS}`] : []);
      const expected = text(runScenario(scenario));
      const splits = splitsToday(scenario);
      for (const workers of [1, 2, 3]) {
        const r = await runSimulation(scenario, { workers });
        expect(text(r)).toBe(expected);
        if (workers === 1) {
          expect(r.engine.workersNote).toBeUndefined();
        } else if (splits) {
          expect(r.engine.workers).toBe(workers);
        } else {
          expect(r.engine.workers).toBe(1);
          expect(r.engine.workersNote).toMatch(/not partition-safe|no split form|cannot run split|cycle engine|no lookahead/);
          expect(r.engine.workersNote).toMatch(/ran on one thread/);
        }
      }
    });
  }
});

/**
 * Every bundled scenario and lesson gives the same results with --workers 1, 2 and 3
 * (wall-clock figures and threads used apart): rumour (either engine), failure, search (but
 * dht) and (event-engine) aggregation scenarios run split across threads; dht searches,
 * churn, peer sampling and capacity fall back to one thread, and say why. Peers are reduced
 * (as --set peers.count=...) to keep the file quick.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../sim/cli/commands/list';
import { minimumLatency } from '../../sim/parallel/eligibility';
import { runSimulation } from '../../sim/run/run';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { loadScenarioFile } from '../../sim/scenario/load';

const MAX_PEERS = 600;
const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

describe('bundled scenarios and lessons, --workers 1, 2, 3', () => {
  for (const s of bundledScenarios()) {
    it(s.path, async () => {
      const big = loadScenarioFile(s.absolutePath).peers.count > MAX_PEERS;
      const scenario = loadScenarioFile(s.absolutePath, big ? [`peers.count=${MAX_PEERS}`] : []);
      const expected = text(runScenario(scenario));
      // Broadcasts (either engine), searches but dht, aggregation and failures without overlay repair split; nothing else does.
      const splits = scenario.workload.searches.every((x) => x.protocol !== 'dht') && !scenario.churn && !(scenario.failures.length > 0 && scenario.overlay.repair)
        && !scenario.capacity && !scenario.overlay.sampling && minimumLatency(scenario) > 0
        // The cycle engine's rounds split, but not its aggregation nor pull replies with loss.
        && (scenario.engine === 'event' || (!scenario.aggregation && !(scenario.network.loss > 0 && scenario.workload.broadcasts.some((b) => b.protocol !== 'push' && b.protocol !== 'flood'))));
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

/**
 * Bundled scenarios with the families that split beside them since issue 27 part F, added
 * as a user would add them: the replayed trace (trace-replay) with aggregation, directory
 * searches and a push once to uniform targets, with its walks and repair or with peer
 * sampling instead; drawn churn (realistic-churn) with a push once to uniform targets and
 * aggregation with uniform partners, both drawn from the live snapshot. Each splits on 2
 * and 3 threads and gives the one-thread results byte for byte. Needs the built worker
 * (npm run build).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runSimulation } from '../../sim/run/run';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { loadScenarioText } from '../../sim/scenario/load';
import { splitsToday } from '../helpers/splits';

const text = (r: unknown) => JSON.stringify(withoutWallClock(r));

/** The bundled scenario at `path` (relative paths in it stay relative to it), changed by `edit`. */
function bundled(path: string, edit: (s: Record<string, any>) => void) {
  const file = join(__dirname, '../../scenarios', path);
  const s = parse(readFileSync(file, 'utf8')) as Record<string, any>;
  edit(s);
  return loadScenarioText(stringify(s), file);
}

const aggregation = { aggregate: 'average', targets: 'uniform', period: '2s', cycles: 40, start: '20s' };
const directory = { protocol: 'directory', count: 60, start: '30s', spacing: '2s' };
const pushOnce = { at: '45s', count: 4, every: '30s', protocol: 'push', forward: 'once', fanout: 3, targets: 'uniform', maxRounds: 12 };

describe('bundled scenarios with more families, --workers 1, 2, 3', () => {
  const cases = {
    'trace-replay with aggregation, directory searches and a push once to uniform targets': bundled('trace-replay.yaml', (s) => {
      s.duration = '3min';
      s.aggregation = aggregation;
      s.hybrid = { superPeers: 0.05 };
      s.workload.searches = [directory, { protocol: 'flood', ttl: 3, count: 40, start: '40s', spacing: '3s' }];
      // A trace's steps are controller events: uniform targets read who is alive now.
      s.workload.broadcasts.push(pushOnce);
    }),
    'trace-replay with peer sampling, aggregation and directory searches': bundled('trace-replay.yaml', (s) => {
      s.duration = '3min';
      s.overlay = { model: 'random-regular', degree: 6, sampling: { protocol: 'cyclon', period: '5s', viewSize: 10, shuffleLength: 4 } };
      s.aggregation = { ...aggregation, targets: 'neighbours' };
      s.hybrid = { superPeers: 0.05 };
      s.workload.searches = [directory];
    }),
    'realistic-churn with a push once to uniform targets and uniform aggregation partners': bundled('lessons/realistic-churn.yaml', (s) => {
      s.duration = '3min';
      s.peers.count = 400;
      s.aggregation = aggregation;
      s.workload.broadcasts.push(pushOnce);
    }),
  };
  for (const [name, scenario] of Object.entries(cases)) {
    it(name, async () => {
      expect(splitsToday(scenario)).toBe(true);
      const expected = text(runScenario(scenario));
      for (const workers of [2, 3]) {
        const r = await runSimulation(scenario, { workers });
        expect(r.engine.workers).toBe(workers);
        expect(text(r)).toBe(expected);
      }
    });
  }
});

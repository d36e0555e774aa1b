/**
 * Under `engine: cycle` the runner says which parts of the scenario keep the event engine;
 * a mixed run (cycle broadcasts, event-driven churn) works and is reproducible.
 */
import { describe, expect, it } from 'vitest';
import { engineNotes } from '../../sim/run/engine-notes';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { validate } from '../../sim/scenario/validate';

const MIXED = {
  name: 'mixed', seed: 3, engine: 'cycle', duration: '2min',
  peers: { count: 400 },
  overlay: { degree: 6, sampling: { protocol: 'cyclon', viewSize: 8, shuffleLength: 3 } },
  data: { objects: 20 },
  workload: {
    broadcasts: [{ protocol: 'push', at: 5 }, { protocol: 'flood', at: 10 }],
    searches: { count: 5, protocol: 'flood', ttl: 3 },
  },
  churn: { session: { dist: 'exponential', mean: '10min' }, downtime: { dist: 'exponential', mean: '5min' } },
  capacity: { mode: 'client-server', file: '1MB' },
};

describe('engineNotes', () => {
  it('has nothing to say about the event engine', () => {
    expect(engineNotes(validate({ ...MIXED, engine: 'event' }))).toEqual([]);
  });

  it('names each part that runs event-driven under engine: cycle, in scenario order', () => {
    expect(engineNotes(validate(MIXED))).toEqual([
      'engine: cycle covers broadcasts only; peer sampling (overlay.sampling: cyclon) runs event-driven, with network.latency.',
      'engine: cycle covers broadcasts only; searches (workload.searches) runs event-driven, with network.latency.',
      'engine: cycle covers broadcasts only; churn (peers leave and join at any time between rounds) runs event-driven, with network.latency.',
      'engine: cycle covers broadcasts only; capacity (file distribution is bandwidth-driven) runs event-driven, with network.latency.',
    ]);
    expect(engineNotes(validate({ name: 'b', engine: 'cycle', workload: { broadcasts: { protocol: 'push' } } }))).toEqual([]);
  });
});

describe('a cycle-engine run with event-driven parts', () => {
  it('runs, carries the notes in engine.notes, and is reproducible', () => {
    const a = runScenario(validate(MIXED));
    expect(a.engine.notes).toHaveLength(4);
    expect(a.broadcasts).toHaveLength(2);
    for (const b of a.broadcasts!) expect(b.reached).toBeGreaterThan(0);
    // Broadcast rounds fall on at + (r−1)·period: the push's completion time is whole seconds.
    const push = a.broadcasts![0];
    if (push.completionTime !== null) expect(Number.isInteger(push.completionTime)).toBe(true);
    const b = runScenario(validate(MIXED));
    expect(JSON.stringify(withoutWallClock(b))).toBe(JSON.stringify(withoutWallClock(a)));
  });
});

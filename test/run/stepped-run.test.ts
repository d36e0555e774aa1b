/**
 * A run taken step by step with an observer on its simulator (the playground's way) gives
 * the results of runScenario byte for byte, and the observer sees every queued event.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../sim/scenario/load-text';
import { SteppedRun, runScenario } from '../../sim/run/run-scenario';
import { stringifyResults, withoutWallClock } from '../../sim/run/serialize';

const ROOT = resolve(__dirname, '..', '..');
const LESSONS = ['rumour-spreading', 'resilience', 'unstructured-search', 'realistic-churn', 'self-healing'];

describe('SteppedRun with an observer', () => {
  for (const lesson of LESSONS) {
    it(`${lesson}: same results as runScenario, every handled event seen`, () => {
      const file = resolve(ROOT, 'scenarios/lessons', `${lesson}.yaml`);
      const scenario = () => loadScenarioText(readFileSync(file, 'utf8'), file);
      const expected = stringifyResults(withoutWallClock(runScenario(scenario())));
      let handled = 0;
      let scheduled = 0;
      let lastHandled = -Infinity;
      let ordered = true;
      const run = new SteppedRun(scenario(), (ctx) => ctx.sim.observe({
        scheduled: (now, time) => { scheduled++; if (time < now) ordered = false; },
        handled: (time) => { handled++; if (time < lastHandled) ordered = false; lastHandled = time; },
      }));
      let steps = 0;
      while (!run.step()) steps++;
      expect(steps).toBeGreaterThan(1);
      expect(run.lastSample.time).toBe(run.time);
      const results = run.finish();
      expect(stringifyResults(withoutWallClock(results))).toBe(expected);
      expect(handled).toBe(run.ctx.sim.events);
      expect(scheduled).toBeGreaterThanOrEqual(handled);
      expect(ordered).toBe(true);
    });
  }

  it('an observer is refused a second time', () => {
    const file = resolve(ROOT, 'scenarios/lessons/resilience.yaml');
    const run = new SteppedRun(loadScenarioText(readFileSync(file, 'utf8'), file));
    const none = { scheduled: () => {}, handled: () => {} };
    run.ctx.sim.observe(none);
    expect(() => run.ctx.sim.observe(none)).toThrow(/at most one observer/);
  });
});

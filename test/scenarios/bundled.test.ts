/**
 * Every bundled scenario and lesson validates and runs (issue 3 §8); lessons run in under
 * 10 s each (issue 8 §5). Large bundled scenarios run here with fewer peers (--set).
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../sim/cli/commands/list';
import { loadScenarioFile } from '../../sim/scenario/load';
import { runScenario } from '../../sim/run/run-scenario';

const all = bundledScenarios();

describe('bundled scenarios', () => {
  it('include the first look and at least six lessons', () => {
    expect(all.map((s) => s.path)).toContain('scenarios/first-look.yaml');
    expect(all.filter((s) => s.lesson).length).toBeGreaterThanOrEqual(6);
  });
  for (const s of all) {
    it(`${s.path} validates and runs`, () => {
      const big = loadScenarioFile(s.absolutePath).peers.count > 5000;
      const scenario = loadScenarioFile(s.absolutePath, big ? ['peers.count=2000'] : []);
      const t0 = performance.now();
      const r = runScenario(scenario);
      const seconds = (performance.now() - t0) / 1000;
      expect(r.format).toBe('gossipsim-results/1');
      expect(r.overlay.peers).toBe(scenario.peers.count);
      expect(r.engine.simulatedSeconds).toBeGreaterThan(0);
      if (s.lesson) expect(seconds).toBeLessThan(10);
    });
  }
});

// The bundled capacity scenario and lesson load, run quickly, and show what they teach.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../sim/scenario/load.js';
import { runScenario } from '../../../sim/run/run-scenario.js';

type Cap = { distributionTime: number; lowerBound: number; completed: number; peers: number };

describe('bundled capacity scenarios', () => {
  it('scenarios/capacity-growth.yaml: p2p levels off, client-server grows linearly', () => {
    const at = (count: number, mode: string) => runScenario(loadScenarioFile('scenarios/capacity-growth.yaml',
      [`peers.count=${count}`, `capacity.mode=${mode}`])).capacity as Cap;
    const t0 = performance.now();
    const base = runScenario(loadScenarioFile('scenarios/capacity-growth.yaml')).capacity as Cap;
    expect((performance.now() - t0) / 1000).toBeLessThan(10);
    expect(base.completed).toBe(100);
    const p10 = at(10, 'p2p'), cs10 = at(10, 'client-server'), cs100 = at(100, 'client-server');
    // client-server meets its bound (1%) and is ×10 slower for ×10 peers
    expect(cs100.distributionTime / cs100.lowerBound).toBeCloseTo(1, 2);
    expect(cs100.distributionTime / cs10.distributionTime).toBeCloseTo(10, 1);
    // p2p: ×10 peers cost far less than ×10 time
    expect(base.distributionTime / p10.distributionTime).toBeLessThan(4);
    expect(base.distributionTime).toBeLessThan(cs100.distributionTime / 2);
  });

  it('scenarios/lessons/capacity-growth.yaml runs in well under 10 s and lands near its bound', () => {
    const t0 = performance.now();
    const r = runScenario(loadScenarioFile('scenarios/lessons/capacity-growth.yaml'));
    expect((performance.now() - t0) / 1000).toBeLessThan(5);
    const cap = r.capacity as Cap;
    expect(cap.completed).toBe(200);
    // bound by hand: 200 · 5e7 / (1.25e7 + 200 · 2.5e5) = 160 s
    expect(cap.lowerBound).toBeCloseTo(160, 9);
    expect(cap.distributionTime / cap.lowerBound).toBeGreaterThanOrEqual(1);
    expect(cap.distributionTime / cap.lowerBound).toBeLessThan(1.3);
    const cs = runScenario(loadScenarioFile('scenarios/lessons/capacity-growth.yaml', ['capacity.mode=client-server'])).capacity as Cap;
    expect(cs.distributionTime).toBeCloseTo(800, 6); // 200 · 5e7 / 1.25e7
  });
});

// The capacity component inside a full run: results section (SPEC §3 `capacity`), time
// series, the cap on completion times, and the automatic server slots.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../sim/run/run-scenario.js';
import { validate } from '../../../sim/scenario/validate.js';
import { autoServerSlots, CapacityComponent, MAX_COMPLETION_TIMES } from '../../../sim/protocols/capacity/component.js';
import { buildComponents } from '../../../sim/run/components.js';
import { runCapacity } from './harness.js';

const scenario = (capacity: Record<string, unknown>, peers = 200) => validate({
  name: 'capacity component', duration: '1h', peers: { count: peers }, metrics: { sample: '5s' },
  capacity: { file: '10MB', chunk: '256KiB', server: { upload: '50Mbps' }, peer: { upload: '2Mbps', download: '10Mbps' }, ...capacity },
});

describe('capacity component', () => {
  it('is built last when the scenario has a capacity section, and not otherwise', () => {
    const list = buildComponents(scenario({}));
    expect(list[list.length - 1]).toBeInstanceOf(CapacityComponent);
    const none = validate({ name: 'no capacity', peers: { count: 10 } });
    expect(buildComponents(none).some((c) => c instanceof CapacityComponent)).toBe(false);
  });

  it('writes SPEC §3 capacity results and the completed / downloaded series', () => {
    for (const mode of ['p2p', 'client-server'] as const) {
      const r = runScenario(scenario({ mode }));
      const cap = r.capacity as unknown as Record<string, unknown>;
      expect(cap.mode).toBe(mode);
      expect(cap.peers).toBe(200);
      expect(typeof cap.distributionTime).toBe('number');
      expect(typeof cap.lowerBound).toBe('number');
      expect(cap.distributionTime as number).toBeGreaterThanOrEqual(cap.lowerBound as number);
      for (const key of ['completionTimes', 'serverUtilisation', 'peerUtilisation', 'chunkTransfers', 'completed', 'left']) {
        expect(cap, key).toHaveProperty(key);
      }
      const completed = r.series.completedFraction;
      const downloaded = r.series.downloadedFraction;
      expect(completed[0]).toBe(0);
      expect(completed[completed.length - 1]).toBe(1);
      expect(downloaded[downloaded.length - 1]).toBeCloseTo(1, 9);
      for (let i = 1; i < downloaded.length; i++) expect(downloaded[i]!).toBeGreaterThanOrEqual(downloaded[i - 1]!);
      // the run ends with the last completion when nothing else is scheduled
      expect(r.engine.simulatedSeconds).toBe(cap.distributionTime);
    }
  });

  it('caps completion times at MAX_COMPLETION_TIMES evenly spaced ranks and says so', () => {
    const n = MAX_COMPLETION_TIMES + 2000;
    const { results: r } = runCapacity({ peers: { count: n }, capacity: { mode: 'client-server', file: '1MB', peer: { download: { dist: 'uniform', min: '1Mbps', max: '100Mbps' } } } });
    expect(r.completed).toBe(n);
    expect(r.completionTimesSampled).toBe(true);
    expect(r.completionTimes.length).toBe(MAX_COMPLETION_TIMES);
    expect(r.completionTimes[MAX_COMPLETION_TIMES - 1]).toBe(r.distributionTime);
    for (let i = 1; i < r.completionTimes.length; i++) expect(r.completionTimes[i]).toBeGreaterThanOrEqual(r.completionTimes[i - 1]);
  });

  it('reports unfinished peers and no distribution time when the run is too short', () => {
    const r = runScenario(validate({
      name: 'too short', duration: '10s', peers: { count: 100 },
      capacity: { mode: 'client-server', file: '100MB', server: { upload: '100Mbps' } },
    }));
    const cap = r.capacity as unknown as Record<string, unknown>;
    expect(cap.distributionTime).toBeNull();
    expect(cap.unfinished).toBe(100);
    expect(cap.completed).toBe(0);
    // utilisation over the run: the server was busy the whole 10 s
    expect(cap.serverUtilisation as number).toBeCloseTo(1, 9);
  });

  it('gives the server slots as fast as a mean peer slot when server.slots is 0', () => {
    expect(autoServerSlots(12.5e6, 4, 250e3, 1000)).toBe(200);
    expect(autoServerSlots(12.5e6, 4, 250e3, 10)).toBe(40); // at most peers × uploadSlots
    expect(autoServerSlots(1e5, 4, 250e3, 10)).toBe(2);
    expect(autoServerSlots(1e6, 4, 0, 10)).toBe(40);
  });
});

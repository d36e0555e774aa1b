/**
 * Every value bounded: each number of the schema has a finite range, overflowing units are
 * refused, and combinations the engine cannot hold are refused before the run.
 */
import { describe, expect, it } from 'vitest';
import type { Fields, Node } from '../../sim/scenario/dsl';
import { scenarioSchema } from '../../sim/scenario/schema';
import { distSpecs } from '../../sim/scenario/dist-params';
import { validate } from '../../sim/scenario/validate';
import { loadScenarioFile } from '../../sim/scenario/load';
import { ScenarioError } from '../../sim/scenario/errors';
import { gossipsim } from '../helpers/cli';

function nodes(node: Node, path: string, out: Array<[string, Node]> = []): Array<[string, Node]> {
  out.push([path, node]);
  if (node.kind === 'optional') nodes(node.inner as Node, path, out);
  if (node.kind === 'list') nodes(node.item as Node, `${path}[]`, out);
  if (node.kind === 'choice') nodes(node.number, path, out);
  if (node.kind === 'object') for (const [k, c] of Object.entries(node.fields as Fields)) nodes(c, path ? `${path}.${k}` : k, out);
  return out;
}

function problem(raw: Record<string, unknown>): string {
  try {
    validate({ name: 'x', ...raw });
  } catch (e) {
    return (e as ScenarioError).format();
  }
  return 'valid';
}

describe('every value bounded', () => {
  it('every number, distribution, string and list of the schema has a finite upper bound', () => {
    for (const [path, node] of nodes(scenarioSchema, '')) {
      if (node.kind === 'number') expect(Number.isFinite(node.max), path).toBe(true);
      if (node.kind === 'distribution') expect(Number.isFinite(node.max), path).toBe(true);
      if (node.kind === 'string') expect(Number.isFinite(node.maxLength), path).toBe(true);
      if (node.kind === 'list') expect(Number.isFinite(node.maxItems), path).toBe(true);
    }
    for (const spec of Object.values(distSpecs)) {
      for (const p of spec.params) if (p.unit === 'none') expect(Number.isFinite(p.max) || p.name === 'mean', p.name).toBe(true);
    }
  });

  it('refuses quantities that overflow to Infinity or underflow to 0', () => {
    expect(problem({ duration: '1e400s' })).toBe("duration: expected a duration between 0.001ms and 10000d, got '1e400s' (too large to represent).");
    expect(problem({ duration: '1e-400s' })).toBe("duration: expected a duration between 0.001ms and 10000d, got '1e-400s'.");
    expect(problem({ churn: { downtime: '1e400s' } })).toBe("churn.downtime: expected a duration between 0 and 10000d, got '1e400s'.");
    expect(problem({ churn: { session: { dist: 'exponential', mean: '1e400s' } } })).toBe("churn.session.mean: expected a duration > 0 and <= 10000d, got '1e400s' (too large to represent).");
    expect(problem({ capacity: { file: '1e400GB' } })).toMatch(/^capacity.file: expected a size between 1B and 1000TB/);
    expect(problem({ capacity: { server: { upload: '1e-400Gbps' } } })).toMatch(/^capacity.server.upload: expected a bandwidth between 1bps and 1000Tbps/);
    expect(problem({ network: { latency: { dist: 'normal', mean: '-1e400s', sd: '1ms' } } })).toMatch(/^network.latency.mean: expected a duration between -10000d and 10000d/);
    expect(problem({ churn: { session: { dist: 'pareto', scale: '1s', shape: 0.01 } } })).toBe('churn.session.shape: expected a number between 0.1 and 1000, got 0.01.');
    expect(problem({ network: { latency: { dist: 'lognormal', median: '1ms', sigma: 40 } } })).toBe('network.latency.sigma: expected a number between 0 and 10, got 40.');
  });

  it('caps the counts that size arrays, each against what it depends on', () => {
    expect(problem({ peers: { count: 10 }, overlay: { degree: 2 }, workload: { broadcasts: { fanout: 11 } } }))
      .toBe('workload.broadcasts[0].fanout: expected at most peers.count (10): there are no more peers to contact, got 11.');
    expect(problem({ workload: { broadcasts: { fanout: 1e308 } } })).toBe('workload.broadcasts[0].fanout: expected an integer between 1 and 67108864, got 1e+308.');
    expect(problem({ peers: { count: 16_000_000 }, overlay: { model: 'erdos-renyi', degree: 200 } }))
      .toBe('overlay.degree: peers.count × degree must stay below 2^31 (links are indexed by 32-bit offsets), got 16000000 × 200.');
    expect(problem({ churn: { arrivals: '250000/s' } }))
      .toBe('churn.arrivals: peers.count + arrivals × duration must stay at most 134,000,000 peers (the ids the engine can give out), got 150,001,000.');
    expect(problem({ duration: '10000d' })).toBe('metrics.sample: duration / sample must be at most 10,000,000 samples (each is an event and a row of every time series), got 864,000,000: use a sample of at least 1.44min.');
    expect(problem({ capacity: { file: '1TB', chunk: '1kB' } })).toMatch(/^capacity.chunk: a file of 1TB in chunks of 1kB makes 1,000,000,000 chunks, more than the 1,048,576 a peer can track: use a chunk of at least/);
    expect(problem({ workload: { searches: [{ rate: '1000/s' }, { rate: '1000/s' }] } }))
      .toBe('workload.searches: at most 1,000,000 queries in all (each keeps the peers it visited while it runs), got 1,200,000 (counts, and rate × the time from start to the end of the run).');
    expect(problem({ workload: { broadcasts: [{ count: 6000 }, { count: 6000 }] } }))
      .toBe('workload.broadcasts: at most 10000 rumours in all (each keeps state for every peer), got 12000 (the sum of the counts).');
    expect(problem({ workload: { searches: { ttl: 100_000 } } })).toBe('workload.searches[0].ttl: expected an integer between 1 and 65536, got 100000.');
    expect(problem({ failures: Array.from({ length: 1001 }, () => ({ at: 1, fraction: 0.1 })) })).toBe('failures: expected at most 1000 items, got 1001.');
    expect(problem({ name: 'n'.repeat(201) })).toBe('name: expected at most 200 characters, got 201.');
  });

  it('the two crashes of issue #25 are refused by validate and run, with exit 2', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['scenarios/lessons/synchronisation.yaml', 'churn.downtime=1e400s', /churn\.downtime \(from --set\): expected a duration between 0 and 10000d, got '1e400s'\./],
      ['scenarios/lessons/rumour-spreading.yaml', 'workload.broadcasts[3].fanout=1e308', /workload\.broadcasts\[3\]\.fanout \(from --set\): expected an integer between 1 and 67108864, got 1e\+308\./],
    ];
    for (const [file, set, message] of cases) {
      expect(() => loadScenarioFile(file, [set])).toThrow(message);
      const r = gossipsim(['run', file, '--set', set, '--quiet', '--out', '/dev/null']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

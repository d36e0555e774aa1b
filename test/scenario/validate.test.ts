import { describe, expect, it } from 'vitest';
import { validate, validateNode, type Locator } from '../../sim/scenario/validate.js';
import { ScenarioErrors, formatKeyPath } from '../../sim/scenario/errors.js';
import { errorOf } from '../helpers/scenario-error.js';
import { s, type Node } from '../../sim/scenario/dsl.js';
import { scenarioSchema } from '../../sim/scenario/schema.js';

const problem = (raw: unknown) => errorOf(() => validate(raw)).format();
const base = { name: 'test' };

describe('defaults', () => {
  it('fills every key of a minimal scenario', () => {
    const scenario = validate(base);
    // A subset: other keys may be added to the schema; the walk below checks they are filled.
    expect(scenario).toMatchObject({
      name: 'test', description: '', seed: 1, engine: 'event', duration: 600,
      peers: { count: 1000 },
      network: { latency: { dist: 'constant', value: 0.05 }, loss: 0 },
      overlay: { model: 'random-regular', degree: 4, rewire: 0.1, maxDegree: 32, repair: false, sampling: null },
      data: { objects: 1000, replication: { strategy: 'uniform', ratio: 0.01 }, popularity: { dist: 'zipf', exponent: 1 } },
      workload: { broadcasts: [], searches: [] },
      churn: null, failures: [], hybrid: null, capacity: null,
      metrics: { sample: 1 },
    });
  });
  it('fills the inner keys of a section that is present', () => {
    const scenario = validate({ ...base, churn: {}, hybrid: { superPeers: 0.1 }, overlay: { sampling: { viewSize: 30 } },
      capacity: { mode: 'client-server' }, workload: { broadcasts: [{ fanout: 3 }], searches: { protocol: 'random-walk' } } });
    expect(scenario.churn).toEqual({
      session: { dist: 'exponential', mean: 3600 }, downtime: { dist: 'exponential', mean: 1200 }, arrivals: 0, sync: false,
      trace: null, traceScale: 1, traceOffset: 0, traceLoop: false,
    });
    expect(scenario.hybrid).toEqual({ superPeers: 0.1 });
    expect(scenario.overlay.sampling).toEqual({ protocol: 'cyclon', period: 10, viewSize: 30, shuffleLength: 5 });
    expect(scenario.capacity).toMatchObject({
      mode: 'client-server', file: 100e6, chunk: 262144, server: { upload: 12.5e6 },
      peer: { upload: { dist: 'constant', value: 250e3 }, download: { dist: 'constant', value: 1.25e6 } },
    });
    expect(scenario.workload.broadcasts).toEqual([{
      at: 0, count: 1, every: 30, origin: 'random', protocol: 'push', forward: 'rounds', fanout: 3, period: 1, maxRounds: 200, targets: 'neighbours',
    }]);
    expect(scenario.workload.searches).toHaveLength(1);
    expect(scenario.workload.searches[0]).toMatchObject({ protocol: 'random-walk', ttl: 7, walkers: 16, count: 100 });
  });
  it('treats an empty (null) optional section as absent, and empty lists and sections as defaults', () => {
    const scenario = validate({ ...base, churn: null, hybrid: null, failures: null, peers: null, workload: { broadcasts: null } });
    expect(scenario.churn).toBeNull();
    expect(scenario.failures).toEqual([]);
    expect(scenario.peers.count).toBe(1000);
    expect(scenario.workload.broadcasts).toEqual([]);
  });
  it('gives every key of the schema a value', () => {
    const unfilled: string[] = [];
    const walk = (node: Node, value: unknown, path: string) => {
      // An omitWhenAbsent list (metrics.highlight) stays out of the scenario on purpose.
      if (node.kind === 'list' && node.omitWhenAbsent && value === undefined) return;
      if (value === undefined) unfilled.push(path);
      if (node.kind === 'object') {
        for (const [key, child] of Object.entries(node.fields as Record<string, Node>)) {
          walk(child, (value as Record<string, unknown>)[key], `${path}.${key}`);
        }
      }
      if (node.kind === 'optional' && value !== null) walk(node.inner as Node, value, path);
      if (node.kind === 'list') (value as unknown[]).forEach((item, i) => walk(node.item as Node, item, `${path}[${i}]`));
    };
    walk(scenarioSchema, validate({ ...base, churn: {}, hybrid: {}, capacity: {}, overlay: { sampling: {} },
      workload: { broadcasts: {}, searches: {} }, failures: { at: 1, fraction: 0.1 } }), '');
    expect(unfilled).toEqual([]);
  });
  it('does not share default objects between scenarios', () => {
    const a = validate(base);
    a.network.latency = { dist: 'constant', value: 9 };
    (a.data.popularity as { exponent: number }).exponent = 3;
    expect(validate(base).network.latency).toEqual({ dist: 'constant', value: 0.05 });
    expect(validate(base).data.popularity).toEqual({ dist: 'zipf', exponent: 1 });
  });
  it('resolves units to SI', () => {
    const scenario = validate({
      ...base, duration: '5min', network: { latency: '250ms' },
      capacity: { file: '1GiB', chunk: '64KiB', server: { upload: '1Gbps' }, peer: { upload: '2MB/s', download: 1e6 } },
      churn: { arrivals: '30/min' },
    });
    expect(scenario.duration).toBe(300);
    expect(scenario.network.latency).toEqual({ dist: 'constant', value: 0.25 });
    expect(scenario.capacity).toMatchObject({ file: 2 ** 30, chunk: 65536, server: { upload: 1.25e8 } });
    expect(scenario.capacity!.peer.upload).toEqual({ dist: 'constant', value: 2e6 });
    expect(scenario.capacity!.peer.download).toEqual({ dist: 'constant', value: 1e6 });
    expect(scenario.churn!.arrivals).toBe(0.5);
  });
});

describe('errors on single keys', () => {
  it('wrong type', () => {
    expect(problem({ ...base, overlay: { degree: 'four' } })).toBe("overlay.degree: expected an integer between 0 and 65536, got 'four'.");
    expect(problem({ ...base, overlay: { repair: 'yes' } })).toBe("overlay.repair: expected true or false, got 'yes'.");
    expect(problem({ name: 42 })).toBe('name: expected a string, got 42 (put it in quotes to use it as text).');
    expect(problem({ ...base, peers: [1, 2] })).toBe('peers: expected a mapping with the keys count, got a list.');
    expect(problem({ ...base, network: { loss: '0.5' } })).toBe("network.loss: expected a number between 0 and 1, got the string '0.5' (remove the quotes).");
    expect(problem({ ...base, failures: 'none' })).toBe("failures: expected a list (or a single item), got 'none'.");
    expect(problem({ ...base, duration: true })).toBe('duration: expected a duration between 0.001ms and 10000d, got true.');
    expect(problem({ ...base, peers: { count: null } })).toBe('peers.count: expected an integer between 1 and 134000000, got an empty value.');
    expect(problem({ ...base, seed: Infinity })).toBe('seed: expected an integer between 0 and 4294967295, got Infinity.');
  });
  it('out of range and not an integer', () => {
    expect(problem({ ...base, overlay: { degree: -3 } })).toBe('overlay.degree: expected an integer between 0 and 65536, got -3.');
    expect(problem({ ...base, overlay: { degree: 2.5 } })).toBe('overlay.degree: expected an integer between 0 and 65536, got 2.5.');
    expect(problem({ ...base, network: { loss: 1.5 } })).toBe('network.loss: expected a number between 0 and 1, got 1.5.');
    expect(problem({ ...base, duration: 0 })).toBe('duration: expected a duration between 0.001ms and 10000d, got 0.');
    expect(problem({ ...base, duration: '-1min' })).toBe("duration: expected a duration between 0.001ms and 10000d, got '-1min'.");
    expect(problem({ ...base, data: { replication: { ratio: 0 } } })).toBe('data.replication.ratio: expected a number > 0 and <= 1, got 0.');
    expect(problem({ ...base, name: '' })).toBe('name: expected a non-empty string.');
  });
  it('required key', () => {
    expect(problem({})).toBe("missing required key 'name' (experiment name, shown as the report title and used for the default report file name), e.g. name: Flooding vs random walk.");
    expect(problem({ ...base, failures: [{ at: 5 }] })).toBe("failures[0]: missing required key 'fraction' (fraction of the peers alive at that moment that crash), e.g. fraction: 0.5.");
  });
  it('unknown key, with the nearest valid key', () => {
    expect(problem({ ...base, overlay: { degre: 4 } })).toBe("overlay.degre: unknown key 'degre' — did you mean 'degree'?");
    expect(problem({ ...base, overlay: { maxdegree: 4 } })).toBe("overlay.maxdegree: unknown key 'maxdegree' — did you mean 'maxDegree'?");
    expect(problem({ ...base, peer: { count: 4 } })).toBe("peer: unknown key 'peer' — did you mean 'peers'?");
    expect(problem({ ...base, workload: { broadcast: {} } })).toBe("workload.broadcast: unknown key 'broadcast' — did you mean 'broadcasts'?");
    expect(problem({ ...base, workload: { broadcasts: { fanuot: 2 } } })).toBe("workload.broadcasts[0].fanuot: unknown key 'fanuot' — did you mean 'fanout'?");
  });
  it('an unknown key that belongs elsewhere points to its place', () => {
    expect(problem({ ...base, degree: 4 })).toBe("degree: unknown key 'degree' — did you mean 'overlay.degree'?");
    expect(problem({ ...base, peers: { loss: 0.1 } })).toBe("peers.loss: unknown key 'loss' — did you mean 'network.loss'?");
  });
  it('an unknown key with nothing near lists the valid ones', () => {
    expect(problem({ ...base, peers: { population: 4 } })).toBe("peers.population: unknown key 'population'; the keys of peers are count.");
    expect(problem({ ...base, overlay: { colour: 'red' } })).toMatch(/^overlay\.colour: unknown key 'colour'; the keys of overlay are model, degree, rewire, maxDegree, repair,? .*and \w+\.$/);
  });
  it('bad unit', () => {
    expect(problem({ ...base, duration: '5 minutes' })).toBe(
      "duration: '5 minutes' is not a duration: write a number of seconds or a number with ms, s, min, h or d, e.g. 250ms, 2s, 5min (did you mean '5min'?).");
    expect(problem({ ...base, capacity: { file: '10Mb' } })).toMatch(/^capacity\.file: '10Mb' is not a size: .* \(did you mean '10MB'\?\)\.$/);
    expect(problem({ ...base, churn: { arrivals: '5 per s' } })).toMatch(/^churn\.arrivals: '5 per s' is not a rate: /);
    expect(problem({ ...base, capacity: { server: { upload: '10 megabits' } } })).toMatch(/^capacity\.server\.upload: '10 megabits' is not a bandwidth: /);
  });
  it('bad enum value, with the nearest valid one', () => {
    expect(problem({ ...base, workload: { broadcasts: [{ protocol: 'pushh' }] } })).toBe(
      "workload.broadcasts[0].protocol: expected one of 'push', 'pull', 'push-pull' or 'flood', got 'pushh' — did you mean 'push'?");
    expect(problem({ ...base, overlay: { model: 'Erdos-Renyi' } })).toMatch(/got 'Erdos-Renyi' — did you mean 'erdos-renyi'\?$/);
    expect(problem({ ...base, engine: 'quantum' })).toBe("engine: expected one of 'event' or 'cycle', got 'quantum'.");
  });
  it('choice: a literal or a number', () => {
    expect(validate({ ...base, workload: { broadcasts: [{ origin: 7 }, { origin: 'random' }] } }).workload.broadcasts.map((b) => b.origin))
      .toEqual([7, 'random']);
    expect(problem({ ...base, workload: { broadcasts: [{ origin: 'randm' }] } })).toBe(
      "workload.broadcasts[0].origin: expected 'random' or an integer between 0 and 134217726 (peer id of the origin), got 'randm' — did you mean 'random'?");
    expect(problem({ ...base, workload: { broadcasts: [{ origin: 'somewhere' }] } })).toBe(
      "workload.broadcasts[0].origin: expected 'random' or an integer between 0 and 134217726 (peer id of the origin), got 'somewhere'.");
    expect(problem({ ...base, workload: { broadcasts: [{ origin: -1 }] } })).toBe('workload.broadcasts[0].origin: expected an integer between 0 and 134217726, got -1.');
  });
});

describe('distributions', () => {
  const latency = (value: unknown) => validate({ ...base, network: { latency: value } }).network.latency;
  const latencyProblem = (value: unknown) => problem({ ...base, network: { latency: value } });
  it('reads a constant from a number or a unit string', () => {
    expect(latency(0.1)).toEqual({ dist: 'constant', value: 0.1 });
    expect(latency('20ms')).toEqual({ dist: 'constant', value: 0.02 });
    expect(latency({ dist: 'constant', value: '1s' })).toEqual({ dist: 'constant', value: 1 });
  });
  it('reads every distribution, parameters in the unit of the key', () => {
    expect(latency({ dist: 'uniform', min: '100ms', max: '500ms' })).toEqual({ dist: 'uniform', min: 0.1, max: 0.5 });
    expect(latency({ dist: 'exponential', mean: '50ms' })).toEqual({ dist: 'exponential', mean: 0.05 });
    expect(latency({ dist: 'normal', mean: '100ms', sd: '20ms' })).toEqual({ dist: 'normal', mean: 0.1, sd: 0.02 });
    expect(latency({ dist: 'lognormal', median: '80ms', sigma: 0.5 })).toEqual({ dist: 'lognormal', median: 0.08, sigma: 0.5 });
    expect(latency({ dist: 'pareto', scale: '10ms', shape: 1.5 })).toEqual({ dist: 'pareto', scale: 0.01, shape: 1.5 });
    expect(latency({ dist: 'weibull', scale: '1s', shape: 0.6 })).toEqual({ dist: 'weibull', scale: 1, shape: 0.6 });
    const churn = validate({ ...base, churn: { session: { dist: 'weibull', shape: 0.6, scale: '40min' } } }).churn!;
    expect(churn.session).toEqual({ dist: 'weibull', scale: 2400, shape: 0.6 });
    const capacity = validate({ ...base, capacity: { peer: { upload: { dist: 'uniform', min: '1Mbps', max: '3Mbps' } } } }).capacity!;
    expect(capacity.peer.upload).toEqual({ dist: 'uniform', min: 125e3, max: 375e3 });
    expect(validate({ ...base, data: { popularity: { dist: 'zipf', exponent: 0.8 } } }).data.popularity).toEqual({ dist: 'zipf', exponent: 0.8 });
    expect(validate({ ...base, data: { popularity: { dist: 'uniform', min: 0, max: 10 } } }).data.popularity).toEqual({ dist: 'uniform', min: 0, max: 10 });
  });
  it('accepts a normal latency (its draws are clamped at 0 by the sampler)', () => {
    expect(latency({ dist: 'normal', mean: '10ms', sd: '50ms' })).toEqual({ dist: 'normal', mean: 0.01, sd: 0.05 });
  });
  it('checks names, parameters and ranges', () => {
    expect(latencyProblem({ dist: 'normall', mean: 1, sd: 1 })).toBe(
      "network.latency.dist: expected one of 'constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto' or 'weibull', got 'normall' — did you mean 'normal'?");
    expect(latencyProblem({ dist: 'zipf', exponent: 1 })).toMatch(/^network\.latency\.dist: expected one of .* \('zipf' is not allowed here\), got 'zipf'\.$/);
    expect(latencyProblem({ mean: 1 })).toBe(
      "network.latency: a distribution needs 'dist:', one of constant, uniform, exponential, normal, lognormal, pareto or weibull, e.g. { dist: exponential, mean: 20min }.");
    expect(latencyProblem({ dist: 'exponential' })).toBe("network.latency: exponential needs 'mean', e.g. { dist: exponential, mean: 20min }.");
    expect(latencyProblem({ dist: 'exponential', mean: 1, sd: 1 })).toBe("network.latency.sd: unknown parameter 'sd' of exponential; exponential takes 'mean'.");
    expect(latencyProblem({ dist: 'normal', mean: 1, sdev: 1 })).toMatch(/^network\.latency\.sdev: unknown parameter 'sdev' of normal — did you mean 'sd'\?/);
    expect(latencyProblem({ dist: 'exponential', mean: 0 })).toBe('network.latency.mean: expected a duration > 0 and <= 10000d, got 0.');
    expect(latencyProblem({ dist: 'normal', mean: 1, sd: 0 })).toBe('network.latency.sd: expected a duration > 0 and <= 10000d, got 0.');
    expect(latencyProblem({ dist: 'lognormal', median: 1, sigma: -1 })).toBe('network.latency.sigma: expected a number between 0 and 10, got -1.');
    expect(latencyProblem({ dist: 'pareto', scale: 1, shape: 0 })).toBe('network.latency.shape: expected a number between 0.1 and 1000, got 0.');
    expect(latencyProblem({ dist: 'weibull', scale: 0, shape: 1 })).toBe('network.latency.scale: expected a duration > 0 and <= 10000d, got 0.');
    expect(latencyProblem({ dist: 'weibull', scale: '1 sec', shape: 1 })).toMatch(/^network\.latency\.scale: '1 sec' is not a duration: /);
    expect(latencyProblem({ dist: 'uniform', min: '500ms', max: '100ms' })).toBe("network.latency.max: uniform needs max >= min, got min '500ms' and max '100ms'.");
    expect(latencyProblem([1, 2])).toMatch(/^network\.latency: expected a constant or a distribution \{ dist: NAME, \.\.\. \} with NAME one of .*, got a list\.$/);
    expect(problem({ ...base, data: { popularity: { dist: 'zipf', exponent: -1 } } })).toBe('data.popularity.exponent: expected a number between 0 and 100, got -1.');
  });
  it('respects the smallest value a key allows (latency >= 0)', () => {
    expect(latencyProblem('-5ms')).toBe("network.latency: expected a duration between 0 and 10000d, got '-5ms'.");
    expect(latencyProblem({ dist: 'uniform', min: '-5ms', max: '5ms' })).toBe("network.latency.min: draws cannot be below 0 here, got min '-5ms'.");
    expect(latencyProblem({ dist: 'constant', value: -1 })).toBe('network.latency.value: draws cannot be below 0 here, got value -1.');
  });
});

describe('lists', () => {
  it('accepts one item written without the list', () => {
    const one = validate({ ...base, failures: { at: '60s', fraction: 0.5 } }).failures;
    const list = validate({ ...base, failures: [{ at: '60s', fraction: 0.5 }] }).failures;
    expect(one).toEqual([{ at: 60, fraction: 0.5, target: 'random' }]);
    expect(list).toEqual(one);
  });
  it('names the index of a bad item', () => {
    expect(problem({ ...base, failures: [{ at: 1, fraction: 0.5 }, { at: 2, fraction: 2 }] })).toBe('failures[1].fraction: expected a number between 0 and 1, got 2.');
  });
  it('honours minItems and rejects a bare item where single is off', () => {
    const node = s.list(s.integer({ doc: 'n', min: 0 }), { doc: 'ns', default: [], minItems: 2 });
    expect(validateNode(node, [1, 2])).toEqual([1, 2]);
    expect(errorOf(() => validateNode(node, [1])).format()).toBe('expected at least 2 items, got 1.');
    const objects = s.list(s.object({ a: s.integer({ doc: 'a', default: 1 }) }, { doc: 'o' }), { doc: 'os', default: [] });
    expect(errorOf(() => validateNode(objects, { a: 2 })).format()).toBe('expected a list, got a mapping.');
  });
});

describe('cross-field checks', () => {
  it('random-regular: degree < peers.count and an even number of link ends', () => {
    expect(problem({ ...base, peers: { count: 5 }, overlay: { degree: 3 } })).toBe(
      'overlay.degree: random-regular needs peers.count × degree to be even (a graph of n peers of degree k has n·k/2 links), got 5 × 3.');
    expect(problem({ ...base, peers: { count: 4 } })).toBe('overlay.degree: random-regular needs degree < peers.count (4), got 4 (the default).');
    expect(validate({ ...base, peers: { count: 6 }, overlay: { degree: 3 } }).overlay.degree).toBe(3);
  });
  it('barabasi-albert: an even degree >= 2', () => {
    expect(problem({ ...base, overlay: { model: 'barabasi-albert', degree: 3 } })).toBe(
      'overlay.degree: barabasi-albert needs an even degree >= 2 (each new peer brings m = degree/2 links), got 3.');
    expect(problem({ ...base, overlay: { model: 'barabasi-albert', degree: 0 } })).toMatch(/even degree >= 2/);
    expect(problem({ ...base, peers: { count: 2 }, overlay: { model: 'barabasi-albert', degree: 4 } })).toBe(
      'overlay.degree: barabasi-albert needs degree/2 < peers.count (2), got 4.');
  });
  it('watts-strogatz and erdos-renyi degrees', () => {
    expect(problem({ ...base, overlay: { model: 'watts-strogatz', degree: 5 } })).toBe(
      'overlay.degree: watts-strogatz needs an even degree (degree/2 lattice neighbours on each side), got 5.');
    expect(problem({ ...base, peers: { count: 4 }, overlay: { model: 'watts-strogatz', degree: 4 } })).toMatch(/needs degree < peers.count \(4\)/);
    expect(problem({ ...base, peers: { count: 4 }, overlay: { model: 'erdos-renyi', degree: 4 } })).toBe(
      'overlay.degree: erdos-renyi needs degree <= peers.count - 1 (3), got 4.');
  });
  it('join-random: degree <= maxDegree', () => {
    expect(problem({ ...base, overlay: { model: 'join-random', degree: 40 } })).toBe(
      'overlay.degree: join-random needs degree <= overlay.maxDegree (32 (the default)), got 40.');
  });
  it('sampling: shuffleLength <= viewSize', () => {
    expect(problem({ ...base, overlay: { sampling: { viewSize: 4, shuffleLength: 5 } } })).toBe(
      'overlay.sampling.shuffleLength: expected at most overlay.sampling.viewSize (4), got 5.');
  });
  it('a broadcast origin must be a peer', () => {
    expect(problem({ ...base, peers: { count: 10 }, workload: { broadcasts: { origin: 10 } } })).toBe(
      'workload.broadcasts[0].origin: peer 10 does not exist: peers.count is 10, so peer ids go from 0 to 9.');
  });
  it('events after the end of the run', () => {
    expect(problem({ ...base, duration: '1min', failures: { at: '2min', fraction: 0.5 } })).toBe(
      'failures[0].at: the failure happens at 2min, at or after the end of the run (duration: 1min), so it would never happen.');
    expect(problem({ ...base, workload: { broadcasts: [{ at: '10min' }] } })).toBe(
      'workload.broadcasts[0].at: the broadcast starts at 10min, at or after the end of the run (duration: 10min (the default)), so it would never happen.');
    expect(problem({ ...base, duration: 5, workload: { searches: [{ start: 5 }] } })).toMatch(/^workload\.searches\[0\]\.start: the searches start at 5s, at or after/);
  });
  it('searches: directory needs hybrid; ringStart <= ttl; count or rate', () => {
    expect(problem({ ...base, workload: { searches: [{ protocol: 'flood' }, { protocol: 'directory' }] } })).toBe(
      "workload.searches[1].protocol: a 'directory' search needs super-peers: add a hybrid section, e.g. hybrid: { superPeers: 0.01 }.");
    expect(validate({ ...base, hybrid: {}, workload: { searches: { protocol: 'directory' } } }).workload.searches[0].protocol).toBe('directory');
    expect(problem({ ...base, workload: { searches: { protocol: 'expanding-ring', ttl: 3, ringStart: 5 } } })).toBe(
      'workload.searches[0].ringStart: expected at most ttl (3), got 5.');
    expect(problem({ ...base, workload: { searches: { count: 10, rate: '5/s' } } })).toBe(
      'workload.searches[0].rate: give either count (a fixed number of queries) or rate (queries per second), not both.');
    expect(validate({ ...base, workload: { searches: { rate: '5/s' } } }).workload.searches[0].rate).toBe(5);
  });
  it('hybrid promotes at least one super-peer', () => {
    expect(problem({ ...base, peers: { count: 50 }, hybrid: { superPeers: 0.01 } })).toBe(
      'hybrid.superPeers: 0.01 of 50 peers promotes no super-peer: expected at least 1/peers.count (0.02).');
  });
  it('capacity: chunk <= file', () => {
    expect(problem({ ...base, capacity: { file: '1MB', chunk: '2MB' } })).toBe(
      'capacity.chunk: expected a chunk no larger than capacity.file (1MB), got 2MB.');
  });
});

describe('several problems', () => {
  it('reports them all, the first one first, each with its key path', () => {
    const error = errorOf(() => validate({ ...base, peers: { count: 0 }, overlay: { degre: 1, model: 'ring' } }));
    expect(error).toBeInstanceOf(ScenarioErrors);
    expect(error.keyPath).toBe('peers.count');
    expect(error.format().split('\n')).toEqual([
      'peers.count: expected an integer between 1 and 134000000, got 0.',
      "overlay.degre: unknown key 'degre' — did you mean 'degree'?",
      "overlay.model: expected one of 'random-regular', 'erdos-renyi', 'barabasi-albert', 'watts-strogatz' or 'join-random', got 'ring'.",
    ]);
  });
  it('orders located problems as they appear in the file', () => {
    const lines: Record<string, number> = { 'peers.count': 9, 'overlay.model': 3 };
    const locate: Locator = (path) => {
      const line = lines[formatKeyPath(path)];
      return line === undefined ? undefined : { line, column: 3 };
    };
    const error = errorOf(() => validate({ ...base, peers: { count: 0 }, overlay: { model: 'ring' } }, locate, { file: 'a.yaml' }));
    expect(error.format().split('\n').map((l) => l.slice(0, 20))).toEqual(['a.yaml:3:3: overlay.', 'a.yaml:9:3: peers.co']);
  });
});

describe('locations', () => {
  it('asks for the key of an unknown key and the value of a bad value', () => {
    const asked: string[] = [];
    const locate: Locator = (path, part) => {
      asked.push(`${formatKeyPath(path)}:${part}`);
      return { line: 7, column: part === 'key' ? 1 : 9 };
    };
    expect(errorOf(() => validate({ ...base, overlay: { degre: 1 } }, locate, { file: 'f.yaml' })).format())
      .toBe("f.yaml:7:1: overlay.degre: unknown key 'degre' — did you mean 'degree'?");
    expect(errorOf(() => validate({ ...base, overlay: { degree: -1 } }, locate, { file: 'f.yaml' })).format())
      .toBe('f.yaml:7:9: overlay.degree: expected an integer between 0 and 65536, got -1.');
    expect(asked).toEqual(['overlay.degre:key', 'overlay.degree:value']);
  });
  it('says (from --set) instead of a position', () => {
    const locate: Locator = () => ({ set: true });
    expect(errorOf(() => validate({ ...base, overlay: { degree: -1 } }, locate, { file: 'f.yaml' })).format())
      .toBe('f.yaml: overlay.degree (from --set): expected an integer between 0 and 65536, got -1.');
  });
  it('a top level that is not a mapping', () => {
    expect(problem([1])).toBe('a scenario must be a mapping of keys (name:, peers:, overlay:, ...), got a list.');
  });
});

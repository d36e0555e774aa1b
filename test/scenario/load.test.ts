import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile, loadScenarioText } from '../../sim/scenario/load.js';
import { errorOf } from '../helpers/scenario-error.js';

const problem = (text: string, sets: string[] = []) => errorOf(() => loadScenarioText(text, 'scenarios/x.yaml', sets)).format();

const multiLine = `# yaml-language-server: $schema=scenario.schema.json
name: Flooding vs random walk
duration: 10min
peers:
  count: 1000
network:
  latency: { dist: uniform, min: 10ms, max: 90ms }
overlay:
  model: random-regular
  degree: 4
workload:
  broadcasts:
    - at: 1s
      fanout: 2
    - at: 5s
      protocol: pull
`;
const edit = (from: string, to: string) => {
  if (!multiLine.includes(from)) throw new Error(`fixture lacks ${from}`);
  return multiLine.replace(from, to);
};

describe('reading a scenario', () => {
  it('reads YAML and resolves it', () => {
    const scenario = loadScenarioText(multiLine, 'x.yaml');
    expect(scenario.name).toBe('Flooding vs random walk');
    expect(scenario.network.latency).toEqual({ dist: 'uniform', min: 0.01, max: 0.09 });
    expect(scenario.workload.broadcasts.map((b) => [b.at, b.fanout, b.protocol])).toEqual([[1, 2, 'push'], [5, 1, 'pull']]);
  });
  it('reads JSON, which is YAML', () => {
    const scenario = loadScenarioText('{"name": "j", "peers": {"count": 10}, "overlay": {"degree": 2}}', 'x.json');
    expect(scenario.peers.count).toBe(10);
    expect(problem('{\n  "name": "j",\n  "peers": {"count": -1}\n}\n')).toBe(
      'scenarios/x.yaml:3:22: peers.count: expected an integer between 1 and 134000000, got -1.');
  });
  it('resolves anchors, aliases and merge keys', () => {
    const text = 'name: a\nworkload:\n  broadcasts:\n    - &b { at: 1s, fanout: 3 }\n    - { <<: *b, at: 2s }\n';
    expect(loadScenarioText(text, 'x.yaml').workload.broadcasts.map((b) => [b.at, b.fanout])).toEqual([[1, 3], [2, 3]]);
  });
});

describe('YAML errors carry line:column', () => {
  it('a syntax error', () => {
    expect(problem('name: a\npeers:\n  count: [1, 2\noverlay: {}\n')).toBe(
      'scenarios/x.yaml:4:1: YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ].');
    expect(problem('name: a\npeers:\n  count: 1\n bad: 2\n')).toBe(
      'scenarios/x.yaml:4:1: YAML syntax error: all mapping items must start at the same column.');
    expect(problem('name: "unclosed\n')).toMatch(/^scenarios\/x\.yaml:2:1: YAML syntax error: missing closing "quote\.$/);
  });
  it('a duplicate key', () => {
    expect(problem('name: a\nseed: 1\nseed: 2\n')).toBe("scenarios/x.yaml:3:1: duplicate key 'seed': a key may appear only once in a mapping.");
    expect(problem('name: a\noverlay:\n  degree: 4\n  model: erdos-renyi\n  degree: 6\n')).toBe(
      "scenarios/x.yaml:5:3: duplicate key 'degree': a key may appear only once in a mapping (here overlay.degree).");
  });
  it('an undefined alias', () => {
    expect(problem('name: a\npeers: *nowhere\n')).toMatch(/^scenarios\/x\.yaml(:\d+:\d+)?: YAML (syntax )?error: .*nowhere/);
  });
  it('a top level that is not a mapping, and an empty file', () => {
    expect(problem('- name: a\n')).toBe('scenarios/x.yaml:1:1: a scenario must be a mapping of keys (name:, peers:, overlay:, ...), got a list.');
    expect(problem('# nothing\n\nhello\n')).toBe('scenarios/x.yaml:3:1: a scenario must be a mapping of keys (name:, peers:, overlay:, ...), got the value "hello".');
    expect(problem('')).toBe('scenarios/x.yaml: the file is empty: a scenario is a mapping of keys and needs at least a name, e.g. name: My experiment.');
  });
});

describe('schema errors carry line:column', () => {
  it('a wrong value points at the value', () => {
    expect(problem(edit('  degree: 4', '  degree: -3'))).toBe('scenarios/x.yaml:10:11: overlay.degree: expected an integer between 0 and 65536, got -3.');
    expect(problem(edit('      fanout: 2', '      fanout: lots'))).toBe(
      "scenarios/x.yaml:14:15: workload.broadcasts[0].fanout: expected an integer between 1 and 67108864, got 'lots'.");
    expect(problem(edit('      protocol: pull', '      protocol: pul'))).toBe(
      "scenarios/x.yaml:16:17: workload.broadcasts[1].protocol: expected one of 'push', 'pull', 'push-pull' or 'flood', got 'pul' — did you mean 'pull'?");
    expect(problem(edit('max: 90ms', 'max: 9ms'))).toBe(
      "scenarios/x.yaml:7:45: network.latency.max: uniform needs max >= min, got min '10ms' and max '9ms'.");
    expect(problem(edit('duration: 10min', 'duration: 10 mins'))).toMatch(/^scenarios\/x\.yaml:3:11: duration: '10 mins' is not a duration: /);
  });
  it('an unknown key points at the key', () => {
    expect(problem(edit('  degree: 4', '  degre: 4'))).toBe("scenarios/x.yaml:10:3: overlay.degre: unknown key 'degre' — did you mean 'degree'?");
    expect(problem(edit('network:', 'netwrk:'))).toBe("scenarios/x.yaml:6:1: netwrk: unknown key 'netwrk' — did you mean 'network'?");
    expect(problem(edit('min: 10ms', 'minimum: 10ms'))).toBe("scenarios/x.yaml:7:29: network.latency.minimum: unknown parameter 'minimum' of uniform; uniform takes 'min' and 'max'.");
    expect(problem(edit('max: 90ms', 'mx: 90ms'))).toBe("scenarios/x.yaml:7:40: network.latency.mx: unknown parameter 'mx' of uniform — did you mean 'max'?");
  });
  it('an empty value points at its key', () => {
    expect(problem(edit('  count: 1000', '  count:'))).toBe('scenarios/x.yaml:5:3: peers.count: expected an integer between 1 and 134000000, got an empty value.');
  });
  it('a missing key points at its mapping', () => {
    expect(problem('seed: 3\n')).toBe("scenarios/x.yaml:1:1: missing required key 'name' (experiment name, shown as the report title and used for the default report file name), e.g. name: Flooding vs random walk.");
    expect(problem('name: a\nfailures:\n  - at: 5s\n')).toMatch(/^scenarios\/x\.yaml:3:5: failures\[0\]: missing required key 'fraction'/);
  });
  it('a single item written without its list', () => {
    expect(problem('name: a\nfailures:\n  at: 5s\n  fraction: 2\n')).toBe('scenarios/x.yaml:4:13: failures[0].fraction: expected a number between 0 and 1, got 2.');
  });
  it('a cross-field problem points at the key it names, or has no position for a default', () => {
    expect(problem('name: a\npeers:\n  count: 5\noverlay:\n  degree: 3\n')).toMatch(/^scenarios\/x\.yaml:5:11: overlay\.degree: random-regular needs peers\.count × degree to be even/);
    expect(problem('name: a\npeers:\n  count: 3\n')).toBe('scenarios/x.yaml: overlay.degree: random-regular needs degree < peers.count (3), got 4 (the default).');
  });
});

describe('--set', () => {
  it('is applied before validation', () => {
    const scenario = loadScenarioText(multiLine, 'x.yaml', ['peers.count=100000', 'overlay.degree=6', 'duration=1h', 'name=Other']);
    expect(scenario.peers.count).toBe(100000);
    expect(scenario.overlay.degree).toBe(6);
    expect(scenario.duration).toBe(3600);
    expect(scenario.name).toBe('Other');
  });
  it('creates missing sections', () => {
    const scenario = loadScenarioText('name: a\n', 'x.yaml', ['overlay.sampling.protocol=newscast', 'churn.session.dist=weibull', 'churn.session.shape=0.6', 'churn.session.scale=40min']);
    expect(scenario.overlay.sampling).toMatchObject({ protocol: 'newscast', viewSize: 20 });
    expect(scenario.churn!.session).toEqual({ dist: 'weibull', scale: 2400, shape: 0.6 });
  });
  it('addresses list items by index, in both notations, and appends one past the end', () => {
    const a = loadScenarioText(multiLine, 'x.yaml', ['workload.broadcasts.0.fanout=5', 'workload.broadcasts[1].fanout=7', 'workload.broadcasts[2].at=9s']);
    expect(a.workload.broadcasts.map((b) => [b.at, b.fanout])).toEqual([[1, 5], [5, 7], [9, 1]]);
    const single = loadScenarioText('name: a\nfailures:\n  at: 5s\n  fraction: 0.5\n', 'x.yaml', ['failures[0].fraction=0.25']);
    expect(single.failures).toEqual([{ at: 5, fraction: 0.25, target: 'random' }]);
    const created = loadScenarioText('name: a\n', 'x.yaml', ['workload.searches[0].protocol=random-walk']);
    expect(created.workload.searches[0].protocol).toBe('random-walk');
  });
  it('parses values as YAML', () => {
    const scenario = loadScenarioText('name: a\n', 'x.yaml', [
      'overlay.repair=true', 'network.latency={dist: exponential, mean: 20ms}', 'description=', 'workload.broadcasts.0.origin=12',
    ]);
    expect(scenario.overlay.repair).toBe(true);
    expect(scenario.network.latency).toEqual({ dist: 'exponential', mean: 0.02 });
    expect(scenario.description).toBe('');
    expect(scenario.workload.broadcasts[0].origin).toBe(12);
  });
  it('turns off an optional section with null', () => {
    expect(loadScenarioText('name: a\nchurn: {}\n', 'x.yaml', ['churn=null']).churn).toBeNull();
  });
  it('a bad value set says so instead of a position', () => {
    expect(problem(multiLine, ['overlay.degree=-1'])).toBe('scenarios/x.yaml: overlay.degree (from --set): expected an integer between 0 and 65536, got -1.');
    expect(problem(multiLine, ['network.latency.max=1ms'])).toBe(
      "scenarios/x.yaml: network.latency.max (from --set): uniform needs max >= min, got min '10ms' and max '1ms'.");
    expect(problem('name: a\n', ['churn.session.dist=weibull'])).toBe(
      "scenarios/x.yaml: churn.session (from --set): weibull needs 'scale' and 'shape', e.g. { dist: weibull, shape: 0.6, scale: 40min }.");
  });
  it('an unknown key is named with a suggestion', () => {
    expect(problem(multiLine, ['overlay.degre=3'])).toBe("scenarios/x.yaml: overlay.degre (from --set): unknown key 'degre' — did you mean 'degree'?");
    expect(problem(multiLine, ['peer.count=3'])).toBe("scenarios/x.yaml: peer (from --set): unknown key 'peer' — did you mean 'peers'?");
    expect(problem(multiLine, ['peers.count.max=3'])).toBe("scenarios/x.yaml: peers.count.max (from --set): peers.count is a single value: it has no key 'max'.");
    expect(problem(multiLine, ['workload.broadcasts[5].at=1s'])).toBe(
      'scenarios/x.yaml: workload.broadcasts[5] (from --set): index 5 is past the end of workload.broadcasts, which has 2 items (index 2 adds one).');
    expect(problem(multiLine, ['workload.broadcasts.fanout=1'])).toBe(
      'scenarios/x.yaml: workload.broadcasts.fanout (from --set): workload.broadcasts is a list: give an item index, e.g. workload.broadcasts[0].fanout.');
  });
  it('a malformed option', () => {
    expect(problem(multiLine, ['overlay.degree'])).toBe(
      "scenarios/x.yaml: --set 'overlay.degree': expected key.path=value, e.g. --set peers.count=100000 or --set workload.broadcasts[0].fanout=2.");
    expect(problem(multiLine, ['=3'])).toBe(
      "scenarios/x.yaml: --set '=3': the key path before '=' is empty, e.g. --set peers.count=100000 or --set workload.broadcasts[0].fanout=2.");
    expect(problem(multiLine, ['overlay..degree=3'])).toMatch(/^scenarios\/x\.yaml: --set 'overlay\.\.degree=3': 'overlay\.\.degree' is not a key path: /);
  });
});

describe('files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gossipsim-load-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file and names it in errors', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'name: from a file\npeers: { count: 10 }\noverlay: { degree: 2 }\n');
    expect(loadScenarioFile(file).peers.count).toBe(10);
    expect(loadScenarioFile(file, ['peers.count=20']).peers.count).toBe(20);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\n\noverlay:\n  degree: -3\n');
    expect(errorOf(() => loadScenarioFile(bad)).format()).toBe(`${bad}:4:11: overlay.degree: expected an integer between 0 and 65536, got -3.`);
  });
  it('an unreadable file gives the reason, not a stack', () => {
    const missing = join(dir, 'missing.yaml');
    const error = errorOf(() => loadScenarioFile(missing));
    expect(error.format()).toBe(`${missing}: cannot read the scenario file: no such file or directory.`);
    expect(error.file).toBe(missing);
    expect(errorOf(() => loadScenarioFile(dir)).format()).toBe(`${dir}: cannot read the scenario file: it is a directory.`);
  });
  it.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const locked = join(dir, 'locked.yaml');
    writeFileSync(locked, 'name: x\n');
    chmodSync(locked, 0o000);
    expect(errorOf(() => loadScenarioFile(locked)).format()).toBe(`${locked}: cannot read the scenario file: permission denied.`);
  });
});

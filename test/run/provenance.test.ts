/** Provenance: version, engine, platform and scenario hash in every results file. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, runtimeInfo, scenarioHash } from '../../sim/run/provenance';
import { runScenario } from '../../sim/run/run-scenario';
import { withoutWallClock } from '../../sim/run/serialize';
import { loadScenarioText } from '../../sim/scenario/load';
import { GOSSIPSIM_VERSION } from '../../sim/version';

const YAML = `name: p
seed: 4
duration: 10s
peers: { count: 50 }
network: { latency: { dist: exponential, mean: 20ms } }
overlay: { model: random-regular, degree: 4 }
workload: { broadcasts: [{ at: 0, protocol: flood, targets: neighbours }] }
`;

describe('provenance', () => {
  it('sim/version.ts holds package.json\'s version', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(GOSSIPSIM_VERSION).toBe(pkg.version);
  });

  it('hashes the scenario as canonical JSON with SHA-256, whatever the key order', () => {
    const scenario = loadScenarioText(YAML, 'p.yaml', []);
    const digest = createHash('sha256').update(canonicalJson(scenario)).digest('hex');
    expect(scenarioHash(scenario)).toBe(`sha256:${digest}`);
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(scenarioHash({ b: 1, a: 2 })).toBe(scenarioHash({ a: 2, b: 1 }));
    expect(scenarioHash({ a: 1 })).not.toBe(scenarioHash({ a: 2 }));
  });

  it('names Node, its V8 and the platform, or a browser from its user agent', () => {
    expect(runtimeInfo()).toEqual({ engine: { name: 'node', version: process.versions.node, v8: process.versions.v8 },
      platform: `${process.platform}-${process.arch}` });
    const ua = (userAgent: string) => runtimeInfo({ navigator: { userAgent, platform: 'Linux x86_64' } });
    expect(ua('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.7500.1 Safari/537.36'))
      .toEqual({ engine: { name: 'chromium', version: '156.0.7500.1' }, platform: 'Linux x86_64' });
    expect(ua('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0').engine).toEqual({ name: 'firefox', version: '140.0' });
    expect(ua('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15').engine)
      .toEqual({ name: 'safari', version: '18.2' });
  });

  it('is recorded in a run\'s results; comparisons drop only the machine (engine, platform)', () => {
    const results = runScenario(loadScenarioText(YAML, 'p.yaml', []));
    expect(Object.keys(results).slice(0, 2)).toEqual(['format', 'provenance']);
    expect(results.provenance).toEqual({ gossipsim: GOSSIPSIM_VERSION, ...runtimeInfo(), scenarioHash: scenarioHash(results.scenario) });
    const compared = withoutWallClock(results);
    expect(compared.provenance).toEqual({ gossipsim: GOSSIPSIM_VERSION, scenarioHash: results.provenance.scenarioHash });
    expect(compared.engine.events).toBe(results.engine.events);
    expect(compared.engine).not.toHaveProperty('wallSeconds');
  });
});

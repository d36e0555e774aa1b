/** `metrics.highlight`: each path must name a metric the scenario reports; absent, it leaves no key. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../sim/scenario/load';
import { errorOf } from '../helpers/scenario-error';
import { gossipsim, tempDir } from '../helpers/cli';

const BASE = `name: h
duration: 30s
peers: { count: 100 }
failures: [{ at: 10s, fraction: 0.1 }]
workload:
  broadcasts: { at: 1s }
  searches: { protocol: flood, count: 5 }
metrics:
  highlight:
`;
const withHighlight = (...paths: string[]) => BASE + paths.map((p) => `    - ${p}\n`).join('');

describe('metrics.highlight', () => {
  it('accepts metrics the scenario reports, by exact path or with [] for every index', () => {
    const s = loadScenarioText(withHighlight('resilience[0].largestComponentFraction', 'broadcasts[].coverage',
      'searches.byProtocol.flood.successRate', 'overlay.clustering'), 'h.yaml');
    expect(s.metrics.highlight).toEqual(['resilience[0].largestComponentFraction', 'broadcasts[].coverage',
      'searches.byProtocol.flood.successRate', 'overlay.clustering']);
  });
  it('leaves no key in the resolved scenario when absent (results of other scenarios unchanged)', () => {
    const s = loadScenarioText('name: x\npeers: { count: 10 }\n', 'x.yaml');
    expect(Object.keys(s.metrics)).toEqual(['sample']);
  });
  it.each([
    ['broadcasts[0].coverag', /'broadcasts\[0\]\.coverag' names no metric — did you mean 'broadcasts\[0\]\.coverage'\?/],
    ['broadcasts[1].coverage', /index 1 is past the 1 broadcast/],
    ['resilience[2].components', /index 2 is past the 1 failure/],
    ['broadcasts[0].origin', /setting or identifier/],
    ['capacity.distributionTime', /only by a scenario with a capacity section/],
    ['searches.byProtocol.random-walk.successRate', /no search of this scenario uses protocol 'random-walk'/],
  ])('rejects %s with its line and column', (path, message) => {
    const text = withHighlight('overlay.clustering', path);
    const e = errorOf(() => loadScenarioText(text, 'h.yaml'));
    expect(e.format()).toMatch(/^h\.yaml:11:7: metrics\.highlight\[1\]: /);
    expect(e.format()).toMatch(message);
  });
  it('gossipsim validate exits 2 with file:line:column', () => {
    const dir = tempDir();
    const file = join(dir, 'h.yaml');
    writeFileSync(file, withHighlight('no.such.metric'));
    const r = gossipsim(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:10:7: metrics.highlight[0]: 'no.such.metric' names no metric`);
  });
});

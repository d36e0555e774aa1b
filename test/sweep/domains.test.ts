/** Every metric the bundled scenarios report has a declared domain, and their values lie in it. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_BOUNDS, declaredDomain, declaredPatterns, metricPattern } from '../../sim/run/domains';
import { flattenMetrics } from '../../sim/sweep/metrics';

const GOLDEN = join(__dirname, '..', 'golden', 'results');

describe('metric domains', () => {
  it('names array indices and protocol keys by pattern', () => {
    expect(metricPattern('broadcasts[12].coverage')).toBe('broadcasts[].coverage');
    expect(metricPattern('searches.byProtocol.random-walk.successRate')).toBe('searches.byProtocol.*.successRate');
    expect(declaredDomain('broadcasts[0].allReached')).toBe('proportion');
    expect(declaredDomain('searches.bySearch[1].meanTimeToHit')).toBe('time');
    expect(declaredDomain('no.such.metric')).toBeUndefined();
  });

  const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));
  it('covers the golden results of every bundled scenario (they touch every key)', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  it.each(files)('%s: every metric declared, every value inside its domain', (file) => {
    const metrics = flattenMetrics(JSON.parse(readFileSync(join(GOLDEN, file), 'utf8')));
    const undeclared = Object.keys(metrics).filter((k) => declaredDomain(k) === undefined);
    expect(undeclared).toEqual([]);
    const outside = Object.entries(metrics).filter(([k, v]) => {
      const [lo, hi] = DOMAIN_BOUNDS[declaredDomain(k)!];
      const whole = declaredDomain(k) === 'count' ? Number.isInteger(v) : true;
      const yesNo = declaredDomain(k) === 'proportion' ? v === 0 || v === 1 : true;
      return !(v >= lo && v <= hi && whole && yesNo);
    });
    expect(outside).toEqual([]);
  });
});

describe('docs/sweep-statistics.md', () => {
  it('lists every declared metric with its domain, and nothing else', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'sweep-statistics.md'), 'utf8');
    const listed = Array.from(text.matchAll(/^\| `([^`]+)` \| (\w+) \|$/gm)).map((m) => `${m[1]} ${m[2]}`);
    expect(listed).toEqual(declaredPatterns().map((p) => `${p} ${declaredDomain(p)}`));
  });
});

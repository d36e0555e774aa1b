import { describe, expect, it } from 'vitest';
import { parseKeyPath, parseSetValue, parseOverride, applyOverrides, fromOverride } from '../../sim/scenario/overrides.js';

describe('parseKeyPath', () => {
  it('reads dotted keys and list indices in both notations', () => {
    expect(parseKeyPath('peers.count')).toEqual(['peers', 'count']);
    expect(parseKeyPath('workload.broadcasts[0].fanout')).toEqual(['workload', 'broadcasts', 0, 'fanout']);
    expect(parseKeyPath('workload.broadcasts.0.fanout')).toEqual(['workload', 'broadcasts', 0, 'fanout']);
    expect(parseKeyPath('failures[1]')).toEqual(['failures', 1]);
  });
  it('rejects empty parts and bad brackets', () => {
    for (const bad of ['', '.a', 'a.', 'a..b', 'a[x]', 'a[0', '[0]', '0.a']) expect(parseKeyPath(bad), bad).toBeUndefined();
  });
});

describe('parseSetValue', () => {
  it('reads a YAML scalar (or flow collection)', () => {
    expect(parseSetValue('100000')).toBe(100000);
    expect(parseSetValue('0.5')).toBe(0.5);
    expect(parseSetValue('true')).toBe(true);
    expect(parseSetValue('cyclon')).toBe('cyclon');
    expect(parseSetValue('250ms')).toBe('250ms');
    expect(parseSetValue('null')).toBeNull();
    expect(parseSetValue('"42"')).toBe('42');
    expect(parseSetValue('{dist: exponential, mean: 20min}')).toEqual({ dist: 'exponential', mean: '20min' });
    expect(parseSetValue('')).toBe('');
    expect(parseSetValue('[unclosed')).toBe('[unclosed');
  });
  it('keeps the text after the first = whole', () => {
    expect(parseOverride('description=a=b')).toMatchObject({ path: ['description'], value: 'a=b' });
  });
});

describe('applyOverrides', () => {
  it('sets values in place and records what it set and created', () => {
    const raw: Record<string, unknown> = { name: 'a', peers: { count: 5 } };
    const applied = applyOverrides(raw, ['peers.count=7', 'overlay.sampling.viewSize=9', 'failures[0].at=5']);
    expect(raw).toEqual({ name: 'a', peers: { count: 7 }, overlay: { sampling: { viewSize: 9 } }, failures: [{ at: 5 }] });
    expect([...applied.set]).toEqual(['peers.count', 'overlay.sampling.viewSize', 'failures[0].at']);
    expect([...applied.created]).toEqual(['overlay', 'overlay.sampling', 'failures', 'failures[0]']);
    expect(fromOverride(applied, 'peers.count')).toBe(true);
    expect(fromOverride(applied, 'overlay.sampling')).toBe(true);
    expect(fromOverride(applied, 'failures[0].fraction')).toBe(false);
    expect(fromOverride(applied, 'failures[0]')).toBe(true);
    expect(fromOverride(applied, 'peers')).toBe(false);
  });
  it('a later --set wins', () => {
    const raw: Record<string, unknown> = { name: 'a' };
    applyOverrides(raw, ['seed=1', 'seed=2']);
    expect(raw.seed).toBe(2);
  });
  it('replaces a constant distribution by a mapping to set its parameters', () => {
    const raw: Record<string, unknown> = { name: 'a', network: { latency: '50ms' } };
    applyOverrides(raw, ['network.latency.dist=exponential', 'network.latency.mean=20ms']);
    expect(raw.network).toEqual({ latency: { dist: 'exponential', mean: '20ms' } });
  });
});

import { describe, expect, it } from 'vitest';
import { ScenarioError, ScenarioErrors, formatKeyPath } from '../../sim/scenario/errors.js';

describe('formatKeyPath', () => {
  it('writes keys with dots and indices in brackets', () => {
    expect(formatKeyPath(['workload', 'broadcasts', 0, 'fanout'])).toBe('workload.broadcasts[0].fanout');
    expect(formatKeyPath(['failures', 2])).toBe('failures[2]');
    expect(formatKeyPath([])).toBe('');
  });
});

describe('ScenarioError', () => {
  it('formats file:line:column: key.path: detail. as one line', () => {
    const error = ScenarioError.at('expected an integer >= 0, got -3', ['overlay', 'degree'], { line: 12, column: 5 }, 'scenarios/x.yaml');
    expect(error.format()).toBe('scenarios/x.yaml:12:5: overlay.degree: expected an integer >= 0, got -3.');
    expect(error.message).toBe(error.format());
    expect(error).toBeInstanceOf(Error);
    expect([error.file, error.keyPath, error.line, error.column]).toEqual(['scenarios/x.yaml', 'overlay.degree', 12, 5]);
  });
  it('leaves out what it does not know, and keeps final punctuation', () => {
    expect(new ScenarioError('cannot read the scenario file: permission denied', { file: 'a.yaml' }).format()).toBe('a.yaml: cannot read the scenario file: permission denied.');
    expect(new ScenarioError("unknown key 'x' — did you mean 'y'?", { keyPath: 'x' }).format()).toBe("x: unknown key 'x' — did you mean 'y'?");
    expect(new ScenarioError('bad', { line: 3, column: 1 }).format()).toBe('line 3:1: bad.');
    expect(ScenarioError.at('bad', ['seed'], { set: true }, 'a.yaml').format()).toBe('a.yaml: seed (from --set): bad.');
  });
  it('withFile attributes an error to a file', () => {
    const error = ScenarioError.at('bad', ['seed'], { line: 2, column: 7 }).withFile('b.yaml');
    expect(error.format()).toBe('b.yaml:2:7: seed: bad.');
  });
});

describe('ScenarioErrors', () => {
  const a = ScenarioError.at('first', ['peers', 'count'], { line: 1, column: 2 }, 'f.yaml');
  const b = ScenarioError.at('second', ['seed'], undefined, 'f.yaml');
  it('is the first error, and lists every problem one per line', () => {
    const all = new ScenarioErrors([a, b]);
    expect(all).toBeInstanceOf(ScenarioError);
    expect([all.keyPath, all.line, all.detail]).toEqual(['peers.count', 1, 'first']);
    expect(all.format()).toBe('f.yaml:1:2: peers.count: first.\nf.yaml: seed: second.');
    expect(all.withFile('g.yaml').format()).toBe('g.yaml:1:2: peers.count: first.\ng.yaml: seed: second.');
  });
  it('caps a long list', () => {
    const many = new ScenarioErrors(Array.from({ length: 13 }, (_, i) => ScenarioError.at(`problem ${i}`, ['seed'])));
    const lines = many.format().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('(and 3 more problems)');
  });
  it('throwIfAny throws one error alone, several together, none not at all', () => {
    expect(() => ScenarioErrors.throwIfAny([])).not.toThrow();
    expect(() => ScenarioErrors.throwIfAny([a])).toThrow(a);
    try {
      ScenarioErrors.throwIfAny([a, b]);
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioErrors);
      expect((error as ScenarioErrors).errors).toEqual([a, b]);
      return;
    }
    throw new Error('nothing thrown');
  });
});

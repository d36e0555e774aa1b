import { describe, expect, it } from 'vitest';
import { editDistance, suggest, didYouMean } from '../../sim/scenario/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0], ['abc', '', 3], ['', 'ab', 2], ['degree', 'degree', 0], ['degre', 'degree', 1], ['degere', 'degree', 1], ['degrxx', 'degree', 2],
    ['kitten', 'sitting', 3], ['ab', 'ba', 1], ['pushh', 'push', 1], ['ca', 'abc', 3], ['flaw', 'lawn', 2],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  const keys = ['model', 'degree', 'rewire', 'maxDegree', 'repair', 'sampling'];
  it('finds the nearest key, ignoring case and separators', () => {
    expect(suggest('degre', keys)).toBe('degree');
    expect(suggest('DEGREE', keys)).toBe('degree');
    expect(suggest('maxdegree', keys)).toBe('maxDegree');
    expect(suggest('max_degree', keys)).toBe('maxDegree');
    expect(suggest('smapling', keys)).toBe('sampling');
    expect(suggest('modle', keys)).toBe('model');
  });
  it('suggests nothing when no key is close', () => {
    expect(suggest('colour', keys)).toBeUndefined();
    expect(suggest('x', keys)).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });
  it('suggests enum values', () => {
    expect(suggest('pushh', ['push', 'pull', 'push-pull', 'flood'])).toBe('push');
    expect(suggest('pushpull', ['push', 'pull', 'push-pull', 'flood'])).toBe('push-pull');
    expect(suggest('random_walk', ['flood', 'random-walk', 'expanding-ring', 'directory'])).toBe('random-walk');
  });
  it('phrases the hint', () => {
    expect(didYouMean('degre', keys)).toBe(" — did you mean 'degree'?");
    expect(didYouMean('zzz', keys)).toBe('');
  });
});

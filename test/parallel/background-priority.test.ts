/**
 * The main thread's background priority while the workers of a parallel run simulate:
 * taken only where it can be given back, and given back.
 */
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, enterBackground, mayEnterBackground, mayLowerNiceTo } from '../../sim/parallel/background-priority';

const limits = (soft: string) => `Limit                     Soft Limit           Hard Limit           Units     \nMax nice priority         ${soft}                    ${soft}                    \n`;
const status = (capEff: string) => `Name:\tnode\nCapInh:\t0000000000000000\nCapEff:\t${capEff}\n`;

describe('background priority', () => {
  it('may be undone with CAP_SYS_NICE (bit 23), whatever RLIMIT_NICE says', () => {
    expect(mayLowerNiceTo(0, status('0000000000800000'), limits('0'))).toBe(true);
    expect(mayLowerNiceTo(0, status('000001ffffffffff'), limits('0'))).toBe(true);
  });

  it('without it, only as far down as RLIMIT_NICE allows (nice 20 − soft limit)', () => {
    const noCap = status('00000000007fffff'); // every capability below bit 23
    expect(mayLowerNiceTo(0, noCap, limits('0'))).toBe(false);
    expect(mayLowerNiceTo(0, noCap, limits('20'))).toBe(true);
    expect(mayLowerNiceTo(5, noCap, limits('15'))).toBe(true);
    expect(mayLowerNiceTo(4, noCap, limits('15'))).toBe(false);
    expect(mayLowerNiceTo(0, noCap, limits('unlimited'))).toBe(true);
  });

  it('not at all when /proc says nothing, nor for a thread already in the background', () => {
    expect(mayLowerNiceTo(0, '', '')).toBe(false);
    expect(mayEnterBackground(BACKGROUND_NICE)).toBe(false);
  });

  it('is entered and left on this machine as /proc allows', () => {
    const before = getPriority(0);
    const allowed = mayEnterBackground(before);
    const restore = enterBackground();
    try {
      expect(getPriority(0)).toBe(allowed ? BACKGROUND_NICE : before);
    } finally {
      restore();
    }
    expect(getPriority(0)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseQuantity, parseDuration, parseRate, parseSize, parseBandwidth, unitPattern, unitTables,
  formatDuration, formatRate, formatSize, formatBandwidth, formatQuantity,
} from '../../sim/scenario/units.js';

const value = (r: ReturnType<typeof parseQuantity>) => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.message}`);
  return r.value;
};
const message = (r: ReturnType<typeof parseQuantity>) => {
  if (r.ok) throw new Error(`expected an error, got ${r.value}`);
  return r.message;
};

describe('durations (seconds)', () => {
  it.each([
    ['250ms', 0.25], ['2s', 2], ['5min', 300], ['1h', 3600], ['1d', 86400],
    ['1.5s', 1.5], ['.5h', 1800], ['1e3ms', 1], [' 250 ms ', 0.25], ['-5s', -5], ['3', 3], ['100ms', 0.1],
  ])('%s = %s s', (text, seconds) => {
    expect(value(parseDuration(text))).toBe(seconds);
  });
  it('takes a bare number as seconds', () => {
    expect(value(parseDuration(42))).toBe(42);
    expect(value(parseDuration(0.05))).toBe(0.05);
  });
  it('explains a duration it cannot read, with the unit meant', () => {
    expect(message(parseDuration('5 minutes'))).toBe(
      "'5 minutes' is not a duration: write a number of seconds or a number with ms, s, min, h or d, e.g. 250ms, 2s, 5min (did you mean '5min'?)");
    expect(message(parseDuration('5m'))).toMatch(/did you mean '5min'\?\)$/);
    expect(message(parseDuration('2 sec'))).toMatch(/did you mean '2s'\?\)$/);
    expect(message(parseDuration('3 hours'))).toMatch(/did you mean '3h'\?\)$/);
    expect(message(parseDuration('2MS'))).toMatch(/did you mean '2ms'\?\)$/);
    expect(message(parseDuration('soon'))).toBe(
      "'soon' is not a duration: write a number of seconds or a number with ms, s, min, h or d, e.g. 250ms, 2s, 5min");
    expect(message(parseDuration(''))).toMatch(/^'' is not a duration/);
    expect(message(parseDuration('5 parsecs'))).not.toMatch(/did you mean/);
    expect(message(parseDuration('1s2'))).toMatch(/is not a duration/);
  });
  it('rejects non-finite numbers', () => {
    expect(message(parseDuration(Infinity))).toBe('Infinity is not a finite number');
    expect(message(parseDuration(NaN))).toBe('NaN is not a finite number');
  });
});

describe('rates (per second)', () => {
  it.each([
    ['5/s', 5], ['300/min', 5], ['7200/h', 2], ['2/h', 2 / 3600], ['86400/d', 1], ['0/s', 0], ['2.5 /s', 2.5], ['4', 4],
  ])('%s = %s /s', (text, perSecond) => {
    expect(value(parseRate(text))).toBeCloseTo(perSecond, 12);
  });
  it('takes a bare number per second', () => expect(value(parseRate(3))).toBe(3));
  it('explains a rate it cannot read', () => {
    expect(message(parseRate('5 per second'))).toBe(
      "'5 per second' is not a rate: write a number per second or a number with /s, /min, /h or /d, e.g. 5/s, 300/min, 2/h (did you mean '5/s'?)");
    expect(message(parseRate('5/sec'))).toMatch(/did you mean '5\/s'\?\)$/);
    expect(message(parseRate('often'))).toMatch(/^'often' is not a rate: /);
  });
});

describe('sizes (bytes)', () => {
  it.each([
    ['1B', 1], ['2kB', 2e3], ['2KB', 2e3], ['100MB', 100e6], ['3GB', 3e9], ['1TB', 1e12],
    ['64KiB', 65536], ['2MiB', 2 * 2 ** 20], ['1GiB', 2 ** 30], ['1TiB', 2 ** 40], ['256KiB', 262144],
    ['1.5GB', 1.5e9], ['512', 512],
  ])('%s = %s B', (text, bytes) => {
    expect(value(parseSize(text))).toBe(bytes);
  });
  it('takes a bare number as bytes', () => expect(value(parseSize(1000))).toBe(1000));
  it('explains a size it cannot read, and bits versus bytes', () => {
    expect(message(parseSize('10 megs'))).toBe(
      "'10 megs' is not a size: write a number of bytes or a number with B, kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 100MB, 64KiB");
    expect(message(parseSize('10Mb'))).toMatch(/did you mean '10MB'\?\)$/);
    expect(message(parseSize('64kib'))).toMatch(/did you mean '64KiB'\?\)$/);
    expect(message(parseSize('64K'))).toMatch(/did you mean '64kB'\?\)$/);
  });
});

describe('bandwidths (bytes per second)', () => {
  it.each([
    ['8bps', 1], ['500kbps', 62500], ['1Kbps', 125], ['10Mbps', 1.25e6], ['1Gbps', 1.25e8], ['1Tbps', 1.25e11],
    ['8bit/s', 1], ['8kbit/s', 1e3], ['100Mbit/s', 1.25e7], ['1Gbit/s', 1.25e8],
    ['1B/s', 1], ['1kB/s', 1e3], ['1KB/s', 1e3], ['2MB/s', 2e6], ['1GB/s', 1e9], ['1TB/s', 1e12],
    ['1KiB/s', 1024], ['1MiB/s', 2 ** 20], ['1GiB/s', 2 ** 30], ['1TiB/s', 2 ** 40], ['1000', 1000],
  ])('%s = %s B/s', (text, bytesPerSecond) => {
    expect(value(parseBandwidth(text))).toBe(bytesPerSecond);
  });
  it('takes a bare number as bytes per second', () => expect(value(parseBandwidth(5e5))).toBe(5e5));
  it('explains a bandwidth it cannot read', () => {
    expect(message(parseBandwidth('fast'))).toBe(
      "'fast' is not a bandwidth: write a number of bytes per second or a number with bps, kbps, Mbps, Gbps (bits per second) or B/s, kB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s (bytes per second), e.g. 10Mbps, 1Gbps, 2MB/s");
    expect(message(parseBandwidth('10MBps'))).toMatch(/did you mean '10MB\/s'\?\)$/);
    expect(message(parseBandwidth('10mbps'))).toMatch(/did you mean '10Mbps'\?\)$/);
    expect(message(parseBandwidth('10Mb/s'))).toMatch(/did you mean '10Mbit\/s'\?\)$/);
  });
});

describe('plain numbers', () => {
  it('reads a numeric string and rejects anything else', () => {
    expect(value(parseQuantity('none', ' 1.5 '))).toBe(1.5);
    expect(message(parseQuantity('none', '1.5s'))).toBe("'1.5s' is not a number");
  });
});

describe('the published pattern', () => {
  it('accepts exactly the strings the parser accepts', () => {
    const samples = ['250ms', '2s', ' 5 min ', '1h', '1d', '3', '5m', '5 minutes', '5/s', '300/min', '2/h', '1/d', '5/sec',
      '100MB', '64KiB', '1kB', '1KB', '10Mb', '10Mbps', '1Gbps', '2MB/s', '1KiB/s', '10MBps', 'abc', '', '1e3ms', '-2s', '1.5.5s'];
    for (const unit of Object.keys(unitTables) as Array<keyof typeof unitTables>) {
      const pattern = new RegExp(unitPattern(unit));
      for (const text of samples) {
        expect(pattern.test(text), `${unit} ${JSON.stringify(text)}`).toBe(parseQuantity(unit, text).ok);
      }
    }
  });
});

describe('formatting', () => {
  it('writes values in the most readable unit', () => {
    expect(formatDuration(600)).toBe('10min');
    expect(formatDuration(0.05)).toBe('50ms');
    expect(formatDuration(90)).toBe('90s');
    expect(formatDuration(1.5)).toBe('1.5s');
    expect(formatDuration(86400)).toBe('1d');
    expect(formatDuration(7200)).toBe('2h');
    expect(formatDuration(0)).toBe('0s');
    expect(formatRate(5)).toBe('5/s');
    expect(formatRate(0.5)).toBe('30/min');
    expect(formatRate(0)).toBe('0/s');
    expect(formatSize(100e6)).toBe('100MB');
    expect(formatSize(262144)).toBe('256KiB');
    expect(formatSize(1500)).toBe('1.5kB');
    expect(formatSize(12)).toBe('12B');
    expect(formatBandwidth(12.5e6)).toBe('100Mbps');
    expect(formatBandwidth(1.25e6)).toBe('10Mbps');
    expect(formatBandwidth(250e3)).toBe('2Mbps');
    expect(formatQuantity('none', 0.1 + 0.2)).toBe('0.3');
  });
  it('round-trips through the parser', () => {
    for (const seconds of [0.001, 0.25, 1, 59, 61, 600, 3600, 5400, 86400 * 3]) {
      expect(value(parseDuration(formatDuration(seconds)))).toBeCloseTo(seconds, 9);
    }
    for (const bytes of [1, 999, 1024, 262144, 1e6, 100e6, 3 * 2 ** 30]) {
      expect(value(parseSize(formatSize(bytes)))).toBeCloseTo(bytes, 6);
    }
    for (const bps of [1, 125, 62500, 1.25e6, 1.25e8, 3e5]) {
      expect(value(parseBandwidth(formatBandwidth(bps)))).toBeCloseTo(bps, 6);
    }
    for (const rate of [0.001, 0.5, 1, 2.5, 100]) {
      expect(value(parseRate(formatRate(rate)))).toBeCloseTo(rate, 9);
    }
  });
});

/**
 * Quantities with units in scenario files: durations, rates, sizes and bandwidths, parsed
 * to SI (seconds, per second, bytes, bytes per second) and formatted back for people.
 */
import type { Unit } from './dsl.js';
import { twoTo } from '../math/two-to.js';

/** A parsed quantity, or the one-sentence reason it is not one. */
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** One unit suffix: SI value = number * mul / div (division keeps 250ms exactly 0.25). */
interface Suffix { name: string; mul: number; div: number }

interface UnitTable {
  /** "a duration", used in messages. */
  noun: string;
  /** Meaning of a bare number, e.g. "a number of seconds". */
  bare: string;
  suffixes: readonly Suffix[];
  /** How to write one, completing "write a number ... or a number with". */
  hint: string;
  examples: string;
  /** Common mistakes mapped to the suffix meant. */
  aliases: Readonly<Record<string, string>>;
}

const x = (name: string, mul: number, div = 1): Suffix => ({ name, mul, div });

export const unitTables: Readonly<Record<Exclude<Unit, 'none'>, UnitTable>> = {
  duration: {
    noun: 'a duration',
    bare: 'a number of seconds',
    suffixes: [x('ms', 1, 1000), x('s', 1), x('min', 60), x('h', 3600), x('d', 86400)],
    hint: 'ms, s, min, h or d',
    examples: '250ms, 2s, 5min',
    aliases: {
      m: 'min', mins: 'min', minute: 'min', minutes: 'min', sec: 's', secs: 's', second: 's',
      seconds: 's', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', day: 'd', days: 'd',
      msec: 'ms', millisecond: 'ms', milliseconds: 'ms',
    },
  },
  rate: {
    noun: 'a rate',
    bare: 'a number per second',
    suffixes: [x('/s', 1), x('/min', 1, 60), x('/h', 1, 3600), x('/d', 1, 86400)],
    hint: '/s, /min, /h or /d',
    examples: '5/s, 300/min, 2/h',
    aliases: {
      '/sec': '/s', '/second': '/s', '/m': '/min', '/minute': '/min', '/hour': '/h', '/hr': '/h',
      '/day': '/d', 'per second': '/s', 'per minute': '/min', 'per hour': '/h', 'per day': '/d',
    },
  },
  size: {
    noun: 'a size',
    bare: 'a number of bytes',
    suffixes: [
      x('B', 1), x('kB', 1e3), x('KB', 1e3), x('MB', 1e6), x('GB', 1e9), x('TB', 1e12),
      x('KiB', twoTo(10)), x('MiB', twoTo(20)), x('GiB', twoTo(30)), x('TiB', twoTo(40)),
    ],
    hint: 'B, kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024)',
    examples: '100MB, 64KiB',
    aliases: { Kb: 'kB', kb: 'kB', Mb: 'MB', Gb: 'GB', Tb: 'TB', K: 'kB', k: 'kB', M: 'MB', G: 'GB', bytes: 'B', byte: 'B' },
  },
  bandwidth: {
    noun: 'a bandwidth',
    bare: 'a number of bytes per second',
    suffixes: [
      x('bps', 1, 8), x('kbps', 125), x('Kbps', 125), x('Mbps', 125e3), x('Gbps', 125e6), x('Tbps', 125e9),
      x('bit/s', 1, 8), x('kbit/s', 125), x('Mbit/s', 125e3), x('Gbit/s', 125e6),
      x('B/s', 1), x('kB/s', 1e3), x('KB/s', 1e3), x('MB/s', 1e6), x('GB/s', 1e9), x('TB/s', 1e12),
      x('KiB/s', twoTo(10)), x('MiB/s', twoTo(20)), x('GiB/s', twoTo(30)), x('TiB/s', twoTo(40)),
    ],
    hint: 'bps, kbps, Mbps, Gbps (bits per second) or B/s, kB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s (bytes per second)',
    examples: '10Mbps, 1Gbps, 2MB/s',
    aliases: {
      kBps: 'kB/s', KBps: 'kB/s', MBps: 'MB/s', GBps: 'GB/s', mbps: 'Mbps', gbps: 'Gbps',
      'Mb/s': 'Mbit/s', 'Gb/s': 'Gbit/s', 'kb/s': 'kbit/s', 'Kb/s': 'kbit/s', 'b/s': 'bit/s',
    },
  },
};

/** A decimal number as YAML or JSON would write it: 2, -1.5, .5, 1e6. */
export const NUMBER_SOURCE = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular expression (source text, anchored) matching every string `parseQuantity`
 * accepts for `unit`; published in the JSON Schema so editors flag bad units as you type.
 */
export function unitPattern(unit: Exclude<Unit, 'none'>): string {
  const names = unitTables[unit].suffixes.map((s) => escapeRegExp(s.name));
  return `^\\s*${NUMBER_SOURCE}\\s*(?:${names.join('|')})?\\s*$`;
}

const quantityRe = new RegExp(`^\\s*(${NUMBER_SOURCE})\\s*(.*?)\\s*$`, 's');

/** Parses `input` (a bare number, or a string with a unit) to SI for `unit`. */
export function parseQuantity(unit: Unit, input: number | string): Parsed {
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, message: `${String(input)} is not a finite number` };
  }
  if (unit === 'none') {
    const m = /^\s*([^\s].*?)\s*$/s.exec(input);
    const n = m && new RegExp(`^${NUMBER_SOURCE}$`).test(m[1]) ? Number(m[1]) : NaN;
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `'${input}' is not a number` };
  }
  const table = unitTables[unit];
  const m = quantityRe.exec(input);
  if (m) {
    const number = Number(m[1]);
    const suffixText = m[2];
    if (suffixText === '') return { ok: true, value: number };
    const suffix = table.suffixes.find((s) => s.name === suffixText);
    if (suffix) return { ok: true, value: (number * suffix.mul) / suffix.div };
  }
  return { ok: false, message: unitMessage(unit, input, m ? m[1] : undefined, m ? m[2] : undefined) };
}

/** The error for a string that is not a quantity, with a "did you mean" where one is clear. */
function unitMessage(unit: Exclude<Unit, 'none'>, input: string, number?: string, suffix?: string): string {
  const table = unitTables[unit];
  let text = `'${input}' is not ${table.noun}: write ${table.bare} or a number with ${table.hint}, e.g. ${table.examples}`;
  if (number !== undefined && suffix !== undefined) {
    const meant = table.aliases[suffix]
      ?? table.aliases[suffix.toLowerCase()]
      ?? table.suffixes.find((s) => s.name.toLowerCase() === suffix.toLowerCase())?.name;
    if (meant !== undefined) text += ` (did you mean '${number}${meant}'?)`;
  }
  return text;
}

/** The SI value of one `name` of `unit` (e.g. 60 for 'min'), or undefined if it is not one of its suffixes. */
export function suffixValue(unit: Exclude<Unit, 'none'>, name: string): number | undefined {
  const suffix = unitTables[unit].suffixes.find((s) => s.name === name);
  return suffix && suffix.mul / suffix.div;
}

export const parseDuration = (input: number | string): Parsed => parseQuantity('duration', input);
export const parseRate = (input: number | string): Parsed => parseQuantity('rate', input);
export const parseSize = (input: number | string): Parsed => parseQuantity('size', input);
export const parseBandwidth = (input: number | string): Parsed => parseQuantity('bandwidth', input);

/** Shortest decimal text for a number (no float noise such as 0.30000000000000004). */
function tidy(value: number): string {
  return String(Number(value.toPrecision(12)));
}

const isWhole = (n: number) => Math.abs(n - Math.round(n)) < 1e-9 * Math.max(1, Math.abs(n));

/**
 * Picks the unit a person would write: the largest in which `value` is at least 1 if it is
 * whole there ("10min") or short ("1.5s"); else a smaller one where it is whole and below
 * 1000 ("90s", not "1.5min"); else any where it is whole; else the largest, rounded.
 */
function pick(value: number, units: ReadonlyArray<readonly [string, number]>, zeroUnit: string): string {
  if (value === 0) return `0${zeroUnit}`;
  const fits = units.filter(([, factor]) => Math.abs(value / factor) >= 1);
  if (fits.length === 0) {
    const [name, factor] = units[units.length - 1];
    return `${tidy(value / factor)}${name}`;
  }
  const show = ([name, factor]: readonly [string, number]) => `${tidy(value / factor)}${name}`;
  const first = fits[0];
  const n = value / first[1];
  if (isWhole(n)) return show(first);
  const smaller = fits.find(([, factor]) => isWhole(value / factor) && Math.abs(value / factor) < 1000);
  if (smaller) return show(smaller);
  if (isWhole(n * 1000)) return show(first);
  const anyWhole = fits.find(([, factor]) => isWhole(value / factor));
  return show(anyWhole ?? first);
}

/** 600 → "10min", 0.05 → "50ms", 90 → "90s". */
export function formatDuration(seconds: number): string {
  return pick(seconds, [['d', 86400], ['h', 3600], ['min', 60], ['s', 1], ['ms', 1e-3]], 's');
}
/** 0.5 → "30/min", 5 → "5/s". */
export function formatRate(perSecond: number): string {
  if (perSecond === 0 || Math.abs(perSecond) >= 1) return `${tidy(perSecond)}/s`;
  const per: Array<[string, number]> = [['min', 60], ['h', 3600], ['d', 86400]];
  for (const [name, factor] of per) {
    if (Math.abs(perSecond * factor) >= 1) return `${tidy(perSecond * factor)}/${name}`;
  }
  return `${tidy(perSecond * 86400)}/d`;
}
/** 100e6 → "100MB", 262144 → "256KiB". */
export function formatSize(bytes: number): string {
  const decimal: Array<[string, number]> = [['TB', 1e12], ['GB', 1e9], ['MB', 1e6], ['kB', 1e3]];
  const binary: Array<[string, number]> = [['TiB', twoTo(40)], ['GiB', twoTo(30)], ['MiB', twoTo(20)], ['KiB', twoTo(10)]];
  for (const table of [decimal, binary]) {
    for (const [name, factor] of table) {
      const n = bytes / factor;
      if (Math.abs(n) >= 1 && Number.isInteger(n)) return `${n}${name}`;
    }
  }
  return pick(bytes, [...decimal, ['B', 1]], 'B');
}
/** 12.5e6 → "100Mbps", 1e6 → "8Mbps". Bandwidths are shown in bits per second. */
export function formatBandwidth(bytesPerSecond: number): string {
  return pick(bytesPerSecond * 8, [['Tbps', 1e12], ['Gbps', 1e9], ['Mbps', 1e6], ['kbps', 1e3], ['bps', 1]], 'bps');
}
/** Formats an SI value in the most readable unit of its kind. */
export function formatQuantity(unit: Unit, value: number): string {
  switch (unit) {
    case 'duration': return formatDuration(value);
    case 'rate': return formatRate(value);
    case 'size': return formatSize(value);
    case 'bandwidth': return formatBandwidth(value);
    default: return tidy(value);
  }
}

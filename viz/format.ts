/**
 * Number formatting for the report's server-rendered parts (summary cards): fixed rules,
 * no locale, so the same results always give the same text.
 */
import { groupDigits } from '../sim/text/group-digits.js';

/** Groups thousands with a thin space: 1234567 -> "1 234 567". */
const group = (digits: string): string => groupDigits(digits, '\u2009');

/** A count or measure: integers grouped, others to `digits` significant digits. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return (value < 0 ? '−' : '') + group(String(Math.abs(value)));
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-3)) return value.toExponential(digits - 1).replace('-', '−');
  const text = Number(value.toPrecision(digits)).toString();
  const [int, frac] = text.replace('-', '').split('.');
  return (value < 0 ? '−' : '') + group(int) + (frac ? '.' + frac : '');
}

/** A fraction in [0, 1] as a percentage: 0.9999 -> "99.99 %", 1 -> "100 %". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  const pct = fraction * 100;
  if (pct === 100 || pct === 0) return `${pct} %`;
  // Enough decimals that 99.99 % and 100 % stay distinct.
  const decimals = pct > 99 && pct < 100 ? Math.min(4, Math.ceil(-Math.log10(100 - pct)) + 1) : pct < 1 ? 2 : 1;
  return `${pct.toFixed(decimals)} %`;
}

/** A duration in seconds with a readable unit: 0.16 -> "160 ms", 412 -> "6.87 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const abs = Math.abs(seconds);
  if (abs === 0) return '0 s';
  if (abs < 1e-3) return `${formatNumber(seconds * 1e6)} µs`;
  if (abs < 1) return `${formatNumber(seconds * 1e3)} ms`;
  if (abs < 120) return `${formatNumber(seconds)} s`;
  if (abs < 7200) return `${formatNumber(seconds / 60)} min`;
  if (abs < 172800) return `${formatNumber(seconds / 3600)} h`;
  return `${formatNumber(seconds / 86400)} days`;
}

/** Bytes with binary-free SI prefixes as used in the scenario file: 1.2e8 -> "120 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) { v /= 1000; u++; }
  return `${formatNumber(v)} ${units[u]}`;
}

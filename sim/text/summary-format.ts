/** Number formats of the CLI's one-screen summary (digits grouped by fixed rules, whatever the locale). */
import { grouped } from './group-digits.js';
import { printable } from './printable.js';

export const fmt = (x: unknown, digits = 3): string => {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return String(x);
    if (Number.isInteger(x)) return grouped(x);
    // Trailing zeros go only after a decimal point: 699.7 -> "700", never "7".
    const text = x.toPrecision(digits);
    return /e/.test(text) || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
  }
  // Text from a results file or a scenario reaches the terminal without control characters.
  return printable(String(x));
};

export const pct = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '—');

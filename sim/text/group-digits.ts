/**
 * Groups a run of decimal digits in threes: groupDigits('1234567', ',') -> "1,234,567".
 * Not toLocaleString: fixed rules whatever the locale, and no ICU set-up (the first
 * toLocaleString of a process or worker costs ~15 ms, and every run estimates its memory,
 * whose messages use this). A leading minus sign is left alone.
 */
export function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A whole number with its digits grouped by commas: 1000000 → "1,000,000". */
export function grouped(n: number): string {
  const text = String(Math.round(n));
  return text.startsWith('-') ? `-${groupDigits(text.slice(1), ',')}` : groupDigits(text, ',');
}

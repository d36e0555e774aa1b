/**
 * Groups a run of decimal digits in threes: groupDigits('1234567', ',') -> "1,234,567".
 * Not toLocaleString: fixed rules whatever the locale, and no ICU set-up (the first
 * toLocaleString of a process or worker costs ~15 ms, and every run estimates its memory,
 * whose messages use this). A leading minus sign is left alone.
 */
export function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Results files as text: stable key order, two-space indent, newline at the end. */
import { WALL_CLOCK_KEYS } from './results.js';

export function stringifyResults(results: unknown): string {
  return JSON.stringify(results, null, 2) + '\n';
}

/** A copy of a results object without wall-clock figures, for byte-for-byte comparisons. */
export function withoutWallClock<T>(results: T): T {
  return JSON.parse(JSON.stringify(results, (key, value) =>
    (WALL_CLOCK_KEYS as readonly string[]).includes(key) ? undefined : value));
}

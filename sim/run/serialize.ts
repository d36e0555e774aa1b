/** Results files as text: stable key order, two-space indent, newline at the end. */
import { WALL_CLOCK_KEYS } from './results.js';
import { MACHINE_PROVENANCE_KEYS } from './provenance.js';

export function stringifyResults(results: unknown): string {
  return JSON.stringify(results, null, 2) + '\n';
}

/**
 * A copy of a results or sweep object without wall-clock figures and without the machine
 * in its provenance (engine, platform), for byte-for-byte comparisons; the gossipsim
 * version and the scenario hash stay.
 */
export function withoutWallClock<T>(results: T): T {
  const provenance = (results as { provenance?: object } | null)?.provenance;
  return JSON.parse(JSON.stringify(results, function (this: unknown, key, value) {
    if (this === provenance && (MACHINE_PROVENANCE_KEYS as readonly string[]).includes(key)) return undefined;
    return (WALL_CLOCK_KEYS as readonly string[]).includes(key) ? undefined : value;
  }));
}

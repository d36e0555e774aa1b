/** CPU time of the calling thread, for benchmarks of parallel runs (never in results). */
import { readFileSync } from 'node:fs';

/** CPU seconds used by the calling thread so far (Linux /proc; NaN elsewhere). */
export function threadCpuSeconds(): number {
  try {
    // Fields 14 and 15 of /proc/thread-self/stat: user and system time, in clock ticks.
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

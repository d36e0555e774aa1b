/**
 * Background priority for the main thread of a parallel run while its workers simulate.
 * The main thread then summarises the overlay: with two workers on two cores that is a
 * third busy thread, and the core it takes from a worker holds the other one up at the
 * next barrier too. At the lowest priority (nice 19) it runs in the time the workers
 * leave (waiting at barriers, or done), and the summary is ready for them all the same
 * (they block until it is). On Linux the nice value belongs to a thread, so the workers
 * keep theirs. Done only where the old priority can be given back afterwards: raising a
 * priority again needs CAP_SYS_NICE or a high enough RLIMIT_NICE (`ulimit -e`); without
 * either, or on another OS, nothing changes. Results never depend on it: only when each
 * thread runs does.
 */
import { readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of a background thread. */
export const BACKGROUND_NICE = 19;
/** CAP_SYS_NICE, bit 23 of the capability sets. */
const CAP_SYS_NICE = 23n;

/** Whether this thread may set its nice value back down to `nice` (Linux, from /proc). */
export function mayLowerNiceTo(nice: number, status: string, limits: string): boolean {
  const caps = /^CapEff:\s*([0-9a-f]+)\s*$/im.exec(status);
  if (caps && ((BigInt(`0x${caps[1]}`) >> CAP_SYS_NICE) & 1n) === 1n) return true;
  // "Max nice priority  <soft>  <hard>": the nice value may go down to 20 - soft.
  const limit = /^Max nice priority\s+(\S+)/m.exec(limits);
  if (!limit) return false;
  if (limit[1] === 'unlimited') return true;
  const soft = Number(limit[1]);
  return Number.isFinite(soft) && 20 - soft <= nice;
}

function readable(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Whether enterBackground lowers this thread's priority, now at nice `before`: on Linux,
 * below BACKGROUND_NICE, and where /proc says it can be set back to `before`.
 */
export function mayEnterBackground(before: number): boolean {
  return process.platform === 'linux' && before < BACKGROUND_NICE
    && mayLowerNiceTo(before, readable('/proc/thread-self/status'), readable('/proc/self/limits'));
}

/**
 * Lowers this thread's priority to BACKGROUND_NICE when it can be restored; returns what
 * restores it (a no-op when nothing was changed).
 */
export function enterBackground(): () => void {
  let before: number;
  try {
    before = getPriority(0);
  } catch {
    return () => {};
  }
  if (!mayEnterBackground(before)) return () => {};
  try {
    setPriority(0, BACKGROUND_NICE);
  } catch {
    return () => {};
  }
  return () => {
    try {
      setPriority(0, before);
    } catch {
      // Checked above; should the system refuse after all, the thread stays in the
      // background, which changes only how soon it runs on a busy machine.
    }
  };
}

/** Parsers for command-line option values; each throws a UsageError (exit 2) when bad. */
import { availableParallelism } from 'node:os';
import { UsageError } from './errors.js';

export function parseIntOption(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`option ${name}: expected an integer, got '${value}'.`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`option ${name}: expected an integer between ${min} and ${max}, got ${n}.`);
  return n;
}

export function parseWorkers(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return parseIntOption('--workers', value, 1, 1024);
}

export function defaultSweepWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Accumulates repeated options (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

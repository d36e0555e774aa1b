/**
 * Writes output files atomically (temporary file in the same folder, then rename) and
 * refuses to replace a file that gossipsim did not write, so a user's work is never lost.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/** Markers that identify a file as a gossipsim output, looked for in its first 4 KiB. */
const OUTPUT_MARKERS = ['"format": "gossipsim-', '"format":"gossipsim-', '<meta name="generator" content="gossipsim'];

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** True when `path` does not exist or holds a gossipsim report or results file. */
export function isReplaceable(path: string): boolean {
  if (!existsSync(path)) return true;
  try {
    const text = head(path);
    return OUTPUT_MARKERS.some((m) => text.includes(m));
  } catch {
    return false;
  }
}

/**
 * Writes `content` to `path` atomically. Throws a UsageError (exit 2) when `path` is one
 * of `inputs` or an existing file that gossipsim did not write.
 */
export function writeOutputFile(path: string, content: string, inputs: string[] = []): void {
  const target = resolve(path);
  if (inputs.some((i) => resolve(i) === target)) {
    throw new UsageError(`${path}: refusing to write output over an input file; choose another output path.`);
  }
  if (!isReplaceable(target)) {
    throw new UsageError(
      `${path}: refusing to overwrite a file that gossipsim did not write (it is not a gossipsim report or results file); choose another path or remove it yourself.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Reads a scenario file, then as load-text.ts: YAML (or JSON) → --set overrides → validated
 * `Scenario`, every failure a ScenarioError naming the file, the key path and line:column.
 * In Node the files its keys name (a churn trace) are read from disk too (node-files.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Scenario } from './schema.js';
import { ScenarioError } from './errors.js';
import { MAX_FILE_BYTES } from './limits.js';
import { loadScenarioText as loadText, tooLarge } from './load-text.js';
import { nodeFiles } from './node-files.js';
import type { FileSource } from './input-files.js';

export { parseScenarioText, type ParsedScenario } from './load-text.js';

/** As load-text.ts's, reading the files the scenario's keys name from disk (or through `files`). */
export function loadScenarioText(text: string, fileName: string, sets: readonly string[] = [], files: FileSource = nodeFiles): Scenario {
  return loadText(text, fileName, sets, files);
}

/** Reads, overrides (`key.path=value` strings, in order) and validates a scenario file. */
export function loadScenarioFile(file: string, sets: readonly string[] = []): Scenario {
  return loadScenarioText(readScenarioFile(file), file, sets);
}

/**
 * Reads at most MAX_FILE_BYTES (and one more byte to notice a larger file), so a huge file,
 * /dev/zero or a pipe that never ends is refused without being held in memory.
 */
export function readScenarioFile(file: string): string {
  const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
  let length = 0;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_FILE_BYTES) throw new ScenarioError(tooLarge('the scenario file'), { file });
    }
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError(`cannot read the scenario file: ${osReason(error)}`, { file });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return buffer.toString('utf8', 0, length);
}

/** The OS's reason in words: "no such file or directory", "permission denied". */
function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'EMFILE': return 'too many open files';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return code ? `${message.replace(new RegExp(`^${code}: `), '')} (${code})` : message;
    }
  }
}

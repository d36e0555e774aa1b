/**
 * Reads an availability trace file (format from its name: `.csv` is the session CSV,
 * anything else the FTA event table) as a scenario's `churn.trace` is read: refused up front
 * when too big for memory, kept for the run, and not parsed again while the file is unchanged.
 */
import { readInputFile } from '../../../scenario/node-files.js';
import { traceFile } from './file.js';
import type { Trace } from './trace.js';

/**
 * The trace in `file`. Throws a ScenarioError (exit 2) for an unreadable file, a file whose
 * text and sessions could not fit in `limitBytes`, or a bad line (`file:line: what is wrong`).
 */
export function loadTrace(file: string, limitBytes = Infinity): Trace {
  return readInputFile(traceFile, file, limitBytes);
}

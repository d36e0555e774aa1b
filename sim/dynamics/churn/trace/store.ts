/**
 * The traces loaded in this process, by the path a scenario's `churn.trace` resolves to: the
 * scenario loader reads them through the family's file hook (file.ts) into scenario/file-store.ts.
 */
import { loadedFile, storedFile } from '../../../scenario/file-store.js';
import { traceFile } from './file.js';
import type { Trace } from './trace.js';

/** The trace loaded for `path`, if any. */
export function storedTrace(path: string): Trace | undefined {
  return storedFile(traceFile, path);
}

/** The trace loaded for `path`; a ScenarioError if none was (scenarios load it as they load). */
export function traceOf(path: string): Trace {
  return loadedFile(traceFile, path);
}

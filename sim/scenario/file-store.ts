/**
 * The input files parsed in this process (families/files.ts), by the key that names them and
 * the path it resolved to: read once as a scenario loads, then looked up by the components
 * that replay them. A process-wide cache of files, not per-run state. No node: modules.
 */
import { ScenarioError, formatKeyPath } from './errors.js';
import type { FamilyFile } from '../families/files.js';

/** When a file on disk was read: a file whose size and modification time are unchanged is not read again. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

interface Stored {
  parsed: unknown;
  stamp?: FileStamp;
}

/** A parsed file as posted to a worker thread (input-files.ts's filesForWorker), for adoptFiles. */
export interface SentFile {
  /** The key that names it, as formatKeyPath writes it (`churn.trace`). */
  key: string;
  path: string;
  parsed: unknown;
  stamp?: FileStamp;
}

const stored = new Map<string, Map<string, Stored>>();

const keyOf = (file: FamilyFile<unknown>) => formatKeyPath(file.key);

export function storeFile<T>(file: FamilyFile<T>, path: string, parsed: T, stamp?: FileStamp): void {
  storeAt(keyOf(file as FamilyFile<unknown>), path, { parsed, stamp });
}

function storeAt(key: string, path: string, entry: Stored): void {
  let byPath = stored.get(key);
  if (!byPath) stored.set(key, (byPath = new Map()));
  byPath.set(path, entry);
}

/** The stored file and when it was read (undefined if none is). */
export function storedEntry<T>(file: FamilyFile<T>, path: string): { parsed: T; stamp?: FileStamp } | undefined {
  return stored.get(keyOf(file as FamilyFile<unknown>))?.get(path) as { parsed: T; stamp?: FileStamp } | undefined;
}

/** The file parsed for `path`, if any. */
export function storedFile<T>(file: FamilyFile<T>, path: string): T | undefined {
  return storedEntry(file, path)?.parsed;
}

/** The file parsed for `path`; a ScenarioError if none was (scenarios read their files as they load). */
export function loadedFile<T>(file: FamilyFile<T>, path: string): T {
  const entry = storedEntry(file, path);
  if (!entry) {
    throw new ScenarioError(`this ${file.noun} was not loaded: load the scenario with loadScenarioFile or loadScenarioText of sim/scenario/load.ts, which read the files its keys name`, { file: path });
  }
  return entry.parsed;
}

/**
 * Keeps the files a worker thread was posted. One already stored from the same read (same
 * stamp) is kept as it is, so what was computed from it once (a trace's summary) still is.
 */
export function adoptFiles(sent: readonly SentFile[]): void {
  for (const { key, path, parsed, stamp } of sent) {
    const have = stored.get(key)?.get(path);
    if (have?.stamp && stamp && have.stamp.mtimeMs === stamp.mtimeMs && have.stamp.size === stamp.size) continue;
    storeAt(key, path, { parsed, stamp });
  }
}

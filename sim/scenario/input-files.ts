/**
 * The scenario loader's side of the families' file hooks (families/files.ts): finds the files
 * a scenario's keys name, reads them through a FileSource (Node: node-files.ts; a browser:
 * given texts), applies them to the scenario, checks them, and posts them to worker threads.
 */
import { FAMILIES } from '../families/families.js';
import type { ErrorAt, FamilyFile } from '../families/files.js';
import { ScenarioError, formatKeyPath } from './errors.js';
import { loadedFile, storeFile, storedEntry, type SentFile } from './file-store.js';
import type { Scenario } from './schema.js';
import { isMapping, type Locator } from './validate.js';

/** Every registered family's kinds of file. */
export const FAMILY_FILES: readonly FamilyFile[] = FAMILIES.flatMap((f) => f.files ?? []);

/** How a scenario loader reaches the files its keys name. */
export interface FileSource {
  /** The path a key's value names, as the run will look it up: relative to the scenario file, or to the working directory for --set. */
  resolve(written: string, scenarioFile: string, fromSet: boolean): string;
  /** The file parsed (and stored: file-store.ts); a file that cannot be read throws a ScenarioError naming only the file. */
  read<T>(file: FamilyFile<T>, path: string): T;
}

/** Files already stored, under the path as written (the default where nothing can be read). */
export const storedFiles: FileSource = { resolve: (written) => written, read: loadedFile };

/** Files given as text (a browser has no files), by the path as written in the scenario; each parsed and stored. */
export function textFiles(texts: Readonly<Record<string, string>>): FileSource {
  return {
    resolve: (written) => written,
    read(file, path) {
      if (!Object.hasOwn(texts, path)) return loadedFile(file, path);
      const parsed = file.parse(texts[path], path, 0);
      storeFile(file, path, parsed);
      return parsed;
    },
  };
}

/** The non-empty string at `key` in a mapping (a raw or validated scenario), with the mapping that holds it. */
function named(root: unknown, key: readonly string[]): { holder: Record<string, unknown>; written: string } | undefined {
  let holder: unknown = root;
  for (const part of key.slice(0, -1)) holder = isMapping(holder) ? holder[part] : undefined;
  if (!isMapping(holder)) return undefined;
  const written = holder[key[key.length - 1]];
  return typeof written === 'string' && written !== '' ? { holder, written } : undefined;
}

/** The paths a scenario's keys name, as written, by key (`churn.trace`): what a browser must be given the text of. */
export function namedFiles(raw: unknown): Array<{ file: FamilyFile; written: string }> {
  return FAMILY_FILES.flatMap((file) => {
    const found = named(raw, file.key);
    return found ? [{ file, written: found.written }] : [];
  });
}

/** A file read as the scenario loaded, for the checks after validation. */
export interface ReadFile {
  file: FamilyFile;
  path: string;
  parsed: unknown;
}

/**
 * Before validation, on the raw mapping (--set applied): resolves each path a key names (in
 * place), reads the file and applies it to the scenario. A file that cannot be read is the
 * scenario's mistake, reported at its key; a bad line is the file's, reported at `file:line`.
 */
export function applyFiles(
  raw: Record<string, unknown>, scenarioFile: string, fromSet: (keyPath: string) => boolean, locate: Locator, source: FileSource,
): ReadFile[] {
  const at = errorAt(scenarioFile, locate);
  const read: ReadFile[] = [];
  for (const file of FAMILY_FILES) {
    const found = named(raw, file.key);
    if (!found) continue;
    const path = source.resolve(found.written, scenarioFile, fromSet(formatKeyPath(file.key)));
    found.holder[file.key[file.key.length - 1]] = path;
    let parsed: unknown;
    try {
      parsed = source.read(file, path);
    } catch (error) {
      if (error instanceof ScenarioError && error.line === undefined && error.file === path) {
        throw at(file.key, `${error.detail.replace(/\.$/, '')} (${path})`);
      }
      throw error;
    }
    file.apply?.(raw, parsed, path, at);
    read.push({ file, path, parsed });
  }
  return read;
}

/** After validation: each file read checked against the scenario. */
export function checkFiles(read: readonly ReadFile[], scenario: Scenario, scenarioFile: string, locate: Locator): void {
  const at = errorAt(scenarioFile, locate);
  for (const { file, path, parsed } of read) file.check?.(scenario, parsed, path, at);
}

function errorAt(scenarioFile: string, locate: Locator): ErrorAt {
  return (keyPath, detail) => ScenarioError.at(detail, keyPath, locate(keyPath, 'value'), scenarioFile);
}

/** The files a loaded scenario names, in the form posted to a worker thread (which keeps them with adoptFiles). */
export function filesForWorker(scenario: Scenario): SentFile[] {
  return FAMILY_FILES.flatMap((file) => {
    const found = named(scenario, file.key);
    const entry = found && storedEntry(file, found.written);
    if (!found || !entry) return [];
    const parsed = file.toWorker ? file.toWorker(entry.parsed) : entry.parsed;
    return [{ key: formatKeyPath(file.key), path: found.written, parsed, stamp: entry.stamp }];
  });
}
